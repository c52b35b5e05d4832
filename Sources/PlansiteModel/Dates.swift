/// What content may contain, in one place: every value `check` accepts is one `build` and
/// every export can use. See docs/content-format.md, "Giới hạn".
public enum ContentLimits {
    /// Years a date, a plan's year, a reporting period or an index result may have: from
    /// the founding of the state to a horizon no plan reaches. Date arithmetic (the day
    /// after a deadline, a quarter's end) stays far inside what `CalendarDate` represents.
    public static let years = 1945...2100
    /// Bytes of an id or slug: each becomes a file or folder name in the portal, and 100
    /// bytes (with ".html" or ".json" added) fits every file system's 255-byte limit.
    public static let identifierBytes = 100
    /// Characters of one value (a title, a name, a task's text).
    public static let textCharacters = 20_000
    /// Significant digits of a number: `Decimal` keeps 38 exactly.
    public static let significantDigits = 38
}

/// A calendar day, without time or zone: deadlines and the site's as-of date.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Any real day of years 1–9999 (content is limited to `ContentLimits.years` when read,
    /// so that arithmetic on its dates never leaves this range).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads "20/6/2023" or "01/07/2019": a real day in `ContentLimits.years`.
    public init?(parsing text: String) {
        guard case .date(let date) = CalendarDate.read(text) else { return nil }
        self = date
    }

    /// What a written date is: a date, or why it is not one.
    public enum Reading: Hashable, Sendable {
        case date(CalendarDate)
        /// Not of the form day/month/year.
        case notADate
        /// Day/month/year, but no such day ("31/02/2025", "29/02/2023", "12/13/2024").
        case noSuchDay(day: Int, month: Int, year: Int)
        /// A real day outside `ContentLimits.years`.
        case yearOutOfRange(year: Int)
    }

    /// Reads "d/m/yyyy" (one or two digits for day and month, four for the year).
    public static func read(_ text: String) -> Reading {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return .notADate }
        guard let date = CalendarDate(year: y, month: m, day: d) else { return .noSuchDay(day: d, month: m, year: y) }
        guard ContentLimits.years.contains(y) else { return .yearOutOfRange(year: y) }
        return .date(date)
    }

    /// Every "d/m/yyyy" written in free text (a time frame such as "trước ngày 31/02/2025,
    /// báo cáo trước 15/3/2026"), with its offset in characters, as read.
    public static func datesWritten(in text: String) -> [(offset: Int, text: String, reading: Reading)] {
        var out: [(Int, String, Reading)] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber,
                index == 0 || !(characters[index - 1].isNumber || characters[index - 1] == "/")
            else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber || characters[end] == "/" {
                end += 1
            }
            let candidate = String(characters[index..<end])
            if candidate.filter({ $0 == "/" }).count == 2 {
                out.append((index, candidate, read(candidate)))
            }
            index = end
        }
        return out
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// dd/mm/yyyy, the Vietnamese way.
    public var description: String { "\(twoDigits(day))/\(twoDigits(month))/\(year)" }

    /// ISO 8601, for `<time datetime>`.
    public var iso: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }
}

/// A document date as printed, where the day or month may be left blank
/// ("ngày tháng 7 năm 2024").
public struct DocumentDate: Hashable, Sendable, Comparable, Codable {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Reads "18/7/2024", "7/2024" or "2024".
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace().split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 3:
            guard let date = CalendarDate(parsing: parts.joined(separator: "/")) else { return nil }
            self.init(year: date.year, month: date.month, day: date.day)
        case 2:
            guard let m = Int(parts[0]), let y = Int(parts[1]), (1...12).contains(m), parts[1].count == 4,
                ContentLimits.years.contains(y)
            else { return nil }
            self.init(year: y, month: m)
        case 1:
            guard let y = Int(parts[0]), parts[0].count == 4, ContentLimits.years.contains(y) else { return nil }
            self.init(year: y)
        default:
            return nil
        }
    }

    public static func < (a: DocumentDate, b: DocumentDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// "18/07/2024", "07/2024" or "2024".
    public var short: String {
        switch (day, month) {
        case (let d?, let m?): return "\(twoDigits(d))/\(twoDigits(m))/\(year)"
        case (nil, let m?): return "\(twoDigits(m))/\(year)"
        default: return String(year)
        }
    }

    /// The most precise ISO form, for `<time datetime>`.
    public var iso: String {
        switch (day, month) {
        case (let d?, let m?): return "\(year)-\(twoDigits(m))-\(twoDigits(d))"
        case (nil, let m?): return "\(year)-\(twoDigits(m))"
        default: return String(year)
        }
    }
}

func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

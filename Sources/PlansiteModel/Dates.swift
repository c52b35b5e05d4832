/// A calendar day, without time or zone: deadlines and the site's as-of date.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CalendarDate.daysIn(month: month, year: year)).contains(day),
            (1900...2999).contains(year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads "20/6/2023" or "01/07/2019".
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        self.init(year: y, month: m, day: d)
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
public struct DocumentDate: Hashable, Sendable, Comparable {
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
                (1900...2999).contains(y)
            else { return nil }
            self.init(year: y, month: m)
        case 1:
            guard let y = Int(parts[0]), parts[0].count == 4, (1900...2999).contains(y) else { return nil }
            self.init(year: y)
        default:
            return nil
        }
    }

    public static func < (a: DocumentDate, b: DocumentDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    /// "ngày 18 tháng 7 năm 2024"; blanks stay blank as in the signed document.
    public var official: String {
        let d = day.map { twoDigits($0) } ?? "    "
        let m = month.map { String($0) } ?? "    "
        return "ngày \(d) tháng \(m) năm \(year)"
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

/// A reporting period of the administration: a quarter, a half-year or a year.
///
/// Decree 09/2019/NĐ-CP sets the reporting regime the plans follow: a periodic report is due
/// by the 20th of the last month of its period, so a period's due date is a day of its last
/// month (`dueDate(reportDay:)`).
public struct ReportingPeriod: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public enum Span: Hashable, Sendable, Codable {
        /// Quý I–IV: 1...4.
        case quarter(Int)
        /// 6 tháng đầu năm (1) or 6 tháng cuối năm (2).
        case half(Int)
        case year
    }

    public let year: Int
    public let span: Span

    public init?(year: Int, span: Span) {
        guard (1900...2999).contains(year) else { return nil }
        switch span {
        case .quarter(let q) where !(1...4).contains(q): return nil
        case .half(let h) where !(1...2).contains(h): return nil
        default: break
        }
        self.year = year
        self.span = span
    }

    /// First and last month of the period.
    public var months: ClosedRange<Int> {
        switch span {
        case .quarter(let q): (q - 1) * 3 + 1...q * 3
        case .half(let h): (h - 1) * 6 + 1...h * 6
        case .year: 1...12
        }
    }

    public var start: CalendarDate { CalendarDate(year: year, month: months.lowerBound, day: 1)! }

    public var end: CalendarDate {
        let month = months.upperBound
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }

    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The day the period's report is due: `reportDay` of its last month (the last day of the
    /// month when the month is shorter).
    public func dueDate(reportDay: Int) -> CalendarDate {
        let month = months.upperBound
        let day = min(max(reportDay, 1), CalendarDate.daysIn(month: month, year: year))
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// "Quý III/2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024", "Năm 2024".
    public var description: String {
        switch span {
        case .quarter(let q): "Quý \(Self.roman[q - 1])/\(year)"
        case .half(1): "6 tháng đầu năm \(year)"
        case .half: "6 tháng cuối năm \(year)"
        case .year: "Năm \(year)"
        }
    }

    /// An ASCII name for ids and file names: "2024-q3", "2024-h1", "2024".
    public var slug: String {
        switch span {
        case .quarter(let q): "\(year)-q\(q)"
        case .half(let h): "\(year)-h\(h)"
        case .year: String(year)
        }
    }

    /// Ordered by end, then by length (the shorter period first): Q2 < H1 < Q3 < Q4 < H2 < year.
    public static func < (a: ReportingPeriod, b: ReportingPeriod) -> Bool {
        (a.end, b.start) < (b.end, a.start)
    }

    private static let roman = ["I", "II", "III", "IV"]

    /// The quarters whose last day falls between two dates, in order.
    public static func quarters(endingFrom first: CalendarDate, through last: CalendarDate) -> [ReportingPeriod] {
        guard first <= last else { return [] }
        var out: [ReportingPeriod] = []
        for year in first.year...last.year {
            for q in 1...4 {
                let period = ReportingPeriod(year: year, span: .quarter(q))!
                if first <= period.end && period.end <= last { out.append(period) }
            }
        }
        return out
    }

    /// Reads the ways reports name their period: "Quý III/2024", "Quý 3 năm 2024", "quý 3/2024",
    /// "6 tháng đầu năm 2024", "6 tháng 2024", "6 tháng cuối năm 2024", "Năm 2024", "2024".
    public init?(parsing raw: String) {
        let words = VietnameseText.fold(raw.collapsingWhitespace).lowercased()
            .replacingOccurrences(of: "/", with: " ").replacingOccurrences(of: " nam ", with: " ")
            .split(separator: " ").map(String.init)
        guard let last = words.last, last.count == 4, let year = Int(last) else { return nil }
        let head = Array(words.dropLast())
        let span: Span
        if head.isEmpty || head == ["nam"] {
            span = .year
        } else if head.count == 2, head[0] == "quy" {
            let q = head[1]
            guard let number = Int(q) ?? Self.roman.firstIndex(of: q.uppercased()).map({ $0 + 1 }) else { return nil }
            span = .quarter(number)
        } else if head.count >= 2, ["6", "06"].contains(head[0]), head[1] == "thang", head.count <= 3 {
            switch head.dropFirst(2).first {
            case nil, "dau": span = .half(1)
            case "cuoi": span = .half(2)
            default: return nil
            }
        } else {
            return nil
        }
        self.init(year: year, span: span)
    }
}

extension CalendarDate {
    /// Days since 1 January 1970 (negative before), for counting days between dates.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }
}

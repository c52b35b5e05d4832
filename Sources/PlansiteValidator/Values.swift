import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel

/// Parses located scalars into typed values, reporting what does not parse.
struct ValueParser {
    var bag: DiagnosticBag
    /// "Did you mean" searches made per file: each is a walk over every candidate, and past
    /// the diagnostics a file shows (`DiagnosticBag.perFileLimit`) they are not read.
    private var suggestionSearches: [String: Int] = [:]

    init(bag: DiagnosticBag) { self.bag = bag }

    /// Whether a diagnostic at `location` may still look for close names: true for the
    /// first twice `DiagnosticBag.perFileLimit` of its file.
    mutating func maySuggest(at location: SourceLocation) -> Bool {
        let count = suggestionSearches[location.file, default: 0]
        guard count < 2 * DiagnosticBag.perFileLimit else { return false }
        suggestionSearches[location.file] = count + 1
        return true
    }

    mutating func quantity(_ field: Located<String>?, name: String) -> Quantity? {
        guard let field else { return nil }
        let digits = Quantity.significantDigits(in: field.value)
        if digits > ContentLimits.significantDigits {
            bag.error(
                .numberTooPrecise,
                "số '\(field.value.prefix(60))' có \(digits) chữ số có nghĩa; một số được tối đa \(ContentLimits.significantDigits) chữ số có nghĩa để được giữ đúng như đã viết (\(name))",
                at: field.location)
            return nil
        }
        guard let value = Quantity(parsing: field.value) else {
            bag.error(
                .malformedNumber, "'\(field.value)' không phải là một số (\(name)); viết ví dụ 1,5 hoặc 86,57",
                at: field.location)
            return nil
        }
        return value
    }

    mutating func integer(_ field: Located<String>?, name: String, range: ClosedRange<Int>) -> Int? {
        guard let field else { return nil }
        guard let value = Int(field.value), range.contains(value) else {
            bag.error(
                .malformedNumber,
                "'\(field.value.prefix(60))' không phải là \(name) hợp lệ (số nguyên từ \(range.lowerBound) đến \(range.upperBound))",
                at: field.location)
            return nil
        }
        return value
    }

    mutating func year(_ field: Located<String>?) -> Int? {
        integer(field, name: "năm", range: ContentLimits.years)
    }

    /// The reason a written date is not one, for a clerk; nil for a date.
    static func problem(with reading: CalendarDate.Reading, written: String) -> String? {
        switch reading {
        case .date: return nil
        case .notADate:
            return "'\(written.prefix(60))' không phải là ngày hợp lệ; viết theo dạng ngày/tháng/năm, ví dụ 18/7/2024"
        case .noSuchDay(let day, let month, let year):
            guard (1...12).contains(month) else {
                return "ngày \(written): không có tháng \(month) (tháng từ 1 đến 12)"
            }
            let days = CalendarDate.daysIn(month: month, year: min(max(year, 1), 9999))
            return "ngày \(written) không có trong lịch: tháng \(month) năm \(year) chỉ có \(days) ngày (ngày \(day))"
        case .yearOutOfRange(let year):
            return
                "ngày \(written) có năm \(year), ngoài khoảng \(ContentLimits.years.lowerBound)–\(ContentLimits.years.upperBound) mà nội dung được dùng; kiểm tra lại năm"
        }
    }

    mutating func calendarDate(_ field: Located<String>?, name: String) -> CalendarDate? {
        guard let field else { return nil }
        let reading = CalendarDate.read(field.value)
        if case .date(let date) = reading { return date }
        let problem = Self.problem(with: reading, written: field.value) ?? ""
        bag.error(.malformedDate, "\(problem) (\(name))", at: field.location)
        return nil
    }

    mutating func documentDate(_ field: Located<String>?) -> DocumentDate? {
        guard let field else { return nil }
        if field.value.filter({ $0 == "/" }).count == 2 {
            let reading = CalendarDate.read(field.value.trimmingWhitespace())
            if let problem = Self.problem(with: reading, written: field.value), reading != .notADate {
                bag.error(.malformedDate, problem, at: field.location)
                return nil
            }
        }
        guard let date = DocumentDate(parsing: field.value) else {
            bag.error(
                .malformedDate,
                "'\(field.value.prefix(60))' không phải là ngày hợp lệ; viết 18/7/2024, hoặc 7/2024 hay 2024 khi văn bản để trống ngày, tháng (năm từ \(ContentLimits.years.lowerBound) đến \(ContentLimits.years.upperBound))",
                at: field.location)
            return nil
        }
        return date
    }

    mutating func index(_ field: Located<String>?) -> IndexKind? {
        guard let field else { return nil }
        let key = VietnameseText.slug(field.value)
        let aliases: [String: IndexKind] = ["par-index": .parIndex, "par": .parIndex, "papi": .papi, "sipas": .sipas]
        guard let index = aliases[key] else {
            var message = "chỉ số '\(field.value)' không có; các chỉ số là par-index, papi, sipas"
            if let hint = Suggestions.hint(for: field.value, in: IndexKind.allCases.map(\.rawValue)) {
                message += "; \(hint)"
            }
            bag.error(.unknownIndex, message, at: field.location)
            return nil
        }
        return index
    }

    mutating func choice<T: RawRepresentable>(_ field: Located<String>?, of type: T.Type, name: String) -> T?
    where T: CaseIterable, T.RawValue == String {
        guard let field else { return nil }
        let wanted = VietnameseText.matchKey(field.value)
        if let value = T.allCases.first(where: { VietnameseText.matchKey($0.rawValue) == wanted }) { return value }
        let options = T.allCases.map(\.rawValue)
        var message = "\(name) '\(field.value)' không có; chọn một trong: \(options.joined(separator: ", "))"
        if let hint = Suggestions.hint(for: field.value, in: options) { message += "; \(hint)" }
        bag.error(.unknownValue, message, at: field.location)
        return nil
    }

    mutating func slug(_ field: Located<String>?, name: String) -> String? {
        guard let field else { return nil }
        guard field.value.utf8.count <= ContentLimits.identifierBytes else {
            bag.error(
                .valueTooLong,
                "\(name) '\(field.value.prefix(40))…' dài \(field.value.utf8.count) byte; mã được tối đa \(ContentLimits.identifierBytes) byte vì nó trở thành tên tệp, tên thư mục của cổng",
                at: field.location)
            return nil
        }
        guard VietnameseText.isSlug(field.value) else {
            bag.error(
                .malformedSlug,
                "\(name) '\(field.value)' phải chỉ gồm chữ thường không dấu, chữ số và dấu '-', ví dụ '\(VietnameseText.slug(field.value))'",
                at: field.location)
            return nil
        }
        return field.value
    }
}

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
                "'\(field.value)' không phải là \(name) hợp lệ (số nguyên từ \(range.lowerBound) đến \(range.upperBound))",
                at: field.location)
            return nil
        }
        return value
    }

    mutating func year(_ field: Located<String>?) -> Int? {
        integer(field, name: "năm", range: 1900...2999)
    }

    mutating func calendarDate(_ field: Located<String>?, name: String) -> CalendarDate? {
        guard let field else { return nil }
        guard let date = CalendarDate(parsing: field.value) else {
            bag.error(
                .malformedDate,
                "'\(field.value)' không phải là ngày hợp lệ (\(name)); viết theo dạng ngày/tháng/năm, ví dụ 18/7/2024",
                at: field.location)
            return nil
        }
        return date
    }

    mutating func documentDate(_ field: Located<String>?) -> DocumentDate? {
        guard let field else { return nil }
        guard let date = DocumentDate(parsing: field.value) else {
            bag.error(
                .malformedDate,
                "'\(field.value)' không phải là ngày hợp lệ; viết 18/7/2024, hoặc 7/2024 hay 2024 khi văn bản để trống ngày, tháng",
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

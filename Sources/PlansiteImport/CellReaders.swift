import Foundation
import PlansiteModel

/// The number cell of a row: "2.2.1", "-", "1.1 Title" or something else.
enum RowNumber: Equatable {
    case code(String)
    case marker
    case codeAndTitle(String, String)
    case other

    static func read(_ text: String) -> RowNumber {
        let trimmed = text.trimmingWhitespace()
        if ["-", "–", "—", "+", "•", "*"].contains(trimmed) { return .marker }
        if let code = code(trimmed) { return .code(code) }
        let parts = trimmed.split(separator: " ", maxSplits: 1)
        if parts.count == 2, let code = code(String(parts[0])) {
            return .codeAndTitle(code, String(parts[1]).trimmingWhitespace())
        }
        return .other
    }

    /// "2", "2.2.1", "2.2." → the code without a trailing dot; nil otherwise.
    static func code(_ text: String) -> String? {
        var text = Substring(text)
        if text.hasSuffix(".") { text = text.dropLast() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return String(text)
    }
}

/// Points as written: "1,5", "0,75", "100", "1 điểm", "95%".
enum PointsReader {
    static func read(_ text: String) -> String? {
        var value = text.trimmingWhitespace()
        for suffix in ["điểm", "%"] where value.lowercased().hasSuffix(suffix) {
            value = String(value.dropLast(suffix.count)).trimmingWhitespace()
        }
        guard Quantity(parsing: value) != nil else { return nil }
        return value
    }
}

/// The title cell of a row: "Chỉ số nội dung X: guidance" → title "Chỉ số nội dung X:" (the
/// words as printed, prefix and colon kept) and its description; "<b>X:</b> guidance"
/// likewise; otherwise the whole text is the title.
enum TitleReader {
    static let prefix = "chi so noi dung"

    static func read(_ fragments: CellFragments) -> (title: String, description: String?) {
        let text = fragments.plainText
        let words = text.split(separator: " ")
        if words.count > 4, VietnameseText.fold(words.prefix(4).joined(separator: " ")) == prefix {
            return split(text)
        }
        if let bold = fragments.leadingBold, bold.hasSuffix(":"), text.count > bold.count, text.hasPrefix(bold) {
            let title = bold.trimmingWhitespace()
            let description = String(text.dropFirst(bold.count)).trimmingWhitespace()
            return (title, description.isEmpty ? nil : description)
        }
        return (text, nil)
    }

    private static func split(_ text: String) -> (String, String?) {
        guard let colon = text.firstIndex(of: ":") else { return (text, nil) }
        let title = String(text[...colon]).trimmingWhitespace()
        let description = String(text[text.index(after: colon)...]).trimmingWhitespace()
        return (title, description.isEmpty ? nil : description)
    }
}

import Foundation

extension String {
    /// Trims spaces, tabs and newlines at both ends.
    public func trimmingWhitespace() -> String {
        // Native, without bridging to NSString: this runs for every scalar of every file.
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        if first == startIndex, last == index(before: endIndex) { return self }
        return String(self[first...last])
    }

    /// Collapses runs of white space into one space and trims the ends.
    public var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Vietnamese text folding: "Đắk Nông" → "dak nong". NFD alone keeps đ/Đ, so they are mapped here.
public enum VietnameseText {
    /// Lower-case, without diacritics, đ → d, white space collapsed.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar {
            case "đ", "Đ": out.append("d")
            default: out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(out).collapsingWhitespace
    }

    /// An ASCII slug: "Sở Nội vụ" → "so-noi-vu".
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for char in fold(text) {
            if char.isASCII, char.isLetter || char.isNumber {
                if pendingDash, !out.isEmpty { out.append("-") }
                out.append(char)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// Whether a string is a valid slug: lower-case ASCII letters, digits and single dashes.
    public static func isSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, first != 0x2D, last != 0x2D else { return false }
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: continue
            case 0x2D where bytes[offset - 1] != 0x2D: continue
            default: return false
            }
        }
        return true
    }

    /// The key a department name is matched by: case, spacing and Unicode form ignored,
    /// diacritics kept ("Sở Nội vụ" ≠ "Sơ Nôi vu").
    public static func matchKey(_ text: String) -> String {
        nfc(text).lowercased().collapsingWhitespace
    }

    /// The text in NFC. Vietnamese text without combining marks (U+0300–U+036F, UTF-8 lead
    /// bytes 0xCC and 0xCD) is already NFC and is returned as it is, without bridging.
    public static func nfc(_ text: String) -> String {
        text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) ? text.precomposedStringWithCanonicalMapping : text
    }

    /// `items` in Vietnamese alphabetical order of `name` (a < ă < â, d < đ): folded text first,
    /// then the exact text, so that the order is total and stable. Each name is folded once.
    public static func sorted<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
        items.map { (fold(name($0)), name($0), $0) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }

}

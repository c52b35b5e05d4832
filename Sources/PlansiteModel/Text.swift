import Foundation

extension String {
    /// Trims spaces, tabs and newlines at both ends.
    public func trimmingWhitespace() -> String {
        trimmingCharacters(in: .whitespacesAndNewlines)
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
        !text.isEmpty && text == slug(text) && text.allSatisfy { $0.isASCII }
    }

    /// The key a department name is matched by: case, spacing and Unicode form ignored,
    /// diacritics kept ("Sở Nội vụ" ≠ "Sơ Nôi vu").
    public static func matchKey(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased().collapsingWhitespace
    }

    /// Vietnamese alphabetical order (a < ă < â, d < đ): compares folded text first,
    /// then the exact text, so that the order is total and stable.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let fa = fold(a)
        let fb = fold(b)
        if fa != fb { return fa < fb }
        return a < b
    }
}

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

    /// `items` in Vietnamese dictionary order of `name` (see `VietnameseCollation`). Each
    /// name's key is made once.
    public static func sorted<Item>(_ items: [Item], by name: (Item) -> String) -> [Item] {
        items.map { (VietnameseCollation.key(name($0)), $0) }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }
}

/// Vietnamese dictionary order: the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
/// v x y (with f j w z where they occur), letters compared first over the whole text (a space
/// before any letter, digits before letters), then tones (none, huyền, hỏi, ngã, sắc, nặng),
/// then case (lower first), then the exact text, so that the order is total and stable.
/// "Dương" < "Đà Nẵng" < "Điện Biên"; "Bà Rịa" < "Bạc Liêu" < "Bắc Giang".
public enum VietnameseCollation {
    public struct Key: Comparable, Sendable {
        let letters: [UInt32]
        let tones: [UInt8]
        let cases: [UInt8]
        let text: String

        public static func < (lhs: Key, rhs: Key) -> Bool {
            if lhs.letters != rhs.letters { return lhs.letters.lexicographicallyPrecedes(rhs.letters) }
            if lhs.tones != rhs.tones { return lhs.tones.lexicographicallyPrecedes(rhs.tones) }
            if lhs.cases != rhs.cases { return lhs.cases.lexicographicallyPrecedes(rhs.cases) }
            return lhs.text < rhs.text
        }
    }

    /// The letters of the alphabet in order; a letter with breve, circumflex or horn is a letter
    /// of its own, written here in NFC.
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ",
        "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let letterWeight: [String: UInt32] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt32(100 + $0)) })

    /// Tone marks (combining), in dictionary order after the unmarked letter.
    private static let toneWeight: [Unicode.Scalar: UInt8] = [
        "\u{0300}": 1, "\u{0309}": 2, "\u{0303}": 3, "\u{0301}": 4, "\u{0323}": 5,
    ]
    /// Marks that make another letter (ă â ê ô ơ ư): kept with the base letter.
    private static let letterMarks: Set<Unicode.Scalar> = ["\u{0306}", "\u{0302}", "\u{031B}"]

    public static func key(_ text: String) -> Key {
        var letters: [UInt32] = []
        var tones: [UInt8] = []
        var cases: [UInt8] = []
        letters.reserveCapacity(text.utf8.count)
        for character in text.collapsingWhitespace.decomposedStringWithCanonicalMapping {
            var base = String.UnicodeScalarView()
            var tone: UInt8 = 0
            for scalar in character.unicodeScalars {
                if let weight = toneWeight[scalar] {
                    tone = weight
                } else if base.isEmpty || letterMarks.contains(scalar) {
                    base.append(scalar)
                }
            }
            let composed = String(base).precomposedStringWithCanonicalMapping
            let lower = composed.lowercased()
            cases.append(lower == composed ? 0 : 1)
            tones.append(tone)
            if let weight = letterWeight[lower] {
                letters.append(weight)
            } else if let scalar = lower.unicodeScalars.first {
                switch scalar.value {
                case 0x20: letters.append(1)
                case 0x30...0x39: letters.append(10 + scalar.value - 0x30)
                // Other characters (punctuation, other scripts) after the alphabet, by code point.
                default: letters.append(1000 + scalar.value)
                }
            }
        }
        return Key(letters: letters, tones: tones, cases: cases, text: text)
    }
}

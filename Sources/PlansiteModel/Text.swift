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

    /// Collapses runs of white space into one space and trims the ends: the text split at every
    /// white-space character (`Character.isWhitespace`) and joined with single spaces
    /// (`WhitespaceCollapsing.byCharacter`), worked out byte by byte where that gives the same
    /// text (`WhitespaceCollapsing.fast`), which is every Vietnamese text.
    public var collapsingWhitespace: String {
        WhitespaceCollapsing.fast(self) ?? WhitespaceCollapsing.byCharacter(self)
    }
}

/// `String.collapsingWhitespace`, two ways that give the same text.
///
/// By definition the text is cut into characters (grapheme clusters) and a character is white
/// space when its first scalar is (`Character.isWhitespace`). Walking clusters and asking each
/// one's properties was the slowest part of writing a department's task table. The fast path
/// reads UTF-8 bytes and compares scalars with the White_Space list. Scalars and characters
/// disagree only where a cluster mixes white space with something else: a white-space scalar
/// followed by a mark that joins it (a combining mark, ZWJ, an emoji modifier, a spacing mark),
/// or a white-space scalar after a Prepend scalar (U+0600 and above). The fast path gives up
/// (nil) whenever a white-space scalar touches a scalar that is not known to stay apart from
/// it, and the text goes the slow way. Known to stay apart: below U+0300 after a space (below
/// U+0600 before one), Latin Extended Additional (U+1E00–U+1EFF: ạ, ế, ữ …), punctuation
/// (U+2010–U+2027, U+2030–U+205E: — “ ” …) and currency signs (U+20A0–U+20CF: ₫);
/// `WhitespaceTests` checks each of them against Swift's own character breaks.
package enum WhitespaceCollapsing {
    /// The definition: split at white-space characters, joined with one space.
    package static func byCharacter(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), without the
    /// property look-up; `WhitespaceTests` checks it against every scalar.
    @inline(__always)
    package static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            true
        default: false
        }
    }

    /// A scalar after white space that never joins it into one character: no mark or joiner.
    @inline(__always)
    package static func staysApartAfterSpace(_ value: UInt32) -> Bool {
        value < 0x300 || staysApart(value)
    }

    /// A scalar before white space that never takes it into its character: not Prepend.
    @inline(__always)
    package static func staysApartBeforeSpace(_ value: UInt32) -> Bool {
        value < 0x600 || staysApart(value)
    }

    /// Latin Extended Additional, punctuation and currency signs: neither marks nor Prepend.
    @inline(__always)
    private static func staysApart(_ value: UInt32) -> Bool {
        (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
            || (0x20A0...0x20CF).contains(value)
    }

    /// The scalar at `offset` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (
                (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3
            )
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
            | UInt32(bytes[offset + 3] & 0x3F)
        return (value, 4)
    }

    /// The collapsed text, or nil when white space touches a scalar that might share its
    /// character (then only `byCharacter` knows). A text with nothing to change is returned
    /// as it is.
    package static func fast(_ text: String) -> String? {
        var contiguous = text
        let result = contiguous.withUTF8 { bytes -> Result in
            // First look: is it safe, and is there anything to change?
            var previous: UInt32 = 0
            var previousIsSpace = true  // so that white space at the start is a change
            var atStart = true
            var changes = false
            var offset = 0
            while offset < bytes.count {
                let (value, length) = scalar(bytes, at: offset)
                let isSpace = isWhitespace(value)
                if !atStart {
                    if isSpace, !previousIsSpace, !staysApartBeforeSpace(previous) { return .undecided }
                    if !isSpace, previousIsSpace, !staysApartAfterSpace(value) { return .undecided }
                }
                if isSpace, value != 0x20 || previousIsSpace { changes = true }
                previous = value
                previousIsSpace = isSpace
                atStart = false
                offset += length
            }
            if previousIsSpace { changes = true }  // white space at the end, or an empty text
            guard changes else { return .unchanged }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            offset = 0
            while offset < bytes.count {
                let (value, length) = scalar(bytes, at: offset)
                if isWhitespace(value) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]))
                }
                offset += length
            }
            return .collapsed(String(decoding: out, as: UTF8.self))
        }
        switch result {
        case .unchanged: return text
        case .collapsed(let collapsed): return collapsed
        case .undecided: return nil
        }
    }

    private enum Result {
        case unchanged
        case collapsed(String)
        case undecided
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

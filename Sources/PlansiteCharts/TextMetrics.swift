import Foundation

/// An estimate of how wide text is drawn, from Arial's advance widths (the font the charts ask
/// for first, metric-compatible with Liberation Sans and Arimo), with a safety margin so that
/// the estimate errs on the wide side.
enum TextMetrics {
    /// The width of `text` at a font size, in user units.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        scale(size: size, bold: bold) * Double(text.reduce(0) { $0 + advance($1) })
    }

    /// `text` as is when it fits in `width`, else its longest prefix that fits followed by "…".
    static func fit(_ text: String, width: Double, size: Double, bold: Bool = false) -> (
        text: String, truncated: Bool
    ) {
        let scale = scale(size: size, bold: bold)
        let characters = Array(text)
        let advances = characters.map(advance)
        let total = advances.reduce(0, +)
        if scale * Double(total) <= width { return (text, false) }
        let budget = Int((width / scale).rounded(.down)) - advance("…")
        guard budget > 0 else { return ("", true) }
        var used = 0
        var count = 0
        while count < characters.count, used + advances[count] <= budget {
            used += advances[count]
            count += 1
        }
        var prefix = characters[..<count]
        while let last = prefix.last, last.isWhitespace || ",;:-–(".contains(last) {
            prefix.removeLast()
        }
        return (String(prefix) + "…", true)
    }

    private static func scale(size: Double, bold: Bool) -> Double {
        size / 1000 * (bold ? 1.1 : 1) * 1.05
    }

    /// The advance of one character in thousandths of an em. A Vietnamese letter counts as its
    /// base letter (diacritics take no width), plus a little for the horn of ơ and ư.
    static func advance(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return (32...126).contains(ascii) ? asciiAdvances[Int(ascii) - 32] : 0
        }
        switch character {
        case "đ": return 556
        case "Đ": return 722
        case "…", "—": return 1000
        case "–": return 556
        case "·", "\u{00A0}": return 333
        default: break
        }
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if base.isASCII {
            let horn = scalars.contains("\u{031B}") ? 100 : 0
            return advance(Character(base)) + horn
        }
        switch base.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1000
        }
    }

    /// Arial, from space (32) to tilde (126).
    private static let asciiAdvances: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space to /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,  // 0 to 9
        278, 278, 584, 584, 584, 556, 1015,  // : to @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,  // A to M
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,  // N to Z
        278, 278, 278, 469, 556, 333,  // [ to `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,  // a to m
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,  // n to z
        334, 260, 334, 584,  // { to ~
    ]
}

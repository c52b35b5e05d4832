import Foundation

/// Reads the figures documents print in words: a change "tăng 2,68 điểm, giảm 4 bậc" and a
/// target "trên 83 %", "tăng ít nhất 3 bậc". Pure functions; the words themselves are kept.
public enum PrintedFigures {
    /// The change in score and in rank (places gained, negative for lost) a change's words
    /// state: "tăng 3,64 điểm điểm và giảm 04 bậc" → (+3,64, −4); nil for what is not stated.
    public static func change(_ text: String) -> (score: Quantity?, rank: Int?) {
        let words = tokens(text)
        var score: Quantity?
        var rank: Int?
        var i = 0
        while i < words.count {
            let sign: Int? = words[i] == "tăng" ? 1 : words[i] == "giảm" ? -1 : nil
            guard let sign else {
                i += 1
                continue
            }
            // "tăng 9 bậc", "tăng thêm 2 bậc", "giảm được 0,5 điểm".
            var j = i + 1
            while j < words.count, j <= i + 2, Quantity(parsing: words[j]) == nil, !isUnit(words[j]) { j += 1 }
            guard j + 1 < words.count, let value = Quantity(parsing: words[j]), value.value >= 0 else {
                i += 1
                continue
            }
            switch words[j + 1] {
            case "điểm", "%":
                if score == nil { score = sign < 0 ? Quantity(parsing: "-" + words[j]) : value }
            case "bậc", "hạng":
                if rank == nil, let places = Int(words[j]) { rank = sign * places }
            default: break
            }
            i = j + 2
        }
        return (score, rank)
    }

    /// A target's figure: "trên 83 %", "83%", "tăng ít nhất 3 bậc", "không dưới 85 điểm"; nil
    /// when the words are not of that form (the caller says how to write it).
    public static func target(_ text: String) -> TargetFigure? {
        var words = tokens(text)
        var direction = 0
        if let first = words.first, first == "tăng" || first == "giảm" {
            direction = first == "tăng" ? 1 : -1
            words.removeFirst()
        }
        var comparison = TargetComparison.exactly
        let phrases: [([String], TargetComparison)] = [
            (["ít", "nhất"], .atLeast), (["tối", "thiểu"], .atLeast), (["không", "dưới"], .atLeast),
            (["không", "thấp", "hơn"], .atLeast), (["từ"], .atLeast), ([">="], .atLeast), (["≥"], .atLeast),
            (["trên"], .above), (["hơn"], .above), ([">"], .above), (["không", "quá"], .atMost),
            (["tối", "đa"], .atMost), (["<="], .atMost), (["≤"], .atMost), (["dưới"], .below), (["<"], .below),
            (["đạt"], .exactly),
        ]
        for (phrase, meaning) in phrases where words.starts(with: phrase) {
            comparison = meaning
            words.removeFirst(phrase.count)
            break
        }
        guard let number = words.first, let value = Quantity(parsing: number), value.value >= 0 else { return nil }
        words.removeFirst()
        var unit: String?
        if let next = words.first {
            guard isUnit(next), words.count == 1 else { return nil }
            unit = next == "hạng" ? "bậc" : next
        }
        return TargetFigure(
            comparison: comparison, value: value, unit: unit, isChange: direction != 0, direction: direction)
    }

    private static func isUnit(_ word: String) -> Bool { ["điểm", "%", "bậc", "hạng"].contains(word) }

    /// Lower-case words, "%" split from its digits and trailing punctuation dropped, so that
    /// "2,68" stays one number and "điểm," is "điểm".
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        for raw in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            var word = String(raw)
            while let first = word.first, "(\"“".contains(first) { word.removeFirst() }
            while let last = word.last, ",;.:)\"”".contains(last) { word.removeLast() }
            if word.count > 1, word.hasSuffix("%") {
                out.append(String(word.dropLast()))
                out.append("%")
            } else if !word.isEmpty {
                out.append(word)
            }
        }
        return out
    }
}

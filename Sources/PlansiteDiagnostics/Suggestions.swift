/// "Did you mean" hints: the closest candidates by edit distance.
public enum Suggestions {
    /// Up to `limit` candidates close enough to `word` to be a plausible typo, closest first.
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        Candidates(candidates).closest(to: word, limit: limit)
    }

    /// Candidates prepared once (unique, lower-cased, as characters) for many look-ups: a
    /// check with thousands of misspelt names must not convert every candidate again for
    /// each one.
    public struct Candidates: Sendable {
        private let entries: [(name: String, lowered: [Character])]

        public init(_ candidates: [String]) {
            entries = Set(candidates).sorted().map { ($0, Array($0.lowercased())) }
        }

        public var isEmpty: Bool { entries.isEmpty }

        public func closest(to word: String, limit: Int = 3) -> [String] {
            let target = Array(word.lowercased())
            let threshold = Swift.max(2, target.count / 3)
            var scored: [(String, Int)] = []
            for entry in entries where abs(entry.lowered.count - target.count) <= threshold {
                let distance = editDistance(target, entry.lowered, cap: threshold + 1)
                if distance <= threshold { scored.append((entry.name, distance)) }
            }
            scored.sort { ($0.1, $0.0) < ($1.1, $1.0) }
            return scored.prefix(limit).map(\.0)
        }

        public func hint(for word: String) -> String? {
            Suggestions.didYouMean(closest(to: word))
        }
    }

    /// Levenshtein distance, giving up (returning `cap`) once every path exceeds it.
    public static func editDistance(_ a: [Character], _ b: [Character], cap: Int = .max) -> Int {
        if a.isEmpty { return Swift.min(b.count, cap) }
        if b.isEmpty { return Swift.min(a.count, cap) }
        if abs(a.count - b.count) >= cap { return cap }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = Swift.min(rowMin, current[j])
            }
            if rowMin >= cap { return cap }
            swap(&previous, &current)
        }
        return Swift.min(previous[b.count], cap)
    }

    /// "có phải ý bạn là 'a' hoặc 'b'?" ("did you mean …") or nil.
    public static func hint(for word: String, in candidates: [String]) -> String? {
        didYouMean(closest(to: word, in: candidates))
    }

    /// The one wording of "did you mean", for every stage: "có phải ý bạn là 'a' hoặc 'b'?",
    /// or nil without names.
    public static func didYouMean(_ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        return "có phải ý bạn là " + names.map { "'\($0)'" }.joined(separator: " hoặc ") + "?"
    }

    /// `message` followed by "; có phải ý bạn là …?" when there are names, else unchanged.
    public static func appendingHint(_ message: String, _ names: [String]) -> String {
        didYouMean(names).map { "\(message); \($0)" } ?? message
    }
}

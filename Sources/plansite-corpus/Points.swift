/// Points, scores and percents as whole hundredths, so that sums are exact: 150 is "1,5".
enum Hundredths {
    /// The Vietnamese way, as plans print it: "1,5", "14,88", "0,05", "100".
    static func format(_ value: Int) -> String {
        let whole = value / 100
        let fraction = value % 100
        if fraction == 0 { return String(whole) }
        if fraction % 10 == 0 { return "\(whole),\(fraction / 10)" }
        return fraction < 10 ? "\(whole),0\(fraction)" : "\(whole),\(fraction)"
    }

    /// Splits `total` into `parts` positive shares that add up exactly, in the coarsest unit
    /// (0,5; 0,25; 0,1; 0,05; 0,01 point) that leaves at least two units a share.
    static func split(_ total: Int, into parts: Int, using rng: inout SplitMix64) -> [Int] {
        guard parts > 1 else { return [total] }
        let unit = [50, 25, 10, 5].first { total % $0 == 0 && total / $0 >= 2 * parts } ?? 1
        let units = total / unit
        let weights = (0..<parts).map { _ in rng.int(2...6) }
        let weightSum = weights.reduce(0, +)
        let spare = units - parts
        var shares = weights.map { 1 + spare * $0 / weightSum }
        var left = units - shares.reduce(0, +)
        var position = rng.int(0...(parts - 1))
        while left > 0 {
            shares[position] += 1
            left -= 1
            position = (position + 1) % parts
        }
        return shares.map { $0 * unit }
    }

    /// Scores under `caps` that add up exactly to `total` (at most the sum of the caps):
    /// proportional to the caps, then shuffled about so that rows differ.
    static func distribute(_ total: Int, under caps: [Int], using rng: inout SplitMix64) -> [Int] {
        let capSum = caps.reduce(0, +)
        precondition(total <= capSum, "a score above the maximum")
        guard capSum > 0 else { return caps.map { _ in 0 } }
        var values = caps.map { $0 * total / capSum }
        for _ in 0..<(caps.count * 2) {
            let from = rng.int(0...(caps.count - 1))
            let to = rng.int(0...(caps.count - 1))
            let room = min(values[from], caps[to] - values[to], caps[from] / 4)
            guard from != to, room > 0 else { continue }
            let moved = rng.int(0...room)
            values[from] -= moved
            values[to] += moved
        }
        var left = total - values.reduce(0, +)
        var position = rng.int(0...(caps.count - 1))
        while left > 0 {
            let added = min(left, caps[position] - values[position], 1 + left / caps.count)
            values[position] += added
            left -= added
            position = (position + 1) % caps.count
        }
        return values
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast and the same on every platform and
/// Swift version, so a seed always gives the same corpus. Never the system generator.
struct SplitMix64 {
    private var state: UInt64

    init(state: UInt64) { self.state = state }

    /// An independent stream for one part of the corpus ("plan", locality, index, year):
    /// the same seed and labels always give the same stream, whatever is generated before it.
    init(seed: UInt64, _ label: String, _ numbers: Int...) {
        var state = SplitMix64.mix(seed ^ SplitMix64.fnv1a(label))
        for number in numbers { state = SplitMix64.mix(state ^ SplitMix64.mix(UInt64(bitPattern: Int64(number)))) }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// A value in `range`; the modulo bias is far below anything a benchmark corpus can show.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True `per` times out of `outOf`.
    mutating func chance(_ per: Int, in outOf: Int) -> Bool { int(0...(outOf - 1)) < per }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// `count` distinct items in random order (Fisher–Yates on a copy).
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var pool = items
        let wanted = min(count, pool.count)
        for position in 0..<wanted { pool.swapAt(position, int(position...(pool.count - 1))) }
        return Array(pool.prefix(wanted))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over UTF-8: a stable hash (`hashValue` changes from run to run).
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}

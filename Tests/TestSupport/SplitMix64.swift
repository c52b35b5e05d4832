/// SplitMix64: a small, seeded, fully deterministic generator, so a failing random test can be
/// reproduced from its seed.
package struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, by modulo (the bias does not matter here).
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    package mutating func int(_ range: Range<Int>) -> Int { int(range.lowerBound...range.upperBound - 1) }

    package mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    package mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
}

import PlansiteModel

/// A zero-based linear scale from 0…`maximum` onto a length, with a few round ticks.
struct Axis: Hashable, Sendable {
    /// The value drawn at the far end; always positive.
    let maximum: Double
    /// The drawn length in user units.
    let length: Double
    /// Tick values, from 0, multiples of a round step, none above `maximum`.
    let ticks: [Double]

    /// Picks the step: a tick about every `spacing` units or a little more, at most 6 ticks,
    /// fewer when labels side by side would touch. Counts (`integer`) never get a fractional step.
    init(maximum: Double, length: Double, integer: Bool = false, spacing: Double = 45) {
        let maximum = maximum.isFinite && maximum > 0 ? maximum : 1
        self.maximum = maximum
        self.length = length
        let intervals = min(5, max(1, Int(length / spacing)))
        var step = Axis.niceStep(atLeast: maximum / Double(intervals), integer: integer)
        while true {
            let count = Int((maximum / step + 1e-9).rounded(.down))
            let ticks = (0...count).map { Double($0) * step }
            let widest =
                ticks.map { TextMetrics.width(Axis.label($0), size: Metrics.fontSize) }.max() ?? 0
            if ticks.count <= 2 || length * step / maximum >= widest + 8 {
                self.ticks = ticks
                return
            }
            step = Axis.niceStep(atLeast: step * 1.001, integer: integer)
        }
    }

    /// The distance from the zero end, clamped to the axis.
    func position(_ value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 0 }
        return min(value, maximum) / maximum * length
    }

    /// "0", "0,5", "1.000".
    static func label(_ value: Double) -> String {
        VietnameseNumber.format(value, decimals: 6)
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `raw` (for counts, 1, 2, 5 × 10ⁿ, n ≥ 0).
    static func niceStep(atLeast raw: Double, integer: Bool) -> Double {
        let raw = raw.isFinite && raw > 0 ? raw : 1
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        if integer { magnitude = max(magnitude, 1) }
        let multiples: [Double] = integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]
        for multiple in multiples where multiple * magnitude >= raw * (1 - 1e-12) {
            return multiple * magnitude
        }
        return 10 * magnitude
    }
}

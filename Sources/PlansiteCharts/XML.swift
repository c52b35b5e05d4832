import PlansiteModel

/// Prints a coordinate rounded to one decimal, with a dot and no exponent, whatever the
/// locale: 12 → "12", 12.25 → "12.3", -0.04 → "0".
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = Int((min(max(value, -1e9), 1e9) * 10).rounded(.toNearestOrAwayFromZero))
    if tenths == 0 { return "0" }
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    let whole = magnitude / 10
    let fraction = magnitude % 10
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}

/// Rounds a layout coordinate to what ``svgNumber(_:)`` prints, so that the layout tested
/// is the geometry written.
func snap(_ value: Double) -> Double {
    (value * 10).rounded(.toNearestOrAwayFromZero) / 10
}

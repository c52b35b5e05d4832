import Foundation

/// An exact decimal quantity as written in a plan (points, scores, percents): 1,4888 stays 1.4888.
public struct Quantity: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: Decimal

    public init(_ value: Decimal) { self.value = value }

    /// Reads "1,4888", "1.4888", "86,57" or "100". Both decimal marks are accepted because
    /// plans use either; a number with both, or with anything else in it, is rejected.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let commas = trimmed.filter { $0 == "," }.count
        let dots = trimmed.filter { $0 == "." }.count
        guard !trimmed.isEmpty, commas + dots <= 1 else { return nil }
        let normalised = trimmed.replacingOccurrences(of: ",", with: ".")
        var digitsSeen = false
        for (offset, char) in normalised.enumerated() {
            if char.isASCII, char.isNumber {
                digitsSeen = true
            } else if char == "." {
                continue
            } else if char == "-", offset == 0 {
                continue
            } else {
                return nil
            }
        }
        guard digitsSeen, let value = Decimal(string: normalised, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
    }

    /// Digits of a written number that `Decimal` must keep: all but the leading zeros, and
    /// the trailing zeros after a decimal mark. "0,0500" has 1, "1,200" has 2, "1200" has 4. Counted on the text, so a number too precise is refused, not rounded.
    public static func significantDigits(in text: String) -> Int {
        var digits = Array(text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2C || $0 == 0x2E })
        if let mark = digits.firstIndex(where: { $0 == 0x2C || $0 == 0x2E }) {
            while let last = digits.last, last == 0x30, digits.count - 1 > mark { digits.removeLast() }
        }
        let plain = digits.filter { $0 != 0x2C && $0 != 0x2E }
        return plain.drop(while: { $0 == 0x30 }).count
    }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.value < b.value }

    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(a.value + b.value) }

    public static let zero = Quantity(0)

    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// The Vietnamese way: a decimal comma, no trailing zeros (1,5; 86,57; 100).
    public var vietnamese: String { VietnameseNumber.format(value) }

    public var description: String { "\(value)" }
}

/// Number formatting for the Vietnamese UI: decimal comma, dot for thousands.
public enum VietnameseNumber {
    public static func format(_ value: Decimal) -> String {
        var plain = "\(value)"
        var sign = ""
        if plain.hasPrefix("-") {
            sign = "-"
            plain.removeFirst()
        }
        let parts = plain.split(separator: ".", maxSplits: 1)
        let whole = groupThousands(String(parts[0]))
        guard parts.count == 2 else { return sign + whole }
        return sign + whole + "," + parts[1]
    }

    public static func format(_ value: Int) -> String {
        value < 0 ? "-" + groupThousands(String(-value)) : groupThousands(String(value))
    }

    /// A fixed number of decimals (for chart labels), trailing zeros removed.
    public static func format(_ value: Double, decimals: Int) -> String {
        var rounded = Decimal(value)
        var result = Decimal()
        NSDecimalRound(&result, &rounded, decimals, .plain)
        return format(result)
    }

    private static func groupThousands(_ digits: String) -> String {
        guard digits.count > 4 else { return digits }
        var out: [Character] = []
        for (offset, char) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { out.append(".") }
            out.append(char)
        }
        return String(out.reversed())
    }
}

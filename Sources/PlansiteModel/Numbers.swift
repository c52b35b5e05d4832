import Foundation

/// An exact decimal quantity as written in a plan (points, scores, percents): 1,4888 stays 1.4888.
public struct Quantity: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let value: Decimal
    /// How many digits the document printed after the decimal mark ("86,50" → 2), so that the
    /// portal shows the figure as printed; nil for computed values. Not part of equality:
    /// 86,50 and 86,5 are the same quantity.
    public let printedDecimals: Int?

    public init(_ value: Decimal) {
        self.value = value
        self.printedDecimals = nil
    }

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
        self.printedDecimals =
            normalised.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?
            .count ?? 0
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

    public static func == (a: Quantity, b: Quantity) -> Bool { a.value == b.value }

    /// In the build cache: the value as its exact decimal text and the printed decimals, so
    /// that a figure read back is the one written ("1,4888" stays 1.4888, "86,50" keeps 2).
    private enum CodingKeys: String, CodingKey { case value, printedDecimals }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.value < b.value }

    public static func + (a: Quantity, b: Quantity) -> Quantity { Quantity(a.value + b.value) }

    public static let zero = Quantity(0)

    public var doubleValue: Double { NSDecimalNumber(decimal: value).doubleValue }

    /// The Vietnamese way, with the digits the document printed: a decimal comma, trailing
    /// zeros kept as printed ("86,50" stays 86,50; 1,5; 100); computed values have none.
    public var vietnamese: String {
        VietnameseNumber.format(value, minimumDecimals: printedDecimals ?? 0)
    }

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

    /// With at least `minimumDecimals` digits after the comma, zeros added: (86.5, 2) → "86,50".
    public static func format(_ value: Decimal, minimumDecimals: Int) -> String {
        let text = format(value)
        guard minimumDecimals > 0 else { return text }
        let decimals = text.split(separator: ",", maxSplits: 1).dropFirst().first?.count ?? 0
        guard decimals < minimumDecimals else { return text }
        return text + (decimals == 0 ? "," : "") + String(repeating: "0", count: minimumDecimals - decimals)
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

extension Quantity {
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .value)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorruptedError(
                forKey: .value, in: container, debugDescription: "not a number: \(text)")
        }
        self.value = value
        self.printedDecimals = try container.decodeIfPresent(Int.self, forKey: .printedDecimals)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.description, forKey: .value)
        try container.encodeIfPresent(printedDecimals, forKey: .printedDecimals)
    }
}

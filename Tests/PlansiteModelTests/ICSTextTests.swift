import PlansiteModel
import TestSupport
import Testing

/// `ICSValue.text` works on UTF-8 bytes; it gives the same text as the definition, scalar by
/// scalar (`reference`, the implementation it replaced).
@Suite struct ICSTextTests {
    static func reference(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\".unicodeScalars
            case 0x3B: out += "\\;".unicodeScalars
            case 0x2C: out += "\\,".unicodeScalars
            case 0x0A, 0x85, 0x2028, 0x2029: out += "\\n".unicodeScalars
            default:
                let value = scalar.value
                if !(value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029) {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    static let pieces: [String] = [
        "a", "Z", "0", " ", "Sở", "Nội", "vụ", "Đắk", "ữ", "\\", ";", ",", ":", "\n", "\r", "\r\n", "\t", "\u{0}",
        "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{BF}", "©", "\u{2027}", "\u{2028}", "\u{2029}",
        "\u{202A}", "—", "“", "”", "…", "€", "👍", "\u{0301}", "中", "\u{FFFD}", "\u{10FFFF}",
    ]

    @Test func randomValuesAreEscapedAsScalarByScalar() {
        var random = SplitMix64(seed: 5545)
        for round in 0..<20_000 {
            var text = ""
            for _ in 0..<random.int(0...20) { text += random.pick(Self.pieces) }
            let escaped = ICSValue.text(text)
            #expect(
                Array(escaped.utf8) == Array(Self.reference(text).utf8),
                "round \(round): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func everyScalarAloneIsEscapedAsScalarByScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            if Array(ICSValue.text(text).utf8) != Array(Self.reference(text).utf8) {
                Issue.record("U+\(String(value, radix: 16)) differs")
            }
        }
    }

    @Test func examples() {
        #expect(ICSValue.text("Sở Nội vụ; báo cáo, quý I\\II\nxong\r") == "Sở Nội vụ\\; báo cáo\\, quý I\\\\II\\nxong")
        #expect(ICSValue.text("a\u{85}b\u{2028}c\u{2029}d\u{9F}e") == "a\\nb\\nc\\nd" + "e")
        #expect(ICSValue.text("Đắk Nông — “x”") == "Đắk Nông — “x”")
    }
}

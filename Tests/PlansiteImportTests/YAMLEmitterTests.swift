import TestSupport
import Testing
import Yams

@testable import PlansiteImport

/// The one YAML emitter: whatever string it writes reads back, as the loader parses it, as the
/// same string, in every position a writer uses it; and it stays readable where it can.
@Suite struct YAMLEmitterTests {
    /// Pieces a clerk's text or a hostile one may hold, YAML's indicators and keywords first.
    /// (No U+FEFF: Yams drops it at the start of a scalar, and the loader reports and blanks
    /// every byte-order mark anyway, [invisible-character].)
    static let pieces: [String] = [
        "yes", "no", "on", "off", "y", "n", "true", "False", "NULL", "null", "~", "", " ", "  ", "1", "1.5", "1,5",
        "-1", "0x1F", "1e3", ".inf", ".NaN", "2025-07-18", "12:30", "0o17", "007", "- ", "-", "?", "? ", ":", ": ",
        " #", "#", "&a", "*a", "!tag", "!!str", "|", ">", "%", "@", "`", "'", "\"", "''", "\\", "\\n", "{", "}",
        "[", "]", ",", "\n", "\n\n", "\t", "\r", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}",
        "\u{2028}", "\u{200B}", "---", "...", "<<", "=", "Sở Nội vụ", "Phòng TH", "Điểm 2023",
        "Quý I/2025", "trước ngày 20/6/2025", "Đắk Nông", "ỷ", "e\u{301}", "😀", "a", "b c",
    ]

    static func hostile(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<random.int(0...6) { text += random.pick(pieces) }
        return text
    }

    /// The scalar at `path` of `yaml` as the loader's parser (Yams, every tag a string) gives it,
    /// nil when the loader would take it for an empty value.
    static func readBack(_ yaml: String, _ path: (Node) -> Node?) -> String? {
        let parsed: Node?
        do {
            parsed = try Yams.compose(yaml: yaml, .basic)
        } catch {
            Issue.record("does not parse: \(yaml.debugDescription): \(error)")
            return nil
        }
        guard let root = parsed, let node = path(root),
            case .scalar(let scalar) = node
        else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func everyStringTheEmitterWritesReadsBackAsTheSameString(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<400 {
            let value = Self.hostile(&random)
            // Inline after a key and as a list item, as the scaffolds and report writers use it.
            let inline = YAMLWriter.inline(value)
            #expect(!inline.contains("\n"), "\(value.debugDescription) → \(inline)")
            let afterKey = Self.readBack("title: \(inline)\n") { $0["title"] }
            #expect(afterKey == value, "\(value.debugDescription) → \(inline)")
            let item = Self.readBack("lead:\n  - \(inline)\n") { $0["lead"]?.sequence?.first }
            #expect(item == value, "\(value.debugDescription) → \(inline)")
            // Double-quoted, as in report files (CRLF is written as a line break).
            let quoted = YAMLWriter.doubleQuoted(value)
            let expected = value.replacingOccurrences(of: "\r\n", with: "\n")
            #expect(Self.readBack("note: \(quoted)\n") { $0["note"] } == expected, "\(quoted)")
            // In a node tree (appendix files), a `|` block for several lines.
            let criterion: Node = .mapping(.init([(Node("title"), YAMLWriter.text(value))]))
            let tree = try YAMLWriter.serialize(.mapping(.init([(Node("criteria"), .sequence(.init([criterion])))])))
            let fromTree = Self.readBack(tree) { $0["criteria"]?.sequence?.first?["title"] }
            #expect(fromTree == value, "\(value.debugDescription) → \(tree)")
            // A comment stays one comment line.
            let comment = "# \(YAMLWriter.comment(value))\nkey: v\n"
            #expect(Self.readBack(comment) { $0["key"] } == "v", "\(value.debugDescription)")
        }
    }

    @Test func safeTextStaysPlainAndReadable() {
        #expect(YAMLWriter.inline("Sở Nội vụ") == "Sở Nội vụ")
        #expect(YAMLWriter.inline("trước ngày 20/6/2025") == "trước ngày 20/6/2025")
        #expect(YAMLWriter.inline("Điểm 2023") == "Điểm 2023")
    }

    @Test func keywordsNumbersAndIndicatorsAreQuoted() {
        for value in [
            "yes", "no", "on", "off", "null", "~", "", "1.5", "2025", "- a", "a: b", "a #b", "#a", "*a", " a",
        ] {
            let written = YAMLWriter.inline(value)
            #expect(written.hasPrefix("\"") || written.hasPrefix("'"), "\(value) → \(written)")
        }
        #expect(YAMLWriter.inline("a\tb") == "\"a\\tb\"")
        #expect(YAMLWriter.inline("hai\ndòng") == "\"hai\\ndòng\"")
        #expect(YAMLWriter.doubleQuoted("Sở \"Nội\" vụ") == "\"Sở \\\"Nội\\\" vụ\"")
    }
}

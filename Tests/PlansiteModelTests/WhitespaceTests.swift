import PlansiteModel
import TestSupport
import Testing

/// `collapsingWhitespace`'s fast path (`WhitespaceCollapsing.fast`, byte by byte) against the
/// definition (`WhitespaceCollapsing.byCharacter`, grapheme clusters): the same bytes for every
/// text, including those where the fast path gives up.
@Suite struct WhitespaceTests {
    /// Pieces random texts are made of: Vietnamese (precomposed and decomposed), ASCII, every
    /// kind of white space (tab, CR, LF, CRLF, NBSP, em space, ideographic space, NEL, line and
    /// paragraph separators), and the scalars that join white space into one character
    /// (combining marks, ZWJ, an emoji modifier, a spacing mark) or take it into theirs
    /// (Prepend: U+0600, U+0D4E).
    static let pieces: [String] = [
        "a", "Z", "0", ".", ",", "-", "(", "—", "“", "”", "…", "Đ", "đ", "ắ", "ư", "ơ", "ạ", "Ở", "ữ", "é", "ñ",
        "Sở", "Nội", "vụ", "Đắk", "Nông", "kế", "hoạch", "nhiệm", "vụ", "tỉnh",
        " ", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{00A0}", "\u{2003}", "\u{3000}",
        "\u{0085}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{1680}", "\u{200A}",
        "\u{0301}", "\u{0323}", "\u{0306}", "\u{0302}", "\u{031B}", "\u{200D}", "\u{200B}", "\u{00AD}",
        "\u{1F3FB}", "\u{093E}", "\u{0600}", "\u{0D4E}", "\u{0915}", "👍", "🇻🇳", "한", "\u{1100}", "\u{1161}",
        "中", "Ω", "ж", "\u{0483}", "\u{FEFF}", "\u{001F}", "\u{0000}",
    ]

    static func same(_ text: String) -> Bool {
        Array(text.collapsingWhitespace.utf8) == Array(WhitespaceCollapsing.byCharacter(text).utf8)
    }

    @Test func randomTextsCollapseAsByCharacter() {
        var random = SplitMix64(seed: 17)
        var decided = 0
        for round in 0..<20_000 {
            var text = ""
            for _ in 0..<random.int(0...24) { text += random.pick(Self.pieces) }
            if WhitespaceCollapsing.fast(text) != nil { decided += 1 }
            #expect(Self.same(text), "round \(round): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Most texts are decided by the fast path, not all (the pieces include every exception).
        #expect(decided > 1_000 && decided < 20_000, "\(decided)")
    }

    @Test func vietnameseTextsAreDecidedByTheFastPath() {
        var random = SplitMix64(seed: 42)
        let words = ["Sở", "Nội", "vụ", "Đắk", "Nông", "kế", "hoạch", "nhiệm", "ữ", "“x”", "1.4/2", "UBND"]
        let spaces = [" ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}", " \u{2003} "]
        for round in 0..<5_000 {
            var text = random.chance(30) ? random.pick(spaces) : ""
            for _ in 0..<random.int(0...12) { text += random.pick(words) + random.pick(spaces) }
            if random.chance(50) { text += random.pick(words) }
            let fast = WhitespaceCollapsing.fast(text)
            #expect(fast != nil, "round \(round)")
            #expect(Self.same(text), "round \(round): \(text.debugDescription)")
        }
    }

    @Test func edgeCases() {
        let texts = [
            "", " ", "  ", "\r\n", "a", " a", "a ", "a  b", "a\tb", "a\r\nb", "a\u{00A0}\u{00A0}b", "Đắk  Nông ",
            // White space that a following scalar joins into one character: dropped with it.
            " \u{0301}a", "a \u{0301}b", "a \u{200D}b", "a \u{1F3FB}", "a\u{00A0}\u{093E}", "a \u{0301}",
            // A control (tab, LF) is never joined: the mark after it is a character of its own.
            "a\t\u{0301}b", "a\n\u{0301}",
            // Prepend takes the space after it into its character.
            "\u{0600} a", "a\u{0600} b", "\u{0D4E} \u{0D4E}", "\u{0600}\tb",
            // Decomposed Vietnamese.
            "Đa\u{0306}\u{0301}k No\u{0302}ng", "Nguye\u{0302}\u{0303}n  Va\u{0306}n",
        ]
        for text in texts {
            #expect(Self.same(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(" Đắk\t\tNông\r\n".collapsingWhitespace == "Đắk Nông")
        #expect(" \u{0301}a".collapsingWhitespace == "a")
        #expect("\u{0600} a".collapsingWhitespace == "\u{0600} a")
    }

    /// The fast path's list is Unicode's White_Space property, for every scalar.
    @Test func theWhiteSpaceListIsUnicodes() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WhitespaceCollapsing.isWhitespace(value) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16)) differs")
            }
        }
    }

    /// Every scalar the fast path says stays apart from white space is a character of its own
    /// next to each kind of white space, by Swift's own character breaks.
    @Test func scalarsSaidToStayApartDoBreakFromWhiteSpace() {
        let spaces: [Unicode.Scalar] = [
            " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2003}",
            "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
        ]
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !WhitespaceCollapsing.isWhitespace(value) else { continue }
            let after = WhitespaceCollapsing.staysApartAfterSpace(value)
            let before = WhitespaceCollapsing.staysApartBeforeSpace(value)
            guard after || before else { continue }
            checked += 1
            for space in spaces {
                if after, (String(space) + String(scalar)).count != 2 {
                    Issue.record(
                        "U+\(String(value, radix: 16)) joins the white space U+\(String(space.value, radix: 16)) before it"
                    )
                }
                if before, (String(scalar) + String(space)).count != 2 {
                    Issue.record(
                        "U+\(String(value, radix: 16)) takes the white space U+\(String(space.value, radix: 16)) after it"
                    )
                }
            }
        }
        #expect(checked > 1_000)
    }

    /// A text with nothing to change comes back as it is.
    @Test func anUnchangedTextIsReturnedAsItIs() {
        let text = "Sở Nội vụ tỉnh Đắk Nông"
        #expect(WhitespaceCollapsing.fast(text).map { Array($0.utf8) } == Array(text.utf8))
    }
}

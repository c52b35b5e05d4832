import Foundation
import TestSupport
import Testing

/// What the search page marks and how it pages results (assets/search.js under node): the
/// matched words are marked as written, found without accents as the search finds them.
@Suite struct SearchHighlightTests {
    /// The marked spans of each text for a query, as the original text's substrings.
    static func marked(_ cases: [(text: String, query: String)]) throws -> [[String]] {
        let folder = try TemporaryFolder()
        let input = folder.path("cases.json")
        try JSONEncoder().encode(cases.map { [$0.text, $0.query] }).write(to: input)
        let output = try ExportNode.run(
            """
            const search = require(process.argv[2]);
            const cases = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
            process.stdout.write(JSON.stringify(cases.map(([text, query]) =>
              search.highlightRanges(text, search.parseQuery(query).terms).map(([a, b]) => text.slice(a, b)))));
            """, [ExportNode.script.path, input.path])
        return try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
    }

    @Test func accentlessQueryMarksTheWordsAsWritten() throws {
        let result = try Self.marked([
            ("Giám đốc Sở Nội vụ tỉnh Đắk Nông", "so noi vu"),
            ("Thủ trưởng các sở, ban, ngành", "SO BAN"),
            ("Chủ tịch UBND cấp huyện", "đắk"),
            ("Đắk Lắk", "dak"),
        ])
        #expect(result == [["Sở", "Nội", "vụ"], ["sở", "ban"], [], ["Đắk"]])
    }

    @Test func termsAreMarkedAtWordStartsBeforeInsideWords() throws {
        // "an" starts no word of the first text, so it is marked inside one; in the second it starts
        // "an toàn" and only there.
        let result = try Self.marked([("Công khai", "ai"), ("bảo đảm an toàn", "an")])
        #expect(result == [["ai"], ["an"]])
    }

    @Test func decomposedTextAndOverlappingTermsGiveWholeMergedSpans() throws {
        // "Nội" written with combining marks (NFD): the mark stays in the span.
        let decomposed = "No\u{0323}\u{0302}i vu\u{0323}"
        let result = try Self.marked([(decomposed, "noi vu"), ("Sở Nội vụ", "noi no")])
        #expect(result == [["No\u{0323}\u{0302}i", "vu\u{0323}"], ["Nội"]])
    }

    @Test func pagesListTheFirstLastAndNeighboursWithGaps() throws {
        let output = try ExportNode.run(
            """
            const search = require(process.argv[2]);
            process.stdout.write(JSON.stringify([[1, 1], [1, 2], [5, 12], [12, 12]].map(([c, n]) => search.pageNumbers(c, n))));
            """, [ExportNode.script.path])
        let pages = try JSONDecoder().decode([[Int?]].self, from: Data(output.utf8))
        #expect(pages == [[1], [1, 2], [1, nil, 3, 4, 5, 6, 7, nil, 12], [1, nil, 10, 11, 12]])
    }
}

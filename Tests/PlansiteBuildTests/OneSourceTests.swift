import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteModel
import PlansiteSupport
import TestSupport
import Testing

/// Issue 13, "one source for each figure": a plan's quoted results feed the results history,
/// two places giving one figure are compared, printed forms (3/63, 45,38/80, a change in
/// words, a rank without a score, targets) are read, and a plan's signed original is published.
@Suite struct OneSourceTests {
    /// A temporary folder per test (Swift Testing makes a suite instance per test), kept for
    /// the test's whole run.
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// A copy of the fixture site at `name` with text appended to files (or files written anew).
    func site(_ edits: [(String, String)] = [], append: Bool = true, at name: String = "site") throws -> (
        TemporaryFolder, URL
    ) {
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: name)
        for (relative, text) in edits {
            let file = folder.path(name + "/" + relative)
            if append, let old = try? String(contentsOf: file, encoding: .utf8) {
                try (old + text).write(to: file, atomically: true, encoding: .utf8)
            } else {
                try folder.write(text, to: name + "/" + relative)
            }
        }
        return (folder, folder.path(name))
    }

    /// A plan.md of the fixture with front matter lines added before its closing `---`.
    func planWith(_ lines: String, slug: String = "2023-mau-papi") throws -> String {
        let base = try String(
            contentsOf: TestPaths.fixtures.appendingPathComponent("site/plans/\(slug)/plan.md"), encoding: .utf8)
        return base.replacingOccurrences(of: "year: 2023\n---", with: "year: 2023\n" + lines + "---")
    }

    // MARK: - One source

    @Test func aPlansQuotedResultReachesTheResultsHistoryWithThePlanAsItsSource() throws {
        let (_, root) = try site()
        let (checked, diagnostics) = checkContent(root)
        let site = try #require(checked, "\(diagnostics)")
        // The fixture's results.yaml no longer holds PAR INDEX 2023: only the plan quotes it.
        let quoted = try #require(site.results.first { $0.index == .parIndex && $0.year == 2023 })
        #expect(quoted.score == Quantity(parsing: "86,57") && quoted.rank == 33 && quoted.outOf == 63)
        #expect(quoted.plan == "2024-mau-par-index")
        #expect(quoted.source?.hasPrefix("Kế hoạch") == true, "\(quoted.source ?? "nil")")
        #expect(site.results.contains { $0.index == .parIndex && $0.year == 2022 }, "results.yaml still counts")
    }

    @Test func aFigureTypedTwiceDifferentlyIsAnErrorAtBothPlacesEachPointingAtTheOther() throws {
        let (_, root) = try site([
            (
                "results.yaml",
                "  - locality: tinh-mau\n    index: par-index\n    year: 2023\n    score: 86,75\n"
            )
        ])
        let (site, diagnostics) = checkContent(root)
        #expect(site == nil)
        let contradictions = diagnostics.filter { $0.code == .contradictoryResult }
        #expect(contradictions.count == 2)
        let places = contradictions.map { "\($0.location)" }
        for diagnostic in contradictions {
            #expect(diagnostic.location.line > 0 && diagnostic.location.column > 0)
            #expect(diagnostic.message.contains("86,57") && diagnostic.message.contains("86,75"))
            let other = try #require(places.first { $0 != "\(diagnostic.location)" })
            #expect(diagnostic.notes.contains { $0.hasPrefix(other) }, "\(diagnostic.notes) should point at \(other)")
        }
    }

    @Test func eightySixFiftyAndEightySixFiveAreOneFigureNotAContradiction() throws {
        let (_, root) = try site([
            ("results.yaml", "  - locality: tinh-mau\n    index: par-index\n    year: 2023\n    score: 86,570\n")
        ])
        let (site, diagnostics) = checkContent(root)
        #expect(site != nil)
        #expect(diagnostics.filter { $0.code == .duplicateResult }.count == 1)
        #expect(!diagnostics.contains { $0.code == .contradictoryResult })
    }

    @Test func twoPlansQuotingOneFigureAlikeAreOneHistoryEntryAndDifferentlyAContradiction() throws {
        let alike = try planWith(
            "results:\n  - index: par-index\n    year: 2023\n    score: 86,57\n    rank: 33/63\n")
        var (_, root) = try site([("plans/2023-mau-papi/plan.md", alike)], append: false)
        var (checked, diagnostics) = checkContent(root)
        let site = try #require(checked, "\(diagnostics)")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(site.results.filter { $0.index == .parIndex && $0.year == 2023 }.count == 1)
        let different = try planWith("results:\n  - index: par-index\n    year: 2023\n    rank: 34/63\n")
        (_, root) = try self.site([("plans/2023-mau-papi/plan.md", different)], append: false, at: "other")
        (checked, diagnostics) = checkContent(root)
        #expect(checked == nil)
        let files = diagnostics.filter { $0.code == .contradictoryResult }.map(\.location.file).sorted()
        #expect(
            files.count == 2 && files[0].hasSuffix("2023-mau-papi/plan.md")
                && files[1].hasSuffix("2024-mau-par-index/plan.md"))
    }

    @Test func resultsYamlWritingOneFigureTwiceIsADuplicate() throws {
        let (_, root) = try site([
            ("results.yaml", "  - locality: tinh-mau\n    index: papi\n    year: 2023\n    score: 38,97\n")
        ])
        let (_, diagnostics) = checkContent(root)
        let duplicate = try #require(diagnostics.first { $0.code == .duplicateResult })
        #expect(duplicate.severity == .warning && duplicate.notes.contains { $0.contains("results.yaml:") })
    }

    @Test func theIndexPageShowsAPlansQuoteThatResultsYamlDoesNotHold() throws {
        let (folder, root) = try site()
        let output = folder.path("Public")
        let outcome = SiteBuilder(options: .init(content: root, templates: TestPaths.templates, output: output)).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        let page = try String(contentsOf: output.appendingPathComponent("chi-so/par-index/index.html"), encoding: .utf8)
        #expect(page.contains("86,57") && page.contains("tăng 9 bậc"))
    }

    @Test func anIncrementalBuildKeepsTheQuotesOfPlansItDoesNotReadAgain() throws {
        // results.yaml repeats the plan's figure: the warning is reported once, as a cold build does.
        let (folder, root) = try site([
            ("results.yaml", "  - locality: tinh-mau\n    index: par-index\n    year: 2023\n    score: 86,57\n")
        ])
        let output = folder.path("Public")
        func build(_ incremental: Bool) -> SiteBuilder.Outcome {
            SiteBuilder(
                options: .init(
                    content: root, templates: TestPaths.templates, output: output, incremental: incremental,
                    tool: "test")
            ).build()
        }
        #expect(build(true).filesWritten != nil)
        let page = output.appendingPathComponent("chi-so/par-index/index.html")
        let before = try String(contentsOf: page, encoding: .utf8)
        // Change the other plan only: the PAR INDEX quote of 2024-mau-par-index must stay.
        let other = root.appendingPathComponent("plans/2023-mau-papi/plan.md")
        try (String(contentsOf: other, encoding: .utf8) + "\nMột đoạn thêm.\n").write(
            to: other, atomically: true, encoding: .utf8)
        let next = build(true)
        #expect(next.filesWritten != nil && next.incremental)
        #expect(try String(contentsOf: page, encoding: .utf8) == before)
        #expect(next.diagnostics.filter { $0.code == .duplicateResult }.count == 1, "\(next.diagnostics)")
        #expect(next.diagnostics == build(false).diagnostics)
    }

    // MARK: - Printed forms

    @Test func aRankWithItsCountAndAScoreWithItsScaleAreReadAsPrinted() throws {
        let (_, root) = try site([
            (
                "results.yaml",
                "  - locality: tinh-mau\n    index: papi\n    year: 2021\n    score: 45,38/80\n    rank: 3/63\n"
            )
        ])
        let (checked, diagnostics) = checkContent(root)
        let site = try #require(checked, "\(diagnostics)")
        let result = try #require(site.results.first { $0.index == .papi && $0.year == 2021 })
        #expect(result.rank == 3 && result.outOf == 63)
        #expect(result.score == Quantity(parsing: "45,38") && result.scale == Quantity(parsing: "80"))
        #expect(result.scoreText == "45,38/80 điểm")
    }

    @Test func aScoreAboveItsPrintedScaleAndARankAboveItsCountAreErrors() throws {
        let (_, root) = try site([
            (
                "results.yaml",
                "  - locality: tinh-mau\n    index: papi\n    year: 2021\n    score: 45,38/40\n    rank: 70/63\n"
            )
        ])
        let (_, diagnostics) = checkContent(root)
        #expect(diagnostics.contains { $0.code == .scoreAboveMax && $0.message.contains("thang điểm 40") })
        #expect(diagnostics.contains { $0.code == .malformedNumber && $0.message.contains("70") })
    }

    @Test func aRankThatDoesNotReadSaysHowToWriteIt() throws {
        let (_, root) = try site([
            ("results.yaml", "  - locality: tinh-mau\n    index: papi\n    year: 2021\n    rank: hạng ba\n")
        ])
        let (_, diagnostics) = checkContent(root)
        let problem = try #require(diagnostics.first { $0.code == .malformedNumber })
        #expect(problem.message.contains("rank: 3/63"))
    }

    @Test func aRankWithoutAScoreIsAcceptedAndDrawsNoChartPoint() throws {
        let (_, root) = try site([
            ("results.yaml", "  - locality: tinh-mau\n    index: sipas\n    year: 2022\n    rank: 12/63\n")
        ])
        let (checked, diagnostics) = checkContent(root)
        let site = try #require(checked, "\(diagnostics)")
        let result = try #require(site.results.first { $0.index == .sipas && $0.year == 2022 })
        #expect(result.score == nil && result.rank == 12 && result.scoreText.isEmpty)
    }

    @Test func aResultWithNeitherScoreNorRankSaysHowToWriteIt() throws {
        let (_, root) = try site([
            ("results.yaml", "  - locality: tinh-mau\n    index: sipas\n    year: 2022\n    group: A\n")
        ])
        let (_, diagnostics) = checkContent(root)
        let problem = try #require(diagnostics.first { $0.code == .missingField })
        #expect(problem.message.contains("score") && problem.message.contains("rank: 3/63"))
        #expect(problem.location.line > 0)
    }

    @Test(
        "a change is kept in words and read as numbers where it reads",
        arguments: [
            ("tăng 2,68 điểm, giảm 4 bậc", "2.68", -4),
            ("tăng 3,64 điểm điểm và giảm 04 bậc so với năm 2020", "3.64", -4),
            ("tăng 9 bậc so với năm 2020", nil, 9),
            ("giảm 1,5 điểm", "-1.5", nil),
            ("tăng thêm 2 hạng", nil, 2),
            ("giữ nguyên thứ hạng", nil, nil),
        ] as [(String, String?, Int?)])
    func changeWords(_ words: String, score: String?, rank: Int?) {
        let (scoreChange, rankChange) = PrintedFigures.change(words)
        #expect(scoreChange?.value == score.flatMap { Decimal(string: $0) })
        #expect(rankChange == rank)
    }

    @Test func aQuotedChangeReachesTheResultAsNumbersAndKeepsItsWords() throws {
        let site = defaultSite
        let sipas = try #require(
            site.plans.first { $0.slug == "2022-quang-nam-par-sipas" }?.results.first { $0.index == .sipas })
        #expect(sipas.change == "tăng 3,64 điểm điểm và giảm 04 bậc so với năm 2020")
        #expect(sipas.scoreChange == Quantity(parsing: "3,64") && sipas.rankChange == -4)
        #expect(sipas.rank == 57 && sipas.outOf == 63)
    }

    @Test(
        "a target's figure reads its comparison, value and unit",
        arguments: [
            ("trên 83 %", TargetComparison.above, "83", "%", 0),
            ("trên 95%", .above, "95", "%", 0),
            ("tăng ít nhất 3 bậc", .atLeast, "3", "bậc", 1),
            ("không dưới 85 điểm", .atLeast, "85", "điểm", 0),
            ("tối đa 2", .atMost, "2", nil, 0),
            ("giảm không quá 2 hạng", .atMost, "2", "bậc", -1),
        ] as [(String, TargetComparison, String, String?, Int)])
    func targetFigure(_ words: String, comparison: TargetComparison, value: String, unit: String?, direction: Int)
        throws
    {
        let figure = try #require(PrintedFigures.target(words))
        #expect(figure.comparison == comparison && figure.value.value == Decimal(string: value))
        #expect(figure.unit == unit && figure.direction == direction && figure.isChange == (direction != 0))
    }

    @Test func aTargetThatDoesNotReadIsRefused() {
        #expect(PrintedFigures.target("khoảng 45 điểm") == nil)
        #expect(PrintedFigures.target("trên 83 % người dân") == nil)
        #expect(PrintedFigures.target("") == nil)
    }

    @Test func planTargetsReachThePlanWithTheirIndexYearAndWords() throws {
        let plan = try planWith(
            "targets:\n  - index: papi\n    text: SIPAS trên 83 %\n    score: trên 83%\n  - index: papi\n    year: 2024\n    text: tăng ít nhất 3 bậc\n    rank: tăng ít nhất 3 bậc\n"
        )
        let (_, root) = try site([("plans/2023-mau-papi/plan.md", plan)], append: false)
        let (checked, diagnostics) = checkContent(root)
        let site = try #require(checked, "\(diagnostics)")
        let targets = try #require(site.plans.first { $0.slug == "2023-mau-papi" }).targets
        #expect(targets.map(\.year) == [2023, 2024])
        #expect(targets[0].text == "SIPAS trên 83 %" && targets[0].score?.comparison == .above)
        #expect(targets[1].rank?.isChange == true && targets[1].rank?.value == Quantity(parsing: "3"))
    }

    @Test func theSeedTargetsOfQuangNamKeepTheirWordsAndNoFigureTheDocumentDoesNotPrint() throws {
        let plan = try #require(defaultSite.plans.first { $0.slug == "2022-quang-nam-par-sipas" })
        let seed = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("../shared/seeds/003_bd21b3a18fb6ee0f.txt"),
            encoding: .utf8)
        #expect(plan.targets.map(\.index) == [.parIndex, .sipas])
        for target in plan.targets {
            #expect(target.year == 2022 && target.score == nil && target.rank == nil)
            #expect(seed.contains(target.text), "\(target.text)")
        }
    }

    @Test func theSeedTargetsOfHonQuanAreTranscribedWithTheirWords() throws {
        let plan = try #require(defaultSite.plans.first { $0.slug == "2023-hon-quan-nang-cao-chi-so" })
        let seed = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("../shared/seeds/002_6a2f920227438a1b.txt"),
            encoding: .utf8)
        #expect(plan.targets.count == 2)
        for target in plan.targets {
            #expect(target.index == .sipas && target.year == 2023 && target.score?.comparison == .above)
            let printed = target.text.replacingOccurrences(of: " (khảo sát Sipas, khảo sát Papi)", with: "")
            #expect(seed.contains(printed), "\(printed)")
        }
    }

    // MARK: - The signed original

    static let pdf = Data("%PDF-1.4\n% bản ký số\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    @Test func aSignedOriginalIsLinkedWithItsSizeAndHashCopiedAndListedInTheOpenData() throws {
        let (folder, root) = try site()
        try Self.pdf.write(to: root.appendingPathComponent("plans/2023-mau-papi/van-ban-goc.pdf"))
        let output = folder.path("Public")
        let outcome = SiteBuilder(options: .init(content: root, templates: TestPaths.templates, output: output)).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let hash = SHA256Digest.hex(of: Self.pdf)
        let copied = try Data(contentsOf: output.appendingPathComponent("ke-hoach/2023-mau-papi/van-ban-goc.pdf"))
        #expect(copied == Self.pdf)
        let page = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/2023-mau-papi/index.html"), encoding: .utf8)
        #expect(page.contains("href=\"van-ban-goc.pdf\"") || page.contains("2023-mau-papi/van-ban-goc.pdf\""))
        #expect(page.contains("\(Self.pdf.count) byte") && page.contains(hash))
        let json = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/2023-mau-papi/du-lieu/ke-hoach.json"), encoding: .utf8)
        #expect(json.contains(hash) && json.contains("ke-hoach/2023-mau-papi/van-ban-goc.pdf"), "\(json.prefix(400))")
        let manifest = try String(contentsOf: output.appendingPathComponent("du-lieu/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("ke-hoach/2023-mau-papi/van-ban-goc.pdf") && manifest.contains(hash))
        #expect(manifest.contains("application/pdf"))
        // The independent validator: the plan JSON against the schema, the manifest's sizes and hashes.
        try requireExportValidatorPackages()
        let result = try runTool("python3", [TestPaths.exportValidator.path, output.path])
        #expect(result.status == 0 && result.output.contains("0 problem(s)"), "\(result.output)\(result.error)")
    }

    @Test func anOriginalNamedByTheFieldIsUsedAndAMissingOneIsAnError() throws {
        let plan = try planWith("original: ban-ky.pdf\n")
        let (_, root) = try site([("plans/2023-mau-papi/plan.md", plan)], append: false)
        var (checked, diagnostics) = checkContent(root)
        #expect(checked == nil)
        let missing = try #require(diagnostics.first { $0.code == .badOriginal })
        #expect(missing.location.line > 0 && missing.message.contains("ban-ky.pdf"))
        try Self.pdf.write(to: root.appendingPathComponent("plans/2023-mau-papi/ban-ky.pdf"))
        (checked, diagnostics) = checkContent(root)
        let site = try #require(checked, "\(diagnostics)")
        let original = try #require(site.plans.first { $0.slug == "2023-mau-papi" }?.original)
        #expect(original.file == "ban-ky.pdf" && original.size == Self.pdf.count)
        #expect(original.sha256 == SHA256Digest.hex(of: Self.pdf))
    }

    @Test func anOriginalOverFiftyMegabytesOrNotAPDFIsRefusedAndOtherBinaryFilesAreNotRead() throws {
        let (_, root) = try site()
        let big = root.appendingPathComponent("plans/2023-mau-papi/van-ban-goc.pdf")
        try Self.pdf.write(to: big)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 50_000_001)
        try handle.close()
        // Another binary file, even a real PDF, is not read.
        try Self.pdf.write(to: root.appendingPathComponent("plans/2024-mau-par-index/scan.pdf"))
        let (checked, diagnostics) = checkContent(root)
        #expect(checked == nil)
        let tooLarge = try #require(diagnostics.first { $0.code == .badOriginal })
        #expect(tooLarge.message.contains("50 MB"))
        #expect(diagnostics.contains { $0.code == .unexpectedFile && $0.location.file.hasSuffix("scan.pdf") })
    }

    @Test func anOriginalFieldMustNameAPDFInThePlanFolder() throws {
        for (offset, name) in ["../khac/van-ban-goc.pdf", "van-ban-goc.docx", ".an.pdf"].enumerated() {
            let plan = try planWith("original: \"\(name)\"\n")
            let (_, root) = try site([("plans/2023-mau-papi/plan.md", plan)], append: false, at: "site\(offset)")
            let (_, diagnostics) = checkContent(root)
            #expect(diagnostics.contains { $0.code == .badOriginal && $0.message.contains("PDF") }, "\(name)")
        }
    }

    @Test(
        "an original's size is in decimal units with a decimal comma",
        arguments: [(900, "900 byte"), (1000, "1 kB"), (352_400, "352,4 kB"), (999_960, "1 MB"), (1_250_000, "1,3 MB")])
    func sizeText(_ bytes: Int, _ text: String) {
        #expect(OriginalDocument(file: "a.pdf", size: bytes, sha256: "", sourcePath: "").sizeText == text)
    }
}

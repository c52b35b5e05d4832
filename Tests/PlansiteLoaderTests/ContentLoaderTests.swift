import Foundation
import PlansiteDiagnostics
import TestSupport
import Testing

@testable import PlansiteLoader

/// The loader on its own: front matter, the line and column of every value, file text checks
/// and which files of a content folder it reads (Fixtures/site).
@Suite struct ContentLoaderTests {
    static let plan = "plans/2024-mau-par-index"

    /// The fixture site copied into a temporary folder, to be changed by a test.
    func fixtureCopy() throws -> TemporaryFolder {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        return temporary
    }

    func load(_ folder: URL) -> (ContentDefinition, [String]) {
        let (definition, diagnostics) = ContentLoader(root: folder, displayRoot: "content").load()
        return (definition, diagnostics.sorted.map(\.description))
    }

    @Test func frontMatterSplitsYAMLFromBodyAndCountsTheOpeningLine() throws {
        let split = try #require(FrontMatter(splitting: "---\ntitle: A\nyear: 2024\n---\n\n## Body\n"))
        #expect(split.yaml == "title: A\nyear: 2024")
        #expect(split.yamlLineOffset == 1)
        #expect(split.body == "\n## Body\n")
    }

    @Test func textWithoutAnOpeningOrClosingFenceHasNoFrontMatter() {
        #expect(FrontMatter(splitting: "title: A\n---\n") == nil)
        #expect(FrontMatter(splitting: "---\ntitle: A\n") == nil)
    }

    @Test func frontMatterValuesCarryTheirLineInPlanMdNotInTheYAML() throws {
        let (definition, diagnostics) = load(TestPaths.fixtures.appendingPathComponent("site"))
        #expect(diagnostics.isEmpty)
        let plan = try #require(definition.plans.first { $0.slug.value == "2024-mau-par-index" })
        // plan.md line 9: "title: Cải thiện, …" (line 1 is the opening ---).
        #expect(plan.title?.location == SourceLocation(file: "content/\(Self.plan)/plan.md", line: 9, column: 8))
        // A nested mapping: line 16 "  name: Nguyễn Văn A", the value from column 9.
        #expect(plan.signer?.name?.value == "Nguyễn Văn A")
        #expect(
            plan.signer?.name?.location == SourceLocation(file: "content/\(Self.plan)/plan.md", line: 16, column: 9))
    }

    @Test func valueNestedFourLevelsDeepInAnAppendixHasItsOwnLineAndColumn() throws {
        let (definition, _) = load(TestPaths.fixtures.appendingPathComponent("site"))
        let plan = try #require(definition.plans.first { $0.slug.value == "2024-mau-par-index" })
        let appendix = try #require(plan.appendices.first { $0.number == 1 })
        let task = try #require(appendix.criteria.first?.children.first?.tasks.first)
        let file = "content/\(Self.plan)/phu-luc-1.yaml"
        // criteria → children → tasks → text, phu-luc-1.yaml line 18 "          - text: Tổ chức đối thoại."
        #expect(task.text == Located("Tổ chức đối thoại.", at: SourceLocation(file: file, line: 18, column: 19)))
        #expect(task.lead == [Located("SNV", at: SourceLocation(file: file, line: 19, column: 19))])
    }

    @Test func anErrorInFrontMatterIsReportedAtItsLineInPlanMd() throws {
        let temporary = try fixtureCopy()
        let path = temporary.path("content/\(Self.plan)/plan.md")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "year: 2024\n", with: "year: 2024\nnam: 2024\n")
            .write(to: path, atomically: true, encoding: .utf8)
        let (_, diagnostics) = load(temporary.path("content"))
        // "nam" is on line 19 of plan.md, the 18th line of the YAML.
        #expect(
            diagnostics == [
                "content/\(Self.plan)/plan.md:19:1: error: trường 'nam' không có trong định dạng [unknown-field]\n"
                    + "    note: các trường được dùng ở đây: kind, number, issuer, header, locality, place, date, "
                    + "title, addressees, recipients, signer, indices, year, results, motto, targets, original"
            ])
    }

    @Test func aFileThatIsNotUTF8IsRefusedAsAWholeWithAHintToResave() throws {
        let temporary = try fixtureCopy()
        // "Sở Nội vụ" in Windows-1258 bytes: 0xD3 is not valid UTF-8 here.
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0x53, 0xD3, 0x20, 0x4E, 0x0A]).write(
            to: temporary.path("content/site.yaml"))
        let (definition, diagnostics) = load(temporary.path("content"))
        #expect(definition.site == nil)
        #expect(
            diagnostics == [
                "content/site.yaml: error: tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8 [not-text]"
            ])
    }

    @Test func onlyTheWantedPlanFoldersAreReadAndTheRestOfTheSiteIsAlwaysRead() throws {
        let loader = ContentLoader(root: TestPaths.fixtures.appendingPathComponent("site"), displayRoot: "content")
        let (all, _) = loader.load()
        let (some, diagnostics) = loader.load(plans: { $0 == "2023-mau-papi" })
        #expect(all.plans.map(\.slug.value) == ["2023-mau-papi", "2024-mau-par-index"])
        #expect(some.plans.map(\.slug.value) == ["2023-mau-papi"])
        #expect(diagnostics.sorted.isEmpty)
        #expect(some.site != nil)
        #expect(some.registries.count == all.registries.count)
        #expect(some.results.count == all.results.count)
    }

    @Test func loadingNamedPlansReadsThemAsTheWholeLoadDoes() throws {
        let loader = ContentLoader(root: TestPaths.fixtures.appendingPathComponent("site"), displayRoot: "content")
        let (all, _) = loader.load()
        let (plans, diagnostics) = loader.loadPlans(["2024-mau-par-index"])
        #expect(diagnostics.sorted.isEmpty)
        let whole = try #require(all.plans.first { $0.slug.value == "2024-mau-par-index" })
        let alone = try #require(plans.first)
        #expect(plans.count == 1)
        #expect(alone.title == whole.title)
        #expect(alone.appendices.map(\.number) == whole.appendices.map(\.number))
        #expect(alone.reports.count == whole.reports.count)
    }

    @Test func planFolderListingReportsAFolderWithoutPlanMdAndANestedFile() throws {
        let temporary = try fixtureCopy()
        try temporary.write("text: lạc chỗ\n", to: "content/plans/2025-chua-xong/phu-luc-1.yaml")
        try temporary.write("ghi chú\n", to: "content/\(Self.plan)/cu/ghi-chu.txt")
        try temporary.write("ghi chú\n", to: "content/ghi-chu.txt")
        let (definition, diagnostics) = load(temporary.path("content"))
        #expect(definition.plans.map(\.slug.value) == ["2023-mau-papi", "2024-mau-par-index"])
        let unexpected = "tệp này không thuộc định dạng nội dung nên không được đọc (xem docs/content-format.md)"
        #expect(
            diagnostics.sorted() == [
                "content/ghi-chu.txt: warning: \(unexpected) [unexpected-file]",
                "content/\(Self.plan)/cu/ghi-chu.txt: warning: \(unexpected) [unexpected-file]",
                "content/plans/2025-chua-xong: error: thư mục kế hoạch thiếu tệp plan.md [missing-field]",
            ])
    }
}

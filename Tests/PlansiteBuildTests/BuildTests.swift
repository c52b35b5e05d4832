import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteRender
import PlansiteSiteMap
import PlansiteWriter
import TestSupport
import Testing

/// The whole pipeline, as `plansite build` runs it.
@Suite struct BuildTests {
    func build(content: URL, templates: URL = TestPaths.templates, output: URL) -> SiteBuilder.Outcome {
        SiteBuilder(options: .init(content: content, templates: templates, output: output)).build()
    }

    /// Every file below a folder: relative path → bytes.
    func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator {
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func defaultSiteHasOnePagePerPlanAppendixDepartmentAndIndex() throws {
        let temporary = try TemporaryFolder()
        let outcome = build(content: TestPaths.content, output: temporary.path("Public"))
        #expect(outcome.filesWritten != nil)
        let pages = try tree(temporary.path("Public")).keys.filter { $0.hasSuffix(".html") }
        let site = defaultSite
        let appendices = site.plans.reduce(0) { $0 + $1.appendices.count }
        // home, directory, search, 404, and one page per index
        #expect(pages.count == 4 + 3 + site.plans.count + appendices + site.departments.count)
        #expect(site.plans.count == 5 && appendices == 5)
        for plan in site.plans {
            #expect(pages.contains(SiteMap.plan(plan.slug)))
            for appendix in plan.appendices { #expect(pages.contains(SiteMap.appendix(plan.slug, appendix.number))) }
        }
        for department in site.departments { #expect(pages.contains(SiteMap.department(department.id))) }
        for index in ["par-index", "papi", "sipas"] { #expect(pages.contains("chi-so/\(index)/index.html")) }
        #expect(pages.contains("index.html") && pages.contains("don-vi/index.html") && pages.contains("404.html"))
        #expect(pages.contains("tim-kiem/index.html"))
    }

    @Test func twoBuildsGiveIdenticalTrees() throws {
        let temporary = try TemporaryFolder()
        #expect(build(content: TestPaths.content, output: temporary.path("a")).filesWritten != nil)
        #expect(build(content: TestPaths.content, output: temporary.path("b")).filesWritten != nil)
        let first = try tree(temporary.path("a"))
        let second = try tree(temporary.path("b"))
        #expect(first.count > 50)
        #expect(first == second)
    }

    @Test func failedBuildLeavesThePreviousOutputByteForByte() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        #expect(build(content: temporary.path("content"), output: output).filesWritten != nil)
        try "người dùng tự thêm".write(
            to: output.appendingPathComponent("ghi-chu.txt"), atomically: true, encoding: .utf8)
        let before = try tree(output)
        try temporary.overlay(
            TestPaths.fixtures.appendingPathComponent("invalid/unknown-department/content"), at: "content")
        let outcome = build(content: temporary.path("content"), output: output)
        #expect(outcome.filesWritten == nil)
        #expect(outcome.diagnostics.contains { $0.code == .unknownDepartment })
        #expect(try tree(output) == before)
        // Nothing is left beside the output either, but the cache and the lock file.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path)
        #expect(siblings.sorted() == [".Public.lock", ".plansite-cache", "Public", "content"])
    }

    /// A portal plansite built (it holds the marker) is replaced whole: a page that the new
    /// build does not write is gone.
    @Test func successfulBuildReplacesThePortalWholly() throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("Public")
        let site = TestPaths.fixtures.appendingPathComponent("site")
        #expect(build(content: site, output: output).filesWritten != nil)
        try temporary.write("cũ", to: "Public/trang-cu/index.html")
        #expect(
            SiteBuilder(
                options: .init(content: site, templates: TestPaths.templates, output: output, incremental: false)
            )
            .build().filesWritten != nil)
        let files = try tree(output)
        #expect(files["trang-cu/index.html"] == nil)
        #expect(files["README.md"] == Data(PublicFolder.readme.utf8))
        #expect(PortalMarker.buildID(of: output) != nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path)
        #expect(siblings.sorted() == [".Public.lock", ".plansite-cache", "Public"])
    }

    /// The build id in the marker comes from the tool and the inputs alone, so two builds of the
    /// same input are byte-identical, marker included, and a `--no-cache` build of other
    /// content leaves a cache that no longer matches: the next build is cold.
    @Test func markerHoldsAnIdOfTheInputsAndAStaleCacheIsNotUsed() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let output = temporary.path("Public")
        func options(incremental: Bool) -> SiteBuilder.Options {
            .init(
                content: temporary.path("content"), templates: TestPaths.templates, output: output,
                incremental: incremental, tool: "test")
        }
        #expect(SiteBuilder(options: options(incremental: true)).build().filesWritten != nil)
        let first = try #require(PortalMarker.buildID(of: output))
        #expect(SiteBuilder(options: options(incremental: false)).build().filesWritten != nil)
        #expect(PortalMarker.buildID(of: output) == first)
        let plan = temporary.path("content/plans/2024-mau-par-index/plan.md")
        try (String(contentsOf: plan, encoding: .utf8) + "\nMột đoạn thêm.\n").write(
            to: plan, atomically: true, encoding: .utf8)
        #expect(SiteBuilder(options: options(incremental: false)).build().filesWritten != nil)
        #expect(PortalMarker.buildID(of: output) != first)
        let next = SiteBuilder(options: options(incremental: true)).build()
        #expect(next.filesWritten != nil)
        #expect(next.incremental == false, "the cache describes another portal than the one in the output")
    }

    @Test func committedPublicReadmeIsTheOneTheBuildWrites() throws {
        let committed = try Data(contentsOf: TestPaths.repository.appendingPathComponent("Public/README.md"))
        #expect(committed == Data(PublicFolder.readme.utf8))
    }

    @Test func templateErrorIsReportedWithFileLineAndColumn() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "Templates")
        try temporary.write("<p>\n  {{#chrome}}\n  {{title}}\n{{/chrom}}\n", to: "Templates/partials/footer.mustache")
        let outcome = build(
            content: TestPaths.fixtures.appendingPathComponent("site"), templates: temporary.path("Templates"),
            output: temporary.path("Public"))
        #expect(outcome.filesWritten == nil)
        let diagnostic = try #require(outcome.diagnostics.first { $0.code == .templateSyntax })
        #expect(diagnostic.location.file.hasSuffix("Templates/partials/footer.mustache"))
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column > 0)
        #expect(!FileManager.default.fileExists(atPath: temporary.path("Public").path))
    }

    @Test func missingPageTemplateIsReported() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "Templates")
        try FileManager.default.removeItem(at: temporary.path("Templates/pages/department.mustache"))
        let outcome = build(
            content: TestPaths.fixtures.appendingPathComponent("site"), templates: temporary.path("Templates"),
            output: temporary.path("Public"))
        #expect(outcome.filesWritten == nil)
        #expect(outcome.diagnostics.map(\.code) == [.missingTemplate])
        #expect(outcome.diagnostics.first?.message.contains("pages/department") == true)
    }

    @Test func unwritableOutputIsReportedAndNothingIsLeftBehind() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("một tệp, không phải thư mục", to: "blocker")
        let outcome = build(
            content: TestPaths.fixtures.appendingPathComponent("site"), output: temporary.path("blocker/Public"))
        #expect(outcome.filesWritten == nil)
        #expect(outcome.diagnostics.map(\.code) == [.outputFailed])
        #expect(try String(contentsOf: temporary.path("blocker"), encoding: .utf8) == "một tệp, không phải thư mục")
    }
}

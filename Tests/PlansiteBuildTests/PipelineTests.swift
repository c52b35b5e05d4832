import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteSupport
import PlansiteValidator
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The cold and the incremental build are one pipeline: the same phases, in the same order.
@Suite struct PipelineTests {
    let temporary: TemporaryFolder
    var content: URL { temporary.path("content") }
    static let plan = "plans/2024-mau-par-index"

    init() throws {
        temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try temporary.overlay(TestPaths.templates, at: "templates")
    }

    func build(incremental: Bool = true) -> SiteBuilder.Outcome {
        SiteBuilder(
            options: .init(
                content: content, templates: temporary.path("templates"), output: temporary.path("site"),
                displayContent: "content", displayTemplates: "templates", incremental: incremental, tool: "test")
        ).build()
    }

    func append(_ text: String, to relative: String) throws {
        let url = content.appendingPathComponent(relative)
        try (String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func coldAndIncrementalBuildsRunTheSamePhasesInOrder() throws {
        let cold = build()
        #expect(cold.incremental == false)
        #expect(cold.filesWritten != nil)
        #expect(cold.phases == BuildPhase.allCases)
        #expect(cold.phases == [.load, .validate, .assess, .render, .export, .write, .record])

        try append("\n", to: "\(Self.plan)/plan.md")
        let incremental = build()
        #expect(incremental.incremental == true)
        #expect(incremental.filesWritten != nil)
        #expect(incremental.phases == cold.phases)

        // Nothing changed: no phase runs, nothing is written.
        let unchanged = build()
        #expect(unchanged.incremental == true)
        #expect(unchanged.filesWritten == 0)
        #expect(unchanged.phases.isEmpty)
    }

    @Test func aBuildWithoutCacheRecordsNothingAndAFailedBuildStopsAfterValidation() throws {
        #expect(build(incremental: false).phases == [.load, .validate, .assess, .render, .export, .write])
        let plan = content.appendingPathComponent("\(Self.plan)/plan.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "locality: tinh-mau", with: "locality: tinh-khong-co")
            .write(to: plan, atomically: true, encoding: .utf8)
        let failed = build()
        #expect(failed.filesWritten == nil)
        #expect(failed.phases == [.load, .validate])
    }

    @Test func loaderDiagnosticsAreAttributedToTheirPlanFolder() throws {
        try "x".write(to: content.appendingPathComponent("\(Self.plan)/ghi-chu.txt"), atomically: true, encoding: .utf8)
        try "x".write(to: content.appendingPathComponent("ghi-chu.txt"), atomically: true, encoding: .utf8)
        // A file directly in plans/ belongs to no plan.
        try "x".write(to: content.appendingPathComponent("plans/lac.yaml"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = ContentLoader(root: content, displayRoot: "content").load()
        let slug = "2024-mau-par-index"
        #expect(diagnostics.byPlan[slug]?.map(\.location.file) == ["content/\(Self.plan)/ghi-chu.txt"])
        #expect(
            diagnostics.shared.map(\.location.file).sorted() == ["content/ghi-chu.txt", "content/plans/lac.yaml"])
        #expect(diagnostics.byPlan.keys.sorted() == [slug])
    }

    @Test func validationDiagnosticsAreAttributedToTheirPlan() throws {
        let plan = content.appendingPathComponent("\(Self.plan)/plan.md")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "locality: tinh-mau", with: "locality: tinh-khong-co")
            .write(to: plan, atomically: true, encoding: .utf8)
        let (definition, loaded) = ContentLoader(root: content, displayRoot: "content").load()
        #expect(!loaded.hasErrors)
        let validation = Validator().validate(definition, widening: nil)
        #expect(validation.site == nil)
        let mine = try #require(validation.diagnostics.byPlan["2024-mau-par-index"])
        #expect(mine.contains { $0.location.file == "content/\(Self.plan)/plan.md" && $0.severity == .error })
        #expect(validation.diagnostics.shared.allSatisfy { !$0.location.file.hasPrefix("content/plans/") })
        // `plansite check` reports what the two phases found, all of them.
        var all = loaded
        all.append(contentsOf: validation.diagnostics)
        #expect(Checker(content: content, displayContent: "content").check().diagnostics == all.sorted)
    }

    @Test func aResultComparisonIsAttributedToTheQuotingPlanAndToResultsYAML() throws {
        try append(
            """
              - locality: tinh-mau
                index: par-index
                year: 2023
                score: 80
                rank: 40
                out-of: 63
                group: B

            """, to: "results.yaml")
        let (definition, _) = ContentLoader(root: content, displayRoot: "content").load()
        let diagnostics = Validator().validate(definition, widening: nil).diagnostics
        let inPlan = diagnostics.byPlan["2024-mau-par-index"] ?? []
        #expect(
            inPlan.filter { $0.code == .contradictoryResult }.map(\.location.file) == ["content/\(Self.plan)/plan.md"])
        #expect(
            diagnostics.shared.filter { $0.code == .contradictoryResult }.map(\.location.file) == [
                "content/results.yaml"
            ])
    }
}

/// The one walk of a folder: special files listed and marked, links never followed.
@Suite struct FileWalkerTests {
    let temporary: TemporaryFolder

    init() throws {
        temporary = try TemporaryFolder()
    }

    @Test func specialFilesAreReportedAndLinksAreNotFollowed() throws {
        let manager = FileManager.default
        let root = temporary.path("tree")
        let outside = temporary.path("outside")
        try manager.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try "a".write(to: root.appendingPathComponent("sub/a.txt"), atomically: true, encoding: .utf8)
        try "s".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try ".".write(to: root.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        #expect(mkfifo(root.appendingPathComponent("pipe").path, 0o644) == 0)
        try manager.createSymbolicLink(
            at: root.appendingPathComponent("link-file.txt"),
            withDestinationURL: outside.appendingPathComponent("secret.txt"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("link-folder"), withDestinationURL: outside)
        try manager.createSymbolicLink(at: root.appendingPathComponent("sub/loop"), withDestinationURL: root)
        try manager.createSymbolicLink(
            at: root.appendingPathComponent("dangling"), withDestinationURL: temporary.path("nothing"))

        let all = FileTree.files(under: root.path, includingSpecial: true)
        #expect(all.map(\.path) == ["dangling", "link-file.txt", "link-folder", "pipe", "sub/a.txt", "sub/loop"])
        #expect(
            all.map(\.special) == [.symbolicLink, .symbolicLink, .symbolicLink, .fifo, nil, .symbolicLink])
        #expect(
            all.map(\.components) == [
                ["dangling"], ["link-file.txt"], ["link-folder"], ["pipe"], ["sub", "a.txt"], ["sub", "loop"],
            ])
        #expect(FileTree.files(under: root.path).map(\.path) == ["sub/a.txt"])
    }

    @Test func aFolderDeeperThanTheBoundIsListedNotEntered() throws {
        let root = temporary.path("deep")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try "x".write(to: root.appendingPathComponent("a/top.txt"), atomically: true, encoding: .utf8)
        try "x".write(to: deep.appendingPathComponent("bottom.txt"), atomically: true, encoding: .utf8)
        let bounded = FileTree.files(under: root.path, includingSpecial: true, maximumDepth: 2)
        #expect(bounded.map(\.path) == ["a/b/c", "a/top.txt"])
        #expect(bounded.map(\.special) == [.tooDeep, nil])
        #expect(FileTree.files(under: root.path).map(\.path) == ["a/b/c/bottom.txt", "a/top.txt"])
    }

    @Test func aLinkInTheContentIsAnErrorAndIsNotRead() throws {
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let planFile = temporary.path("content/plans/2024-mau-par-index/phu-luc-9.yaml")
        try "x: [".write(to: temporary.path("elsewhere.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: planFile, withDestinationURL: temporary.path("elsewhere.yaml"))
        let (_, diagnostics) = Checker(content: temporary.path("content"), displayContent: "content").check()
        // Reported as a link, and the file it names (not valid YAML) is never parsed.
        let atLink = diagnostics.filter { $0.location.file == "content/plans/2024-mau-par-index/phu-luc-9.yaml" }
        #expect(atLink.map(\.code) == [.specialFile])
        #expect(atLink.first?.message.contains("symbolic link") == true)
    }
}

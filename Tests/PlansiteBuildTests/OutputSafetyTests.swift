import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteWriter
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A project as a clerk has it, in a temporary folder: `project/` (the working folder) with
/// Content/, Templates/, a committed Public/README.md, notes, a .git folder, a foreign folder,
/// symbolic links; and `outside/` beside it.
struct Project {
    let temporary: TemporaryFolder
    var root: URL { temporary.path("project") }

    init() throws {
        temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "project/Content")
        try temporary.overlay(TestPaths.templates, at: "project/Templates")
        try temporary.write(PublicFolder.readme, to: "project/Public/README.md")
        try temporary.write("ghi chú của tôi", to: "project/notes.txt")
        try temporary.write("ref: refs/heads/main\n", to: "project/.git/HEAD")
        try temporary.write("tài liệu riêng", to: "project/Foreign/tai-lieu.docx")
        try temporary.write("mã nguồn", to: "project/src/Content/README.txt")
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "project/Wrap/Content")
        try FileManager.default.createDirectory(at: temporary.path("outside/empty"), withIntermediateDirectories: true)
        try temporary.write("bên ngoài", to: "outside/data.txt")
        try link("project/link-to-content", to: "Content")
        try link("project/link-to-empty", to: "../outside/empty")
        try link("project/via-link", to: "Content")
        try link("project/alias", to: "Wrap/Content")
        try link("project/dangling", to: "khong-co")
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: temporary.path(relative).path, withDestinationPath: destination)
    }

    /// Options as `plansite build` makes them from its flags, run in `project/`.
    func options(
        output: String, content: String = "Content", templates: String = "Templates",
        lockTimeout: Duration = .seconds(5)
    ) -> SiteBuilder.Options {
        func url(_ path: String) -> URL {
            URL(fileURLWithPath: path.hasPrefix("/") ? path : root.path + "/" + path)
        }
        return SiteBuilder.Options(
            content: url(content), templates: url(templates), output: url(output), displayContent: content,
            displayTemplates: templates, displayOutput: output, tool: "test", workingDirectory: root.path,
            lockTimeout: lockTimeout)
    }

    /// Everything in the temporary folder: each path with its kind and bytes or link target.
    func snapshot() -> [String: String] {
        var out: [String: String] = [:]
        func walk(_ folder: String, _ prefix: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names {
                let full = folder + "/" + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    out[prefix + name + "/"] = "folder"
                    walk(full, prefix + name + "/")
                case S_IFLNK:
                    out[prefix + name] =
                        "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "?")
                default:
                    let data = FileManager.default.contents(atPath: full) ?? Data()
                    out[prefix + name] = "file \(data.count) \(data.base64EncodedString())"
                }
            }
        }
        walk(temporary.url.path, "")
        return out
    }
}

/// `build` and `serve` replace an output folder only when it is absent, empty, the committed
/// Public/ with its README alone, or a portal plansite built; and never the content, the
/// templates, the working folder, a folder above one of them, or a folder inside the content
/// or the templates. A refusal touches nothing.
@Suite struct OutputSafetyTests {
    struct Refused: Sendable, CustomTestStringConvertible {
        var output: String
        var content = "Content"
        var templates = "Templates"
        var why: String
        var testDescription: String { "--output \(output) (\(why))" }
    }

    static let refused: [Refused] = [
        Refused(output: "Content", why: "the content folder"),
        Refused(output: "Content/", why: "the content folder, trailing slash"),
        Refused(output: "./Content//", why: "the content folder, dots and slashes"),
        Refused(output: "Public/../Content", why: "the content folder through .."),
        Refused(output: "Templates", why: "the templates folder"),
        Refused(output: ".", why: "the working folder, .git included"),
        Refused(output: "", why: "an empty path, the working folder"),
        Refused(output: "..", why: "the folder above the working folder"),
        Refused(output: "../..", why: "two folders above"),
        Refused(output: "/", why: "the root"),
        Refused(output: "src", content: "src/Content", why: "a parent of the content folder"),
        Refused(output: "notes.txt", why: "a file"),
        Refused(output: "Foreign", why: "a non-empty folder without the marker"),
        Refused(output: "../outside", why: "a non-empty folder outside the project"),
        Refused(output: "Content/out", why: "inside the content folder"),
        Refused(output: "Content/plans/2024-mau-par-index/site", why: "deep inside the content folder"),
        Refused(output: "Templates/out", why: "inside the templates folder"),
        Refused(output: "link-to-content", why: "a symbolic link to the content folder"),
        Refused(output: "link-to-empty", why: "a symbolic link to an empty folder elsewhere"),
        Refused(output: "dangling", why: "a symbolic link to nothing"),
        Refused(output: "via-link/out", why: "inside the content folder through a symbolic link"),
        Refused(output: "link-to-empty/../data.txt", why: ".. after a symbolic link, resolved as the system does"),
        Refused(output: "Wrap", content: "alias", why: "holds the content folder named through a link"),
        Refused(output: "Public", content: "Public", why: "the content folder is the output"),
    ]

    @Test(arguments: refused)
    func refusedOutputLeavesEveryFileByteIdentical(_ refusal: Refused) throws {
        let project = try Project()
        let before = project.snapshot()
        let options = project.options(output: refusal.output, content: refusal.content)
        let outcome = SiteBuilder(options: options).build()
        #expect(outcome.filesWritten == nil)
        #expect(outcome.diagnostics.map(\.code) == [.unsafeOutput])
        #expect(outcome.diagnostics.first?.location.file == refusal.output)
        #expect(outcome.diagnostics.first?.severity == .error)
        #expect(outcome.diagnostics.first?.message.isEmpty == false)
        #expect(SiteBuilder(options: options).outputProblems().map(\.code) == [.unsafeOutput], "serve checks it too")
        #expect(project.snapshot() == before)
    }

    /// The commands themselves: `build` and `serve` refuse with the diagnostic, exit non-zero,
    /// and touch nothing (serve does not start: it returns by itself, within seconds).
    @Test(arguments: [
        ["build", "--output", "."], ["build", "--output", "notes.txt"], ["build", "--output", "Content/out"],
        ["serve", "--port", "0", "--output", "Content"], ["serve", "--port", "0", "--output", ".."],
    ])
    func commandRefusesTheOutputExitsNonZeroAndTouchesNothing(_ arguments: [String]) throws {
        let project = try Project()
        let before = project.snapshot()
        let run = try runPlansite(arguments, in: project.root, timeout: 60)
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("\(arguments.last!): error: "), "\(run.output)")
        #expect(run.output.contains("[unsafe-output]"), "\(run.output)")
        #expect(project.snapshot() == before)
    }

    @Test func eachKindOfRefusalSaysWhyInVietnamese() throws {
        let project = try Project()
        func message(_ output: String, content: String = "Content") -> String {
            SiteBuilder(options: project.options(output: output, content: content)).outputProblems().first?.message
                ?? ""
        }
        #expect(message("Content").contains("chính là thư mục nội dung 'Content'"))
        #expect(message(".").contains("chính là thư mục đang làm việc"))
        #expect(message("..").contains("chứa thư mục đang làm việc"))
        #expect(message("src", content: "src/Content").contains("chứa thư mục nội dung"))
        #expect(message("Content/out").contains("nằm trong thư mục nội dung"))
        #expect(message("notes.txt").contains("là một tệp, không phải thư mục"))
        #expect(message("Foreign").contains("1 mục không do plansite tạo (tai-lieu.docx)"))
        #expect(message("link-to-empty").contains("liên kết tượng trưng"))
    }

    /// The folders a build may replace, each built into and then built again.
    @Test(arguments: ["Public", "New", "deep/new/Public", "Empty", "Public/"])
    func replaceableOutputIsBuiltAndBuiltAgain(_ output: String) throws {
        let project = try Project()
        try FileManager.default.createDirectory(
            at: project.root.appendingPathComponent("Empty"), withIntermediateDirectories: true)
        let options = project.options(output: output)
        let first = SiteBuilder(options: options).build()
        #expect(first.filesWritten != nil, "\(first.diagnostics)")
        let folder = project.root.appendingPathComponent(output)
        #expect(PortalMarker.buildID(of: folder) != nil)
        #expect(
            FileManager.default.contents(atPath: folder.appendingPathComponent("README.md").path)
                == Data(PublicFolder.readme.utf8))
        let second = SiteBuilder(options: options).build()
        #expect(second.filesWritten == 0 && second.incremental, "a built portal is replaceable: \(second.diagnostics)")
        // The rest of the project is as it was.
        #expect(
            FileManager.default.contents(atPath: project.root.appendingPathComponent("notes.txt").path)
                == Data("ghi chú của tôi".utf8))
    }

    /// The committed Public/ holds README.md alone, with the bytes the build writes: replaced.
    /// A different README, or the README and anything else, is someone's folder: refused.
    @Test func publicWithOnlyTheCommittedReadmeIsReplacedAndAnEditedOneIsNot() throws {
        let project = try Project()
        #expect(SiteBuilder(options: project.options(output: "Public")).outputProblems().isEmpty)
        try project.temporary.write(PublicFolder.readme + "Ghi chú thêm.\n", to: "project/Public/README.md")
        #expect(SiteBuilder(options: project.options(output: "Public")).outputProblems().map(\.code) == [.unsafeOutput])
        try project.temporary.write(PublicFolder.readme, to: "project/Public/README.md")
        try project.temporary.write("x", to: "project/Public/anh.png")
        #expect(SiteBuilder(options: project.options(output: "Public")).outputProblems().map(\.code) == [.unsafeOutput])
    }

    /// A portal of an earlier plansite has no marker: refused, with a message that says so.
    @Test func portalWithoutTheMarkerIsRefusedAsAnOldPortal() throws {
        let project = try Project()
        #expect(SiteBuilder(options: project.options(output: "Public")).build().filesWritten != nil)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("Public/\(PortalMarker.fileName)"))
        let before = project.snapshot()
        let outcome = SiteBuilder(options: project.options(output: "Public")).build()
        #expect(outcome.diagnostics.map(\.code) == [.unsafeOutput])
        #expect(outcome.diagnostics.first?.message.contains("phiên bản plansite cũ") == true)
        #expect(project.snapshot() == before)
        // A portal with a git repository inside (to publish it) is not replaced: the repository would go.
        try project.temporary.write(
            String(decoding: PortalMarker.contents(buildID: "x"), as: UTF8.self),
            to: "project/Public/\(PortalMarker.fileName)")
        try project.temporary.write("ref: refs/heads/gh-pages\n", to: "project/Public/.git/HEAD")
        let withGit = SiteBuilder(options: project.options(output: "Public")).outputProblems()
        #expect(withGit.map(\.code) == [.unsafeOutput])
        #expect(withGit.first?.message.contains(".git") == true)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("Public/.git"))
        #expect(SiteBuilder(options: project.options(output: "Public")).outputProblems().isEmpty)
        // A marker of another format (a newer plansite) is not taken as this one's.
        try project.temporary.write("plansite-portal 9\n", to: "project/Public/\(PortalMarker.fileName)")
        #expect(SiteBuilder(options: project.options(output: "Public")).outputProblems().map(\.code) == [.unsafeOutput])
    }

    @Test func leftoversOfACrashedRunAreRemovedByTheNextBuild() throws {
        let project = try Project()
        #expect(SiteBuilder(options: project.options(output: "Public")).build().filesWritten != nil)
        for leftover in [
            ".Public.building-0A1B2C3D/index.html", ".Public.staged-DEADBEEF/x", ".Public.previous-12345678/y",
        ] {
            try project.temporary.write("thừa", to: "project/" + leftover)
        }
        #expect(SiteBuilder(options: project.options(output: "Public")).build().filesWritten != nil)
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
        #expect(!names.contains { $0.hasPrefix(".Public.") && $0 != ".Public.lock" }, "\(names)")
    }

    @Test func buildWhileAnotherHoldsTheLockGivesUpAndTouchesNothing() throws {
        let project = try Project()
        #expect(SiteBuilder(options: project.options(output: "Public")).build().filesWritten != nil)
        let held = try OutputLock.acquire(for: project.root.appendingPathComponent("Public"), timeout: .zero)
        let before = project.snapshot()
        try project.temporary.write("thừa", to: "project/.Public.building-0A1B2C3D/x")
        let outcome = SiteBuilder(options: project.options(output: "Public", lockTimeout: .milliseconds(300))).build()
        #expect(outcome.diagnostics.map(\.code) == [.outputBusy])
        #expect(outcome.diagnostics.first?.message.contains("một bản dựng khác đang ghi vào Public") == true)
        // Not even another build's staging folder is touched while it holds the lock.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(".Public.building-0A1B2C3D"))
        #expect(project.snapshot() == before)
        held.release()
    }

    @Test func buildWaitsForTheLockAndThenBuilds() throws {
        let project = try Project()
        let held = try OutputLock.acquire(for: project.root.appendingPathComponent("Public"), timeout: .zero)
        // Its own thread, not the global queue: the suite's parallel builds can keep every
        // worker of that queue busy for longer than the build waits.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.4)
            held.release()
        }
        let started = ContinuousClock.now
        let outcome = SiteBuilder(options: project.options(output: "Public", lockTimeout: .seconds(20))).build()
        #expect(outcome.filesWritten != nil)
        #expect(ContinuousClock.now - started >= .milliseconds(400))
    }

    /// Builds of two versions of the content into one output at once, several times: each
    /// time the output is one version's cold build, and the cache agrees with it (the next
    /// build of either version gives exactly that version's cold build).
    @Test func concurrentBuildsIntoOneOutputLeaveTheCacheInStepWithTheOutput() throws {
        let project = try Project()
        try project.temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "project/B")
        let plan = project.root.appendingPathComponent("B/plans/2024-mau-par-index/plan.md")
        try (String(contentsOf: plan, encoding: .utf8) + "\nMột đoạn mới của bản B.\n").write(
            to: plan, atomically: true, encoding: .utf8)
        func options(_ content: String, _ output: String) -> SiteBuilder.Options {
            var options = project.options(output: output, content: content, lockTimeout: .seconds(60))
            options.displayContent = "Content"
            return options
        }
        #expect(SiteBuilder(options: options("Content", "refA")).build().filesWritten != nil)
        #expect(SiteBuilder(options: options("B", "refB")).build().filesWritten != nil)
        let refA = try outputTree(project.root.appendingPathComponent("refA"))
        let refB = try outputTree(project.root.appendingPathComponent("refB"))
        #expect(refA != refB)
        let output = project.root.appendingPathComponent("Public")
        let both = [options("Content", "Public"), options("B", "Public")]
        for round in 0..<3 {
            let group = DispatchGroup()
            for version in both {
                DispatchQueue.global().async(group: group) { _ = SiteBuilder(options: version).build() }
            }
            group.wait()
            let now = try outputTree(output)
            #expect(now == refA || now == refB, "round \(round)")
            let content = round % 2 == 0 ? "Content" : "B"
            #expect(SiteBuilder(options: options(content, "Public")).build().filesWritten != nil)
            #expect(
                try outputTree(output) == (content == "Content" ? refA : refB),
                "round \(round): the cache follows the output")
        }
    }
}

/// Every regular file below a folder, hidden ones included: relative path → bytes.
func outputTree(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let prefix = folder.standardizedFileURL.path + "/"
    let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
    for case let url as URL in enumerator
    where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
        files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
    }
    return files
}

import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import TestSupport
import Testing

/// An incremental build after a sequence of edits gives exactly the output (and the
/// diagnostics) of a cold build of the same content.
@Suite struct IncrementalBuildTests {
    let temporary: TemporaryFolder
    var content: URL { temporary.path("content") }
    var templates: URL { temporary.path("templates") }
    /// The session the builds into "site" run in, as `serve`'s do, when a test sets one.
    let running = Running()

    final class Running: @unchecked Sendable {
        var session: BuildSession?
    }

    init() throws {
        temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.content, at: "content")
        try temporary.overlay(TestPaths.templates, at: "templates")
        // A base URL, so that the builds make a sitemap (kept by an update that adds or removes
        // no page) and absolute feed links.
        let settings = content.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "base-url: https://kehoach.example.gov.vn/\n").write(
            to: settings, atomically: true, encoding: .utf8)
    }

    func builder(_ output: String, incremental: Bool) -> SiteBuilder {
        SiteBuilder(
            options: .init(
                content: content, templates: templates, output: temporary.path(output),
                displayContent: "content", displayTemplates: "templates", incremental: incremental, tool: "test"))
    }

    /// A build; into "site" within the session, if any, tidied after as `serve` does.
    func build(_ output: String, incremental: Bool) -> SiteBuilder.Outcome {
        let builder = builder(output, incremental: incremental)
        guard output == "site", let session = running.session else { return builder.build() }
        let outcome = builder.build(session: session)
        #expect(builder.tidy(session), "the next update's copy is prepared")
        return outcome
    }

    func tree(_ output: String) throws -> [String: Data] {
        let root = temporary.path(output)
        var files: [String: Data] = [:]
        let prefix = root.standardizedFileURL.path + "/"
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let url as URL in enumerator
        where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Builds incrementally into "site" and cold into a fresh folder, and compares.
    func expectSameAsCold(incremental expected: Bool, _ comment: Comment) throws {
        let incremental = build("site", incremental: true)
        try? FileManager.default.removeItem(at: temporary.path("cold"))
        let cold = build("cold", incremental: false)
        #expect(
            incremental.filesWritten != nil,
            "\(comment): \(incremental.diagnostics.filter { $0.severity == .error }.map(\.message))")
        #expect(incremental.incremental == expected, comment)
        #expect(incremental.diagnostics == cold.diagnostics, comment)
        let incrementalTree = try tree("site")
        let coldTree = try tree("cold")
        let onlyIncremental = Set(incrementalTree.keys).subtracting(coldTree.keys).sorted()
        let onlyCold = Set(coldTree.keys).subtracting(incrementalTree.keys).sorted()
        #expect(onlyIncremental.isEmpty, "files only in the incremental output: \(onlyIncremental) — \(comment)")
        #expect(onlyCold.isEmpty, "files only in the cold output: \(onlyCold) — \(comment)")
        for (path, data) in coldTree where incrementalTree[path] != nil && incrementalTree[path] != data {
            Issue.record("\(path) differs from the cold build after: \(comment)")
        }
    }

    /// A task of 2024-dak-nong-papi-474's first appendix monitored by one department, and a
    /// second one to add.
    static let monitoredByJustice = "            monitoring:\n              - Giám đốc Sở Tư pháp\n"
    static let andByTheInspectorate = "              - Chánh Thanh tra tỉnh\n"

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let url = temporary.path(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(relative) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Also within a session (`serve`'s): the cache kept in memory, each update written into the
    /// copy prepared after the build before, the previous site deleted after the build.
    @Test(arguments: [false, true]) func editsGiveTheSameOutputAsColdBuilds(inASession: Bool) throws {
        if inASession { running.session = BuildSession() }
        #expect(build("site", incremental: true).incremental == false, "the first build is cold")

        // Nothing changed: nothing written.
        #expect(build("site", incremental: true).filesWritten == 0)

        // Change a plan: a task's text, and a department it did not name before.
        try edit("content/plans/2024-dak-nong-papi-474/phu-luc-1.yaml") {
            $0.replacingOccurrences(of: "Tổ chức tuyên truyền, phổ biến", with: "Tổ chức TUYÊN TRUYỀN, phổ biến")
                .replacingOccurrences(
                    of: Self.monitoredByJustice, with: Self.monitoredByJustice + Self.andByTheInspectorate)
        }
        try expectSameAsCold(incremental: true, "a plan changed")

        // Add a plan (a copy of another, in a new folder).
        try temporary.overlay(
            content.appendingPathComponent("plans/2022-quang-nam-par-sipas"), at: "content/plans/2023-quang-nam-ban-sao"
        )
        try edit("content/plans/2023-quang-nam-ban-sao/plan.md") {
            $0.replacingOccurrences(of: "year: 2022", with: "year: 2023")
        }
        try expectSameAsCold(incremental: true, "a plan added")

        // A plan with a warning (its deadline outside the plan's year) keeps it when unchanged.
        try edit("content/plans/2022-quang-nam-par-sipas/plan.md") { $0 + "\nMột đoạn thêm.\n" }
        try expectSameAsCold(incremental: true, "another plan changed")

        // Progress: a report changes a status, a new report file, a report deleted.
        try edit("content/plans/2024-dak-nong-papi-474/bao-cao-2024-quy-4-so-thong-tin.yaml") {
            $0.replacingOccurrences(of: "status: chưa thực hiện", with: "status: hoàn thành")
        }
        try expectSameAsCold(incremental: true, "a report changed")
        try temporary.write(
            "period: Quý IV/2024\ndepartment: Chủ tịch UBND cấp huyện\ndate: 19/12/2024\ntasks:\n"
                + "  - task: III.1.a\n    status: hoàn thành\n",
            to: "content/plans/2024-dak-nong-papi-474/bao-cao-2024-quy-4-ubnd-cap-huyen.yaml")
        try expectSameAsCold(incremental: true, "a report added")
        try FileManager.default.removeItem(
            at: content.appendingPathComponent("plans/2024-dak-nong-papi-474/bao-cao-2024-quy-3-so-noi-vu.yaml"))
        try expectSameAsCold(incremental: true, "a report deleted")

        // The as-of date moves: every status may change, so a cold build.
        try edit("content/site.yaml") { $0.replacingOccurrences(of: "as-of: 21/11/2026", with: "as-of: 1/10/2024") }
        try expectSameAsCold(incremental: false, "the as-of date changed")

        // Delete a plan.
        try FileManager.default.removeItem(at: content.appendingPathComponent("plans/2022-dak-lak-de-xuat-giai-phap"))
        try expectSameAsCold(incremental: true, "a plan deleted")

        // Change a template: a cold build.
        try edit("templates/partials/footer.mustache") {
            $0.replacingOccurrences(of: "</footer>", with: "<p>Bản thử.</p>\n</footer>")
        }
        try expectSameAsCold(incremental: false, "a template changed")

        // Rename a department: a cold build.
        try edit("content/departments/dak-nong.yaml") {
            $0.replacingOccurrences(
                of: "name: Sở Tư pháp tỉnh Đắk Nông", with: "name: Sở Tư pháp (đổi tên) tỉnh Đắk Nông")
        }
        try expectSameAsCold(incremental: false, "a department renamed")

        // An edit that breaks a plan is refused and leaves the output as it was.
        let before = try tree("site")
        try edit("content/plans/2024-dak-nong-papi-474/phu-luc-1.yaml") {
            $0.replacingOccurrences(of: "- Chủ tịch UBND cấp xã\n", with: "- Chủ tịch UBND cấp xa\n")
        }
        let refused = build("site", incremental: true)
        #expect(refused.filesWritten == nil)
        #expect(refused.diagnostics.contains { $0.code == .unknownDepartment })
        #expect(try tree("site") == before)
        try edit("content/plans/2024-dak-nong-papi-474/phu-luc-1.yaml") {
            $0.replacingOccurrences(of: "- Chủ tịch UBND cấp xa\n", with: "- Chủ tịch UBND cấp xã\n")
        }
        try expectSameAsCold(incremental: true, "the broken plan mended")

        guard let session = running.session else { return }
        // Closed, the session leaves only the output and its cache, which a build then uses.
        builder("site", incremental: true).close(session)
        let beside = try FileManager.default.contentsOfDirectory(atPath: temporary.url.path)
        #expect(beside.filter { $0.hasPrefix(".site.") } == [".site.lock"], "beside the output: \(beside)")
        running.session = nil
        #expect(build("site", incremental: true).filesWritten == 0, "the saved cache describes the portal")
    }

    /// A task's text edited changes no plan's figures: the site-wide pages and exports are the
    /// previous build's files (linked, not written), and the output still equals a cold build's.
    /// Adding a department to a task changes the plan's figures, and a quoted result the results
    /// history: they are written again.
    @Test func siteWideFilesAreWrittenOnlyWhenAPlansFiguresChange() throws {
        _ = build("site", incremental: true)
        let siteWide = ["index.html", "don-vi/index.html", "tim-kiem/chi-muc/danh-muc.js", "nguon-tin.xml"]
        func inodes() -> [String: UInt64] {
            var inodes: [String: UInt64] = [:]
            for path in siteWide {
                let attributes = try? FileManager.default.attributesOfItem(atPath: temporary.path("site/" + path).path)
                inodes[path] = (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value
            }
            return inodes
        }
        let before = inodes()
        #expect(before.values.count == siteWide.count)
        let plan = "content/plans/2024-dak-nong-papi-474/phu-luc-1.yaml"
        try edit(plan) {
            $0.replacingOccurrences(of: "Tổ chức tuyên truyền, phổ biến", with: "Tổ chức TUYÊN TRUYỀN, phổ biến")
        }
        try expectSameAsCold(incremental: true, "a task's text edited")
        #expect(inodes() == before, "the site-wide files are the previous build's")
        try edit(plan) {
            $0.replacingOccurrences(
                of: Self.monitoredByJustice, with: Self.monitoredByJustice + Self.andByTheInspectorate)
        }
        try expectSameAsCold(incremental: true, "a department added to a task")
        let after = inodes()
        for path in siteWide { #expect(after[path] != before[path], "\(path) is written again") }

        // A result a plan quotes changes the results history (home, index pages, the dataset),
        // not the plan's figures: written again too.
        try edit("content/plans/2022-quang-nam-par-sipas/plan.md") {
            $0.replacingOccurrences(of: "score: 86,57", with: "score: 86,58")
        }
        try expectSameAsCold(incremental: true, "a quoted result changed")
        #expect(inodes()["index.html"] != after["index.html"])
    }

    /// A session's copy of the output is made once per site: a build that changes nothing, or is
    /// refused, leaves it to the next; an update uses it up, and the next copy is made anew.
    @Test func aSessionKeepsItsCopyUntilAnUpdateUsesIt() throws {
        running.session = BuildSession()
        func copies() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary.url.path)) ?? []).filter {
                $0.hasPrefix(".site.staged-")
            }
        }
        _ = build("site", incremental: true)
        let first = copies()
        #expect(first.count == 1)
        #expect(build("site", incremental: true).filesWritten == 0)
        #expect(copies() == first, "nothing changed: the same copy")
        let plan = "content/plans/2024-dak-nong-papi-474/phu-luc-1.yaml"
        try edit(plan) { $0.replacingOccurrences(of: "- Chủ tịch UBND cấp xã\n", with: "- Chủ tịch UBND cấp xa\n") }
        #expect(build("site", incremental: true).filesWritten == nil)
        #expect(copies() == first, "a refused build: the same copy")
        try edit(plan) { $0.replacingOccurrences(of: "- Chủ tịch UBND cấp xa\n", with: "- Chủ tịch UBND cấp xã\n") }
        try edit(plan) {
            $0.replacingOccurrences(of: "Tổ chức tuyên truyền, phổ biến", with: "Tổ chức TUYÊN TRUYỀN, phổ biến")
        }
        try expectSameAsCold(incremental: true, "an update into the copy")
        #expect(copies().count == 1 && copies() != first, "used up, and made again")
    }

    /// In a session, the second edit of a plan's task rewrites the pages of the departments its
    /// row names, not those of every department the plan names; every build equals a cold one.
    @Test func aTaskEditedAgainInASessionRewritesOnlyItsRowsDepartments() throws {
        running.session = BuildSession()
        _ = build("site", incremental: true)
        let plan = "content/plans/2024-dak-nong-papi-474/phu-luc-1.yaml"
        let (named, elsewhere, inspectorate) = (
            "don-vi/dak-nong-chu-tich-ubnd-cap-huyen/index.html", "don-vi/dak-nong-so-noi-vu/index.html",
            "don-vi/dak-nong-thanh-tra-tinh/index.html"
        )
        func inode(_ path: String) -> UInt64? {
            let attributes = try? FileManager.default.attributesOfItem(atPath: temporary.path("site/" + path).path)
            return (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        try edit(plan) {
            $0.replacingOccurrences(of: "Tổ chức tuyên truyền, phổ biến", with: "Tổ chức TUYÊN TRUYỀN, phổ biến")
        }
        try expectSameAsCold(incremental: true, "a task edited: the plan as read before is not known yet")
        let before = (inode(named), inode(elsewhere), inode(inspectorate))
        #expect(before.0 != nil && before.1 != nil && before.2 != nil)

        try edit(plan) { $0.replacingOccurrences(of: "TUYÊN TRUYỀN, phổ biến", with: "TUYÊN TRUYỀN, PHỔ BIẾN") }
        try expectSameAsCold(incremental: true, "the task edited again")
        #expect(inode(named) != before.0, "a department of the row: written again")
        #expect(inode(elsewhere) == before.1, "a department of another row: the previous build's page")

        try edit(plan) {
            $0.replacingOccurrences(
                of: Self.monitoredByJustice + "            time: Thường xuyên",
                with: Self.monitoredByJustice + "            time: Hằng năm")
        }
        try expectSameAsCold(incremental: true, "its time frame edited")
        try edit(plan) {
            $0.replacingOccurrences(
                of: Self.monitoredByJustice, with: Self.monitoredByJustice + Self.andByTheInspectorate)
        }
        try expectSameAsCold(incremental: true, "a department given to it")
        #expect(inode(inspectorate) != before.2, "the department given the task: written again")
        #expect(inode(elsewhere) == before.1)

        // An edit beyond the tasks (the plan's prose): every department the plan names.
        try edit("content/plans/2024-dak-nong-papi-474/plan.md") { $0 + "\nMột đoạn thêm.\n" }
        try expectSameAsCold(incremental: true, "the plan's prose edited")
        #expect(inode(elsewhere) != before.1)
    }

    /// The results plans quote make one history, compared across plans. An incremental build
    /// reads only the changed plans and takes the others' quotes from its cache: the history,
    /// a contradiction with a plan not read again, and its mending all equal a cold build's.
    @Test func quotedResultsOfUnchangedPlansComeFromTheCache() throws {
        #expect(build("site", incremental: true).incremental == false, "the first build is cold")
        // A second plan quoting the same figures (a copy, one year later).
        let copy = "content/plans/2023-quang-nam-ban-sao"
        try temporary.overlay(content.appendingPathComponent("plans/2022-quang-nam-par-sipas"), at: copy)
        try edit(copy + "/plan.md") { $0.replacingOccurrences(of: "year: 2022", with: "year: 2023") }
        try expectSameAsCold(incremental: true, "a plan quoting the same results added")

        // An edit elsewhere: neither quoting plan is read, the history is the same.
        try edit("content/plans/2022-dak-lak-de-xuat-giai-phap/plan.md") { $0 + "\nMột đoạn thêm.\n" }
        try expectSameAsCold(incremental: true, "a plan that quotes nothing changed")

        // The copy now prints another score: an error at both quotes, the original's from the cache.
        try edit(copy + "/plan.md") { $0.replacingOccurrences(of: "score: 86,57", with: "score: 86,75") }
        let refused = build("site", incremental: true)
        try? FileManager.default.removeItem(at: temporary.path("cold"))
        let cold = build("cold", incremental: false)
        #expect(refused.filesWritten == nil && cold.filesWritten == nil)
        #expect(refused.diagnostics == cold.diagnostics)
        let contradictions = refused.diagnostics.filter { $0.code == .contradictoryResult }
        #expect(
            Set(contradictions.map(\.location.file)) == [
                "content/plans/2022-quang-nam-par-sipas/plan.md", copy + "/plan.md",
            ])

        // Mended in the copy: built again, equal to a cold build.
        try edit(copy + "/plan.md") { $0.replacingOccurrences(of: "score: 86,75", with: "score: 86,57") }
        try expectSameAsCold(incremental: true, "the contradiction mended")

        // The original changes its own prose only: its quotes are read again, the same.
        try edit("content/plans/2022-quang-nam-par-sipas/plan.md") { $0 + "\nMột đoạn thêm.\n" }
        try expectSameAsCold(incremental: true, "a quoting plan's prose changed")
    }

    /// Edits that each switch between two valid states, applied in a random order (seeded, so a
    /// failure is reproduced by its seed): after every switch the incremental build must equal a
    /// cold build, whatever the edits before it left in the cache.
    @Test(arguments: [1, 2, 3] as [UInt64]) func randomEditSequencesGiveTheSameOutputAsColdBuilds(seed: UInt64)
        throws
    {
        let plan = "content/plans/2024-dak-nong-papi-474/"
        let replacements: [(file: String, from: String, to: String)] = [
            (plan + "phu-luc-1.yaml", "Tổ chức tuyên truyền, phổ biến", "Tổ chức TUYÊN TRUYỀN, phổ biến"),
            (
                plan + "phu-luc-1.yaml", "              - Giám đốc Sở Tư pháp\n            time: Thường xuyên",
                "              - Giám đốc Sở Tư pháp\n              - Chánh Thanh tra tỉnh\n            time: Thường xuyên"
            ),
            (plan + "phu-luc-1.yaml", "time: Trước bầu cử", "time: trước ngày 20/6/2024"),
            (plan + "bao-cao-2024-quy-4-so-thong-tin.yaml", "status: chưa thực hiện", "status: hoàn thành"),
            (
                "content/plans/2022-quang-nam-par-sipas/plan.md", "Trên cơ sở kết quả phân tích Chỉ số Par Index",
                "Một đoạn thêm.\n\nTrên cơ sở kết quả phân tích Chỉ số Par Index"
            ),
        ]
        let added = (
            plan + "bao-cao-2024-quy-4-ubnd-cap-huyen.yaml",
            "period: Quý IV/2024\ndepartment: Chủ tịch UBND cấp huyện\ndate: 19/12/2024\ntasks:\n"
                + "  - task: III.1.a\n    status: hoàn thành\n"
        )
        let removed = plan + "bao-cao-2024-quy-3-so-noi-vu.yaml"
        let removedText = try String(contentsOf: temporary.path(removed), encoding: .utf8)
        var originals: [String: String] = [:]
        for replacement in replacements where originals[replacement.file] == nil {
            originals[replacement.file] = try String(contentsOf: temporary.path(replacement.file), encoding: .utf8)
        }
        for replacement in replacements {
            #expect(originals[replacement.file]!.contains(replacement.from), "\(replacement.from) is in the content")
        }
        #expect(build("site", incremental: true).incremental == false, "the first build is cold")
        var active = Set<Int>()
        var random = SplitMix64(seed: seed)
        var done: [String] = []
        for _ in 0..<8 {
            let choice = random.int(0...(replacements.count + 1))
            if choice < replacements.count {
                if active.remove(choice) == nil { active.insert(choice) }
                let file = replacements[choice].file
                var text = originals[file]!
                for index in active.sorted() where replacements[index].file == file {
                    text = text.replacingOccurrences(of: replacements[index].from, with: replacements[index].to)
                }
                try text.write(to: temporary.path(file), atomically: true, encoding: .utf8)
                done.append("\(active.contains(choice) ? "+" : "−")\(replacements[choice].to.prefix(24))")
            } else if choice == replacements.count {
                if FileManager.default.fileExists(atPath: temporary.path(added.0).path) {
                    try FileManager.default.removeItem(at: temporary.path(added.0))
                    done.append("−report")
                } else {
                    try added.1.write(to: temporary.path(added.0), atomically: true, encoding: .utf8)
                    done.append("+report")
                }
            } else {
                if FileManager.default.fileExists(atPath: temporary.path(removed).path) {
                    try FileManager.default.removeItem(at: temporary.path(removed))
                    done.append("−quý 3")
                } else {
                    try removedText.write(to: temporary.path(removed), atomically: true, encoding: .utf8)
                    done.append("+quý 3")
                }
            }
            try expectSameAsCold(incremental: true, "seed \(seed), after \(done.joined(separator: ", "))")
        }
    }
}

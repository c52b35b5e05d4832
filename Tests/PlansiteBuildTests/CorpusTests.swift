import Foundation
import PlansiteBuild
import PlansiteModel
import TestSupport
import Testing

/// The built plansite-corpus, beside the test bundle (`swift test` builds every product).
private let corpusExecutable: URL? = {
    var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map {
        $0.bundleURL.deletingLastPathComponent()
    }
    return folders.map { $0.appendingPathComponent("plansite-corpus") }.first {
        FileManager.default.isExecutableFile(atPath: $0.path)
    }
}()

/// plansite-corpus as the benchmarks run it: the built executable, found beside the test
/// bundle (`swift test` builds every product). A small corpus must check without a single
/// diagnostic, hold what it promises, and come out byte-identical from the same seed.
@Suite struct CorpusTests {
    /// Runs the generator into a new folder; returns the folder and the summary line.
    func generate(_ arguments: [String], in folder: TemporaryFolder, as name: String) throws -> (URL, String) {
        let out = folder.path(name)
        let executable: URL = try #require(
            corpusExecutable, "plansite-corpus is not built beside the tests: run `swift build` first")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--out", out.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (out, String(decoding: output, as: UTF8.self))
    }

    /// Every file below `root`, relative and sorted, with its bytes.
    func files(_ root: URL) throws -> [(String, Data)] {
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        let prefix = root.standardizedFileURL.path + "/"
        var out: [(String, Data)] = []
        for case let file as URL in enumerator where !file.hasDirectoryPath {
            out.append((String(file.standardizedFileURL.path.dropFirst(prefix.count)), try Data(contentsOf: file)))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    @Test func smallCorpusChecksCleanAndHoldsWhatItPromises() throws {
        let folder = try TemporaryFolder()
        let (content, summary) = try generate(
            ["--localities", "3", "--years", "2", "--seed", "7"], in: folder, as: "a")
        #expect(summary.contains("3 localities, 18 plans"))
        let (site, diagnostics) = checkContent(content)
        #expect(compact(diagnostics, root: content.path) == [])
        let checked = try #require(site)
        #expect(checked.localities.count == 3)
        #expect(checked.plans.count == 3 * 3 * 2)
        // The plans quote the two years before theirs (2 plan years: 3 years), results.yaml one more.
        #expect(checked.results.count == 3 * 3 * (2 + 1 + 1))
        #expect(checked.settings.asOf == CalendarDate(year: 2026, month: 12, day: 31))
        for plan in checked.plans {
            #expect(plan.appendices.count == 1)
            let tasks = plan.appendices.flatMap(\.tasks)
            #expect((135...165).contains(tasks.count), "\(plan.slug): \(tasks.count) tasks")
            #expect(tasks.allSatisfy { (1...3).contains($0.lead.count + $0.cooperating.count + $0.monitoring.count) })
            #expect(tasks.allSatisfy { $0.timeFrame?.deadline.map { $0.year == plan.year } ?? true })
            #expect(plan.body.utf8.count > 3000 && plan.body.utf8.count < 7000)
        }
        let departments = checked.departments.filter { $0.locality == checked.localities[0].id }
        #expect((55...75).contains(departments.count))
        #expect(departments.contains { $0.isRole })
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let folder = try TemporaryFolder()
        let arguments = ["--localities", "2", "--years", "1", "--seed", "42"]
        let (first, _) = try generate(arguments, in: folder, as: "first")
        let (second, _) = try generate(arguments, in: folder, as: "second")
        let (other, _) = try generate(["--localities", "2", "--years", "1", "--seed", "43"], in: folder, as: "other")
        let firstFiles = try files(first)
        let reports = firstFiles.filter { $0.0.contains("/bao-cao-") }
        #expect(firstFiles.count - reports.count == 2 + 2 + 2 * 3 * 2)
        #expect(!reports.isEmpty)
        #expect(firstFiles.map(\.0) == (try files(second)).map(\.0))
        #expect(firstFiles.map(\.1) == (try files(second)).map(\.1))
        #expect(firstFiles.map(\.1) != (try files(other)).map(\.1))
    }

    /// The progress reports: clean, from the same seed the same bytes, a realistic mix of
    /// statuses, and without them (`--no-reports`) the very same plans.
    @Test func reportsCheckCleanAreDeterministicAndLeaveThePlansAlone() throws {
        let folder = try TemporaryFolder()
        let arguments = ["--localities", "1", "--years", "2", "--seed", "5"]
        let (first, summary) = try generate(arguments, in: folder, as: "first")
        let (second, _) = try generate(arguments, in: folder, as: "second")
        let (bare, _) = try generate(arguments + ["--no-reports"], in: folder, as: "bare")
        let firstFiles = try files(first)
        let reportFiles = firstFiles.filter { $0.0.contains("/bao-cao-") }
        #expect(summary.contains("\(reportFiles.count) reports"))
        #expect(firstFiles.map(\.0) == (try files(second)).map(\.0))
        #expect(firstFiles.map(\.1) == (try files(second)).map(\.1))
        let bareFiles = try files(bare)
        #expect(bareFiles.allSatisfy { !$0.0.contains("/bao-cao-") })
        #expect(firstFiles.filter { !$0.0.contains("/bao-cao-") }.map(\.1) == bareFiles.map(\.1))

        let (site, diagnostics) = checkContent(first)
        #expect(compact(diagnostics, root: first.path) == [])
        let checked = try #require(site)
        let rules = checked.settings.progressRules
        var reported: [ReportStatus: Int] = [:]
        var progress = ProgressCounts()
        for plan in checked.plans {
            #expect(!plan.reports.isEmpty, "\(plan.slug) has no report")
            for report in plan.reports.values.joined() {
                reported[report.status, default: 0] += 1
                #expect(report.date <= rules.asOf && report.date >= report.period.start)
                #expect(!report.isExample)
            }
            for task in plan.allTasks { progress.add(plan.progress(of: task, rules: rules).status) }
        }
        #expect(reported.count == ReportStatus.allCases.count, "\(reported)")
        // One file per plan, period and department.
        let filed = checked.plans.flatMap { plan in
            plan.reports.values.joined().map { "\(plan.slug)|\($0.period)|\($0.department)" }
        }
        #expect(Set(filed).count == reportFiles.count)
        // Many tasks done by the end of the year, some missed, some still open.
        #expect(progress[.done] * 3 > progress.total)
        #expect(progress[.overdue] > 0 && progress[.overdue] * 3 < progress.total)
        #expect(progress[.onTrack] > 0 && progress[.notReported] > 0 && progress[.notApplicable] > 0)
    }

    /// A home page with many plans behind: the first ten plans with overdue tasks name them,
    /// the others get one line each.
    @Test func homePageNamesTheOverdueTasksOfTenPlans() throws {
        let folder = try TemporaryFolder()
        let (content, _) = try generate(["--localities", "1", "--years", "5", "--seed", "3"], in: folder, as: "c")
        let outcome = SiteBuilder(
            options: .init(content: content, templates: TestPaths.templates, output: folder.path("public"))
        ).build()
        #expect(outcome.filesWritten != nil)
        let (site, _) = checkContent(content)
        let checked = try #require(site)
        let late = checked.plans.filter { plan in
            plan.allTasks.contains { plan.progress(of: $0, rules: checked.settings.progressRules).status == .overdue }
        }
        #expect(late.count > 10, "the corpus should have more than ten plans with overdue tasks")
        let home = try String(contentsOf: folder.path("public/index.html"), encoding: .utf8)
        let section = home.components(separatedBy: "<ul class=\"overdue-plans\">")[1]
            .components(separatedBy: "</section>")[0]
        #expect(section.components(separatedBy: "</strong> nhiệm vụ quá hạn").count - 1 == late.count)
        #expect(section.components(separatedBy: "<ul class=\"overdue-list\">").count - 1 == 10)
    }
}

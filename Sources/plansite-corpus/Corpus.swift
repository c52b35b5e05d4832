import Dispatch
import Foundation
import PlansiteModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole content folder: site.yaml, a registry per locality, results.yaml, and a plan per
/// locality, index and year with its progress reports. Every part draws from its own stream of
/// the seed, so the files are the same whatever order (or thread) they are made in.
struct Corpus {
    /// The year the corpus ends in, and the portal's as-of date: fixed, never the clock.
    static let lastYear = 2026
    static let asOf = "31/12/2026"
    static let asOfDate = CalendarDate(year: lastYear, month: 12, day: 31)!

    struct Summary {
        var localities = 0
        var departments = 0
        var plans = 0
        var tasks = 0
        var reports = 0
        var files = 0
        var bytes = 0
    }

    let seed: UInt64
    /// Whether plans get their progress reports.
    let reports: Bool
    let provinces: [Province]
    let years: ClosedRange<Int>
    let registries: [Registry]
    let history: History

    init(localities: Int, years: Int, seed: UInt64, reports: Bool = true) {
        self.seed = seed
        self.reports = reports
        provinces = Province.national(count: localities)
        self.years = (Corpus.lastYear - years + 1)...Corpus.lastYear
        registries = provinces.map { Registry(province: $0, seed: seed) }
        // Four years before the first plan: each plan quotes three past years and their changes.
        history = History(
            localities: localities, firstYear: self.years.lowerBound - 4, lastYear: Corpus.lastYear - 1, seed: seed)
        if let registry = registries.first {
            for index in IndexKind.allCases { Corpus.checkFocus(Catalogue.topics(for: index), in: registry) }
        }
    }

    /// Every department a catalogue names must be in the registry (a mistake here, not in content).
    private static func checkFocus(_ topics: [Topic], in registry: Registry) {
        for topic in topics {
            for key in topic.focus { _ = registry.department(key) }
            checkFocus(topic.children, in: registry)
        }
    }

    struct Job {
        let province: Int
        let index: IndexKind
        let year: Int
    }

    var jobs: [Job] {
        provinces.indices.flatMap { province in
            IndexKind.allCases.flatMap { index in years.map { Job(province: province, index: index, year: $0) } }
        }
    }

    // MARK: - Writing

    func write(to root: URL) throws -> Summary {
        var summary = Summary(localities: provinces.count)
        let output = Output(root: root)
        try output.directory("departments")
        try output.directory("plans")
        summary.bytes += try output.write("site.yaml", siteYAML)
        summary.bytes += try output.write("results.yaml", resultsYAML)
        for registry in registries {
            summary.bytes += try output.write("departments/\(registry.province.slug).yaml", registry.yaml(seed: seed))
            summary.departments += registry.departments.count
        }
        summary.files = 2 + registries.count

        let jobs = self.jobs
        let outcomes = Slots<Result<PlanOutcome, Error>>(count: jobs.count, .success(PlanOutcome()))
        // Each job writes its own folder and its own slot: nothing is shared but the read-only inputs.
        DispatchQueue.concurrentPerform(iterations: jobs.count) { number in
            outcomes[number] = Result { try writePlan(jobs[number], to: output) }
        }
        for outcome in outcomes.values {
            let plan = try outcome.get()
            summary.plans += 1
            summary.tasks += plan.tasks
            summary.reports += plan.reports
            summary.bytes += plan.bytes
            summary.files += 2 + plan.reports
        }
        return summary
    }

    struct PlanOutcome {
        var tasks = 0
        var reports = 0
        var bytes = 0
    }

    private func writePlan(_ job: Job, to output: Output) throws -> PlanOutcome {
        let plan = makePlan(job)
        let folder = "plans/\(plan.slug)/"
        try output.directory(folder)
        var bytes =
            try output.write(folder + "plan.md", plan.markdown) + output.write(folder + "phu-luc-1.yaml", plan.appendix)
        for report in plan.reports { bytes += try output.write(folder + report.name, report.text) }
        return PlanOutcome(tasks: plan.tasks, reports: plan.reports.count, bytes: bytes)
    }

    struct PlanFiles {
        let slug: String
        let markdown: String
        let appendix: String
        let tasks: Int
        let reports: [ProgressReports.File]
    }

    func makePlan(_ job: Job) -> PlanFiles {
        let indexNumber = IndexKind.allCases.firstIndex(of: job.index)!
        var rng = SplitMix64(seed: seed, "plan", job.province, indexNumber, job.year)
        var methodology = SplitMix64(seed: seed, "methodology", indexNumber, job.year)
        let month = rng.int(3...8)
        let heading = PlanHeading(
            province: provinces[job.province], index: job.index, year: job.year, month: month,
            day: rng.int(1...CalendarDate.daysIn(month: month, year: job.year)),
            number: "\(rng.int(12...480))/KH-UBND")
        let last = history.entry(job.index, locality: job.province, year: job.year - 1)
        var tree = AppendixTree(index: job.index, lastScore: last.score, methodology: &methodology, rng: &rng)
        assert(job.index == .sipas || tree.lastTotal == last.score, "last year's rows must add up to the result")
        tree.spreadTasks(rng.int(135...165), using: &rng)
        var tasks = TaskFactory(registry: registries[job.province], plan: heading)
        let appendix = tree.yaml(plan: heading, tasks: &tasks, rng: &rng)
        let document = PlanDocument(
            heading: heading, history: history, tree: tree, taskCount: tasks.count,
            departmentCount: tasks.departments.count)
        var reportFiles: [ProgressReports.File] = []
        if reports {
            // Their own stream: the plan's files are the same with or without reports.
            var reportRNG = SplitMix64(seed: seed, "reports", job.province, indexNumber, job.year)
            reportFiles = ProgressReports(
                plan: heading, registry: registries[job.province], tasks: tasks.written, seed: seed
            ).files(rng: &reportRNG)
        }
        return PlanFiles(
            slug: heading.slug, markdown: document.markdown(rng: &rng), appendix: appendix, tasks: tasks.count,
            reports: reportFiles)
    }

    // MARK: - Site files

    var siteYAML: String {
        var out = YAMLText()
        out.comment(
            "Corpus sinh bởi plansite-corpus (seed \(seed), \(provinces.count) địa phương, "
                + "\(years.count) năm): mọi giá trị đều suy ra từ seed.")
        out.field(0, "title", "Cổng công khai kế hoạch cải thiện Chỉ số CCHC, PAPI, SIPAS")
        out.field(0, "issuer", "Bộ Nội vụ")
        out.field(0, "locale", "vi")
        out.field(0, "base-path", "/cchc/")
        out.field(0, "base-url", "https://example.gov.vn/cchc/")
        out.raw(0, "as-of", Corpus.asOf)
        // The operator's identity (Nghị định 42/2022/NĐ-CP): a synthetic portal's, on the
        // reserved example.gov.vn domain, so that the corpus checks with no warning.
        out.field(0, "agency", "Bộ Nội vụ")
        out.field(0, "responsible-person", "Người phụ trách (ví dụ)")
        out.field(0, "address", "Địa chỉ ví dụ")
        out.field(0, "email", "lien-he@example.gov.vn")
        return out.text
    }

    /// The figures no plan quotes (one source for each figure: the plans quote the two years
    /// before theirs): one result per locality and index, three years before the first plan.
    var resultsYAML: String {
        var out = YAMLText(capacity: provinces.count * 3 * 200)
        out.key(0, "results")
        for province in provinces {
            for index in IndexKind.allCases {
                for year in [years.lowerBound - 3] {
                    let entry = history.entry(index, locality: province.number, year: year)
                    out.field(2, "locality", province.slug, dash: true)
                    out.field(4, "index", index.rawValue)
                    out.raw(4, "year", String(year))
                    out.raw(4, "score", Hundredths.format(entry.score))
                    out.raw(4, "rank", String(entry.rank))
                    out.raw(4, "out-of", String(history.outOf))
                    if let group = history.group(index, entry) { out.field(4, "group", group) }
                    out.field(4, "source", History.source(index, year: year))
                }
            }
        }
        return out.text
    }
}

/// Writes files below the corpus root, each once, from text built in memory.
struct Output: Sendable {
    let root: URL

    func directory(_ relative: String) throws {
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    /// Writes the file and returns its size in bytes. Plain POSIX calls: `Data.write` syncs every
    /// file to disk (fsync), which ~65,000 throwaway files of a national corpus do not need.
    func write(_ relative: String, _ text: String) throws -> Int {
        let path = root.appendingPathComponent(relative).path
        var text = text
        return try text.withUTF8 { bytes in
            let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard file >= 0 else { throw WriteFailure(path: path, code: errno) }
            defer { close(file) }
            var written = 0
            while written < bytes.count {
                let count = systemWrite(file, bytes.baseAddress! + written, bytes.count - written)
                guard count > 0 else { throw WriteFailure(path: path, code: errno) }
                written += count
            }
            return bytes.count
        }
    }

    struct WriteFailure: Error, CustomStringConvertible {
        let path: String
        let code: Int32

        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }
}

/// write(2), named apart from `Output.write`.
#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// One slot per job, each written by exactly one job of `concurrentPerform` and read only after
/// it returns (which orders every write before the reads).
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value>

    init(count: Int, _ initial: Value) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(position: Int) -> Value {
        get { storage[position] }
        set { storage[position] = newValue }
    }

    var values: [Value] { Array(storage) }
}

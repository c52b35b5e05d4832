import PlansiteModel
import PlansiteSupport

/// What the site-wide pages (home, index pages, directory) need of a plan. A cold build
/// derives it from the plan; an incremental build reads it from its cache for the plans it
/// does not load again, so both give the same pages.
public struct PlanSummary: Codable, Hashable, Sendable {
    public let slug: String
    public let title: String
    public let reference: String
    public let issuer: String
    public let dateShort: String
    public let dateISO: String
    /// Sort key of the document date: year, month and day (0 when blank).
    public let dateKey: [Int]
    public let year: Int
    public let locality: String
    public let indices: [IndexKind]
    public let taskCount: Int
    /// For each department, how many tasks it has in each role: [lead, cooperating, monitoring].
    public let roleCounts: [String: [Int]]
    /// Tasks per time-frame category (`TimeFrame.Category` raw value), no time frame as "unstated".
    public let categoryCounts: [String: Int]
    /// Where its tasks stand on the site's as-of date.
    public let progress: ProgressSummary
    /// Whether the plan quotes index results: they are part of the site's results history,
    /// so an incremental build reads such a plan again to make the index pages.
    public let quotesResults: Bool

    public init(_ plan: Plan, rules: ProgressRules) {
        slug = plan.slug
        title = plan.title
        reference = plan.reference
        issuer = plan.issuer
        dateShort = plan.date.short
        dateISO = plan.date.iso
        dateKey = [plan.date.year, plan.date.month ?? 0, plan.date.day ?? 0]
        year = plan.year
        locality = plan.locality
        indices = plan.indices
        let tasks = plan.allTasks
        taskCount = tasks.count
        var counts: [String: [Int]] = [:]
        for task in tasks {
            for (department, role) in task.assignments {
                counts[department, default: [0, 0, 0]][role.order] += 1
            }
        }
        roleCounts = counts
        var categories: [String: Int] = [:]
        for task in tasks { categories[TimeFrame.category(of: task.timeFrame).rawValue, default: 0] += 1 }
        categoryCounts = categories
        progress = ProgressSummary(PlanProgress(plan, rules: rules), rules: rules)
        quotesResults = !plan.results.isEmpty
    }

    /// The summaries of every plan of a site, judged on its rules, in the order of plan lists.
    public static func of(_ site: Site) -> [PlanSummary] {
        let rules = site.settings.progressRules
        return Parallel.map(site.plans) { PlanSummary($0, rules: rules) }.sorted(by: precedes)
    }

    /// Newest plan year first, then newest date, then slug: the order of every plan list.
    public static func precedes(_ a: PlanSummary, _ b: PlanSummary) -> Bool {
        if a.year != b.year { return a.year > b.year }
        if a.dateKey != b.dateKey { return a.dateKey.lexicographicallyPrecedes(b.dateKey) == false }
        return a.slug < b.slug
    }
}

extension IndexKind: Codable {}

/// A plan's progress as the home page lists it: counts, and its first overdue tasks.
public struct ProgressSummary: Codable, Hashable, Sendable {
    /// Tasks per status (`TaskStatus` raw value).
    public let counts: [String: Int]
    public let overdueCount: Int
    /// Overdue tasks no official report names (their deadline passed with nothing reported).
    public let overdueUnreportedCount: Int
    /// Tasks with an official report counted; example reports never count.
    public let reportedCount: Int
    public let percentFinished: Int
    /// Tasks the share is taken over (all but "không áp dụng").
    public let applicableCount: Int
    /// The longest overdue tasks, at most `listed`.
    public let overdue: [OverdueEntry]

    static let listed = 3

    /// What plan lists say of it: "45% hoàn thành, 3 quá hạn"; "Chưa có báo cáo" when no
    /// official report is counted (never "0% hoàn thành"); nil for a plan with no tasks.
    var line: String? {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        let late = overdueCount > 0 ? ", \(VietnameseNumber.format(overdueCount)) quá hạn" : ""
        if reportedCount == 0 { return "Chưa có báo cáo" + late }
        if applicableCount == 0 { return "Không áp dụng" }
        return "\(percentFinished)% hoàn thành" + late
    }

    init(_ progress: PlanProgress, rules: ProgressRules) {
        counts = Dictionary(uniqueKeysWithValues: progress.counts.counts.map { ($0.key.rawValue, $0.value) })
        let overdue = progress.overdue
        overdueCount = overdue.count
        overdueUnreportedCount = overdue.filter { !$0.progress.isReported }.count
        reportedCount = progress.counts.reported
        percentFinished = progress.counts.percentFinished
        applicableCount = progress.counts.applicable
        self.overdue = overdue.prefix(Self.listed).map { item in
            OverdueEntry(
                text: TaskLine.numbered(item.task, criterion: item.criterion), anchor: item.task.anchor,
                reference: item.task.reference, dueText: ProgressViewBuilder.dueText(item.progress, rules: rules))
        }
    }
}

public struct OverdueEntry: Codable, Hashable, Sendable {
    public let text: String
    public let anchor: String
    public let reference: String
    public let dueText: String?
}

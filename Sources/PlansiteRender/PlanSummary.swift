import PlansiteModel

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
    /// Tasks per time-frame category (`TimeFrame.Category` raw value), no time frame as "other".
    public let categoryCounts: [String: Int]

    public init(_ plan: Plan) {
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
        for task in tasks { categories[(task.timeFrame?.category ?? .other).rawValue, default: 0] += 1 }
        categoryCounts = categories
    }

    /// Newest plan year first, then newest date, then slug: the order of every plan list.
    public static func precedes(_ a: PlanSummary, _ b: PlanSummary) -> Bool {
        if a.year != b.year { return a.year > b.year }
        if a.dateKey != b.dateKey { return a.dateKey.lexicographicallyPrecedes(b.dateKey) == false }
        return a.slug < b.slug
    }
}

extension IndexKind: Codable {}

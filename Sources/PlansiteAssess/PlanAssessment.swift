import PlansiteModel

/// What the site-wide pages, the exports and the build cache need of one plan, worked out
/// once after validation: facts and figures only, no words. Render turns them into text;
/// an incremental build keeps them in its cache for the plans it does not read again, so a
/// cold and an incremental build make the same output.
public struct PlanAssessment: Codable, Hashable, Sendable {
    public let slug: PlanID
    public let title: String
    public let reference: String
    public let issuer: String
    public let date: DocumentDate
    public let year: Int
    public let locality: LocalityID
    public let indices: [IndexKind]
    public let taskCount: Int
    /// For each department id, how many of the plan's tasks it has in each role.
    public let roles: [DepartmentID: RoleCounts]
    /// Tasks per time-frame category; a task with no time frame counts as `unstated`.
    public let categories: [TimeFrame.Category: Int]
    /// Where its tasks stand on the site's as-of date.
    public let progress: ProgressFigures
    /// The earliest and the latest dated deadline of its tasks ("trước ngày 30/6/2024"); nil
    /// when no task has a dated deadline.
    public let firstDeadline: CalendarDate?
    public let lastDeadline: CalendarDate?
    /// Its appendices that give points per criterion (the index pages' "dimensions" part).
    public let scoredAppendices: [ScoredAppendix]

    public init(_ plan: Plan, progress: PlanProgress) {
        slug = plan.slug
        title = plan.title
        reference = plan.reference
        issuer = plan.issuer
        date = plan.date
        year = plan.year
        locality = plan.locality
        indices = plan.indices
        let tasks = plan.allTasks
        taskCount = tasks.count
        var roles: [DepartmentID: RoleCounts] = [:]
        var categories: [TimeFrame.Category: Int] = [:]
        for task in tasks {
            for (department, role) in task.assignments { roles[department, default: RoleCounts()].add(role) }
            categories[TimeFrame.category(of: task.timeFrame), default: 0] += 1
        }
        self.roles = roles
        self.categories = categories
        let deadlines = tasks.compactMap { $0.timeFrame?.deadline }
        firstDeadline = deadlines.min()
        lastDeadline = deadlines.max()
        self.progress = ProgressFigures(progress)
        scoredAppendices = plan.appendices.compactMap(ScoredAppendix.init)
    }

    /// Newest plan year first, then newest date, then slug: the order of every plan list.
    public static func precedes(_ a: PlanAssessment, _ b: PlanAssessment) -> Bool {
        if a.year != b.year { return a.year > b.year }
        if a.date.sortKey != b.date.sortKey { return a.date.sortKey.lexicographicallyPrecedes(b.date.sortKey) == false }
        return a.slug < b.slug
    }
}

extension DocumentDate {
    /// Year, month and day, a blank month or day as 0: the order of plan lists and feeds.
    public var sortKey: [Int] { [year, month ?? 0, day ?? 0] }
}

/// How many tasks a department has in each role.
public struct RoleCounts: Codable, Hashable, Sendable {
    public var lead = 0
    public var cooperating = 0
    public var monitoring = 0

    public init(lead: Int = 0, cooperating: Int = 0, monitoring: Int = 0) {
        self.lead = lead
        self.cooperating = cooperating
        self.monitoring = monitoring
    }

    public var total: Int { lead + cooperating + monitoring }

    public subscript(role: TaskRole) -> Int {
        switch role {
        case .lead: lead
        case .cooperating: cooperating
        case .monitoring: monitoring
        }
    }

    public mutating func add(_ role: TaskRole, count: Int = 1) {
        switch role {
        case .lead: lead += count
        case .cooperating: cooperating += count
        case .monitoring: monitoring += count
        }
    }

    public mutating func add(_ other: RoleCounts) {
        for role in TaskRole.allCases { add(role, count: other[role]) }
    }
}

/// A plan's progress as plan lists show it: its counts, and its longest overdue tasks.
public struct ProgressFigures: Codable, Hashable, Sendable {
    /// Tasks per status, and how many are reported.
    public let counts: ProgressCounts
    public let overdueCount: Int
    /// Overdue tasks no official report names (their deadline passed with nothing reported).
    public let overdueUnreportedCount: Int
    /// The longest overdue tasks, at most `listed`, the longest first.
    public let overdue: [OverdueTask]

    /// How many overdue tasks a plan list names.
    public static let listed = 3

    public init(_ progress: PlanProgress) {
        counts = progress.counts
        let overdue = progress.overdue
        overdueCount = overdue.count
        overdueUnreportedCount = overdue.filter { !$0.progress.isReported }.count
        self.overdue = overdue.prefix(Self.listed).map(OverdueTask.init)
    }
}

/// An overdue task as plan lists name it: the facts, for Render to put in words.
public struct OverdueTask: Codable, Hashable, Sendable {
    public let anchor: String
    /// The plan's item number ("III.1.a"), when it has one.
    public let code: String?
    public let reference: String
    /// The task's text as written (Markdown).
    public let text: String?
    /// The criterion the task is under, when it is in an appendix.
    public let criterionCode: String?
    public let criterionTitle: String?
    public let isCriterionTask: Bool
    public let status: TaskStatus
    public let due: CalendarDate?
    /// The reporting periods the task missed, earliest first.
    public let missedPeriods: [ReportingPeriod]
    public let isReported: Bool
    public let anomalies: [SourceAnomaly]

    init(_ item: PlanProgress.Item) {
        anchor = item.task.anchor
        code = item.task.code
        reference = item.task.reference
        text = item.task.text
        criterionCode = item.criterion?.code
        criterionTitle = item.criterion?.title
        isCriterionTask = item.criterion != nil
        status = item.progress.status
        due = item.progress.due
        missedPeriods = item.progress.missedPeriods
        isReported = item.progress.isReported
        anomalies = item.progress.anomalies
    }
}

/// An appendix that gives points (maximum, last year's score) for some of its criteria: which
/// index, how many rows have a score, and the top-level rows (areas, dimensions) with their
/// own points. Numbers as the document prints them.
public struct ScoredAppendix: Codable, Hashable, Sendable {
    public struct Area: Codable, Hashable, Sendable {
        public let code: String?
        public let title: String
        public let max: String?
        public let last: String?
    }

    public let number: Int
    public let index: IndexKind
    /// The heading of its last-year column, as printed ("Điểm 2023").
    public let lastLabel: String
    /// Rows (at any depth) with last year's score.
    public let scoredRows: Int
    /// Top-level rows with last year's score of their own (and their maximum, where given).
    public let areas: [Area]

    init?(_ appendix: Appendix) {
        let scored = appendix.rows.filter { $0.criterion.last != nil }.count
        guard scored > 0 else { return nil }
        number = appendix.number
        index = appendix.index
        lastLabel = appendix.columns.last
        scoredRows = scored
        areas = appendix.criteria.filter { $0.last != nil }.map {
            Area(code: $0.code, title: $0.title, max: $0.max?.vietnamese, last: $0.last?.vietnamese)
        }
    }
}

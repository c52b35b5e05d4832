import PlansiteModel

/// `index.html`.
struct HomePage {
    let chrome: Chrome
    let root: String
    let title: String
    let intro: String
    let years: [YearGroup]
    let hasHeadlines: Bool
    let headlines: [ResultView]
    let historyCharts: [ChartView]
    let indexLinks: [IndexBadge]
    let directory: [DirectoryGroup]
    let planCount: Int
    let departmentCount: Int
    let taskCount: Int
    let asOf: String
    let asOfISO: String
    let hasOverdue: Bool
    let overdueTaskCount: Int
    /// Of those, the tasks no official report has named.
    let overdueUnreportedCount: Int
    let hasOverdueUnreported: Bool
    let overduePlans: [OverduePlanView]
}

struct YearGroup {
    let year: Int
    let plans: [PlanListItem]
}

/// `ke-hoach/<slug>/phu-luc-<n>/index.html`: the appendix alone, for paper.
struct AppendixPrintPage {
    let chrome: Chrome
    let root: String
    let title: String
    let planURL: String
    let attachedTo: String
    let issuerLines: [String]
    let appendix: AppendixView
}

/// `don-vi/<id>/index.html`: every task of one department across all plans.
struct DepartmentPage {
    let chrome: Chrome
    let root: String
    let title: String
    let name: String
    let fullName: String
    let level: String
    let isRole: Bool
    let locality: String
    let aliases: String?
    let parent: DepartmentLink?
    let taskCount: Int
    let counts: [RoleCount]
    let hasDeadlines: Bool
    let deadlines: [DeadlineView]
    let plans: [DepartmentPlanGroup]
    let workloadChart: ChartView?
    let calendarURL: String?
    let tasksWorkbookURL: String?
    let progress: ProgressSection?
}

struct RoleCount {
    let label: String
    let count: Int
}

struct DeadlineView {
    let date: String
    let dateISO: String
    let isPast: Bool
    let text: String
    let url: String
    let plan: String
}

struct DepartmentPlanGroup {
    let title: String
    let reference: String
    let url: String
    let year: Int
    let roles: [RoleGroup]
}

struct RoleGroup {
    let label: String
    let tasks: [DepartmentTaskView]
}

struct DepartmentTaskView {
    let url: String
    let criterion: String?
    let task: TaskView
    let summary: String
}

/// `don-vi/index.html`.
struct DirectoryPage {
    let chrome: Chrome
    let root: String
    let title: String
    let groups: [DirectoryGroup]
    let workloadChart: ChartView?
}

struct DirectoryGroup {
    let heading: String
    let levels: [DirectoryLevel]
}

struct DirectoryLevel {
    let heading: String
    let departments: [DirectoryEntry]
}

struct DirectoryEntry {
    let name: String
    let fullName: String
    let url: String
    let lead: Int
    let cooperating: Int
    let monitoring: Int
    let total: Int
}

/// `tim-kiem/index.html`: the search page; its script reads the index the exports write.
struct SearchPage {
    let chrome: Chrome
    let root: String
    let title: String
}

/// A file to download.
struct DownloadLink {
    let label: String
    let url: String
}

/// `404.html`: served at any depth, so its links are absolute from the base path.
struct NotFoundPage {
    let chrome: Chrome
    let root: String
    let title: String
}

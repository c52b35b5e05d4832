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
    let attachedTo: String
    let issuerLines: [String]
    let appendix: AppendixView
    /// The plan's number and symbol alone, for the running footer of the printed pages:
    /// "474/KH-UBND"; the plan's kind when it prints no number.
    let documentNumber: String
    /// Trang chủ › the index › the plan: the links before the page itself ("Phụ lục 1").
    let breadcrumbs: [BreadcrumbLink]
}

/// `don-vi/<id>/index.html`: every task of one department across all plans, what is due
/// first (`due`), the summaries after.
struct DepartmentPage {
    let chrome: Chrome
    let root: String
    /// The page's `<title>` and `<h1>`: the name with its locality ("Sở Nội vụ — tỉnh Đắk Nông").
    let title: String
    /// The short name, for the breadcrumb.
    let name: String
    let fullName: String
    let level: String
    let isRole: Bool
    let locality: String
    let aliases: String?
    let parent: DepartmentLink?
    let taskCount: Int
    let asOf: String
    let asOfISO: String
    /// Overdue, due soon and the rest, each group only when it has a task.
    let due: [DueGroup]
    let plans: [DepartmentPlanGroup]
    let workloadChart: ChartView?
    let checklistURL: String?
    let tasksWorkbookURL: String?
    let tasksCSVURL: String?
    /// Nil when the department's calendar has no event.
    let calendar: CalendarLink?
    let progress: ProgressSection?
}

/// One group of the department's task list.
struct DueGroup {
    let id: String
    let heading: String
    let count: Int
    let tasks: [DueTaskView]
}

/// One task of a department, once even when it has two roles in it.
struct DueTaskView {
    let text: String
    let url: String
    let reference: String
    let plan: String
    let planTitle: String
    let planURL: String
    let role: String
    /// dd/mm/yyyy: the deadline, or the next (or first missed) due date of a recurring duty.
    let deadline: String?
    let deadlineISO: String?
    /// The time frame as the document words it, when there is no date.
    let timeFrame: String?
    let status: String
    let statusSlug: String
    let dueText: String?
}

/// The department's calendar: a subscription (`webcal://`, and the `https://` address to copy)
/// with `base-url`, a download without.
struct CalendarLink {
    let isSubscription: Bool
    let webcalURL: String?
    let webURL: String?
    let downloadURL: String
}

/// `don-vi/<id>/danh-sach-in/index.html`: the department's tasks as an A4 checklist.
struct DepartmentChecklistPage {
    let chrome: Chrome
    let root: String
    let title: String
    let departmentURL: String
    let asOf: String
    let asOfISO: String
    let hasRows: Bool
    let rows: [ChecklistRow]
}

struct ChecklistRow {
    let number: Int
    let text: String
    let url: String
    let plan: String
    let reference: String
    let role: String
    let deadline: String
    let status: String
    let statusSlug: String
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

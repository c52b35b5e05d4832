/// A task's status block (`partials/task-progress`): badge, due date, report history.
struct TaskProgressView {
    let reference: String
    let status: String
    let statusSlug: String
    let dueText: String?
    let percent: String?
    let hasReports: Bool
    let reportCount: Int
    let reports: [ReportView]
    /// Only the latest report, where the history is not shown (department pages).
    let latest: ReportView?
}

/// One report in a task's history.
struct ReportView {
    let period: String
    let department: DepartmentLink
    let date: String
    let dateISO: String
    let document: String?
    let status: String
    let statusSlug: String
    let percent: String?
    let noteHTML: String?
    let hasEvidence: Bool
    let evidence: [EvidenceView]
    let isExample: Bool
}

/// A document number, or a web address shown as a link.
struct EvidenceView {
    let text: String
    let url: String?
}

/// Tasks counted by status, one row per area, role or plan (`partials/progress-table`).
struct ProgressTable {
    let caption: String
    let rowHeading: String
    let statuses: [StatusHeading]
    let rows: [ProgressRow]
}

struct StatusHeading {
    let label: String
    let slug: String
}

struct ProgressRow {
    let label: String
    let url: String?
    let isTotal: Bool
    /// One per status column, labelled with the column's status (`data-label` on a phone).
    let counts: [LabelledCell]
    let total: String
    let percentFinished: String
}

/// A task in a "what is overdue" list.
struct OverdueView {
    let text: String
    let url: String
    let reference: String
    let dueText: String?
    /// The plan it belongs to, on lists that span plans.
    let plan: String?
    /// The department's part in it, on a department page.
    let role: String?
}

/// The progress section of a plan or department page.
struct ProgressSection {
    let asOf: String
    let asOfISO: String
    let reportDay: Int
    let hasExamples: Bool
    /// Whether any official report is counted: without one there is no share done to give.
    let isReported: Bool
    let table: ProgressTable
    /// False on a department page, whose task list already opens with the overdue tasks.
    let showsOverdue: Bool
    let hasOverdue: Bool
    let overdueCount: Int
    let overdue: [OverdueView]
    let chart: ChartView?
}

/// One plan's row in the home page's list of overdue tasks.
struct OverduePlanView {
    let title: String
    let url: String
    let reference: String
    let overdueCount: Int
    let hasItems: Bool
    let items: [OverdueView]
    let hasMore: Bool
    let moreCount: Int
}

import PlansiteModel

/// `ke-hoach/<slug>/index.html`: the whole document with its appendices.
struct PlanPage {
    let chrome: Chrome
    let root: String
    let title: String
    let document: DocumentHeader
    let bodyHTML: String
    let hasResults: Bool
    let results: [ResultView]
    let hasTasks: Bool
    let tasks: [TaskView]
    let appendices: [AppendixView]
    let closing: DocumentClosing
    let summaryChart: ChartView?
    let hasDownloads: Bool
    let downloads: [DownloadLink]
    /// Nil for a plan with no tasks.
    let progress: ProgressSection?
    let hasTargets: Bool
    let targets: [TargetView]
    /// The signed original, nil when the plan folder holds none.
    let original: OriginalView?
    /// Trang chủ › the index › this plan: the links before the page itself.
    let breadcrumbs: [BreadcrumbLink]
    /// The page's own place in the trail ("Kế hoạch số 474/KH-UBND").
    let breadcrumbCurrent: String
    /// What a reader needs first: who issued it, when, for which index, how many tasks, who
    /// leads them, by when, how far they are.
    let summary: PlanSummaryView
    /// The page's contents: the document's headings, its tasks, each appendix, then the
    /// portal's own sections, in page order.
    let contents: [ContentsEntry]
}

/// A link in a breadcrumb trail.
struct BreadcrumbLink {
    let label: String
    let url: String
}

/// One line of a page's contents list: `url` is "#anchor" on the page.
struct ContentsEntry {
    let label: String
    let url: String
    /// 0 for a top-level section, 1 and 2 for the document's lower headings.
    let depth: Int
}

/// The plan at a glance, from its `PlanAssessment`: figures worked out once, put in words here.
struct PlanSummaryView {
    let issuer: String
    /// The number and symbol as the document writes them ("474 /KH-UBND"), a blank number
    /// said plainly ("/VPUBND-HCQT (chưa ghi số)"); nil when the document prints none.
    let number: String?
    /// dd/mm/yyyy, or as much of it as is printed.
    let date: String
    let dateISO: String
    let indices: [IndexBadge]
    /// "48 nhiệm vụ".
    let taskCount: String
    let hasTasks: Bool
    /// Where the tasks start on the page.
    let tasksURL: String
    let hasLeads: Bool
    /// The departments that lead the most tasks, most first.
    let leads: [LeadCount]
    /// "và 5 đơn vị khác", nil when every lead is named.
    let moreLeads: String?
    let hasTimeFrames: Bool
    /// "Có hạn cụ thể: 5 nhiệm vụ, từ 15/06/2022 đến 30/06/2022", "Thường xuyên: 12 nhiệm vụ".
    let timeFrames: [String]
    /// "45% hoàn thành, 3 quá hạn"; "Chưa có báo cáo" without an official report; nil without tasks.
    let progress: String?
    let progressURL: String
    let hasAppendices: Bool
    let appendices: [AppendixLink]
    let hasDownloads: Bool
    let downloadsURL: String
    let original: OriginalView?
}

/// A department and how many of the plan's tasks it leads.
struct LeadCount {
    let name: String
    let url: String
    /// "12".
    let count: String
}

/// An appendix as the summary links to it.
struct AppendixLink {
    let label: String
    let url: String
    let printURL: String
}

/// A plan-level target as a list item: "SIPAS năm 2023: đạt trên 95% người dân, tổ chức hài lòng".
struct TargetView {
    let index: String
    let indexURL: String
    let year: Int
    /// The words as printed.
    let text: String
}

/// The link to a plan's signed original.
struct OriginalView {
    let url: String
    /// "1,2 MB".
    let size: String
    let sha256: String
}

/// The official header of a document (Decree 30/2020/NĐ-CP layout).
struct DocumentHeader {
    /// The issuer block as printed; empty when the document prints none.
    let issuerLines: [String]
    /// Quốc hiệu as printed ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"); nil when none is printed.
    let mottoNation: String?
    /// The tiêu ngữ lines under it ("Độc lập - Tự do - Hạnh phúc").
    let mottoWords: [String]
    let number: String?
    let placeAndDate: String
    let dateISO: String
    let isLetter: Bool
    let kindHeading: String
    let title: String
    let hasAddressees: Bool
    let addressees: [String]
    let indices: [IndexBadge]
}

struct IndexBadge {
    let acronym: String
    let url: String
}

/// Nơi nhận and the signature block.
struct DocumentClosing {
    let hasRecipients: Bool
    let recipients: [String]
    let signer: SignerView?
}

struct SignerView {
    let authority: [String]
    let title: String?
    let name: String?
}

/// One appendix table, as shown on the plan page and on its printable page.
struct AppendixView {
    let anchor: String
    let heading: String
    let title: String
    let reference: String?
    let indexName: String
    let printURL: String
    /// The table's parts and the chart, each made only when a template reads it: the
    /// printable page shows the table (`tableHTML`, made once for both pages), neither its
    /// lines nor the chart.
    let columns: Lazy<ColumnsView>
    let lines: Lazy<[TableLine]>
    let chart: Lazy<ChartView?>
    /// `partials/criteria-table` rendered for this appendix (once for both pages that show it).
    var tableHTML: Fragment
}

/// Which columns the table has, and their headings as printed. Each optional column is shown
/// only when some row has a value for it, on screen, on paper and on phones alike.
struct ColumnsView {
    /// The STT column: false when no row has a code.
    let showCode: Bool
    let criterion: String
    let showMax: Bool
    let max: String
    let showLast: Bool
    let last: String
    let showTarget: Bool
    let target: String
    let showTaskText: Bool
    let task: String
    let showLead: Bool
    let lead: String
    let showCooperating: Bool
    let cooperating: String
    let showMonitoring: Bool
    let monitoring: String
    let showTime: Bool
    let time: String
    /// The status column: on the plan page, never on the printable appendix.
    let showProgress: Bool
}

/// One `<tr>`: the first line of a criterion carries its cells (with a rowspan over its
/// tasks); further lines carry only the next task.
struct TableLine {
    let opensRow: Bool
    let rowspan: Int
    let multiline: Bool
    let anchor: String
    let depth: Int
    let isGroup: Bool
    let code: String
    let title: String
    let descriptionHTML: String?
    let max: String
    let last: String
    let target: String
    /// The row's words as printed, where the transcription differs ("Văn bản ghi: …").
    let asPrinted: String?
    let task: TaskView?
}

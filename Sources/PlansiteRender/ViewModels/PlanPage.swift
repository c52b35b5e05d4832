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
    let columns: ColumnsView
    let lines: [TableLine]
    let chart: ChartView?
    /// `partials/criteria-table` rendered for this appendix (once for both pages that show it).
    var tableHTML: Fragment
}

/// Which columns the table has, and their headings as printed.
struct ColumnsView {
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

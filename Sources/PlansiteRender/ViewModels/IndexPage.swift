/// `chi-so/<index>/index.html`: what the index measures, the latest result of every locality
/// side by side, the history, the dimensions, where each figure comes from, the download.
struct IndexPage {
    let chrome: Chrome
    let root: String
    let title: String
    let acronym: String
    let name: String
    /// What the index measures, one paragraph.
    let summary: String
    let unit: String
    let hasResults: Bool
    /// "2 địa phương có kết quả".
    let localityLine: String
    /// The latest result of each locality, by locality in Vietnamese order.
    let latest: [IndexResultRow]
    /// One chart per locality with two scored years or more (the trend); their figures are
    /// the rows of `history`.
    let historyCharts: [IndexHistoryChart]
    let hasHistoryCharts: Bool
    /// Every result, by locality in Vietnamese order, then year.
    let history: [IndexResultRow]
    let dimensionsHeading: String
    let dimensionsIntro: String
    let dimensionColumn: String
    let dimensions: [IndexDimension]
    let hasDimensionScores: Bool
    /// Appendices of the plans that give points per criterion.
    let dimensionScores: [IndexDimensionScores]
    /// Said when no appendix gives points per area or dimension.
    let noDimensionScores: String?
    let method: String
    let sources: [IndexSource]
    let downloads: [DownloadLink]
    let hasPlans: Bool
    let plans: [PlanListItem]
}

/// One result in the tables of an index page.
struct IndexResultRow {
    let locality: String
    let year: Int
    /// Score and unit as written: "86,57 điểm", "84,24%"; "—" without a score.
    let scoreText: String
    /// "33/63", or "—".
    let rank: String
    let group: String
    let change: String
    /// Where the figure comes from: the quoting plan's reference, or results.yaml's source.
    let source: String
    let sourceURL: String?
}

/// A locality's history chart: the picture only, its numbers are the history table's rows.
struct IndexHistoryChart {
    let svg: String
    let caption: String
}

/// An area, dimension or component of the index.
struct IndexDimension {
    let code: String
    let name: String
    /// Its points as the method gives them: "1–10 điểm", "%".
    let scale: String
}

/// A plan's appendix that gives points per criterion for this index.
struct IndexDimensionScores {
    let label: String
    let url: String
    let line: String
    /// The heading of the area column ("Lĩnh vực").
    let column: String
    /// The heading of the score column, as printed ("Điểm 2023").
    let lastLabel: String
    let hasAreas: Bool
    let areas: [IndexAreaScore]
}

struct IndexAreaScore {
    let name: String
    let max: String
    let last: String
}

/// One source of the figures shown, with what it gives.
struct IndexSource {
    let text: String
    let url: String?
    let figures: String
}

import PlansiteModel

/// An index total of a locality in one year.
public struct HistoryPoint: Hashable, Sendable {
    public let year: Int
    public let score: Quantity
    /// The locality's rank, "33" of "33/63".
    public let rank: Int?
    /// How many were ranked, "63" of "33/63".
    public let outOf: Int?
    /// The group or level the index puts it in: "B", "Thấp".
    public let group: String?
    /// The unit the document gives the score in ("điểm", "%"), when it says.
    public let unit: String?

    public init(
        year: Int, score: Quantity, rank: Int? = nil, outOf: Int? = nil, group: String? = nil, unit: String? = nil
    ) {
        self.unit = unit
        self.year = year
        self.score = score
        self.rank = rank
        self.outOf = outOf
        self.group = group
    }

    /// The point of a result with a score; nil for a rank printed without one.
    public init?(_ result: IndexResult) {
        guard let score = result.score else { return nil }
        self.init(
            year: result.year, score: score, rank: result.rank, outOf: result.outOf,
            group: result.group, unit: result.writtenUnit)
    }

    /// "33/63", "33", or nil.
    var rankText: String? {
        guard let rank else { return nil }
        guard let outOf else { return VietnameseNumber.format(rank) }
        return "\(VietnameseNumber.format(rank))/\(VietnameseNumber.format(outOf))"
    }
}

/// An index's total per year, as columns on the index's whole scale (PAR INDEX 0–100, PAPI
/// 0–80, SIPAS 0–100 %), each labelled with its value, and the year, rank and group under it.
/// Points are sorted by year. With more years than fit side by side, the chart turns into
/// horizontal bars, one row per year.
///
/// - Parameters:
///   - id: A unique ASCII slug for the page; prefixes the ids inside the SVG.
///   - title: What the chart shows, with the locality, for its `<title>` and the table caption.
public func historyChart(id: String, title: String, index: IndexKind, points: [HistoryPoint])
    -> Chart
{
    let headers = ["Năm", "Điểm", "Xếp hạng", "Nhóm"]
    guard !points.isEmpty else { return emptyChart(id: id, title: title, headers: headers) }
    let rows = byYear(points).map { point in
        [
            String(point.year), compactScoreLabel(point, index), point.rankText ?? missingCell,
            point.group ?? missingCell,
        ]
    }
    return Chart(
        svg: SVGWriter.write(historyScene(id: id, title: title, index: index, points: points)),
        table: ChartTable(caption: title, headers: headers, rows: rows))
}

func historyScene(id: String, title: String, index: IndexKind, points: [HistoryPoint]) -> Scene {
    guard !points.isEmpty else { return emptyScene(id: id, title: title) }
    let points = byYear(points)
    let columns = historyDescription(kind: "Biểu đồ cột", index: index, points: points)
    let rows = historyDescription(kind: "Biểu đồ thanh ngang", index: index, points: points)
    return ColumnChartLayout.scene(id: id, title: title, desc: columns, index: index, points: points)
        ?? historyRows(id: id, title: title, desc: rows, index: index, points: points)
}

/// The fallback for many years: one row per year.
private func historyRows(
    id: String, title: String, desc: String, index: IndexKind, points: [HistoryPoint]
)
    -> Scene
{
    let rows = points.map { point in
        var text = scoreLabel(point, index)
        if let rank = point.rankText { text += " · hạng \(rank)" }
        if let group = point.group { text += " · nhóm \(group)" }
        let marks = [RowMark.bar(point.score.doubleValue, thickness: 14, fill: Palette.blue)]
        return ChartRow(label: String(point.year), cells: [RowCell(marks: marks, text: text)])
    }
    let panel = RowPanel(header: scaleCaption(index), fixedMaximum: index.totalScale.upperBound)
    let spec = RowChartSpec(
        id: id, title: title, desc: desc, labelColumn: 48, panels: [panel],
        sections: [RowSection(heading: nil, rows: rows)])
    return RowChartLayout.scene(spec)
}

/// Sorted by year; points of the same year keep their order.
func byYear(_ points: [HistoryPoint]) -> [HistoryPoint] {
    points.enumerated().sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }.map(
        \.element)
}

/// "86,57" for points, "85,2%" for SIPAS.
func scoreLabel(_ score: Quantity, _ index: IndexKind) -> String {
    index == .sipas ? score.vietnamese + "%" : score.vietnamese
}

/// The label of a point: in the document's unit when it gives one ("84,24 điểm", "86,50%"),
/// otherwise as `scoreLabel`.
func scoreLabel(_ point: HistoryPoint, _ index: IndexKind) -> String {
    switch point.unit {
    case nil: scoreLabel(point.score, index)
    case "%": point.score.vietnamese + "%"
    case let unit?: point.score.vietnamese + " " + unit
    }
}

/// The short label of a column or table cell: the digits, with "%" when the score is a
/// percent ("84,24%"); a score in points shows its digits alone ("84,24").
func compactScoreLabel(_ point: HistoryPoint, _ index: IndexKind) -> String {
    (point.unit ?? (index == .sipas ? "%" : "")) == "%" ? point.score.vietnamese + "%" : point.score.vietnamese
}

/// "Điểm PAR INDEX (thang 0–100)", "SIPAS, % (thang 0–100)".
func scaleCaption(_ index: IndexKind) -> String {
    // Bars are zero-based whatever the index's lowest possible total.
    let upper = VietnameseNumber.format(index.totalScale.upperBound, decimals: 2)
    return index == .sipas
        ? "Tỷ lệ hài lòng SIPAS, % (thang 0–\(upper))"
        : "Điểm \(index.acronym) (thang 0–\(upper))"
}

private func historyDescription(kind: String, index: IndexKind, points: [HistoryPoint]) -> String {
    let first = points[0].year
    let last = points[points.count - 1]
    let years = first == last.year ? "năm \(first)" : "các năm \(first)–\(last.year)"
    let upper = VietnameseNumber.format(index.totalScale.upperBound, decimals: 2)
    let scale = index == .sipas ? "từ 0 đến \(upper)%" : "từ 0 đến \(upper) điểm"
    var text = "\(kind) điểm \(index.acronym) \(years), thang \(scale). Năm \(last.year): "
    text += last.unit != nil || index == .sipas ? scoreLabel(last, index) : "\(last.score.vietnamese) điểm"
    if let rank = last.rankText { text += ", xếp hạng \(rank)" }
    if let group = last.group { text += ", nhóm \(group)" }
    return text + "."
}

import Foundation
import PlansiteModel

/// One criterion of an appendix, with its points.
public struct CriterionRow: Hashable, Sendable {
    /// "1.2", or nil for an unnumbered row.
    public let code: String?
    public let title: String
    /// The area it belongs to ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"): consecutive rows with the same
    /// group are drawn under one heading. Nil: no heading.
    public let group: String?
    /// 0 for a criterion, 1 for a sub-criterion…: indents the label.
    public let depth: Int
    /// The points the criterion is worth.
    public let max: Quantity
    /// Last year's score, when known.
    public let last: Quantity?
    /// This year's target, when known.
    public let target: Quantity?

    public init(
        code: String?, title: String, group: String? = nil, depth: Int = 0, max: Quantity,
        last: Quantity? = nil,
        target: Quantity? = nil
    ) {
        self.code = code
        self.title = title
        self.group = group
        self.depth = depth
        self.max = max
        self.last = last
        self.target = target
    }

    /// "1.2 Thực hiện nhiệm vụ được CP, TTg giao".
    public var label: String {
        guard let code, !code.isEmpty else { return title }
        return "\(code) \(title)"
    }

    /// What is still missing to the maximum: max − last, never below 0; nil without last.
    public var gap: Quantity? {
        guard let last else { return nil }
        return Quantity(Swift.max(max.value - last.value, 0))
    }
}

/// A bullet chart of an appendix's criteria: per row, a light hatched bar for the maximum, a
/// darker, thinner bar for last year's score and a black tick for the target, all on one
/// scale from 0 to the largest value of the chart so that rows compare; each row labelled
/// "1,4888 / 1,5 (mục tiêu 1,5)". Rows are grouped under their area's heading.
///
/// - Parameters:
///   - id: A unique ASCII slug for the page; prefixes the ids inside the SVG.
///   - title: What the chart shows, for its `<title>` and the table caption.
public func criteriaChart(id: String, title: String, rows: [CriterionRow]) -> Chart {
    let headers = [
        "Tiêu chí", "Điểm tối đa", "Điểm năm trước", "Mục tiêu", "Còn thiếu so với tối đa",
    ]
    guard !rows.isEmpty else { return emptyChart(id: id, title: title, headers: headers) }
    let table = rows.map { row in
        [
            row.label, row.max.vietnamese, row.last?.vietnamese ?? missingCell,
            row.target?.vietnamese ?? missingCell, row.gap?.vietnamese ?? missingCell,
        ]
    }
    return Chart(
        svg: SVGWriter.write(criteriaScene(id: id, title: title, rows: rows)),
        table: ChartTable(caption: title, headers: headers, rows: table))
}

func criteriaScene(id: String, title: String, rows: [CriterionRow]) -> Scene {
    guard !rows.isEmpty else { return emptyScene(id: id, title: title) }
    let hatch = PatternDef(id: "\(id)-max", background: "#e3f1fb", stripe: Palette.skyBlue)
    var legend = [LegendItem(swatch: .bar(fill: hatch.paint, height: 14), label: "Điểm tối đa")]
    if rows.contains(where: { $0.last != nil }) {
        legend.append(LegendItem(swatch: .bar(fill: Palette.blue, height: 8), label: "Điểm năm trước"))
    }
    if rows.contains(where: { $0.target != nil }) {
        legend.append(LegendItem(swatch: .tick, label: "Mục tiêu"))
    }

    var sections: [RowSection] = []
    for row in rows {
        var marks: [RowMark] = [.bar(row.max.doubleValue, thickness: 14, fill: hatch.paint)]
        if let last = row.last {
            marks.append(.bar(last.doubleValue, thickness: 8, fill: Palette.blue))
        }
        if let target = row.target { marks.append(.tick(target.doubleValue)) }
        let chartRow = ChartRow(
            label: row.label, indent: 12 * Double(min(max(row.depth, 0), 4)),
            cells: [RowCell(marks: marks, text: valueText(row))])
        if let current = sections.last, current.heading == row.group {
            sections[sections.count - 1].rows.append(chartRow)
        } else {
            sections.append(RowSection(heading: row.group, rows: [chartRow]))
        }
    }

    let spec = RowChartSpec(
        id: id, title: title, desc: criteriaDescription(rows), patterns: [hatch], legend: legend,
        labelColumn: 300, panels: [RowPanel()], sections: sections)
    return RowChartLayout.scene(spec)
}

/// "1,4888 / 1,5 (mục tiêu 1,5)"; "tối đa 1,5" without last year's score.
func valueText(_ row: CriterionRow) -> String {
    var text =
        row.last.map { "\($0.vietnamese) / \(row.max.vietnamese)" } ?? "tối đa \(row.max.vietnamese)"
    if let target = row.target { text += " (mục tiêu \(target.vietnamese))" }
    return text
}

private func criteriaDescription(_ rows: [CriterionRow]) -> String {
    let largest = rows.flatMap { [$0.max, $0.last, $0.target].compactMap { $0 } }.max() ?? .zero
    let below = rows.filter { row in row.last.map { $0 < row.max } ?? false }.count
    let withLast = rows.filter { $0.last != nil }.count
    var text =
        "Biểu đồ thanh ngang của \(VietnameseNumber.format(rows.count)) tiêu chí, cùng thang điểm từ 0 đến "
        + "\(largest.vietnamese): thanh sọc nhạt là điểm tối đa"
    if withLast > 0 { text += ", thanh đậm là điểm năm trước" }
    if rows.contains(where: { $0.target != nil }) { text += ", vạch đen là mục tiêu" }
    text += "."
    if withLast > 0 {
        text +=
            below == 0
            ? " Năm trước, mọi tiêu chí có điểm đều đạt điểm tối đa."
            : " Năm trước, \(VietnameseNumber.format(below)) tiêu chí chưa đạt điểm tối đa."
    }
    return text
}

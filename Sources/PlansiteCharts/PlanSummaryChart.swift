import PlansiteModel

/// One area or dimension of a plan, with its tasks and the points at stake.
public struct AreaSummary: Hashable, Sendable {
    /// "2. Cải cách thủ tục hành chính".
    public let label: String
    /// How many tasks the plan gives it.
    public let tasks: Int
    /// The points it is worth, when known.
    public let maxPoints: Quantity?

    public init(label: String, tasks: Int, maxPoints: Quantity? = nil) {
        self.label = label
        self.tasks = tasks
        self.maxPoints = maxPoints
    }
}

/// Per area of a plan, the number of tasks and, when any area has them, the points at stake:
/// two side-by-side panels of horizontal bars, each on its own zero-based scale, each bar
/// labelled with its number.
///
/// - Parameters:
///   - id: A unique ASCII slug for the page; prefixes the ids inside the SVG.
///   - title: What the chart shows, for its `<title>` and the table caption.
public func planSummaryChart(id: String, title: String, areas: [AreaSummary]) -> Chart {
    let headers = ["Lĩnh vực", "Số nhiệm vụ", "Điểm tối đa"]
    guard !areas.isEmpty else { return emptyChart(id: id, title: title, headers: headers) }
    let rows = areas.map {
        [$0.label, VietnameseNumber.format($0.tasks), $0.maxPoints?.vietnamese ?? missingCell]
    }
    return Chart(
        svg: SVGWriter.write(planSummaryScene(id: id, title: title, areas: areas)),
        table: ChartTable(caption: title, headers: headers, rows: rows))
}

func planSummaryScene(id: String, title: String, areas: [AreaSummary]) -> Scene {
    guard !areas.isEmpty else { return emptyScene(id: id, title: title) }
    let hatch = PatternDef(id: "\(id)-points", background: "#fbe7cf", stripe: Palette.vermillion)
    let withPoints = areas.contains { $0.maxPoints != nil }
    var panels = [RowPanel(header: "Số nhiệm vụ", integerTicks: true)]
    if withPoints { panels.append(RowPanel(header: "Điểm tối đa")) }
    let rows = areas.map { area in
        var cells = [
            RowCell(
                marks: [.bar(Double(area.tasks), thickness: 14, fill: Palette.blue)],
                text: VietnameseNumber.format(area.tasks))
        ]
        if withPoints {
            let marks =
                area.maxPoints.map { [RowMark.bar($0.doubleValue, thickness: 14, fill: hatch.paint)] } ?? []
            cells.append(RowCell(marks: marks, text: area.maxPoints?.vietnamese ?? missingCell))
        }
        return ChartRow(label: area.label, cells: cells)
    }
    let tasks = areas.reduce(0) { $0 + $1.tasks }
    var desc =
        "Biểu đồ thanh ngang số nhiệm vụ của \(VietnameseNumber.format(areas.count)) lĩnh vực, "
        + "tổng cộng \(VietnameseNumber.format(tasks)) nhiệm vụ"
    if withPoints {
        let points = areas.compactMap(\.maxPoints).reduce(Quantity.zero, +)
        desc += "; bên phải là điểm tối đa của từng lĩnh vực, tổng cộng \(points.vietnamese) điểm"
    }
    desc += "."
    let spec = RowChartSpec(
        id: id, title: title, desc: desc, patterns: withPoints ? [hatch] : [], labelColumn: 220,
        panels: panels,
        sections: [RowSection(heading: nil, rows: rows)])
    return RowChartLayout.scene(spec)
}

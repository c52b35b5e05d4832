import PlansiteModel

/// Lays out an index history as vertical columns on the index's whole scale: the value above
/// each column, the year, rank and group in rows under the axis.
enum ColumnChartLayout {
    static let plotX = 64.0
    static let plotTop = 52.0
    static let plotHeight = 200.0
    static let maximumBarWidth = 56.0
    static let maximumColumns = 20

    static let boldMiddle = TextStyle(anchor: .middle, bold: true)
    static let middle = TextStyle(anchor: .middle)
    static let rowHeader = TextStyle(anchor: .end, fill: Palette.mutedText)

    /// Nil when the points are too many for their year, value and rank to fit side by side.
    static func scene(
        id: String, title: String, desc: String, index: IndexKind, points: [HistoryPoint]
    ) -> Scene? {
        let margin = Metrics.margin
        let plotWidth = Metrics.width - margin - plotX
        let slot = plotWidth / Double(points.count)
        let widest =
            points.flatMap { point in
                [
                    TextMetrics.width(String(point.year), size: Metrics.fontSize, bold: true),
                    TextMetrics.width(compactScoreLabel(point, index), size: Metrics.fontSize, bold: true),
                    TextMetrics.width(point.rankText ?? "", size: Metrics.fontSize),
                ]
            }.max() ?? 0
        guard points.count <= maximumColumns, widest + 6 <= slot else { return nil }

        let plotBottom = plotTop + plotHeight
        let axis = Axis(maximum: index.totalScale.upperBound, length: plotHeight, spacing: 40)
        var nodes: [Node] = [.text(Label(scaleCaption(index), x: margin, y: margin + 14))]

        // Tick labels, then the headers of the rows under the axis, in one right-aligned column.
        var column = axis.ticks.map { value in
            Node.text(
                Label(
                    Axis.label(value), x: plotX - 6, y: plotBottom - axis.position(value) + 4,
                    style: rowHeader))
        }
        let gridYs = axis.ticks.dropFirst().map { plotBottom - axis.position($0) }
        nodes.append(
            .path(
                horizontalLines(at: gridYs, from: plotX, to: plotX + plotWidth), stroke: Palette.grid,
                width: 1))
        nodes.append(
            .path(
                horizontalLines(at: [plotBottom], from: plotX, to: plotX + plotWidth), stroke: Palette.axis,
                width: 1))

        // The rows under the axis: year always, rank and group when any point has them.
        let yearBaseline = plotBottom + 18
        var nextBaseline = yearBaseline + 18
        var rankBaseline: Double?
        var groupBaseline: Double?
        if points.contains(where: { $0.rank != nil }) {
            rankBaseline = nextBaseline
            column.append(.text(Label("Hạng", x: plotX - 6, y: nextBaseline, style: rowHeader)))
            nextBaseline += 18
        }
        if points.contains(where: { $0.group != nil }) {
            groupBaseline = nextBaseline
            column.append(.text(Label("Nhóm", x: plotX - 6, y: nextBaseline, style: rowHeader)))
            nextBaseline += 18
        }
        nodes.append(.group(title: nil, style: rowHeader, children: column))

        let barWidth = min(maximumBarWidth, snap(slot * 0.6))
        for (offset, point) in points.enumerated() {
            let centre = snap(plotX + slot * (Double(offset) + 0.5))
            let height = snap(axis.position(point.score.doubleValue))
            var children: [Node] = []
            if height > 0 {
                let rect = Rect(
                    x: centre - barWidth / 2, y: plotBottom - height, width: barWidth, height: height)
                children.append(.rect(rect, fill: Palette.blue, role: .bar))
            }
            let value = compactScoreLabel(point, index)
            children.append(.text(Label(value, x: centre, y: plotBottom - height - 6, style: boldMiddle)))
            children.append(
                .text(Label(String(point.year), x: centre, y: yearBaseline, style: boldMiddle)))
            if let rankBaseline, let rank = point.rankText {
                children.append(.text(Label(rank, x: centre, y: rankBaseline, style: middle)))
            }
            var truncated = false
            if let groupBaseline, let group = point.group {
                let fitted = TextMetrics.fit(group, width: slot - 6, size: Metrics.fontSize)
                truncated = fitted.truncated
                children.append(.text(Label(fitted.text, x: centre, y: groupBaseline, style: middle)))
            }
            let title = truncated ? "\(point.year): \(value), nhóm \(point.group ?? "")" : nil
            nodes.append(.group(title: title, style: boldMiddle, children: children))
        }
        let plotArea = Rect(x: plotX, y: plotTop, width: plotWidth, height: plotHeight)
        return Scene(
            id: id, title: title, desc: desc, height: nextBaseline - 18 + 5 + margin,
            plotAreas: [plotArea],
            nodes: nodes)
    }
}

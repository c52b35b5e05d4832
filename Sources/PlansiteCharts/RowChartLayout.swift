/// Lays out a ``RowChartSpec`` from top to bottom: legend, panel headers, tick labels, then
/// one row of ``Metrics/rowHeight`` per item under group headings, so the height grows with
/// the rows and no two texts share a line. Texts too long for their column are cut with "…"
/// and the row gets a tooltip `<title>` with the full text.
enum RowChartLayout {
    static let headingHeight = 30.0
    static let panelGap = 16.0
    static let markerWidth = 3.0
    static let markerHeight = 20.0

    /// Where one panel's bars and texts go.
    struct PanelGeometry: Hashable, Sendable {
        let barX: Double
        let axis: Axis
        /// The right edge of the panel's value texts.
        let right: Double
    }

    static let headerStyle = TextStyle(bold: true)
    static let tickStyle = TextStyle(anchor: .middle, fill: Palette.mutedText)
    static let headingStyle = TextStyle(size: Metrics.headingSize, bold: true)

    static func scene(_ spec: RowChartSpec) -> Scene {
        var spec = spec
        spec.labelColumn = labelColumn(spec)
        let margin = Metrics.margin
        var y = margin
        var nodes: [Node] = []

        if !spec.legend.isEmpty {
            let legend = legendNodes(spec.legend, top: y)
            nodes += legend.nodes
            y = legend.bottom + 6
        }

        let panels = panelGeometry(spec)
        let headers = zip(spec.panels, panels).compactMap { panel, geometry -> Node? in
            guard let header = panel.header else { return nil }
            let fitted = TextMetrics.fit(
                header, width: geometry.right - geometry.barX, size: 12, bold: true)
            return .text(Label(fitted.text, x: geometry.barX, y: y + 14, style: headerStyle))
        }
        if !headers.isEmpty {
            nodes.append(.group(title: nil, style: headerStyle, children: headers))
            y += 20
        }
        let ticks = panels.flatMap { geometry in
            geometry.axis.ticks.map { value in
                Node.text(
                    Label(
                        Axis.label(value), x: geometry.barX + geometry.axis.position(value), y: y + 13,
                        style: tickStyle))
            }
        }
        nodes.append(.group(title: nil, style: tickStyle, children: ticks))
        y += 18

        var blocks: [(top: Double, bottom: Double)] = []
        var rules: [Double] = []
        var headings: [Node] = []
        var rows: [Node] = []
        for section in spec.sections {
            if let heading = section.heading {
                rules.append(y + 6)
                let fitted = TextMetrics.fit(
                    heading, width: Metrics.width - 2 * margin, size: headingStyle.size, bold: true)
                let label = Node.text(Label(fitted.text, x: margin, y: y + 24, style: headingStyle))
                headings.append(
                    fitted.truncated ? .group(title: heading, style: nil, children: [label]) : label)
                y += headingHeight
            }
            let top = y
            for row in section.rows {
                rows.append(
                    rowNode(
                        row, top: y, panels: panels, headers: spec.panels.map(\.header),
                        labelColumn: spec.labelColumn))
                y += Metrics.rowHeight
            }
            if y > top { blocks.append((top, y)) }
        }

        var grid = ""
        var zero = ""
        for block in blocks {
            for geometry in panels {
                let xs = geometry.axis.ticks.dropFirst().map { geometry.barX + geometry.axis.position($0) }
                grid += verticalLines(at: xs, from: block.top, to: block.bottom)
                zero += verticalLines(at: [geometry.barX], from: block.top, to: block.bottom)
            }
        }
        if !grid.isEmpty { nodes.append(.path(grid, stroke: Palette.grid, width: 1)) }
        if !zero.isEmpty { nodes.append(.path(zero, stroke: Palette.axis, width: 1)) }
        if !rules.isEmpty {
            let data = horizontalLines(at: rules, from: margin, to: Metrics.width - margin)
            nodes.append(.path(data, stroke: Palette.rule, width: 1))
        }
        if !headings.isEmpty {
            nodes.append(.group(title: nil, style: headingStyle, children: headings))
        }
        nodes += rows

        var plotAreas: [Rect] = []
        if let first = blocks.first, let last = blocks.last {
            plotAreas = panels.map {
                Rect(x: $0.barX, y: first.top, width: $0.axis.length, height: last.bottom - first.top)
            }
        }
        return Scene(
            id: spec.id, title: spec.title, desc: spec.desc, height: y + margin, patterns: spec.patterns,
            plotAreas: plotAreas, nodes: nodes)
    }

    /// The widest label's width (with its indent) when that is less than the spec allows.
    static func labelColumn(_ spec: RowChartSpec) -> Double {
        let widest =
            spec.sections.flatMap(\.rows).map {
                $0.indent + TextMetrics.width($0.label, size: Metrics.fontSize)
            }.max() ?? 0
        return min(spec.labelColumn, max(widest.rounded(.up), 40))
    }

    /// Splits the width right of the label column between the panels; in each, the value texts
    /// get the room their widest text needs (within bounds) and the bars the rest.
    static func panelGeometry(_ spec: RowChartSpec) -> [PanelGeometry] {
        let contentX = Metrics.margin + spec.labelColumn + 12
        let available = Metrics.width - Metrics.margin - contentX
        let count = Double(max(spec.panels.count, 1))
        let share = ((available - panelGap * (count - 1)) / count).rounded(.down)
        let cells = spec.sections.flatMap(\.rows).map(\.cells)
        return spec.panels.enumerated().map { index, panel in
            let column = cells.compactMap { index < $0.count ? $0[index] : nil }
            let widest = column.map { TextMetrics.width($0.text, size: Metrics.fontSize) }.max() ?? 0
            let textColumn = min(max(widest.rounded(.up), 40), (share * 0.55).rounded(.down))
            let barWidth = share - textColumn - 8
            let largest = column.flatMap { $0.marks.map(\.value) }.max() ?? 0
            let axis = Axis(
                maximum: panel.fixedMaximum ?? largest, length: barWidth, integer: panel.integerTicks)
            let left = contentX + Double(index) * (share + panelGap)
            return PanelGeometry(barX: left, axis: axis, right: left + share)
        }
    }

    /// One row: its label, each panel's marks and value text, in a `<g>` whose `<title>` holds
    /// the full texts, each after its panel's header, when any was cut.
    static func rowNode(
        _ row: ChartRow, top: Double, panels: [PanelGeometry], headers: [String?], labelColumn: Double
    ) -> Node {
        let middle = top + Metrics.rowHeight / 2
        let baseline = middle + 4
        let label = TextMetrics.fit(row.label, width: labelColumn - row.indent, size: Metrics.fontSize)
        var children: [Node] = [.text(Label(label.text, x: Metrics.margin + row.indent, y: baseline))]
        var truncated = label.truncated
        for (cell, geometry) in zip(row.cells, panels) {
            var end = 0.0
            for mark in cell.marks {
                switch mark {
                case .bar(let value, let thickness, let fill):
                    let length = snap(geometry.axis.position(value))
                    end = max(end, length)
                    guard length > 0 else { continue }
                    let rect = Rect(
                        x: geometry.barX, y: snap(middle - thickness / 2), width: length, height: thickness)
                    children.append(.rect(rect, fill: fill, role: .bar))
                case .tick(let value):
                    let centre = snap(geometry.axis.position(value))
                    end = max(end, centre + markerWidth / 2)
                    let rect = Rect(
                        x: geometry.barX + centre - markerWidth / 2, y: middle - markerHeight / 2,
                        width: markerWidth, height: markerHeight)
                    children.append(.rect(rect, fill: Palette.black, role: .marker))
                }
            }
            let textX = geometry.barX + end + 6
            let text = TextMetrics.fit(cell.text, width: geometry.right - textX, size: Metrics.fontSize)
            truncated = truncated || text.truncated
            children.append(.text(Label(text.text, x: textX, y: baseline)))
        }
        guard truncated else { return .group(title: nil, style: nil, children: children) }
        let texts = zip(row.cells, headers).map { cell, header in
            header.map { "\($0) \(cell.text)" } ?? cell.text
        }
        return .group(
            title: row.label + ": " + texts.joined(separator: "; "), style: nil, children: children)
    }

    /// Legend entries left to right, wrapping onto a new line when the width is used up.
    static func legendNodes(_ items: [LegendItem], top: Double) -> (nodes: [Node], bottom: Double) {
        let margin = Metrics.margin
        var x = margin
        var baseline = top + 14
        var nodes: [Node] = []
        for item in items {
            let swatchWidth: Double
            switch item.swatch {
            case .bar: swatchWidth = 16
            case .tick: swatchWidth = markerWidth
            }
            let labelWidth = TextMetrics.width(item.label, size: Metrics.fontSize)
            if x > margin, x + swatchWidth + 6 + labelWidth > Metrics.width - margin {
                x = margin
                baseline += 20
            }
            switch item.swatch {
            case .bar(let fill, let height):
                let rect = Rect(x: x, y: baseline - 4 - height / 2, width: swatchWidth, height: height)
                nodes.append(.rect(rect, fill: fill, role: .swatch))
            case .tick:
                let rect = Rect(x: x, y: baseline - 11, width: swatchWidth, height: 14)
                nodes.append(.rect(rect, fill: Palette.black, role: .swatch))
            }
            let labelX = x + swatchWidth + 6
            let text = TextMetrics.fit(
                item.label, width: Metrics.width - margin - labelX, size: Metrics.fontSize)
            nodes.append(.text(Label(text.text, x: labelX, y: baseline)))
            x = labelX + labelWidth + 20
        }
        return (nodes, baseline + 5)
    }
}

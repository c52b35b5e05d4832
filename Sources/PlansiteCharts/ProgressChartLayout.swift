import PlansiteModel

/// Lays out a progress chart from top to bottom: the legend, a percent scale, then one row of
/// ``Metrics/rowHeight`` per bar with its label on the left, its track (the whole width is
/// 100 %) and its text after the track. Segments are whole tenths of a unit wide, so that a
/// bar's segments fill its track exactly as written.
struct ProgressChartLayout: Hashable, Sendable {
    struct Segment: Hashable, Sendable {
        let status: TaskStatus
        let count: Int
        let rect: Rect
    }

    struct Row: Hashable, Sendable {
        let bar: ProgressBar
        /// The whole bar, 100 %.
        let track: Rect
        /// The segments drawn, left to right: those of a status with tasks and some width.
        let segments: [Segment]
    }

    static let barHeight = 16.0
    static let maximumLabelColumn = 200.0
    /// The track is never narrower than this; longer end texts are cut.
    static let minimumTrack = 240.0
    /// The narrowest segment of a status with tasks, in tenths of a unit, when the track has
    /// room: wider than the white gap between segments, so that no status with tasks vanishes.
    static let minimumSegmentTenths = 30
    static let gapWidth = 1.0
    static let ticks = [0, 25, 50, 75, 100]

    let statuses: [TaskStatus]
    let rows: [Row]
    let scene: Scene

    /// Nil when no bar has a task.
    init?(id: String, title: String, bars: [ProgressBar]) {
        guard bars.contains(where: { $0.counts.total > 0 }) else { return nil }
        let margin = Metrics.margin
        let statuses = progressStatuses(bars)
        var nodes: [Node] = []
        var y = margin

        let items = statuses.map {
            LegendItem(swatch: .bar(fill: $0.chartPaint(chartID: id), height: Self.barHeight), label: $0.label)
        }
        let legend = RowChartLayout.legendNodes(items, top: y)
        nodes += legend.nodes
        y = legend.bottom + 6

        let widestLabel = bars.map { TextMetrics.width($0.label, size: Metrics.fontSize) }.max() ?? 0
        let labelColumn = min(Self.maximumLabelColumn, max(widestLabel.rounded(.up), 40))
        let texts = bars.map { progressText($0.counts) }
        let widestText = texts.map { TextMetrics.width($0, size: Metrics.fontSize) }.max() ?? 0
        let barX = snap(margin + labelColumn + 12)
        let textColumn = min(max(widestText.rounded(.up), 40), Metrics.width - margin - 8 - Self.minimumTrack - barX)
        let trackTenths = Int(((Metrics.width - margin - textColumn - 8 - barX) * 10).rounded(.down))
        let trackWidth = Double(trackTenths) / 10
        func x(percent: Int) -> Double { snap(barX + trackWidth * Double(percent) / 100) }

        let tickStyle = RowChartLayout.tickStyle
        let tickLabels = Self.ticks.map {
            Node.text(Label(percentText($0), x: x(percent: $0), y: y + 13, style: tickStyle))
        }
        nodes.append(.group(title: nil, style: tickStyle, children: tickLabels))
        y += 18

        let top = y
        var rows: [Row] = []
        var rowNodes: [Node] = []
        for (bar, text) in zip(bars, texts) {
            let middle = y + Metrics.rowHeight / 2
            let track = Rect(x: barX, y: snap(middle - Self.barHeight / 2), width: trackWidth, height: Self.barHeight)
            let row = Self.row(bar, track: track, tenths: trackTenths)
            rows.append(row)
            rowNodes.append(Self.rowNode(row, text: text, labelColumn: labelColumn, baseline: middle + 4, chartID: id))
            y += Metrics.rowHeight
        }
        let grid = verticalLines(at: Self.ticks.dropFirst().map { x(percent: $0) }, from: top, to: y)
        nodes.append(.path(grid, stroke: Palette.grid, width: 1))
        nodes.append(.path(verticalLines(at: [barX], from: top, to: y), stroke: Palette.axis, width: 1))
        nodes += rowNodes

        self.statuses = statuses
        self.rows = rows
        self.scene = Scene(
            id: id, title: title, desc: progressDescription(bars), height: y + margin,
            patterns: statuses.compactMap { $0.chartPattern(chartID: id) },
            plotAreas: [Rect(x: barX, y: top, width: trackWidth, height: y - top)], nodes: nodes)
    }

    /// A bar's segments along its track, in segment order.
    static func row(_ bar: ProgressBar, track: Rect, tenths: Int) -> Row {
        let counts = progressSegmentOrder.map { bar.counts[$0] }
        let widths = allocate(counts, tenths: tenths, minimum: minimumSegmentTenths)
        var used = 0
        var segments: [Segment] = []
        for (status, (count, width)) in zip(progressSegmentOrder, zip(counts, widths)) where width > 0 {
            let rect = Rect(
                x: snap(track.x + Double(used) / 10), y: track.y, width: Double(width) / 10, height: track.height)
            segments.append(Segment(status: status, count: count, rect: rect))
            used += width
        }
        return Row(bar: bar, track: track, segments: segments)
    }

    /// Splits `tenths` between `counts` in proportion, by largest remainder (ties to the
    /// earlier), each count above 0 getting at least `minimum` when all of them can.
    static func allocate(_ counts: [Int], tenths: Int, minimum: Int) -> [Int] {
        let counts = counts.map { max($0, 0) }
        guard tenths > 0, counts.contains(where: { $0 > 0 }) else { return counts.map { _ in 0 } }
        let present = counts.indices.filter { counts[$0] > 0 }
        let minimum = present.count * minimum <= tenths ? minimum : 0
        // Counts whose share falls short of the minimum get the minimum; the others share the rest.
        var fixed: Set<Int> = []
        func share() -> (free: Int, count: Int) {
            (tenths - fixed.count * minimum, present.filter { !fixed.contains($0) }.reduce(0) { $0 + counts[$1] })
        }
        while true {
            let (free, count) = share()
            let short = present.filter { index in
                !fixed.contains(index) && Double(free) * Double(counts[index]) / Double(count) < Double(minimum)
            }
            if short.isEmpty { break }
            fixed.formUnion(short)
        }
        let (free, count) = share()
        var widths = counts.map { _ in 0 }
        var remainders: [(fraction: Double, index: Int)] = []
        for index in present {
            if fixed.contains(index) {
                widths[index] = minimum
                continue
            }
            let quota = Double(free) * Double(counts[index]) / Double(count)
            widths[index] = Int(quota.rounded(.down))
            remainders.append((quota - quota.rounded(.down), index))
        }
        var left = tenths - widths.reduce(0, +)
        for remainder in remainders.sorted(by: { ($0.fraction, -$0.index) > ($1.fraction, -$1.index) }) {
            guard left > 0 else { break }
            widths[remainder.index] += 1
            left -= 1
        }
        return widths
    }

    /// One bar: its label, segments (each with a `<title>`) parted by white gaps, or an empty
    /// track, then its text; the group's `<title>` holds the full texts when any was cut.
    static func rowNode(_ row: Row, text: String, labelColumn: Double, baseline: Double, chartID: String) -> Node {
        let margin = Metrics.margin
        let label = TextMetrics.fit(row.bar.label, width: labelColumn, size: Metrics.fontSize)
        var children: [Node] = [.text(Label(label.text, x: margin, y: baseline))]
        let track = row.track
        if row.segments.isEmpty {
            let outline =
                horizontalLines(at: [track.y, track.maxY], from: track.x, to: track.maxX)
                + verticalLines(at: [track.x, track.maxX], from: track.y, to: track.maxY)
            children.append(.path(outline, stroke: Palette.axis, width: 1))
        }
        for segment in row.segments {
            children.append(
                .rect(
                    segment.rect, fill: segment.status.chartPaint(chartID: chartID), role: .bar,
                    title: segmentTitle(row.bar, segment.status)))
        }
        if row.segments.count > 1 {
            let gaps = verticalLines(at: row.segments.dropFirst().map(\.rect.x), from: track.y, to: track.maxY)
            children.append(.path(gaps, stroke: Palette.white, width: gapWidth))
        }
        let textX = track.maxX + 8
        let fitted = TextMetrics.fit(text, width: Metrics.width - margin - textX, size: Metrics.fontSize)
        children.append(.text(Label(fitted.text, x: textX, y: baseline)))
        let title = label.truncated || fitted.truncated ? "\(row.bar.label): \(text)" : nil
        return .group(title: title, style: nil, children: children)
    }
}

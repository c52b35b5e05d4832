import PlansiteModel
import PlansiteWording

/// One bar of a progress chart: the tasks' statuses at the end of a reporting period.
public struct ProgressBar: Hashable, Sendable {
    /// "Quý III/2024", or "Đến 21/11/2026" for the bar of the as-of date.
    public let label: String
    public let counts: ProgressCounts

    public init(label: String, counts: ProgressCounts) {
        self.label = label
        self.counts = counts
    }
}

/// The tasks' statuses period by period: one horizontal 100 % bar per period, in the given order
/// (oldest first), cut into one segment per status, each as long as its share of the bar's
/// tasks; the share finished and the number of tasks written at the bar's end ("45% hoàn thành ·
/// 20 nhiệm vụ"). Segments go from finished to most urgent: done, not applicable, on track, not
/// started, due soon, not reported, overdue. Each status has a colour and, but for "done", a
/// texture, so that statuses differ in greyscale; each segment has a `<title>` with its count.
/// A bar without tasks is an empty track marked "0 nhiệm vụ".
///
/// - Parameters:
///   - id: A unique ASCII slug for the page; prefixes the ids inside the SVG.
///   - title: What the chart shows, for its `<title>` and the table caption.
public func progressChart(id: String, title: String, bars: [ProgressBar]) -> Chart {
    let statuses = progressStatuses(bars)
    let headers = ["Kỳ"] + statuses.map(\.label) + ["Tổng số", "Tỷ lệ hoàn thành"]
    guard let layout = ProgressChartLayout(id: id, title: title, bars: bars) else {
        return emptyChart(id: id, title: title, headers: headers)
    }
    let rows = bars.map { bar in
        let counts = bar.counts
        let share = counts.total == 0 ? missingCell : "\(VietnameseNumber.format(counts.percentFinished))%"
        return [bar.label] + statuses.map { VietnameseNumber.format(counts[$0]) } + [
            VietnameseNumber.format(counts.total), share,
        ]
    }
    return Chart(
        svg: SVGWriter.write(layout.scene), table: ChartTable(caption: title, headers: headers, rows: rows))
}

func progressScene(id: String, title: String, bars: [ProgressBar]) -> Scene {
    ProgressChartLayout(id: id, title: title, bars: bars)?.scene ?? emptyScene(id: id, title: title)
}

/// The order of a bar's segments, legend and table columns: finished first, the most urgent last.
let progressSegmentOrder: [TaskStatus] = [
    .done, .notApplicable, .onTrack, .notStarted, .dueSoon, .notReported, .overdue,
]

/// The statuses with at least one task in some bar, in segment order.
func progressStatuses(_ bars: [ProgressBar]) -> [TaskStatus] {
    progressSegmentOrder.filter { status in bars.contains { $0.counts[status] > 0 } }
}

/// "45%", written as Vietnamese documents write it.
func percentText(_ percent: Int) -> String {
    "\(VietnameseNumber.format(percent))%"
}

/// What is written at a bar's end: "45% hoàn thành · 20 nhiệm vụ", or "0 nhiệm vụ".
func progressText(_ counts: ProgressCounts) -> String {
    let tasks = "\(VietnameseNumber.format(counts.total)) nhiệm vụ"
    guard counts.total > 0 else { return tasks }
    return "\(percentText(counts.percentFinished)) hoàn thành · \(tasks)"
}

/// A segment's tooltip: "Quý III/2024 – Quá hạn: 3 nhiệm vụ".
func segmentTitle(_ bar: ProgressBar, _ status: TaskStatus) -> String {
    "\(bar.label) – \(status.label): \(VietnameseNumber.format(bar.counts[status])) nhiệm vụ"
}

extension TaskStatus {
    /// The fill colour of the status's segments.
    var chartColour: String {
        switch self {
        case .done: Palette.statusDone
        case .notApplicable: Palette.statusNotApplicable
        case .onTrack: Palette.statusOnTrack
        case .notStarted: Palette.statusNotStarted
        case .dueSoon: Palette.statusDueSoon
        case .notReported: Palette.statusNotReported
        case .overdue: Palette.statusOverdue
        }
    }

    /// The white texture over the colour; nil for a solid fill. Each status has its own.
    var chartTexture: PatternDef.Texture? {
        switch self {
        case .done: nil
        case .notApplicable: .dotted
        case .onTrack: .diagonal
        case .notStarted: .horizontal
        case .dueSoon: .backDiagonal
        case .notReported: .vertical
        case .overdue: .crossed
        }
    }

    /// The status's texture in a chart: "<id>-due-soon".
    func chartPattern(chartID: String) -> PatternDef? {
        chartTexture.map {
            PatternDef(id: "\(chartID)-\(rawValue)", background: chartColour, stripe: Palette.white, texture: $0)
        }
    }

    /// What the status's segments and legend swatch are filled with.
    func chartPaint(chartID: String) -> String {
        chartPattern(chartID: chartID)?.paint ?? chartColour
    }
}

func progressDescription(_ bars: [ProgressBar]) -> String {
    var text = "Biểu đồ thanh ngang chia đoạn theo trạng thái nhiệm vụ, độ dài mỗi đoạn theo tỷ lệ số nhiệm vụ"
    if bars.count > 1, let first = bars.first, let last = bars.last {
        text +=
            ", mỗi thanh một kỳ (\(VietnameseNumber.format(bars.count)) kỳ, kỳ đầu: \(first.label), "
            + "kỳ cuối: \(last.label))"
    }
    guard let last = bars.last else { return text + "." }
    let counts = last.counts
    text += ". \(last.label): "
    guard counts.total > 0 else { return text + "0 nhiệm vụ." }
    let parts = progressSegmentOrder.filter { counts[$0] > 0 }.map {
        "\($0.label): \(VietnameseNumber.format(counts[$0]))"
    }
    return text
        + "\(percentText(counts.percentFinished)) hoàn thành trong \(VietnameseNumber.format(counts.total)) "
        + "nhiệm vụ (\(parts.joined(separator: "; ")))."
}

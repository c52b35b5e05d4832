import Foundation
import PlansiteModel
import PlansiteWording
import TestSupport
import Testing

@testable import PlansiteCharts

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Random chart inputs.
extension SplitMix64 {
    /// Text of 0–`maxLength` characters: Vietnamese letters with diacritics (precomposed and
    /// decomposed), spaces, digits and markup characters.
    mutating func label(maxLength: Int = 120) -> String {
        let alphabet: [String] = [
            "a", "ă", "â", "đ", "Đ", "ế", "Ễ", "ộ", "ơ", "ư", "Ữ", "ỹ", "i", "m", "W", "T", " ", " ", " ",
            "<", ">",
            "&", "\"", "'", "1", "9", ",", "(", "e\u{0302}\u{0301}", "o\u{031B}\u{0323}", "—",
        ]
        return (0..<int(0...maxLength)).map { _ in pick(alphabet) }.joined()
    }

    /// A quantity from 0 up to about `upper`, with 0–4 decimals.
    mutating func quantity(upTo upper: Int) -> Quantity {
        let whole = int(0...upper)
        let decimals = int(0...4)
        guard decimals > 0 else { return Quantity(parsing: String(whole))! }
        let fraction = String(int(0...9999)).padding(toLength: decimals, withPad: "0", startingAt: 0)
        return Quantity(parsing: "\(whole),\(fraction)")!
    }
}

@Suite("Charts properties")
struct ChartsPropertyTests {
    static let cases = 240

    @Test func randomChartsStayInsideTheirFrame() throws {
        var random = SplitMix64(seed: 0x504C_414E_5349_5445)
        for number in 0..<Self.cases {
            let id = "c\(number)"
            let title = random.label(maxLength: 60)
            let scene: Scene
            let chart: Chart
            switch number % 4 {
            case 0:
                let rows = randomCriteria(&random)
                scene = criteriaScene(id: id, title: title, rows: rows)
                chart = criteriaChart(id: id, title: title, rows: rows)
                #expect(chart.table.rows.count == rows.count)
            case 1:
                let index = random.pick(IndexKind.allCases)
                let points = randomHistory(&random, index: index)
                scene = historyScene(id: id, title: title, index: index, points: points)
                chart = historyChart(id: id, title: title, index: index, points: points)
                #expect(chart.table.rows.count == points.count)
            case 2:
                var byRole: [TaskRole: Int] = [:]
                var byTimeFrame: [TimeFrame.Category: Int] = [:]
                for role in TaskRole.allCases where random.chance(70) {
                    byRole[role] = random.int(0...random.pick([5, 500, 20000]))
                }
                for category in TimeFrame.Category.allCases where random.chance(60) {
                    byTimeFrame[category] = random.int(0...300)
                }
                scene = workloadScene(id: id, title: title, byRole: byRole, byTimeFrame: byTimeFrame)
                chart = workloadChart(id: id, title: title, byRole: byRole, byTimeFrame: byTimeFrame)
                #expect(chart.table.rows.count == byRole.count + byTimeFrame.count)
            default:
                let areas = (0..<random.int(0...200)).map { _ in
                    AreaSummary(
                        label: random.label(), tasks: random.int(0...300),
                        maxPoints: random.chance(70)
                            ? random.quantity(upTo: random.pick([1, 30, 100000])) : nil)
                }
                scene = planSummaryScene(id: id, title: title, areas: areas)
                chart = planSummaryChart(id: id, title: title, areas: areas)
                #expect(chart.table.rows.count == areas.count)
            }
            #expect(SVGWriter.write(scene) == chart.svg, "case \(number): the chart is not its scene")
            checkGeometry(scene, case: number)
            checkMarkup(chart.svg, id: id, case: number)
        }
    }

    @Test func randomProgressChartsFillTheirTracks() throws {
        var random = SplitMix64(seed: 0x5052_4F47_5245_5353)
        for number in 0..<Self.cases / 2 {
            let id = "p\(number)"
            let title = random.label(maxLength: 60)
            let bars = randomProgress(&random)
            let scene = progressScene(id: id, title: title, bars: bars)
            let chart = progressChart(id: id, title: title, bars: bars)
            #expect(progressChart(id: id, title: title, bars: bars) == chart, "case \(number): not deterministic")
            #expect(SVGWriter.write(scene) == chart.svg, "case \(number): the chart is not its scene")
            checkGeometry(scene, case: number)
            checkMarkup(chart.svg, id: id, case: number)

            let present = progressSegmentOrder.filter { status in bars.contains { $0.counts[status] > 0 } }
            #expect(chart.table.headers == ["Kỳ"] + present.map(\.label) + ["Tổng số", "Tỷ lệ hoàn thành"])
            guard let layout = ProgressChartLayout(id: id, title: title, bars: bars) else {
                #expect(bars.allSatisfy { $0.counts.total == 0 }, "case \(number): no layout")
                #expect(chart.table.rows.isEmpty && chart.svg.contains(">Chưa có số liệu</text>"))
                continue
            }
            #expect(chart.table.rows.count == bars.count)
            #expect(layout.statuses == present)
            for status in present {
                #expect(chart.svg.contains(">\(status.label)</text>"), "case \(number): \(status) not in the legend")
                let paint = status.chartPaint(chartID: id)
                #expect(chart.svg.contains("fill=\"\(paint)\""), "case \(number): \(status) not drawn")
            }
            for (row, cells) in zip(layout.rows, chart.table.rows) {
                let counts = row.bar.counts
                #expect(cells.count == chart.table.headers.count)
                #expect(cells[1..<cells.count - 2] == present.map { VietnameseNumber.format(counts[$0]) }[...])
                #expect(row.track.width > 0)
                var x = row.track.x
                for segment in row.segments {
                    #expect(segment.rect.width > 0 && segment.count > 0)
                    #expect(abs(segment.rect.x - x) < 1e-6, "case \(number): a gap before \(segment.status)")
                    x = segment.rect.maxX
                }
                if counts.total > 0 {
                    let sum = row.segments.reduce(0) { $0 + $1.rect.width }
                    #expect(abs(sum - row.track.width) < 1e-6, "case \(number): segments \(sum) ≠ \(row.track.width)")
                    #expect(row.segments.map(\.status) == progressSegmentOrder.filter { counts[$0] > 0 })
                    // Proportional: more tasks, never a shorter segment.
                    for a in row.segments {
                        for b in row.segments where a.count > b.count {
                            #expect(a.rect.width >= b.rect.width)
                        }
                    }
                } else {
                    #expect(row.segments.isEmpty)
                }
            }
        }
    }

    private func randomProgress(_ random: inout SplitMix64) -> [ProgressBar] {
        let count = random.chance(10) ? 0 : random.int(1...12)
        let scale = random.pick([2, 5, 40, 40, 600])
        return (0..<count).map { _ in
            var counts = ProgressCounts()
            if !random.chance(15) {
                for status in TaskStatus.allCases where random.chance(55) {
                    let upper = random.chance(20) ? scale * 3 : scale
                    for _ in 0..<random.int(0...upper) { counts.add(status) }
                }
            }
            let label =
                random.chance(50)
                ? ReportingPeriod(year: random.int(2020...2030), span: .quarter(random.int(1...4)))!.description
                : random.label(maxLength: 80)
            return ProgressBar(label: label, counts: counts)
        }
    }

    private func randomCriteria(_ random: inout SplitMix64) -> [CriterionRow] {
        let count = random.chance(10) ? 0 : random.int(1...200)
        let groups = (0..<random.int(1...5)).map { _ in
            random.chance(20) ? nil : random.label(maxLength: 150)
        }
        let scale = random.pick([1, 3, 100, 1_000_000])
        var group = random.pick(groups)
        return (0..<count).map { _ in
            if random.chance(10) { group = random.pick(groups) }
            let max = random.quantity(upTo: scale)
            return CriterionRow(
                code: random.chance(80) ? "\(random.int(1...9)).\(random.int(1...20))" : nil,
                title: random.label(), group: group, depth: random.int(0...5), max: max,
                last: random.chance(80) ? random.quantity(upTo: scale) : nil,
                target: random.chance(70) ? (random.chance(50) ? max : random.quantity(upTo: scale)) : nil)
        }
    }

    private func randomHistory(_ random: inout SplitMix64, index: IndexKind) -> [HistoryPoint] {
        let count = random.chance(50) ? random.int(0...25) : random.int(0...200)
        let upper = Int(index.totalScale.upperBound)
        return (0..<count).map { _ in
            HistoryPoint(
                year: random.int(2009...2035),
                score: random.quantity(upTo: random.chance(5) ? upper * 2 : upper),
                rank: random.chance(60) ? random.int(1...63) : nil, outOf: random.chance(60) ? 63 : nil,
                group: random.chance(50) ? random.label(maxLength: 30) : nil)
        }
    }

    /// Bars inside a plot area, every mark and text inside the viewBox, no text on another
    /// text or on a mark, no text under 12 units.
    private func checkGeometry(_ scene: Scene, case number: Int) {
        let frame = scene.viewBox
        for (rect, role) in scene.rects {
            #expect(rect.width >= 0 && rect.height >= 0)
            #expect(frame.contains(rect), "case \(number): \(role) \(rect) outside the viewBox")
            if role == .bar {
                #expect(
                    scene.plotAreas.contains { $0.contains(rect) },
                    "case \(number): bar \(rect) outside the plot")
            }
        }
        let labels = scene.labels.filter { !$0.text.isEmpty }
        let marks = scene.rects.filter { $0.role != .swatch }.map(\.rect)
        for label in labels {
            #expect(label.style.size >= 12)
            #expect(
                frame.contains(label.bounds), "case \(number): text \(label.text) outside the viewBox")
        }
        let sorted = labels.map(\.bounds).sorted { $0.y < $1.y }
        for (offset, box) in sorted.enumerated() {
            for other in sorted[(offset + 1)...] {
                if other.y >= box.maxY { break }
                #expect(!box.overlaps(other), "case \(number): texts overlap at \(box) and \(other)")
            }
            for mark in marks where mark.overlaps(box) {
                Issue.record("case \(number): text at \(box) covers a mark at \(mark)")
            }
        }
    }

    /// Well-formed XML with the title and description, every rectangle inside the viewBox, and
    /// each drawn text either a whole label or a prefix of one cut with "…".
    private func checkMarkup(_ svg: String, id: String, case number: Int) {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        #expect(
            parser.parse(), "case \(number): not well-formed: \(String(describing: parser.parserError))")
        #expect(reader.root == "svg")
        #expect(reader.ids.contains("\(id)-title") && reader.ids.contains("\(id)-desc"))
        let viewBox = reader.viewBox
        #expect(viewBox.count == 4 && viewBox[0] == 0 && viewBox[1] == 0 && viewBox[2] == 720)
        guard viewBox.count == 4 else { return }
        for rect in reader.rects {
            #expect(rect.x >= 0 && rect.y >= 0, "case \(number): \(rect)")
            #expect(rect.x + rect.width <= viewBox[2] + 1e-9 && rect.y + rect.height <= viewBox[3] + 1e-9)
        }
        for (text, tooltip) in reader.cutTexts {
            let prefix = String(text.dropLast())
            #expect(
                tooltip?.contains(prefix) == true, "case \(number): \(text) has no full text in a tooltip")
        }
    }
}

/// Collects what the markup checks need from an SVG document.
private final class SVGReader: NSObject, XMLParserDelegate {
    var root: String?
    var viewBox: [Double] = []
    var ids: Set<String> = []
    var rects: [(x: Double, y: Double, width: Double, height: Double)] = []
    /// Texts ending in "…", with the `<title>` of the nearest enclosing `<g>`.
    var cutTexts: [(text: String, tooltip: String?)] = []
    private var groupTitles: [String?] = []
    /// The names of the open elements.
    private var elements: [String] = []
    private var characters = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil {
            root = name
            viewBox = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        }
        if let id = attributes["id"] { ids.insert(id) }
        if name == "rect" {
            func number(_ key: String) -> Double { attributes[key].flatMap(Double.init) ?? 0 }
            rects.append((number("x"), number("y"), number("width"), number("height")))
        }
        if name == "g" { groupTitles.append(nil) }
        elements.append(name)
        characters = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        characters += string
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        elements.removeLast()
        switch name {
        case "g": groupTitles.removeLast()
        case "title" where elements.last == "g": groupTitles[groupTitles.count - 1] = characters
        case "text" where characters.hasSuffix("…"):
            cutTexts.append((characters, groupTitles.last ?? nil))
        default: break
        }
    }
}

import Foundation
import PlansiteModel
import PlansiteWording
import TestSupport
import Testing

@testable import PlansiteCharts

/// A quantity written the Vietnamese way: q("1,4888").
func q(_ text: String) -> Quantity {
    guard let quantity = Quantity(parsing: text) else { fatalError("not a quantity: \(text)") }
    return quantity
}

/// Test data shared by the chart tests.
enum ChartSamples {
    /// Seed 000: the PAR INDEX appendix of Đắk Nông's Văn phòng UBND plan for 2024.
    static let seedAppendix: [CriterionRow] = {
        let area1 = "1. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"
        let area2 = "2. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
        let area3 = "3. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH"
        let area4 = "4. HIỆN ĐẠI HÓA HÀNH CHÍNH (XD VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ)"
        func row(
            _ code: String?, _ title: String, _ group: String, depth: Int = 0, _ max: String,
            _ last: String, _ target: String
        )
            -> CriterionRow
        {
            CriterionRow(
                code: code, title: title, group: group, depth: depth, max: q(max), last: q(last),
                target: q(target))
        }
        return [
            row("1.1", "Đối thoại giữa Lãnh đạo tỉnh với người dân, doanh nghiệp", area1, "1", "1", "1"),
            row("1.2", "Thực hiện nhiệm vụ được CP, TTg giao", area1, "1,5", "1,4888", "1,5"),
            row("2.1", "Kiểm soát quy định thủ tục hành chính (TTHC)", area2, "1", "1", "1"),
            row("2.2", "Công bố, công khai TTHC và kết quả giải quyết hồ sơ", area2, "3", "3", "3"),
            row(
                "2.2.1", "Công bố TTHC, danh mục TTHC theo quy định", area2, depth: 1, "0,5", "0,5", "0,5"),
            row(
                "2.2.2", "Công khai TTHC và các quy định có liên quan", area2, depth: 1, "1,5", "1,5", "1,5"
            ),
            row("2.3", "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông", area2, "3", "3", "3"),
            row(
                "2.3.1", "Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa", area2,
                depth: 1,
                "1", "1", "1"),
            row(
                "2.3.2", "Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp", area2,
                depth: 1, "0,75", "0,75", "0,75"),
            row(
                "2.3.3",
                "Số TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền",
                area2, depth: 1, "0,75", "0,75", "0,75"),
            row(
                "2.4",
                "Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh",
                area2, "1", "1", "1"),
            row(
                "2.4.1",
                "Xử lý PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh", area2,
                depth: 1, "0,75", "0,75", "0,75"),
            row(
                "2.4.2",
                "Công khai kết quả trả lời PAKN của cá nhân, tổ chức đối với quy định TTHC thuộc thẩm quyền của tỉnh",
                area2, depth: 1, "0,25", "0,25", "0,25"),
            row(nil, "Tình hình thực hiện Quy chế làm việc của UBND tỉnh", area3, "1", "0,79", "0,8"),
            row(
                nil, "Vận hành Hệ thống thông tin báo cáo kinh tế - xã hội cấp tỉnh", area4, "1,5", "1,5",
                "1,5"),
        ]
    }()

    /// A long appendix: 150 rows in 6 areas, labels of varied length, some scores below max.
    static let appendix150: [CriterionRow] = (0..<150).map { number in
        let area = number / 25 + 1
        let words = [
            "Thực hiện", "cải cách thủ tục hành chính", "ở cấp xã", "và công khai kết quả", "đúng hạn",
        ]
        let title = words.prefix(1 + number % words.count).joined(separator: " ")
        let max = [q("1"), q("0,5"), q("2"), q("1,5"), q("0,25")][number % 5]
        let last = number % 7 == 0 ? Quantity(max.value * Decimal(string: "0.6")!) : max
        return CriterionRow(
            code: "\(area).\(number % 25 + 1)", title: title, group: "\(area). LĨNH VỰC SỐ \(area)",
            depth: number % 3 == 2 ? 1 : 0, max: max, last: number % 11 == 5 ? nil : last,
            target: number % 13 == 4 ? nil : max)
    }

    static let injection = "<script>alert(1)</script> & \"x\""

    /// Counts of tasks per status: counts([.done: 9, .overdue: 3]).
    static func counts(_ numbers: [TaskStatus: Int]) -> ProgressCounts {
        var counts = ProgressCounts()
        for status in TaskStatus.allCases {
            for _ in 0..<numbers[status, default: 0] { counts.add(status) }
        }
        return counts
    }

    static func quarter(_ number: Int, _ year: Int = 2024) -> String {
        ReportingPeriod(year: year, span: .quarter(number))!.description
    }

    /// A plan's progress quarter by quarter, every status occurring, then as of a day.
    static let progressPeriods: [ProgressBar] = [
        ProgressBar(label: quarter(1), counts: counts([.notReported: 14, .notStarted: 4, .onTrack: 2])),
        ProgressBar(
            label: quarter(2),
            counts: counts([.done: 3, .onTrack: 8, .notStarted: 2, .dueSoon: 2, .notReported: 3, .overdue: 2])),
        ProgressBar(
            label: quarter(3),
            counts: counts([
                .done: 7, .notApplicable: 1, .onTrack: 6, .notStarted: 1, .dueSoon: 1, .notReported: 1, .overdue: 3,
            ])),
        ProgressBar(
            label: quarter(4),
            counts: counts([.done: 12, .notApplicable: 1, .onTrack: 3, .dueSoon: 1, .overdue: 3])),
        ProgressBar(label: "Đến 21/11/2026", counts: counts([.done: 16, .notApplicable: 2, .overdue: 2])),
    ]
}

@Suite("Charts golden files")
struct ChartsGoldenTests {
    @Test func criteriaSeedAppendix() throws {
        let chart = criteriaChart(
            id: "pl1-par", title: "Điểm các tiêu chí PAR INDEX năm 2023 và mục tiêu năm 2024",
            rows: ChartSamples.seedAppendix)
        try expectGolden(chart.svg + "\n", "charts/criteria-seed-000.svg")
        #expect(
            chart.table.headers == [
                "Tiêu chí", "Điểm tối đa", "Điểm năm trước", "Mục tiêu", "Còn thiếu so với tối đa",
            ])
        #expect(chart.table.rows.count == 15)
        #expect(
            chart.table.rows[1] == [
                "1.2 Thực hiện nhiệm vụ được CP, TTg giao", "1,5", "1,4888", "1,5", "0,0112",
            ])
        #expect(
            chart.table.rows[13] == [
                "Tình hình thực hiện Quy chế làm việc của UBND tỉnh", "1", "0,79", "0,8", "0,21",
            ])
        #expect(chart.svg.contains(">1,4888 / 1,5 (mục tiêu 1,5)</text>"))
    }

    @Test func criteriaSingleRow() throws {
        let rows = [
            CriterionRow(
                code: "1.2", title: "Thực hiện nhiệm vụ được CP, TTg giao", max: q("1,5"),
                last: q("1,4888"), target: q("1,5"))
        ]
        let chart = criteriaChart(id: "single", title: "Một tiêu chí", rows: rows)
        try expectGolden(chart.svg + "\n", "charts/criteria-single.svg")
    }

    @Test func criteriaAtMaximum() throws {
        let rows = [
            CriterionRow(
                code: "2.1", title: "Điểm bằng tối đa", max: q("1"), last: q("1"), target: q("1")),
            CriterionRow(code: "2.2", title: "Chưa có điểm năm trước", max: q("3"), target: q("3")),
            CriterionRow(code: "2.3", title: "Không có mục tiêu", max: q("3"), last: q("3")),
        ]
        let chart = criteriaChart(id: "at-max", title: "Điểm bằng điểm tối đa", rows: rows)
        try expectGolden(chart.svg + "\n", "charts/criteria-at-max.svg")
        #expect(chart.table.rows[1] == ["2.2 Chưa có điểm năm trước", "3", "—", "3", "—"])
        #expect(chart.table.rows[2] == ["2.3 Không có mục tiêu", "3", "3", "—", "0"])
    }

    @Test func criteriaAppendixOf150Rows() throws {
        let chart = criteriaChart(
            id: "long", title: "Phụ lục 150 tiêu chí", rows: ChartSamples.appendix150)
        try expectGolden(chart.svg + "\n", "charts/criteria-150-rows.svg")
        #expect(chart.table.rows.count == 150)
    }

    @Test func criteriaEmpty() throws {
        let chart = criteriaChart(id: "empty", title: "Chưa có tiêu chí", rows: [])
        try expectGolden(chart.svg + "\n", "charts/criteria-empty.svg")
        #expect(chart.table.rows.isEmpty)
        #expect(chart.table.headers.count == 5)
    }

    @Test func historyPAPIDakNong() throws {
        let points = [
            HistoryPoint(year: 2023, score: q("38,97"), group: "Thấp"),
            HistoryPoint(year: 2022, score: q("40,52")),
        ]
        let chart = historyChart(
            id: "papi-dak-nong", title: "PAPI của tỉnh Đắk Nông", index: .papi, points: points)
        try expectGolden(chart.svg + "\n", "charts/history-papi-dak-nong.svg")
        #expect(chart.table.headers == ["Năm", "Điểm", "Xếp hạng", "Nhóm"])
        #expect(chart.table.rows == [["2022", "40,52", "—", "—"], ["2023", "38,97", "—", "Thấp"]])
    }

    @Test func historySinglePoint() throws {
        let result = IndexResult(
            locality: "Quảng Nam", index: .parIndex, year: 2021, score: q("86,57"), rank: 33, outOf: 63,
            group: "B")
        let chart = historyChart(
            id: "par-quang-nam", title: "PAR INDEX của tỉnh Quảng Nam", index: .parIndex,
            points: [try #require(HistoryPoint(result))])
        try expectGolden(chart.svg + "\n", "charts/history-par-index-quang-nam.svg")
        #expect(chart.table.rows == [["2021", "86,57", "33/63", "B"]])
    }

    @Test func historyManyYearsTurnsToRows() throws {
        let points = (2000..<2030).map { year in
            HistoryPoint(
                year: year, score: Quantity(Decimal(60 + (year * 7) % 30) + Decimal(string: "0.25")!),
                rank: (year * 13) % 63 + 1, outOf: 63)
        }
        let scene = historyScene(id: "many", title: "SIPAS qua 30 năm", index: .sipas, points: points)
        #expect(scene.plotAreas.count == 1)
        let chart = historyChart(id: "many", title: "SIPAS qua 30 năm", index: .sipas, points: points)
        try expectGolden(chart.svg + "\n", "charts/history-sipas-30-years.svg")
    }

    @Test func workload() throws {
        let chart = workloadChart(
            id: "so-noi-vu", title: "Nhiệm vụ của Sở Nội vụ",
            byRole: [.lead: 12, .cooperating: 31, .monitoring: 0],
            byTimeFrame: [.ongoing: 20, .yearly: 9, .dated: 11, .other: 3])
        try expectGolden(chart.svg + "\n", "charts/workload.svg")
        #expect(chart.table.headers == ["Nhóm", "Số nhiệm vụ"])
        #expect(
            chart.table.rows == [
                ["Vai trò: Chủ trì", "12"], ["Vai trò: Phối hợp", "31"],
                ["Vai trò: \(TaskRole.monitoring.label)", "0"],
                ["Thời hạn: Có hạn cụ thể", "11"], ["Thời hạn: Hằng năm", "9"],
                ["Thời hạn: Thường xuyên", "20"],
                ["Thời hạn: Khác", "3"],
            ])
    }

    @Test func planSummary() throws {
        let areas = [
            AreaSummary(label: "1. Công tác chỉ đạo điều hành", tasks: 4, maxPoints: q("2,5")),
            AreaSummary(label: "2. Cải cách thủ tục hành chính", tasks: 15, maxPoints: q("8")),
            AreaSummary(label: "3. Cải cách tổ chức bộ máy hành chính", tasks: 1, maxPoints: q("1")),
            AreaSummary(
                label:
                    "4. Hiện đại hóa hành chính (xây dựng và phát triển chính quyền điện tử, chính quyền số)",
                tasks: 1, maxPoints: q("1,5")),
            AreaSummary(label: "Nhiệm vụ chung", tasks: 3),
        ]
        let chart = planSummaryChart(
            id: "plan-summary", title: "Nhiệm vụ và điểm theo lĩnh vực", areas: areas)
        try expectGolden(chart.svg + "\n", "charts/plan-summary.svg")
        #expect(chart.table.headers == ["Lĩnh vực", "Số nhiệm vụ", "Điểm tối đa"])
        #expect(chart.table.rows[1] == ["2. Cải cách thủ tục hành chính", "15", "8"])
        #expect(chart.table.rows[4] == ["Nhiệm vụ chung", "3", "—"])
    }

    @Test func planSummaryWithoutPoints() throws {
        let areas = [
            AreaSummary(label: "Chỉ số Công khai, minh bạch", tasks: 7),
            AreaSummary(label: "Chỉ số Trách nhiệm giải trình với người dân", tasks: 5),
            AreaSummary(label: "Chỉ số Quản trị điện tử", tasks: 0),
        ]
        let chart = planSummaryChart(
            id: "papi-plan", title: "Nhiệm vụ theo chỉ số nội dung PAPI", areas: areas)
        try expectGolden(chart.svg + "\n", "charts/plan-summary-tasks-only.svg")
        #expect(!chart.svg.contains("<pattern"))
    }
}

@Suite("Progress charts golden files")
struct ProgressChartGoldenTests {
    @Test func empty() throws {
        let chart = progressChart(id: "progress-empty", title: "Tiến độ thực hiện", bars: [])
        try expectGolden(chart.svg + "\n", "charts/progress-empty.svg")
        #expect(chart.table.headers == ["Kỳ", "Tổng số", "Tỷ lệ hoàn thành"])
        #expect(chart.table.rows.isEmpty)
        // Bars without any task draw the same empty chart.
        let zeros = [ProgressBar(label: "Quý I/2024", counts: ProgressCounts())]
        #expect(progressChart(id: "progress-empty", title: "Tiến độ thực hiện", bars: zeros) == chart)
    }

    @Test func oneBar() throws {
        let bar = ProgressBar(
            label: ChartSamples.quarter(3),
            counts: ChartSamples.counts([.done: 9, .onTrack: 5, .dueSoon: 2, .notReported: 1, .overdue: 3]))
        let chart = progressChart(id: "progress-one", title: "Tiến độ Quý III/2024", bars: [bar])
        try expectGolden(chart.svg + "\n", "charts/progress-one-bar.svg")
        #expect(
            chart.table.headers == [
                "Kỳ", "Hoàn thành", "Đang thực hiện, đúng tiến độ", "Sắp đến hạn", "Chưa có báo cáo", "Quá hạn",
                "Tổng số", "Tỷ lệ hoàn thành",
            ])
        #expect(chart.table.rows == [["Quý III/2024", "9", "5", "2", "1", "3", "20", "45%"]])
        #expect(chart.svg.contains(">45% hoàn thành · 20 nhiệm vụ</text>"))
        #expect(chart.svg.contains("><title>Quý III/2024 – Quá hạn: 3 nhiệm vụ</title></rect>"))
    }

    @Test func severalPeriodsWithEveryStatus() throws {
        let chart = progressChart(
            id: "progress-plan", title: "Tiến độ thực hiện kế hoạch theo quý",
            bars: ChartSamples.progressPeriods)
        try expectGolden(chart.svg + "\n", "charts/progress-periods.svg")
        #expect(chart.table.headers == ["Kỳ"] + progressSegmentOrder.map(\.label) + ["Tổng số", "Tỷ lệ hoàn thành"])
        #expect(
            chart.table.rows.map(\.first) == [
                "Quý I/2024", "Quý II/2024", "Quý III/2024", "Quý IV/2024", "Đến 21/11/2026",
            ])
        // 16 done of the 18 that apply ("không áp dụng" is neither done nor in the share).
        #expect(chart.table.rows[4] == ["Đến 21/11/2026", "16", "2", "0", "0", "0", "0", "2", "20", "88%"])
        #expect(chart.table.rows[0].suffix(2) == ["20", "0%"])
        for status in TaskStatus.allCases {
            #expect(chart.svg.contains(">\(status.label)</text>"), "legend: \(status)")
        }
    }

    @Test func barWithoutTasks() throws {
        let bars = [
            ProgressBar(label: ChartSamples.quarter(1), counts: ProgressCounts()),
            ProgressBar(label: ChartSamples.quarter(2), counts: ChartSamples.counts([.onTrack: 4, .notStarted: 1])),
        ]
        let chart = progressChart(id: "progress-zero", title: "Kỳ chưa có nhiệm vụ", bars: bars)
        try expectGolden(chart.svg + "\n", "charts/progress-zero-total.svg")
        #expect(chart.table.rows[0] == ["Quý I/2024", "0", "0", "0", "—"])
        #expect(chart.table.rows[1] == ["Quý II/2024", "4", "1", "5", "0%"])
        #expect(chart.svg.contains(">0 nhiệm vụ</text>"))
    }

    @Test func longLabel() throws {
        let label =
            "Kết quả thực hiện đến hết 6 tháng cuối năm 2025 của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh"
        let bars = [
            ProgressBar(label: label, counts: ChartSamples.counts([.done: 1, .notReported: 1500])),
            ProgressBar(label: "Năm 2025", counts: ChartSamples.counts([.done: 120, .dueSoon: 8, .overdue: 1])),
        ]
        let chart = progressChart(id: "progress-long", title: "Nhãn dài", bars: bars)
        try expectGolden(chart.svg + "\n", "charts/progress-long-label.svg")
        #expect(chart.svg.contains("<g>\n<title>\(label): 0% hoàn thành · 1501 nhiệm vụ</title>\n"))
        #expect(chart.svg.contains("…</text>"))
        #expect(chart.table.rows[0][0] == label)
        #expect(chart.table.rows[0].suffix(2) == ["1501", "0%"])
    }
}

@Suite("Progress charts behaviour")
struct ProgressChartBehaviourTests {
    @Test func segmentsFollowTheStatusOrderAndFillTheTrack() throws {
        let layout = try #require(
            ProgressChartLayout(id: "p", title: "T", bars: ChartSamples.progressPeriods))
        #expect(layout.statuses == progressSegmentOrder)
        for row in layout.rows {
            let statuses = row.segments.map(\.status)
            #expect(statuses == progressSegmentOrder.filter { row.bar.counts[$0] > 0 })
            #expect(row.segments.first?.rect.x == row.track.x)
            let total = row.segments.reduce(0) { $0 + $1.rect.width }
            #expect(abs(total - row.track.width) < 1e-6)
            for (segment, next) in zip(row.segments, row.segments.dropFirst()) {
                #expect(abs(segment.rect.maxX - next.rect.x) < 1e-6)
            }
        }
    }

    @Test func segmentsAreProportionalWithAVisibleMinimum() {
        #expect(ProgressChartLayout.allocate([1, 1, 2], tenths: 40, minimum: 3) == [10, 10, 20])
        #expect(ProgressChartLayout.allocate([1, 1, 1], tenths: 10, minimum: 3) == [4, 3, 3])
        #expect(ProgressChartLayout.allocate([0, 5, 0], tenths: 3000, minimum: 30) == [0, 3000, 0])
        #expect(ProgressChartLayout.allocate([0, 0], tenths: 3000, minimum: 30) == [0, 0])
        // One task of 10 000 still shows; the others give up the room in proportion.
        let widths = ProgressChartLayout.allocate([9_999, 1], tenths: 4000, minimum: 30)
        #expect(widths == [3970, 30])
        // Too many statuses for the minimum: plain proportions.
        #expect(ProgressChartLayout.allocate([100, 1, 1], tenths: 50, minimum: 30) == [49, 1, 0])
    }

    @Test func statusesDifferWithoutColour() {
        let patterns = TaskStatus.allCases.compactMap { $0.chartPattern(chartID: "p") }
        #expect(TaskStatus.done.chartTexture == nil)
        #expect(patterns.count == TaskStatus.allCases.count - 1)
        #expect(Set(patterns.map(\.texture)).count == patterns.count)
        #expect(Set(TaskStatus.allCases.map(\.chartColour)).count == TaskStatus.allCases.count)
        #expect(TaskStatus.overdue.chartPattern(chartID: "p")?.id == "p-overdue")
        #expect(TaskStatus.dueSoon.chartPaint(chartID: "p") == "url(#p-due-soon)")
        for colour in Palette.statusColours {
            #expect(contrastAgainstWhite(colour) >= 3, "\(colour)")
        }
    }

    @Test func onlyStatusesWithTasksAreShown() {
        let bars = [ProgressBar(label: "Năm 2024", counts: ChartSamples.counts([.done: 2, .overdue: 1]))]
        let chart = progressChart(id: "p", title: "T", bars: bars)
        #expect(chart.table.headers == ["Kỳ", "Hoàn thành", "Quá hạn", "Tổng số", "Tỷ lệ hoàn thành"])
        #expect(chart.table.rows == [["Năm 2024", "2", "1", "3", "66%"]])
        #expect(chart.svg.contains("<pattern id=\"p-overdue\""))
        #expect(!chart.svg.contains("p-due-soon"))
        #expect(!chart.svg.contains(">Sắp đến hạn</text>"))
        #expect(chart.svg.contains("<desc id=\"p-desc\">"))
        #expect(chart.svg.contains("Năm 2024: 66% hoàn thành trong 3 nhiệm vụ (Hoàn thành: 2; Quá hạn: 1).</desc>"))
    }

    @Test func numbersAreWrittenTheVietnameseWay() {
        #expect(percentText(45) == "45%")
        #expect(progressText(ChartSamples.counts([.done: 1, .onTrack: 12_344])) == "0% hoàn thành · 12.345 nhiệm vụ")
        #expect(progressText(ProgressCounts()) == "0 nhiệm vụ")
        let bar = ProgressBar(label: "Quý III/2024", counts: ChartSamples.counts([.overdue: 3]))
        #expect(segmentTitle(bar, .overdue) == "Quý III/2024 – Quá hạn: 3 nhiệm vụ")
    }
}

@Suite("Charts behaviour")
struct ChartsBehaviourTests {
    @Test func escapesEveryMarkupCharacter() {
        #expect(
            XMLText.escape(ChartSamples.injection)
                == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
        #expect(XMLText.escape("a'b\u{1}c") == "a&#39;bc")
    }

    @Test func injectedLabelsNeverAppearUnescaped() {
        let bad = ChartSamples.injection
        let charts = [
            criteriaChart(
                id: "x", title: bad, rows: [CriterionRow(code: bad, title: bad, group: bad, max: q("1"))]),
            historyChart(
                id: "x", title: bad, index: .papi,
                points: [HistoryPoint(year: 2020, score: q("40"), group: bad)]),
            workloadChart(id: "x", title: bad, byRole: [.lead: 1], byTimeFrame: [:]),
            planSummaryChart(
                id: "x", title: bad, areas: [AreaSummary(label: bad, tasks: 2, maxPoints: q("1"))]),
            criteriaChart(id: "x", title: bad, rows: []),
            progressChart(
                id: "x", title: bad, bars: [ProgressBar(label: bad, counts: ChartSamples.counts([.overdue: 1]))]),
        ]
        for chart in charts {
            #expect(!chart.svg.contains("<script"))
            #expect(!chart.svg.contains("& "))
            #expect(!chart.svg.contains("\"x\""))
            #expect(chart.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        }
    }

    @Test func coordinatesHaveOneFixedDecimal() {
        #expect(svgNumber(12) == "12")
        #expect(svgNumber(12.25) == "12.3")
        #expect(svgNumber(0.04) == "0")
        #expect(svgNumber(-0.04) == "0")
        #expect(svgNumber(-1.25) == "-1.3")
        #expect(svgNumber(1234567.891) == "1234567.9")
        #expect(svgNumber(.nan) == "0")
    }

    @Test func longLabelsAreCutWithAnEllipsis() {
        let label =
            "Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền"
        let fitted = TextMetrics.fit(label, width: 200, size: 12)
        #expect(fitted.truncated)
        #expect(fitted.text.hasSuffix("…"))
        #expect(label.hasPrefix(String(fitted.text.dropLast())))
        #expect(TextMetrics.width(fitted.text, size: 12) <= 200)
        let short = TextMetrics.fit("Chủ trì", width: 200, size: 12)
        #expect(short.text == "Chủ trì" && !short.truncated)
        // Diacritics take no width of their own: precomposed and decomposed forms measure alike.
        #expect(TextMetrics.width("Ễ", size: 12) == TextMetrics.width("E\u{0302}\u{0303}", size: 12))
    }

    @Test func truncatedRowsCarryTheFullLabelAsTooltip() {
        let title =
            "Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh"
        let chart = criteriaChart(
            id: "t", title: "t",
            rows: [CriterionRow(code: "2.4", title: title, max: q("1"), last: q("1"))])
        #expect(chart.svg.contains("<g>\n<title>2.4 \(title): 1 / 1</title>\n"))
        #expect(chart.svg.contains("…</text>"))
        #expect(chart.table.rows[0][0] == "2.4 " + title)
    }

    @Test func axisTicksAreRoundAndStartAtZero() {
        #expect(Axis(maximum: 1.5, length: 253).ticks == [0, 0.5, 1, 1.5])
        #expect(Axis(maximum: 100, length: 200, spacing: 40).ticks == [0, 20, 40, 60, 80, 100])
        #expect(Axis(maximum: 80, length: 200, spacing: 40).ticks == [0, 20, 40, 60, 80])
        #expect(Axis(maximum: 3, length: 300, integer: true).ticks == [0, 1, 2, 3])
        #expect(Axis(maximum: 0, length: 300, integer: true).ticks == [0, 1])
        #expect(Axis.label(0.25) == "0,25")
        #expect(Axis.label(12500) == "12.500")
    }

    @Test func everyChartHasTheRequiredFrame() {
        let charts: [(String, Chart)] = [
            ("c", criteriaChart(id: "c", title: "T", rows: ChartSamples.seedAppendix)),
            (
                "h",
                historyChart(
                    id: "h", title: "T", index: .sipas, points: [HistoryPoint(year: 2020, score: q("80,1"))])
            ),
            ("w", workloadChart(id: "w", title: "T", byRole: [.lead: 3], byTimeFrame: [.yearly: 2])),
            ("p", planSummaryChart(id: "p", title: "T", areas: [AreaSummary(label: "A", tasks: 1)])),
            ("e", workloadChart(id: "e", title: "T", byRole: [:], byTimeFrame: [:])),
            ("g", progressChart(id: "g", title: "T", bars: ChartSamples.progressPeriods)),
        ]
        for (id, chart) in charts {
            #expect(
                chart.svg.hasPrefix(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 720 "))
            #expect(chart.svg.contains("aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">\n"))
            #expect(chart.svg.contains("<title id=\"\(id)-title\">T</title>\n<desc id=\"\(id)-desc\">"))
            #expect(chart.svg.hasSuffix("</svg>"))
            #expect(chart.table.caption == "T")
            for match in chart.svg.matches(of: /<pattern id="([^"]+)"/) {
                #expect(match.output.1.hasPrefix("\(id)-"))
            }
        }
    }

    @Test func emptyDataSaysSo() {
        let charts = [
            criteriaChart(id: "e", title: "T", rows: []),
            historyChart(id: "e", title: "T", index: .papi, points: []),
            workloadChart(id: "e", title: "T", byRole: [:], byTimeFrame: [:]),
            planSummaryChart(id: "e", title: "T", areas: []),
            progressChart(id: "e", title: "T", bars: []),
            progressChart(id: "e", title: "T", bars: [ProgressBar(label: "Quý I/2024", counts: ProgressCounts())]),
        ]
        for chart in charts {
            #expect(chart.svg.contains(">Chưa có số liệu</text>"))
            #expect(chart.svg.contains("<desc id=\"e-desc\">Chưa có số liệu để vẽ biểu đồ này.</desc>"))
            #expect(chart.table.rows.isEmpty)
            #expect(!chart.table.headers.isEmpty)
        }
    }

    @Test func outputIsDeterministic() {
        let a = criteriaChart(id: "d", title: "T", rows: ChartSamples.appendix150)
        let b = criteriaChart(id: "d", title: "T", rows: ChartSamples.appendix150)
        #expect(a == b)
    }

    @Test func textColoursContrastWithWhite() {
        for colour in Palette.textColours {
            #expect(contrastAgainstWhite(colour) >= 4.5, "\(colour)")
        }
        let scenes = [
            criteriaScene(id: "c", title: "T", rows: ChartSamples.seedAppendix),
            historyScene(
                id: "h", title: "T", index: .parIndex,
                points: [HistoryPoint(year: 2021, score: q("86,57"), rank: 33, outOf: 63, group: "B")]),
            progressScene(id: "g", title: "T", bars: ChartSamples.progressPeriods),
        ]
        for label in scenes.flatMap(\.labels) {
            #expect(contrastAgainstWhite(label.style.fill) >= 4.5)
            #expect(label.style.size >= 12)
        }
    }
}

/// The WCAG contrast ratio of "#rrggbb" against white.
func contrastAgainstWhite(_ hex: String) -> Double {
    let digits = hex.dropFirst()
    let channels = stride(from: 0, to: 6, by: 2).map { offset -> Double in
        let start = digits.index(digits.startIndex, offsetBy: offset)
        let value = Double(Int(digits[start..<digits.index(start, offsetBy: 2)], radix: 16) ?? 0) / 255
        return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return 1.05 / (luminance + 0.05)
}

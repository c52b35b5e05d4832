import PlansiteAssess
import PlansiteCharts
import PlansiteModel

/// The charts of each page, drawn at build time from model values (PlansiteCharts).
enum PageCharts {
    /// The chart with its table; a column of the table that is blank ("" or "—") in every row
    /// is left out (a plan with no points has no "Điểm tối đa" column of dashes).
    static func view(_ chart: Chart) -> ChartView {
        let table = chart.table
        let kept = table.headers.indices.filter { column in
            column == 0 || table.rows.isEmpty
                || table.rows.contains { column < $0.count && !isBlankCell($0[column]) }
        }
        func pick(_ row: [String]) -> [String] { kept.filter { $0 < row.count }.map { row[$0] } }
        let headers = pick(table.headers)
        return ChartView(
            svg: chart.svg, caption: table.caption, headers: headers,
            rows: table.rows.map { row in
                let cells = pick(row)
                return ChartRow(
                    header: cells.first ?? "",
                    cells: cells.dropFirst().enumerated().map { column, value in
                        LabelledCell(label: column + 1 < headers.count ? headers[column + 1] : "", value: value)
                    })
            })
    }

    /// A table cell with nothing to say: empty, or the dash a chart table writes for a missing value.
    static func isBlankCell(_ cell: String) -> Bool {
        let text = cell.trimmingWhitespace()
        return text.isEmpty || text == "—" || text == "-"
    }

    /// Max, last year's score and target of every row that has points, grouped by area.
    static func criteria(_ appendix: Appendix, heading: String) -> ChartView? {
        guard appendix.hasPoints else { return nil }
        var rows: [CriterionRow] = []
        for area in appendix.criteria {
            let group = [area.code, area.title].compactMap { $0 }.joined(separator: ". ")
            for (criterion, depth) in area.flattened() {
                guard let max = criterion.max else { continue }
                rows.append(
                    CriterionRow(
                        code: criterion.code, title: criterion.title, group: group, depth: depth, max: max,
                        last: criterion.last, target: criterion.target))
            }
        }
        return view(
            criteriaChart(
                id: "bieu-do-pl\(appendix.number)",
                title: "\(heading): điểm tối đa, điểm năm trước và mục tiêu theo từng tiêu chí", rows: rows))
    }

    /// Tasks and points at stake per area or dimension of every appendix.
    static func planSummary(_ plan: Plan) -> ChartView? {
        var areas: [AreaSummary] = []
        if !plan.tasks.isEmpty { areas.append(AreaSummary(label: "Nhiệm vụ trong văn bản", tasks: plan.tasks.count)) }
        for appendix in plan.appendices {
            for area in appendix.criteria {
                let tasks = area.flattened().reduce(0) { $0 + $1.criterion.tasks.count }
                let label =
                    "PL\(appendix.number) · " + [area.code, area.title].compactMap { $0 }.joined(separator: ". ")
                areas.append(AreaSummary(label: label, tasks: tasks, maxPoints: area.max ?? childPoints(area)))
            }
        }
        guard !areas.isEmpty else { return nil }
        return view(
            planSummaryChart(
                id: "bieu-do-tong-quan",
                title: areas.contains { $0.maxPoints != nil }
                    ? "Số nhiệm vụ và điểm tối đa theo lĩnh vực, chỉ số nội dung"
                    : "Số nhiệm vụ theo lĩnh vực, chỉ số nội dung",
                areas: areas))
    }

    /// An area without its own points is worth what its criteria are worth, when they all have points.
    private static func childPoints(_ area: Criterion) -> Quantity? {
        let points = area.children.compactMap(\.max)
        guard !area.children.isEmpty, points.count == area.children.count else { return nil }
        return points.reduce(Quantity.zero, +)
    }

    /// One chart per locality with results for this index: its total year by year.
    static func history(_ results: [IndexResult], index: IndexKind, localities: [LocalityID: Locality], id: String)
        -> [ChartView]
    {
        let byLocality = Dictionary(
            grouping: results.filter { $0.index == index && $0.score != nil }, by: \.locality)
        return byLocality.keys.sorted().map { locality in
            let name = localities[locality]?.name ?? locality.rawValue
            let points = byLocality[locality]!.sorted { $0.year < $1.year }.compactMap(HistoryPoint.init)
            return view(
                historyChart(
                    id: "\(id)-\(index.slug)-\(locality)", title: "\(index.acronym) của \(name) qua các năm",
                    index: index, points: points))
        }
    }

    static func workload(id: String, title: String, roles: RoleCounts, categories: [TimeFrame.Category: Int])
        -> ChartView
    {
        var byRole: [TaskRole: Int] = [:]
        for role in TaskRole.allCases { byRole[role] = roles[role] }
        var byTimeFrame: [TimeFrame.Category: Int] = [:]
        for category in TimeFrame.Category.allCases { byTimeFrame[category] = categories[category] ?? 0 }
        return view(workloadChart(id: id, title: title, byRole: byRole, byTimeFrame: byTimeFrame))
    }
}

extension PageCharts {
    /// Tasks by status at the end of each reporting period, then on the as-of date.
    static func progress(id: String, title: String, bars: [(label: String, counts: ProgressCounts)]) -> ChartView? {
        guard bars.contains(where: { $0.counts.total > 0 }) else { return nil }
        return view(
            progressChart(id: id, title: title, bars: bars.map { ProgressBar(label: $0.label, counts: $0.counts) }))
    }
}

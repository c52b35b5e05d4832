import PlansiteModel
import PlansiteWording

/// A department's tasks counted two ways: by the role it plays and by the kind of time frame,
/// as two groups of horizontal bars on one scale, each count written at its bar's end.
///
/// Only the roles and categories present in the dictionaries are drawn, in their declared
/// order; pass a count of 0 to show an empty bar.
///
/// - Parameters:
///   - id: A unique ASCII slug for the page; prefixes the ids inside the SVG.
///   - title: What the chart shows, with the department, for its `<title>` and the table caption.
public func workloadChart(
    id: String, title: String, byRole: [TaskRole: Int], byTimeFrame: [TimeFrame.Category: Int]
) -> Chart {
    let headers = ["Nhóm", "Số nhiệm vụ"]
    let groups = workloadGroups(byRole: byRole, byTimeFrame: byTimeFrame)
    guard !groups.allSatisfy(\.rows.isEmpty) else {
        return emptyChart(id: id, title: title, headers: headers)
    }
    let rows = groups.flatMap { group in
        group.rows.map { ["\(group.prefix): \($0.label)", VietnameseNumber.format($0.count)] }
    }
    return Chart(
        svg: SVGWriter.write(
            workloadScene(id: id, title: title, byRole: byRole, byTimeFrame: byTimeFrame)),
        table: ChartTable(caption: title, headers: headers, rows: rows))
}

/// One of the two groups: its heading, the word its table rows start with, its bars.
struct WorkloadGroup: Hashable, Sendable {
    struct Count: Hashable, Sendable {
        let label: String
        let count: Int
    }

    let heading: String
    let prefix: String
    let fill: String
    let rows: [Count]
}

func workloadGroups(byRole: [TaskRole: Int], byTimeFrame: [TimeFrame.Category: Int])
    -> [WorkloadGroup]
{
    [
        WorkloadGroup(
            heading: "Theo vai trò", prefix: "Vai trò", fill: Palette.blue,
            rows: TaskRole.allCases.compactMap { role in
                byRole[role].map { .init(label: role.label, count: $0) }
            }),
        WorkloadGroup(
            heading: "Theo thời hạn thực hiện", prefix: "Thời hạn", fill: Palette.green,
            rows: TimeFrame.Category.allCases.compactMap { category in
                byTimeFrame[category].map { .init(label: category.label, count: $0) }
            }),
    ]
}

func workloadScene(
    id: String, title: String, byRole: [TaskRole: Int], byTimeFrame: [TimeFrame.Category: Int]
) -> Scene {
    let groups = workloadGroups(byRole: byRole, byTimeFrame: byTimeFrame)
    guard !groups.allSatisfy(\.rows.isEmpty) else { return emptyScene(id: id, title: title) }
    let sections = groups.filter { !$0.rows.isEmpty }.map { group in
        RowSection(
            heading: group.heading,
            rows: group.rows.map { row in
                let marks = [RowMark.bar(Double(row.count), thickness: 14, fill: group.fill)]
                return ChartRow(
                    label: row.label, cells: [RowCell(marks: marks, text: VietnameseNumber.format(row.count))]
                )
            })
    }
    let described = groups.filter { !$0.rows.isEmpty }.map { group in
        group.heading.lowercased() + " ("
            + group.rows.map { "\($0.label): \(VietnameseNumber.format($0.count))" }.joined(
                separator: "; ") + ")"
    }
    let desc = "Biểu đồ thanh ngang số nhiệm vụ " + described.joined(separator: " và ") + "."
    let spec = RowChartSpec(
        id: id, title: title, desc: desc, labelColumn: 220, panels: [RowPanel(integerTicks: true)],
        sections: sections)
    return RowChartLayout.scene(spec)
}

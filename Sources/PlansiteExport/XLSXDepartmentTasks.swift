import Foundation
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording
import PlansiteXLSX

/// `don-vi/<id>/nhiem-vu.xlsx`: a department's tasks across every plan, as an Excel table
/// with a filter on its header row: plan, reference, task, role, time frame and status on the
/// site's as-of date. The workbook's creation time is the as-of date, so a build of the same
/// content gives the same bytes.
enum DepartmentTasksWorkbook {
    static let headers = ["Kế hoạch", "Mã báo cáo", "Nhiệm vụ", "Vai trò", "Thời gian thực hiện", "Trạng thái"]

    /// The table's rows, in plan order and then document order (lead, cooperating and monitoring
    /// of one task are one row each).
    static func rows(_ entries: [TaskAssignment], progress: [PlanID: PlanProgress]) -> [[String]] {
        entries.map { entry in
            let text = (entry.task.text ?? "").collapsingWhitespace
            let context = entry.criterion.map { criterion in
                [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " ").collapsingWhitespace
            }
            let task = [context, text.isEmpty ? nil : text].compactMap { $0 }.joined(separator: ": ")
            let status = progress[entry.plan.slug]?[entry.task].status.label ?? ""
            return [
                "\(entry.plan.reference): \(entry.plan.title)".collapsingWhitespace, entry.task.reference, task,
                entry.role.label, entry.task.timeFrame?.text ?? "", status,
            ]
        }
    }

    static func data(_ department: Department, rows: [[String]], asOf: CalendarDate) -> Data {
        var sheet = XLSXSheet(
            name: "Nhiệm vụ",
            columns: [
                .init(width: 40), .init(width: 14), .init(width: 70), .init(width: 14), .init(width: 22),
                .init(width: 20),
            ])
        sheet.merges.append(
            .init(
                rows: 0...0, columns: 0...(headers.count - 1),
                text: "Nhiệm vụ của \(department.displayName) — tình trạng đến ngày \(asOf)",
                style: XLSXStyle(bold: true, wrap: false, fontSize: 14)))
        for (column, text) in headers.enumerated() {
            sheet.set(1, column, .text(text), XLSXStyle(bold: true, border: true, centred: true, fill: 0xD9E2F3))
        }
        for (offset, row) in rows.enumerated() {
            for (column, text) in row.enumerated() {
                sheet.set(2 + offset, column, .text(text), XLSXStyle(border: true))
            }
        }
        sheet.frozenRows = 2
        sheet.repeatRows = 1...1
        if !rows.isEmpty { sheet.autofilterHeaderRow = 1 }
        var components = DateComponents()
        (components.year, components.month, components.day) = (asOf.year, asOf.month, asOf.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let created = Int(calendar.date(from: components)!.timeIntervalSince1970)
        let workbook = XLSXWorkbook(
            sheets: [sheet], created: created, title: "Nhiệm vụ của \(department.displayName)",
            author: "plansite")
        // A description this simple fails only when the temporary folder cannot be written;
        // the file is then empty and the manifest's size and checksum say so.
        return (try? workbook.data()) ?? Data()
    }
}

extension Exports {
    /// `don-vi/<id>/nhiem-vu.xlsx` and `nhiem-vu.csv`: the department's tasks in every plan
    /// (`entries`, from `SiteAssessment.assignments`), with each task's status from `progress` (by
    /// plan slug). One table, worked out once for both files: the workbook with a filter on its
    /// header row, and the same columns and rows as CSV (`CSV.file`: BOM, CRLF, every cell through
    /// the formula guard) for programs that do not read Excel files.
    public static func departmentTaskFiles(
        _ department: Department, entries: [TaskAssignment], progress: [PlanID: PlanProgress], asOf: CalendarDate
    ) -> [OutputFile] {
        let rows = DepartmentTasksWorkbook.rows(entries, progress: progress)
        return [
            OutputFile(
                path: SiteMap.departmentTasksXLSX(department.id),
                data: DepartmentTasksWorkbook.data(department, rows: rows, asOf: asOf)),
            OutputFile(
                path: SiteMap.departmentTasksCSV(department.id),
                data: CSV.file(header: DepartmentTasksWorkbook.headers, rows: rows)),
        ]
    }
}

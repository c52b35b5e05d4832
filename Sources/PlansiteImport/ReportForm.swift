import Foundation
import PlansiteModel
import PlansiteWording
import PlansiteXLSX

/// `plansite new report --xlsx`: the progress report as an Excel form. The department's tasks
/// are listed with their reference, text, role and time frame in locked cells; the status
/// (a drop-down of the four statuses), percent (a whole number 0–100), note and evidence are
/// left to fill in. The sheet is protected without a password, so the locked cells cannot be
/// changed by mistake; `plansite import report` turns the filled form into the report YAML.
public enum ReportForm {
    /// The sheet's name, as diagnostics print it (`bao-cao.xlsx:Sheet1!E10`).
    public static let sheetName = "Sheet1"

    /// Zero-based rows and columns of the form.
    enum Layout {
        static let planRow = 1
        static let departmentRow = 2
        static let periodRow = 3
        static let dateRow = 4
        static let documentRow = 5
        static let hintRow = 6
        static let headerRow = 7
        static let firstTaskRow = 8
        static let labelColumn = 0
        static let valueColumn = 1
        /// Where the plan's and department's names are shown beside their slug and id.
        static let nameColumn = 2
        static let reference = 0
        static let task = 1
        static let role = 2
        static let time = 3
        static let status = 4
        static let percent = 5
        static let note = 6
        static let evidence = 7
        static let lastColumn = 7
    }

    /// Header labels of the task table, in column order.
    public static let headers = [
        "Mã báo cáo", "Nhiệm vụ", "Vai trò", "Thời gian thực hiện", "Trạng thái", "Tỷ lệ hoàn thành (%)", "Ghi chú",
        "Minh chứng",
    ]

    /// Labels of the header block, in row order from the plan's.
    static let fieldLabels = ["Kế hoạch:", "Đơn vị báo cáo:", "Kỳ báo cáo:", "Ngày báo cáo:", "Số văn bản:"]

    /// One task row of the form: what the locked cells say.
    struct Row: Equatable {
        var reference: String
        var task: String
        var role: String
        var time: String
    }

    /// The department's rows in the plan, in the order of the YAML scaffold.
    static func rows(of plan: Plan, for department: DepartmentID) -> [Row] {
        var rows: [Row] = []
        func add(_ task: PlanTask, context: String?) {
            guard let role = task.assignments.first(where: { $0.department == department })?.role else { return }
            let text = (task.text ?? "").collapsingWhitespace
            let label = [context, text.isEmpty ? nil : text].compactMap { $0 }.joined(separator: ": ")
            rows.append(
                Row(reference: task.reference, task: label, role: role.label, time: task.timeFrame?.text ?? ""))
        }
        for task in plan.tasks { add(task, context: nil) }
        for appendix in plan.appendices {
            for (criterion, _) in appendix.rows {
                for task in criterion.tasks {
                    let title = [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " ")
                    add(task, context: "PL\(appendix.number) \(title)".collapsingWhitespace)
                }
            }
        }
        return rows
    }

    /// The file name (beside the YAML report's, with .xlsx) and the workbook's bytes. The same
    /// content, options and date give the same bytes: the workbook's creation time is the date.
    public static func make(
        site: Site, plan slug: String, department query: String, period text: String, date: CalendarDate
    ) throws(ReportScaffold.Failure) -> (file: String, data: Data) {
        let (plan, period, department) = try ReportScaffold.resolve(
            site: site, plan: slug, department: query, period: text)
        let rows = rows(of: plan, for: department.id)
        let file = ReportScaffold.file(plan: slug, period: period, department: department)
        let name = (file as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: ".xlsx")
        let workbook = XLSXWorkbook(
            sheets: [sheet(plan: plan, department: department, period: period, date: date, rows: rows)],
            created: secondsSince1970(date),
            title: "Báo cáo tiến độ — \(department.displayName) — \(period)", author: department.displayName)
        do {
            return (name, try workbook.data())
        } catch {
            throw .formNotWritten(error.description)
        }
    }

    static func secondsSince1970(_ date: CalendarDate) -> Int {
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour) = (date.year, date.month, date.day, 8)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return Int(calendar.date(from: components)!.timeIntervalSince1970)
    }

    static func sheet(
        plan: Plan, department: Department, period: ReportingPeriod, date: CalendarDate, rows: [Row]
    ) -> XLSXSheet {
        typealias L = Layout
        let fill = XLSXStyle(locked: false, border: true, fill: 0xFFF8DC)
        let fillText = XLSXStyle(locked: false, border: true, text: true, fill: 0xFFF8DC)
        let locked = XLSXStyle(border: true)
        let label = XLSXStyle(bold: true, wrap: false)
        var sheet = XLSXSheet(
            name: sheetName,
            columns: [
                .init(width: 14), .init(width: 60), .init(width: 14), .init(width: 20), .init(width: 18),
                .init(width: 12), .init(width: 40), .init(width: 32),
            ])
        sheet.merges.append(
            .init(
                rows: 0...0, columns: 0...L.lastColumn,
                text: "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ — \(period.description.uppercased())",
                style: XLSXStyle(bold: true, wrap: false, centred: true, fontSize: 14)))
        sheet.rowHeights[0] = 24
        for (offset, text) in fieldLabels.enumerated() {
            sheet.set(L.planRow + offset, L.labelColumn, .text(text), label)
        }
        sheet.set(L.planRow, L.valueColumn, .text(plan.slug.rawValue), XLSXStyle(wrap: false))
        sheet.merges.append(
            .init(
                rows: L.planRow...L.planRow, columns: L.nameColumn...L.lastColumn,
                text: "\(plan.reference): \(plan.title)".collapsingWhitespace, style: XLSXStyle(wrap: false)))
        sheet.set(L.departmentRow, L.valueColumn, .text(department.id.rawValue), XLSXStyle(wrap: false))
        sheet.merges.append(
            .init(
                rows: L.departmentRow...L.departmentRow, columns: L.nameColumn...L.lastColumn,
                text: department.displayName, style: XLSXStyle(wrap: false)))
        sheet.set(L.periodRow, L.valueColumn, .text(period.description), fillText)
        sheet.set(L.dateRow, L.valueColumn, .text(date.description), fillText)
        sheet.set(L.documentRow, L.valueColumn, .blank, fillText)
        sheet.set(L.periodRow, L.nameColumn, .text("ví dụ: Quý III/2024, 6 tháng đầu năm 2024, Năm 2024"), hint)
        sheet.set(L.dateRow, L.nameColumn, .text("ngày/tháng/năm, ví dụ 19/9/2024"), hint)
        sheet.set(L.documentRow, L.nameColumn, .text("nếu có, ví dụ: Báo cáo số 45/BC-SNV"), hint)
        sheet.merges.append(
            .init(
                rows: L.hintRow...L.hintRow, columns: 0...L.lastColumn,
                text: "Chỉ ghi vào các ô nền vàng. Trạng thái: chọn trong danh sách; để trống nếu kỳ này không báo cáo "
                    + "nhiệm vụ đó. Tỷ lệ: số nguyên từ 0 đến 100. Minh chứng: số văn bản hoặc địa chỉ web, mỗi mục "
                    + "một dòng hoặc cách nhau bằng dấu ;. Không sửa, thêm hay xóa dòng.",
                style: XLSXStyle(italic: true)))
        sheet.rowHeights[L.hintRow] = 48
        for (column, text) in headers.enumerated() {
            sheet.set(
                L.headerRow, column, .text(text), XLSXStyle(bold: true, border: true, centred: true, fill: 0xD9E2F3))
        }
        for (offset, row) in rows.enumerated() {
            let line = L.firstTaskRow + offset
            sheet.set(line, L.reference, .text(row.reference), locked)
            sheet.set(line, L.task, .text(row.task), locked)
            sheet.set(line, L.role, .text(row.role), locked)
            sheet.set(line, L.time, .text(row.time), locked)
            sheet.set(line, L.status, .blank, fill)
            sheet.set(line, L.percent, .blank, fill)
            sheet.set(line, L.note, .blank, fillText)
            sheet.set(line, L.evidence, .blank, fillText)
        }
        let taskRows = L.firstTaskRow...(L.firstTaskRow + rows.count - 1)
        sheet.validations = [
            .init(
                .list(ReportStatus.allCases.map(\.rawValue)), column: L.status, rows: taskRows,
                errorTitle: "Trạng thái không hợp lệ",
                errorMessage: "Chọn một trong: " + ReportStatus.allCases.map(\.rawValue).joined(separator: ", "),
                prompt: ("Trạng thái", "Chọn trong danh sách; để trống nếu không báo cáo kỳ này")),
            .init(
                .wholeNumber(0, 100), column: L.percent, rows: taskRows, errorTitle: "Tỷ lệ không hợp lệ",
                errorMessage: "Ghi một số nguyên từ 0 đến 100"),
        ]
        sheet.frozenRows = L.firstTaskRow
        sheet.repeatRows = L.headerRow...L.headerRow
        sheet.protected = true
        return sheet
    }

    static let hint = XLSXStyle(italic: true, wrap: false, fontSize: 10)
}

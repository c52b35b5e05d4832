import Foundation
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted when it holds a comma, a
/// quote, CR or LF (quotes doubled); UTF-8 with a byte order mark so that Excel shows
/// Vietnamese correctly. Numbers are written with a decimal point (1.4888), so that any
/// program reads them the same way; the Vietnamese display is in the JSON. Every field is
/// first guarded against formula injection (`CSVCell.guarded`: a text starting with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`; a plain number stays a number). docs/exports.md.
public enum CSV {
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    static func field(_ cell: String) -> String {
        let value = CSVCell.guarded(cell)
        var needsQuotes = false
        var quotes = 0
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): quotes += 1
            case UInt8(ascii: ","), UInt8(ascii: "\r"), UInt8(ascii: "\n"): needsQuotes = true
            default: break
            }
        }
        guard needsQuotes || quotes > 0 else { return value }
        guard quotes > 0 else { return "\"" + value + "\"" }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(value.utf8.count + quotes + 2)
        for byte in value.utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// A whole file: BOM, header, rows.
    static func file(header: [String], rows: [[String]]) -> Data {
        var text = line(header)
        for row in rows { text += line(row) }
        return byteOrderMark + Data(text.utf8)
    }

    /// One CSV from several with the same header (the per-plan parts of a site-wide dataset):
    /// the BOM and header once, then every part's rows in the order given. A part whose header
    /// differs from `header` is a programming error.
    public static func concatenate(header: [String], parts: [Data]) -> Data {
        let headerLine = Data(line(header).utf8)
        var out = byteOrderMark + headerLine
        for part in parts {
            var body = part
            if body.starts(with: byteOrderMark) { body = body.dropFirst(byteOrderMark.count) }
            precondition(body.starts(with: headerLine), "a CSV part does not have the dataset's header")
            out += body.dropFirst(headerLine.count)
        }
        return out
    }
}

/// The CSV files of one plan.
enum PlanCSV {
    static func names(_ ids: [DepartmentID], _ departments: [DepartmentID: Department], full: Bool = false) -> String {
        ids.map { id in departments[id].map { full ? $0.name : $0.displayName } ?? id.rawValue }.joined(separator: "; ")
    }

    static func number(_ quantity: Quantity?) -> String { quantity.map { "\($0.value)" } ?? "" }

    // MARK: Progress

    /// The headings of the progress columns of every task table, before the link.
    static let progressHeader = [
        "Mã tham chiếu", "Tình trạng", "Hạn (dd/mm/yyyy)", "Kỳ báo cáo gần nhất", "Tỷ lệ hoàn thành gần nhất (%)",
    ]

    /// Reference, status, due date (dd/mm/yyyy), the latest report's period and percent, on the
    /// site's as-of date; empty for a criterion row without tasks.
    static func progressCells(_ task: PlanTask?, progress: PlanProgress) -> [String] {
        guard let task else { return Array(repeating: "", count: progressHeader.count) }
        let status = progress[task]
        return [
            task.reference, status.status.label, status.due?.description ?? "",
            status.latest?.period.description ?? "", number(status.latest?.percent),
        ]
    }

    // MARK: The tables of the plan page

    /// `phu-luc-<n>.csv`: one row per line of the appendix table on the plan page — a
    /// criterion with several tasks gives one row per task (its own cells repeated on each),
    /// a criterion without tasks one row. Headings are the appendix's own, as printed.
    static func appendix(
        _ appendix: Appendix, of plan: Plan, departments: [DepartmentID: Department], progress: PlanProgress,
        flat: FlatTexts = FlatTexts()
    ) -> Data {
        let labels = appendix.columns
        let header =
            [
                "STT", labels.criterion, labels.max, labels.last, labels.target, labels.task, "Ghi chú", labels.lead,
                labels.cooperating, labels.monitoring, labels.time, "Hạn chót (ISO 8601)",
            ] + progressHeader + ["Liên kết"]
        var rows: [[String]] = []
        for (criterion, _) in appendix.rows {
            let tasks: [PlanTask?] = criterion.tasks.isEmpty ? [nil] : criterion.tasks
            for task in tasks {
                rows.append(
                    [
                        criterion.code ?? "", criterion.title, number(criterion.max), number(criterion.last),
                        number(criterion.target),
                    ] + taskCells(task, departments: departments, flat: flat)
                        + progressCells(task, progress: progress) + [
                            SiteMap.row(plan.slug, task?.anchor ?? criterion.anchor)
                        ])
            }
        }
        return CSV.file(header: header, rows: rows)
    }

    /// `nhiem-vu.csv`: the tasks of the plan itself, as listed on the plan page.
    static func planTasks(
        _ plan: Plan, departments: [DepartmentID: Department], progress: PlanProgress, flat: FlatTexts = FlatTexts()
    ) -> Data {
        let header =
            [
                "STT", "Nhiệm vụ", "Ghi chú", "Chủ trì", "Phối hợp", "Hướng dẫn, theo dõi, giám sát",
                "Thời gian thực hiện", "Hạn chót (ISO 8601)",
            ] + progressHeader + ["Liên kết"]
        let rows = plan.tasks.map { task in
            [task.code ?? ""] + taskCells(task, departments: departments, flat: flat)
                + progressCells(task, progress: progress) + [SiteMap.row(plan.slug, task.anchor)]
        }
        return CSV.file(header: header, rows: rows)
    }

    /// PlanTask text, note, lead, cooperating, monitoring, time, ISO deadline.
    private static func taskCells(_ task: PlanTask?, departments: [DepartmentID: Department], flat: FlatTexts)
        -> [String]
    {
        guard let task else { return Array(repeating: "", count: 7) }
        return [
            task.text.map { flat($0) } ?? "", task.note ?? "", names(task.lead, departments),
            names(task.cooperating, departments), names(task.monitoring, departments), task.timeFrame?.text ?? "",
            task.timeFrame?.deadline?.iso ?? "",
        ]
    }

    // MARK: The site-wide datasets, per plan

    static let allTasksHeader = [
        "Kế hoạch", "Văn bản", "Ngày văn bản", "Năm", "Mã địa phương", "Địa phương", "Cơ quan ban hành", "Phụ lục",
        "Chỉ số", "Mã tiêu chí", "Tiêu chí", "Mã nhiệm vụ", "Mã tham chiếu", "Nhiệm vụ", "Ghi chú", "Chủ trì",
        "Phối hợp", "Hướng dẫn, theo dõi, giám sát", "Mã đơn vị chủ trì", "Mã đơn vị phối hợp",
        "Mã đơn vị theo dõi, giám sát", "Thời gian thực hiện", "Loại thời gian", "Hạn chót (ISO 8601)", "Tình trạng",
        "Mã tình trạng", "Hạn (dd/mm/yyyy)", "Kỳ báo cáo gần nhất", "Tỷ lệ hoàn thành gần nhất (%)", "Liên kết",
    ]

    static let allCriteriaHeader = [
        "Kế hoạch", "Văn bản", "Ngày văn bản", "Năm", "Mã địa phương", "Địa phương", "Phụ lục", "Chỉ số", "Cấp",
        "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm năm trước", "Mục tiêu", "Số nhiệm vụ", "Liên kết",
    ]

    /// Every task of the plan (its own, then each appendix's), one row each, in the columns of
    /// `du-lieu/tat-ca-nhiem-vu.csv`.
    static func allTasks(
        _ plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality],
        progress: PlanProgress,
        flat: FlatTexts = FlatTexts()
    ) -> Data {
        let planCells = [
            plan.slug.rawValue, plan.reference, plan.date.iso, String(plan.year), plan.locality.rawValue,
            localities[plan.locality]?.name ?? plan.locality.rawValue, plan.issuer,
        ]
        func row(_ task: PlanTask, appendix: Appendix?, criterion: Criterion?) -> [String] {
            let index = appendix.map { $0.index.rawValue } ?? plan.indices.map(\.rawValue).joined(separator: "; ")
            let status = progress[task]
            return planCells + [
                appendix.map { String($0.number) } ?? "", index, criterion?.code ?? "", criterion?.title ?? "",
                task.code ?? "", task.reference, task.text.map { flat($0) } ?? "", task.note ?? "",
                names(task.lead, departments, full: true), names(task.cooperating, departments, full: true),
                names(task.monitoring, departments, full: true), task.lead.map(\.rawValue).joined(separator: "; "),
                task.cooperating.map(\.rawValue).joined(separator: "; "),
                task.monitoring.map(\.rawValue).joined(separator: "; "),
                task.timeFrame?.text ?? "", task.timeFrame.map { PlanJSON.time($0).kind } ?? "",
                task.timeFrame?.deadline?.iso ?? "", status.status.label, status.status.rawValue,
                status.due?.description ?? "", status.latest?.period.description ?? "",
                number(status.latest?.percent), SiteMap.row(plan.slug, task.anchor),
            ]
        }
        var rows = plan.tasks.map { row($0, appendix: nil, criterion: nil) }
        for appendix in plan.appendices {
            for (criterion, _) in appendix.rows {
                rows += criterion.tasks.map { row($0, appendix: appendix, criterion: criterion) }
            }
        }
        return CSV.file(header: allTasksHeader, rows: rows)
    }

    // MARK: Progress reports

    static let reportsHeader = [
        "Mã tham chiếu", "Kỳ báo cáo", "Mã kỳ báo cáo", "Đơn vị báo cáo", "Mã đơn vị báo cáo",
        "Ngày báo cáo (dd/mm/yyyy)", "Số văn bản", "Tình trạng báo cáo", "Tỷ lệ hoàn thành (%)", "Ghi chú",
        "Minh chứng", "Ví dụ minh họa", "Liên kết",
    ]

    /// `bao-cao.csv`: one row per report dated on or before the as-of date, task by task in the
    /// order of `Plan.allTasks`, each task's reports oldest first. Example reports are listed
    /// (column "Ví dụ minh họa": "có") but never count in a status or a figure.
    static func reports(
        _ plan: Plan, departments: [DepartmentID: Department], progress: PlanProgress, flat: FlatTexts = FlatTexts()
    ) -> Data {
        var rows: [[String]] = []
        for task in plan.allTasks {
            for report in progress[task].history {
                rows.append([
                    task.reference, report.period.description, report.period.slug,
                    names([report.department], departments, full: true), report.department.rawValue,
                    report.date.description,
                    report.document ?? "", report.status.label, number(report.percent),
                    report.note.map { flat($0) } ?? "", report.evidence.joined(separator: "; "),
                    report.isExample ? "có" : "không", SiteMap.row(plan.slug, task.anchor),
                ])
            }
        }
        return CSV.file(header: reportsHeader, rows: rows)
    }

    /// Every criterion row of the plan's appendices, in the columns of `du-lieu/tat-ca-tieu-chi.csv`.
    static func allCriteria(_ plan: Plan, localities: [LocalityID: Locality]) -> Data {
        var rows: [[String]] = []
        for appendix in plan.appendices {
            for (criterion, depth) in appendix.rows {
                rows.append([
                    plan.slug.rawValue, plan.reference, plan.date.iso, String(plan.year), plan.locality.rawValue,
                    localities[plan.locality]?.name ?? plan.locality.rawValue, String(appendix.number),
                    appendix.index.rawValue, String(depth), criterion.code ?? "", criterion.title,
                    number(criterion.max), number(criterion.last), number(criterion.target),
                    String(criterion.tasks.count), SiteMap.row(plan.slug, criterion.anchor),
                ])
            }
        }
        return CSV.file(header: allCriteriaHeader, rows: rows)
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteModel
import PlansiteXLSX

/// `plansite import report`: a filled report form (.xlsx from `plansite new report --xlsx`, or
/// the same sheet saved from Excel as CSV, UTF-8, `;` or `,` separated) → the report's YAML.
/// Every problem is a diagnostic at its cell (`bao-cao.xlsx:Sheet1!E10`), all of them collected.
public enum ReportFormImport {
    public struct Result: Sendable {
        /// The report, when the form has no error.
        public var yaml: String?
        /// Where the report goes under the content folder (`plans/<slug>/bao-cao-….yaml`).
        public var file: String?
        public var diagnostics: [Diagnostic]
        /// Tasks reported, and rows left without a status (not reported this period).
        public var reported = 0
        public var skipped = 0
    }

    /// Reads the form in `data`; `name` is the file as diagnostics print it.
    public static func read(data: Data, name: String, site: Site, plan slug: String) -> Result {
        var bag = DiagnosticBag()
        let whole = SourceLocation(file: name)
        guard let plan = site.plans.first(where: { $0.slug.rawValue == slug }) else {
            let close = site.plans.map(\.slug.rawValue).filter { $0.contains(slug) || slug.contains($0) }.prefix(3)
            bag.error(
                .unknownValue,
                Suggestions.appendingHint("không có kế hoạch '\(slug)' trong nội dung", Array(close)),
                at: whole)
            return Result(diagnostics: bag.items)
        }
        let grid: Grid
        switch Grid.read(data, name: name) {
        case .success(let read): grid = read
        case .failure(let diagnostic): return Result(diagnostics: [diagnostic])
        }
        var reader = FormReader(grid: grid, plan: plan, site: site, bag: bag)
        var result = reader.read()
        result.diagnostics = reader.bag.sorted
        if reader.bag.hasErrors { result.yaml = nil }
        return result
    }
}

/// The form's cells by zero-based row and column, from either format.
struct Grid {
    var cells: [XLSXDocument.Cell: String]
    var name: String
    /// "Sheet1" for a workbook; nil for CSV (addresses print without a sheet).
    var sheet: String?
    var rowCount: Int

    func text(_ row: Int, _ column: Int) -> String {
        (cells[XLSXDocument.Cell(row: row, column: column)] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Raw numbers of a workbook (a date typed as a date is a serial number).
    var numbers: Set<XLSXDocument.Cell> = []

    func location(_ row: Int, _ column: Int) -> SourceLocation {
        let address = xlsxAddress(row: row, column: column)
        return SourceLocation(
            file: name, line: row + 1, column: column + 1, cell: sheet.map { "\($0)!\(address)" } ?? address)
    }

    enum Reading {
        case success(Grid)
        case failure(Diagnostic)
    }

    static func read(_ data: Data, name: String) -> Reading {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                let document = try XLSXDocument(data: data)
                let sheet =
                    document.sheets.first { $0.name == ReportForm.sheetName } ?? document.sheets[0]
                var grid = Grid(
                    cells: sheet.cells.mapValues(\.text), name: name, sheet: sheet.name, rowCount: sheet.lastRow + 1)
                grid.numbers = Set(sheet.cells.compactMap { if case .number = $0.value { $0.key } else { nil } })
                return .success(grid)
            } catch {
                return .failure(
                    Diagnostic(
                        .error, .unreadableFile, "không đọc được tệp Excel: \(error.description)", at: .init(file: name)
                    ))
            }
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure(
                Diagnostic(
                    .error, .unreadableFile,
                    "đây là tệp Excel cũ (.xls); mở bằng Excel và lưu lại dạng Sổ làm việc Excel (.xlsx)",
                    at: .init(file: name)))
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard var text = String(data: bytes, encoding: .utf8) else {
            return .failure(
                Diagnostic(
                    .error, .notText,
                    "tệp không phải văn bản UTF-8; trong Excel chọn Lưu thành → CSV UTF-8 (Comma delimited)",
                    at: .init(file: name)))
        }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        // The separator is the one with which a row reads as the table's header.
        // Split as the appendix importer splits CSV (DelimitedText: RFC 4180, lenient as spreadsheets are).
        for delimiter: Character in [";", ",", "\t"] {
            let records = DelimitedText.records(text, delimiter: delimiter)
            var cells: [XLSXDocument.Cell: String] = [:]
            var header = false
            for (row, record) in records.enumerated() {
                let fields = record.cells
                for (column, field) in fields.enumerated() where !field.isEmpty {
                    cells[XLSXDocument.Cell(row: row, column: column)] = field
                }
                if fields.count >= 5, VietnameseText.matchKey(fields[0]) == "mã báo cáo" { header = true }
            }
            if header { return .success(Grid(cells: cells, name: name, sheet: nil, rowCount: records.count)) }
        }
        return .failure(
            Diagnostic(
                .error, .missingField,
                "không thấy hàng tiêu đề của biểu mẫu (ô đầu là 'Mã báo cáo', cột cách nhau bằng dấu ; hoặc ,); "
                    + "tạo biểu mẫu bằng `plansite new report --xlsx`",
                at: .init(file: name)))
    }
}

/// Reads the header block and the task rows of a form against the plan.
struct FormReader {
    typealias L = ReportForm.Layout
    let grid: Grid
    let plan: Plan
    let site: Site
    var bag: DiagnosticBag

    mutating func read() -> ReportFormImport.Result {
        var result = ReportFormImport.Result(diagnostics: [])
        // The table's header row: where the form put it, or wherever "Mã báo cáo" heads column A.
        let headerRow =
            (0..<max(grid.rowCount, 1)).first { VietnameseText.matchKey(grid.text($0, L.reference)) == "mã báo cáo" }
        guard let headerRow else {
            bag.error(
                .missingField,
                "không thấy hàng tiêu đề 'Mã báo cáo' ở cột A; tạo lại biểu mẫu bằng `plansite new report --xlsx`",
                at: grid.location(L.headerRow, L.reference))
            return result
        }
        let shift = headerRow - L.headerRow
        for (column, expected) in ReportForm.headers.enumerated()
        where VietnameseText.matchKey(grid.text(headerRow, column)) != VietnameseText.matchKey(expected) {
            bag.error(
                .lockedCellEdited,
                "tiêu đề cột \(xlsxColumnName(column)) phải là '\(expected)'"
                    + (grid.text(headerRow, column).isEmpty ? "" : ", không phải '\(grid.text(headerRow, column))'")
                    + "; không thêm, xóa hay đổi chỗ các cột",
                at: grid.location(headerRow, column))
        }
        func field(_ row: Int) -> (text: String, row: Int) { (grid.text(row + shift, L.valueColumn), row + shift) }

        // Header block.
        let planCell = field(L.planRow)
        if planCell.text != plan.slug.rawValue {
            bag.error(
                .lockedCellEdited,
                planCell.text.isEmpty
                    ? "thiếu mã kế hoạch ở ô này; biểu mẫu phải là của kế hoạch '\(plan.slug)'"
                    : "biểu mẫu này của kế hoạch '\(planCell.text)', không phải '\(plan.slug)' (--plan)",
                at: grid.location(planCell.row, L.valueColumn))
        }
        let departmentCell = field(L.departmentRow)
        var department: Department?
        if departmentCell.text.isEmpty {
            bag.error(
                .missingField, "thiếu mã đơn vị báo cáo ở ô này; ô đã khóa, tạo lại biểu mẫu nếu đã xóa",
                at: grid.location(departmentCell.row, L.valueColumn))
        } else {
            do {
                department = try ReportScaffold.find(departmentCell.text, in: site.departments, locality: plan.locality)
            } catch {
                bag.error(.unknownDepartment, error.description, at: grid.location(departmentCell.row, L.valueColumn))
            }
        }
        let periodCell = field(L.periodRow)
        var period: ReportingPeriod?
        if periodCell.text.isEmpty {
            bag.error(
                .missingField, "chưa ghi kỳ báo cáo, ví dụ 'Quý III/2024'",
                at: grid.location(periodCell.row, L.valueColumn))
        } else if let parsed = ReportingPeriod(parsing: periodCell.text) {
            period = parsed
        } else {
            bag.error(
                .malformedPeriod,
                "kỳ báo cáo '\(periodCell.text)' không đọc được; viết ví dụ 'Quý III/2024', '6 tháng đầu năm 2024' hoặc 'Năm 2024'",
                at: grid.location(periodCell.row, L.valueColumn))
        }
        let dateCell = field(L.dateRow)
        var date: CalendarDate?
        if dateCell.text.isEmpty {
            bag.error(
                .missingField, "chưa ghi ngày báo cáo (ngày/tháng/năm, ví dụ 19/9/2024)",
                at: grid.location(dateCell.row, L.valueColumn))
        } else if let parsed = readDate(dateCell.text, row: dateCell.row) {
            date = parsed
        } else {
            bag.error(
                .malformedDate,
                "'\(dateCell.text)' không phải là ngày hợp lệ; viết theo dạng ngày/tháng/năm, ví dụ 19/9/2024",
                at: grid.location(dateCell.row, L.valueColumn))
        }
        let document = field(L.documentRow).text.collapsingWhitespace

        // PlanTask rows.
        let expected = department.map { ReportForm.rows(of: plan, for: $0.id) } ?? []
        let byKey = Dictionary(expected.map { (Self.key($0.reference), $0) }, uniquingKeysWith: { a, _ in a })
        let planReferences = Set(Self.allReferences(of: plan).map(Self.key))
        var seen: [String: Int] = [:]
        var entries: [(ReportForm.Row, ReportStatus, Int?, String, [String])] = []
        let firstRow = headerRow + 1
        for row in firstRow..<max(grid.rowCount, firstRow) {
            let cells = (0...L.lastColumn).map { grid.text(row, $0) }
            if cells.allSatisfy(\.isEmpty) { continue }
            let reference = cells[L.reference]
            guard !reference.isEmpty else {
                bag.error(
                    .lockedCellEdited,
                    "dòng này không có mã báo cáo ở cột A; không thêm dòng vào biểu mẫu (nhiệm vụ nào cũng đã có dòng của nó)",
                    at: grid.location(row, L.reference))
                continue
            }
            let key = Self.key(reference)
            if let first = seen[key] {
                bag.error(
                    .duplicateReport, "nhiệm vụ '\(reference)' đã có ở dòng \(first + 1); mỗi nhiệm vụ một dòng",
                    at: grid.location(row, L.reference))
                continue
            }
            seen[key] = row
            guard let form = byKey[key] else {
                if department == nil { continue }
                if planReferences.contains(key) {
                    bag.error(
                        .departmentNotAssigned,
                        "nhiệm vụ '\(reference)' không giao cho \(department!.displayName); ô mã báo cáo đã khóa, không sửa",
                        at: grid.location(row, L.reference))
                } else {
                    let hint = Suggestions.closest(to: reference, in: expected.map(\.reference), limit: 2)
                    bag.error(
                        .unknownTask,
                        Suggestions.appendingHint(
                            "không có nhiệm vụ mã '\(reference)' trong kế hoạch '\(plan.slug)'", hint)
                            + " Ô mã báo cáo đã khóa, không sửa",
                        at: grid.location(row, L.reference))
                }
                continue
            }
            for (column, want) in [(L.task, form.task), (L.role, form.role), (L.time, form.time)]
            where Self.same(cells[column], want) == false {
                bag.error(
                    .lockedCellEdited,
                    "ô này đã bị sửa; phải giữ nguyên như biểu mẫu: '\(Self.short(want))'. Chỉ ghi vào các cột Trạng thái, "
                        + "Tỷ lệ, Ghi chú, Minh chứng",
                    at: grid.location(row, column))
            }
            let statusText = cells[L.status]
            let percentText = cells[L.percent]
            let note = cells[L.note]
            let evidence = cells[L.evidence]
            guard !statusText.isEmpty else {
                if !percentText.isEmpty || !note.isEmpty || !evidence.isEmpty {
                    bag.error(
                        .missingField,
                        "chưa chọn trạng thái cho nhiệm vụ '\(reference)' dù đã ghi tỷ lệ, ghi chú hoặc minh chứng",
                        at: grid.location(row, L.status))
                } else {
                    result.skipped += 1
                }
                continue
            }
            guard let status = Self.status(statusText) else {
                let candidates = ReportStatus.allCases.map(\.rawValue)
                let close = Suggestions.closest(
                    to: VietnameseText.fold(statusText).lowercased(), in: candidates.map { VietnameseText.fold($0) })
                let named = close.compactMap { folded in candidates.first { VietnameseText.fold($0) == folded } }
                bag.error(
                    .unknownValue,
                    Suggestions.appendingHint(
                        "trạng thái '\(statusText)' không có trong danh sách", Array(named.prefix(1)))
                        + " Chọn một trong: " + candidates.joined(separator: ", "),
                    at: grid.location(row, L.status))
                continue
            }
            var percent: Int?
            if !percentText.isEmpty {
                percent = readPercent(percentText, row: row)
                if percent == nil { continue }
            }
            if let percent, status == .done ? percent < 100 : status == .notStarted && percent > 0 {
                bag.warning(
                    .percentContradictsStatus,
                    "trạng thái '\(status.rawValue)' nhưng tỷ lệ \(percent)%; sửa một trong hai",
                    at: grid.location(row, L.percent))
            }
            let items = evidence.split(whereSeparator: { $0 == "\n" || $0 == ";" })
                .map { String($0).collapsingWhitespace }.filter { !$0.isEmpty }
            entries.append((form, status, percent, note, items))
        }
        if department != nil {
            for row in expected where seen[Self.key(row.reference)] == nil {
                bag.error(
                    .formRowRemoved,
                    "dòng của nhiệm vụ '\(row.reference)' (\(Self.short(row.task))) đã bị xóa khỏi biểu mẫu; "
                        + "không xóa dòng — để trống cột Trạng thái nếu kỳ này không báo cáo nhiệm vụ đó",
                    at: grid.location(headerRow, L.reference))
            }
        }
        if entries.isEmpty, !bag.hasErrors {
            bag.error(
                .missingField, "chưa ghi trạng thái cho nhiệm vụ nào; chọn Trạng thái ở cột E",
                at: grid.location(firstRow, L.status))
        }
        result.reported = entries.count
        guard let department, let period, let date, !bag.hasErrors else { return result }
        result.file = ReportScaffold.file(plan: plan.slug.rawValue, period: period, department: department)
        result.yaml = Self.yaml(
            plan: plan, department: department, period: period, date: date, document: document, entries: entries)
        return result
    }

    /// A date typed as text (19/9/2024) or kept by Excel as a serial number (45554).
    func readDate(_ text: String, row: Int) -> CalendarDate? {
        if let date = CalendarDate(parsing: text) { return date }
        if grid.sheet != nil, grid.numbers.contains(.init(row: row, column: L.valueColumn)),
            let serial = Double(text), serial > 0, serial < 2_958_466
        {
            let seconds = (serial.rounded(.down) - 25569) * 86400
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
            return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        return nil
    }

    mutating func readPercent(_ text: String, row: Int) -> Int? {
        var cleaned = text.replacingOccurrences(of: " ", with: "")
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(cleaned), value.isFinite else {
            bag.error(
                .malformedNumber, "tỷ lệ '\(text)' không phải là số; ghi một số nguyên từ 0 đến 100, ví dụ 40",
                at: grid.location(row, L.percent))
            return nil
        }
        guard (0...100).contains(value) else {
            bag.error(
                .percentOutOfRange, "tỷ lệ \(text) nằm ngoài khoảng 0–100", at: grid.location(row, L.percent))
            return nil
        }
        guard value == value.rounded() else {
            bag.error(
                .malformedNumber, "tỷ lệ \(text) phải là số nguyên từ 0 đến 100 (không có phần lẻ)",
                at: grid.location(row, L.percent))
            return nil
        }
        return Int(value)
    }

    static func status(_ text: String) -> ReportStatus? {
        if let exact = ReportStatus(rawValue: text) { return exact }
        let key = VietnameseText.fold(text).lowercased()
        return ReportStatus.allCases.first { VietnameseText.fold($0.rawValue).lowercased() == key || $0.slug == key }
    }

    /// References compare without letter case or spaces, as the checker does.
    static func key(_ reference: String) -> String {
        reference.lowercased().filter { !$0.isWhitespace }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        VietnameseText.matchKey(a) == VietnameseText.matchKey(b)
    }

    static func short(_ text: String) -> String { text.count > 60 ? String(text.prefix(60)) + " …" : text }

    static func allReferences(of plan: Plan) -> [String] {
        plan.tasks.map(\.reference) + plan.appendices.flatMap { $0.tasks.map(\.reference) }
    }

    static func yaml(
        plan: Plan, department: Department, period: ReportingPeriod, date: CalendarDate, document: String,
        entries: [(ReportForm.Row, ReportStatus, Int?, String, [String])]
    ) -> String {
        typealias R = ContentKey.Report
        typealias E = ContentKey.ReportEntry
        var lines = [
            "# Báo cáo tiến độ của \(YAMLWriter.comment(department.displayName)), kỳ \(period),",
            "# về \(YAMLWriter.comment("\(plan.reference): \(plan.title)".collapsingWhitespace))",
            "# Nhập từ biểu mẫu Excel bằng `plansite import report`. Định dạng: docs/content-format.md.",
            "\(R.period): \(YAMLWriter.doubleQuoted(period.description))",
            "\(R.department): \(YAMLWriter.doubleQuoted(department.id.rawValue))",
            "\(R.date): \(date)",
        ]
        if !document.isEmpty { lines.append("\(R.document): \(YAMLWriter.doubleQuoted(document))") }
        lines.append("\(R.tasks):")
        for (row, status, percent, note, evidence) in entries {
            lines.append("  # \(YAMLWriter.comment(short(row.task))) (\(row.role))")
            lines.append("  - \(E.task): \(YAMLWriter.doubleQuoted(row.reference))")
            lines.append("    \(E.status): \(status.rawValue)")
            if let percent { lines.append("    \(E.percent): \(percent)") }
            if !note.isEmpty { lines.append("    \(E.note): \(YAMLWriter.doubleQuoted(note))") }
            if !evidence.isEmpty {
                lines.append("    \(E.evidence):")
                for item in evidence { lines.append("      - \(YAMLWriter.doubleQuoted(item))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

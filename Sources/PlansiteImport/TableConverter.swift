import Foundation
import PlansiteDiagnostics
import PlansiteModel

/// A criterion while its table is read: a class, so that rows can be attached to parents
/// that are still growing.
final class CriterionBuilder {
    var code: String?
    var title: String
    var description: String?
    var max: String?
    var last: String?
    var target: String?
    var tasks: [ImportedTask] = []
    var children: [CriterionBuilder] = []
    let line: Int
    /// The top-level row it sits under (itself for a top-level row).
    var area: CriterionBuilder?

    init(code: String?, title: String, line: Int) {
        self.code = code
        self.title = title
        self.line = line
    }

    var value: ImportedCriterion {
        ImportedCriterion(
            code: code, title: title, max: max, last: last, target: target, description: description, tasks: tasks,
            children: children.map(\.value), line: line)
    }
}

/// The departments of a task, by role.
struct Roles: Equatable {
    var lead: [String] = []
    var cooperating: [String] = []
    var monitoring: [String] = []

    var isEmpty: Bool { lead.isEmpty && cooperating.isEmpty && monitoring.isEmpty }
}

/// Converts one found table into an appendix.
struct TableConverter {
    let table: FoundTable
    let tableNumber: Int
    let departments: DepartmentCellReader
    let index: IndexKind?

    var notes: [Diagnostic] = []
    /// Names the registry does not know, as written, in row order, once each.
    var unknownDepartments: [String] = []
    /// Column index of each single role.
    var column: [ColumnRole: Int] = [:]
    /// Column indexes of the roles a table may repeat (several lead columns).
    var columns: [ColumnRole: [Int]] = [:]
    /// Columns whose heading is not recognised: their cells are reported.
    var unknownColumns: [Int] = []
    /// The STT column holds the titles (no separate title column): "TT | Nhiệm vụ | …".
    var codeHoldsTitles = false

    init(table: FoundTable, tableNumber: Int, departments: DepartmentCellReader, index: IndexKind?) {
        self.table = table
        self.tableNumber = tableNumber
        self.departments = departments
        self.index = index
        self.notes = table.notes
        let headers = table.header.plainCells
        for (offset, role) in table.roles.enumerated() {
            guard let role else {
                if !headers[offset].isEmpty {
                    unknownColumns.append(offset)
                    notes.append(
                        .uninterpreted(
                            "không nhận ra cột '\(headers[offset])'; các ô của cột này được liệt kê ở đây",
                            text: headers[offset], at: table.header.place(ofCell: offset)))
                }
                continue
            }
            if role.isMultiple {
                columns[role, default: []].append(offset)
            } else if column[role] == nil {
                column[role] = offset
            } else {
                unknownColumns.append(offset)
                notes.append(
                    .uninterpreted(
                        "cột '\(headers[offset])' trùng vai trò với cột '\(headers[column[role]!])'; "
                            + "các ô của cột này được liệt kê ở đây",
                        text: headers[offset], at: table.header.place(ofCell: offset)))
            }
        }
        if column[.criterion] == nil {
            if column[.code] != nil {
                codeHoldsTitles = true
            } else {
                // No title and no number column: the first column names the rows.
                let first = (0..<table.roles.count).first { table.roles[$0] != nil } ?? 0
                column[.criterion] = first
                unknownColumns.removeAll { $0 == first }
            }
        }
    }

    mutating func convert() -> ImportedAppendix {
        let preamble = PreambleParser.parse(table.preamble)
        var roots: [CriterionBuilder] = []
        var stack: [CriterionBuilder] = []
        var current: CriterionBuilder?
        var areaRoles: [ObjectIdentifier: Roles] = [:]
        let width = table.header.cells.count
        let headers = table.header.plainCells

        for row in table.rows {
            let cells = row.cells + Array(repeating: "", count: max(0, width - row.cells.count))
            for extra in cells.indices where extra >= width {
                let text = CellFragments(cells[extra]).plainText
                if !text.isEmpty {
                    notes.append(
                        .uninterpreted("ô thừa ngoài số cột của hàng tiêu đề", text: text, at: row.place(ofCell: extra))
                    )
                }
            }
            for unknown in unknownColumns {
                let text = CellFragments(cells[unknown]).plainText
                if !text.isEmpty {
                    notes.append(
                        .uninterpreted("ô của cột '\(headers[unknown])'", text: text, at: row.place(ofCell: unknown)))
                }
            }
            func cell(_ role: ColumnRole) -> String { column[role].map { cells[$0] } ?? "" }
            func multiCell(_ role: ColumnRole) -> [String] { (columns[role] ?? []).map { cells[$0] } }

            // Number and title.
            var code: String?
            var unnumbered = false
            var titleHTML = codeHoldsTitles ? "" : cell(.criterion)
            let codeHTML = cell(.code)
            let codeText = CellFragments(codeHTML).plainText
            let codePlace = column[.code].map { row.place(ofCell: $0) } ?? row.place
            if !codeText.isEmpty {
                switch RowNumber.read(codeText) {
                case .code(let value):
                    code = value
                case .marker:
                    unnumbered = true
                case .codeAndTitle(let value, let title):
                    if CellFragments(titleHTML).isEmpty {
                        code = value
                        titleHTML = title
                        notes.append(
                            .importReading(
                                "ô số thứ tự chứa cả tiêu đề: tách thành mã '\(value)' và tiêu đề", text: codeText,
                                at: codePlace))
                    } else {
                        unnumbered = true
                        notes.append(.uninterpreted("ô số thứ tự không đọc được", text: codeText, at: codePlace))
                    }
                case .other:
                    if codeHoldsTitles {
                        titleHTML = codeHTML
                    } else {
                        unnumbered = true
                        notes.append(
                            .uninterpreted(
                                "ô số thứ tự không phải số (1, 2.1, 2.2.1) hay dấu '-'; dòng được coi là không đánh số",
                                text: codeText, at: codePlace))
                    }
                }
            }
            let titleFragments = CellFragments(titleHTML)
            let taskText = CellFragments(cell(.task)).markdown
            let timeText = CellFragments(cell(.time)).plainText
            let noteText = multiCell(.note).map { CellFragments($0).plainText }.filter { !$0.isEmpty }
                .joined(separator: " ")
            var readings: [TaskRole: DepartmentCellReader.Reading] = [:]
            for role in TaskRole.allCases {
                let columnRole: ColumnRole =
                    switch role {
                    case .lead: .lead
                    case .cooperating: .cooperating
                    case .monitoring: .monitoring
                    }
                var reading = DepartmentCellReader.Reading()
                for offset in columns[columnRole] ?? [] {
                    let part = departments.read(cells[offset], at: row.place(ofCell: offset))
                    for name in part.unknown where !unknownDepartments.contains(name) {
                        unknownDepartments.append(name)
                    }
                    for name in part.names where !reading.names.contains(name) { reading.names.append(name) }
                    reading.note = [reading.note, part.note].compactMap { $0 }.joined(separator: " ")
                    if reading.note?.isEmpty == true { reading.note = nil }
                    reading.notes += part.notes
                }
                notes += reading.notes
                readings[role] = reading
            }
            let explicitRoles = Roles(
                lead: readings[.lead]?.names ?? [], cooperating: readings[.cooperating]?.names ?? [],
                monitoring: readings[.monitoring]?.names ?? [])
            let cellNote = ([noteText] + TaskRole.allCases.compactMap { readings[$0]?.note }).filter { !$0.isEmpty }
                .joined(separator: " ")
            let points: [(ColumnRole, String)] = [ColumnRole.max, .last, .target].compactMap { role in
                let text = CellFragments(cell(role)).plainText
                return text.isEmpty ? nil : (role, text)
            }

            if code != nil || unnumbered || !titleFragments.isEmpty {
                // A new row of the criteria tree.
                let (title, description) = TitleReader.read(titleFragments)
                if title.isEmpty {
                    notes.append(
                        .uninterpreted(
                            "tiêu chí không có tiêu đề; hãy điền '\(ContentKey.Criterion.title)' (plansite check sẽ báo thiếu)",
                            at: row.place))
                }
                let node = CriterionBuilder(code: code, title: title, line: row.line)
                node.description = description
                for (role, text) in points { setPoints(role, text, on: node, row: row, header: headers) }
                if let code {
                    while let top = stack.last, !code.hasPrefix((top.code ?? "") + ".") { stack.removeLast() }
                    if let top = stack.last {
                        top.children.append(node)
                        node.area = top.area
                    } else {
                        roots.append(node)
                        node.area = node
                    }
                    stack.append(node)
                } else if let parent = stack.last {
                    parent.children.append(node)
                    node.area = parent.area
                } else {
                    roots.append(node)
                    node.area = node
                }
                let area = ObjectIdentifier(node.area!)
                let isArea = node.area === node
                if isArea { areaRoles[area] = nil }
                let inherited = areaRoles[area]
                let hasTask =
                    taskText != nil || !explicitRoles.isEmpty || !timeText.isEmpty || !cellNote.isEmpty
                    || (column[.task] == nil && !isArea && inherited != nil)
                if hasTask {
                    // A blank department cell is "same as above" within the area.
                    let roles = explicitRoles.isEmpty ? (inherited ?? Roles()) : explicitRoles
                    if !explicitRoles.isEmpty { areaRoles[area] = explicitRoles }
                    node.tasks.append(
                        makeTask(text: taskText, roles: roles, time: timeText, note: cellNote, row: row))
                }
                current = node
            } else {
                // No number and no title: another task of the row above (a merged cell).
                guard let node = current else {
                    let text = cells.map { CellFragments($0).plainText }.filter { !$0.isEmpty }
                    if !text.isEmpty {
                        notes.append(
                            .uninterpreted(
                                "hàng không có số thứ tự và tiêu đề, nhưng chưa có tiêu chí nào ở trên",
                                text: text.joined(separator: " | "), at: row.place))
                    }
                    continue
                }
                for (role, text) in points { setPoints(role, text, on: node, row: row, header: headers) }
                guard taskText != nil || !explicitRoles.isEmpty || !timeText.isEmpty || !cellNote.isEmpty else {
                    continue
                }
                let previous = node.tasks.last
                let previousRoles = previous.map {
                    Roles(lead: $0.lead, cooperating: $0.cooperating, monitoring: $0.monitoring)
                }
                let roles =
                    explicitRoles.isEmpty
                    ? (previousRoles ?? areaRoles[ObjectIdentifier(node.area!)] ?? Roles()) : explicitRoles
                node.tasks.append(
                    makeTask(
                        text: taskText ?? previous?.text, roles: roles,
                        time: timeText.isEmpty ? (previous?.time ?? "") : timeText,
                        note: cellNote, row: row))
            }
        }

        let title = preamble.title
        if title == nil {
            notes.append(
                .importReading(
                    "không tìm thấy tên phụ lục ('Phụ lục n' và dòng tiêu đề) phía trên bảng; hãy điền '\(ContentKey.Appendix.title)'",
                    at: table.header.place))
        }
        let detected = index ?? title.flatMap(IndexDetector.detect)
        if detected == nil {
            notes.append(
                .importReading(
                    "không xác định được chỉ số của phụ lục; dùng --index par-index|papi|sipas", at: table.header.place)
            )
        }
        return ImportedAppendix(
            number: preamble.number ?? tableNumber, tableNumber: tableNumber, index: detected, title: title,
            reference: preamble.reference, columns: columnLabels(), criteria: roots.map(\.value),
            diagnostics: notes.inSourceOrder, unknownDepartments: unknownDepartments,
            lines: table.header.line...table.lastLine)
    }
}

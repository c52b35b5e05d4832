import Foundation
import PlansiteModel

/// A task read from a table row, departments as written.
public struct ImportedTask: Sendable, Hashable {
    public var text: String?
    public var lead: [String]
    public var cooperating: [String]
    public var monitoring: [String]
    public var time: String?
    public var note: String?
    /// The source line of its row.
    public var line: Int
}

/// A row of the criteria tree read from a table.
public struct ImportedCriterion: Sendable, Hashable {
    public var code: String?
    public var title: String
    /// Points as written ("1,5").
    public var max: String?
    public var last: String?
    public var target: String?
    public var description: String?
    public var tasks: [ImportedTask]
    public var children: [ImportedCriterion]
    public var line: Int

    /// This row and every row below it, depth first.
    public var flattened: [ImportedCriterion] { [self] + children.flatMap(\.flattened) }
}

/// A column heading kept for the appendix's `columns:` ("last" → "Điểm 2023").
public struct ImportedColumn: Sendable, Hashable {
    public var key: String
    public var label: String
}

/// One appendix table, converted.
public struct ImportedAppendix: Sendable {
    /// "Phụ lục n" as printed, or the table's position in the document.
    public var number: Int
    /// The table's position in the document, from 1.
    public var tableNumber: Int
    public var index: IndexKind?
    public var title: String?
    public var reference: String?
    public var columns: [ImportedColumn]
    public var criteria: [ImportedCriterion]
    /// What could not be interpreted, names missing from the registry, readings to confirm
    /// and lines skipped, in line order.
    public var notes: [ImportNote]
    /// The source lines of the table, header to last row.
    public var lines: ClosedRange<Int>

    public var rows: [ImportedCriterion] { criteria.flatMap(\.flattened) }
    public var tasks: [ImportedTask] { rows.flatMap(\.tasks) }
}

/// Everything read from one import file.
public struct ImportResult: Sendable {
    public var appendices: [ImportedAppendix]
    /// Notes about lines outside any table.
    public var notes: [ImportNote]
    /// The registry locality names were matched in (given or inferred).
    public var locality: String?
    /// How many tables the document holds (before `--table` selects one).
    public var tablesFound: Int

    /// Every note, the document's and each appendix's, in line order.
    public var allNotes: [ImportNote] {
        (notes + appendices.flatMap(\.notes)).sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }
    }
}

/// Converts appendix tables as Word, Excel or LibreOffice export them into the content format.
/// See docs/import.md for the rules.
public struct AppendixImporter: Sendable {
    public struct Options: Sendable {
        /// The index of every imported table; detected from the title when nil.
        public var index: IndexKind?
        /// The registry locality to match names in; inferred from the names when nil.
        public var locality: String?
        /// Import only the n-th table of the document (from 1).
        public var table: Int?

        public init(index: IndexKind? = nil, locality: String? = nil, table: Int? = nil) {
            self.index = index
            self.locality = locality
            self.table = table
        }
    }

    public let registry: Registry?
    public let options: Options

    public init(registry: Registry?, options: Options = Options()) {
        self.registry = registry
        self.options = options
    }

    /// Reads a file from disk, its format from its extension.
    public func importFile(_ url: URL) throws -> ImportResult {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.notUTF8(url.path)
        }
        return importText(text, format: SourceFormat.detect(fileName: url.lastPathComponent, text: text))
    }

    public func importText(_ text: String, format: SourceFormat) -> ImportResult {
        let items = SourceReader.read(text, format: format)
        var (tables, notes) = TableFinder.find(in: items)
        let found = tables.count
        if let wanted = options.table {
            tables = wanted >= 1 && wanted <= tables.count ? [tables[wanted - 1]] : []
        }
        let locality = options.locality ?? registry?.bestLocality(for: tables.flatMap(departmentEntries))
        let appendices = tables.enumerated().map { offset, table in
            var converter = TableConverter(
                table: table, tableNumber: options.table ?? (offset + 1),
                departments: DepartmentCellReader(registry: registry, locality: locality), index: options.index)
            return converter.convert()
        }
        return ImportResult(appendices: appendices, notes: notes, locality: locality, tablesFound: found)
    }

    /// The department names of a table's role columns, for guessing the locality.
    private func departmentEntries(_ table: FoundTable) -> [String] {
        let reader = DepartmentCellReader(registry: nil, locality: nil)
        var names: [String] = []
        for row in table.rows {
            for (column, role) in table.roles.enumerated() where [.lead, .cooperating, .monitoring].contains(role) {
                guard column < row.cells.count else { continue }
                for entry in CellFragments(row.cells[column]).entries {
                    names += entry.split(separator: ";").map { reader.clean(String($0)) }
                }
            }
        }
        return names
    }
}

public enum ImportError: Error, CustomStringConvertible {
    case notUTF8(String)

    public var description: String {
        switch self {
        case .notUTF8(let path): "\(path) không phải văn bản UTF-8; hãy lưu lại dưới dạng UTF-8 (CSV UTF-8 trong Excel)"
        }
    }
}

/// The index an appendix title names ("… CHỈ SỐ PAPI NĂM 2024" → papi), nil when none or unclear.
enum IndexDetector {
    static func detect(_ title: String) -> IndexKind? {
        let folded = VietnameseText.fold(title)
        var found: [(Int, IndexKind)] = []
        let patterns: [(String, IndexKind)] = [
            ("sipas", .sipas), ("hai long", .sipas), ("papi", .papi), ("par index", .parIndex), ("cchc", .parIndex),
            ("cai cach hanh chinh", .parIndex),
        ]
        for (pattern, index) in patterns {
            if let range = folded.range(of: pattern) {
                found.append((folded.distance(from: folded.startIndex, to: range.lowerBound), index))
            }
        }
        return found.min { $0.0 < $1.0 }?.1
    }
}

/// A criterion while its table is read: a class, so that rows can be attached to parents
/// that are still growing.
private final class CriterionBuilder {
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
private struct Roles: Equatable {
    var lead: [String] = []
    var cooperating: [String] = []
    var monitoring: [String] = []

    var isEmpty: Bool { lead.isEmpty && cooperating.isEmpty && monitoring.isEmpty }
}

/// Converts one found table into an appendix.
private struct TableConverter {
    let table: FoundTable
    let tableNumber: Int
    let departments: DepartmentCellReader
    let index: IndexKind?

    var notes: [ImportNote] = []
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
                        ImportNote(
                            line: table.header.line, kind: .uninterpreted,
                            message: "không nhận ra cột '\(headers[offset])'; các ô của cột này được liệt kê ở đây",
                            text: headers[offset]))
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
                    ImportNote(
                        line: table.header.line, kind: .uninterpreted,
                        message: "cột '\(headers[offset])' trùng vai trò với cột '\(headers[column[role]!])'; "
                            + "các ô của cột này được liệt kê ở đây",
                        text: headers[offset]))
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
                        ImportNote(
                            line: row.line, kind: .uninterpreted, message: "ô thừa ngoài số cột của hàng tiêu đề",
                            text: text))
                }
            }
            for unknown in unknownColumns {
                let text = CellFragments(cells[unknown]).plainText
                if !text.isEmpty {
                    notes.append(
                        ImportNote(
                            line: row.line, kind: .uninterpreted, message: "ô của cột '\(headers[unknown])'", text: text
                        ))
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
                            ImportNote(
                                line: row.line, kind: .interpreted,
                                message: "ô số thứ tự chứa cả tiêu đề: tách thành mã '\(value)' và tiêu đề",
                                text: codeText))
                    } else {
                        unnumbered = true
                        notes.append(
                            ImportNote(
                                line: row.line, kind: .uninterpreted, message: "ô số thứ tự không đọc được",
                                text: codeText))
                    }
                case .other:
                    if codeHoldsTitles {
                        titleHTML = codeHTML
                    } else {
                        unnumbered = true
                        notes.append(
                            ImportNote(
                                line: row.line, kind: .uninterpreted,
                                message: "ô số thứ tự không phải số (1, 2.1, 2.2.1) hay dấu '-'; "
                                    + "dòng được coi là không đánh số",
                                text: codeText))
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
                for html in multiCell(columnRole) {
                    let part = departments.read(html, line: row.line)
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
                        ImportNote(
                            line: row.line, kind: .uninterpreted,
                            message: "tiêu chí không có tiêu đề; hãy điền 'title' (plansite check sẽ báo thiếu)",
                            text: ""))
                }
                let node = CriterionBuilder(code: code, title: title, line: row.line)
                node.description = description
                for (role, text) in points { setPoints(role, text, on: node, line: row.line, header: headers) }
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
                        makeTask(
                            text: taskText, roles: roles, time: timeText, note: cellNote, line: row.line))
                }
                current = node
            } else {
                // No number and no title: another task of the row above (a merged cell).
                guard let node = current else {
                    let text = cells.map { CellFragments($0).plainText }.filter { !$0.isEmpty }
                    if !text.isEmpty {
                        notes.append(
                            ImportNote(
                                line: row.line, kind: .uninterpreted,
                                message: "hàng không có số thứ tự và tiêu đề, nhưng chưa có tiêu chí nào ở trên",
                                text: text.joined(separator: " | ")))
                    }
                    continue
                }
                for (role, text) in points { setPoints(role, text, on: node, line: row.line, header: headers) }
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
                        note: cellNote, line: row.line))
            }
        }

        let title = preamble.title
        if title == nil {
            notes.append(
                ImportNote(
                    line: table.header.line, kind: .interpreted,
                    message:
                        "không tìm thấy tên phụ lục ('Phụ lục n' và dòng tiêu đề) phía trên bảng; hãy điền 'title'",
                    text: ""))
        }
        let detected = index ?? title.flatMap(IndexDetector.detect)
        if detected == nil {
            notes.append(
                ImportNote(
                    line: table.header.line, kind: .interpreted,
                    message: "không xác định được chỉ số của phụ lục; dùng --index par-index|papi|sipas", text: ""))
        }
        return ImportedAppendix(
            number: preamble.number ?? tableNumber, tableNumber: tableNumber, index: detected, title: title,
            reference: preamble.reference, columns: columnLabels(), criteria: roots.map(\.value),
            notes: notes.sorted { $0.line < $1.line }, lines: table.header.line...table.lastLine)
    }

    private mutating func makeTask(text: String?, roles: Roles, time: String, note: String, line: Int) -> ImportedTask {
        if roles.isEmpty {
            notes.append(
                ImportNote(
                    line: line, kind: .interpreted,
                    message: "nhiệm vụ chưa có đơn vị nào (chủ trì, phối hợp, theo dõi); hãy điền 'lead'", text: ""))
        }
        if !time.isEmpty, case .text = TimeFrame(parsing: time).kind, time.contains("/"),
            time.contains(where: \.isNumber)
        {
            notes.append(
                ImportNote(
                    line: line, kind: .interpreted,
                    message: "thời gian có vẻ là một ngày nhưng không đọc được; giữ nguyên như văn bản", text: time))
        }
        return ImportedTask(
            text: text, lead: roles.lead, cooperating: roles.cooperating, monitoring: roles.monitoring,
            time: time.isEmpty ? nil : time, note: note.isEmpty ? nil : note, line: line)
    }

    private mutating func setPoints(
        _ role: ColumnRole, _ text: String, on node: CriterionBuilder, line: Int, header: [String]
    ) {
        let label = column[role].map { header[$0] } ?? role.rawValue
        guard let number = PointsReader.read(text) else {
            notes.append(
                ImportNote(line: line, kind: .uninterpreted, message: "không đọc được số ở cột '\(label)'", text: text))
            return
        }
        let existing: String? =
            switch role {
            case .max: node.max
            case .last: node.last
            default: node.target
            }
        if let existing, existing != number {
            notes.append(
                ImportNote(
                    line: line, kind: .uninterpreted,
                    message: "tiêu chí đã có giá trị '\(existing)' ở cột '\(label)'; giá trị này không được dùng",
                    text: text))
            return
        }
        switch role {
        case .max: node.max = number
        case .last: node.last = number
        default: node.target = number
        }
    }

    /// The headings to keep in `columns:`, in the format's order.
    private func columnLabels() -> [ImportedColumn] {
        let headers = table.header.plainCells
        var out: [ImportedColumn] = []
        let order: [ColumnRole] = [.criterion, .max, .last, .target, .task, .lead, .cooperating, .monitoring, .time]
        for role in order {
            var offset: Int?
            if role == .criterion, codeHoldsTitles {
                offset = column[.code]
            } else if role.isMultiple {
                offset = columns[role]?.first
            } else {
                offset = column[role]
            }
            guard let offset, !headers[offset].isEmpty else { continue }
            out.append(ImportedColumn(key: role.rawValue, label: headers[offset]))
        }
        return out
    }
}

/// The number cell of a row: "2.2.1", "-", "1.1 Title" or something else.
enum RowNumber: Equatable {
    case code(String)
    case marker
    case codeAndTitle(String, String)
    case other

    static func read(_ text: String) -> RowNumber {
        let trimmed = text.trimmingWhitespace()
        if ["-", "–", "—", "+", "•", "*"].contains(trimmed) { return .marker }
        if let code = code(trimmed) { return .code(code) }
        let parts = trimmed.split(separator: " ", maxSplits: 1)
        if parts.count == 2, let code = code(String(parts[0])) {
            return .codeAndTitle(code, String(parts[1]).trimmingWhitespace())
        }
        return .other
    }

    /// "2", "2.2.1", "2.2." → the code without a trailing dot; nil otherwise.
    static func code(_ text: String) -> String? {
        var text = Substring(text)
        if text.hasSuffix(".") { text = text.dropLast() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        return String(text)
    }
}

/// Points as written: "1,5", "0,75", "100", "1 điểm", "95%".
enum PointsReader {
    static func read(_ text: String) -> String? {
        var value = text.trimmingWhitespace()
        for suffix in ["điểm", "%"] where value.lowercased().hasSuffix(suffix) {
            value = String(value.dropLast(suffix.count)).trimmingWhitespace()
        }
        guard Quantity(parsing: value) != nil else { return nil }
        return value
    }
}

/// The title cell of a row: "Chỉ số nội dung X: guidance" → title X and its description;
/// "<b>X:</b> guidance" likewise; otherwise the whole text is the title.
enum TitleReader {
    static let prefix = "chi so noi dung"

    static func read(_ fragments: CellFragments) -> (title: String, description: String?) {
        let text = fragments.plainText
        let words = text.split(separator: " ")
        if words.count > 4, VietnameseText.fold(words.prefix(4).joined(separator: " ")) == prefix {
            let rest = words.dropFirst(4).joined(separator: " ")
            return split(rest)
        }
        if let bold = fragments.leadingBold, bold.hasSuffix(":"), text.count > bold.count, text.hasPrefix(bold) {
            let title = String(bold.dropLast()).trimmingWhitespace()
            let description = String(text.dropFirst(bold.count)).trimmingWhitespace()
            return (title, description.isEmpty ? nil : description)
        }
        return (text, nil)
    }

    private static func split(_ text: String) -> (String, String?) {
        guard let colon = text.firstIndex(of: ":") else { return (text, nil) }
        let title = String(text[..<colon]).trimmingWhitespace()
        let description = String(text[text.index(after: colon)...]).trimmingWhitespace()
        return (title, description.isEmpty ? nil : description)
    }
}

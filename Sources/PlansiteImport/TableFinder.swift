import PlansiteDiagnostics
import PlansiteModel

/// What a table column holds, recognised from its header text.
enum ColumnRole: String, Equatable, CaseIterable {
    case code
    case criterion
    case max
    case last
    case target
    case task
    case lead
    case cooperating
    case monitoring
    case time
    case note

    /// Roles of which a table may have several columns, read together.
    var isMultiple: Bool { [.lead, .cooperating, .monitoring, .note].contains(self) }

    /// The role of a header cell ("Điểm 2023" → last), or nil when it is not a known heading.
    /// Headings are short: a long cell is data, whatever words it holds.
    static func classify(_ header: String) -> ColumnRole? {
        let text = header.trimmingWhitespace()
        guard !text.isEmpty, text.count <= 80 else { return nil }
        let folded = VietnameseText.fold(text)
            .replacingOccurrences(of: "/", with: " ").replacingOccurrences(of: ",", with: " ")
            .collapsingWhitespace
        func starts(_ prefixes: String...) -> Bool { prefixes.contains { folded.hasPrefix($0) } }
        func has(_ parts: String...) -> Bool { parts.contains { folded.contains($0) } }
        if ["stt", "tt", "so tt", "so thu tu", "ma", "ma so", "ma tieu chi"].contains(
            folded.replacingOccurrences(of: ".", with: ""))
        {
            return .code
        }
        if starts("thoi gian", "thoi han", "tien do", "moc thoi gian") { return .time }
        if starts("ghi chu") { return .note }
        if has("giam sat", "theo doi") || starts("huong dan") { return .monitoring }
        if has("phoi hop") { return .cooperating }
        if has("chu tri") || starts("co quan", "don vi", "phong ", "bo phan", "trach nhiem", "nguoi thuc hien") {
            return .lead
        }
        if starts("muc tieu", "chi tieu") { return .target }
        if starts("diem", "ket qua", "so diem") {
            if has("toi da", "bo tieu chi", "chuan", "theo thang") || folded == "diem" { return .max }
            return .last
        }
        if starts("nhiem vu", "giai phap", "noi dung nhiem vu", "cong viec", "hoat dong") { return .task }
        if starts("linh vuc", "tieu chi", "chi so", "noi dung", "ten tieu chi", "chi tieu thanh phan") {
            return .criterion
        }
        return nil
    }
}

/// A table row with the line it was read from and the place of each cell.
struct SourceRow: Equatable {
    var line: Int
    var cells: [String]
    /// Where the row starts, as diagnostics print it.
    var place: SourceLocation
    var cellPlaces: [SourceLocation] = []

    /// Where cell `offset` starts; the row's place for a cell the row does not have.
    func place(ofCell offset: Int) -> SourceLocation {
        offset >= 0 && offset < cellPlaces.count ? cellPlaces[offset] : place
    }

    /// The cells as plain text (tags stripped, white space collapsed).
    var plainCells: [String] { cells.map { CellFragments($0).plainText } }
}

/// An appendix table found in a document: its header, its data rows and the prose above it.
struct FoundTable {
    var header: SourceRow
    var roles: [ColumnRole?]
    var rows: [SourceRow] = []
    /// Lines of prose between the previous table (or the start) and the header: the
    /// "Phụ lục n / TITLE / (Kèm theo …)" block.
    var preamble: [String] = []
    var notes: [Diagnostic] = []

    var lastLine: Int { rows.last?.line ?? header.line }
}

/// Finds the appendix tables of a document: header rows, the rows below them, repeated
/// headers at page breaks, column-number rows, and the prose that names each table.
enum TableFinder {
    /// A header row: at least two cells are known headings, and most non-empty cells are.
    static func headerRoles(_ row: SourceRow) -> [ColumnRole?]? {
        let plain = row.plainCells
        let nonEmpty = plain.filter { !$0.isEmpty }
        guard nonEmpty.count >= 2 else { return nil }
        let roles = plain.map { ColumnRole.classify($0) }
        let known = roles.compactMap { $0 }.count
        guard known >= 2, Double(known) >= 0.6 * Double(nonEmpty.count) else { return nil }
        return roles
    }

    /// "(1) (2) (3)" or "1 2 3": the column numbers Word tables often carry below the header.
    static func isColumnNumbers(_ row: SourceRow) -> Bool {
        let plain = row.plainCells.filter { !$0.isEmpty }
        guard plain.count >= 2 else { return false }
        for (offset, cell) in plain.enumerated() {
            var digits = Substring(cell)
            if digits.hasPrefix("("), digits.hasSuffix(")") { digits = digits.dropFirst().dropLast() }
            guard let number = Int(digits), number == offset + 1 else { return false }
        }
        return true
    }

    /// "-----  ---  ---": a Markdown or plain-text table rule.
    static func isRule(_ row: SourceRow) -> Bool {
        let plain = row.plainCells.filter { !$0.isEmpty }
        return !plain.isEmpty && plain.allSatisfy { cell in cell.allSatisfy { "-=:|+_ ".contains($0) } }
    }

    /// Whether prose names a new appendix ("Phụ lục 2", "PHỤ LỤC").
    static func namesAppendix(_ lines: [String]) -> Bool {
        lines.contains { line in PreambleParser.pieces(of: [line]).contains { PreambleParser.appendixNumber($0) != nil }
        }
    }

    static func find(in items: [SourceItem]) -> (tables: [FoundTable], notes: [Diagnostic]) {
        var tables: [FoundTable] = []
        var current: FoundTable?
        var pendingText: [SourceItem] = []
        var notes: [Diagnostic] = []

        func closeCurrent() {
            if let table = current { tables.append(table) }
            current = nil
        }

        for item in items {
            switch item.content {
            case .blank:
                continue
            case .text:
                pendingText.append(item)
            case .row(let cells):
                let row = SourceRow(line: item.line, cells: cells, place: item.place, cellPlaces: item.cellPlaces)
                let filled = row.plainCells.filter { !$0.isEmpty }
                // A spreadsheet keeps the title above its table in one cell of a row: prose, as
                // is a row that only names an appendix ("Phụ lục 2") between two tables.
                if filled.count == 1, current == nil || namesAppendix(filled) {
                    let first = row.plainCells.firstIndex { !$0.isEmpty } ?? 0
                    pendingText.append(
                        SourceItem(line: item.line, content: .text(filled[0]), place: row.place(ofCell: first)))
                    continue
                }
                let proseLines = pendingText.compactMap { item -> String? in
                    if case .text(let text) = item.content { return text }
                    return nil
                }
                if let roles = headerRoles(row) {
                    if var table = current, !namesAppendix(proseLines),
                        row.plainCells.map(VietnameseText.fold) == table.header.plainCells.map(VietnameseText.fold)
                    {
                        // The header repeated at a page break: the same table goes on.
                        table.notes += strays(pendingText)
                        table.notes.append(
                            .skippedLine(
                                "hàng tiêu đề lặp lại (sang trang), bỏ qua",
                                text: row.plainCells.joined(separator: " | "), at: row.place))
                        current = table
                    } else {
                        closeCurrent()
                        current = FoundTable(header: row, roles: roles, preamble: proseLines)
                    }
                    pendingText = []
                    continue
                }
                guard var table = current else {
                    // A tab-separated line before any header: not part of an appendix table.
                    if tables.isEmpty {
                        notes.append(
                            .uninterpreted(
                                "hàng có dấu tab nằm trước mọi hàng tiêu đề, không thuộc bảng nào",
                                text: row.plainCells.filter { !$0.isEmpty }.joined(separator: " | "), at: row.place))
                    }
                    continue
                }
                table.notes += strays(pendingText)
                pendingText = []
                if isColumnNumbers(row) {
                    table.notes.append(
                        .skippedLine(
                            "hàng đánh số cột, bỏ qua",
                            text: row.plainCells.filter { !$0.isEmpty }.joined(separator: " "), at: row.place))
                } else if isRule(row) {
                    table.notes.append(
                        .skippedLine(
                            "đường kẻ bảng, bỏ qua",
                            text: row.plainCells.filter { !$0.isEmpty }.joined(separator: " "), at: row.place))
                } else {
                    table.rows.append(row)
                }
                current = table
            }
        }
        closeCurrent()
        return (tables, notes)
    }

    /// Prose lines found between two rows of one table: a cell broken over lines, or a
    /// page footer. Reported, never silently dropped.
    private static func strays(_ items: [SourceItem]) -> [Diagnostic] {
        items.compactMap { item in
            guard case .text(let text) = item.content else { return nil }
            return .uninterpreted(
                "dòng không có dấu tab nằm giữa các hàng của bảng", text: CellFragments(text).plainText,
                at: item.place)
        }
    }
}

/// Reads the block above a table: "Phụ lục 2", the title lines, "(Kèm theo …)".
enum PreambleParser {
    struct Result: Equatable {
        var number: Int?
        var title: String?
        var reference: String?
    }

    /// The lines cut into pieces at Markdown emphasis (`**Phụ lục 2****TITLE**`) and line ends.
    static func pieces(of lines: [String]) -> [String] {
        var pieces: [String] = []
        for line in lines {
            var current = ""
            for char in line {
                if char == "*" {
                    if !current.trimmingWhitespace().isEmpty { pieces.append(current.collapsingWhitespace) }
                    current = ""
                } else {
                    current.append(char)
                }
            }
            if !current.trimmingWhitespace().isEmpty { pieces.append(current.collapsingWhitespace) }
        }
        return pieces.map { CellFragments($0).plainText }.filter { !$0.isEmpty }
    }

    /// 2 for "Phụ lục 2", 0 for "PHỤ LỤC" alone, nil when the piece is something else.
    static func appendixNumber(_ piece: String) -> Int? {
        let folded = VietnameseText.fold(piece)
        guard folded.hasPrefix("phu luc") else { return nil }
        var rest = folded.dropFirst("phu luc".count).trimmingCharacters(in: .whitespaces)
        if rest.hasSuffix(":") || rest.hasSuffix(".") { rest.removeLast() }
        rest = rest.trimmingCharacters(in: .whitespaces)
        if rest.isEmpty { return 0 }
        if let number = Int(rest) { return number }
        let roman = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10]
        return roman[rest]
    }

    static func parse(_ lines: [String]) -> Result {
        let pieces = pieces(of: lines)
        guard let start = pieces.lastIndex(where: { appendixNumber($0) != nil }) else {
            return Result()
        }
        let number = appendixNumber(pieces[start]).flatMap { $0 == 0 ? nil : $0 }
        var title: [String] = []
        var reference: [String] = []
        var inReference = false
        for piece in pieces[(start + 1)...] {
            if !inReference, piece.hasPrefix("(") {
                inReference = true
            }
            if inReference {
                reference.append(piece)
                if piece.hasSuffix(")") { break }
            } else {
                title.append(piece)
            }
        }
        var referenceText = reference.joined(separator: " ").collapsingWhitespace
        if referenceText.hasPrefix("(") { referenceText.removeFirst() }
        if referenceText.hasSuffix(")") { referenceText.removeLast() }
        referenceText = referenceText.trimmingWhitespace()
        let titleText = title.joined(separator: " ").collapsingWhitespace
        return Result(
            number: number, title: titleText.isEmpty ? nil : titleText,
            reference: referenceText.isEmpty ? nil : referenceText)
    }
}

extension FoundTable {
    /// The department names of the table's role columns, for guessing the locality.
    var departmentEntries: [String] {
        let reader = DepartmentCellReader(registry: nil, locality: nil)
        var names: [String] = []
        for row in rows {
            for (column, role) in roles.enumerated() where [.lead, .cooperating, .monitoring].contains(role) {
                guard column < row.cells.count else { continue }
                for entry in CellFragments(row.cells[column]).entries {
                    names += entry.split(separator: ";").map { reader.clean(String($0)) }
                }
            }
        }
        return names
    }
}

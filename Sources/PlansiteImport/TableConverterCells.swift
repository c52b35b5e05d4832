import PlansiteDiagnostics
import PlansiteModel

/// A task's cells, a criterion's points and the headings kept: each finding at its cell.
extension TableConverter {
    /// A task of `row`; a task with no department is reported at the row, a time that looks
    /// like a date but does not read as one at its cell.
    mutating func makeTask(text: String?, roles: Roles, time: String, note: String, row: SourceRow) -> ImportedTask {
        if roles.isEmpty {
            notes.append(
                .importReading(
                    "nhiệm vụ chưa có đơn vị nào (chủ trì, phối hợp, theo dõi); hãy điền '\(ContentKey.TaskEntry.lead)'",
                    at: row.place))
        }
        if !time.isEmpty, case .text = TimeFrame(parsing: time).kind, time.contains("/"),
            time.contains(where: \.isNumber)
        {
            notes.append(
                .importReading(
                    "thời gian có vẻ là một ngày nhưng không đọc được; giữ nguyên như văn bản", text: time,
                    at: column[.time].map { row.place(ofCell: $0) } ?? row.place))
        }
        return ImportedTask(
            text: text, lead: roles.lead, cooperating: roles.cooperating, monitoring: roles.monitoring,
            time: time.isEmpty ? nil : time, note: note.isEmpty ? nil : note, line: row.line)
    }

    mutating func setPoints(
        _ role: ColumnRole, _ text: String, on node: CriterionBuilder, row: SourceRow, header: [String]
    ) {
        let label = column[role].map { header[$0] } ?? role.rawValue
        let place = column[role].map { row.place(ofCell: $0) } ?? row.place
        guard let number = PointsReader.read(text) else {
            notes.append(.uninterpreted("không đọc được số ở cột '\(label)'", text: text, at: place))
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
                .uninterpreted(
                    "tiêu chí đã có giá trị '\(existing)' ở cột '\(label)'; giá trị này không được dùng", text: text,
                    at: place))
            return
        }
        switch role {
        case .max: node.max = number
        case .last: node.last = number
        default: node.target = number
        }
    }

    /// The headings to keep in `columns:`, in the format's order.
    func columnLabels() -> [ImportedColumn] {
        let headers = table.header.plainCells
        var out: [ImportedColumn] = []
        // In the format's order; a role that is no column of the format (code, note) has no heading.
        for key in ContentKey.AppendixColumn.allCases {
            guard let role = ColumnRole(rawValue: key.rawValue) else { continue }
            var offset: Int?
            if role == .criterion, codeHoldsTitles {
                offset = column[.code]
            } else if role.isMultiple {
                offset = columns[role]?.first
            } else {
                offset = column[role]
            }
            guard let offset, !headers[offset].isEmpty else { continue }
            out.append(ImportedColumn(key: key, label: headers[offset]))
        }
        return out
    }
}

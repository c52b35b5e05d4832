import PlansiteDiagnostics
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
    public var key: ContentKey.AppendixColumn
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
    /// and lines skipped, in source order, each at its cell or line.
    public var diagnostics: [Diagnostic]
    /// The department names the registry does not know (or knows several of), as written, once
    /// each, in row order.
    public var unknownDepartments: [String]
    /// The source lines of the table, header to last row.
    public var lines: ClosedRange<Int>

    public var rows: [ImportedCriterion] { criteria.flatMap(\.flattened) }
    public var tasks: [ImportedTask] { rows.flatMap(\.tasks) }
}

/// Everything read from one import file.
public struct ImportResult: Sendable {
    public var appendices: [ImportedAppendix]
    /// Findings about lines outside any table.
    public var documentDiagnostics: [Diagnostic]
    /// The registry locality names were matched in (given or inferred).
    public var locality: String?
    /// How many tables the document holds (before `--table` selects one).
    public var tablesFound: Int

    /// Every finding, the document's and each appendix's, in source order: printed like every
    /// other diagnostic (file:line:column, severity, message, code).
    public var diagnostics: [Diagnostic] {
        (documentDiagnostics + appendices.flatMap(\.diagnostics)).inSourceOrder
    }
}

/// A place in a source file. Lines and columns count from 1; 0 means "the whole file".
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// A spreadsheet cell, printed instead of line and column: "Sheet1!D7" (a workbook's
    /// sheet and cell) or "D7" (a CSV file). Line and column then hold its row and column.
    /// In a Word document, the place as a clerk finds it ("đoạn 12", "bảng 2, dòng 3, ô 4"),
    /// line and column then holding the paragraph or row and the cell.
    public var cell: String?

    public init(file: String, line: Int = 0, column: Int = 0, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    public var description: String {
        if let cell { return "\(file):\(cell)" }
        return line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Comparable, Codable {
    /// Something for a person to confirm, not a problem: a reading the importer chose, a line
    /// it skipped on purpose. `plansite check` never reports notes; totals do not count them.
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about the content or the templates, printed compiler-style:
/// `Content/plans/x/plan.md:12:5: error: … [unknown-field]`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    public var notes: [String]
    /// For a `too-many-diagnostics` summary: the diagnostics of its file it stands for.
    public var omitted: Omitted?

    /// How many errors and warnings a summary stands for.
    public struct Omitted: Hashable, Sendable, Codable {
        public var errors: Int
        public var warnings: Int

        public init(errors: Int, warnings: Int) {
            self.errors = errors
            self.warnings = warnings
        }
    }

    /// The longest a value quoted in a message ('…') is shown, and the longest a message is:
    /// a clerk who pasted a whole document into one field is told so in a line, not shown it.
    public static let quotedLimit = 100
    public static let messageLimit = 1_000

    /// `message` with every quoted value longer than `quotedLimit` characters cut to its
    /// beginning and its length, and the whole cut to `messageLimit` characters.
    static func shortened(_ message: String) -> String {
        guard message.utf8.count > quotedLimit else { return message }
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        var out = ""
        for (offset, part) in parts.enumerated() {
            if offset > 0 { out += "'" }
            let quoted = offset % 2 == 1 && offset < parts.count - 1
            if quoted, part.count > quotedLimit {
                out += part.prefix(quotedLimit - 20) + "… (\(part.count) ký tự)"
            } else {
                out += part
            }
        }
        return out.count > messageLimit ? String(out.prefix(messageLimit - 1)) + "…" : out
    }

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = Self.shortened(message)
        self.location = location
        self.notes = notes
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(code.rawValue)]"
        for note in notes { text += "\n    note: \(note)" }
        return text
    }
}

/// Collects diagnostics; stages report into it and never stop at the first problem.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public mutating func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = []
    ) {
        items.append(Diagnostic(.error, code, message, at: location, notes: notes))
    }

    public mutating func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = []
    ) {
        items.append(Diagnostic(.warning, code, message, at: location, notes: notes))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// At most this many diagnostics are shown for one file; the rest are counted in one
    /// `too-many-diagnostics` diagnostic. A clerk fixes the first ones and checks again;
    /// sixty thousand lines help nobody and cost time to sort, store and print.
    public static let perFileLimit = 50

    /// Diagnostics in file, line, column order (the order a reader fixes them in), at most
    /// `perFileLimit` per file followed by one that counts the rest. Applying it again to
    /// its own result, or to a mix of such results, gives the same as applying it once to
    /// everything.
    public var sorted: [Diagnostic] {
        let ordered = items.sorted {
            ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message)
        }
        return Self.limited(ordered)
    }

    /// `ordered` (sorted by location) with each file's diagnostics past the limit replaced
    /// by one summary placed at the first of them.
    static func limited(_ ordered: [Diagnostic]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out.reserveCapacity(Swift.min(ordered.count, 4096))
        var index = ordered.startIndex
        while index < ordered.endIndex {
            let file = ordered[index].location.file
            var shown = 0
            var omitted = Diagnostic.Omitted(errors: 0, warnings: 0)
            var firstOmitted: SourceLocation?
            while index < ordered.endIndex, ordered[index].location.file == file {
                let diagnostic = ordered[index]
                index += 1
                if let counted = diagnostic.omitted {
                    omitted.errors += counted.errors
                    omitted.warnings += counted.warnings
                    firstOmitted = Swift.min(firstOmitted ?? diagnostic.location, diagnostic.location)
                } else if shown < perFileLimit {
                    out.append(diagnostic)
                    shown += 1
                } else {
                    if diagnostic.severity == .error { omitted.errors += 1 } else { omitted.warnings += 1 }
                    firstOmitted = Swift.min(firstOmitted ?? diagnostic.location, diagnostic.location)
                }
            }
            if let firstOmitted { out.append(.summary(omitted, at: firstOmitted)) }
        }
        return out
    }
}

extension Diagnostic {
    /// Errors and warnings in `diagnostics`, counting what each `too-many-diagnostics`
    /// summary stands for instead of the summary itself: the totals to print after them.
    public static func totals(of diagnostics: [Diagnostic]) -> (errors: Int, warnings: Int) {
        var errors = 0
        var warnings = 0
        for diagnostic in diagnostics {
            if let omitted = diagnostic.omitted {
                errors += omitted.errors
                warnings += omitted.warnings
            } else if diagnostic.severity == .error {
                errors += 1
            } else if diagnostic.severity == .warning {
                warnings += 1
            }
        }
        return (errors, warnings)
    }

    /// "và còn 59.950 lỗi khác trong tệp này", at the first diagnostic it stands for.
    public static func summary(_ omitted: Omitted, at location: SourceLocation) -> Diagnostic {
        let total = omitted.errors + omitted.warnings
        let what: String
        switch (omitted.errors, omitted.warnings) {
        case (_, 0): what = "\(grouped(total)) lỗi"
        case (0, _): what = "\(grouped(total)) cảnh báo"
        default:
            what = "\(grouped(total)) vấn đề (\(grouped(omitted.errors)) lỗi, \(grouped(omitted.warnings)) cảnh báo)"
        }
        var diagnostic = Diagnostic(
            omitted.errors > 0 ? .error : .warning, .tooManyDiagnostics,
            "và còn \(what) khác trong tệp này, từ chỗ này trở đi; chỉ \(DiagnosticBag.perFileLimit) vấn đề đầu tiên của mỗi tệp được liệt kê",
            at: location, notes: ["sửa các lỗi trên rồi chạy lại 'plansite check' để xem các lỗi còn lại"])
        diagnostic.omitted = omitted
        return diagnostic
    }

    /// 59950 → "59.950"; four digits stay as they are ("1000"), the Vietnamese custom.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value)
        guard digits.count > 4 else { return digits }
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return out
    }
}

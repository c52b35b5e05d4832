/// A place in a source file. Lines and columns count from 1; 0 means "the whole file".
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

public enum Severity: String, Sendable, Comparable, Codable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One finding about the content or the templates, printed compiler-style:
/// `Content/plans/x/plan.md:12:5: error: … [unknown-field]`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    public var notes: [String]

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
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

    /// Diagnostics in file, line, column order: the order a reader fixes them in.
    public var sorted: [Diagnostic] {
        items.sorted { ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message) }
    }
}

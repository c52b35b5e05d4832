import PlansiteDiagnostics

/// Something the importer reports about a source line: what it could not interpret, a name
/// missing from the registry, a reading it chose, or a line it skipped on purpose.
public struct ImportNote: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Text the importer could not place in the appendix: it is only here.
        case uninterpreted
        /// A department name the registry does not have: kept in the output as written.
        case unknownDepartment
        /// A reading the importer chose that a person should confirm.
        case interpreted
        /// A line skipped on purpose: a repeated header row, a column-number row, a rule.
        case skipped
    }

    /// The source line, counting from 1.
    public var line: Int
    public var kind: Kind
    /// What happened, in Vietnamese.
    public var message: String
    /// The source text concerned, as written (tags stripped).
    public var text: String

    public init(line: Int, kind: Kind, message: String, text: String) {
        self.line = line
        self.kind = kind
        self.message = message
        self.text = text
    }

    /// The severity and code it is reported with, as every other diagnostic.
    public var severity: Severity {
        switch kind {
        case .uninterpreted, .unknownDepartment: .warning
        case .interpreted, .skipped: .note
        }
    }

    public var code: DiagnosticCode {
        switch kind {
        case .uninterpreted: .unmappedContent
        case .unknownDepartment: .unknownDepartment
        case .interpreted: .importReading
        case .skipped: .skippedLine
        }
    }

    /// The message with the source text quoted: "không có đơn vị 'X' …: «X»".
    public var quotedMessage: String { text.isEmpty ? message : "\(message): «\(text)»" }

    /// The note as a diagnostic of `file` (a text, CSV or TSV export), at the start of its line.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(severity, code, quotedMessage, at: SourceLocation(file: file, line: line, column: 1))
    }

    /// "dòng 12: chưa hiểu được ô này: «…»".
    public var description: String {
        text.isEmpty ? "dòng \(line): \(message)" : "dòng \(line): \(message): «\(text)»"
    }
}

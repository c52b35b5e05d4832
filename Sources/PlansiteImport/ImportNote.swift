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

    /// "dòng 12: chưa hiểu được ô này: «…»".
    public var description: String {
        text.isEmpty ? "dòng \(line): \(message)" : "dòng \(line): \(message): «\(text)»"
    }

    /// Compiler-style, for the terminal: "file.txt:12: warning: … «…»".
    public func formatted(file: String) -> String {
        let severity =
            switch kind {
            case .uninterpreted, .unknownDepartment: "warning"
            case .interpreted, .skipped: "note"
            }
        let quoted = text.isEmpty ? "" : ": «\(text)»"
        return "\(file):\(line): \(severity): \(message)\(quoted)"
    }
}

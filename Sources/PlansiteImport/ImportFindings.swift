import PlansiteDiagnostics

/// What the importer reports about its source is a `Diagnostic` like every other stage's, at
/// the place of the cell or line concerned. These name its four kinds, each with its code and
/// severity, and quote the source text after the message ("…: «Sở Du hành Vũ trụ»").
extension Diagnostic {
    /// Text the importer could not place in the appendix: it is only here.
    static func uninterpreted(_ message: String, text: String = "", at place: SourceLocation) -> Diagnostic {
        imported(.warning, .unmappedContent, message, text, place)
    }

    /// A department name the registry does not have (or has several of): kept as written.
    static func unknownDepartment(_ message: String, name: String, at place: SourceLocation) -> Diagnostic {
        imported(.warning, .unknownDepartment, message, name, place)
    }

    /// A reading the importer chose that a person should confirm.
    static func importReading(_ message: String, text: String = "", at place: SourceLocation) -> Diagnostic {
        imported(.note, .importReading, message, text, place)
    }

    /// A line skipped on purpose: a repeated header row, a column-number row, a rule.
    static func skippedLine(_ message: String, text: String, at place: SourceLocation) -> Diagnostic {
        imported(.note, .skippedLine, message, text, place)
    }

    private static func imported(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, _ text: String, _ place: SourceLocation
    ) -> Diagnostic {
        Diagnostic(severity, code, text.isEmpty ? message : "\(message): «\(text)»", at: place)
    }
}

extension [Diagnostic] {
    /// In the order of the source: by line, then column, then code.
    var inSourceOrder: [Diagnostic] {
        enumerated().sorted { a, b in
            let left = (a.element.location.line, a.element.location.column, a.element.code.rawValue, a.offset)
            let right = (b.element.location.line, b.element.location.column, b.element.code.rawValue, b.offset)
            return left < right
        }.map(\.element)
    }
}

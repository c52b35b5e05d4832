import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel
import PlansiteValidator

/// Load and validate: what `plansite check` runs, and the first half of every build.
public struct Checker: Sendable {
    public let content: URL
    public let displayContent: String
    /// The day to judge progress on instead of site.yaml's `as-of` (`build --as-of`).
    public let asOf: CalendarDate?

    public init(content: URL, displayContent: String? = nil, asOf: CalendarDate? = nil) {
        self.content = content
        self.displayContent = displayContent ?? content.path
        self.asOf = asOf
    }

    /// The validated site (nil when there is any error) and every diagnostic, sorted: the
    /// `load` and `validate` phases of a cold build (`BuildPipeline`), without the templates.
    public func check() -> (site: Site?, diagnostics: [Diagnostic]) {
        var (definition, diagnostics) = ContentLoader(root: content, displayRoot: displayContent).load()
        definition.override(asOf: asOf)
        let validation = Validator().validate(definition, widening: nil)
        diagnostics.append(contentsOf: validation.diagnostics)
        return (diagnostics.hasErrors ? nil : validation.site, diagnostics.sorted)
    }
}

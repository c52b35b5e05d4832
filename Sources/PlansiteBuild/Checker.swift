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

    /// The validated site (nil when there is any error) and every diagnostic, sorted.
    public func check() -> (site: Site?, diagnostics: [Diagnostic]) {
        var (definition, loadDiagnostics) = ContentLoader(root: content, displayRoot: displayContent).load()
        definition.override(asOf: asOf)
        let (site, validationDiagnostics) = Validator().validate(definition)
        var bag = DiagnosticBag()
        bag.append(contentsOf: loadDiagnostics)
        bag.append(contentsOf: validationDiagnostics)
        return (bag.hasErrors ? nil : site, bag.sorted)
    }
}

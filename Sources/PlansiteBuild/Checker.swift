import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel
import PlansiteValidator

/// Load and validate: what `plansite check` runs, and the first half of every build.
public struct Checker: Sendable {
    public let content: URL
    public let displayContent: String

    public init(content: URL, displayContent: String? = nil) {
        self.content = content
        self.displayContent = displayContent ?? content.path
    }

    /// The validated site (nil when there is any error) and every diagnostic, sorted.
    public func check() -> (site: Site?, diagnostics: [Diagnostic]) {
        let (definition, loadDiagnostics) = ContentLoader(root: content, displayRoot: displayContent).load()
        let (site, validationDiagnostics) = Validator().validate(definition)
        var bag = DiagnosticBag()
        bag.append(contentsOf: loadDiagnostics)
        bag.append(contentsOf: validationDiagnostics)
        return (bag.hasErrors ? nil : site, bag.sorted)
    }
}

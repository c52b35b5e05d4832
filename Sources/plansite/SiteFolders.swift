import ArgumentParser
import Foundation
import PlansiteBuild

/// The three folders `build` and `serve` work on, with the same flags and defaults.
struct SiteFolders: ParsableArguments {
    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "The templates folder.")
    var templates: String = "Templates"

    @Option(
        name: .long,
        help: """
            The output folder, replaced by the new portal at every build: only if it is absent, empty, \
            or a portal plansite built (it holds .plansite-portal); never the content, the templates, \
            the working folder or a folder above them.
            """)
    var output: String = "Public"

    /// Build options for these folders, shown in messages as the user typed them.
    func buildOptions(incremental: Bool = true) -> SiteBuilder.Options {
        SiteBuilder.Options(
            content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
            output: URL(fileURLWithPath: output), displayContent: content, displayTemplates: templates,
            displayOutput: output, incremental: incremental)
    }
}

import ArgumentParser
import Foundation
import PlansiteBuild

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Checks the content, then builds the portal.",
        discussion: """
            Refuses to build when the check finds an error. The portal is built in a temporary folder \
            beside the output and swapped in only when complete, so a failed build leaves the previous \
            output as it was.
            """
    )

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        let (site, diagnostics) = Checker(content: URL(fileURLWithPath: content), displayContent: content).check()
        DiagnosticPrinter.print(diagnostics)
        guard site != nil else { throw ExitCode(1) }
    }
}

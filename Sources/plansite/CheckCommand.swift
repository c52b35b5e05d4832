import ArgumentParser
import Foundation
import PlansiteBuild
import PlansiteDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks the content and prints every problem as file:line:column.",
        discussion: "Exits with 1 when there is an error; warnings alone exit with 0."
    )

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    func run() throws {
        let (_, diagnostics) = Checker(content: URL(fileURLWithPath: content), displayContent: content).check()
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics { text += diagnostic.description + "\n" }
        // Counted over what the per-file limit left out too, not over the lines shown.
        let (errors, warnings) = Diagnostic.totals(of: diagnostics)
        text += "\(Diagnostic.grouped(errors)) lỗi, \(Diagnostic.grouped(warnings)) cảnh báo\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteModel
import PlansiteRender
import PlansiteWriter

/// The build pipeline: load → validate → render → write. Nothing is written unless
/// every earlier stage succeeded.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL
        public var displayContent: String
        public var displayTemplates: String

        public init(content: URL, templates: URL, output: URL, displayContent: String? = nil, displayTemplates: String? = nil) {
            self.content = content
            self.templates = templates
            self.output = output
            self.displayContent = displayContent ?? content.path
            self.displayTemplates = displayTemplates ?? templates.path
        }
    }

    public struct Outcome: Sendable {
        public let diagnostics: [Diagnostic]
        /// Number of files written; nil when the build was refused.
        public let filesWritten: Int?
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    public func build() -> Outcome {
        let (site, checkDiagnostics) = Checker(content: options.content, displayContent: options.displayContent).check()
        let (templates, templateDiagnostics) = TemplateSet.load(from: options.templates, displayPath: options.displayTemplates)
        var bag = DiagnosticBag()
        bag.append(contentsOf: checkDiagnostics)
        bag.append(contentsOf: templateDiagnostics)
        guard let site, let templates, !bag.hasErrors else { return Outcome(diagnostics: bag.sorted, filesWritten: nil) }
        let files = Renderer(templates: templates).render(site) + [
            OutputFile(path: "README.md", data: Data(PublicFolder.readme.utf8))
        ]
        do {
            try OutputWriter(output: options.output).write(files.map { ($0.path, $0.data) })
        } catch {
            bag.error(.outputFailed, "không ghi được cổng thông tin: \(error)", at: SourceLocation(file: options.output.path))
            return Outcome(diagnostics: bag.sorted, filesWritten: nil)
        }
        return Outcome(diagnostics: bag.sorted, filesWritten: files.count)
    }
}

/// The README that stays in the output folder, the only file of it kept in git.
public enum PublicFolder {
    public static let readme = """
        # Public/

        This folder is the generated portal: `plansite build` writes it from `Content/` and \
        `Templates/`, replacing everything here except what it writes itself. Upload its \
        contents to any web server, or open `index.html` from disk. Do not edit files here: \
        edit the content or the templates and build again.

        """
}

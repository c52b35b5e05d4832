import Foundation
import PlansiteDiagnostics
import PlansiteExport
import PlansiteLoader
import PlansiteModel
import PlansiteRender
import PlansiteValidator
import PlansiteWriter

/// The build pipeline: load → validate → render → write. Nothing is written unless every
/// earlier stage succeeded. After a first build, a build re-renders only what depends on
/// the plans that changed (see `IncrementalPlan`), and writes the same output a cold build
/// would.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var templates: URL
        public var output: URL
        public var displayContent: String
        public var displayTemplates: String
        /// Reuse the previous build's cache (in `.plansite-cache/` beside the output).
        public var incremental: Bool
        /// Identifies the tool: a different one invalidates the cache.
        public var tool: String
        /// The day to judge progress on instead of site.yaml's `as-of` (`build --as-of`).
        public var asOf: CalendarDate?

        public init(
            content: URL, templates: URL, output: URL, displayContent: String? = nil, displayTemplates: String? = nil,
            incremental: Bool = true, tool: String = PlansiteVersion.fingerprint, asOf: CalendarDate? = nil
        ) {
            self.asOf = asOf
            self.content = content
            self.templates = templates
            self.output = output
            self.displayContent = displayContent ?? content.path
            self.displayTemplates = displayTemplates ?? templates.path
            self.incremental = incremental
            self.tool = tool
        }
    }

    public struct Outcome: Sendable {
        public let diagnostics: [Diagnostic]
        /// Number of files written; nil when the build was refused.
        public let filesWritten: Int?
        /// Whether the previous build's cache was used.
        public let incremental: Bool
        /// Why there is no sitemap.xml, when there is none.
        public var sitemapNote: String? = nil
    }

    public let options: Options

    /// A sitemap lists absolute addresses, which only `base-url` in site.yaml gives.
    static let noSitemap =
        "Ghi chú: không tạo sitemap.xml vì site.yaml chưa có base-url (địa chỉ đầy đủ của cổng, ví dụ https://example.gov.vn/cchc/)."

    public init(options: Options) {
        self.options = options
    }

    public func build() -> Outcome {
        let previous = options.incremental ? BuildManifest.load(for: options.output) : nil
        let inputs = Inputs.scan(options, previous: previous)
        if let previous, previous.tool == options.cacheIdentity, previous.shared == inputs.shared,
            FileManager.default.fileExists(atPath: options.output.path)
        {
            return IncrementalBuild(options: options, previous: previous, inputs: inputs).run()
        }
        return coldBuild(inputs: inputs)
    }

    private func coldBuild(inputs: Inputs) -> Outcome {
        let (site, checkDiagnostics) = Checker(
            content: options.content, displayContent: options.displayContent, asOf: options.asOf
        ).check()
        let (templates, templateDiagnostics) = TemplateSet.load(
            from: options.templates, displayPath: options.displayTemplates)
        var bag = DiagnosticBag()
        bag.append(contentsOf: checkDiagnostics)
        bag.append(contentsOf: templateDiagnostics)
        guard let site, let templates, !bag.hasErrors else {
            return Outcome(diagnostics: bag.sorted, filesWritten: nil, incremental: false)
        }
        let summaries = PlanSummary.of(site)
        let files =
            Renderer(templates: templates, links: .exports).jobs(site, summaries: summaries).map {
                OutputWriter.Entry(path: $0.path, contents: $0.render)
            }
            + ExportEntries.entries(site: site, summaries: summaries, plans: nil, departments: nil)
            + [OutputWriter.Entry(path: "README.md", data: Data(PublicFolder.readme.utf8))]
        let written: [String]
        let checksums = ExportEntries.Checksums(known: [])
        do {
            written = try OutputWriter(output: options.output).write(
                files, finish: ExportEntries.finish(settings: site.settings, summaries: summaries, checksums: checksums)
            )
        } catch {
            bag.error(
                .outputFailed, "không ghi được cổng thông tin: \(error)", at: SourceLocation(file: options.output.path))
            return Outcome(diagnostics: bag.sorted, filesWritten: nil, incremental: false)
        }
        if options.incremental {
            BuildManifest.make(
                tool: options.cacheIdentity, inputs: inputs, plans: site.plans, summaries: summaries, written: written,
                diagnostics: bag.sorted,
                dataEntries: checksums.entries, options: options
            ).save(for: options.output)
        }
        return Outcome(
            diagnostics: bag.sorted, filesWritten: written.count, incremental: false,
            sitemapNote: site.settings.baseURL == nil ? Self.noSitemap : nil)
    }
}

extension SiteBuilder.Options {
    /// The tool and the `--as-of` day: a cache made on another day is not reused.
    var cacheIdentity: String { tool + (asOf.map { " as-of \($0.iso)" } ?? "") }
}

/// The inputs of a build as stamps: shared files, and each plan folder's files.
struct Inputs {
    var shared: [FileStamp]
    var plans: [String: [FileStamp]]

    static func scan(_ options: SiteBuilder.Options, previous: BuildManifest?) -> Inputs {
        let fingerprinter = Fingerprinter(previous: previous?.stampsByPath ?? [:])
        var shared = fingerprinter.stamps(of: options.templates, prefix: "templates/")
        var plans: [String: [FileStamp]] = [:]
        for stamp in fingerprinter.stamps(of: options.content, prefix: "content/") {
            let parts = stamp.path.split(separator: "/")
            if parts.count == 4, parts[1] == "plans" {
                plans[String(parts[2]), default: []].append(stamp)
            } else {
                shared.append(stamp)
            }
        }
        return Inputs(shared: shared, plans: plans)
    }
}

extension BuildManifest {
    static func make(
        tool: String, inputs: Inputs, plans: [Plan], summaries: [PlanSummary], written: [String],
        diagnostics: [Diagnostic],
        dataEntries: [DataManifestEntry], options: SiteBuilder.Options
    ) -> BuildManifest {
        let split = DiagnosticSplit(diagnostics, displayContent: options.displayContent)
        var records: [String: PlanRecord] = [:]
        for (slug, files) in inputs.plans {
            records[slug] = PlanRecord(files: files, summary: nil, diagnostics: split.byPlan[slug] ?? [], pages: [])
        }
        for summary in summaries { records[summary.slug]?.summary = summary }
        for plan in plans {
            records[plan.slug]?.pages = ExportEntries.paths(of: plan, in: written)
        }
        return BuildManifest(
            tool: tool, shared: inputs.shared, plans: records, sharedDiagnostics: split.shared, dataEntries: dataEntries
        )
    }
}

/// Diagnostics sorted into those of each plan folder and the rest.
struct DiagnosticSplit {
    var byPlan: [String: [Diagnostic]] = [:]
    var shared: [Diagnostic] = []

    init(_ diagnostics: [Diagnostic], displayContent: String) {
        let prefix = (displayContent.hasSuffix("/") ? displayContent : displayContent + "/") + "plans/"
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if file.hasPrefix(prefix), let slug = file.dropFirst(prefix.count).split(separator: "/").first {
                byPlan[String(slug), default: []].append(diagnostic)
            } else {
                shared.append(diagnostic)
            }
        }
    }
}

extension ExportLinks {
    /// The links to the files `ExportEntries` writes.
    public static let exports = ExportLinks(
        downloads: { plan in Exports.downloads(for: plan).map { ($0.label, $0.path) } },
        calendar: { ExportPaths.calendar($0) })
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

/// The tool's identity for the build cache.
public enum PlansiteVersion {
    public static let version = "0.1.0"

    /// The version and the running binary's size and time, so a rebuilt tool starts cold.
    public static let fingerprint: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "plansite \(version) \(size) \(modified)"
    }()
}

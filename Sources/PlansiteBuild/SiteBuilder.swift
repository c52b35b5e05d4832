import Foundation
import PlansiteAssess
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
        public var displayOutput: String
        /// Reuse the previous build's cache (in `.plansite-cache/` beside the output).
        public var incremental: Bool
        /// Identifies the tool: a different one invalidates the cache.
        public var tool: String
        /// The day to judge progress on instead of site.yaml's `as-of` (`build --as-of`).
        public var asOf: CalendarDate?
        /// The folder the command runs in: the output may be neither it nor one above it.
        public var workingDirectory: String
        /// How long a build waits for another one writing the same output before it gives up.
        public var lockTimeout: Duration

        public init(
            content: URL, templates: URL, output: URL, displayContent: String? = nil, displayTemplates: String? = nil,
            displayOutput: String? = nil, incremental: Bool = true, tool: String = PlansiteVersion.fingerprint,
            asOf: CalendarDate? = nil, workingDirectory: String = FileManager.default.currentDirectoryPath,
            lockTimeout: Duration = .seconds(30)
        ) {
            self.asOf = asOf
            self.content = content
            self.templates = templates
            self.output = output
            self.displayContent = displayContent ?? content.path
            self.displayTemplates = displayTemplates ?? templates.path
            self.displayOutput = displayOutput ?? output.path
            self.incremental = incremental
            self.tool = tool
            self.workingDirectory = workingDirectory
            self.lockTimeout = lockTimeout
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

    /// Whether the output folder may be replaced (see `OutputGuard`): checked by every build
    /// before anything is written or deleted, and by `serve` before it starts.
    public func outputVerdict() -> OutputGuard.Verdict {
        OutputGuard(
            output: .init(path: options.output.path, display: options.displayOutput),
            content: .init(path: options.content.path, display: options.displayContent),
            templates: .init(path: options.templates.path, display: options.displayTemplates),
            workingDirectory: options.workingDirectory, seedFiles: ["README.md": Data(PublicFolder.readme.utf8)]
        ).check()
    }

    /// The refusal of an unsafe output folder as a diagnostic, or none.
    public func outputProblems() -> [Diagnostic] {
        guard case .refused(let reason) = outputVerdict() else { return [] }
        return [
            Diagnostic(
                .error, .unsafeOutput, reason,
                at: SourceLocation(file: options.displayOutput))
        ]
    }

    public func build() -> Outcome {
        let refused = { (diagnostics: [Diagnostic]) in
            Outcome(diagnostics: diagnostics, filesWritten: nil, incremental: false)
        }
        guard case .safe(let output) = outputVerdict() else { return refused(outputProblems()) }
        let location = SourceLocation(file: options.displayOutput)
        let lock: OutputLock
        do {
            try FileManager.default.createDirectory(
                at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
            lock = try OutputLock.acquire(for: output, timeout: options.lockTimeout)
        } catch OutputLock.LockError.busy {
            let seconds = Int(options.lockTimeout.components.seconds)
            return refused([
                Diagnostic(
                    .error, .outputBusy,
                    "một bản dựng khác đang ghi vào \(options.displayOutput) (đã chờ \(seconds) giây): "
                        + "hãy chờ bản dựng đó xong, hoặc dừng `plansite serve` đang chạy, rồi dựng lại.",
                    at: location)
            ])
        } catch {
            return refused([
                Diagnostic(
                    .error, .outputFailed, "không ghi được cổng thông tin: \(error)",
                    at: location)
            ])
        }
        defer { lock.release() }
        // Again under the lock: the folder may have changed while this build waited.
        guard case .safe = outputVerdict() else { return refused(outputProblems()) }
        var locked = options
        locked.output = output
        OutputWriter(output: output).cleanUp()
        return SiteBuilder(options: locked).buildLocked()
    }

    /// The build proper, with the output's real path and its lock held.
    private func buildLocked() -> Outcome {
        let previous = options.incremental ? BuildManifest.load(for: options.output) : nil
        let inputs = Inputs.scan(options, previous: previous)
        let buildID = BuildID.of(tool: options.cacheIdentity, inputs: inputs)
        // The cache is used only when it describes the very portal in the output folder.
        if let previous, previous.tool == options.cacheIdentity, previous.shared == inputs.shared,
            let portal = PortalMarker.buildID(of: options.output), previous.buildID == portal
        {
            return IncrementalBuild(options: options, previous: previous, inputs: inputs, buildID: buildID).run()
        }
        return coldBuild(inputs: inputs, buildID: buildID)
    }

    private func coldBuild(inputs: Inputs, buildID: String) -> Outcome {
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
        let assessment = SiteAssessment(site)
        let files =
            Renderer(templates: templates).jobs(site, assessment: assessment).map {
                OutputWriter.Entry(path: $0.path, contents: $0.render)
            }
            + ExportEntries.entries(site: site, assessment: assessment, plans: nil, departments: nil)
            + [OutputWriter.Entry(path: "README.md", data: Data(PublicFolder.readme.utf8))]
        let written: [String]
        let checksums = ExportEntries.Checksums(known: [])
        let diagnostics = bag.sorted
        do {
            // The cache is saved once the new site is in place, before the old one is deleted.
            written = try OutputWriter(output: options.output).write(
                files, buildID: buildID,
                finish: ExportEntries.finish(settings: site.settings, plans: assessment.plans, checksums: checksums)
            ) { written in
                guard options.incremental else { return }
                BuildManifest.make(
                    tool: options.cacheIdentity, buildID: buildID, inputs: inputs, plans: site.plans,
                    assessments: assessment.plans,
                    written: written, diagnostics: diagnostics, dataEntries: checksums.entries, options: options
                ).save(for: options.output)
            }
        } catch {
            bag.error(
                .outputFailed, "không ghi được cổng thông tin: \(error)",
                at: SourceLocation(file: options.displayOutput))
            return Outcome(diagnostics: bag.sorted, filesWritten: nil, incremental: false)
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
        tool: String, buildID: String, inputs: Inputs, plans: [Plan], assessments: [PlanAssessment],
        written: [String],
        diagnostics: [Diagnostic],
        dataEntries: [DataManifestEntry], options: SiteBuilder.Options
    ) -> BuildManifest {
        let split = DiagnosticSplit(diagnostics, displayContent: options.displayContent)
        var records: [String: PlanRecord] = [:]
        for (slug, files) in inputs.plans {
            records[slug] = PlanRecord(
                files: files, assessment: nil, diagnostics: split.byPlan[slug] ?? [], pages: [])
        }
        for assessment in assessments { records[assessment.slug]?.assessment = assessment }
        for plan in plans {
            records[plan.slug]?.pages = ExportEntries.paths(of: plan, in: written)
        }
        return BuildManifest(
            tool: tool, buildID: buildID, shared: inputs.shared, plans: records, sharedDiagnostics: split.shared,
            dataEntries: dataEntries
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

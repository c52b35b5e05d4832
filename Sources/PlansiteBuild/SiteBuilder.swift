import Foundation
import PlansiteAssess
import PlansiteDiagnostics
import PlansiteExport
import PlansiteLoader
import PlansiteModel
import PlansiteRender
import PlansiteSupport
import PlansiteValidator
import PlansiteWriter

/// A build of the portal: checks that the output folder may be replaced, takes its lock, and
/// runs the phases of `BuildPipeline` (load → validate → assess → render ∥ export → write →
/// record). Nothing is written unless every earlier phase succeeded. After a first build, a
/// build reads and re-renders only what depends on the plans that changed (see
/// `IncrementalScope`), and writes the same output a cold build would.
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
        /// The phases of `BuildPipeline` this build ran, in order (none when nothing changed
        /// or the output was refused).
        public var phases: [BuildPhase] = []
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

    /// Builds the portal. A builder that stays running passes its `session` (see
    /// `BuildSession`), then calls `tidy` once the outcome is shown.
    public func build(session: BuildSession? = nil) -> Outcome {
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
        OutputWriter(output: output).cleanUp(keeping: session?.owned ?? [])
        return SiteBuilder(options: locked).buildLocked(session: session)
    }

    /// The build proper, with the output's real path and its lock held.
    private func buildLocked(session: BuildSession?) -> Outcome {
        let portal = PortalMarker.buildID(of: options.output)
        // The session's cache and plans only while they describe the portal in place.
        let kept = options.incremental ? session?.previous(describing: portal) : nil
        let previous = options.incremental ? kept?.manifest ?? BuildManifest.load(for: options.output) : nil
        let walks = session?.takeWalks() ?? [:]
        let inputs = Inputs.scan(options, previous: previous, walked: walks)
        let buildID = BuildID.of(tool: options.cacheIdentity, inputs: inputs)
        var scope = BuildScope.everything
        // The cache is used only when it describes the very portal in the output folder.
        if let previous, previous.tool == options.cacheIdentity, previous.shared == inputs.shared,
            let portal, previous.buildID == portal
        {
            scope = .changes(IncrementalScope(previous: previous, inputs: inputs, before: kept?.plans ?? [:]))
        }
        return BuildPipeline(
            options: options, inputs: inputs, buildID: buildID, scope: scope, session: session,
            contentWalk: walks[options.content.standardizedFileURL.path]
        ).run()
    }

    /// The work a build of `session` left for after its outcome is shown: the previous sites
    /// deleted, the cache saved (only while it describes the portal in place), the next
    /// update's staging folder prepared — or the one prepared before kept, when the build
    /// did not use it (nothing changed, an error in the content, a cold build) and it still
    /// copies the output. Skipped when another build holds the output: that build removes
    /// what is left beside it, and saves its own cache. Returns whether a copy is prepared.
    @discardableResult
    public func tidy(_ session: BuildSession) -> Bool {
        settle(session, wait: .zero) { writer, unused in
            if let unused {
                if writer.isCurrent(unused) {
                    session.setPrepared(unused)
                    return true
                }
                writer.discard(unused)
            }
            guard options.incremental, let copy = writer.prepareCopy() else { return false }
            session.setPrepared(copy)
            return true
        }
    }

    /// Ends a session: what `tidy` does, the prepared copy deleted instead of made.
    public func close(_ session: BuildSession) {
        _ = settle(session, wait: options.lockTimeout) { writer, unused in
            if let unused { writer.discard(unused) }
            return false
        }
    }

    /// Deletes the previous sites and saves the cache under the output's lock, then runs
    /// `then` with the prepared copy the last build left unused, if any.
    private func settle(
        _ session: BuildSession, wait: Duration, then: (OutputWriter, PreparedCopy?) -> Bool
    ) -> Bool {
        guard case .safe(let output) = outputVerdict(), let lock = try? OutputLock.acquire(for: output, timeout: wait)
        else { return false }
        defer { lock.release() }
        let writer = OutputWriter(output: output)
        for name in session.takeRetired() { writer.removeRetired(name) }
        if let manifest = session.takeUnsaved(), manifest.buildID == PortalMarker.buildID(of: output) {
            manifest.save(for: output)
        }
        return then(writer, session.takePrepared())
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

    /// `walked`: the walks of the content and the templates (`FileTree.walk`), by root path,
    /// when the caller has just made them.
    static func scan(
        _ options: SiteBuilder.Options, previous: BuildManifest?, walked: [String: [FileTree.File]] = [:]
    ) -> Inputs {
        let fingerprinter = Fingerprinter(previous: previous?.stampsByPath ?? [:])
        let walk = { (folder: URL) in walked[folder.standardizedFileURL.path] }
        var shared = fingerprinter.stamps(
            of: options.templates, prefix: "templates/", walked: walk(options.templates)
        ).map(\.stamp)
        var plans: [String: [FileStamp]] = [:]
        for (file, stamp) in fingerprinter.stamps(
            of: options.content, prefix: "content/", walked: walk(options.content))
        {
            // A plan folder's files are the ones the loader reads as that plan's.
            if case .plan(let slug, _) = ContentLayout.place(of: file.components) {
                plans[slug, default: []].append(stamp)
            } else {
                shared.append(stamp)
            }
        }
        return Inputs(shared: shared, plans: plans)
    }
}

extension BuildManifest {
    /// The cache of a cold build. `diagnostics` come attributed (and each group sorted) by
    /// the loader and the validator.
    static func make(
        tool: String, buildID: String, inputs: Inputs, plans: [Plan], assessments: [PlanAssessment],
        quotes: [String: [ResultFigure]], written: [String], diagnostics: AttributedDiagnostics,
        dataEntries: [DataManifestEntry]
    ) -> BuildManifest {
        var records: [String: PlanRecord] = [:]
        for (slug, files) in inputs.plans {
            records[slug] = PlanRecord(
                files: files, assessment: nil, quotes: quotes[slug] ?? [], diagnostics: diagnostics.byPlan[slug] ?? [],
                pages: [])
        }
        for assessment in assessments { records[assessment.slug.rawValue]?.assessment = assessment }
        for plan in plans {
            records[plan.slug.rawValue]?.pages = ExportEntries.paths(of: plan, in: written)
        }
        return BuildManifest(
            tool: tool, buildID: buildID, shared: inputs.shared, plans: records,
            sharedDiagnostics: diagnostics.shared, dataEntries: dataEntries
        )
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

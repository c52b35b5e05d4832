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

/// The phases of every build, in the order they run.
public enum BuildPhase: String, Sendable, CaseIterable {
    /// Content (all plans, or the changed ones) and templates read into definitions.
    case load
    /// Definitions checked into the site (an incremental build adds the plans that depend on
    /// the changed ones here, and validates each plan once).
    case validate
    /// Per-plan figures every page and export shares.
    case assess
    /// Pages through the templates (all, or those the changes reach).
    case render
    /// Feeds, calendars, search index, open data (independent of `render`).
    case export
    /// The new site into a fresh staging folder, or the previous one hard-linked and updated.
    case write
    /// The build cache, once the new site is in place.
    case record
}

/// What a build covers: everything (cold), or the changes since the build the cache describes.
enum BuildScope {
    case everything
    case changes(IncrementalScope)
}

/// The one build, as its phases: `SiteBuilder` (cold and incremental), `serve` and the tests
/// all run `run()`. A cold build is the incremental build with everything changed; the two
/// differ only in what `scope` selects (which plans are read, which pages are rendered) and
/// in how `write` writes (a fresh staging folder, or the previous site hard-linked and
/// updated). Nothing is written unless every phase before `write` succeeded.
struct BuildPipeline {
    let options: SiteBuilder.Options
    let inputs: Inputs
    /// The id of the site this build makes, for the portal's marker and the cache.
    let buildID: String
    let scope: BuildScope
    /// A running builder's session: the cache is kept there (saved after the build), the
    /// update writes into its prepared copy, and the previous site is left to it to delete.
    var session: BuildSession? = nil
    /// The content folder's walk, when the session has it (the one the inputs were stamped from).
    var contentWalk: [FileTree.File]? = nil

    /// The content and templates as read.
    struct Loaded {
        var content: ContentDefinition
        var templates: TemplateSet?
        var diagnostics: AttributedDiagnostics
    }

    /// The validated site, and which plans this build read.
    struct Validated {
        var site: Site?
        var diagnostics: AttributedDiagnostics
        /// Plans read and validated by this build (every plan, for a cold build).
        var loaded: Set<String>
        /// The results each of those plans quotes.
        var quotes: [String: [ResultFigure]]
    }

    func run() -> SiteBuilder.Outcome {
        let incremental = if case .changes = scope { true } else { false }
        var phases: [BuildPhase] = []
        func outcome(_ diagnostics: [Diagnostic], written: Int?, note: String? = nil) -> SiteBuilder.Outcome {
            SiteBuilder.Outcome(
                diagnostics: diagnostics, filesWritten: written, incremental: incremental, sitemapNote: note,
                phases: phases)
        }
        if case .changes(let changes) = scope, changes.isEmpty {
            return outcome(changes.cachedDiagnostics.sorted, written: 0)
        }
        // The definitions as read are dropped once validated: the pages and exports are made from
        // the site alone (at national scale they are a tenth of the peak memory).
        let (templates, validated) = { () -> (TemplateSet?, Validated) in
            phases.append(.load)
            let loaded = load()
            phases.append(.validate)
            return (loaded.templates, validate(loaded))
        }()
        guard let site = validated.site, let templates, !validated.diagnostics.hasErrors else {
            return outcome(validated.diagnostics.sorted, written: nil)
        }
        phases.append(.assess)
        let assessment = assess(site, loaded: validated.loaded)
        let selection = selection(site, assessment: assessment, quotes: validated.quotes)
        phases.append(.render)
        let pages = render(site, templates: templates, assessment: assessment, selection: selection)
        phases.append(.export)
        let exports = export(site, assessment: assessment, selection: selection)
        phases.append(.write)
        let written: [String]
        do {
            written = try write(pages + exports, site: site, assessment: assessment) { written, dataEntries in
                phases.append(.record)
                record(
                    site: site, validated: validated, assessment: assessment, written: written,
                    dataEntries: dataEntries)
            }
        } catch {
            var diagnostics = validated.diagnostics
            diagnostics.shared.append(
                Diagnostic(
                    .error, .outputFailed, "không ghi được cổng thông tin: \(error)",
                    at: SourceLocation(file: options.displayOutput)))
            return outcome(diagnostics.sorted, written: nil)
        }
        return outcome(
            validated.diagnostics.sorted, written: written.count,
            note: site.settings.baseURL == nil ? SiteBuilder.noSitemap : nil)
    }

    // MARK: - The phases

    func load() -> Loaded {
        let loader = ContentLoader(root: options.content, displayRoot: options.displayContent)
        var (content, diagnostics) =
            switch scope {
            case .everything: loader.load(walked: contentWalk)
            case .changes(let changes):
                loader.load(plans: { [changed = changes.changed] in changed.contains($0) }, walked: contentWalk)
            }
        content.override(asOf: options.asOf)
        let loadTemplates = { TemplateSet.load(from: options.templates, displayPath: options.displayTemplates) }
        let (templates, templateDiagnostics) =
            session?.templates(
                in: options.templates.standardizedFileURL.path + "\n" + options.displayTemplates,
                shared: inputs.shared, load: loadTemplates) ?? loadTemplates()
        diagnostics.append(contentsOf: templateDiagnostics, plan: nil)
        return Loaded(content: content, templates: templates, diagnostics: diagnostics)
    }

    func validate(_ loaded: Loaded) -> Validated {
        var diagnostics = loaded.diagnostics
        var slugs = Set(loaded.content.plans.map(\.slug.value))
        var widening: (([Plan], Bool) -> [PlanDefinition])?
        var quotesNotRead: [String: [ResultFigure]] = [:]
        if case .changes(let changes) = scope {
            quotesNotRead = changes.quotesNotRead
            let loader = ContentLoader(root: options.content, displayRoot: options.displayContent)
            widening = { plans, hasErrors in
                // With an error in the changed plans the build stops: no dependent is needed.
                guard !hasErrors else { return [] }
                let (more, moreDiagnostics) = loader.loadPlans(changes.dependents(of: plans))
                diagnostics.append(contentsOf: moreDiagnostics)
                slugs.formUnion(more.map(\.slug.value))
                return more
            }
        }
        let validation = Validator().validate(loaded.content, widening: widening, quotesNotRead: quotesNotRead)
        diagnostics.append(contentsOf: validation.diagnostics)
        if case .changes(let changes) = scope {
            diagnostics.append(contentsOf: changes.cachedPlanDiagnostics(except: slugs))
        }
        return Validated(site: validation.site, diagnostics: diagnostics, loaded: slugs, quotes: validation.quotes)
    }

    /// Each plan read by this build judged once; the others' assessments from the cache.
    func assess(_ site: Site, loaded: Set<String>) -> SiteAssessment {
        guard case .changes(let changes) = scope else { return SiteAssessment(site) }
        let kept = changes.previous.plans.filter { !loaded.contains($0.key) && !changes.removed.contains($0.key) }
        return SiteAssessment(site, cached: kept.compactMap(\.value.assessment))
    }

    /// The pages and exports this build makes.
    func selection(_ site: Site, assessment: SiteAssessment, quotes: [String: [ResultFigure]]) -> Renderer.Selection {
        guard case .changes(let changes) = scope else { return .all }
        return Renderer.Selection(
            plans: Set(changes.changed.map(PlanID.init)), departments: changes.departments(of: site),
            siteWide: changes.changesSiteWideFiles(fresh: assessment.fresh, quotes: quotes))
    }

    func render(
        _ site: Site, templates: TemplateSet, assessment: SiteAssessment, selection: Renderer.Selection
    ) -> [OutputWriter.Entry] {
        Renderer(templates: templates).jobs(site, assessment: assessment, selection: selection)
            .map { OutputWriter.Entry(path: $0.path, contents: $0.render) }
    }

    func export(_ site: Site, assessment: SiteAssessment, selection: Renderer.Selection) -> [OutputWriter.Entry] {
        ExportEntries.entries(
            site: site, assessment: assessment, plans: selection.plans, departments: selection.departments,
            siteWide: selection.siteWide)
    }

    /// Writes the files (and the files `ExportEntries.finish` makes from the rest); `record`
    /// is called once the new site is in place, before the old one is deleted.
    func write(
        _ files: [OutputWriter.Entry], site: Site, assessment: SiteAssessment,
        record: @escaping ([String], [DataManifestEntry]) -> Void
    ) throws -> [String] {
        let writer = OutputWriter(output: options.output)
        let retire: OutputWriter.Retire? = session.map { session in { session.addRetired($0) } }
        switch scope {
        case .everything:
            let checksums = ExportEntries.Checksums(known: [])
            let readme = OutputWriter.Entry(path: "README.md", data: Data(PublicFolder.readme.utf8))
            return try writer.write(
                files + [readme], buildID: buildID,
                finish: ExportEntries.finish(settings: site.settings, plans: assessment.plans, checksums: checksums),
                afterSwap: { written in
                    // A `--no-cache` build keeps no cache.
                    if options.incremental { record(written, checksums.entries) }
                }, retire: retire)
        case .changes(let changes):
            let checksums = ExportEntries.Checksums(known: changes.previous.dataEntries)
            return try writer.update(
                writing: files, removing: changes.stalePages(keeping: files), buildID: buildID,
                finish: ExportEntries.finish(settings: site.settings, plans: assessment.plans, checksums: checksums),
                afterSwap: { written in record(written, checksums.entries) }, prepared: session?.takePrepared(),
                retire: retire)
        }
    }

    func record(
        site: Site, validated: Validated, assessment: SiteAssessment, written: [String],
        dataEntries: [DataManifestEntry]
    ) {
        let diagnostics = validated.diagnostics.eachSorted
        let manifest: BuildManifest =
            switch scope {
            case .everything:
                BuildManifest.make(
                    tool: options.cacheIdentity, buildID: buildID, inputs: inputs, plans: site.plans,
                    assessments: assessment.fresh, quotes: validated.quotes, written: written, diagnostics: diagnostics,
                    dataEntries: dataEntries)
            case .changes(let changes):
                changes.updated(
                    buildID: buildID, inputs: inputs, site: site, assessments: assessment.fresh,
                    loaded: validated.loaded, quotes: validated.quotes, written: written, diagnostics: diagnostics,
                    dataEntries: dataEntries)
            }
        guard let session else { return manifest.save(for: options.output) }
        switch scope {
        case .everything: session.keep(manifest, changed: nil)
        case .changes(let changes):
            session.keep(
                manifest, changed: site.plans.filter { changes.changed.contains($0.slug.rawValue) },
                removed: changes.removed)
        }
    }
}

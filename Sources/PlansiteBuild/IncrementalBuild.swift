import Foundation
import PlansiteAssess
import PlansiteDiagnostics
import PlansiteExport
import PlansiteLoader
import PlansiteModel
import PlansiteRender
import PlansiteValidator
import PlansiteWriter

/// A build after a previous one with the same tool, templates, settings and registries:
/// only changed plan folders are read, and only the pages that depend on them are rendered —
/// the plans' own pages, the pages of the departments they name (before or after the change),
/// and the site-wide pages. The new site is the previous one hard-linked into a staging
/// folder with those pages written anew, swapped in whole (see `OutputWriter.update`).
struct IncrementalBuild {
    let options: SiteBuilder.Options
    let previous: BuildManifest
    let inputs: Inputs
    /// The id of the site this build makes, for the portal's marker and the cache.
    let buildID: String

    func run() -> SiteBuilder.Outcome {
        let changed = Set(inputs.plans.filter { previous.plans[$0.key]?.files != $0.value }.keys)
        let removed = Set(previous.plans.keys).subtracting(inputs.plans.keys)
        if changed.isEmpty, removed.isEmpty {
            return SiteBuilder.Outcome(diagnostics: cachedDiagnostics(except: []), filesWritten: 0, incremental: true)
        }
        let loader = ContentLoader(root: options.content, displayRoot: options.displayContent)
        // Settings and registries (unchanged, but needed to resolve names), and the changed plans.
        var (content, diagnostics) = loader.load(plans: { changed.contains($0) })
        content.override(asOf: options.asOf)
        let (changedSite, _) = Validator().validate(content)
        // Departments named by the changed plans, before or after the change.
        var departments: Set<String> = []
        for slug in changed.union(removed) {
            departments.formUnion(previous.plans[slug]?.assessment?.roles.keys ?? [:].keys)
        }
        for plan in changedSite?.plans ?? [] {
            departments.formUnion(plan.allTasks.flatMap { $0.assignments.map(\.department) })
        }
        // Unchanged plans that name one of them: their tasks are on that department's page.
        // Unchanged plans that quote results too: the results history is made of every quote,
        // and the quotes are compared with each other.
        let dependents = previous.plans.filter { slug, record in
            !changed.contains(slug) && !removed.contains(slug)
                && ((record.assessment?.roles.keys.contains { departments.contains($0) } ?? false)
                    || (record.assessment?.quotesResults ?? false))
        }.keys
        if changedSite != nil, !dependents.isEmpty {
            let (more, moreDiagnostics) = loader.loadPlans(Array(dependents))
            content.plans += more
            content.plans.sort { $0.slug.value < $1.slug.value }
            diagnostics += moreDiagnostics
        }
        let (site, validation) = Validator().validate(content)
        let (templates, templateDiagnostics) = TemplateSet.load(
            from: options.templates, displayPath: options.displayTemplates)
        var bag = DiagnosticBag()
        let loaded = Set(content.plans.map(\.slug.value))
        bag.append(contentsOf: cachedDiagnostics(except: loaded))
        bag.append(contentsOf: diagnostics)
        bag.append(contentsOf: validation)
        bag.append(contentsOf: templateDiagnostics)
        guard let site, let templates, !bag.hasErrors else {
            return SiteBuilder.Outcome(diagnostics: bag.sorted, filesWritten: nil, incremental: true)
        }
        let cached = previous.plans.filter { !loaded.contains($0.key) && !removed.contains($0.key) }
            .compactMap(\.value.assessment)
        let assessment = SiteAssessment(site, cached: cached)
        let selection = Renderer.Selection(plans: changed, departments: departments, siteWide: true)
        let files =
            Renderer(templates: templates).jobs(site, assessment: assessment, selection: selection)
            .map { OutputWriter.Entry(path: $0.path, contents: $0.render) }
            + ExportEntries.entries(site: site, assessment: assessment, plans: changed, departments: departments)
        var stale: Set<String> = []
        for slug in changed.union(removed) { stale.formUnion(previous.plans[slug]?.pages ?? []) }
        stale.subtract(files.compactMap(\.path))
        let written: [String]
        let checksums = ExportEntries.Checksums(known: previous.dataEntries)
        let sorted = bag.sorted
        do {
            // The cache is saved once the new site is in place, before the old one is deleted.
            written = try OutputWriter(output: options.output).update(
                writing: files, removing: stale, buildID: buildID,
                finish: ExportEntries.finish(settings: site.settings, plans: assessment.plans, checksums: checksums)
            ) { written in
                saveManifest(
                    site: site, assessments: assessment.fresh, loaded: loaded, changed: changed, removed: removed,
                    written: written,
                    diagnostics: sorted, dataEntries: checksums.entries)
            }
        } catch {
            bag.error(
                .outputFailed, "không ghi được cổng thông tin: \(error)",
                at: SourceLocation(file: options.displayOutput))
            return SiteBuilder.Outcome(diagnostics: bag.sorted, filesWritten: nil, incremental: true)
        }
        return SiteBuilder.Outcome(
            diagnostics: bag.sorted, filesWritten: written.count, incremental: true,
            sitemapNote: site.settings.baseURL == nil ? SiteBuilder.noSitemap : nil)
    }

    /// The previous build's diagnostics, less those of the plans read again.
    private func cachedDiagnostics(except loaded: Set<String>) -> [Diagnostic] {
        var bag = DiagnosticBag()
        // The comparison of results is made anew by every build that validates (results.yaml
        // and every plan that quotes results are read each time): not taken from the cache.
        bag.append(
            contentsOf: previous.sharedDiagnostics.filter {
                loaded.isEmpty || ($0.code != .duplicateResult && $0.code != .contradictoryResult)
            })
        for (slug, record) in previous.plans where !loaded.contains(slug) { bag.append(contentsOf: record.diagnostics) }
        return bag.sorted
    }

    private func saveManifest(
        site: Site, assessments: [PlanAssessment], loaded: Set<String>, changed: Set<String>, removed: Set<String>,
        written: [String],
        diagnostics: [Diagnostic], dataEntries: [DataManifestEntry]
    ) {
        var manifest = previous
        manifest.buildID = buildID
        manifest.dataEntries = dataEntries
        let split = DiagnosticSplit(diagnostics, displayContent: options.displayContent)
        for slug in removed { manifest.plans[slug] = nil }
        for slug in loaded {
            let pages = manifest.plans[slug]?.pages ?? []
            manifest.plans[slug] = BuildManifest.PlanRecord(
                files: inputs.plans[slug] ?? [], assessment: nil, diagnostics: split.byPlan[slug] ?? [], pages: pages)
        }
        for assessment in assessments { manifest.plans[assessment.slug]?.assessment = assessment }
        for plan in site.plans {
            if changed.contains(plan.slug) {
                manifest.plans[plan.slug]?.pages = ExportEntries.paths(of: plan, in: written)
            }
        }
        manifest.save(for: options.output)
    }
}

import Foundation
import PlansiteAssess
import PlansiteDiagnostics
import PlansiteExport
import PlansiteModel
import PlansiteRender
import PlansiteValidator
import PlansiteWriter

/// What an incremental build selects, after a previous build with the same tool, templates,
/// settings and registries: only changed plan folders are read (with the unchanged plans that
/// depend on them), and only the pages that depend on them are rendered — the plans' own
/// pages, the pages of the departments they name (before or after the change), and the
/// site-wide pages when a plan's figures or quotes changed (`changesSiteWideFiles`). The new
/// site is the previous one hard-linked into a staging folder with those pages written anew,
/// swapped in whole (see `OutputWriter.update`). The phases are `BuildPipeline`'s, the same as
/// a cold build's.
struct IncrementalScope {
    let previous: BuildManifest
    /// Plan folders whose files differ from the previous build's, or that are new.
    let changed: Set<String>
    /// Plan folders the previous build had and this one does not.
    let removed: Set<String>

    /// Changed plans as the previous build read them, where a session kept them.
    let before: [String: Plan]

    init(previous: BuildManifest, inputs: Inputs, before: [String: Plan] = [:]) {
        self.previous = previous
        self.before = before
        changed = Set(inputs.plans.filter { previous.plans[$0.key]?.files != $0.value }.keys)
        removed = Set(previous.plans.keys).subtracting(inputs.plans.keys)
    }

    /// Nothing changed: the portal in place is the one this build would make.
    var isEmpty: Bool { changed.isEmpty && removed.isEmpty }

    /// Departments whose files the changed plans may change: those they name, before (the
    /// previous assessments) or after the change (`plans`, validated: only the changed ones
    /// among them count); for a plan the previous build read in this session and whose tasks
    /// alone were edited, only those the edited rows name (`TaskEdits`).
    func departments(of plans: [Plan]) -> Set<DepartmentID> {
        var departments: Set<DepartmentID> = []
        for plan in plans where changed.contains(plan.slug.rawValue) {
            if let before = before[plan.slug.rawValue], let edited = TaskEdits.departments(before: before, after: plan)
            {
                departments.formUnion(edited)
            } else {
                departments.formUnion(previous.plans[plan.slug.rawValue]?.assessment?.roles.keys ?? [:].keys)
                departments.formUnion(plan.allTasks.flatMap { $0.assignments.map(\.department) })
            }
        }
        // Removed plans, and changed ones not validated here (none reach the pages then).
        let validated = Set(plans.map(\.slug.rawValue))
        for slug in changed.union(removed) where !validated.contains(slug) {
            departments.formUnion(previous.plans[slug]?.assessment?.roles.keys ?? [:].keys)
        }
        return departments
    }

    func departments(of site: Site) -> Set<DepartmentID> { departments(of: site.plans) }

    /// Whether the site-wide pages and exports (home, directory, index pages, results history,
    /// search catalog, feed, …) may differ from the previous build's. They are made from the
    /// shared inputs (the same, or the build is cold), every plan's `PlanAssessment` and the
    /// results history (results.yaml and the results plans quote), never from the plans
    /// themselves, which an incremental build reads only in part. So they differ only when a
    /// plan is added or removed, or a changed plan's assessment or quotes differ from the
    /// cached ones: a task's text edited changes none of them.
    func changesSiteWideFiles(fresh: [PlanAssessment], quotes: [String: [ResultFigure]]) -> Bool {
        guard removed.isEmpty else { return true }
        let fresh = Dictionary(fresh.map { ($0.slug.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        return changed.contains { slug in
            guard let before = previous.plans[slug], let assessment = before.assessment else { return true }
            return fresh[slug] != assessment || (quotes[slug] ?? []) != before.quotes
        }
    }

    /// Unchanged plans that name one of those departments (their tasks are on that
    /// department's page). Plans that quote results are not read again for their quotes: the
    /// results history and the comparison of figures take them from the cache (`quotesNotRead`).
    func dependents(of plans: [Plan]) -> [String] {
        let departments = departments(of: plans)
        return previous.plans.filter { slug, record in
            !changed.contains(slug) && !removed.contains(slug)
                && (record.assessment?.roles.keys.contains { departments.contains($0) } ?? false)
        }.keys.sorted()
    }

    /// The quotes of the unchanged plans, as the previous build read them; the validator uses
    /// those of the plans it does not read.
    var quotesNotRead: [String: [ResultFigure]] {
        previous.plans.filter { !changed.contains($0.key) && !removed.contains($0.key) }.mapValues(\.quotes)
    }

    /// The previous build's diagnostics, for a build that validates nothing (no input changed).
    var cachedDiagnostics: AttributedDiagnostics {
        var diagnostics = AttributedDiagnostics(shared: previous.sharedDiagnostics)
        for (slug, record) in previous.plans { diagnostics.append(contentsOf: record.diagnostics, plan: slug) }
        return diagnostics
    }

    /// The diagnostics of the plans this build does not read again, from the previous build.
    /// None of the shared ones: an incremental build reads and validates every shared file
    /// (site.yaml, the registry, results.yaml, the templates) and compares every quoted result
    /// anew, so its own shared diagnostics replace the previous build's.
    func cachedPlanDiagnostics(except loaded: Set<String>) -> AttributedDiagnostics {
        var diagnostics = AttributedDiagnostics(shared: [])
        for (slug, record) in previous.plans where !loaded.contains(slug) {
            diagnostics.append(contentsOf: record.diagnostics, plan: slug)
        }
        return diagnostics
    }

    /// The pages of changed and removed plans that this build does not write again.
    func stalePages(keeping files: [OutputWriter.Entry]) -> Set<String> {
        var stale: Set<String> = []
        for slug in changed.union(removed) { stale.formUnion(previous.plans[slug]?.pages ?? []) }
        stale.subtract(files.compactMap(\.path))
        return stale
    }

    /// The previous cache with this build's plans, diagnostics and pages.
    func updated(
        buildID: String, inputs: Inputs, site: Site, assessments: [PlanAssessment], loaded: Set<String>,
        quotes: [String: [ResultFigure]], written: [String], diagnostics: AttributedDiagnostics,
        dataEntries: [DataManifestEntry]
    ) -> BuildManifest {
        var manifest = previous
        manifest.buildID = buildID
        manifest.dataEntries = dataEntries
        for slug in removed { manifest.plans[slug] = nil }
        for slug in loaded {
            let pages = manifest.plans[slug]?.pages ?? []
            manifest.plans[slug] = BuildManifest.PlanRecord(
                files: inputs.plans[slug] ?? [], assessment: nil, quotes: quotes[slug] ?? [],
                diagnostics: diagnostics.byPlan[slug] ?? [], pages: pages)
        }
        for assessment in assessments { manifest.plans[assessment.slug.rawValue]?.assessment = assessment }
        for plan in site.plans where changed.contains(plan.slug.rawValue) {
            manifest.plans[plan.slug.rawValue]?.pages = ExportEntries.paths(of: plan, in: written)
        }
        return manifest
    }
}

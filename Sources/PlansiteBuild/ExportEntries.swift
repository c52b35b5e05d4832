import Foundation
import PlansiteAssess
import PlansiteExport
import PlansiteModel
import PlansiteSiteMap
import PlansiteSupport
import PlansiteWriter

/// The exports of issue 6 as writer entries: each plan's open data and search shard, each
/// department's calendar, the search catalog and the feed; then, once everything else is
/// written, the files made from the rest: the sitemap, the site-wide datasets and the
/// open-data manifest. A cold build asks for all; an incremental build for the changed plans
/// and the affected departments, and for the site-wide files (search catalog, feed, results
/// history) when `siteWide` (the files made last always cover the whole output).
enum ExportEntries {
    static func entries(
        site: Site, assessment: SiteAssessment, plans: Set<PlanID>?, departments: Set<DepartmentID>?,
        siteWide: Bool = true
    ) -> [OutputWriter.Entry] {
        let registry = Dictionary(site.departments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let localities = Dictionary(site.localities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = site.settings.progressRules
        var entries: [OutputWriter.Entry] = site.plans.filter { plans?.contains($0.slug) ?? true }.map { plan in
            let progress = assessment.progress[plan.slug] ?? SiteAssessment.progress(of: plan, rules: rules)
            return OutputWriter.Entry(batch: {
                Exports.planFiles(plan, departments: registry, localities: localities, progress: progress).map {
                    ($0.path, $0.data)
                }
            })
        }
        // Each plan's signed original, copied beside its page (read when it is written).
        for plan in site.plans where plans?.contains(plan.slug) ?? true {
            guard let original = plan.original else { continue }
            entries.append(
                OutputWriter.Entry(path: SiteMap.original(plan.slug, file: original.file)) {
                    (try? Data(contentsOf: URL(fileURLWithPath: original.sourcePath))) ?? Data()
                })
        }
        let calendars = assessment.assignments
        let settings = site.settings
        // Each task's status, from the assessment, for every department's calendar and workbook.
        let progress = assessment.progress
        let wanted = site.departments.filter { departments?.contains($0.id) ?? true }
        entries += wanted.map { department in
            OutputWriter.Entry(path: SiteMap.calendar(department.id)) {
                Exports.departmentCalendar(
                    department, entries: calendars[department.id] ?? [], settings: settings, departments: registry,
                    progress: progress
                ).data
            }
        }
        if !wanted.isEmpty {
            let asOf = settings.asOf
            entries += wanted.map { department in
                OutputWriter.Entry(batch: {
                    Exports.departmentTaskFiles(
                        department, entries: calendars[department.id] ?? [], progress: progress, asOf: asOf
                    ).map { ($0.path, $0.data) }
                })
            }
        }
        guard siteWide else { return entries }
        let siteWideFiles =
            Exports.searchCatalog(
                plans: assessment.plans, departments: site.departments, localities: site.localities)
            + [Exports.atomFeed(plans: assessment.plans, settings: settings)]
            + Exports.resultsHistory(site.results, localities: site.localities)
        entries += siteWideFiles.map { OutputWriter.Entry(path: $0.path, data: $0.data) }
        return entries
    }

    /// Checksums of open-data files: those the previous build computed, and, after the
    /// build, those of the new output (kept in the build cache).
    /// `@unchecked Sendable`: `known` never changes and `entries` is behind `lock` (the writer's
    /// finish step sets it, the cache save reads it).
    final class Checksums: @unchecked Sendable {
        private let known: [String: DataManifestEntry]
        private let lock = NSLock()
        private var kept: [DataManifestEntry] = []

        var entries: [DataManifestEntry] { lock.withLock { kept } }

        init(known: [DataManifestEntry]) {
            self.known = Dictionary(known.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        }

        /// The previous build's entry for a file this build does not write again.
        func entry(_ path: String, in result: OutputWriter.Result) -> DataManifestEntry? {
            result.isNew(path) ? nil : known[path]
        }

        func keep(_ entries: [DataManifestEntry]) { lock.withLock { kept = entries } }
    }

    /// The files made from the rest of the output.
    static func finish(settings: SiteSettings, plans: [PlanAssessment], checksums: Checksums) -> OutputWriter.Finish {
        { result in
            var files: [OutputFile] = []
            // The sitemap lists the pages and the base URL (a shared input: the same for an
            // update, or the build is cold): an update that adds or removes no page keeps it.
            let pages = result.paths.filter(SiteMap.isPage)
            if result.previousPaths?.filter(SiteMap.isPage) != pages,
                let sitemap = Exports.sitemap(pagePaths: pages, settings: settings)
            {
                files.append(sitemap)
            }
            let datasets = Exports.siteDatasets(
                planTaskCSVs: plans.map { result.read(SiteMap.planAllTasksCSV($0.slug)) ?? Data() },
                planCriterionCSVs: plans.map { result.read(SiteMap.planAllCriteriaCSV($0.slug)) ?? Data() })
            let made = Set(datasets.map(\.path) + [SiteMap.manifest, SiteMap.schema])
            // Checksums file by file, on every core: the open data is never all in memory at once.
            let openData = result.paths.filter { SiteMap.isOpenData($0) && !made.contains($0) }
            // Files this build did not write keep the checksum the previous build computed.
            var entries = Parallel.map(openData) { path in
                checksums.entry(path, in: result)
                    ?? result.read(path).map { DataManifestEntry(file: OutputFile(path: path, data: $0)) }
            }.compactMap { $0 }
            entries += datasets.map(DataManifestEntry.init)
            checksums.keep(entries)
            files += datasets + Exports.dataManifest(entries: entries)
            return files.map { ($0.path, $0.data) }
        }
    }

    /// The files of one plan, for the cache (so that an incremental build can remove them):
    /// those of the site map's list that this build wrote.
    static func paths(of plan: Plan, in written: [String]) -> [String] {
        let written = Set(written)
        return SiteMap.files(of: plan).filter(written.contains)
    }
}

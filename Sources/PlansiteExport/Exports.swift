import Foundation
import PlansiteModel
import PlansiteRender
import PlansiteSupport

/// Search, feeds, calendars and open data: pure functions from the model to output files.
/// Nothing here reads a clock or the disk; the same input gives the same bytes.
///
/// Per-plan outputs (`planFiles`, `searchShard`) depend only on that plan, the registry
/// (departments, localities) and the progress rules (`SiteSettings.progressRules`: the site's
/// as-of date, not the clock), so an incremental build renders them with the plan's page.
/// Site-wide outputs take plan summaries or the per-plan files themselves, so they can be built
/// from cached values. See docs/exports.md.
public enum Exports {
    // MARK: - Everything

    /// Every export of a whole site, as a cold build writes them: per-plan files, the search
    /// catalog, every department's calendar, the feed, the sitemap (with `base-url`), the
    /// site-wide datasets, the manifest and the schema. `pagePaths` are the portal's pages (for
    /// the sitemap). Sorted by path. An incremental build calls the parts below instead.
    public static func files(for site: Site, pagePaths: [String]) -> [OutputFile] {
        let departments = Dictionary(site.departments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let localities = Dictionary(site.localities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let summaries = PlanSummary.of(site)
        let rules = site.settings.progressRules
        let perPlan = Dictionary(
            uniqueKeysWithValues: Parallel.map(site.plans) {
                ($0.slug, planFiles($0, departments: departments, localities: localities, rules: rules))
            })
        var files = summaries.flatMap { perPlan[$0.slug] ?? [] }
        files += searchCatalog(summaries: summaries, departments: site.departments, localities: site.localities)
        let entries = calendarEntries(plans: site.plans)
        let settings = site.settings
        files += Parallel.map(site.departments) {
            departmentCalendar($0, entries: entries[$0.id] ?? [], settings: settings, departments: departments)
        }
        files.append(atomFeed(summaries: summaries, settings: site.settings))
        if let sitemap = sitemap(pagePaths: pagePaths, settings: site.settings) { files.append(sitemap) }
        func part(_ slug: String, _ path: (String) -> String) -> Data {
            perPlan[slug]?.first { $0.path == path(slug) }?.data ?? Data()
        }
        files += siteDatasets(
            planTaskCSVs: summaries.map { part($0.slug, ExportPaths.planAllTasksCSV) },
            planCriterionCSVs: summaries.map { part($0.slug, ExportPaths.planAllCriteriaCSV) })
        files += dataManifest(files: files)
        return files.sorted { $0.path < $1.path }
    }

    // MARK: - Per plan

    /// Every file of one plan: its open data under `ke-hoach/<slug>/du-lieu/` — `ke-hoach.json`,
    /// `phu-luc-<n>.csv` per appendix, `nhiem-vu.csv` when it has tasks of its own, `bao-cao.csv`
    /// (its progress reports), `tat-ca-nhiem-vu.csv` and `tat-ca-tieu-chi.csv` (its part of the
    /// site-wide datasets) — and its search shard `tim-kiem/chi-muc/ke-hoach/<slug>.js`. Sorted by
    /// path. PlanTask statuses are judged on `rules`: pass the site's `settings.progressRules`.
    public static func planFiles(
        _ plan: Plan, departments: [String: Department], localities: [String: Locality], rules: ProgressRules
    ) -> [OutputFile] {
        let flat = FlatTexts()
        let progress = PlanProgress(plan, rules: rules)
        var files = [
            OutputFile(
                path: ExportPaths.planJSON(plan.slug),
                data: PlanJSON.encode(
                    plan, departments: departments, localities: localities, progress: progress, flat: flat)),
            OutputFile(
                path: ExportPaths.planAllTasksCSV(plan.slug),
                data: PlanCSV.allTasks(
                    plan, departments: departments, localities: localities, progress: progress, flat: flat)),
            OutputFile(
                path: ExportPaths.planAllCriteriaCSV(plan.slug), data: PlanCSV.allCriteria(plan, localities: localities)
            ),
            OutputFile(
                path: ExportPaths.planReportsCSV(plan.slug),
                data: PlanCSV.reports(plan, departments: departments, progress: progress, flat: flat)),
            OutputFile(
                path: ExportPaths.searchShard(plan.slug),
                data: SearchIndex.shard(plan, departments: departments, localities: localities, flat: flat)),
        ]
        for appendix in plan.appendices {
            files.append(
                OutputFile(
                    path: ExportPaths.appendixCSV(plan.slug, appendix.number),
                    data: PlanCSV.appendix(
                        appendix, of: plan, departments: departments, progress: progress, flat: flat)))
        }
        if !plan.tasks.isEmpty {
            files.append(
                OutputFile(
                    path: ExportPaths.planTasksCSV(plan.slug),
                    data: PlanCSV.planTasks(plan, departments: departments, progress: progress, flat: flat)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The "Tải dữ liệu" links of a plan page: label and path relative to the portal's root,
    /// in the order to show them. The progress reports (`bao-cao.csv`, always written) are
    /// linked when the plan has reports.
    public static func downloads(for plan: Plan) -> [DataDownload] {
        var links = [DataDownload(label: "Toàn văn bản và phụ lục (JSON)", path: ExportPaths.planJSON(plan.slug))]
        let single = plan.appendices.count == 1
        for appendix in plan.appendices {
            let heading = single && appendix.number == 1 ? "Phụ lục" : "Phụ lục \(appendix.number)"
            links.append(
                DataDownload(
                    label: "\(heading) — \(appendix.index.acronym) (CSV)",
                    path: ExportPaths.appendixCSV(plan.slug, appendix.number)))
        }
        if !plan.tasks.isEmpty {
            links.append(
                DataDownload(label: "Nhiệm vụ được giao trong văn bản (CSV)", path: ExportPaths.planTasksCSV(plan.slug))
            )
        }
        links.append(DataDownload(label: "Mọi nhiệm vụ (CSV)", path: ExportPaths.planAllTasksCSV(plan.slug)))
        if !plan.appendices.isEmpty {
            links.append(DataDownload(label: "Mọi tiêu chí (CSV)", path: ExportPaths.planAllCriteriaCSV(plan.slug)))
        }
        if !plan.reports.isEmpty {
            links.append(
                DataDownload(label: "Báo cáo tiến độ nhiệm vụ (CSV)", path: ExportPaths.planReportsCSV(plan.slug)))
        }
        return links
    }

    /// The plan's search shard at `tim-kiem/chi-muc/ke-hoach/<slug>.js`: entries for the plan,
    /// each criterion row and each task.
    public static func searchShard(
        for plan: Plan, departments: [String: Department], localities: [String: Locality] = [:]
    ) -> OutputFile {
        OutputFile(
            path: ExportPaths.searchShard(plan.slug),
            data: SearchIndex.shard(plan, departments: departments, localities: localities))
    }

    // MARK: - Per department

    /// `don-vi/<id>/lich.ics`: the department's dated and quarterly duties, and the reports it
    /// missed, on the site's as-of date (`settings.progressRules`; see `DepartmentCalendar`).
    /// `entries` are its tasks in every plan, in any order; `departments` names the other
    /// departments of each task in the descriptions.
    public static func departmentCalendar(
        _ department: Department, entries: [CalendarEntry], settings: SiteSettings,
        departments: [String: Department] = [:]
    ) -> OutputFile {
        OutputFile(
            path: ExportPaths.calendar(department.id),
            data: DepartmentCalendar.build(
                department, entries: entries, settings: settings, departments: departments))
    }

    /// Every department's calendar entries in the given plans, by department id.
    public static func calendarEntries(plans: [Plan]) -> [String: [CalendarEntry]] {
        var entries: [String: [CalendarEntry]] = [:]
        for plan in plans {
            func add(_ task: PlanTask, _ criterion: Criterion?) {
                for (department, role) in task.assignments {
                    entries[department, default: []].append((plan, task, role, criterion))
                }
            }
            for task in plan.tasks { add(task, nil) }
            for appendix in plan.appendices {
                for (criterion, _) in appendix.rows { for task in criterion.tasks { add(task, criterion) } }
            }
        }
        return entries
    }

    // MARK: - Site-wide

    /// `tim-kiem/chi-muc/danh-muc.js`: the search catalog — indices, localities, departments
    /// (searchable, linking to `don-vi/<id>/index.html`) and every plan's shard with its facets.
    public static func searchCatalog(
        summaries: [PlanSummary], departments: [Department], localities: [Locality]
    ) -> [OutputFile] {
        [
            OutputFile(
                path: ExportPaths.searchCatalog,
                data: SearchIndex.catalog(summaries: summaries, departments: departments, localities: localities))
        ]
    }

    /// `nguon-tin.xml`: Atom 1.0 feed of the newest `limit` plans, newest document date first.
    /// With `base-url`, ids and links are absolute URLs under it; without, ids are tag URIs
    /// (`tag:plansite,2024:ke-hoach/<slug>/`) and links are relative to the feed (the portal's root).
    public static func atomFeed(summaries: [PlanSummary], settings: SiteSettings, limit: Int = 100) -> OutputFile {
        OutputFile(path: ExportPaths.feed, data: Feeds.atom(summaries: summaries, settings: settings, limit: limit))
    }

    /// `sitemap.xml` of the given pages (`.html` paths; `404.html` left out), or nil when the
    /// site has no `base-url` (or one that is not a web address): a sitemap needs absolute URLs.
    public static func sitemap(pagePaths: [String], settings: SiteSettings) -> OutputFile? {
        guard let baseURL = DepartmentCalendar.base(of: settings) else { return nil }
        return OutputFile(path: ExportPaths.sitemap, data: Feeds.sitemap(pagePaths: pagePaths, baseURL: baseURL))
    }

    /// `du-lieu/tat-ca-nhiem-vu.csv` and `du-lieu/tat-ca-tieu-chi.csv`: the per-plan
    /// `tat-ca-nhiem-vu.csv` and `tat-ca-tieu-chi.csv` files (from `planFiles`, or read back from
    /// a previous build) joined under one header, in the order given (use the plan summaries'
    /// order, newest first). Each task row carries its status on the as-of date.
    public static func siteDatasets(planTaskCSVs: [Data], planCriterionCSVs: [Data]) -> [OutputFile] {
        [
            OutputFile(
                path: ExportPaths.allTasks, data: CSV.concatenate(header: PlanCSV.allTasksHeader, parts: planTaskCSVs)),
            OutputFile(
                path: ExportPaths.allCriteria,
                data: CSV.concatenate(header: PlanCSV.allCriteriaHeader, parts: planCriterionCSVs)),
        ]
    }

    /// `du-lieu/manifest.json` and `du-lieu/schema/ke-hoach.schema.json`. The manifest lists
    /// every open data file among `files` (`ExportPaths.isOpenData`: under `du-lieu/` or
    /// `ke-hoach/<slug>/du-lieu/`; other paths are ignored, so all output files may be passed)
    /// and the schema, with size and SHA-256.
    public static func dataManifest(files: [OutputFile]) -> [OutputFile] {
        DataManifest.files(entries: files.filter { ExportPaths.isOpenData($0.path) }.map(DataManifestEntry.init))
    }

    /// The same from manifest entries, for a build that keeps the entries of unchanged files.
    public static func dataManifest(entries: [DataManifestEntry]) -> [OutputFile] {
        DataManifest.files(entries: entries)
    }
}

/// A link of a plan page's "Tải dữ liệu" list.
public struct DataDownload: Hashable, Sendable {
    public let label: String
    /// Relative to the portal's root: prefix the page's `root`.
    public let path: String
}

import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteSupport

/// Search, feeds, calendars and open data: pure functions from the model to output files.
/// Nothing here reads a clock or the disk; the same input gives the same bytes.
///
/// Per-plan outputs (`planFiles`, `searchShard`) depend only on that plan, the registry
/// (departments, localities) and the progress rules (`SiteSettings.progressRules`: the site's
/// as-of date, not the clock), so an incremental build renders them with the plan's page.
/// Site-wide outputs take plan assessments or the per-plan files themselves, so they can be built
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
        let assessment = SiteAssessment(site)
        let rules = site.settings.progressRules
        let perPlan = Dictionary(
            uniqueKeysWithValues: Parallel.map(site.plans) { plan in
                let progress = assessment.progress[plan.slug] ?? SiteAssessment.progress(of: plan, rules: rules)
                return (
                    plan.slug, planFiles(plan, departments: departments, localities: localities, progress: progress)
                )
            })
        var files = assessment.plans.flatMap { perPlan[$0.slug] ?? [] }
        files += searchCatalog(plans: assessment.plans, departments: site.departments, localities: site.localities)
        let entries = assessment.assignments
        let settings = site.settings
        files += Parallel.map(site.departments) {
            departmentCalendar(
                $0, entries: entries[$0.id] ?? [], settings: settings, departments: departments,
                progress: assessment.progress)
        }
        files.append(atomFeed(plans: assessment.plans, settings: site.settings))
        files += resultsHistory(site.results, localities: site.localities)
        if let sitemap = sitemap(pagePaths: pagePaths, settings: site.settings) { files.append(sitemap) }
        func part(_ slug: PlanID, _ path: (PlanID) -> String) -> Data {
            perPlan[slug]?.first { $0.path == path(slug) }?.data ?? Data()
        }
        files += siteDatasets(
            planTaskCSVs: assessment.plans.map { part($0.slug, SiteMap.planAllTasksCSV) },
            planCriterionCSVs: assessment.plans.map { part($0.slug, SiteMap.planAllCriteriaCSV) })
        files += dataManifest(files: files)
        return files.sorted { $0.path < $1.path }
    }

    // MARK: - Per plan

    /// Every file of one plan: its open data under `ke-hoach/<slug>/du-lieu/` — `ke-hoach.json`,
    /// `phu-luc-<n>.csv` per appendix, `nhiem-vu.csv` when it has tasks of its own, `bao-cao.csv`
    /// (its progress reports), `tat-ca-nhiem-vu.csv` and `tat-ca-tieu-chi.csv` (its part of the
    /// site-wide datasets) — and its search shard `tim-kiem/chi-muc/ke-hoach/<slug>.js`. Sorted by
    /// path. The site map says which files a plan has. Task statuses are judged on `rules`:
    /// pass the site's `settings.progressRules`.
    public static func planFiles(
        _ plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality], rules: ProgressRules
    ) -> [OutputFile] {
        planFiles(
            plan, departments: departments, localities: localities,
            progress: SiteAssessment.progress(of: plan, rules: rules))
    }

    /// The same from the plan's assessed statuses (`SiteAssessment.progress`), judged on the
    /// site's `settings.progressRules`: what a build calls.
    public static func planFiles(
        _ plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality],
        progress: PlanProgress
    ) -> [OutputFile] {
        let flat = FlatTexts()
        var files = SiteMap.dataFiles(of: plan).map { file in
            let data: Data
            switch file.kind {
            case .json:
                data = PlanJSON.encode(
                    plan, departments: departments, localities: localities, progress: progress, flat: flat)
            case .appendixCSV(let number):
                let appendix = plan.appendices.first { $0.number == number }
                data =
                    appendix.map {
                        PlanCSV.appendix($0, of: plan, departments: departments, progress: progress, flat: flat)
                    } ?? Data()
            case .tasksCSV:
                data = PlanCSV.planTasks(plan, departments: departments, progress: progress, flat: flat)
            case .allTasksCSV:
                data = PlanCSV.allTasks(
                    plan, departments: departments, localities: localities, progress: progress, flat: flat)
            case .allCriteriaCSV:
                data = PlanCSV.allCriteria(plan, localities: localities)
            case .reportsCSV:
                data = PlanCSV.reports(plan, departments: departments, progress: progress, flat: flat)
            }
            return OutputFile(path: file.path, data: data)
        }
        files.append(
            OutputFile(
                path: SiteMap.searchShard(plan.slug),
                data: SearchIndex.shard(plan, departments: departments, localities: localities, flat: flat)))
        return files.sorted { $0.path < $1.path }
    }

    /// The plan's search shard at `tim-kiem/chi-muc/ke-hoach/<slug>.js`: entries for the plan,
    /// each criterion row and each task.
    public static func searchShard(
        for plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality] = [:]
    ) -> OutputFile {
        OutputFile(
            path: SiteMap.searchShard(plan.slug),
            data: SearchIndex.shard(plan, departments: departments, localities: localities))
    }

    // MARK: - Per department

    /// `don-vi/<id>/lich.ics`: the department's dated and quarterly duties, and the reports it
    /// missed, on the site's as-of date (`settings.progressRules`; see `DepartmentCalendar`).
    /// `entries` are its tasks in every plan, in any order; `departments` names the other
    /// departments of each task in the descriptions; `progress` holds the assessed statuses by
    /// plan slug (`SiteAssessment.progress`; a plan it lacks is judged on the site's rules).
    public static func departmentCalendar(
        _ department: Department, entries: [TaskAssignment], settings: SiteSettings,
        departments: [DepartmentID: Department] = [:], progress: [PlanID: PlanProgress] = [:]
    ) -> OutputFile {
        OutputFile(
            path: SiteMap.calendar(department.id),
            data: DepartmentCalendar.build(
                department, entries: entries, settings: settings, departments: departments, progress: progress))
    }

    // MARK: - Site-wide

    /// `tim-kiem/chi-muc/danh-muc.js`: the search catalog — indices, localities, departments
    /// (searchable, linking to `don-vi/<id>/index.html`) and every plan's shard with its facets.
    public static func searchCatalog(
        plans: [PlanAssessment], departments: [Department], localities: [Locality]
    ) -> [OutputFile] {
        [
            OutputFile(
                path: SiteMap.searchCatalog,
                data: SearchIndex.catalog(plans: plans, departments: departments, localities: localities))
        ]
    }

    /// `nguon-tin.xml`: Atom 1.0 feed of the newest `limit` plans, newest document date first.
    /// With `base-url`, ids and links are absolute URLs under it; without, ids are tag URIs
    /// (`tag:plansite,2024:ke-hoach/<slug>/`) and links are relative to the feed (the portal's root).
    public static func atomFeed(plans: [PlanAssessment], settings: SiteSettings, limit: Int = 100) -> OutputFile {
        OutputFile(path: SiteMap.feed, data: Feeds.atom(plans: plans, settings: settings, limit: limit))
    }

    /// `sitemap.xml` of the given pages (`.html` paths; `404.html` left out), or nil when the
    /// site has no `base-url` (or one that is not a web address): a sitemap needs absolute URLs.
    public static func sitemap(pagePaths: [String], settings: SiteSettings) -> OutputFile? {
        guard let baseURL = DepartmentCalendar.base(of: settings) else { return nil }
        return OutputFile(path: SiteMap.sitemap, data: Feeds.sitemap(pagePaths: pagePaths, baseURL: baseURL))
    }

    /// `du-lieu/tat-ca-nhiem-vu.csv` and `du-lieu/tat-ca-tieu-chi.csv`: the per-plan
    /// `tat-ca-nhiem-vu.csv` and `tat-ca-tieu-chi.csv` files (from `planFiles`, or read back from
    /// a previous build) joined under one header, in the order given (use the plan assessments'
    /// order, newest first). Each task row carries its status on the as-of date.
    public static func siteDatasets(planTaskCSVs: [Data], planCriterionCSVs: [Data]) -> [OutputFile] {
        [
            OutputFile(
                path: SiteMap.allTasks, data: CSV.concatenate(header: PlanCSV.allTasksHeader, parts: planTaskCSVs)),
            OutputFile(
                path: SiteMap.allCriteria,
                data: CSV.concatenate(header: PlanCSV.allCriteriaHeader, parts: planCriterionCSVs)),
        ]
    }

    /// `du-lieu/manifest.json` and `du-lieu/schema/ke-hoach.schema.json`. The manifest lists
    /// every open data file among `files` (`SiteMap.isOpenData`: under `du-lieu/` or
    /// `ke-hoach/<slug>/du-lieu/`; other paths are ignored, so all output files may be passed)
    /// and the schema, with size and SHA-256.
    public static func dataManifest(files: [OutputFile]) -> [OutputFile] {
        DataManifest.files(entries: files.filter { SiteMap.isOpenData($0.path) }.map(DataManifestEntry.init))
    }

    /// The same from manifest entries, for a build that keeps the entries of unchanged files.
    public static func dataManifest(entries: [DataManifestEntry]) -> [OutputFile] {
        DataManifest.files(entries: entries)
    }
}

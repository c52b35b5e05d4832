import Foundation
import PlansiteModel
import PlansiteSupport

/// One file of the portal, ready to write.
public struct OutputFile: Sendable {
    public let path: String
    public let data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// Stage 3: the validated site → every page of the portal, through the templates.
public struct Renderer: Sendable {
    public let templates: TemplateSet
    /// Links the exports add to pages (open data of a plan, a department's calendar).
    public let links: ExportLinks

    public init(templates: TemplateSet, links: ExportLinks = ExportLinks()) {
        self.templates = templates
        self.links = links
    }

    /// Which pages to render: everything for a cold build; for an incremental build, the
    /// pages of the plans and departments that changed, and the site-wide pages.
    public struct Selection: Sendable {
        public var plans: Set<String>?
        public var departments: Set<String>?
        public var siteWide: Bool

        public static let all = Selection(plans: nil, departments: nil, siteWide: true)

        public init(plans: Set<String>?, departments: Set<String>?, siteWide: Bool) {
            self.plans = plans
            self.departments = departments
            self.siteWide = siteWide
        }
    }

    /// A page to render: its output path, and how to make its bytes (run on any thread).
    public struct PageJob: Sendable {
        public let path: String
        public let render: @Sendable () -> Data
    }

    /// Every output file, sorted by path. Pure: the same site gives the same bytes.
    /// - Parameter summaries: every plan of the portal, when `site` holds only some of them.
    public func render(_ site: Site, summaries: [PlanSummary]? = nil, selection: Selection = .all) -> [OutputFile] {
        Parallel.map(jobs(site, summaries: summaries, selection: selection)) { job in
            OutputFile(path: job.path, data: job.render())
        }
    }

    /// The pages and assets to write, sorted by path, each rendered only when its job runs —
    /// so a writer can write each page as soon as it is made.
    public func jobs(_ site: Site, summaries: [PlanSummary]? = nil, selection: Selection = .all) -> [PageJob] {
        let summaries = (summaries ?? PlanSummary.of(site)).sorted(by: PlanSummary.precedes)
        let index = SiteIndex(site: site, summaries: summaries, templates: templates, links: links)
        let plans = PlanPageBuilder(index: index)
        let pages = SitePageBuilder(index: index)
        let departments = DepartmentPageBuilder(index: index)
        var jobs: [(String, @Sendable () -> String)] = []
        func add(_ path: String, _ template: TemplateName, _ model: @escaping @Sendable () -> any TemplateModel) {
            let templates = self.templates
            jobs.append((path, { templates.render(model(), template: template) }))
        }
        if selection.siteWide {
            add(Paths.home, .home) { pages.home() }
            add(Paths.directory, .directory) { pages.directory() }
            add(Paths.notFound, .notFound) { pages.notFound(basePath: site.settings.basePath ?? "/") }
            add(Paths.search, .search) { pages.search() }
            for kind in IndexKind.allCases {
                add(Paths.index(kind), .index) { pages.indexPage(kind) }
            }
        }
        for plan in site.plans where selection.plans?.contains(plan.slug) ?? true {
            add(Paths.plan(plan.slug), .plan) { plans.planPage(plan) }
            for appendix in plan.appendices {
                add(Paths.appendix(plan.slug, appendix.number), .appendix) {
                    plans.printPage(appendix, of: plan)
                }
            }
        }
        for department in site.departments where selection.departments?.contains(department.id) ?? true {
            add(Paths.department(department.id), .department) { departments.page(department) }
        }
        var pageJobs = jobs.map { path, job in PageJob(path: path, render: { Paths.resolvingRoot(job(), for: path) }) }
        if selection.siteWide {
            pageJobs += templates.assets.map { asset in PageJob(path: asset.path, render: { asset.data }) }
        }
        return pageJobs.sorted { $0.path < $1.path }
    }
}

/// What the exports add to the pages: a plan's downloads, a department's calendar.
public struct ExportLinks: Sendable {
    /// A plan's open-data files: (label, path from the root).
    public var downloads: @Sendable (Plan) -> [(label: String, path: String)]
    /// A department's calendar, from the root, when calendars are written.
    public var calendar: (@Sendable (String) -> String)?
    /// A department's task list as an Excel workbook, from the root, when it is written.
    public var departmentTasks: (@Sendable (String) -> String)?

    public init(
        downloads: @escaping @Sendable (Plan) -> [(label: String, path: String)] = { _ in [] },
        calendar: (@Sendable (String) -> String)? = nil, departmentTasks: (@Sendable (String) -> String)? = nil
    ) {
        self.downloads = downloads
        self.calendar = calendar
        self.departmentTasks = departmentTasks
    }
}

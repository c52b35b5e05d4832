import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteSupport

/// Stage 3: the validated site → every page of the portal, through the templates.
public struct Renderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Which pages to render: everything for a cold build; for an incremental build, the
    /// pages of the plans and departments that changed, and the site-wide pages.
    public struct Selection: Sendable {
        public var plans: Set<PlanID>?
        public var departments: Set<DepartmentID>?
        public var siteWide: Bool

        public static let all = Selection(plans: nil, departments: nil, siteWide: true)

        public init(plans: Set<PlanID>?, departments: Set<DepartmentID>?, siteWide: Bool) {
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
    /// - Parameter assessment: every plan of the portal, when `site` holds only some of them
    ///   (nil: `site` is assessed here).
    public func render(_ site: Site, assessment: SiteAssessment? = nil, selection: Selection = .all) -> [OutputFile] {
        Parallel.map(jobs(site, assessment: assessment, selection: selection)) { job in
            OutputFile(path: job.path, data: job.render())
        }
    }

    /// The pages and assets to write, sorted by path, each rendered only when its job runs —
    /// so a writer can write each page as soon as it is made.
    public func jobs(_ site: Site, assessment: SiteAssessment? = nil, selection: Selection = .all) -> [PageJob] {
        let index = SiteIndex(site: site, assessment: assessment ?? SiteAssessment(site), templates: templates)
        let plans = PlanPageBuilder(index: index)
        let pages = SitePageBuilder(index: index)
        let departments = DepartmentPageBuilder(index: index)
        var jobs: [(String, @Sendable () -> String)] = []
        func add(_ path: String, _ template: TemplateName, _ model: @escaping @Sendable () -> any TemplateModel) {
            let templates = self.templates
            jobs.append((path, { templates.render(model(), template: template) }))
        }
        if selection.siteWide {
            add(SiteMap.home, .home) { pages.home() }
            add(SiteMap.directory, .directory) { pages.directory() }
            add(SiteMap.notFound, .notFound) { pages.notFound(basePath: site.settings.basePath ?? "/") }
            add(SiteMap.search, .search) { pages.search() }
            let own = AboutPageBuilder(index: index)
            add(SiteMap.about, .about) { own.about() }
            add(SiteMap.openData, .openData) { own.openData() }
            for kind in IndexKind.allCases {
                add(SiteMap.index(kind), .index) { pages.indexPage(kind) }
            }
        }
        for plan in site.plans where selection.plans?.contains(plan.slug) ?? true {
            add(SiteMap.plan(plan.slug), .plan) { plans.planPage(plan) }
            for appendix in plan.appendices {
                add(SiteMap.appendix(plan.slug, appendix.number), .appendix) {
                    plans.printPage(appendix, of: plan)
                }
            }
        }
        for department in site.departments where selection.departments?.contains(department.id) ?? true {
            add(SiteMap.department(department.id), .department) { departments.page(department) }
            add(SiteMap.departmentChecklist(department.id), .departmentChecklist) { departments.checklist(department) }
        }
        var pageJobs = jobs.map { path, job in PageJob(path: path, render: { SiteMap.resolvingRoot(job(), for: path) })
        }
        if selection.siteWide {
            pageJobs += templates.assets.map { asset in PageJob(path: asset.path, render: { asset.data }) }
        }
        return pageJobs.sorted { $0.path < $1.path }
    }
}

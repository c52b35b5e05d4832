import PlansiteAssess
import PlansiteMarkdown
import PlansiteModel
import PlansiteSiteMap
import PlansiteSupport

/// Everything the pages need that is derived from the whole site, computed once in a
/// single pass: who does what across all plans, which plans serve which index, and the
/// HTML of every Markdown text.
struct SiteIndex {
    let site: Site
    /// Every plan of the portal, newest first; `site.plans` may hold only some of them
    /// (an incremental build loads only the plans whose pages it renders).
    let plans: [PlanAssessment]
    /// The same, by slug.
    let assessments: [PlanID: PlanAssessment]
    let departments: [DepartmentID: Department]
    let localities: [LocalityID: Locality]
    let assignments: [DepartmentID: [TaskAssignment]]
    private(set) var markdown: [String: String] = [:]
    /// Tasks per department and role over every plan.
    let roleCounts: [DepartmentID: RoleCounts]

    /// The `partials/task-roles` fragment of every task, rendered once (with the root
    /// placeholder, see `SiteMap.rootToken`) for every page that shows it.
    private(set) var taskRoles: [String: String] = [:]
    /// Every task's status, judged once per plan on the site's rules (by the assess stage).
    let progress: [PlanID: PlanProgress]
    /// Statuses on past days, shared by the charts of every page.
    let history = StatusHistory()
    let templates: TemplateSet
    /// Appendix tables, shown on the plan page and on the printable page.
    let fragments = FragmentCache()
    /// Each department's tasks in the order of what is due (`DepartmentPageBuilder.ordered`),
    /// worked out once for its page and its printable checklist.
    let dueOrders = SharedValues<[DepartmentPageBuilder.DepartmentTask]>()

    init(site: Site, assessment: SiteAssessment, templates: TemplateSet) {
        self.templates = templates
        self.site = site
        plans = assessment.plans
        assessments = Dictionary(assessment.plans.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        roleCounts = assessment.roleTotals
        progress = assessment.progress
        departments = Dictionary(uniqueKeysWithValues: site.departments.map { ($0.id, $0) })
        localities = Dictionary(uniqueKeysWithValues: site.localities.map { ($0.id, $0) })
        assignments = assessment.assignments
        var texts: Set<String> = []
        for plan in site.plans {
            texts.insert(plan.body)
            for task in plan.tasks { if let text = task.text { texts.insert(text) } }
            for appendix in plan.appendices {
                for (criterion, _) in appendix.rows {
                    if let description = criterion.description { texts.insert(description) }
                    for task in criterion.tasks { if let text = task.text { texts.insert(text) } }
                }
            }
            for reports in plan.reports.values { texts.formUnion(reports.compactMap(\.note)) }
        }
        let sources = Array(texts)
        markdown = Dictionary(uniqueKeysWithValues: zip(sources, Parallel.map(sources, Self.markdownHTML)))
        let tasks = site.plans.flatMap { plan in plan.allTasks.map { (plan.slug, $0) } }
        let fragments = Parallel.map(tasks) { [self] slug, task in
            renderRoles(baseTaskView(task, root: SiteMap.rootToken))
        }
        for ((slug, task), fragment) in zip(tasks, fragments) { taskRoles["\(slug)#\(task.anchor)"] = fragment }
    }

    /// A plan's task statuses, from the assessment (a plan of `site` the assessment does not
    /// hold is judged on the site's rules).
    func progress(of plan: Plan) -> PlanProgress {
        progress[plan.slug] ?? SiteAssessment.progress(of: plan, rules: site.settings.progressRules)
    }

    /// A plan's figures, from the assessment (worked out the same way for a plan it lacks).
    func assessment(of plan: Plan) -> PlanAssessment {
        assessments[plan.slug] ?? PlanAssessment(plan, progress: progress(of: plan))
    }

    func html(_ markdownText: String?) -> String? {
        guard let markdownText else { return nil }
        return markdown[markdownText] ?? Self.markdownHTML(markdownText)
    }

    /// Markdown as HTML, with links and images only to the addresses a page may link
    /// (`WebAddress.isLinkable`: http, https, relative); any other becomes its text.
    @Sendable static func markdownHTML(_ source: String) -> String {
        Markdown.html(source, linkable: WebAddress.isLinkable)
    }

    func link(_ id: DepartmentID, root: String) -> DepartmentLink {
        let department = departments[id]!
        return DepartmentLink(
            name: department.displayName, fullName: department.name, url: root + SiteMap.department(id),
            isRole: department.isRole)
    }

    /// A task's view, with its roles fragment from the cache.
    /// - Parameter history: the task's whole report history (its row on the plan page), or only
    ///   the latest report (department pages).
    func taskView(_ task: PlanTask, of plan: PlanID, root: String, history: Bool = true) -> TaskView {
        var view = baseTaskView(task, root: root)
        view.progressHTML = progressFragment(task, of: plan, root: root, history: history)
        if let cached = taskRoles["\(plan)#\(task.anchor)"] {
            view.rolesHTML = Fragment(cached: cached)
        } else {
            let base = view
            view.rolesHTML = Fragment { [templates] in templates.render(base, template: .taskRoles) }
        }
        return view
    }

    /// Made for each page that shows it, not kept: a national portal has a hundred thousand,
    /// with report histories, and the pages that show one are far apart in the build.
    private func progressFragment(_ task: PlanTask, of plan: PlanID, root: String, history: Bool) -> Fragment {
        guard let progress = progress[plan]?[anchor: task.anchor] else { return Fragment(cached: "") }
        return Fragment { [self] in
            let view = ProgressViewBuilder(index: self).taskView(task, progress: progress, root: root, history: history)
            return templates.render(view, template: .taskProgress)
        }
    }

    private func renderRoles(_ view: TaskView) -> String {
        templates.render(view, template: .taskRoles)
    }

    private func baseTaskView(_ task: PlanTask, root: String) -> TaskView {
        TaskView(
            anchor: task.anchor, code: task.code, textHTML: html(task.text), note: task.note,
            lead: links(task, .lead, root: root), cooperating: links(task, .cooperating, root: root),
            monitoring: links(task, .monitoring, root: root), hasCooperating: !task.cooperating.isEmpty,
            hasMonitoring: !task.monitoring.isEmpty, timeFrame: task.timeFrame?.text,
            deadlineISO: task.timeFrame?.deadline?.iso, asPrinted: task.asPrinted, rolesHTML: Fragment(cached: ""),
            progressHTML: Fragment(cached: ""))
    }

    func resultView(_ result: IndexResult, root: String) -> ResultView {
        ResultView(
            index: result.index.acronym, indexURL: root + SiteMap.index(result.index),
            locality: localities[result.locality]?.name ?? result.locality.rawValue, year: result.year,
            score: result.score?.vietnamese ?? "", unit: result.unit, scoreText: result.scoreText,
            rank: result.rank.map { rank in result.outOf.map { "\(rank)/\($0)" } ?? String(rank) },
            group: result.group, change: result.change, source: result.source)
    }

    func planListItem(_ plan: PlanAssessment, root: String) -> PlanListItem {
        PlanListItem(
            title: plan.title, url: root + SiteMap.plan(plan.slug), reference: plan.reference, issuer: plan.issuer,
            date: plan.date.short, dateISO: plan.date.iso, indices: plan.indices.map(\.acronym).joined(separator: ", "),
            taskCount: plan.taskCount, hasTasks: plan.taskCount > 0, progress: plan.progress.line,
            progressURL: root + SiteMap.planProgress(plan.slug))
    }

    func chrome(page: String, current: String?) -> Chrome {
        let root = SiteMap.rootToken
        let items: [(String, String)] =
            [("Trang chủ", SiteMap.home)] + IndexKind.allCases.map { ($0.acronym, SiteMap.index($0)) } + [
                ("Đơn vị", SiteMap.directory), ("Dữ liệu mở", SiteMap.openData), ("Tìm kiếm", SiteMap.search),
            ]
        return Chrome(
            siteTitle: site.settings.title, issuer: site.settings.issuer, asOf: site.settings.asOf.description,
            asOfISO: site.settings.asOf.iso,
            nav: items.map { NavItem(label: $0.0, url: root + $0.1, current: $0.1 == current) },
            stylesheet: root + SiteMap.stylesheet, homeURL: root + SiteMap.home,
            description: IdentityView.description(of: site.settings),
            pageURL: IdentityView.absoluteURL(of: page, settings: site.settings),
            identity: IdentityView(site.settings, root: root))
    }
}

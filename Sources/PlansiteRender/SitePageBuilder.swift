import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// Builds the home, index, directory, department and 404 pages.
struct SitePageBuilder {
    let index: SiteIndex

    func home() -> HomePage {
        let page = SiteMap.home
        let root = SiteMap.rootToken
        let plans = index.plans
        let years = Dictionary(grouping: plans, by: \.year).keys.sorted(by: >).map { year in
            YearGroup(
                year: year, plans: plans.filter { $0.year == year }.map { index.planListItem($0, root: root) })
        }
        let overdue = ProgressViewBuilder(index: index).overduePlans(plans, root: root)
        let asOf = index.site.settings.asOf
        let unreported = plans.reduce(0) { $0 + $1.progress.overdueUnreportedCount }
        return HomePage(
            chrome: index.chrome(page: page, current: page), root: root, title: index.site.settings.title,
            intro: "Cổng công khai các kế hoạch, nhiệm vụ và giải pháp cải thiện Chỉ số cải cách hành chính "
                + "(PAR INDEX), Chỉ số Hiệu quả quản trị và hành chính công (PAPI) và Chỉ số hài lòng về sự "
                + "phục vụ hành chính (SIPAS).",
            years: years, hasHeadlines: !latestResults.isEmpty,
            headlines: latestResults.map { index.resultView($0, root: root) },
            historyCharts: homeHistoryCharts(),
            indexLinks: IndexKind.allCases.map { IndexBadge(acronym: $0.acronym, url: root + SiteMap.index($0)) },
            directory: directoryGroups(root: root), planCount: plans.count,
            departmentCount: index.site.departments.count, taskCount: plans.reduce(0) { $0 + $1.taskCount },
            asOf: asOf.description, asOfISO: asOf.iso, hasOverdue: !overdue.isEmpty,
            overdueTaskCount: overdue.reduce(0) { $0 + $1.overdueCount },
            overdueUnreportedCount: unreported, hasOverdueUnreported: unreported > 0, overduePlans: overdue)
    }

    /// Results history of every locality and index, when there are few; a portal of many
    /// localities shows them on the index pages instead (63 provinces × 3 indices would be
    /// 189 charts on the home page).
    private func homeHistoryCharts() -> [ChartView] {
        let series = Set(index.site.results.map { "\($0.locality)|\($0.index.rawValue)" })
        guard series.count <= Self.homeChartLimit else { return [] }
        return IndexKind.allCases.flatMap {
            PageCharts.history(index.site.results, index: $0, localities: index.localities, id: "trang-chu")
        }
    }

    static let homeChartLimit = 12

    /// The latest result of each index for each locality.
    private var latestResults: [IndexResult] {
        var latest: [String: IndexResult] = [:]
        for result in index.site.results {
            let key = "\(result.index.rawValue)|\(result.locality)"
            if let current = latest[key], current.year >= result.year { continue }
            latest[key] = result
        }
        return latest.values.sorted { ($0.index, $0.locality) < ($1.index, $1.locality) }
    }

    func directory() -> DirectoryPage {
        let page = SiteMap.directory
        let root = SiteMap.rootToken
        return DirectoryPage(
            chrome: index.chrome(page: page, current: page), root: root, title: "Danh mục đơn vị",
            groups: directoryGroups(root: root), workloadChart: directoryWorkload())
    }

    /// Assignments of every department by role, and tasks by time frame, over all plans.
    private func directoryWorkload() -> ChartView {
        var roles = RoleCounts()
        for counts in index.roleCounts.values { roles.add(counts) }
        var categories: [TimeFrame.Category: Int] = [:]
        for plan in index.plans {
            for (category, count) in plan.categories { categories[category, default: 0] += count }
        }
        return PageCharts.workload(
            id: "bieu-do-khoi-luong", title: "Lượt giao nhiệm vụ theo vai trò và nhiệm vụ theo thời hạn, mọi văn bản",
            roles: roles, categories: categories)
    }

    private func directoryGroups(root: String) -> [DirectoryGroup] {
        index.site.localities.map { locality in
            let members = index.site.departments.filter { $0.locality == locality.id }
            let levels = DepartmentLevel.allCases.compactMap { level -> DirectoryLevel? in
                let entries = VietnameseText.sorted(members.filter { $0.level == level }, by: \.displayName)
                    .map { entry($0, root: root) }
                return entries.isEmpty ? nil : DirectoryLevel(heading: level.groupName, departments: entries)
            }
            return DirectoryGroup(
                heading: locality.name.prefix(1).uppercased() + locality.name.dropFirst(), levels: levels)
        }
    }

    private func entry(_ department: Department, root: String) -> DirectoryEntry {
        let counts = index.roleCounts[department.id] ?? RoleCounts()
        return DirectoryEntry(
            name: department.displayName, fullName: department.name, url: root + SiteMap.department(department.id),
            lead: counts.lead, cooperating: counts.cooperating, monitoring: counts.monitoring, total: counts.total)
    }

    func search() -> SearchPage {
        SearchPage(
            chrome: index.chrome(page: SiteMap.search, current: SiteMap.search), root: SiteMap.rootToken,
            title: "Tìm kiếm")
    }

    /// `404.html`, whose links start from `base-path`. The checker refuses a `base-path` that
    /// is not a path (`WebAddress.basePathProblem`); one that reaches here anyway is not
    /// linked, and the page links from "/".
    func notFound(basePath: String) -> NotFoundPage {
        let path = WebAddress.basePathProblem(basePath) == nil ? basePath : "/"
        let base = path.hasSuffix("/") ? path : path + "/"
        let chrome = index.chrome(page: SiteMap.notFound, current: nil)
        let absolute = chrome.rebased(on: base)
        return NotFoundPage(chrome: absolute, root: base, title: "Không tìm thấy trang")
    }
}

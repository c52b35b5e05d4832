import PlansiteModel

extension SiteMap {
    // MARK: - Site-wide exports

    /// The site-wide open data folder.
    public static let dataFolder = "du-lieu/"
    public static let manifest = dataFolder + "manifest.json"
    public static let schema = dataFolder + "schema/ke-hoach.schema.json"
    public static let allTasks = dataFolder + "tat-ca-nhiem-vu.csv"
    public static let allCriteria = dataFolder + "tat-ca-tieu-chi.csv"
    public static let feed = "nguon-tin.xml"
    public static let sitemap = "sitemap.xml"
    public static let searchCatalog = "tim-kiem/chi-muc/danh-muc.js"
    /// The search catalog's pattern of a plan's shard, `{id}` for its slug (read by the script).
    public static let searchShardPattern = searchShard("{id}")
    /// The search catalog's pattern of a department's page, `{id}` for its id.
    public static let departmentPattern = department("{id}")

    // MARK: - Per plan

    /// `ke-hoach/<slug>/du-lieu/`: a plan's open data.
    public static func planData(_ slug: String) -> String { planFolder(slug) + "du-lieu/" }
    public static func planJSON(_ slug: String) -> String { planData(slug) + PlanDataFile.Kind.json.name }
    public static func appendixCSV(_ slug: String, _ number: Int) -> String {
        planData(slug) + PlanDataFile.Kind.appendixCSV(number).name
    }
    /// Tasks of the plan itself (`nhiem-vu.yaml`), as listed on the plan page.
    public static func planTasksCSV(_ slug: String) -> String { planData(slug) + PlanDataFile.Kind.tasksCSV.name }
    /// Every task of the plan in the columns of the site-wide `du-lieu/tat-ca-nhiem-vu.csv`.
    public static func planAllTasksCSV(_ slug: String) -> String {
        planData(slug) + PlanDataFile.Kind.allTasksCSV.name
    }
    /// Every criterion row of the plan in the columns of the site-wide `du-lieu/tat-ca-tieu-chi.csv`.
    public static func planAllCriteriaCSV(_ slug: String) -> String {
        planData(slug) + PlanDataFile.Kind.allCriteriaCSV.name
    }
    /// Every progress report of the plan that counts on the site's as-of date, one row each.
    public static func planReportsCSV(_ slug: String) -> String { planData(slug) + PlanDataFile.Kind.reportsCSV.name }
    /// The plan's search shard.
    public static func searchShard(_ slug: String) -> String { "tim-kiem/chi-muc/ke-hoach/\(slug).js" }

    // MARK: - Per department

    /// A department's calendar, beside its page.
    public static func calendar(_ departmentID: String) -> String { departmentFolder(departmentID) + "lich.ics" }
    /// A department's tasks across plans as an Excel workbook, beside its page.
    public static func departmentTasksXLSX(_ departmentID: String) -> String {
        departmentFolder(departmentID) + "nhiem-vu.xlsx"
    }

    /// Whether a path is an open data file listed by the manifest: everything under `du-lieu/`
    /// and `ke-hoach/<slug>/du-lieu/`, except the manifest itself, each department's
    /// `don-vi/<id>/nhiem-vu.xlsx` and each plan's signed original.
    public static func isOpenData(_ path: String) -> Bool {
        guard path != manifest else { return false }
        if path.hasPrefix(dataFolder) { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "don-vi", parts[2] == "nhiem-vu.xlsx" { return true }
        // A plan's signed original ("ke-hoach/<slug>/van-ban-goc.pdf") is listed too.
        if parts.count == 3, parts[0] == "ke-hoach", path.hasSuffix(".pdf") { return true }
        return parts.count >= 4 && parts[0] == "ke-hoach" && parts[2] == "du-lieu"
    }
}

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
    public static func planData(_ slug: PlanID) -> String { planFolder(slug) + "du-lieu/" }
    public static func planJSON(_ slug: PlanID) -> String { planData(slug) + PlanDataFile.Kind.json.name }
    public static func appendixCSV(_ slug: PlanID, _ number: Int) -> String {
        planData(slug) + PlanDataFile.Kind.appendixCSV(number).name
    }
    /// Tasks of the plan itself (`nhiem-vu.yaml`), as listed on the plan page.
    public static func planTasksCSV(_ slug: PlanID) -> String { planData(slug) + PlanDataFile.Kind.tasksCSV.name }
    /// Every task of the plan in the columns of the site-wide `du-lieu/tat-ca-nhiem-vu.csv`.
    public static func planAllTasksCSV(_ slug: PlanID) -> String {
        planData(slug) + PlanDataFile.Kind.allTasksCSV.name
    }
    /// Every criterion row of the plan in the columns of the site-wide `du-lieu/tat-ca-tieu-chi.csv`.
    public static func planAllCriteriaCSV(_ slug: PlanID) -> String {
        planData(slug) + PlanDataFile.Kind.allCriteriaCSV.name
    }
    /// Every progress report of the plan that counts on the site's as-of date, one row each.
    public static func planReportsCSV(_ slug: PlanID) -> String { planData(slug) + PlanDataFile.Kind.reportsCSV.name }
    /// The plan's search shard.
    public static func searchShard(_ slug: PlanID) -> String { "tim-kiem/chi-muc/ke-hoach/\(slug).js" }

    // MARK: - Per department

    /// A department's calendar, beside its page.
    public static func calendar(_ departmentID: DepartmentID) -> String { departmentFolder(departmentID) + "lich.ics" }
    /// A department's tasks across plans as an Excel workbook, beside its page.
    public static func departmentTasksXLSX(_ departmentID: DepartmentID) -> String {
        departmentFolder(departmentID) + "nhiem-vu.xlsx"
    }
    /// The same tasks as CSV (the workbook's columns), beside the workbook.
    public static func departmentTasksCSV(_ departmentID: DepartmentID) -> String {
        departmentFolder(departmentID) + "nhiem-vu.csv"
    }
    /// The department's calendar at the portal's address (`base-url`): the `https://` address
    /// to copy and the `webcal://` one that calendar programs subscribe to (same host and path;
    /// an `http://` base gives `webcal://` too). Nil without `base-url` or when it is not an
    /// absolute web address (`WebAddress.baseURLProblem`).
    public static func calendarSubscription(_ departmentID: DepartmentID, baseURL: String?)
        -> (webcal: String, web: String)?
    {
        guard let baseURL, !baseURL.isEmpty, WebAddress.baseURLProblem(baseURL) == nil else { return nil }
        let web = (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + calendar(departmentID)
        guard let webcal = WebAddress.subscription(web) else { return nil }
        return (webcal, web)
    }

    /// Whether a path is an open data file listed by the manifest: everything under `du-lieu/`
    /// and `ke-hoach/<slug>/du-lieu/`, except the manifest itself, each department's
    /// `don-vi/<id>/nhiem-vu.xlsx` and `nhiem-vu.csv`, and each plan's signed original; never a
    /// page (the open-data page `du-lieu/index.html` explains the files, it is not one of them).
    public static func isOpenData(_ path: String) -> Bool {
        guard path != manifest, !isPage(path) else { return false }
        if path.hasPrefix(dataFolder) { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "don-vi", parts[2] == "nhiem-vu.xlsx" || parts[2] == "nhiem-vu.csv" {
            return true
        }
        // A plan's signed original ("ke-hoach/<slug>/van-ban-goc.pdf") is listed too.
        if parts.count == 3, parts[0] == "ke-hoach", path.hasSuffix(".pdf") { return true }
        return parts.count >= 4 && parts[0] == "ke-hoach" && parts[2] == "du-lieu"
    }
}

extension SiteMap {
    // MARK: - Results history (issue 16)

    /// Every index result of the portal (results.yaml and the plans' quotes), one row each.
    public static let resultsCSV = dataFolder + "ket-qua-chi-so.csv"
    /// The same as JSON, described by `resultsSchema`.
    public static let resultsJSON = dataFolder + "ket-qua-chi-so.json"
    /// JSON Schema (draft 2020-12) of `ket-qua-chi-so.json`.
    public static let resultsSchema = dataFolder + "schema/ket-qua-chi-so.schema.json"
    /// Where a figure of the history comes from, for its `origin`: the file name of
    /// results.yaml (a figure no plan quotes); a quoted figure names its plan's slug.
    public static let resultsFileOrigin = "results.yaml"
}

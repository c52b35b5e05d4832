import PlansiteModel
import PlansiteRender

/// Where every export lives in the portal, relative to its root. Per-plan files sit in the
/// plan's folder (`ke-hoach/<slug>/du-lieu/`) and in the search index folder, so that they
/// depend only on that plan and the registry.
public enum ExportPaths {
    /// The site-wide open data folder.
    public static let dataFolder = "du-lieu/"
    public static let manifest = "du-lieu/manifest.json"
    public static let schema = "du-lieu/schema/ke-hoach.schema.json"
    public static let allTasks = "du-lieu/tat-ca-nhiem-vu.csv"
    public static let allCriteria = "du-lieu/tat-ca-tieu-chi.csv"
    public static let feed = "nguon-tin.xml"
    public static let sitemap = "sitemap.xml"
    public static let searchPage = "tim-kiem/index.html"
    public static let searchScript = "assets/search.js"
    public static let searchCatalog = "tim-kiem/chi-muc/danh-muc.js"

    /// `ke-hoach/<slug>/du-lieu/`: a plan's open data.
    public static func planData(_ slug: String) -> String { "ke-hoach/\(slug)/du-lieu/" }
    public static func planJSON(_ slug: String) -> String { planData(slug) + "ke-hoach.json" }
    public static func appendixCSV(_ slug: String, _ number: Int) -> String { planData(slug) + "phu-luc-\(number).csv" }
    /// Tasks of the plan itself (`nhiem-vu.yaml`), as listed on the plan page.
    public static func planTasksCSV(_ slug: String) -> String { planData(slug) + "nhiem-vu.csv" }
    /// Every task of the plan in the columns of the site-wide `du-lieu/tat-ca-nhiem-vu.csv`.
    public static func planAllTasksCSV(_ slug: String) -> String { planData(slug) + "tat-ca-nhiem-vu.csv" }
    /// Every criterion row of the plan in the columns of the site-wide `du-lieu/tat-ca-tieu-chi.csv`.
    public static func planAllCriteriaCSV(_ slug: String) -> String { planData(slug) + "tat-ca-tieu-chi.csv" }
    /// Every progress report of the plan that counts on the site's as-of date, one row each.
    public static func planReportsCSV(_ slug: String) -> String { planData(slug) + "bao-cao.csv" }
    /// The plan's search shard.
    public static func searchShard(_ slug: String) -> String { "tim-kiem/chi-muc/ke-hoach/\(slug).js" }
    /// A department's calendar, beside its page.
    public static func calendar(_ departmentID: String) -> String { "don-vi/\(departmentID)/lich.ics" }
    /// A department's tasks across plans as an Excel workbook, beside its page.
    public static func departmentTasksXLSX(_ departmentID: String) -> String { "don-vi/\(departmentID)/nhiem-vu.xlsx" }

    /// Whether a path is an open data file listed by the manifest: everything under `du-lieu/`
    /// and `ke-hoach/<slug>/du-lieu/`, except the manifest itself, and each department's
    /// `don-vi/<id>/nhiem-vu.xlsx`.
    public static func isOpenData(_ path: String) -> Bool {
        guard path != manifest else { return false }
        if path.hasPrefix(dataFolder) { return true }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "don-vi", parts[2] == "nhiem-vu.xlsx" { return true }
        // A plan's signed original ("ke-hoach/<slug>/van-ban-goc.pdf") is listed too.
        if parts.count == 3, parts[0] == "ke-hoach", path.hasSuffix(".pdf") { return true }
        return parts.count >= 4 && parts[0] == "ke-hoach" && parts[2] == "du-lieu"
    }

    /// A link to a row of the plan page, relative to the portal's root.
    static func row(_ slug: String, _ anchor: String) -> String { Paths.plan(slug) + "#" + anchor }
}

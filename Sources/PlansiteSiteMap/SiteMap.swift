import PlansiteModel

/// Where every page and export lives in the output, relative to the portal's root, and every
/// link between them: the one place that spells an output path. Page links name `index.html`
/// explicitly so that the portal also works from `file://`, where a browser does not open a
/// folder's index by itself. Per-plan files sit in the plan's folder (`ke-hoach/<slug>/`) and
/// in the search index folder, so that they depend only on that plan and the registry.
public enum SiteMap {
    // MARK: - Pages

    public static let home = "index.html"
    public static let directory = "don-vi/index.html"
    public static let notFound = "404.html"
    public static let search = "tim-kiem/index.html"

    public static func plan(_ slug: String) -> String { planFolder(slug) + "index.html" }

    /// The signed original of a plan, copied beside its page: "ke-hoach/<slug>/van-ban-goc.pdf".
    public static func original(_ slug: String, file: String) -> String { planFolder(slug) + file }

    public static func appendix(_ slug: String, _ number: Int) -> String {
        planFolder(slug) + "phu-luc-\(number)/index.html"
    }

    public static func department(_ id: String) -> String { departmentFolder(id) + "index.html" }

    public static func index(_ index: IndexKind) -> String { "chi-so/\(index.slug)/index.html" }

    /// Whether an output path is a page (for the sitemap).
    public static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }

    // MARK: - Links into pages

    /// A row of the plan page (a task, a criterion), relative to the portal's root.
    public static func row(_ slug: String, _ anchor: String) -> String { plan(slug) + "#" + anchor }

    /// The anchor of an appendix on its plan's page: "phu-luc-2".
    public static func appendixAnchor(_ number: Int) -> String { "phu-luc-\(number)" }

    /// The plan page's progress section.
    public static func planProgress(_ slug: String) -> String { plan(slug) + "#tien-do" }

    /// The plan page's list of overdue tasks.
    public static func planOverdue(_ slug: String) -> String { plan(slug) + "#qua-han" }

    /// The feed's id of a plan: its folder, "ke-hoach/<slug>/".
    public static func planID(_ slug: String) -> String { planFolder(slug) }

    // MARK: - Assets

    public static let stylesheet = "assets/style.css"
    public static let searchScript = "assets/search.js"

    // MARK: - Folders

    static func planFolder(_ slug: String) -> String { "ke-hoach/\(slug)/" }
    static func departmentFolder(_ id: String) -> String { "don-vi/\(id)/" }
}

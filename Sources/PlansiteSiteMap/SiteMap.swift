import PlansiteModel

/// Where every page and export lives in the output, relative to the portal's root, and every
/// link between them: the one place that spells an output path. Page links name `index.html`
/// explicitly so that the portal also works from `file://`, where a browser does not open a
/// folder's index by itself. Per-plan files sit in the plan's folder (`ke-hoach/<slug>/`) and
/// in the search index folder, so that they depend only on that plan and the registry.
public enum SiteMap {
    // MARK: - Pages

    public static let home = folderIndex
    public static let directory = "don-vi/index.html"
    public static let notFound = "404.html"
    public static let search = "tim-kiem/index.html"
    /// "Giới thiệu": who runs the portal, what it holds, how often it is updated, contact.
    public static let about = "gioi-thieu/index.html"
    /// The open-data page: every kind of file the portal publishes, explained and linked.
    /// It sits in the open data folder but is a page, not open data (`isOpenData`).
    public static let openData = "du-lieu/index.html"

    public static func plan(_ slug: PlanID) -> String { planFolder(slug) + "index.html" }

    /// The signed original of a plan, copied beside its page: "ke-hoach/<slug>/van-ban-goc.pdf".
    public static func original(_ slug: PlanID, file: String) -> String { planFolder(slug) + file }

    public static func appendix(_ slug: PlanID, _ number: Int) -> String {
        planFolder(slug) + "phu-luc-\(number)/index.html"
    }

    public static func department(_ id: DepartmentID) -> String { departmentFolder(id) + "index.html" }

    /// A department's tasks as a printable A4 checklist, beside its page.
    public static func departmentChecklist(_ id: DepartmentID) -> String {
        departmentFolder(id) + "danh-sach-in/index.html"
    }

    public static func index(_ index: IndexKind) -> String { "chi-so/\(index.slug)/index.html" }

    /// Whether an output path is a page (for the sitemap).
    public static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }

    // MARK: - Links into pages

    /// A row of the plan page (a task, a criterion), relative to the portal's root.
    public static func row(_ slug: PlanID, _ anchor: String) -> String { plan(slug) + "#" + anchor }

    /// The anchor of an appendix on its plan's page: "phu-luc-2".
    public static func appendixAnchor(_ number: Int) -> String { "phu-luc-\(number)" }

    /// The plan page's progress section.
    public static func planProgress(_ slug: PlanID) -> String { plan(slug) + "#tien-do" }

    /// The plan page's "Tải dữ liệu" list (its appendix tables and other files).
    public static func planDownloads(_ slug: PlanID) -> String { plan(slug) + "#tai-du-lieu" }

    /// The plan page's list of overdue tasks.
    public static func planOverdue(_ slug: PlanID) -> String { plan(slug) + "#qua-han" }

    /// The feed's id of a plan: its folder, "ke-hoach/<slug>/".
    public static func planID(_ slug: PlanID) -> String { planFolder(slug) }

    // MARK: - Assets

    /// The folder the templates' `assets/` are copied to, as they are.
    public static let assetsFolder = "assets/"
    /// The page a web server sends for a folder's address ("don-vi/" → "don-vi/index.html").
    public static let folderIndex = "index.html"
    public static let stylesheet = "assets/style.css"
    public static let searchScript = "assets/search.js"
    /// Shows and works the "In" (print) buttons (`button[data-print]`).
    public static let printScript = "assets/print.js"

    // MARK: - Folders

    static func planFolder(_ slug: PlanID) -> String { "ke-hoach/\(slug)/" }
    static func departmentFolder(_ id: DepartmentID) -> String { "don-vi/\(id)/" }
}

extension SiteMap {
    /// An appendix's table on its plan page.
    public static func planAppendix(_ slug: PlanID, _ number: Int) -> String {
        plan(slug) + "#" + appendixAnchor(number)
    }
}

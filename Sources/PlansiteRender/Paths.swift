import PlansiteModel

/// Where every page lives in the output, and relative links between pages. Links name
/// `index.html` explicitly so that the portal also works from `file://`, where a browser
/// does not open a folder's index by itself.
public enum Paths {
    public static let home = "index.html"
    public static let directory = "don-vi/index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"

    public static func plan(_ slug: String) -> String { "ke-hoach/\(slug)/index.html" }

    public static func appendix(_ slug: String, _ number: Int) -> String {
        "ke-hoach/\(slug)/phu-luc-\(number)/index.html"
    }

    public static func department(_ id: String) -> String { "don-vi/\(id)/index.html" }

    public static func index(_ index: IndexKind) -> String { "chi-so/\(index.slug)/index.html" }

    /// "../../" for a page at "ke-hoach/x/index.html": the way back to the portal's root.
    public static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}

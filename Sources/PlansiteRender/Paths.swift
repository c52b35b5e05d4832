import Foundation
import PlansiteModel

/// Where every page lives in the output, and relative links between pages. Links name
/// `index.html` explicitly so that the portal also works from `file://`, where a browser
/// does not open a folder's index by itself.
public enum Paths {
    public static let home = "index.html"
    public static let directory = "don-vi/index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"
    public static let search = "tim-kiem/index.html"

    public static func plan(_ slug: String) -> String { "ke-hoach/\(slug)/index.html" }
    /// The signed original of a plan, copied beside its page: "ke-hoach/<slug>/van-ban-goc.pdf".
    public static func original(_ slug: String, file: String) -> String { "ke-hoach/\(slug)/\(file)" }

    public static func appendix(_ slug: String, _ number: Int) -> String {
        "ke-hoach/\(slug)/phu-luc-\(number)/index.html"
    }

    public static func department(_ id: String) -> String { "don-vi/\(id)/index.html" }

    public static func index(_ index: IndexKind) -> String { "chi-so/\(index.slug)/index.html" }

    /// "../../" for a page at "ke-hoach/x/index.html": the way back to the portal's root.
    public static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// Pages are rendered with this placeholder for the way back to the root, replaced by
    /// `root(of:)` once the page is complete. So a fragment (a task's roles, an appendix
    /// table) is rendered once and shown on pages at any depth. U+0001 cannot occur in
    /// content: YAML forbids it and the loader refuses files that contain it.
    static let rootToken = "\u{1}"

    /// The page's bytes with every root placeholder replaced by the page's real root.
    static func resolvingRoot(_ html: String, for page: String) -> Data {
        let root = Array(Paths.root(of: page).utf8)
        var out = Data()
        out.reserveCapacity(html.utf8.count + 4096)
        var start = html.utf8.startIndex
        var index = start
        let utf8 = html.utf8
        while index != utf8.endIndex {
            if utf8[index] == 0x01 {
                out.append(contentsOf: utf8[start..<index])
                out.append(contentsOf: root)
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out.append(contentsOf: utf8[start..<utf8.endIndex])
        return out
    }
}

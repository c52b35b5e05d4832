import Foundation

extension SiteMap {
    /// "../../" for a page at "ke-hoach/x/index.html": the way back to the portal's root.
    public static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }

    /// Pages are rendered with this placeholder for the way back to the root, replaced by
    /// `root(of:)` once the page is complete. So a fragment (a task's roles, an appendix
    /// table) is rendered once and shown on pages at any depth. U+0001 cannot occur in
    /// content: YAML forbids it and the loader refuses files that contain it.
    public static let rootToken = "\u{1}"

    /// The page's bytes with every root placeholder replaced by the page's real root.
    public static func resolvingRoot(_ html: String, for page: String) -> Data {
        let root = Array(root(of: page).utf8)
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

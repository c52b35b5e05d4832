import Foundation
import PlansiteRender
import TestSupport
import Testing

/// The share preview and the footer of every page: `<meta>` values attribute-encoded, `og:url`
/// only from `base-url`, contact links only as checked `mailto:`/`tel:` links.
@Suite struct ShareMetaTests {
    static func render(_ settings: String) throws -> [String: String] {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "")
        try folder.write(settings, to: "site.yaml")
        let (site, _) = checkContent(folder.url)
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        let files = try Renderer(templates: #require(templates)).render(#require(site))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    static let hostile = """
        title: "Cổng \\"><script>alert(1)</script> & 'x'"
        issuer: Sở Nội vụ tỉnh Mẫu
        as-of: 15/6/2024
        base-url: https://example.gov.vn/cchc/
        description: "Mô tả \\" onmouseover=\\"alert(1)"
        agency: "Sở <b>Nội vụ</b>"
        responsible-person: Người Phụ Trách Mẫu
        address: Số 1 đường Mẫu
        email: lien-he@example.gov.vn
        phone: +84 (200) 3000-000

        """

    @Test func aHostileTitleAndDescriptionAreAttributeEncodedInEveryMetaTag() throws {
        let pages = try Self.render(Self.hostile)
        let htmlPages = pages.filter { $0.key.hasSuffix(".html") }
        #expect(htmlPages.count > 10)
        for (path, html) in htmlPages {
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("\" onmouseover"), "\(path)")
            #expect(
                html.contains("<meta name=\"description\" content=\"Mô tả &quot; onmouseover=&quot;alert(1)\">"),
                "\(path)")
            #expect(html.contains("<meta property=\"og:locale\" content=\"vi_VN\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:type\" content=\"website\">"), "\(path)")
            #expect(
                html.contains("— Cổng &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;\">"), "\(path)")
            #expect(html.contains("<dd>Sở &lt;b&gt;Nội vụ&lt;/b&gt;</dd>"), "\(path)")
        }
    }

    @Test func ogURLIsThePagesAbsoluteAddressOnlyWithBaseURL() throws {
        let pages = try Self.render(Self.hostile)
        #expect(
            try #require(pages["index.html"]).contains(
                "<meta property=\"og:url\" content=\"https://example.gov.vn/cchc/\">"))
        #expect(
            try #require(pages["gioi-thieu/index.html"]).contains(
                "<meta property=\"og:url\" content=\"https://example.gov.vn/cchc/gioi-thieu/index.html\">"))
        #expect(try #require(pages["404.html"]).contains("og:url") == false, "the 404 page has no address of its own")
        let relative = try Self.render(
            "title: Cổng\nissuer: Sở Nội vụ\nas-of: 15/6/2024\nagency: Sở Nội vụ\n")
        for (path, html) in relative where path.hasSuffix(".html") {
            #expect(!html.contains("og:url"), "\(path): no base-url, no og:url")
            #expect(html.contains("og:title"), "\(path)")
        }
    }

    @Test func theFooterLinksContactsOnlyAsCheckedMailtoAndTelLinks() throws {
        let pages = try Self.render(Self.hostile)
        let footer = try #require(pages["ke-hoach/2024-mau-par-index/index.html"])
        #expect(footer.contains("<a href=\"mailto:lien-he@example.gov.vn\">lien-he@example.gov.vn</a>"))
        #expect(footer.contains("<a href=\"tel:+842003000000\">+84 (200) 3000-000</a>"))
        #expect(footer.contains("<a href=\"../../gioi-thieu/index.html\">Giới thiệu</a>"))
        #expect(footer.contains("<a href=\"../../du-lieu/index.html\">Dữ liệu mở</a>"))
        let notFound = try #require(pages["404.html"])
        #expect(notFound.contains("<a href=\"/gioi-thieu/index.html\">Giới thiệu</a>"), "404 links from base-path")
    }
}

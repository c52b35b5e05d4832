import Foundation
import PlansiteRender
import TestSupport
import Testing

/// Every page kind of the fixture site against its golden file (Golden/pages/). Mustache
/// renders a misspelt key as empty text, so only a golden file catches it.
@Suite struct GoldenPageTests {
    static let pages = [
        "index.html", "404.html", "don-vi/index.html", "don-vi/tinh-mau-so-noi-vu/index.html",
        "don-vi/tinh-mau-so-noi-vu/danh-sach-in/index.html",
        "don-vi/tinh-mau-chu-tich-ubnd-cap-huyen/index.html", "chi-so/par-index/index.html",
        "chi-so/sipas/index.html", "ke-hoach/2024-mau-par-index/index.html",
        "ke-hoach/2024-mau-par-index/phu-luc-1/index.html", "ke-hoach/2023-mau-papi/index.html",
        "tim-kiem/index.html", "gioi-thieu/index.html", "du-lieu/index.html",
    ]

    static let rendered: [String: String] = {
        let (site, _) = checkContent(TestPaths.fixtures.appendingPathComponent("site"))
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        guard let site, let templates else { return [:] }
        let files = Renderer(templates: templates).render(site)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }()

    @Test(arguments: pages)
    func page(_ path: String) throws {
        let html = try #require(Self.rendered[path], "page \(path) was not rendered")
        try expectGolden(html, "pages/" + path)
    }

    /// Theme files are copied as they are (no golden copy: the template folder is the source).
    @Test func assetsAreCopiedUnchanged() throws {
        for asset in [
            "assets/style.css", "assets/search.js", "assets/print.js", "assets/tables.js", "assets/favicon.svg",
        ] {
            let source = try String(contentsOf: TestPaths.templates.appendingPathComponent(asset), encoding: .utf8)
            #expect(Self.rendered[asset] == source, "\(asset)")
        }
    }

    @Test func everyPageIsCovered() {
        let htmlPages = Self.rendered.keys.filter { $0.hasSuffix(".html") }
        // home, directory, search, 404, about, open data; three index pages; two plans, one
        // appendix; five departments, each with its printable checklist
        #expect(htmlPages.count == 6 + 3 + 2 + 1 + 5 * 2, "\(htmlPages.sorted())")
    }
}

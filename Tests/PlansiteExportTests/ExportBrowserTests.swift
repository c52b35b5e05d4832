import Foundation
import PlansiteExport
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

/// The search page in headless Chromium, opened from `file://` (the hardest case: no fetch()),
/// with the query in the address (`tim-kiem/index.html#q=noi%20vu`): the first result is right.
@Suite struct ExportBrowserTests {
    static let browsers = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    func browser() throws -> String {
        guard let browser = Self.browsers.first(where: toolExists) else {
            throw ExportTestError(
                "a headless Chromium is required for the search page test: apt-get install chromium "
                    + "(../shared/tools/check-site --install installs it too)")
        }
        return browser
    }

    /// The portal of the default content with its search page. Until the renderer makes
    /// `tim-kiem/index.html`, the page is assembled from Templates/pages/search.mustache with a
    /// bare layout (only `root` and `title` are used by the template's main block).
    func portal() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var files = ExportFixture.portal(defaultSite)
        if !files.contains(where: { $0.path == SiteMap.search }) {
            let template = try String(
                contentsOf: TestPaths.templates.appendingPathComponent("pages/search.mustache"), encoding: .utf8)
            let main = try #require(
                template.components(separatedBy: "{{$main}}").last?.components(separatedBy: "{{/main}}").first)
            let body = main.replacingOccurrences(of: "{{root}}", with: "../")
                .replacingOccurrences(of: "{{title}}", with: "Tìm kiếm")
            let page =
                "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Tìm kiếm</title>"
                + "<link rel=\"stylesheet\" href=\"../assets/style.css\"></head>\n<body><main>\(body)</main></body></html>\n"
            files.append(OutputFile(path: SiteMap.search, data: Data(page.utf8)))
        }
        if !files.contains(where: { $0.path == SiteMap.searchScript }) {
            files.append(
                OutputFile(path: SiteMap.searchScript, data: try Data(contentsOf: ExportNode.script)))
        }
        try ExportFixture.write(files, to: folder.url)
        return folder
    }

    /// The page's DOM after its scripts ran.
    func dom(_ folder: TemporaryFolder, hash: String) throws -> String {
        let browser = try browser()
        let profile = try TemporaryFolder()
        let url = folder.path(SiteMap.search).absoluteString + "#" + hash
        let result = try runTool(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(profile.url.path)", "--virtual-time-budget=10000", "--dump-dom", url,
            ])
        if result.status != 0 { throw ExportTestError("\(browser) failed (\(result.status)): \(result.error)") }
        return result.output
    }

    /// (kind label, href, text) of each result shown.
    func results(_ dom: String) -> [(kind: String, href: String, text: String)] {
        dom.matches(
            of:
                /<li class="plan-item search-result"><p class="plan-title"><span class="tag">([^<]*)<\/span> <a href="([^"]*)">([^<]*)<\/a>/
        )
        .map { (String($0.output.1), String($0.output.2), String($0.output.3)) }
    }

    @Test func searchPageFromFileURLShowsTheRightFirstResults() throws {
        let folder = try portal()
        let noiVu = try dom(folder, hash: "q=noi%20vu")
        let first = try #require(results(noiVu).first, "no result shown:\n\(noiVu.suffix(2000))")
        #expect(first.kind == "Đơn vị" && first.href.hasPrefix("../don-vi/") && first.text.contains("Nội vụ"))
        #expect(noiVu.contains("aria-live=\"polite\""))
        // The filters are filled from the catalog.
        #expect(noiVu.contains("<option value=\"papi\">PAPI</option>"))
        #expect(noiVu.contains("<option value=\"2024\">2024</option>"))
        #expect(noiVu.contains("<option value=\"dak-nong-so-noi-vu\">Sở Nội vụ</option>"))

        let dakNong = try #require(results(try dom(folder, hash: "q=dak+nong")).first)
        #expect(dakNong.kind == "Kế hoạch" && dakNong.href.hasPrefix("../ke-hoach/2024-dak-nong-"))

        let filtered = results(try dom(folder, hash: "q=bao%20cao&nam=2022"))
        #expect(!filtered.isEmpty && filtered.allSatisfy { $0.href.hasPrefix("../ke-hoach/2022-") })
    }

    @Test func searchPageWithoutJavaScriptLinksTheDirectory() throws {
        let template = try String(
            contentsOf: TestPaths.templates.appendingPathComponent("pages/search.mustache"), encoding: .utf8)
        let noscript = try #require(
            template.components(separatedBy: "<noscript>").last?.components(separatedBy: "</noscript>").first)
        #expect(noscript.contains("href=\"{{root}}don-vi/index.html\""))
        #expect(noscript.contains("href=\"{{root}}index.html\""))
        // The form is hidden until the script shows it.
        #expect(
            template.contains(
                "<form id=\"tim-kiem\" class=\"search-form\" role=\"search\" action=\"#\" data-root=\"{{root}}\" hidden>"
            ))
    }
}

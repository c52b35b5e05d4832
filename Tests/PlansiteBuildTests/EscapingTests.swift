import Foundation
import PlansiteBuild
import PlansiteModel
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Text from content reaches pages as text, never as markup: titles, task text, department
/// names, list items and attributes.
@Suite struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let attribute = "\" onmouseover=\"alert(2)"

    func hostileSite() throws -> (TemporaryFolder, URL) {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let plan = temporary.path("content/plans/2024-mau-par-index/plan.md")
        var text = try String(contentsOf: plan, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "title: Cải thiện, nâng cao Chỉ số cải cách hành chính năm 2024",
            with: "title: 'Cải thiện \(Self.script) \(Self.attribute)'")
        text = text.replacingOccurrences(of: "  name: Nguyễn Văn A", with: "  name: '\(Self.attribute)'")
        text = text.replacingOccurrences(of: "  - Như trên", with: "  - '\(Self.script)'")
        text +=
            "\n\(Self.script)\n\nMột <img src=x onerror=alert(3)> [liên kết](javascript:alert(4)) \(Self.attribute)\n"
        try text.write(to: plan, atomically: true, encoding: .utf8)
        let appendix = temporary.path("content/plans/2024-mau-par-index/phu-luc-1.yaml")
        var yaml = try String(contentsOf: appendix, encoding: .utf8)
        yaml = yaml.replacingOccurrences(
            of: "text: Tổ chức đối thoại.", with: "text: '\(Self.script) \(Self.attribute)'")
        yaml = yaml.replacingOccurrences(
            of: "title: Đối thoại với người dân", with: "title: 'Đối thoại \(Self.script) \(Self.attribute)'")
        try yaml.write(to: appendix, atomically: true, encoding: .utf8)
        let registry = temporary.path("content/departments/tinh-mau.yaml")
        var departments = try String(contentsOf: registry, encoding: .utf8)
        departments = departments.replacingOccurrences(
            of: "short-name: Sở Tư pháp",
            with: "short-name: 'Sở Tư pháp \(Self.script) \(Self.attribute)'\n    aliases: [Sở Tư pháp]")
        departments = departments.replacingOccurrences(
            of: "name: Sở Tư pháp tỉnh Mẫu", with: "name: 'Sở Tư pháp \(Self.attribute)'")
        try departments.write(to: registry, atomically: true, encoding: .utf8)
        let output = temporary.path("Public")
        let outcome = SiteBuilder(
            options: .init(content: temporary.path("content"), templates: TestPaths.templates, output: output)
        )
        .build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        return (temporary, output)
    }

    @Test func hostileTextIsShownAsTextEverywhere() throws {
        let (temporary, output) = try hostileSite()
        _ = temporary
        let enumerator = try #require(FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil))
        var pages = 0
        var escapedSeen = 0
        for case let url as URL in enumerator where url.pathExtension == "html" {
            pages += 1
            let html = try String(contentsOf: url, encoding: .utf8)
            // The only scripts are the portal's own: search on the search page, the print button's
            // on the printable appendix and department pages,
            // the tables' on the directory and index pages.
            let scripts = html.lowercased().components(separatedBy: "<script").count - 1
            let ownScript = html.matches(of: /<script src="(?:\.\.\/)+assets\/(?:search|print|tables)\.js"><\/script>/)
                .count
            #expect(scripts == ownScript, "\(url.path) contains a script element")
            #expect(!html.contains(Self.attribute), "\(url.path) contains a raw attribute break-out")
            #expect(!html.contains("onmouseover=\"alert"), "\(url.path)")
            #expect(!html.contains("<img"), "\(url.path)")
            #expect(!html.contains("javascript:"), "\(url.path)")
            if html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") { escapedSeen += 1 }
        }
        #expect(pages > 10)
        // Plan page, its printable appendix, and the pages that list the department or the task.
        #expect(escapedSeen >= 4)
    }

    @Test func markdownRawHTMLIsDisplayedAsText() throws {
        let (temporary, output) = try hostileSite()
        _ = temporary
        let plan = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/2024-mau-par-index/index.html"), encoding: .utf8)
        #expect(plan.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(plan.contains("&lt;img src=x onerror=alert(3)&gt;"))
    }
}

/// Each output context's one encoding function (PlansiteModel/OutputEncoding.swift).
@Suite struct OutputEncodingTests {
    @Test func htmlEscapesTheFiveCharactersAndNothingElse() {
        #expect(HTMLText.escape("a<b>&\"'c") == "a&lt;b&gt;&amp;&quot;&#39;c")
        let vietnamese = "Sở Nội vụ — “báo cáo” …"
        #expect(HTMLText.escape(vietnamese) == vietnamese)
    }

    @Test func xmlTextAndAttributesAlwaysParse() throws {
        let hostile = "a]]><b x='1'>&\u{1}\r\n\t\u{FFFE}z"
        #expect(XMLText.escape(hostile) == "a]]&gt;&lt;b x=&#39;1&#39;&gt;&amp;&#13;\n\tz")
        #expect(XMLText.attribute(hostile) == "a]]&gt;&lt;b x=&#39;1&#39;&gt;&amp;&#13;&#10;&#9;z")
        let document = "<r a=\"\(XMLText.attribute(hostile))\">\(XMLText.escape(hostile))</r>"
        let reader = AttributeReader()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = reader
        #expect(parser.parse())
        #expect(reader.attribute == "a]]><b x='1'>&\r\n\tz")
    }

    @Test(arguments: [
        "https://example.gov.vn/cchc/", "http://example.gov.vn", "HTTPS://EXAMPLE.GOV.VN/a?b=1#c",
        "ke-hoach/x/index.html",
        "../../index.html", "#pl1-1", "?q=1", "/cchc/index.html", "a/b:c",
        "http://[::1]:8000/",
    ])
    func webAndRelativeAddressesAreLinkable(_ url: String) {
        #expect(WebAddress.isLinkable(url))
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "data:text/html,<script>", "vbscript:x", "mailto:a@b.vn", "file:///etc/passwd",
        "//evil.example/x", "\\\\evil.example\\x", "http:/x", "https://", "http://exa mple.vn", "http://a.vn/\u{202E}x",
        "", "http://a.vn/\u{200B}x",
    ])
    func everyOtherAddressIsNotLinkable(_ url: String) {
        #expect(!WebAddress.isLinkable(url))
    }

    @Test(arguments: ["https://example.gov.vn/cchc/", "http://example.gov.vn", "https://cchc.daknong.gov.vn:8443/a/b/"])
    func baseURLAcceptsAbsoluteWebAddresses(_ url: String) {
        #expect(WebAddress.baseURLProblem(url) == nil)
    }

    @Test(arguments: [
        "https://example.gov.vn/cchc/\r\nX-INJECT:1", "javascript:alert(1)", "example.gov.vn/cchc/", "/cchc/",
        "https://user:pass@example.gov.vn/", "https://example.gov.vn/a b/", "https://example.gov.vn/?x=1",
        "https://example.gov.vn/#top", "ftp://example.gov.vn/", "https:///x", "https://exa_mple.vn/",
        "https://example.gov.vn/../../", "https://example.gov.vn/\u{2028}", "",
    ])
    func baseURLRefusesEverythingElseWithAReason(_ url: String) {
        let problem = WebAddress.baseURLProblem(url)
        #expect(problem != nil)
        #expect(problem?.isEmpty == false)
    }

    @Test(arguments: ["/", "/cchc/", "/cchc", "cchc/", "./", "a/b/../c/", "/c%E1%BA%A3i-cach/"])
    func basePathAcceptsPaths(_ path: String) {
        #expect(WebAddress.basePathProblem(path) == nil)
    }

    @Test(arguments: [
        "javascript:alert(1)", "javascript:alert(1)//", "https://example.gov.vn/", "//evil.example/", "../",
        "/cchc/../../", "/%2e%2e/", "/cchc/\n", "/a b/", "/cchc/?x", "/cchc/#x", "\\\\evil\\", "",
    ])
    func basePathRefusesSchemesHostsEscapesAndControls(_ path: String) {
        #expect(WebAddress.basePathProblem(path) != nil)
    }

    @Test func jsonForScriptCannotCloseTheScriptOrEndAJavaScriptLine() throws {
        let value = ["t": "</script><!-- \u{2028}\u{2029} </SCRIPT>"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let raw = [UInt8](try encoder.encode(value))
        let safe = JSONText.forScript(raw)
        let text = String(decoding: safe, as: UTF8.self)
        #expect(!text.lowercased().contains("</script"))
        #expect(!text.contains("<!--"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        // The same data.
        let decoded = try JSONSerialization.jsonObject(with: Data(safe)) as? [String: String]
        #expect(decoded == value)
    }

    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "-", "- mục"])
    func csvTextThatASpreadsheetWouldRunGetsAQuote(_ cell: String) {
        #expect(CSVCell.guarded(cell) == "'" + cell)
    }

    @Test(arguments: ["-1", "-1.5", "-0.25", "12", "0", "1.4888", "", "Sở Nội vụ", "2024-06-20", "a=b", "'=x"])
    func csvNumbersAndOrdinaryTextStayAsTheyAre(_ cell: String) {
        #expect(CSVCell.guarded(cell) == cell)
    }

    @Test func icsTextEscapesAndLineEndsNeverSurvive() {
        #expect(ICSValue.text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
        #expect(ICSValue.text("a\u{2028}b\u{2029}c\u{85}d") == "a\\nb\\nc\\nd")
        #expect(ICSValue.line("https://x.vn/\r\nX-INJECT:1\u{2028}\u{0}") == "https://x.vn/X-INJECT:1")
    }
}

private final class AttributeReader: NSObject, XMLParserDelegate {
    var attribute: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        attribute = attributes["a"]
    }
}

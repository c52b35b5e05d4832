import Foundation
import PlansiteBuild
import Testing

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
            // The only script is the portal's own search script, on the search page.
            let scripts = html.lowercased().components(separatedBy: "<script").count - 1
            let ownScript = html.contains("<script src=\"../assets/search.js\"></script>") ? 1 : 0
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

import Foundation
import PlansiteBuild
import TestSupport
import Testing

/// The whole build judged on two as-of dates: the overdue lists follow the site's date, never
/// the clock, and the same date gives the same bytes.
@Suite struct ProgressBuildTests {
    /// The fixture site with `as-of` set to `asOf`, built into `folder/Public`.
    func build(asOf: String, in temporary: TemporaryFolder, name: String) throws -> URL {
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "\(name)/content")
        let settings = temporary.path("\(name)/content/site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "as-of: 15/6/2024", with: "as-of: \(asOf)")
        try text.write(to: settings, atomically: true, encoding: .utf8)
        let output = temporary.path("\(name)/Public")
        let outcome = SiteBuilder(
            options: .init(content: temporary.path("\(name)/content"), templates: TestPaths.templates, output: output)
        ).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        return output
    }

    /// The links of every overdue list on a page, with the page's "../" prefixes removed.
    func overdueLinks(_ page: URL) throws -> [String] {
        let html = try String(contentsOf: page, encoding: .utf8)
        var links: [String] = []
        func add(_ part: Substring) {
            links.append(String(part.prefix { $0 != "\"" }).replacingOccurrences(of: "../", with: ""))
        }
        // Home and plan pages: the overdue lists.
        for list in html.components(separatedBy: "<ul class=\"overdue-list\">").dropFirst() {
            let items = list.components(separatedBy: "</ul>")[0]
            for part in items.components(separatedBy: "<a href=\"").dropFirst() { add(Substring(part)) }
        }
        // A department page: the task names of its "Quá hạn" group, which opens "Việc cần làm".
        for group in html.components(separatedBy: "<h3 id=\"qua-han\">").dropFirst() {
            let items = group.components(separatedBy: "</ul>")[0]
            for part in items.components(separatedBy: "<div class=\"due-task-name\"><a href=\"").dropFirst() {
                add(Substring(part))
            }
        }
        return links
    }

    @Test func theOverdueListsFollowTheAsOfDate() throws {
        let temporary = try TemporaryFolder()
        let before = try build(asOf: "15/6/2024", in: temporary, name: "before")
        let after = try build(asOf: "21/6/2024", in: temporary, name: "after")
        let papi = "ke-hoach/2023-mau-papi/index.html"
        let par = "ke-hoach/2024-mau-par-index/index.html"
        // On 15/6 the 2023 letter's dated task (30/11/2023) and its quarterly duty (Q3, Q4 of 2023)
        // are overdue; the 2024 plan's task due on 20/6 is only due soon.
        // Each list starts with what has been overdue longest.
        #expect(try overdueLinks(before.appendingPathComponent("index.html")) == ["\(papi)#nv-2", "\(papi)#nv-1"])
        #expect(try overdueLinks(before.appendingPathComponent(par)) == [])
        #expect(
            try overdueLinks(before.appendingPathComponent("don-vi/tinh-mau-so-noi-vu/index.html")) == [
                "\(papi)#nv-2", "\(papi)#nv-1",
            ])
        // On 21/6 it is overdue too: its only report says 30 %, not done.
        #expect(
            try overdueLinks(after.appendingPathComponent("index.html")) == [
                "\(par)#pl1-nv-2", "\(papi)#nv-2", "\(papi)#nv-1",
            ])
        #expect(try overdueLinks(after.appendingPathComponent(par)) == ["\(par)#pl1-nv-2"])
        #expect(
            try overdueLinks(after.appendingPathComponent("don-vi/tinh-mau-so-noi-vu/index.html")) == [
                "\(papi)#nv-2", "\(papi)#nv-1", "\(par)#pl1-nv-2",
            ])
        let beforePage = try String(contentsOf: before.appendingPathComponent(par), encoding: .utf8)
        let afterPage = try String(contentsOf: after.appendingPathComponent(par), encoding: .utf8)
        #expect(beforePage.contains("Hạn 20/06/2024, còn 5 ngày"))
        #expect(afterPage.contains("Hạn 20/06/2024, đã quá 1 ngày"))
    }

    @Test func theSameAsOfDateGivesTheSameBytes() throws {
        let temporary = try TemporaryFolder()
        let first = try build(asOf: "21/6/2024", in: temporary, name: "a")
        let second = try build(asOf: "21/6/2024", in: temporary, name: "b")
        let third = try build(asOf: "22/6/2024", in: temporary, name: "c")
        let page = "ke-hoach/2024-mau-par-index/index.html"
        for path in [page, "index.html", "don-vi/tinh-mau-so-noi-vu/index.html", "don-vi/tinh-mau-so-noi-vu/lich.ics"] {
            let a = try Data(contentsOf: first.appendingPathComponent(path))
            #expect(a == (try Data(contentsOf: second.appendingPathComponent(path))), "\(path)")
        }
        #expect(
            try Data(contentsOf: first.appendingPathComponent(page))
                != (try Data(contentsOf: third.appendingPathComponent(page))))
    }
}

import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import PlansiteWording
import TestSupport
import Testing

@testable import PlansiteExport

/// The department page (`don-vi/<id>/index.html`) and its checklist and CSV, on the progress
/// fixture plan (ExportProgressTests.swift), whose statuses are known. Here rather than in
/// PlansiteRenderTests because the fixture plan, made in code, lives beside the export tests.
///
/// As of 25/4/2024 the fixture's Sở Nội vụ (`tinh-mau-so-noi-vu`) has: nv-3 (quarterly, Q1 due
/// 20/3 missed) and nv-1 (due 31/3, only in progress) **overdue**; nv-2 (due 30/4, its "done"
/// report dated 28/4 not yet counted) **due soon**; pl1-nv-1 (yearly) neither.
@Suite struct DepartmentPageTests {
    static let interior: DepartmentID = "tinh-mau-so-noi-vu"
    static let asOf = ExportFixture.day("25/4/2024")

    static func pages(baseURL: String?, asOf: CalendarDate = asOf) -> [String: String] {
        let site = ExportFixture.progressSite(asOf: asOf, baseURL: baseURL)
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        let files = templates.map { Renderer(templates: $0).render(site) } ?? []
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }

    static let withoutBase = pages(baseURL: nil)
    static let withBase = pages(baseURL: "https://cong.example.gov.vn/c'c&h/")

    /// Where each of the plan's tasks is linked in the page, in page order.
    static func taskOrder(_ html: String) -> [String] {
        let marker = "ke-hoach/\(ExportFixture.progressSlug)/index.html#"
        var anchors: [String] = []
        var rest = html[...]
        while let range = rest.range(of: marker) {
            let anchor = rest[range.upperBound...].prefix { $0 != "\"" }
            if !anchors.contains(String(anchor)) { anchors.append(String(anchor)) }
            rest = rest[range.upperBound...]
        }
        return anchors
    }

    @Test func fixtureStatusesAreTheOnesThisSuiteAssumes() throws {
        let site = ExportFixture.progressSite(asOf: Self.asOf, baseURL: nil)
        let progress = try #require(SiteAssessment(site).progress[ExportFixture.progressSlug])
        #expect(progress[anchor: "nv-1"]?.status == .overdue)
        #expect(progress[anchor: "nv-3"]?.status == .overdue)
        #expect(progress[anchor: "nv-2"]?.status == .dueSoon)
        let other = try #require(progress[anchor: "pl1-nv-1"]?.status)
        #expect(other != .overdue && other != .dueSoon)
    }

    @Test func departmentPageOpensWithOverdueThenDueSoonThenTheRest() throws {
        let html = try #require(Self.withoutBase[SiteMap.department(Self.interior)])
        // The task list comes before every summary view.
        let list = try #require(html.range(of: "<h2 id=\"viec-can-lam\""))
        let summary = try #require(html.range(of: "<h2 id=\"tong-hop\""))
        #expect(list.lowerBound < summary.lowerBound)
        let overdue = try #require(html.range(of: "<h3 id=\"qua-han\">Quá hạn ("))
        let soon = try #require(html.range(of: "<h3 id=\"sap-den-han\">Sắp đến hạn (trong 14 ngày tới)"))
        let others = try #require(html.range(of: "<h3 id=\"nhiem-vu-khac\">"))
        #expect(overdue.lowerBound < soon.lowerBound && soon.lowerBound < others.lowerBound)
        // Longest overdue first (nv-3 missed 20/3, nv-1 31/3), then due soon, then the rest.
        let listed = Self.taskOrder(String(html[list.lowerBound..<summary.lowerBound]))
        #expect(listed == ["nv-3", "nv-1", "nv-2", "pl1-nv-1"])
        // Over every plan of the page: all overdue tags, then all due-soon ones, then the rest.
        let tags = html[list.lowerBound..<summary.lowerBound].components(separatedBy: "<span class=\"status status-")
            .dropFirst().map { $0.prefix { $0 != "\"" } }
        let ranks = tags.map { $0 == "overdue" ? 0 : $0 == "due-soon" ? 1 : 2 }
        #expect(ranks == ranks.sorted() && ranks.contains(0) && ranks.contains(1) && ranks.contains(2), "\(tags)")
        // The dates of the rest never go down, and those without one come last.
        let rest = String(html[others.lowerBound..<summary.lowerBound])
        let dates = rest.components(separatedBy: "<li class=\"due-task\">").dropFirst().map { item in
            item.range(of: "<time datetime=\"").map { String(item[$0.upperBound...].prefix(10)) } ?? "~"
        }
        #expect(dates == dates.sorted() && dates.last == "~", "\(dates)")
        // Each with its role, its date as dd/mm/yyyy and a status tag.
        #expect(html.contains("<dt>Vai trò</dt><dd>\(TaskRole.monitoring.label)</dd>"))
        #expect(html.contains("<time datetime=\"2024-03-31\">31/03/2024</time>"))
        #expect(html.contains("<span class=\"status status-due-soon\">Sắp đến hạn</span>"))
        // The progress section does not list the overdue tasks a second time.
        #expect(html.components(separatedBy: "id=\"qua-han\"").count == 2)
    }

    @Test func checklistHasTheDepartmentsTasksInPageOrderWithANoteColumn() throws {
        let html = try #require(Self.withoutBase[SiteMap.departmentChecklist(Self.interior)])
        #expect(Self.taskOrder(html) == ["nv-3", "nv-1", "nv-2", "pl1-nv-1"])
        #expect(html.contains("<th scope=\"col\" class=\"col-note\">Ghi chú</th>"))
        #expect(html.contains("<script src=\"../../../assets/print.js\"></script>"))
        let page = try #require(Self.withoutBase[SiteMap.department(Self.interior)])
        #expect(page.contains("don-vi/tinh-mau-so-noi-vu/danh-sach-in/index.html\">"))
        #expect(page.contains("don-vi/tinh-mau-so-noi-vu/nhiem-vu.csv\" download>"))
    }

    @Test func withBaseURLTheCalendarIsASubscriptionAddress() throws {
        let html = try #require(Self.withBase[SiteMap.department(Self.interior)])
        // webcal:// for calendar programs, https:// to copy; both escaped for the attribute.
        #expect(
            html.contains(
                "<a href=\"webcal://cong.example.gov.vn/c&#39;c&amp;h/don-vi/tinh-mau-so-noi-vu/lich.ics\">"))
        #expect(html.contains("https://cong.example.gov.vn/c&#39;c&amp;h/don-vi/tinh-mau-so-noi-vu/lich.ics"))
        #expect(html.contains("Thêm vào Lịch Google / Outlook / iPhone"))
        #expect(!html.contains("lich.ics\" download"))
    }

    @Test func withoutBaseURLTheCalendarIsADownloadThatSaysWhySubscriptionNeedsIt() throws {
        let html = try #require(Self.withoutBase[SiteMap.department(Self.interior)])
        #expect(html.contains("don-vi/tinh-mau-so-noi-vu/lich.ics\" download>"))
        #expect(html.contains("base-url"))
        #expect(!html.contains("webcal:"))
    }

    @Test func aCalendarWithNoEventIsNotLinked() throws {
        // Checked against the calendar itself: a department whose calendar has no VEVENT has
        // no link to it, one whose calendar has an event has one.
        let site = ExportFixture.progressSite(asOf: Self.asOf, baseURL: ExportFixture.baseURL)
        let departments = ExportFixture.departments(site)
        let entries = TaskAssignment.byDepartment(site.plans)
        let progress = SiteAssessment(site).progress
        var empty = 0
        for department in site.departments {
            let ics = String(
                decoding: Exports.departmentCalendar(
                    department, entries: entries[department.id] ?? [], settings: site.settings,
                    departments: departments, progress: progress
                ).data, as: UTF8.self)
            let html = try #require(Self.withBase[SiteMap.department(department.id)])
            let linked = html.contains("lich.ics")
            #expect(linked == ics.contains("BEGIN:VEVENT"), "\(department.id)")
            if !ics.contains("BEGIN:VEVENT") { empty += 1 }
        }
        #expect(empty > 0, "the fixture has a department with an empty calendar")
    }

    @Test func departmentCSVHasTheWorkbooksColumnsAndGuardsFormulas() throws {
        let site = ExportFixture.progressSite(asOf: Self.asOf, baseURL: nil)
        let department = try #require(site.departments.first { $0.id == Self.interior })
        let entries = TaskAssignment.byDepartment(site.plans)[Self.interior] ?? []
        let progress = SiteAssessment(site).progress
        let files = Exports.departmentTaskFiles(
            department, entries: entries, progress: progress, asOf: site.settings.asOf)
        #expect(
            files.map(\.path) == ["don-vi/tinh-mau-so-noi-vu/nhiem-vu.xlsx", "don-vi/tinh-mau-so-noi-vu/nhiem-vu.csv"])
        let file = files[1]
        #expect(SiteMap.isOpenData(file.path))
        let lines = ExportFixture.csvLines([file], file.path)
        #expect(lines.first == DepartmentTasksWorkbook.headers.joined(separator: ","))
        #expect(lines.count == 1 + DepartmentTasksWorkbook.rows(entries, progress: progress).count)
        let hostile = Exports.departmentTaskFiles(
            department,
            entries: [
                TaskAssignment(
                    plan: ExportFixture.progressPlan,
                    task: PlanTask(
                        anchor: "x", text: "=HYPERLINK(\"http://x\")", lead: [Self.interior], timeFrame: nil),
                    role: .lead)
            ], progress: progress, asOf: site.settings.asOf)[1]
        let text = String(decoding: hostile.data, as: UTF8.self)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
    }

    @Test func titleAndHeadingNameTheLocality() throws {
        let html = try #require(Self.withoutBase[SiteMap.department(Self.interior)])
        let site = ExportFixture.progressSite(asOf: Self.asOf, baseURL: nil)
        let department = try #require(site.departments.first { $0.id == Self.interior })
        let locality = try #require(site.localities.first { $0.id == department.locality }?.name)
        let heading = HTMLText.escape("\(department.displayName) — \(locality)")
        #expect(html.contains("<h1>\(heading)</h1>"))
        #expect(html.contains("<title>\(heading) — "))
    }
}

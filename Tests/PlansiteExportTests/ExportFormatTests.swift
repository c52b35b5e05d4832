import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

@testable import PlansiteExport

/// Helpers shared by the Export* tests.
enum ExportFixture {
    /// The fixture site (Tests/Fixtures/site).
    static let fixtureSite: Site = {
        let (site, diagnostics) = checkContent(TestPaths.fixtures.appendingPathComponent("site"))
        guard let site else { fatalError("the fixture site does not check: \(diagnostics)") }
        return site
    }()

    static let baseURL = "https://cong.example.gov.vn/cchc/"

    /// The site with other settings (a base URL for the feed and sitemap).
    static func site(_ site: Site, baseURL: String?) -> Site {
        let settings = site.settings
        return Site(
            settings: SiteSettings(
                title: settings.title, issuer: settings.issuer, locale: settings.locale, basePath: settings.basePath,
                baseURL: baseURL, asOf: settings.asOf),
            localities: site.localities, departments: site.departments, plans: site.plans, results: site.results)
    }

    static func departments(_ site: Site) -> [DepartmentID: Department] {
        Dictionary(uniqueKeysWithValues: site.departments.map { ($0.id, $0) })
    }

    static func localities(_ site: Site) -> [LocalityID: Locality] {
        Dictionary(uniqueKeysWithValues: site.localities.map { ($0.id, $0) })
    }

    /// The rendered pages of a site (through the real templates) plus every export.
    static func portal(_ site: Site) -> [OutputFile] {
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        let pages = templates.map { Renderer(templates: $0).render(site) } ?? []
        return pages + Exports.files(for: site, pagePaths: pages.map(\.path) + [SiteMap.search])
    }

    static func write(_ files: [OutputFile], to folder: URL) throws {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
    }

    static func text(_ files: [OutputFile], _ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }
}

/// CSV, iCalendar, Atom, sitemap and manifest formats on small inputs.
@Suite struct ExportFormatTests {
    let site = ExportFixture.fixtureSite

    // MARK: iCalendar

    @Test func icsLinesFoldAt75OctetsWithoutSplittingCharacters() throws {
        let value = String(repeating: "Định kỳ ngày 20 hằng quý báo cáo Sở Nội vụ; ", count: 12)
        let folded = ICSWriter.fold("DESCRIPTION:" + value)
        #expect(folded.hasSuffix("\r\n"))
        let lines = Array(folded.components(separatedBy: "\r\n").dropLast())
        #expect(lines.count > 5)
        for (number, line) in lines.enumerated() {
            #expect(line.utf8.count <= 75, "line \(number) has \(line.utf8.count) octets")
            #expect(number == 0 || line.hasPrefix(" "))
            // Each line is valid UTF-8 by itself: no sequence was split.
            #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
        }
        let unfolded = lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        #expect(unfolded == "DESCRIPTION:" + value)
    }

    @Test func icsTextIsEscaped() {
        #expect(ICSValue.text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
    }

    @Test func calendarHasDeadlinesQuarterlyDutiesAndStableUIDs() throws {
        let departments = ExportFixture.departments(site)
        let entries = TaskAssignment.byDepartment(site.plans)
        let department = try #require(departments["tinh-mau-so-noi-vu"])
        let file = Exports.departmentCalendar(
            department, entries: entries[department.id] ?? [], settings: site.settings, departments: departments)
        #expect(file.path == "don-vi/tinh-mau-so-noi-vu/lich.ics")
        let ics = String(decoding: file.data, as: UTF8.self)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n"))
        #expect(ics.contains("UID:2024-mau-par-index.pl1-nv-2.tinh-mau-so-noi-vu@plansite\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20240620\r\nDTEND;VALUE=DATE:20240621\r\n"))
        // As-of date 15/6/2024, never the clock.
        #expect(ics.contains("DTSTAMP:20240615T000000Z\r\n"))
        // "Hằng quý" in a plan dated 7/2023, no day in the text: the 20th of September and December.
        #expect(ics.contains("UID:2023-mau-papi.nv-2.tinh-mau-so-noi-vu@plansite\r\n"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20230920\r\n"))
        #expect(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=3;UNTIL=20231231\r\n"))
        // Yearly ("Hằng năm") and ongoing duties have no date.
        #expect(!ics.contains("pl1-nv-1.tinh-mau-so-noi-vu"))
        #expect(!ics.contains("URL:"))
        // Every line ends with CRLF and has at most 75 octets.
        for line in ics.components(separatedBy: "\r\n").dropLast() {
            #expect(line.utf8.count <= 75 && !line.contains("\n"))
        }
        let again = Exports.departmentCalendar(
            department, entries: (entries[department.id] ?? []).reversed(), settings: site.settings,
            departments: departments)
        #expect(again.data == file.data, "the order of the entries does not matter")
    }

    @Test func calendarLinksTasksUnderTheBaseURL() throws {
        let site = ExportFixture.site(site, baseURL: "https://cong.example.gov.vn/cchc")
        let departments = ExportFixture.departments(site)
        let department = try #require(departments["tinh-mau-so-noi-vu"])
        let file = Exports.departmentCalendar(
            department, entries: TaskAssignment.byDepartment(site.plans)[department.id] ?? [],
            settings: site.settings, departments: departments)
        let unfolded = String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            unfolded.contains(
                "URL:https://cong.example.gov.vn/cchc/ke-hoach/2024-mau-par-index/index.html#pl1-nv-2\r\n"))
    }

    @Test func departmentWithoutDatedDutiesHasAnEmptyValidCalendar() throws {
        let departments = ExportFixture.departments(site)
        let department = try #require(departments["tinh-mau-so-tu-phap"])
        let ics = String(
            decoding: Exports.departmentCalendar(
                department, entries: TaskAssignment.byDepartment(site.plans)[department.id] ?? [],
                settings: site.settings
            ).data, as: UTF8.self)
        #expect(!ics.contains("BEGIN:VEVENT"))
        #expect(ics.hasSuffix("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"))
    }

    // MARK: CSV

    @Test func csvQuotesOnlyWhatRFC4180Requires() throws {
        let data = CSV.concatenate(header: ["a", "b"], parts: [])
        #expect(data == CSV.byteOrderMark + Data("a,b\r\n".utf8))
        #expect(CSV.field("a,b") == "\"a,b\"" && CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"" && CSV.field("plain; text") == "plain; text")
        let plan = try #require(site.plans.first { $0.slug == "2024-mau-par-index" })
        let files = Exports.planFiles(
            plan, departments: ExportFixture.departments(site), localities: ExportFixture.localities(site),
            rules: site.settings.progressRules)
        let csv = try #require(files.first { $0.path == "ke-hoach/2024-mau-par-index/du-lieu/phu-luc-1.csv" })
        #expect(csv.data.starts(with: CSV.byteOrderMark))
        let text = String(decoding: csv.data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("STT,Lĩnh vực/Tiêu chí/Tiêu chí thành phần,Điểm tối đa,Điểm 2023,"))
        #expect(text.contains("\r\n1.2,Thực hiện nhiệm vụ được giao,1.5,1.4888,1.5,Đôn đốc; Kiểm tra.,,Sở Nội vụ,"))
        #expect(text.contains(",\"Theo dõi, giám sát\","), "a heading with a comma is quoted")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func siteDatasetsJoinThePlanParts() throws {
        let files = Exports.files(for: site, pagePaths: [])
        let all = try #require(files.first { $0.path == SiteMap.allTasks })
        let parts = files.filter { $0.path.hasSuffix("/du-lieu/tat-ca-nhiem-vu.csv") && $0.path.hasPrefix("ke-hoach/") }
        #expect(parts.count == site.plans.count)
        let lines = String(decoding: all.data, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + site.plans.reduce(0) { $0 + $1.allTasks.count })
        #expect(all.data.starts(with: CSV.byteOrderMark))
        #expect(String(decoding: all.data, as: UTF8.self).components(separatedBy: "\u{FEFF}").count == 2)
    }

    // MARK: Markdown to plain text

    @Test func markdownIsFlattened() {
        #expect(PlainText.flatten("- Đôn đốc;\n- Kiểm tra.") == "Đôn đốc; Kiểm tra.")
        #expect(PlainText.flatten("- Một\n- Hai\n- Ba") == "Một; Hai; Ba")
        #expect(PlainText.flatten("Báo cáo **trước ngày 20/6/2022**.") == "Báo cáo trước ngày 20/6/2022.")
        #expect(PlainText.flatten("(*khảo sát Sipas*)") == "(khảo sát Sipas)")
        #expect(PlainText.flatten("Xem [Cổng](https://dichvucong.gov.vn)") == "Xem Cổng (https://dichvucong.gov.vn)")
        #expect(PlainText.flatten("Dòng một\ntiếp tục") == "Dòng một tiếp tục")
        #expect(PlainText.flatten("1. Mục một\n2. Mục hai") == "Mục một; Mục hai")
        #expect(PlainText.excerpt(String(repeating: "chữ ", count: 100), limit: 20) == "chữ chữ chữ chữ chữ …")
    }

    @Test func fastPathsAgreeWithTheModel() {
        let tricky = [
            "", " ", "a  b", " a", "a ", "a\tb", "a\nb", "a\u{00A0}b", "a\u{2003}b", "a\u{1680}b", "Đắk Nông — “x”",
            "ạ ả ấ", "a\u{3000}b",
        ]
        for text in tricky + ExportFoldingTests.seedTexts {
            // Export uses the model's collapsing, whose fast path must equal its definition.
            #expect(
                text.collapsingWhitespace == WhitespaceCollapsing.byCharacter(text),
                "\(text.debugDescription.prefix(60))")
        }
        let script = String(decoding: SearchIndex.script(["t": "a\u{2028}b\u{2029}c"]), as: UTF8.self)
        #expect(
            script == "(window.__plansiteSearch=window.__plansiteSearch||[]).push({\"t\":\"a\\u2028b\\u2029c\"});\n")
    }

    // MARK: Feed and sitemap

    @Test func feedWithoutBaseURLUsesTagURIsAndRelativeLinks() {
        let summaries = SiteAssessment(site).plans
        let feed = String(decoding: Exports.atomFeed(plans: summaries, settings: site.settings).data, as: UTF8.self)
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">"))
        #expect(feed.contains("<id>tag:plansite,2024:ke-hoach/2024-mau-par-index/</id>"))
        #expect(feed.contains("href=\"ke-hoach/2024-mau-par-index/index.html\""))
        #expect(!feed.contains("xml:base") && !feed.contains("rel=\"self\""))
        // Newest document first: 18/1/2024 before 7/2023.
        let newer = feed.range(of: "2024-mau-par-index/</id>")!.lowerBound
        let older = feed.range(of: "2023-mau-papi/</id>")!.lowerBound
        #expect(newer < older)
        #expect(feed.contains("<updated>2024-06-15T00:00:00+07:00</updated>"))
        #expect(feed.contains("<published>2023-07-01T00:00:00+07:00</published>"))
    }

    @Test func feedAndSitemapWithBaseURL() throws {
        let site = ExportFixture.site(site, baseURL: "https://cong.example.gov.vn/cchc")
        let summaries = SiteAssessment(site).plans
        let feed = String(decoding: Exports.atomFeed(plans: summaries, settings: site.settings).data, as: UTF8.self)
        #expect(feed.contains("<id>https://cong.example.gov.vn/cchc/ke-hoach/2024-mau-par-index/</id>"))
        #expect(
            feed.contains(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://cong.example.gov.vn/cchc/nguon-tin.xml\"/>"
            ))
        let sitemap = try #require(
            Exports.sitemap(
                pagePaths: ["index.html", "404.html", "don-vi/a&b/index.html", "assets/style.css"],
                settings: site.settings))
        let xml = String(decoding: sitemap.data, as: UTF8.self)
        #expect(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(xml.contains("<loc>https://cong.example.gov.vn/cchc/index.html</loc>"))
        #expect(xml.contains("<loc>https://cong.example.gov.vn/cchc/don-vi/a&amp;b/index.html</loc>"))
        #expect(!xml.contains("404.html") && !xml.contains("style.css"))
    }

    @Test func noSitemapWithoutBaseURL() {
        #expect(Exports.sitemap(pagePaths: ["index.html"], settings: site.settings) == nil)
    }

    // MARK: Manifest

    @Test func manifestListsOpenDataWithSHA256() throws {
        let files = [
            OutputFile(path: "du-lieu/tat-ca-nhiem-vu.csv", data: Data("abc".utf8)),
            OutputFile(path: "ke-hoach/x/du-lieu/ke-hoach.json", data: Data()),
            OutputFile(path: "ke-hoach/x/index.html", data: Data("page".utf8)),
            OutputFile(path: "tim-kiem/chi-muc/ke-hoach/x.js", data: Data("js".utf8)),
        ]
        let output = Exports.dataManifest(files: files)
        #expect(output.map(\.path) == [SiteMap.manifest, SiteMap.schema])
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: output[0].data) as? [String: Any])
        let entries = try #require(manifest["files"] as? [[String: Any]])
        #expect(
            entries.map { $0["path"] as? String } == [
                "du-lieu/schema/ke-hoach.schema.json", "du-lieu/tat-ca-nhiem-vu.csv",
                "ke-hoach/x/du-lieu/ke-hoach.json",
            ])
        #expect(entries[1]["sha256"] as? String == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(entries[1]["bytes"] as? Int == 3)
        #expect(entries[2]["sha256"] as? String == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func exportsAreDeterministic() {
        let first = Exports.files(for: defaultSite, pagePaths: ["index.html"])
        let second = Exports.files(for: defaultSite, pagePaths: ["index.html"])
        #expect(first.map(\.path) == second.map(\.path))
        #expect(first.map(\.data) == second.map(\.data))
    }
}

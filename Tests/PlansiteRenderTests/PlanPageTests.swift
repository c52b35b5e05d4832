import Foundation
import PlansiteAssess
import PlansiteCharts
import PlansiteModel
import PlansiteSiteMap
import TestSupport
import Testing

@testable import PlansiteRender

/// The plan page for the people who read it (#16): its summary, contents and breadcrumb,
/// columns that say nothing left out, a blank document number said plainly, and optional
/// fields that never show another object's value.
@Suite struct PlanPageTests {
    struct Fixture {
        let site: Site
        let assessment: SiteAssessment
        let templates: TemplateSet
        let index: SiteIndex
        let pages: [String: String]

        func plan(_ slug: PlanID) throws -> Plan { try #require(site.plans.first { $0.slug == slug }) }
        func page(_ path: String) throws -> String { try #require(pages[path], "page \(path) was not rendered") }
    }

    static let fixture: Fixture? = {
        let (site, _) = checkContent(TestPaths.fixtures.appendingPathComponent("site"))
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        guard let site, let templates else { return nil }
        let assessment = SiteAssessment(site)
        let files = Renderer(templates: templates).render(site, assessment: assessment)
        let pages = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        return Fixture(
            site: site, assessment: assessment, templates: templates,
            index: SiteIndex(site: site, assessment: assessment, templates: templates), pages: pages)
    }()

    static let reported: PlanID = "2024-mau-par-index"
    static let blankNumbered: PlanID = "2023-mau-papi"

    // MARK: - Summary

    @Test func planSummaryStatesTheAssessmentsFigures() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.reported)
        let figures = try #require(fixture.assessment.plans.first { $0.slug == plan.slug })
        let summary = PlanPageBuilder(index: fixture.index).planPage(plan).summary

        #expect(summary.issuer == "UBND tỉnh Mẫu")
        #expect(summary.number == "12/KH-UBND")
        #expect(summary.date == "18/01/2024")
        #expect(summary.dateISO == "2024-01-18")
        #expect(summary.indices.map(\.acronym) == ["PAR INDEX"])
        #expect(summary.taskCount == "\(figures.taskCount) nhiệm vụ")
        #expect(figures.taskCount == plan.allTasks.count && figures.taskCount > 0)
        #expect(summary.progress == figures.progress.line)
        #expect(summary.progress != nil && summary.progress?.hasPrefix("0%") == false)

        // The lead departments: most tasks first, each with the assessment's count.
        let leads = figures.roles.filter { $0.value.lead > 0 }
        let most = try #require(leads.values.map(\.lead).max())
        let first = try #require(summary.leads.first)
        #expect(first.count == VietnameseNumber.format(most))
        #expect(summary.leads.count == min(leads.count, PlanPageBuilder.leadsNamed))
        let others = leads.count - summary.leads.count
        #expect(summary.moreLeads == (others > 0 ? "và \(others) đơn vị khác" : nil))
        let counts = summary.leads.map { Int($0.count)! }
        #expect(counts == counts.sorted(by: >))

        // Time frames: every task is in exactly one category, and the dated span is the assessment's.
        let categorised = summary.timeFrames.compactMap { line -> Int? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return Int(line[line.index(after: colon)...].split(separator: " ").first ?? "")
        }
        #expect(categorised.reduce(0, +) == figures.taskCount)
        if let last = figures.lastDeadline {
            #expect(summary.timeFrames.contains { $0.contains(last.description) })
        }

        #expect(summary.appendices.map(\.url) == plan.appendices.map { "#" + SiteMap.appendixAnchor($0.number) })
    }

    @Test func planWithoutReportsSaysSoInItsSummary() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.blankNumbered)
        let figures = try #require(fixture.assessment.plans.first { $0.slug == plan.slug })
        #expect(figures.progress.counts.reported == 0)
        let summary = PlanPageBuilder(index: fixture.index).planPage(plan).summary
        #expect(summary.progress?.hasPrefix("Chưa có báo cáo") == true)
        let html = try fixture.page(SiteMap.plan(plan.slug))
        let summaryHTML = try #require(html.range(of: "<section class=\"plan-summary\"").map { html[$0.lowerBound...] })
        let end = try #require(summaryHTML.range(of: "</section>"))
        #expect(summaryHTML[..<end.lowerBound].contains("Chưa có báo cáo"))
        #expect(!summaryHTML[..<end.lowerBound].contains("0%"))
    }

    @Test func summaryAndContentsComeBeforeTheDocumentsText() throws {
        let fixture = try #require(Self.fixture)
        let html = try fixture.page(SiteMap.plan(Self.reported))
        let summary = try #require(html.range(of: "class=\"plan-summary\""))
        let contents = try #require(html.range(of: "class=\"contents\""))
        let body = try #require(html.range(of: "class=\"document-body\""))
        #expect(summary.lowerBound < contents.lowerBound && contents.lowerBound < body.lowerBound)
    }

    // MARK: - Contents

    @Test func everyContentsLinkLeadsToAnAnchorOnThePage() throws {
        let fixture = try #require(Self.fixture)
        for plan in fixture.site.plans {
            let html = try fixture.page(SiteMap.plan(plan.slug))
            let model = PlanPageBuilder(index: fixture.index).planPage(plan)
            #expect(!model.contents.isEmpty)
            for entry in model.contents {
                let id = String(entry.url.dropFirst())
                #expect(entry.url.hasPrefix("#"))
                #expect(html.contains("id=\"\(id)\""), "\(plan.slug): \(entry.label) → \(entry.url)")
            }
            let ids = html.matches(of: /id="([^"]+)"/).map { String($0.output.1) }
            #expect(Set(ids).count == ids.count, "\(plan.slug): an id is used twice")
        }
    }

    @Test func documentHeadingsGetStableAnchorsAndAreListed() throws {
        let html =
            "<p>x</p>\n<h2>I. MỤC ĐÍCH, YÊU CẦU</h2>\n<h3>1. Mục đích &amp; <em>yêu cầu</em></h3>\n<h2>I. MỤC ĐÍCH, YÊU CẦU</h2>\n<h4>a)</h4>"
        let (anchored, headings) = DocumentHeadings.anchored(html, taken: ["vb-1-muc-dich-yeu-cau"])
        #expect(
            headings.map(\.anchor) == ["vb-i-muc-dich-yeu-cau", "vb-1-muc-dich-yeu-cau-2", "vb-i-muc-dich-yeu-cau-2"])
        #expect(headings.map(\.text) == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích & yêu cầu", "I. MỤC ĐÍCH, YÊU CẦU"])
        #expect(headings.map(\.level) == [2, 3, 2])
        #expect(anchored.contains("<h2 id=\"vb-i-muc-dich-yeu-cau\">I. MỤC ĐÍCH, YÊU CẦU</h2>"))
        #expect(anchored.contains("<h4>a)</h4>"))
        // Nothing but the ids is added.
        #expect(anchored.replacing(#/ id="[^"]+"/#, with: "") == html)
    }

    // MARK: - Breadcrumbs

    @Test func planAndAppendixPagesHaveABreadcrumbTrail() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.reported)
        let planHTML = try fixture.page(SiteMap.plan(plan.slug))
        let trail = try #require(Self.element("nav class=\"breadcrumbs\" aria-label=\"Đường dẫn\"", in: planHTML))
        #expect(trail.contains("href=\"../../index.html\">Trang chủ</a>"))
        #expect(trail.contains("href=\"../../chi-so/par-index/index.html\">PAR INDEX</a>"))
        #expect(trail.contains("<span aria-current=\"page\">Kế hoạch số 12/KH-UBND</span>"))

        let appendixHTML = try fixture.page(SiteMap.appendix(plan.slug, 1))
        let appendixTrail = try #require(
            Self.element("nav class=\"breadcrumbs screen-only\" aria-label=\"Đường dẫn\"", in: appendixHTML))
        #expect(appendixTrail.contains("href=\"../../../index.html\">Trang chủ</a>"))
        #expect(appendixTrail.contains("href=\"../../../ke-hoach/\(plan.slug)/index.html\">Kế hoạch số 12/KH-UBND</a>"))
        #expect(appendixTrail.contains("<span aria-current=\"page\">Phụ lục</span>"))
    }

    /// The text from `<opening …>` to the next `</nav>`.
    static func element(_ opening: String, in html: String) -> Substring? {
        guard let start = html.range(of: "<" + opening), let end = html[start.upperBound...].range(of: "</nav>")
        else { return nil }
        return html[start.lowerBound..<end.upperBound]
    }

    // MARK: - Empty columns

    @Test func aColumnBlankInEveryRowIsLeftOutAndAPartlyBlankOneKept() {
        let chart = Chart(
            svg: "<svg/>",
            table: ChartTable(
                caption: "c", headers: ["Lĩnh vực", "Số nhiệm vụ", "Điểm tối đa", "Điểm năm trước"],
                rows: [["A", "3", "—", "1,5"], ["B", "2", "—", "—"], ["C", "0", "", ""]]))
        let view = PageCharts.view(chart)
        #expect(view.headers == ["Lĩnh vực", "Số nhiệm vụ", "Điểm năm trước"])
        #expect(view.rows.map(\.header) == ["A", "B", "C"])
        #expect(view.rows.map { $0.cells.map(\.value) } == [["3", "1,5"], ["2", "—"], ["0", ""]])
        #expect(view.rows.allSatisfy { $0.cells.map(\.label) == ["Số nhiệm vụ", "Điểm năm trước"] })
    }

    @Test func planWithoutPointsShowsNoPointsColumn() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.blankNumbered)
        #expect(plan.appendices.allSatisfy { !$0.hasPoints })
        let chart = try #require(PageCharts.planSummary(plan))
        #expect(!chart.headers.contains("Điểm tối đa"))
        #expect(!chart.caption.contains("điểm tối đa"))
        let html = try fixture.page(SiteMap.plan(plan.slug))
        #expect(!html.contains("Điểm tối đa"))

        // A plan with points keeps the column, and the criteria table keeps its rows' blanks.
        let scored = try fixture.plan(Self.reported)
        let scoredChart = try #require(PageCharts.planSummary(scored))
        #expect(scoredChart.headers.contains("Điểm tối đa"))
    }

    @Test func criteriaTableLeavesOutAColumnNoRowFills() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.reported)
        let appendix = try #require(plan.appendices.first)
        let builder = PlanPageBuilder(index: fixture.index)
        let page = SiteMap.plan(plan.slug)
        let view = builder.appendixView(appendix, of: plan, root: SiteMap.rootToken, page: page, onScreen: true)
        #expect(view.columns.value.showCode == appendix.rows.contains { $0.criterion.code != nil })
        #expect(view.columns.value.showMax == appendix.rows.contains { $0.criterion.max != nil })
        #expect(view.columns.value.showTarget == appendix.rows.contains { $0.criterion.target != nil })
        let html = String(describing: view.tableHTML)
        let headers = html.matches(of: /<th scope="col"[^>]*>([^<]*)<\/th>/).map { String($0.output.1) }
        #expect(headers.contains(appendix.columns.max) == view.columns.value.showMax)
        #expect(headers.contains(appendix.columns.target) == view.columns.value.showTarget)
        #expect(headers.contains("STT") == view.columns.value.showCode)

        // Without codes, the STT column goes, and each task's anchor stays on its row.
        let uncoded = Appendix(
            number: 9, index: appendix.index, title: appendix.title, reference: nil, columns: appendix.columns,
            criteria: appendix.criteria.map(Self.withoutCodes))
        let uncodedView = builder.appendixView(uncoded, of: plan, root: SiteMap.rootToken, page: page, onScreen: true)
        #expect(!uncodedView.columns.value.showCode)
        let uncodedHTML = fixture.templates.render(uncodedView, template: .criteriaTable)
        #expect(!uncodedHTML.contains(">STT<"))
        for task in uncoded.tasks { #expect(uncodedHTML.contains("id=\"\(task.anchor)\""), "\(task.anchor)") }
    }

    static func withoutCodes(_ criterion: Criterion) -> Criterion {
        Criterion(
            code: nil, title: criterion.title, max: criterion.max, last: criterion.last, target: criterion.target,
            description: criterion.description, tasks: criterion.tasks, children: criterion.children.map(withoutCodes),
            anchor: criterion.anchor, asPrinted: criterion.asPrinted)
    }

    // MARK: - A blank document number

    @Test func blankDocumentNumberIsSaidPlainlyEverywhere() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.blankNumbered)
        #expect(plan.numberIsBlank)
        #expect(plan.reference == "Công văn /UBND-NC (chưa ghi số)")
        #expect(plan.documentNumber == "/UBND-NC (chưa ghi số)")

        let html = try fixture.page(SiteMap.plan(plan.slug))
        #expect(!html.contains("số /UBND-NC"))
        // The masthead as printed; the summary under it says the number is missing.
        #expect(html.contains("<p class=\"document-number\">Số: /UBND-NC</p>"))
        #expect(html.contains("<dt>Số, ký hiệu</dt><dd>/UBND-NC (chưa ghi số)</dd>"))
        // The summary, the breadcrumb and the lists.
        #expect(PlanPageBuilder(index: fixture.index).planPage(plan).summary.number == "/UBND-NC (chưa ghi số)")
        #expect(html.contains("<span aria-current=\"page\">Công văn /UBND-NC (chưa ghi số)</span>"))
        let home = try fixture.page(SiteMap.home)
        #expect(home.contains("Công văn /UBND-NC (chưa ghi số)"))
        #expect(!home.contains("Công văn số /"))

        // A numbered plan keeps its number.
        let numbered = try fixture.plan(Self.reported)
        #expect(!numbered.numberIsBlank)
        #expect(numbered.reference == "Kế hoạch số 12/KH-UBND")
        #expect(numbered.documentNumber == "12/KH-UBND")
    }

    @Test func printedAppendixFooterHoldsTheDocumentNumberAlone() throws {
        let fixture = try #require(Self.fixture)
        let plan = try fixture.plan(Self.reported)
        let model = PlanPageBuilder(index: fixture.index).printPage(try #require(plan.appendices.first), of: plan)
        #expect(model.documentNumber == "12/KH-UBND")
        let html = try fixture.page(SiteMap.appendix(plan.slug, 1))
        #expect(html.contains("<p class=\"print-footer\">Phụ lục — 12/KH-UBND</p>"))
    }

    // MARK: - Optional fields never fall through

    @Test func reportWithoutPercentShowsNoneWhileItsTaskHasOne() throws {
        let fixture = try #require(Self.fixture)
        let department = DepartmentLink(name: "Sở Nội vụ", fullName: "Sở Nội vụ", url: "x", isRole: false)
        let report = ReportView(
            period: "Quý I/2024", department: department, date: "20/03/2024", dateISO: "2024-03-20", document: nil,
            status: "Đang thực hiện", statusSlug: "on-track", percent: nil, noteHTML: nil, hasEvidence: false,
            evidence: [EvidenceView(text: "Công văn 1/SNV", url: nil)], isExample: false)
        let view = TaskProgressView(
            reference: "PL1/1.1", status: "Đang thực hiện", statusSlug: "on-track", dueText: "Hạn 30/06/2024",
            percent: "40%", hasReports: true, reportCount: 1, reports: [report], latest: report)
        let html = fixture.templates.render(view, template: .taskProgress)
        #expect(html.contains("<span class=\"percent\">40%</span>"))
        #expect(html.contains("<strong>Quý I/2024</strong>: Đang thực hiện</p>"))
        #expect(html.contains("<strong>Quý I/2024</strong>, Đang thực hiện (Sở Nội vụ"))
        #expect(html.components(separatedBy: "40%").count == 2, "the task's percent is shown once, on the task")
    }
}

import Foundation
import PlansiteAssess
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteModel
import PlansiteWording
import TestSupport
import Testing

@testable import PlansiteRender
@testable import PlansiteValidator

/// Issue 13, "honest headlines": every figure a reader sees rests on official reports, says
/// what it does not know, and carries what `check` found odd in the document beside it.
@Suite struct HonestFiguresTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    /// Every page of the default Content/ (the five seeds), rendered once, by path.
    static let seeds: [String: String] = {
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        guard let templates else { return [:] }
        let files = Renderer(templates: templates).render(defaultSite)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }()

    static func page(_ path: String) throws -> String { try #require(seeds[path], "no page \(path)") }

    /// Every HTML page of the seeds, by path.
    static func pages() -> [(String, String)] {
        seeds.filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }
    }

    static let honQuan = "ke-hoach/2023-hon-quan-nang-cao-chi-so/index.html"

    // MARK: - Example reports

    @Test func anExampleReportNeverDecidesAStatus() {
        let task = PlanTask(
            anchor: "nv-1", text: "Nhiệm vụ", lead: ["so-noi-vu"], timeFrame: TimeFrame(parsing: "trước ngày 20/6/2024")
        )
        let example = TaskReport(
            period: ReportingPeriod(parsing: "Quý II/2024")!, department: "so-noi-vu", date: Self.day("1/6/2024"),
            status: .done, isExample: true)
        let progress = TaskProgress.evaluate(
            task, planStart: Self.day("1/1/2024"), planYear: 2024, reports: [example],
            rules: ProgressRules(asOf: Self.day("1/7/2024")))
        // "Done" only in an illustration: the deadline passed with no official report.
        #expect(progress.status == .overdue)
        #expect(progress.reports.isEmpty && !progress.isReported)
        #expect(progress.examples == [example])
        #expect(progress.history == [example])
    }

    @Test func exampleReportsCountInNoFigureOfTheSeeds() throws {
        // Every report in Content/ is marked `example: true`.
        let reports = defaultSite.plans.flatMap { $0.reports.values.flatMap { $0 } }
        #expect(!reports.isEmpty && reports.allSatisfy { $0.isExample })
        for summary in SiteAssessment(defaultSite).plans {
            #expect(summary.progress.counts.reported == 0, "\(summary.slug)")
            #expect(summary.progress.counts[.onTrack] == 0, "\(summary.slug)")
            #expect(summary.progress.counts[.done] == 0, "\(summary.slug)")
        }
        let home = try Self.page("index.html")
        #expect(home.contains("Báo cáo ghi là ví dụ minh họa không được tính vào bất kỳ số liệu nào."))
        #expect(!home.contains("% hoàn thành"))
    }

    // MARK: - No report, not applicable

    @Test func noReportIsNeverShownAsZeroPercentDone() throws {
        for (path, html) in Self.pages() {
            #expect(!html.contains(">0% hoàn thành") && !html.contains(" 0% hoàn thành"), "\(path)")
            #expect(!html.contains(">0%</td>"), "\(path)")
        }
        let home = try Self.page("index.html")
        #expect(home.contains("Tiến độ: Chưa có báo cáo, 10 quá hạn</a>"))
        let plan = try Self.page("ke-hoach/2024-dak-nong-papi-474/index.html")
        #expect(plan.contains("<td class=\"num\" data-label=\"Tỷ lệ hoàn thành\">Chưa có báo cáo</td>"))
        #expect(plan.contains("Chưa có báo cáo chính thức nào về các nhiệm vụ này"))
        var counts = ProgressCounts()
        counts.add(TaskProgress(status: .overdue, due: Self.day("1/1/2024"), reports: []))
        #expect(ProgressViewBuilder.percentText(counts) == "Chưa có báo cáo")
    }

    /// The progress chart starts at the first official report: a quarter before it has no share.
    @Test func theProgressChartHasNoBarBeforeTheFirstOfficialReport() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try temporary.write(
            "period: Quý IV/2023\ndepartment: Sở Nội vụ\ndate: 15/12/2023\ntasks:\n  - task: \"1\"\n    status: hoàn thành\n",
            to: "content/plans/2023-mau-papi/bao-cao-2023-quy-4-so-noi-vu.yaml")
        let output = temporary.path("Public")
        let outcome = SiteBuilder(
            options: .init(content: temporary.path("content"), templates: TestPaths.templates, output: output)
        ).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        let page = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/2023-mau-papi/index.html"), encoding: .utf8)
        let start = try #require(page.range(of: "id=\"bieu-do-tien-do-title\""))
        let chart = page[start.lowerBound...]
        #expect(
            chart.contains(
                "<tr><th scope=\"row\">Quý IV/2023</th><td data-label=\"Hoàn thành\">1</td><td data-label=\"Quá hạn\">1</td><td data-label=\"Tổng số\">2</td><td data-label=\"Tỷ lệ hoàn thành\">50%</td></tr>"
            ))
        #expect(!chart.contains("<th scope=\"row\">Quý III/2023</th>"))
        #expect(!chart.contains(">0% hoàn thành"))
    }

    @Test func notApplicableIsNeitherDoneNorInTheDenominator() {
        func judged(_ status: TaskStatus) -> TaskProgress {
            let report = TaskReport(
                period: ReportingPeriod(parsing: "Quý I/2024")!, department: "so-noi-vu", date: Self.day("1/3/2024"),
                status: status == .done ? .done : status == .notApplicable ? .notApplicable : .inProgress)
            return TaskProgress(status: status, due: nil, reports: [report])
        }
        var counts = ProgressCounts()
        for status in [TaskStatus.done, .notApplicable, .notApplicable, .onTrack] { counts.add(judged(status)) }
        #expect(counts.finished == 1)
        #expect(counts.applicable == 2)
        #expect(counts.percentFinished == 50)
        #expect(ProgressViewBuilder.percentText(counts) == "50%")
        var none = ProgressCounts()
        none.add(judged(.notApplicable))
        #expect(ProgressViewBuilder.percentText(none) == "Không áp dụng")
    }

    // MARK: - Source anomalies

    @Test func theDeadlineTypoIsShownBesideItsFigure() throws {
        let note = "văn bản ghi 20/6/2022 trong kế hoạch năm 2023"
        let plan = try #require(defaultSite.plans.first { $0.slug == "2023-hon-quan-nang-cao-chi-so" })
        let progress = PlanProgress(plan, rules: defaultSite.settings.progressRules)
        let flagged = progress.items.filter { !$0.progress.anomalies.isEmpty }
        #expect(flagged.map { $0.task.code } == ["1.2"])
        #expect(flagged.first?.progress.anomalies.map(\.readerNote) == [note])
        // The same fact `check` warns about, once per task it flags, over the whole site.
        let (_, diagnostics) = checkContent(TestPaths.content)
        let warned = diagnostics.filter { $0.code == .deadlineOutsidePlanYear }.count
        let carried = defaultSite.plans.flatMap { plan in
            PlanProgress(plan, rules: defaultSite.settings.progressRules).items.filter {
                !$0.progress.anomalies.isEmpty
            }
        }
        #expect(warned == carried.count)
        let home = try Self.page("index.html")
        #expect(home.contains("đã quá 1615 ngày; chưa có báo cáo (lưu ý: \(note))"))
        let planPage = try Self.page(Self.honQuan)
        #expect(planPage.contains("(lưu ý: \(note))"))
    }

    // MARK: - Time frames

    @Test func tasksWithoutATimeFrameAreNeverFiledUnderOther() throws {
        #expect(TimeFrame.category(of: nil) == .unstated)
        #expect(TimeFrame.Category.unstated.label == "Văn bản không nêu thời hạn")
        let unstated = defaultSite.plans.flatMap(\.allTasks).filter { $0.timeFrame == nil }.count
        // 162 of the count, and one of the duties of seed 001 transcribed as tasks since.
        #expect(unstated == 163)
        let summaries = SiteAssessment(defaultSite).plans
        #expect(summaries.reduce(0) { $0 + ($1.categories[.unstated] ?? 0) } == unstated)
        #expect(summaries.reduce(0) { $0 + ($1.categories[.other] ?? 0) } < unstated)
        let directory = try Self.page("don-vi/index.html")
        #expect(
            directory.contains(
                "<th scope=\"row\">Thời hạn: Văn bản không nêu thời hạn</th><td data-label=\"Số nhiệm vụ\">163</td>"))
        let plan = try Self.page(Self.honQuan)
        #expect(plan.contains("<dd class=\"unstated\">Văn bản không nêu thời hạn</dd>"))
    }

    // MARK: - Report codes

    /// A report from each lead department naming every task it leads by the code its page shows.
    @Test func everyReportCodeShownIsUniqueInItsPlanAndAcceptedByCheck() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.content, at: "content")
        var named = 0
        for plan in defaultSite.plans {
            let keys = plan.allTasks.map { ReportValidator.key($0.reference) }
            #expect(Set(keys).count == keys.count, "\(plan.slug): \(keys)")
            var byLead: [DepartmentID: [PlanTask]] = [:]
            for task in plan.allTasks { if let lead = task.lead.first { byLead[lead, default: []].append(task) } }
            for (number, lead) in byLead.keys.sorted().enumerated() {
                let department = try #require(defaultSite.departments.first { $0.id == lead })
                let lines = byLead[lead]!.map { "  - task: \"\($0.reference)\"\n    status: đang thực hiện" }
                try temporary.write(
                    "period: Năm \(plan.year)\ndepartment: \"\(department.name)\"\ndate: 31/12/\(plan.year)\n"
                        + "tasks:\n" + lines.joined(separator: "\n") + "\n",
                    to: "content/plans/\(plan.slug)/bao-cao-kiem-thu-\(number).yaml")
                named += lines.count
            }
        }
        let (site, diagnostics) = checkContent(temporary.path("content"))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.filter { $0.severity == .error })")
        let counted = site?.plans.flatMap { $0.reports.values.flatMap { $0 } }.filter { !$0.isExample }.count
        #expect(counted == named)
        #expect(named == defaultSite.plans.flatMap(\.allTasks).filter { !$0.lead.isEmpty }.count)
        // The Hớn Quản directive's three bullets under "1.4" are "1.4/1" … "1.4/3"; "1.3" stays "1.3".
        let honQuan = try #require(defaultSite.plans.first { $0.slug == "2023-hon-quan-nang-cao-chi-so" })
        #expect(honQuan.tasks.filter { $0.code == "1.4" }.map(\.reference) == ["1.4/1", "1.4/2", "1.4/3"])
        #expect(honQuan.tasks.first { $0.code == "1.3" }?.reference == "1.3")
        let page = try Self.page(Self.honQuan)
        #expect(page.contains("Mã báo cáo: <code>1.4/2</code>"))
    }

    @Test func aSharedNumberInAReportIsRefusedWithTheCodesToWrite() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.content, at: "content")
        try temporary.write(
            "period: Năm 2023\ndepartment: Phòng Nội vụ\ndate: 31/12/2023\ntasks:\n  - task: \"1.4\"\n    status: hoàn thành\n",
            to: "content/plans/2023-hon-quan-nang-cao-chi-so/bao-cao-kiem-thu.yaml")
        let (_, diagnostics) = checkContent(temporary.path("content"))
        let refused = diagnostics.filter { $0.code == .unknownTask }
        #expect(refused.count == 1)
        #expect(refused.first?.message.contains("'1.4/1', '1.4/2', '1.4/3'") == true)
    }

    @Test func qualifiedCodesStayUniqueWhenTheyCollideWithOtherCodesAndAnchors() {
        func task(_ anchor: String, _ code: String?) -> PlanTask {
            PlanTask(anchor: anchor, code: code, text: "x", lead: ["a"], timeFrame: nil)
        }
        // "1" twice would become "1/1" and "1/2", but another task is numbered "1/1", and one
        // is numbered as the anchor of another; an appendix row is "PL1/2".
        let own = [
            task("nv-1", "1"), task("nv-2", "1"), task("nv-3", "1/1"), task("nv-4", "nv-5"), task("nv-5", "2"),
            task("nv-6", "PL1/2"), task("nv-7", nil),
        ]
        let appendix = [PlanTask(anchor: "pl1-nv-1", text: "y", lead: ["a"], timeFrame: nil, reference: "PL1/2")]
        let result = TaskReferences.unique(own, besides: appendix)
        var keys: [String: Int] = [:]
        for task in result + appendix {
            for key in Set([ReportValidator.key(task.reference), ReportValidator.key(task.anchor)]) {
                keys[key, default: 0] += 1
            }
        }
        #expect(keys.values.allSatisfy { $0 == 1 }, "\(result.map(\.reference))")
        // A qualified or written code that would name two tasks falls back to the task's anchor.
        #expect(result.map(\.reference) == ["nv-1", "1/2", "nv-3", "nv-4", "2", "nv-6", "nv-7"])
    }

    // MARK: - Plans without tasks

    @Test func aPlanWithNoTasksShowsNoProgress() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try temporary.write(
            """
            ---
            kind: công văn
            number: 9/UBND-NC
            issuer: UBND tỉnh Mẫu
            locality: tinh-mau
            place: Mẫu
            date: 1/3/2024
            title: V/v triển khai khảo sát PAPI năm 2024
            indices: [papi]
            year: 2024
            ---

            Văn bản không giao nhiệm vụ cụ thể.
            """, to: "content/plans/2024-mau-khong-nhiem-vu/plan.md")
        let output = temporary.path("Public")
        let outcome = SiteBuilder(
            options: .init(content: temporary.path("content"), templates: TestPaths.templates, output: output)
        ).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        let page = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/2024-mau-khong-nhiem-vu/index.html"), encoding: .utf8)
        #expect(!page.contains("id=\"tien-do\""))
        #expect(!page.contains("hoàn thành"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let item = try #require(
            home.components(separatedBy: "<li class=\"plan-item\">").first { $0.contains("2024-mau-khong-nhiem-vu") })
        #expect(!item.contains("nhiệm vụ ·") && !item.contains("Tiến độ") && !item.contains("0 nhiệm vụ"))
    }

    // MARK: - The as-of date

    @Test func everyPageWithFiguresSaysTheAsOfDate() throws {
        let line = "Số liệu tính đến ngày <time datetime=\"2026-11-21\">21/11/2026</time>"
        for path in ["index.html", "chi-so/papi/index.html", Self.honQuan, "don-vi/hon-quan-phong-noi-vu/index.html"] {
            let html = try Self.page(path)
            #expect(html.contains(line), "\(path)")
        }
    }

    @Test func todayIsTheDayInVietnam() {
        // 17:30 UTC on 20 June is 00:30 on 21 June in Asia/Ho_Chi_Minh (UTC+7).
        let evening = Date(timeIntervalSince1970: 1_718_904_600)
        #expect(AsOfOption.resolve("today", now: evening) == Self.day("21/6/2024"))
        #expect(AsOfOption.resolve("hôm nay", now: evening) == Self.day("21/6/2024"))
        #expect(AsOfOption.resolve(" 5/1/2025 ", now: evening) == Self.day("5/1/2025"))
        #expect(AsOfOption.resolve("31/2/2025", now: evening) == nil)
        #expect(AsOfOption.resolve("hôm qua", now: evening) == nil)
    }

    @Test func theAsOfOptionGivesTheBytesOfThatDateInSiteYAML() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "edited")
        let settings = temporary.path("edited/site.yaml")
        try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "as-of: 15/6/2024", with: "as-of: 21/6/2024")
            .write(to: settings, atomically: true, encoding: .utf8)
        func build(_ content: String, _ name: String, asOf: CalendarDate?, incremental: Bool = false) -> URL {
            let output = temporary.path(name)
            let outcome = SiteBuilder(
                options: .init(
                    content: temporary.path(content), templates: TestPaths.templates, output: output,
                    displayContent: "content", incremental: incremental, asOf: asOf)
            ).build()
            #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
            return output
        }
        let first = build("content", "a", asOf: Self.day("21/6/2024"))
        let second = build("content", "b", asOf: Self.day("21/6/2024"))
        let written = build("edited", "c", asOf: nil)
        // The cache of a build on another day is not reused.
        _ = build("content", "d", asOf: Self.day("15/6/2024"), incremental: true)
        let again = build("content", "d", asOf: Self.day("21/6/2024"), incremental: true)
        let page = "ke-hoach/2024-mau-par-index/index.html"
        for path in [page, "index.html", "don-vi/tinh-mau-so-noi-vu/index.html", "don-vi/tinh-mau-so-noi-vu/lich.ics"] {
            let bytes = try Data(contentsOf: first.appendingPathComponent(path))
            let others = try [second, written, again].map { try Data(contentsOf: $0.appendingPathComponent(path)) }
            #expect(others.allSatisfy { $0 == bytes }, "\(path)")
        }
        let html = try String(contentsOf: first.appendingPathComponent(page), encoding: .utf8)
        #expect(html.contains("Số liệu tính đến ngày <time datetime=\"2024-06-21\">21/06/2024</time>"))
        #expect(html.contains("Hạn 20/06/2024, đã quá 1 ngày"))
    }
}

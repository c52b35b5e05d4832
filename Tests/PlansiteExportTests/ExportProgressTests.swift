import Foundation
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

@testable import PlansiteExport

extension ExportFixture {
    static let progressSlug: PlanID = "2024-mau-tien-do"

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func quarter(_ number: Int) -> ReportingPeriod { ReportingPeriod(year: 2024, span: .quarter(number))! }

    /// A plan with progress reports, made in code (reports are not read from content here).
    /// As of 15/6/2024, the fixture's as-of date:
    ///
    /// - nv-1 "III.1.a", due 31/3/2024, reported in progress: **overdue**;
    /// - nv-2 "III.1.b", due 30/4/2024, reported done: **done**;
    /// - nv-3 "III.2", quarterly: Q1 reported "not started" (does not count as reported), so Q1
    ///   is **missed**; its Q2 report is dated 18/6/2024, after the as-of date, and is in no export;
    /// - pl1-nv-1 "PL1/1", yearly, with an **example** report: on track;
    /// - pl1-nv-2 "PL1/1/2", ongoing, reported not applicable.
    static let progressPlan: Plan = {
        let interior: DepartmentID = "tinh-mau-so-noi-vu"
        let justice: DepartmentID = "tinh-mau-so-tu-phap"
        let centre: DepartmentID = "tinh-mau-trung-tam-phuc-vu-hanh-chinh-cong"
        let tasks = [
            PlanTask(
                anchor: "nv-1", code: "III.1.a", text: "Rà soát, đơn giản hóa thủ tục hành chính.", lead: [justice],
                monitoring: [interior], timeFrame: TimeFrame(parsing: "trước ngày 31/3/2024")),
            PlanTask(
                anchor: "nv-2", code: "III.1.b", text: "Công khai kết quả giải quyết hồ sơ.", lead: [interior],
                timeFrame: TimeFrame(parsing: "trước ngày 30/4/2024")),
            PlanTask(
                anchor: "nv-3", code: "III.2", text: "Báo cáo kết quả thực hiện Kế hoạch.", lead: [interior],
                cooperating: [centre], timeFrame: TimeFrame(parsing: "Hằng quý")),
        ]
        let appendix = Appendix(
            number: 1, index: .papi, title: "NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2024", reference: nil,
            columns: ColumnLabels(),
            criteria: [
                Criterion(
                    code: "1", title: "Tham gia của người dân ở cấp cơ sở",
                    tasks: [
                        PlanTask(
                            anchor: "pl1-nv-1", text: "Tổ chức hội nghị đối thoại với người dân.", lead: [interior],
                            timeFrame: TimeFrame(parsing: "Hằng năm"), reference: "PL1/1"),
                        PlanTask(
                            anchor: "pl1-nv-2", text: "Cập nhật thông tin trên cổng.", lead: [justice],
                            timeFrame: TimeFrame(parsing: "Thường xuyên"), reference: "PL1/1/2"),
                    ], anchor: "pl1-tc-1")
            ])
        let reports: [String: [TaskReport]] = [
            "nv-1": [
                TaskReport(
                    period: quarter(1), department: justice, date: day("25/3/2024"), document: "Báo cáo số 30/BC-STP",
                    status: .inProgress, percent: Quantity(60), note: "Đã rà soát 40/65 thủ tục.")
            ],
            "nv-2": [
                TaskReport(
                    period: quarter(2), department: interior, date: day("28/4/2024"), document: "Báo cáo số 45/BC-SNV",
                    status: .done, percent: Quantity(100),
                    evidence: ["Quyết định số 12/QĐ-SNV", "https://snv.example.gov.vn/cong-khai"])
            ],
            "nv-3": [
                TaskReport(
                    period: quarter(2), department: interior, date: day("18/6/2024"), status: .inProgress,
                    percent: Quantity(50), note: "Báo cáo sau ngày số liệu."),
                TaskReport(period: quarter(1), department: interior, date: day("19/3/2024"), status: .notStarted),
            ],
            "pl1-nv-1": [
                TaskReport(
                    period: quarter(1), department: interior, date: day("10/4/2024"), status: .inProgress,
                    percent: Quantity(Decimal(string: "25.5")!), note: "Đã tổ chức **2** hội nghị, ở cấp xã.",
                    isExample: true)
            ],
            "pl1-nv-2": [
                TaskReport(
                    period: ReportingPeriod(year: 2024, span: .half(1))!, department: justice, date: day("1/6/2024"),
                    status: .notApplicable, note: "Không phát sinh.")
            ],
        ]
        return Plan(
            slug: progressSlug, kind: .plan, number: "45/KH-UBND", issuer: "UBND tỉnh Mẫu",
            header: ["ỦY BAN NHÂN DÂN", "TỈNH MẪU"], locality: "tinh-mau", place: "Mẫu",
            date: DocumentDate(year: 2024, month: 2, day: 5), title: "Nâng cao Chỉ số PAPI năm 2024", addressees: [],
            recipients: ["Lưu: VT"], signer: nil, indices: [.papi], year: 2024, results: [],
            body: "## I. MỤC ĐÍCH, YÊU CẦU\n\nTheo dõi tiến độ thực hiện.\n", appendices: [appendix], tasks: tasks,
            reports: reports)
    }()

    /// The fixture site with `progressPlan`, on an as-of date (the fixture's own by default).
    static func progressSite(asOf: CalendarDate? = nil, baseURL: String? = baseURL) -> Site {
        let site = fixtureSite
        let settings = site.settings
        let plans = (site.plans + [progressPlan]).sorted { ($1.year, $1.date, $0.slug) < ($0.year, $0.date, $1.slug) }
        return Site(
            settings: SiteSettings(
                title: settings.title, issuer: settings.issuer, locale: settings.locale, basePath: settings.basePath,
                baseURL: baseURL, asOf: asOf ?? settings.asOf, dueSoonDays: settings.progressRules.dueSoonDays,
                reportDay: settings.progressRules.reportDay),
            localities: site.localities, departments: site.departments, plans: plans, results: site.results)
    }

    /// The rows of a CSV file without its byte order mark (no field of the fixtures spans lines).
    static func csvLines(_ files: [OutputFile], _ path: String) -> [String] {
        guard let file = files.first(where: { $0.path == path }) else { return [] }
        return String(decoding: file.data.dropFirst(CSV.byteOrderMark.count), as: UTF8.self)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    /// A calendar with its folded lines joined again.
    static func unfoldedCalendar(_ site: Site, _ departmentID: DepartmentID) -> String {
        let departments = ExportFixture.departments(site)
        let file = Exports.departmentCalendar(
            departments[departmentID]!, entries: TaskAssignment.byDepartment(site.plans)[departmentID] ?? [],
            settings: site.settings, departments: departments)
        return String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
    }
}

/// PlanTask status in the exports: the plan JSON, the CSV files and the calendars, always judged on
/// the site's as-of date.
@Suite struct ExportProgressTests {
    static let site = ExportFixture.progressSite()
    static let files: [OutputFile] = Exports.planFiles(
        ExportFixture.progressPlan, departments: ExportFixture.departments(site),
        localities: ExportFixture.localities(site), rules: site.settings.progressRules)

    static func json() throws -> [String: Any] {
        let file = try #require(files.first { $0.path == SiteMap.planJSON(ExportFixture.progressSlug) })
        return try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
    }

    static func task(_ json: [String: Any], _ anchor: String) throws -> [String: Any] {
        var tasks = json["tasks"] as? [[String: Any]] ?? []
        for appendix in json["appendices"] as? [[String: Any]] ?? [] {
            for criterion in appendix["criteria"] as? [[String: Any]] ?? [] {
                tasks += criterion["tasks"] as? [[String: Any]] ?? []
            }
        }
        return try #require(tasks.first { $0["anchor"] as? String == anchor }, "no task \(anchor)")
    }

    // MARK: JSON

    @Test func planJSONHasASummaryOfEveryStatus() throws {
        let json = try Self.json()
        #expect(json["formatVersion"] as? Int == 3)
        #expect(json["reportsCSV"] as? String == "bao-cao.csv")
        let progress = try #require(json["progress"] as? [String: Any])
        #expect(progress["asOf"] as? String == "2024-06-15")
        let counts = try #require(progress["counts"] as? [String: Int])
        #expect(Set(counts.keys) == Set(TaskStatus.allCases.map(\.rawValue)))
        #expect(
            counts == [
                "overdue": 2, "due-soon": 0, "not-reported": 1, "not-started": 0, "on-track": 0, "done": 1,
                "not-applicable": 1,
            ])
        // The example report does not count (its task is not reported); "không áp dụng" is not
        // done and not in the share: 1 done of the 4 that apply.
        #expect(progress["total"] as? Int == 5)
        #expect(progress["finished"] as? Int == 1)
        #expect(progress["percentFinished"] as? Int == 25)
    }

    @Test func planJSONHasEachTasksReferenceStatusAndReports() throws {
        let json = try Self.json()
        let dated = try Self.task(json, "nv-1")
        #expect(dated["reference"] as? String == "III.1.a")
        let datedProgress = try #require(dated["progress"] as? [String: Any])
        #expect(datedProgress["status"] as? String == "overdue")
        #expect(datedProgress["statusText"] as? String == "Quá hạn")
        let due = try #require(datedProgress["due"] as? [String: Any])
        #expect(due["iso"] as? String == "2024-03-31" && due["text"] as? String == "31/03/2024")
        let report = try #require((datedProgress["reports"] as? [[String: Any]])?.first)
        #expect(report["status"] as? String == "in-progress" && report["statusText"] as? String == "Đang thực hiện")
        #expect(report["percent"] as? Int == 60)
        #expect(report["document"] as? String == "Báo cáo số 30/BC-STP")
        #expect(report["example"] as? Bool == false)
        let period = try #require(report["period"] as? [String: String])
        #expect(
            period == [
                "slug": "2024-q1", "text": "Quý I/2024", "start": "2024-01-01", "end": "2024-03-31",
                "due": "2024-03-20",
            ])
        let department = try #require(report["department"] as? [String: Any])
        #expect(department["id"] as? String == "tinh-mau-so-tu-phap")

        let recurring = try #require(try Self.task(json, "nv-3")["progress"] as? [String: Any])
        #expect(recurring["status"] as? String == "overdue")
        let missed = try #require(recurring["missedPeriods"] as? [[String: String]])
        #expect(missed.map { $0["slug"] } == ["2024-q1"])
        #expect(missed.first?["text"] == "Quý I/2024")
        // The Q2 report is dated 18/6/2024, after the as-of date: it does not count, and is not exported.
        let reports = try #require(recurring["reports"] as? [[String: Any]])
        #expect(reports.map { ($0["period"] as? [String: Any])?["slug"] as? String } == ["2024-q1"])

        let example = try #require(try Self.task(json, "pl1-nv-1")["progress"] as? [String: Any])
        // Exported, marked as an example, but not counted: the task has no official report.
        #expect(example["status"] as? String == "not-reported")
        let exampleReport = try #require((example["reports"] as? [[String: Any]])?.first)
        #expect(exampleReport["example"] as? Bool == true)
        #expect((exampleReport["percent"] as? NSNumber)?.doubleValue == 25.5)
        #expect(exampleReport["note"] as? String == "Đã tổ chức **2** hội nghị, ở cấp xã.")

        let done = try #require(try Self.task(json, "nv-2")["progress"] as? [String: Any])
        #expect(done["status"] as? String == "done" && done["statusText"] as? String == "Hoàn thành")
        let evidence = (done["reports"] as? [[String: Any]])?.first?["evidence"] as? [String]
        #expect(evidence == ["Quyết định số 12/QĐ-SNV", "https://snv.example.gov.vn/cong-khai"])
        #expect(try Self.task(json, "pl1-nv-2")["reference"] as? String == "PL1/1/2")
    }

    @Test func nothingDatedAfterTheAsOfDateIsExported() {
        for file in Self.files {
            let text = String(decoding: file.data, as: UTF8.self)
            #expect(!text.contains("2024-06-18") && !text.contains("18/06/2024"), "\(file.path)")
            #expect(!text.contains("Báo cáo sau ngày số liệu"), "\(file.path)")
        }
    }

    // MARK: CSV

    @Test func taskTablesHaveProgressColumnsBeforeTheLink() {
        let slug = ExportFixture.progressSlug
        let tasks = ExportFixture.csvLines(Self.files, SiteMap.planTasksCSV(slug))
        #expect(
            tasks.first
                == "STT,Nhiệm vụ,Ghi chú,Chủ trì,Phối hợp,\"Hướng dẫn, theo dõi, giám sát\",Thời gian thực hiện,"
                + "Hạn chót (ISO 8601),Mã tham chiếu,Tình trạng,Hạn (dd/mm/yyyy),Kỳ báo cáo gần nhất,"
                + "Tỷ lệ hoàn thành gần nhất (%),Liên kết")
        #expect(
            tasks.contains(
                "III.1.a,\"Rà soát, đơn giản hóa thủ tục hành chính.\",,Sở Tư pháp,,Sở Nội vụ,trước ngày 31/3/2024,"
                    + "2024-03-31,III.1.a,Quá hạn,31/03/2024,Quý I/2024,60,ke-hoach/\(slug)/index.html#nv-1"))
        // A missed quarter: due on the 20th of its last month.
        #expect(tasks.contains { $0.hasPrefix("III.2,") && $0.contains(",III.2,Quá hạn,20/03/2024,Quý I/2024,,") })
        let appendix = ExportFixture.csvLines(Self.files, SiteMap.appendixCSV(slug, 1))
        #expect(
            appendix.first?.hasSuffix(",Hạn chót (ISO 8601),\(PlanCSV.progressHeader.joined(separator: ",")),Liên kết")
                == true)
        // Its only report is an example: listed in bao-cao.csv, but the task's status and latest
        // report are the official ones (none).
        #expect(
            appendix.contains {
                $0.hasSuffix(",PL1/1,Chưa có báo cáo,20/12/2024,,,ke-hoach/\(slug)/index.html#pl1-nv-1")
            })
        #expect(
            appendix.contains {
                $0.hasSuffix(",PL1/1/2,Không áp dụng,,6 tháng đầu năm 2024,,ke-hoach/\(slug)/index.html#pl1-nv-2")
            })
    }

    @Test func reportsCSVHasOneRowPerCountedReport() throws {
        let slug = ExportFixture.progressSlug
        let lines = ExportFixture.csvLines(Self.files, SiteMap.planReportsCSV(slug))
        #expect(lines.first == PlanCSV.reportsHeader.map(CSV.field).joined(separator: ","))
        #expect(
            Array(lines.dropFirst())
                == [
                    "III.1.a,Quý I/2024,2024-q1,Sở Tư pháp tỉnh Mẫu,tinh-mau-so-tu-phap,25/03/2024,Báo cáo số 30/BC-STP,"
                        + "Đang thực hiện,60,Đã rà soát 40/65 thủ tục.,,không,ke-hoach/\(slug)/index.html#nv-1",
                    "III.1.b,Quý II/2024,2024-q2,Sở Nội vụ tỉnh Mẫu,tinh-mau-so-noi-vu,28/04/2024,Báo cáo số 45/BC-SNV,"
                        + "Hoàn thành,100,,Quyết định số 12/QĐ-SNV; https://snv.example.gov.vn/cong-khai,không,"
                        + "ke-hoach/\(slug)/index.html#nv-2",
                    "III.2,Quý I/2024,2024-q1,Sở Nội vụ tỉnh Mẫu,tinh-mau-so-noi-vu,19/03/2024,,Chưa thực hiện,,,,không,"
                        + "ke-hoach/\(slug)/index.html#nv-3",
                    "PL1/1,Quý I/2024,2024-q1,Sở Nội vụ tỉnh Mẫu,tinh-mau-so-noi-vu,10/04/2024,,Đang thực hiện,25.5,"
                        + "\"Đã tổ chức 2 hội nghị, ở cấp xã.\",,có,ke-hoach/\(slug)/index.html#pl1-nv-1",
                    "PL1/1/2,6 tháng đầu năm 2024,2024-h1,Sở Tư pháp tỉnh Mẫu,tinh-mau-so-tu-phap,01/06/2024,,"
                        + "Không áp dụng,,Không phát sinh.,,không,ke-hoach/\(slug)/index.html#pl1-nv-2",
                ])
        // A plan without reports still has the file, with its header only.
        let withoutReports = try #require(ExportFixture.fixtureSite.plans.first { $0.reports.isEmpty })
        let plain = Exports.planFiles(
            withoutReports, departments: ExportFixture.departments(Self.site),
            localities: ExportFixture.localities(Self.site), rules: Self.site.settings.progressRules)
        #expect(ExportFixture.csvLines(plain, SiteMap.planReportsCSV(withoutReports.slug)).count == 1)
    }

    @Test func siteDatasetListsEveryTasksStatus() throws {
        let files = Exports.files(for: Self.site, pagePaths: [])
        let lines = ExportFixture.csvLines(files, SiteMap.allTasks)
        let header = try #require(lines.first)
        #expect(header.contains(",Mã nhiệm vụ,Mã tham chiếu,Nhiệm vụ,"))
        #expect(
            header.hasSuffix(
                ",Hạn chót (ISO 8601),Tình trạng,Mã tình trạng,Hạn (dd/mm/yyyy),Kỳ báo cáo gần nhất,"
                    + "Tỷ lệ hoàn thành gần nhất (%),Liên kết"))
        let slug = ExportFixture.progressSlug
        #expect(
            lines.contains {
                $0.hasSuffix(",Hoàn thành,done,30/04/2024,Quý II/2024,100,ke-hoach/\(slug)/index.html#nv-2")
            })
        // The fixture's 2023 plan has no reports: its dated task is overdue, its quarterly duty missed Q3 and Q4.
        #expect(lines.contains { $0.hasSuffix(",Quá hạn,overdue,30/11/2023,,,ke-hoach/2023-mau-papi/index.html#nv-1") })
        #expect(lines.contains { $0.hasSuffix(",Quá hạn,overdue,20/09/2023,,,ke-hoach/2023-mau-papi/index.html#nv-2") })
        #expect(lines.count == 1 + Self.site.plans.reduce(0) { $0 + $1.allTasks.count })
    }

    @Test func downloadsLinkTheReportsOfAPlanWithReports() {
        let links = SiteMap.downloads(of: ExportFixture.progressPlan).map(\.path)
        #expect(links.last == SiteMap.planReportsCSV(ExportFixture.progressSlug))
        for plan in ExportFixture.fixtureSite.plans {
            let linked = SiteMap.downloads(of: plan).map(\.path).contains(SiteMap.planReportsCSV(plan.slug))
            #expect(linked == !plan.reports.isEmpty)
        }
    }

    // MARK: Calendars

    @Test func calendarMarksOverdueDeadlinesAndMissedPeriods() {
        let ics = ExportFixture.unfoldedCalendar(Self.site, "tinh-mau-so-noi-vu")
        // The dated task it monitors is overdue.
        #expect(
            ics.contains(
                "UID:2024-mau-tien-do.nv-1.tinh-mau-so-noi-vu@plansite\r\nDTSTAMP:20240615T000000Z\r\n"
                    + "DTSTART;VALUE=DATE:20240331\r\nDTEND;VALUE=DATE:20240401\r\n"
                    + "SUMMARY:[Quá hạn] III.1.a. Rà soát\\, đơn giản hóa thủ tục hành chính.\r\n"))
        #expect(ics.contains("Tình trạng tính đến ngày 15/06/2024: Quá hạn\\n"))
        #expect(
            ics.contains(
                "CATEGORIES:Hướng dẫn\\, theo dõi\\, giám sát\r\nCATEGORIES:Quá hạn\r\n"
                    + "URL:https://cong.example.gov.vn/cchc/ke-hoach/2024-mau-tien-do/index.html#nv-1\r\n"))
        // The task done is not marked.
        #expect(ics.contains("SUMMARY:III.1.b. Công khai kết quả giải quyết hồ sơ.\r\n"))
        #expect(
            ics.contains(
                "Tình trạng tính đến ngày 15/06/2024: Hoàn thành\\nBáo cáo gần nhất: Quý II/2024 — Hoàn thành\\, 100%"))
        // The quarter missed: one event on its due date, with a stable UID.
        #expect(
            ics.contains(
                "UID:2024-mau-tien-do.nv-3.2024-q1.tinh-mau-so-noi-vu@plansite\r\nDTSTAMP:20240615T000000Z\r\n"
                    + "DTSTART;VALUE=DATE:20240320\r\nDTEND;VALUE=DATE:20240321\r\n"
                    + "SUMMARY:[Quá hạn] Báo cáo Quý I/2024 – III.2. Báo cáo kết quả thực hiện Kế hoạch.\r\n"
                    + "DESCRIPTION:Kỳ báo cáo: Quý I/2024 — hạn ngày 20/03/2024\\, chưa có báo cáo\\n"))
        #expect(ics.contains("CATEGORIES:Chủ trì\r\nCATEGORIES:Quá hạn\r\n"))
        // The quarterly series itself is not marked: it recurs after the as-of date too.
        #expect(ics.contains("UID:2024-mau-tien-do.nv-3.tinh-mau-so-noi-vu@plansite\r\n"))
        #expect(ics.contains("SUMMARY:III.2. Báo cáo kết quả thực hiện Kế hoạch.\r\n"))
        // Only one missed quarter: Q2 is due 20/6, after the as-of date.
        #expect(!ics.contains("2024-mau-tien-do.nv-3.2024-q2"))
        // The fixture's 2023 quarterly duty (no reports) missed Q3 and Q4 of 2023.
        #expect(ics.contains("UID:2023-mau-papi.nv-2.2023-q3.tinh-mau-so-noi-vu@plansite\r\n"))
        #expect(ics.contains("UID:2023-mau-papi.nv-2.2023-q4.tinh-mau-so-noi-vu@plansite\r\n"))
        // A cooperating department gets the same missed period under its own UID.
        let centre = ExportFixture.unfoldedCalendar(Self.site, "tinh-mau-trung-tam-phuc-vu-hanh-chinh-cong")
        #expect(
            centre.contains("UID:2024-mau-tien-do.nv-3.2024-q1.tinh-mau-trung-tam-phuc-vu-hanh-chinh-cong@plansite\r\n")
        )
        // The same site gives the same bytes.
        #expect(ExportFixture.unfoldedCalendar(Self.site, "tinh-mau-so-noi-vu") == ics)
    }

    /// UIDs and summaries of the overdue events of the progress plan in a calendar.
    static func overdueEvents(asOf: String) -> [String] {
        let site = ExportFixture.progressSite(asOf: ExportFixture.day(asOf))
        var events: [String] = []
        for department: DepartmentID in ["tinh-mau-so-noi-vu", "tinh-mau-so-tu-phap"] {
            let ics = ExportFixture.unfoldedCalendar(site, department)
            for block in ics.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst() {
                let lines = block.components(separatedBy: "\r\n")
                guard let uid = lines.first(where: { $0.hasPrefix("UID:") }),
                    uid.contains(ExportFixture.progressSlug.rawValue), lines.contains("CATEGORIES:Quá hạn")
                else { continue }
                #expect(lines.contains { $0.hasPrefix("SUMMARY:[Quá hạn] ") })
                events.append(String(uid.dropFirst(4)))
            }
        }
        return events
    }

    @Test func overdueEventsFollowTheAsOfDate() {
        // Before any deadline: nothing is overdue (the deadline of 31/3 is 16 days away).
        #expect(Self.overdueEvents(asOf: "15/3/2024").isEmpty)
        #expect(
            Self.overdueEvents(asOf: "15/6/2024") == [
                "2024-mau-tien-do.nv-3.2024-q1.tinh-mau-so-noi-vu@plansite",
                "2024-mau-tien-do.nv-1.tinh-mau-so-noi-vu@plansite",
                "2024-mau-tien-do.nv-1.tinh-mau-so-tu-phap@plansite",
            ])
        // By 30/9 the Q2 report (dated 18/6) counts, and Q3 (due 20/9) is missed.
        #expect(
            Self.overdueEvents(asOf: "30/9/2024") == [
                "2024-mau-tien-do.nv-3.2024-q1.tinh-mau-so-noi-vu@plansite",
                "2024-mau-tien-do.nv-1.tinh-mau-so-noi-vu@plansite",
                "2024-mau-tien-do.nv-3.2024-q3.tinh-mau-so-noi-vu@plansite",
                "2024-mau-tien-do.nv-1.tinh-mau-so-tu-phap@plansite",
            ])
    }
}

import Foundation
import PlansiteModel
import TestSupport
import Testing

/// The default Content/ against the five seed documents: counts written from the documents,
/// so a dropped row or task fails.
@Suite struct SeedContentTests {
    func plan(_ slug: String) throws -> Plan {
        try #require(defaultSite.plans.first { $0.slug == PlanID(slug) })
    }

    @Test func checkPrintsOnlyTheExpectedWarnings() {
        let (site, diagnostics) = checkContent(TestPaths.content)
        #expect(site != nil)
        let root = TestPaths.content.path
        #expect(
            compact(diagnostics, root: root) == [
                // Seed 002: "trước ngày 20/6/2022" in a 2023 directive — a real typo, flagged not fixed.
                "warning deadline-outside-plan-year plans/2023-hon-quan-nang-cao-chi-so/nhiem-vu.yaml:22:11",
                // Seed 000 lists only the sub-criteria the office handles: 0,5 + 1,5 of 3, and 1 + 0,75 + 0,75 of 3.
                "warning points-do-not-add-up plans/2024-dak-nong-van-phong-phan-cong/phu-luc-1.yaml:48:14",
                "warning points-do-not-add-up plans/2024-dak-nong-van-phong-phan-cong/phu-luc-1.yaml:73:14",
                // The seeds name no person responsible for the portal, no address, telephone or e-mail.
                "warning missing-operator-info site.yaml:2:1",
            ])
    }

    @Test func allFiveSeedsArePresent() {
        #expect(
            defaultSite.plans.map(\.slug).sorted() == [
                "2022-dak-lak-de-xuat-giai-phap", "2022-quang-nam-par-sipas", "2023-hon-quan-nang-cao-chi-so",
                "2024-dak-nong-papi-474", "2024-dak-nong-van-phong-phan-cong",
            ])
    }

    /// (criteria rows, tasks) per appendix, counted in the seed tables.
    @Test(arguments: [
        // Seed 000: Phụ lục 1 has 19 table rows (4 areas, 13 coded, 2 "-" rows), 12 with a task;
        // Phụ lục 2 one PAPI dimension with two tasks; Phụ lục 3 five SIPAS components.
        ("2024-dak-nong-van-phong-phan-cong", 1, IndexKind.parIndex, 19, 12),
        ("2024-dak-nong-van-phong-phan-cong", 2, IndexKind.papi, 1, 2),
        ("2024-dak-nong-van-phong-phan-cong", 3, IndexKind.sipas, 5, 5),
        // Seed 001: 110 rows (8 areas); every non-area row has a lead agency except 6.1 and 7.1.
        ("2022-dak-lak-de-xuat-giai-phap", 1, IndexKind.parIndex, 110, 100),
        // Seed 004: 8 dimensions + 28 sub-dimensions; 28 tasks + 5 rows with a blank STT.
        ("2024-dak-nong-papi-474", 1, IndexKind.papi, 36, 33),
    ])
    func appendixCounts(slug: String, number: Int, index: IndexKind, rows: Int, tasks: Int) throws {
        let appendix = try #require(try plan(slug).appendices.first { $0.number == number })
        #expect(appendix.index == index)
        #expect(appendix.rows.count == rows)
        #expect(appendix.tasks.count == tasks)
    }

    @Test(arguments: [
        ("2024-dak-nong-van-phong-phan-cong", 0, 3), ("2022-dak-lak-de-xuat-giai-phap", 4, 1),
        ("2024-dak-nong-papi-474", 14, 1), ("2023-hon-quan-nang-cao-chi-so", 27, 0),
        ("2022-quang-nam-par-sipas", 24, 0),
    ])
    func planLevelTasksAndAppendices(slug: String, tasks: Int, appendices: Int) throws {
        let plan = try plan(slug)
        #expect(plan.tasks.count == tasks)
        #expect(plan.appendices.count == appendices)
    }

    @Test(arguments: [
        ("2024-dak-nong-van-phong-phan-cong", 6), ("2022-dak-lak-de-xuat-giai-phap", 10),
        ("2024-dak-nong-papi-474", 29), ("2023-hon-quan-nang-cao-chi-so", 21), ("2022-quang-nam-par-sipas", 12),
    ])
    func departmentsPerPlan(slug: String, count: Int) throws {
        let departments = Set(try plan(slug).allTasks.flatMap { $0.lead + $0.cooperating + $0.monitoring })
        #expect(departments.count == count)
    }

    @Test func numbersAreKeptExactly() throws {
        let appendix = try #require(try plan("2024-dak-nong-van-phong-phan-cong").appendices.first)
        let row = try #require(appendix.rows.first { $0.criterion.code == "1.2" }?.criterion)
        #expect(row.max == Quantity(parsing: "1,5"))
        #expect(row.last?.value.description == "1.4888")
        #expect(row.last?.vietnamese == "1,4888")
        let area3 = try #require(appendix.rows.first { $0.criterion.last?.vietnamese == "0,79" }?.criterion)
        #expect(area3.code == nil && area3.target?.vietnamese == "0,8")
    }

    @Test func quotedResultsMatchTheSeeds() throws {
        let quangNam = try plan("2022-quang-nam-par-sipas").results
        let par = try #require(quangNam.first { $0.index == .parIndex })
        #expect(par.score?.vietnamese == "86,57" && par.rank == 33 && par.outOf == 63 && par.group == "B")
        let papi = try plan("2024-dak-nong-papi-474").results.compactMap(\.score?.vietnamese)
        #expect(Set(papi) == ["38,97", "40,52"])
    }

    /// Seed 000 writes the public service centre three ways; all are one registry entry.
    @Test func oneDepartmentWrittenThreeWaysResolvesToOneEntry() throws {
        let appendices = try plan("2024-dak-nong-van-phong-phan-cong").appendices
        let centre: DepartmentID = "dak-nong-vp-trung-tam-phuc-vu-hanh-chinh-cong"
        let department = try #require(defaultSite.departments.first { $0.id == centre })
        let names = [department.name, department.shortName ?? ""] + department.aliases
        #expect(names.contains("TTPVHCC"))
        #expect(names.contains { $0.lowercased() == "trung tâm phục vụ hành chính công" })
        // "TTPVHCC" in Phụ lục 1 (2.3.1) and Phụ lục 3 resolve to the same id.
        let leads = appendices.flatMap(\.tasks).flatMap(\.lead)
        #expect(leads.filter { $0 == centre }.count >= 6)
        // Written differently in the text, "Thủ trưởng các sở ban, ngành" and "Thủ trưởng các sở, ban, ngành"
        // are one generic role in seed 004.
        let heads = try plan("2024-dak-nong-papi-474").appendices[0].tasks.flatMap(\.lead)
            .filter { $0.rawValue.contains("thu-truong-cac-so") }
        #expect(Set(heads).count == 1 && heads.count >= 5)
    }

    @Test func genericRolesAreRepresented() {
        let roles = defaultSite.departments.filter(\.isRole)
        let names = Set(roles.flatMap { [$0.name, $0.shortName ?? ""] + $0.aliases })
        for role in [
            "Chủ tịch UBND cấp huyện", "Chủ tịch UBND cấp xã", "Các phòng chuyên môn", "Thủ trưởng các sở, ban, ngành",
        ] {
            #expect(names.contains(role), "\(role)")
        }
    }
}

import Foundation
import PlansiteAssess
import PlansiteModel
import Testing
import TestSupport

/// The assess stage: each plan's figures, worked out once, as typed values with no words.
@Suite struct AssessTests {
    static let site = ExportFixture.progressSite()

    static func assessment() throws -> PlanAssessment {
        try #require(SiteAssessment(site).plans.first { $0.slug == ExportFixture.progressSlug })
    }

    @Test func progressPlanCountsStatusesAsTheFixtureDescribes() throws {
        let plan = try Self.assessment()
        let counts = plan.progress.counts
        #expect(plan.taskCount == 5 && counts.total == 5)
        #expect(counts[.overdue] == 2 && counts[.done] == 1 && counts[.notReported] == 1)
        #expect(counts[.notApplicable] == 1 && counts.percentFinished == 25)
        // Every task but pl1-nv-1 has an official report; its report is an example, which never counts.
        #expect(counts.reported == 4)
        #expect(plan.categories == [.dated: 2, .quarterly: 1, .yearly: 1, .ongoing: 1])
        #expect(
            plan.indices == [.papi] && plan.date == DocumentDate(year: 2024, month: 2, day: 5))
    }

    @Test func overdueTasksAreFactsLongestOverdueFirst() throws {
        let progress = try Self.assessment().progress
        #expect(progress.overdueCount == 2)
        // Both have official reports: nv-1 in progress, nv-3 "not started", which does not
        // answer its first quarter.
        #expect(progress.overdueUnreportedCount == 0)
        #expect(progress.overdue.map(\.anchor) == ["nv-3", "nv-1"])
        let dated = try #require(progress.overdue.last)
        #expect(dated.code == "III.1.a" && dated.text == "Rà soát, đơn giản hóa thủ tục hành chính.")
        #expect(dated.due == CalendarDate(year: 2024, month: 3, day: 31) && dated.missedPeriods.isEmpty)
        #expect(dated.isReported && !dated.isCriterionTask && dated.criterionTitle == nil)
        let quarterly = try #require(progress.overdue.first)
        #expect(quarterly.missedPeriods == [ExportFixture.quarter(1)] && quarterly.isReported)
        #expect(quarterly.code == "III.2" && quarterly.status == .overdue)
    }

    @Test func roleCountsArePerDepartmentAndRole() throws {
        let roles = try Self.assessment().roles
        #expect(roles["tinh-mau-so-noi-vu"] == RoleCounts(lead: 3, monitoring: 1))
        #expect(roles["tinh-mau-so-tu-phap"] == RoleCounts(lead: 2))
        #expect(roles["tinh-mau-trung-tam-phuc-vu-hanh-chinh-cong"] == RoleCounts(cooperating: 1))
        #expect(roles.count == 3)
    }

    @Test func assessmentRoundTripsThroughCodable() throws {
        let plans = SiteAssessment(Self.site).plans
        let data = try JSONEncoder().encode(plans)
        #expect(try JSONDecoder().decode([PlanAssessment].self, from: data) == plans)
    }

    @Test func cachedAssessmentsJoinTheFreshOnesInPlanListOrder() throws {
        let all = SiteAssessment(Self.site)
        let cached = try Self.assessment()
        let rest = Site(
            settings: Self.site.settings, localities: Self.site.localities, departments: Self.site.departments,
            plans: Self.site.plans.filter { $0.slug != cached.slug }, results: Self.site.results)
        let joined = SiteAssessment(rest, cached: [cached])
        #expect(joined.plans == all.plans)
        #expect(joined.fresh.map(\.slug) == all.plans.map(\.slug).filter { $0 != cached.slug })
        #expect(joined.progress[cached.slug] == nil && all.progress[cached.slug] != nil)
        #expect(joined.roleTotals == all.roleTotals)
    }
}

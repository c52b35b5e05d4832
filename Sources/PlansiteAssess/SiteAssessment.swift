import PlansiteModel
import PlansiteSupport

/// The assess stage, after validation: every plan judged once on the site's rules. Pages,
/// exports and the build cache all read it; nobody works a plan's progress out again.
public struct SiteAssessment: Sendable {
    /// Every plan of the portal in the order of plan lists (`PlanAssessment.precedes`),
    /// including those an incremental build takes from its cache.
    public let plans: [PlanAssessment]
    /// Each task's status, by plan slug, for the plans of the site that was assessed (an
    /// incremental build holds only the plans it read again).
    public let progress: [PlanID: PlanProgress]
    /// Each department's tasks across the plans of the site that was assessed, for its page,
    /// calendar, task list and workbook (`TaskAssignment.byDepartment`).
    public let assignments: [DepartmentID: [TaskAssignment]]

    /// Assesses every plan of `site`, on every core; `cached` adds plans that were not read
    /// again (an assessment of a plan of `site` wins over a cached one).
    public init(_ site: Site, cached: [PlanAssessment] = []) {
        let rules = site.settings.progressRules
        let judged = Parallel.map(site.plans) { plan -> (PlanProgress, PlanAssessment) in
            let progress = Self.progress(of: plan, rules: rules)
            return (progress, PlanAssessment(plan, progress: progress))
        }
        let fresh = judged.map(\.1)
        let assessed = Set(fresh.map(\.slug))
        self.plans = (cached.filter { !assessed.contains($0.slug) } + fresh).sorted(by: PlanAssessment.precedes)
        self.progress = Dictionary(
            zip(site.plans.map(\.slug), judged.map(\.0)), uniquingKeysWith: { a, _ in a })
        assignments = TaskAssignment.byDepartment(site.plans)
    }

    /// Every task of a plan judged on `rules`: the one place statuses are worked out.
    public static func progress(of plan: Plan, rules: ProgressRules) -> PlanProgress {
        PlanProgress(plan, rules: rules)
    }

    /// The assessments of the plans that were assessed now (not taken from a cache).
    public var fresh: [PlanAssessment] { plans.filter { progress[$0.slug] != nil } }

    /// Tasks per department and role over every plan.
    public var roleTotals: [DepartmentID: RoleCounts] {
        var totals: [DepartmentID: RoleCounts] = [:]
        for plan in plans {
            for (department, counts) in plan.roles { totals[department, default: RoleCounts()].add(counts) }
        }
        return totals
    }
}

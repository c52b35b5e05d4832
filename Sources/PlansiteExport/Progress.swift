import PlansiteModel

/// Where every task of a plan stands on the site's as-of date (`SiteSettings.progressRules`),
/// worked out once for all the exports of the plan. Only reports dated on or before the as-of
/// date count (`TaskProgress.reports`); later ones are in no export.
struct PlanProgress {
    let rules: ProgressRules
    private let byAnchor: [String: TaskProgress]
    /// How many tasks of the plan are in each status.
    let counts: ProgressCounts

    init(_ plan: Plan, rules: ProgressRules) {
        self.rules = rules
        var byAnchor: [String: TaskProgress] = [:]
        var counts = ProgressCounts()
        for task in plan.allTasks {
            let progress = plan.progress(of: task, rules: rules)
            byAnchor[task.anchor] = progress
            counts.add(progress.status)
        }
        self.byAnchor = byAnchor
        self.counts = counts
    }

    subscript(task: Task) -> TaskProgress {
        byAnchor[task.anchor] ?? TaskProgress(status: .notReported, due: nil, latest: nil, reports: [])
    }
}

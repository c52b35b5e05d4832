import PlansiteModel

/// Which tasks a department's calendar (`don-vi/<id>/lich.ics`) has an event for, decided once
/// so that the calendar (PlansiteExport) and the department page (PlansiteRender), which links
/// to it only when it holds an event, agree.
public enum CalendarDates {
    /// The day the task's own event starts: its deadline, or for a quarterly duty the first
    /// quarter's reporting day in the plan's year (`firstQuarter`); nil when it has no date.
    public static func start(of task: PlanTask, in plan: Plan, rules: ProgressRules) -> CalendarDate? {
        guard let timeFrame = task.timeFrame else { return nil }
        switch timeFrame.kind {
        case .deadline(let date): return date
        case .quarterly: return firstQuarter(of: plan, day: rules.reportDay(for: task))
        default: return nil
        }
    }

    /// Whether the calendar has at least one event for the task: its own event or one per
    /// reporting period it missed.
    public static func hasEvent(_ task: PlanTask, in plan: Plan, progress: TaskProgress, rules: ProgressRules) -> Bool {
        start(of: task, in: plan, rules: rules) != nil || !progress.missedPeriods.isEmpty
    }

    /// The first quarter's reporting day in the plan's year on or after the plan's date.
    public static func firstQuarter(of plan: Plan, day: Int) -> CalendarDate? {
        let issued: CalendarDate? =
            plan.date.year < plan.year
            ? nil
            : CalendarDate(year: plan.date.year, month: plan.date.month ?? 1, day: plan.date.day ?? 1)
        for month in [3, 6, 9, 12] {
            guard let date = CalendarDate(year: plan.year, month: month, day: day) else { continue }
            if let issued, date < issued { continue }
            return date
        }
        return nil
    }
}

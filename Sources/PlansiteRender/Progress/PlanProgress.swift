import PlansiteModel

/// Every task of a plan judged once on the site's rules, with where each task sits.
struct PlanProgress {
    struct Item {
        let task: Task
        let appendix: Appendix?
        let criterion: Criterion?
        /// The top-level row (area, dimension) the task sits under.
        let area: Criterion?
        let progress: TaskProgress
    }

    let plan: Plan
    /// In document order: the plan's own tasks, then each appendix's.
    let items: [Item]
    let byAnchor: [String: TaskProgress]
    let counts: ProgressCounts

    init(_ plan: Plan, rules: ProgressRules) {
        self.plan = plan
        var items: [Item] = plan.tasks.map {
            Item(task: $0, appendix: nil, criterion: nil, area: nil, progress: plan.progress(of: $0, rules: rules))
        }
        for appendix in plan.appendices {
            for area in appendix.criteria {
                for (criterion, _) in area.flattened() {
                    for task in criterion.tasks {
                        items.append(
                            Item(
                                task: task, appendix: appendix, criterion: criterion, area: area,
                                progress: plan.progress(of: task, rules: rules)))
                    }
                }
            }
        }
        self.items = items
        var byAnchor: [String: TaskProgress] = [:]
        var counts = ProgressCounts()
        for item in items {
            byAnchor[item.task.anchor] = item.progress
            counts.add(item.progress.status)
        }
        self.byAnchor = byAnchor
        self.counts = counts
    }

    /// Overdue tasks, the longest overdue first, then in document order.
    var overdue: [Item] {
        items.enumerated().filter { $0.element.progress.status == .overdue }
            .sorted {
                ($0.element.progress.due ?? .distantPast, $0.offset) < (
                    $1.element.progress.due ?? .distantPast, $1.offset
                )
            }
            .map(\.element)
    }
}

extension CalendarDate {
    static let distantPast = CalendarDate(year: 1900, month: 1, day: 1)!
}

/// The one-line name of a task in lists: its criterion, or the start of its text.
enum TaskLine {
    static func text(_ task: Task, criterion: Criterion?) -> String {
        if let criterion {
            return [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " ")
        }
        let text = (task.text ?? "").collapsingWhitespace
        let words = text.split(separator: " ")
        return words.count > 24 ? words.prefix(24).joined(separator: " ") + " …" : text
    }

    /// With the plan's item number in front: "Mục III.1.a: Căn cứ Kế hoạch này …".
    static func numbered(_ task: Task, criterion: Criterion?) -> String {
        let line = text(task, criterion: criterion)
        guard criterion == nil, let code = task.code else { return line }
        return line.isEmpty ? "Mục \(code)" : "Mục \(code): \(line)"
    }
}

/// The reporting periods progress charts show bars for.
enum ProgressTimeline {
    /// At most this many quarters are drawn, the latest ones.
    static let quarterLimit = 8

    /// The end of each quarter from `start` through `end` (or the as-of date when earlier),
    /// then the as-of date itself when it is not a quarter's end.
    static func days(from start: CalendarDate, through end: CalendarDate, asOf: CalendarDate)
        -> [(label: String, day: CalendarDate)]
    {
        let last = min(end, asOf)
        var out: [(String, CalendarDate)] = ReportingPeriod.quarters(endingFrom: start, through: last)
            .suffix(quarterLimit).map { ($0.description, $0.end) }
        if start <= asOf, out.last?.1 != asOf { out.append(("Đến \(asOf)", asOf)) }
        return out
    }
}

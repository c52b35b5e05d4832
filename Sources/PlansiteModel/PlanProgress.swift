/// Every task of a plan judged once on the site's rules, with where each task sits. A
/// national portal keeps one for each of its ~1,000 plans while it renders: items are lean.
public struct PlanProgress: Sendable {
    public struct Item: Sendable {
        public let task: PlanTask
        /// The number of the appendix the task is in; nil for the plan's own tasks.
        public let appendix: Int?
        /// The row the task is on, shared by the row's tasks (see `TaskAssignment`).
        public var criterion: Criterion? { row?.value }
        private let row: Shared<Criterion>?
        /// The position in its appendix's `criteria` of the top-level row (area, dimension) it is under.
        public let area: Int?
        public let progress: TaskProgress

        fileprivate init(
            task: PlanTask, appendix: Int?, row: Shared<Criterion>?, area: Int?, progress: TaskProgress
        ) {
            self.task = task
            self.appendix = appendix
            self.row = row
            self.area = area
            self.progress = progress
        }
    }

    public let plan: Plan
    /// The rules the statuses were judged on.
    public let rules: ProgressRules
    /// In document order: the plan's own tasks, then each appendix's.
    public let items: [Item]
    /// Where each task is in `items`, by anchor.
    public let positions: [String: Int]
    public let counts: ProgressCounts
    /// `Plan.start` and `Plan.end`, worked out once.
    public let start: CalendarDate
    public let end: CalendarDate

    public init(_ plan: Plan, rules: ProgressRules) {
        self.plan = plan
        self.rules = rules
        start = plan.start
        end = plan.end
        let start = self.start
        func judge(_ task: PlanTask) -> TaskProgress {
            TaskProgress.evaluate(
                task, planStart: start, planYear: plan.year, reports: plan.reports(for: task), rules: rules)
        }
        var items: [Item] = []
        items.reserveCapacity(plan.tasks.count + plan.appendices.reduce(0) { $0 + $1.tasks.count })
        for task in plan.tasks {
            items.append(Item(task: task, appendix: nil, row: nil, area: nil, progress: judge(task)))
        }
        for appendix in plan.appendices {
            for (area, row) in appendix.criteria.enumerated() {
                for (criterion, _) in row.flattened() where !criterion.tasks.isEmpty {
                    let shared = Shared(criterion)
                    for task in criterion.tasks {
                        items.append(
                            Item(
                                task: task, appendix: appendix.number, row: shared, area: area, progress: judge(task)
                            ))
                    }
                }
            }
        }
        self.items = items
        var positions: [String: Int] = [:]
        positions.reserveCapacity(items.count)
        var counts = ProgressCounts()
        for (position, item) in items.enumerated() {
            positions[item.task.anchor] = position
            counts.add(item.progress)
        }
        self.positions = positions
        self.counts = counts
    }

    /// Overdue tasks, the longest overdue first, then in document order.
    public var overdue: [Item] {
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
    public static let distantPast = CalendarDate(year: 1900, month: 1, day: 1)!
}

extension PlanProgress {
    /// A task's status; a task not of this plan counts as not reported.
    public subscript(task: PlanTask) -> TaskProgress {
        self[anchor: task.anchor] ?? TaskProgress(status: .notReported, due: nil, reports: [])
    }

    /// The status of the plan's task with this anchor.
    public subscript(anchor anchor: String) -> TaskProgress? { positions[anchor].map { items[$0].progress } }
}

extension PlanProgress {
    /// Every task's status on another day (for progress over past periods), in `items` order.
    public func statuses(on day: CalendarDate) -> [TaskStatus] {
        let judged = rules.on(day)
        return items.map { item in
            TaskProgress.evaluate(
                item.task, planStart: start, planYear: plan.year, reports: plan.reports(for: item.task), rules: judged
            ).status
        }
    }
}

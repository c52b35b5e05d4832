/// The status rules (docs/content-format.md, "Trạng thái nhiệm vụ").
///
/// - A dated task ("trước ngày 20/6/2023") is overdue from the day after its deadline until a
///   report says it is done; due soon from `dueSoonDays` before the deadline through the day itself.
/// - A recurring duty ("Hằng quý", "Hằng năm") is due each period of the plan's year that ends
///   after the plan was issued, on the report day of the period's last month. A period counts as
///   reported when a report for a period containing its last day says anything but "not started".
/// - A task with no date ("Thường xuyên", "Trước bầu cử") is never overdue: it shows its latest report.
/// - Only reports dated on or before the as-of date count, and never one marked `example: true`:
///   examples are kept apart (`examples`) to be shown as illustrations.
extension TaskProgress {
    public static func evaluate(
        _ task: PlanTask, planStart: CalendarDate, planYear: Int, reports allReports: [TaskReport], rules: ProgressRules
    ) -> TaskProgress {
        let dated = allReports.filter { $0.date <= rules.asOf }.sorted(by: TaskReport.chronological)
        let judged = judge(
            task, planStart: planStart, planYear: planYear, reports: dated.filter { !$0.isExample }, rules: rules)
        return TaskProgress(
            status: judged.status, due: judged.due, missedPeriods: judged.missedPeriods, reports: judged.reports,
            examples: dated.filter(\.isExample), anomalies: SourceAnomaly.of(task.timeFrame, planYear: planYear))
    }

    /// The status from the official reports counted, oldest first.
    private static func judge(
        _ task: PlanTask, planStart: CalendarDate, planYear: Int, reports: [TaskReport], rules: ProgressRules
    ) -> TaskProgress {
        let latest = reports.last
        let reportDay = rules.reportDay(for: task)
        let obligations = duePeriods(task.timeFrame, planStart: planStart, planYear: planYear, reportDay: reportDay)
        if latest?.status == .notApplicable {
            return TaskProgress(status: .notApplicable, due: nil, reports: reports)
        }
        if let deadline = task.timeFrame?.deadline {
            let status: TaskStatus
            if latest?.status == .done {
                status = .done
            } else if rules.asOf > deadline {
                status = .overdue
            } else if rules.asOf.days(until: deadline) <= rules.dueSoonDays {
                status = .dueSoon
            } else {
                status = openStatus(latest)
            }
            return TaskProgress(status: status, due: deadline, reports: reports)
        }
        guard !obligations.isEmpty else {
            let status: TaskStatus = latest?.status == .done ? .done : openStatus(latest)
            return TaskProgress(status: status, due: nil, reports: reports)
        }
        let unmet = obligations.filter { period in
            !reports.contains { $0.status != .notStarted && $0.period.contains(period.end) }
        }
        let missed = unmet.filter { $0.dueDate(reportDay: reportDay) < rules.asOf }
        if let first = missed.first {
            return TaskProgress(
                status: .overdue, due: first.dueDate(reportDay: reportDay), missedPeriods: missed,
                reports: reports)
        }
        guard let next = unmet.first else {
            return TaskProgress(status: .done, due: nil, reports: reports)
        }
        let due = next.dueDate(reportDay: reportDay)
        let status = rules.asOf.days(until: due) <= rules.dueSoonDays ? .dueSoon : openStatus(latest)
        return TaskProgress(status: status, due: due, reports: reports)
    }

    /// Not due yet: what the latest report says.
    private static func openStatus(_ latest: TaskReport?) -> TaskStatus {
        switch latest?.status {
        case nil: .notReported
        case .notStarted: .notStarted
        case .inProgress, .done: .onTrack
        case .notApplicable: .notApplicable
        }
    }

    /// The periods a recurring duty is due in: those of the plan's year whose report day
    /// is on or after the day the plan was issued.
    public static func duePeriods(
        _ timeFrame: TimeFrame?, planStart: CalendarDate, planYear: Int, reportDay: Int
    ) -> [ReportingPeriod] {
        let periods: [ReportingPeriod]
        switch timeFrame?.kind {
        case .quarterly: periods = (1...4).compactMap { ReportingPeriod(year: planYear, span: .quarter($0)) }
        case .yearly: periods = [ReportingPeriod(year: planYear, span: .year)].compactMap { $0 }
        default: return []
        }
        return periods.filter { $0.dueDate(reportDay: reportDay) >= planStart }
    }
}

extension Plan {
    /// The day the plan took effect: its date, or the first of its month or year when the
    /// document leaves them blank.
    public var start: CalendarDate { Plan.start(date: date) }

    /// The last day the plan's tasks are due: the end of its year, or a later deadline.
    public var end: CalendarDate { Plan.end(year: year, tasks: allTasks) }

    public static func start(date: DocumentDate) -> CalendarDate {
        CalendarDate(year: date.year, month: date.month ?? 1, day: date.day ?? 1)
            ?? CalendarDate(year: date.year, month: 1, day: 1)!
    }

    public static func end(year: Int, tasks: [PlanTask]) -> CalendarDate {
        let yearEnd = CalendarDate(year: year, month: 12, day: 31)!
        return tasks.compactMap { $0.timeFrame?.deadline }.reduce(yearEnd) { max($0, $1) }
    }

    public func reports(for task: PlanTask) -> [TaskReport] { reports[task.anchor] ?? [] }

    public func progress(of task: PlanTask, rules: ProgressRules) -> TaskProgress {
        TaskProgress.evaluate(task, planStart: start, planYear: year, reports: reports(for: task), rules: rules)
    }

    /// True when any of its reports is marked as an example.
    public var hasExampleReports: Bool { reports.values.contains { $0.contains(where: \.isExample) } }
}

/// How many tasks are in each status, and how many of them have an official report.
public struct ProgressCounts: Hashable, Sendable, Codable {
    public private(set) var counts: [TaskStatus: Int] = [:]
    /// Tasks with at least one official report counted (known only when added as `TaskProgress`).
    public private(set) var reported = 0

    public init() {}

    public mutating func add(_ status: TaskStatus, count: Int = 1) { counts[status, default: 0] += count }

    /// Adds a task's status and whether it is reported.
    public mutating func add(_ progress: TaskProgress) {
        add(progress.status)
        if progress.isReported { reported += 1 }
    }

    /// Adds another set of counts to this one.
    public mutating func add(_ other: ProgressCounts) {
        for (status, count) in other.counts { add(status, count: count) }
        reported += other.reported
    }

    public subscript(status: TaskStatus) -> Int { counts[status] ?? 0 }

    public var total: Int { counts.values.reduce(0, +) }

    /// Tasks reported done. "Không áp dụng" is not done.
    public var finished: Int { self[.done] }

    /// Tasks the percentage is taken over: all but those reported "không áp dụng".
    public var applicable: Int { total - self[.notApplicable] }

    /// Whole percent of applicable tasks done, rounded down; 0 with none.
    public var percentFinished: Int { applicable == 0 ? 0 : finished * 100 / applicable }
}

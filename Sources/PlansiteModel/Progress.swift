/// What a department reported about a task for a period.
public enum ReportStatus: String, Sendable, CaseIterable, Hashable {
    case notStarted = "chưa thực hiện"
    case inProgress = "đang thực hiện"
    case done = "hoàn thành"
    case notApplicable = "không áp dụng"

    /// An ASCII name for exports and CSS: "not-started".
    public var slug: String {
        switch self {
        case .notStarted: "not-started"
        case .inProgress: "in-progress"
        case .done: "done"
        case .notApplicable: "not-applicable"
        }
    }
}

/// One task's line in a progress report (báo cáo kết quả thực hiện).
public struct TaskReport: Hashable, Sendable {
    public let period: ReportingPeriod
    /// The reporting department's id.
    public let department: DepartmentID
    /// The day the report was signed or sent.
    public let date: CalendarDate
    /// "Báo cáo số 45/BC-VP", when the report has a number.
    public let document: String?
    public let status: ReportStatus
    /// 0...100, where the department gave one.
    public let percent: Quantity?
    /// Markdown.
    public let note: String?
    /// Document numbers or URLs that show the work.
    public let evidence: [String]
    /// An illustration, not an official result.
    public let isExample: Bool

    public init(
        period: ReportingPeriod, department: DepartmentID, date: CalendarDate, document: String? = nil,
        status: ReportStatus, percent: Quantity? = nil, note: String? = nil, evidence: [String] = [],
        isExample: Bool = false
    ) {
        self.period = period
        self.department = department
        self.date = date
        self.document = document
        self.status = status
        self.percent = percent
        self.note = note
        self.evidence = evidence
        self.isExample = isExample
    }

    /// Reports in the order they happened: by period, then date, then department.
    public static func chronological(_ a: TaskReport, _ b: TaskReport) -> Bool {
        (a.period.end, a.period.start, a.date, a.department) < (b.period.end, b.period.start, b.date, b.department)
    }
}

/// Where a task stands on a day, worked out from its time frame and its reports.
public enum TaskStatus: String, Sendable, CaseIterable, Hashable, Codable {
    case overdue
    case dueSoon = "due-soon"
    case notReported = "not-reported"
    case notStarted = "not-started"
    case onTrack = "on-track"
    case done
    case notApplicable = "not-applicable"

    /// Needs nothing more (no due date is shown): done or not applicable. Percentages count
    /// only `done` as done, over the tasks that apply (`ProgressCounts.percentFinished`).
    public var isFinished: Bool { self == .done || self == .notApplicable }
}

/// The settings of the status rules: the day they are judged on and the reporting calendar.
public struct ProgressRules: Hashable, Sendable {
    /// The site's as-of date; never the machine's clock, so builds are reproducible.
    public let asOf: CalendarDate
    /// A deadline this many days away or fewer is "due soon".
    public let dueSoonDays: Int
    /// Periodic reports are due on this day of the period's last month (Decree 09/2019: the 20th).
    public let reportDay: Int

    public static let defaultDueSoonDays = 14
    public static let defaultReportDay = 20

    public init(asOf: CalendarDate, dueSoonDays: Int = defaultDueSoonDays, reportDay: Int = defaultReportDay) {
        self.asOf = asOf
        self.dueSoonDays = dueSoonDays
        self.reportDay = reportDay
    }

    /// The day a task's periodic reports are due: the one its text states, else the site's.
    public func reportDay(for task: PlanTask) -> Int { task.statedReportDay ?? reportDay }

    /// The same rules on another day (for progress over past periods).
    public func on(_ day: CalendarDate) -> ProgressRules {
        ProgressRules(asOf: day, dueSoonDays: dueSoonDays, reportDay: reportDay)
    }
}

/// A task's status with what it rests on.
public struct TaskProgress: Hashable, Sendable {
    public let status: TaskStatus
    /// For overdue: the first date missed; for due soon or open tasks: the next due date.
    public let due: CalendarDate?
    /// Periods of a recurring duty whose report is missing (overdue ones).
    public let missedPeriods: [ReportingPeriod]
    /// The official reports counted (dated on or before the as-of date), oldest first.
    public let reports: [TaskReport]
    /// Reports marked `example: true` dated on or before the as-of date, oldest first: shown as
    /// illustrations, never counted in a status or a figure.
    public let examples: [TaskReport]
    /// What `check` warns about in the source document that a reader should see beside the figure.
    public let anomalies: [SourceAnomaly]

    /// The latest report counted.
    public var latest: TaskReport? { reports.last }

    /// True when an official report (not an example) is counted.
    public var isReported: Bool { !reports.isEmpty }

    public init(
        status: TaskStatus, due: CalendarDate?, missedPeriods: [ReportingPeriod] = [], reports: [TaskReport],
        examples: [TaskReport] = [], anomalies: [SourceAnomaly] = []
    ) {
        self.status = status
        self.due = due
        self.missedPeriods = missedPeriods
        self.reports = reports
        self.examples = examples
        self.anomalies = anomalies
    }

    /// Official reports and examples together, oldest first: the task's report history.
    public var history: [TaskReport] { (reports + examples).sorted(by: TaskReport.chronological) }
}

/// A fact of the source document that `check` warns about, carried into the model so that
/// every figure resting on it can say it beside the figure.
public enum SourceAnomaly: Hashable, Sendable, Codable {
    /// The document dates a deadline in another year than the plan's: "trước ngày 20/6/2022"
    /// in a plan for 2023 (seed 002).
    case deadlineOutsidePlanYear(deadline: CalendarDate, planYear: Int)

    /// The anomaly of a task's time frame in a plan of `planYear`, if any: the one rule
    /// `check` warns with (`deadline-outside-plan-year`) and pages show.
    public static func of(_ timeFrame: TimeFrame?, planYear: Int) -> [SourceAnomaly] {
        guard let deadline = timeFrame?.deadline, deadline.year != planYear else { return [] }
        return [.deadlineOutsidePlanYear(deadline: deadline, planYear: planYear)]
    }
}

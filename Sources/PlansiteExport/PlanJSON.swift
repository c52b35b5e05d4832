import Foundation
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// `ke-hoach/<slug>/du-lieu/ke-hoach.json`: one plan as open data, on one line (compact, then a
/// line break). Keys are sorted; absent optional values are left out; numbers are JSON numbers
/// with their Vietnamese display text.
/// The JSON Schema is `du-lieu/schema/ke-hoach.schema.json` (`PlanJSONSchema`).
struct PlanJSON: Encodable {
    /// 2: tasks have `reference` and `progress`; the plan has `progress` and `reportsCSV`.
    static let formatVersion = 3

    struct QuantityValue: Encodable {
        let value: Decimal
        let text: String

        init(_ quantity: Quantity) {
            value = quantity.value
            text = quantity.vietnamese
        }
    }

    struct DateValue: Encodable {
        let text: String
        let iso: String
        let year: Int
        let month: Int?
        let day: Int?

        init(text: String, iso: String, year: Int, month: Int?, day: Int?) {
            self.text = text
            self.iso = iso
            self.year = year
            self.month = month
            self.day = day
        }

        /// A whole day: "20/06/2024", "2024-06-20".
        init(_ date: CalendarDate) {
            self.init(text: date.description, iso: date.iso, year: date.year, month: date.month, day: date.day)
        }
    }

    struct LocalityValue: Encodable {
        let id: LocalityID
        let name: String
    }

    struct SignerValue: Encodable {
        let authority: [String]
        let title: String?
        let name: String?
    }

    struct ResultValue: Encodable {
        let index: String
        let year: Int
        let score: QuantityValue?
        let scale: QuantityValue?
        let unit: String
        let rank: Int?
        let outOf: Int?
        let group: String?
        let change: String?
        let scoreChange: QuantityValue?
        let rankChange: Int?
        let source: String?
    }

    struct TargetFigureValue: Encodable {
        let comparison: String
        let value: QuantityValue
        let unit: String?
        let change: String?

        init(_ figure: TargetFigure) {
            comparison = figure.comparison.rawValue
            value = QuantityValue(figure.value)
            unit = figure.unit
            change = figure.isChange ? (figure.direction > 0 ? "tăng" : "giảm") : nil
        }
    }

    struct TargetValue: Encodable {
        let index: String
        let year: Int
        let text: String
        let score: TargetFigureValue?
        let rank: TargetFigureValue?
    }

    struct OriginalValue: Encodable {
        let path: String
        let bytes: Int
        let sha256: String
        let mediaType = "application/pdf"
    }

    struct DepartmentRef: Encodable {
        let id: DepartmentID
        let name: String
        let displayName: String
        let isRole: Bool
    }

    struct TimeValue: Encodable {
        /// ongoing | yearly | quarterly | deadline | before-event | text
        let kind: String
        let text: String
        let deadline: String?
        let event: String?
    }

    /// A reporting period: "2024-q3", "Quý III/2024", its first and last day, and the day its
    /// report is due (the site's report day, or the one the task's text states).
    struct PeriodValue: Encodable {
        let slug: String
        let text: String
        let start: String
        let end: String
        let due: String

        init(_ period: ReportingPeriod, reportDay: Int) {
            slug = period.slug
            text = period.description
            start = period.start.iso
            end = period.end.iso
            due = period.dueDate(reportDay: reportDay).iso
        }
    }

    struct ReportValue: Encodable {
        let period: PeriodValue
        let department: DepartmentRef
        let date: DateValue
        let document: String?
        /// not-started | in-progress | done | not-applicable
        let status: String
        let statusText: String
        let percent: Decimal?
        let note: String?
        let evidence: [String]
        let example: Bool
    }

    /// A task's status on the as-of date, with what it rests on.
    struct ProgressValue: Encodable {
        /// `TaskStatus.rawValue`: overdue | due-soon | not-reported | not-started | on-track | done | not-applicable
        let status: String
        let statusText: String
        let due: DateValue?
        let missedPeriods: [PeriodValue]
        let reports: [ReportValue]
    }

    /// The plan's tasks by status on the as-of date.
    struct ProgressSummary: Encodable {
        let asOf: String
        /// Every status, 0 included.
        let counts: [String: Int]
        let total: Int
        let finished: Int
        let percentFinished: Int
    }

    struct TaskValue: Encodable {
        let anchor: String
        let url: String
        let code: String?
        /// What progress reports write to name the task: "III.1.a", "PL1/2.2.1".
        let reference: String
        let text: String?
        let plainText: String?
        let note: String?
        let lead: [DepartmentRef]
        let cooperating: [DepartmentRef]
        let monitoring: [DepartmentRef]
        let time: TimeValue?
        let progress: ProgressValue
    }

    struct CriterionValue: Encodable {
        let anchor: String
        let url: String
        let code: String?
        let title: String
        let depth: Int
        let description: String?
        let max: QuantityValue?
        let last: QuantityValue?
        let target: QuantityValue?
        let tasks: [TaskValue]
        let children: [CriterionValue]
    }

    struct ColumnsValue: Encodable {
        let criterion: String
        let max: String
        let last: String
        let target: String
        let task: String
        let lead: String
        let cooperating: String
        let monitoring: String
        let time: String
    }

    struct AppendixValue: Encodable {
        let number: Int
        let anchor: String
        let url: String
        let index: String
        let indexName: String
        let title: String
        let reference: String?
        let columns: ColumnsValue
        let csv: String
        /// Lines of its table on the plan page (one per task, at least one per criterion row).
        let lineCount: Int
        let criteria: [CriterionValue]
    }

    struct Counts: Encodable {
        let tasks: Int
        let planTasks: Int
        let criteria: Int
    }

    let schema: String
    let formatVersion: Int
    let slug: PlanID
    let url: String
    let kind: String
    let number: String?
    let reference: String
    let issuer: String
    let header: [String]
    let locality: LocalityValue
    let place: String
    let date: DateValue
    let title: String
    let addressees: [String]
    let recipients: [String]
    let signer: SignerValue?
    let indices: [String]
    let year: Int
    let results: [ResultValue]
    /// Omitted when the plan sets none, so plans written before targets keep their bytes.
    let targets: [TargetValue]?
    /// The signed original, relative to the portal's root.
    let original: OriginalValue?
    let body: String
    let tasks: [TaskValue]
    let tasksCSV: String?
    let appendices: [AppendixValue]
    let counts: Counts
    let progress: ProgressSummary
    let reportsCSV: String

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case formatVersion, slug, url, kind, number, reference, issuer, header, locality, place, date, title
        case addressees, recipients, signer, indices, year, results, targets, original, body, tasks, tasksCSV,
            appendices, counts
        case progress, reportsCSV
    }

    init(
        _ plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality],
        progress: PlanProgress,
        flat: FlatTexts
    ) {
        func ref(_ id: DepartmentID) -> DepartmentRef {
            let department = departments[id]
            return DepartmentRef(
                id: id, name: department?.name ?? id.rawValue, displayName: department?.displayName ?? id.rawValue,
                isRole: department?.isRole ?? false)
        }
        let rules = progress.rules
        func report(_ report: TaskReport, of task: PlanTask) -> ReportValue {
            ReportValue(
                period: PeriodValue(report.period, reportDay: rules.reportDay(for: task)),
                department: ref(report.department),
                date: DateValue(report.date), document: report.document, status: report.status.slug,
                statusText: report.status.label, percent: report.percent?.value, note: report.note,
                evidence: report.evidence, example: report.isExample)
        }
        func task(_ task: PlanTask) -> TaskValue {
            let status = progress[task]
            return TaskValue(
                anchor: task.anchor, url: SiteMap.row(plan.slug, task.anchor), code: task.code,
                reference: task.reference, text: task.text, plainText: task.text.map { flat($0) }, note: task.note,
                lead: task.lead.map(ref), cooperating: task.cooperating.map(ref), monitoring: task.monitoring.map(ref),
                time: task.timeFrame.map(PlanJSON.time),
                progress: ProgressValue(
                    status: status.status.rawValue, statusText: status.status.label,
                    due: status.due.map(DateValue.init),
                    missedPeriods: status.missedPeriods.map { PeriodValue($0, reportDay: rules.reportDay(for: task)) },
                    reports: status.history.map { report($0, of: task) }))
        }
        func row(_ criterion: Criterion, depth: Int) -> CriterionValue {
            CriterionValue(
                anchor: criterion.anchor, url: SiteMap.row(plan.slug, criterion.anchor), code: criterion.code,
                title: criterion.title, depth: depth, description: criterion.description,
                max: criterion.max.map(QuantityValue.init), last: criterion.last.map(QuantityValue.init),
                target: criterion.target.map(QuantityValue.init), tasks: criterion.tasks.map(task),
                children: criterion.children.map { row($0, depth: depth + 1) })
        }
        schema = "../../../" + SiteMap.schema
        formatVersion = PlanJSON.formatVersion
        slug = plan.slug
        url = SiteMap.plan(plan.slug)
        kind = plan.kind.rawValue
        number = plan.number
        reference = plan.reference
        issuer = plan.issuer
        header = plan.header
        locality = LocalityValue(id: plan.locality, name: localities[plan.locality]?.name ?? plan.locality.rawValue)
        place = plan.place
        date = DateValue(
            text: plan.date.short, iso: plan.date.iso, year: plan.date.year, month: plan.date.month,
            day: plan.date.day)
        title = plan.title
        addressees = plan.addressees
        recipients = plan.recipients
        signer = plan.signer.map { SignerValue(authority: $0.authority, title: $0.title, name: $0.name) }
        indices = plan.indices.map(\.rawValue)
        year = plan.year
        results = plan.results.map {
            ResultValue(
                index: $0.index.rawValue, year: $0.year, score: $0.score.map(QuantityValue.init),
                scale: $0.scale.map(QuantityValue.init), unit: $0.unit, rank: $0.rank, outOf: $0.outOf,
                group: $0.group, change: $0.change, scoreChange: $0.scoreChange.map(QuantityValue.init),
                rankChange: $0.rankChange, source: $0.source)
        }
        targets =
            plan.targets.isEmpty
            ? nil
            : plan.targets.map {
                TargetValue(
                    index: $0.index.rawValue, year: $0.year, text: $0.text, score: $0.score.map(TargetFigureValue.init),
                    rank: $0.rank.map(TargetFigureValue.init))
            }
        original = plan.original.map {
            OriginalValue(path: SiteMap.original(plan.slug, file: $0.file), bytes: $0.size, sha256: $0.sha256)
        }
        body = plan.body
        tasks = plan.tasks.map(task)
        tasksCSV = plan.tasks.isEmpty ? nil : PlanDataFile.Kind.tasksCSV.name
        appendices = plan.appendices.map { appendix in
            AppendixValue(
                number: appendix.number, anchor: SiteMap.appendixAnchor(appendix.number),
                url: SiteMap.row(plan.slug, SiteMap.appendixAnchor(appendix.number)), index: appendix.index.rawValue,
                indexName: appendix.index.acronym, title: appendix.title, reference: appendix.reference,
                columns: ColumnsValue(
                    criterion: appendix.columns.criterion, max: appendix.columns.max, last: appendix.columns.last,
                    target: appendix.columns.target, task: appendix.columns.task, lead: appendix.columns.lead,
                    cooperating: appendix.columns.cooperating, monitoring: appendix.columns.monitoring,
                    time: appendix.columns.time),
                csv: PlanDataFile.Kind.appendixCSV(appendix.number).name,
                lineCount: appendix.rows.reduce(0) { $0 + max(1, $1.criterion.tasks.count) },
                criteria: appendix.criteria.map { row($0, depth: 0) })
        }
        counts = Counts(
            tasks: plan.allTasks.count, planTasks: plan.tasks.count,
            criteria: plan.appendices.reduce(0) { $0 + $1.rows.count })
        let tally = progress.counts
        self.progress = ProgressSummary(
            asOf: rules.asOf.iso,
            counts: Dictionary(uniqueKeysWithValues: TaskStatus.allCases.map { ($0.rawValue, tally[$0]) }),
            total: tally.total, finished: tally.finished, percentFinished: tally.percentFinished)
        reportsCSV = PlanDataFile.Kind.reportsCSV.name
    }

    static func time(_ timeFrame: TimeFrame) -> TimeValue {
        switch timeFrame.kind {
        case .ongoing: TimeValue(kind: "ongoing", text: timeFrame.text, deadline: nil, event: nil)
        case .yearly: TimeValue(kind: "yearly", text: timeFrame.text, deadline: nil, event: nil)
        case .quarterly: TimeValue(kind: "quarterly", text: timeFrame.text, deadline: nil, event: nil)
        case .deadline(let date): TimeValue(kind: "deadline", text: timeFrame.text, deadline: date.iso, event: nil)
        case .beforeEvent(let event): TimeValue(kind: "before-event", text: timeFrame.text, deadline: nil, event: event)
        case .text: TimeValue(kind: "text", text: timeFrame.text, deadline: nil, event: nil)
        }
    }

    static func encode(
        _ plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality],
        progress: PlanProgress,
        flat: FlatTexts = FlatTexts()
    ) -> Data {
        let encoder = JSONEncoder()
        // Compact, not `.prettyPrinted` (issue 17): the same data in fewer bytes and less time;
        // a reader's tool indents it when needed.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = PlanJSON(plan, departments: departments, localities: localities, progress: progress, flat: flat)
        let data = (try? encoder.encode(value)) ?? Data()
        return data + Data("\n".utf8)
    }
}

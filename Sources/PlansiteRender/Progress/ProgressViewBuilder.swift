import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// Turns statuses and reports into the views of the progress partials.
struct ProgressViewBuilder {
    let index: SiteIndex

    var rules: ProgressRules { index.site.settings.progressRules }

    /// With `history`, every report (examples too, tagged), newest first; without, only the
    /// latest official one.
    func taskView(_ task: PlanTask, progress: TaskProgress, root: String, history: Bool) -> TaskProgressView {
        let reports = history ? progress.history.reversed().map { report($0, root: root) } : []
        return TaskProgressView(
            reference: task.reference, status: progress.status.label, statusSlug: progress.status.rawValue,
            dueText: Self.dueText(progress, rules: rules), percent: progress.latest?.percent.map(Self.percent),
            hasReports: !reports.isEmpty, reportCount: reports.count, reports: reports,
            latest: history ? nil : progress.latest.map { report($0, root: root) })
    }

    private func report(_ report: TaskReport, root: String) -> ReportView {
        let evidence = report.evidence.map { text in
            EvidenceView(text: text, url: Self.isWebAddress(text) ? text : nil)
        }
        return ReportView(
            period: report.period.description, department: index.link(report.department, root: root),
            date: report.date.description, dateISO: report.date.iso, document: report.document,
            status: report.status.label, statusSlug: report.status.slug, percent: report.percent.map(Self.percent),
            noteHTML: index.html(report.note), hasEvidence: !evidence.isEmpty, evidence: evidence,
            isExample: report.isExample)
    }

    static func percent(_ value: Quantity) -> String { "\(value.vietnamese)%" }

    /// Only absolute http and https addresses become links (`WebAddress.isAbsoluteWebURL`);
    /// anything else is shown as text.
    static func isWebAddress(_ text: String) -> Bool { WebAddress.isAbsoluteWebURL(text) }

    /// What the status rests on, in words: the deadline passed, the periods not reported, the
    /// next due date; that no official report has come in; and what `check` found odd in the
    /// document about the date ("văn bản ghi 20/6/2022 trong kế hoạch năm 2023").
    static func dueText(_ progress: TaskProgress, rules: ProgressRules) -> String? {
        dueText(
            status: progress.status, due: progress.due, missedPeriods: progress.missedPeriods,
            isReported: progress.isReported, anomalies: progress.anomalies, rules: rules)
    }

    /// The same for an overdue task of a plan list.
    static func dueText(_ task: OverdueTask, rules: ProgressRules) -> String? {
        dueText(
            status: task.status, due: task.due, missedPeriods: task.missedPeriods, isReported: task.isReported,
            anomalies: task.anomalies, rules: rules)
    }

    private static func dueText(
        status: TaskStatus, due: CalendarDate?, missedPeriods: [ReportingPeriod], isReported: Bool,
        anomalies: [SourceAnomaly], rules: ProgressRules
    ) -> String? {
        guard let due, !status.isFinished else { return nil }
        var text = dueWords(status, missedPeriods: missedPeriods, due: due, rules: rules)
        if status == .overdue, missedPeriods.isEmpty, !isReported {
            text += "; chưa có báo cáo"
        }
        let notes = anomalies.map(\.readerNote)
        if !notes.isEmpty { text += " (lưu ý: " + notes.joined(separator: "; ") + ")" }
        return text
    }

    private static func dueWords(
        _ status: TaskStatus, missedPeriods: [ReportingPeriod], due: CalendarDate, rules: ProgressRules
    ) -> String {
        let days = rules.asOf.days(until: due)
        switch status {
        case .overdue where !missedPeriods.isEmpty:
            let periods = missedPeriods.map(\.description).joined(separator: ", ")
            let first = missedPeriods.count > 1 ? "hạn kỳ đầu" : "hạn"
            return "Chưa báo cáo kỳ \(periods) (\(first) \(due))"
        case .overdue:
            return "Hạn \(due), đã quá \(VietnameseNumber.format(-days)) ngày"
        case .dueSoon where days == 0:
            return "Đến hạn hôm nay, \(due)"
        case .dueSoon:
            return "Hạn \(due), còn \(days) ngày"
        default:
            return "Hạn tiếp theo \(due)"
        }
    }

    // MARK: - Tables

    /// A table with a column for each status that occurs in any row, worst first.
    func table(
        caption: String, rowHeading: String, rows: [(label: String, url: String?, counts: ProgressCounts)]
    ) -> ProgressTable {
        let statuses = TaskStatus.allCases.filter { status in rows.contains { $0.counts[status] > 0 } }
        var total = ProgressCounts()
        for row in rows { total.add(row.counts) }
        var lines = rows.map {
            progressRow($0.label, url: $0.url, counts: $0.counts, statuses: statuses, isTotal: false)
        }
        if rows.count > 1 {
            lines.append(progressRow("Tổng cộng", url: nil, counts: total, statuses: statuses, isTotal: true))
        }
        return ProgressTable(
            caption: caption, rowHeading: rowHeading,
            statuses: statuses.map { StatusHeading(label: $0.label, slug: $0.rawValue) }, rows: lines)
    }

    private func progressRow(
        _ label: String, url: String?, counts: ProgressCounts, statuses: [TaskStatus], isTotal: Bool
    ) -> ProgressRow {
        ProgressRow(
            label: label, url: url, isTotal: isTotal,
            counts: statuses.map { LabelledCell(label: $0.label, value: VietnameseNumber.format(counts[$0])) },
            total: VietnameseNumber.format(counts.total),
            percentFinished: Self.percentText(counts))
    }

    /// The share done, or why there is none: no official report, or nothing that applies.
    static func percentText(_ counts: ProgressCounts) -> String {
        if counts.reported == 0 { return "Chưa có báo cáo" }
        if counts.applicable == 0 { return "Không áp dụng" }
        return "\(counts.percentFinished)%"
    }

    /// A line of an overdue list; `role` on a department page, the plan on lists spanning plans.
    func overdueView(
        _ task: PlanTask, criterion: Criterion?, progress: TaskProgress, plan: Plan, root: String, showPlan: Bool,
        role: TaskRole?
    ) -> OverdueView {
        OverdueView(
            text: TaskLine.numbered(task, criterion: criterion),
            url: root + SiteMap.plan(plan.slug) + "#" + task.anchor,
            reference: task.reference, dueText: Self.dueText(progress, rules: rules),
            plan: showPlan ? plan.reference : nil, role: role?.label)
    }
}

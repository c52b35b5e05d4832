import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// The progress sections of the plan, department and home pages.
extension ProgressViewBuilder {
    /// Nil for a plan with no tasks: it has no progress to show.
    func planSection(_ progress: PlanProgress, root: String) -> ProgressSection? {
        guard !progress.items.isEmpty else { return nil }
        let plan = progress.plan
        var rows: [(label: String, url: String?, counts: ProgressCounts)] = []
        let own = progress.items.filter { $0.appendix == nil }
        if !own.isEmpty { rows.append(("Nhiệm vụ trong văn bản", "#nhiem-vu", Self.count(own))) }
        for appendix in plan.appendices {
            for (position, area) in appendix.criteria.enumerated() {
                let items = progress.items.filter { $0.appendix == appendix.number && $0.area == position }
                guard !items.isEmpty else { continue }
                let label =
                    "PL\(appendix.number) · " + [area.code, area.title].compactMap { $0 }.joined(separator: ". ")
                rows.append((label, "#" + area.anchor, Self.count(items)))
            }
        }
        let overdue = progress.overdue.map {
            overdueView(
                $0.task, criterion: $0.criterion, progress: $0.progress, plan: plan, root: root, showPlan: false,
                role: nil)
        }
        // Bars only from the first official report on: before it there is no share to give.
        let first = progress.items.compactMap { $0.progress.reports.first?.date }.min() ?? rules.asOf
        let days = ProgressTimeline.days(from: progress.start, through: progress.end, asOf: rules.asOf)
            .filter { $0.day >= first }
        let bars = days.map { label, day in
            (label, Self.count(index.history.statuses(progress, on: day)))
        }
        return section(
            table: table(caption: "Tình hình thực hiện theo lĩnh vực", rowHeading: "Phần", rows: rows),
            overdue: overdue, showsOverdue: true, hasExamples: plan.hasExampleReports,
            isReported: progress.counts.reported > 0,
            chart: progress.counts.reported == 0
                ? nil
                : PageCharts.progress(
                    id: "bieu-do-tien-do", title: "Tình hình thực hiện nhiệm vụ của văn bản qua các kỳ báo cáo",
                    bars: bars))
    }

    func departmentSection(_ department: Department, assignments: [TaskAssignment], root: String)
        -> ProgressSection?
    {
        guard !assignments.isEmpty else { return nil }
        let rows = TaskRole.allCases.compactMap { role -> (String, String?, ProgressCounts)? in
            let judged = assignments.filter { $0.role == role }.compactMap { status($0) }
            return judged.isEmpty ? nil : (role.label, nil, Self.count(judged))
        }
        let isReported = rows.contains { $0.2.reported > 0 }
        return section(
            table: table(
                caption: "Tình hình thực hiện nhiệm vụ của \(department.displayName) theo vai trò",
                rowHeading: "Vai trò",
                rows: rows),
            overdue: departmentOverdue(assignments, root: root), showsOverdue: false,
            hasExamples: assignments.contains { a in a.plan.reports(for: a.task).contains(where: \.isExample) },
            isReported: isReported,
            chart: !isReported
                ? nil
                : PageCharts.progress(
                    id: "bieu-do-tien-do",
                    title: "Tình hình thực hiện nhiệm vụ của \(department.displayName) qua các kỳ báo cáo",
                    bars: departmentBars(assignments)))
    }

    private func status(_ assignment: TaskAssignment) -> TaskProgress? {
        index.progress[assignment.plan.slug]?[anchor: assignment.task.anchor]
    }

    /// The department's overdue tasks, each once (it may have two roles in one), longest overdue first.
    private func departmentOverdue(_ assignments: [TaskAssignment], root: String) -> [OverdueView] {
        var seen: Set<String> = []
        let late = assignments.compactMap { assignment -> (TaskAssignment, TaskProgress)? in
            guard let progress = status(assignment), progress.status == .overdue,
                seen.insert("\(assignment.plan.slug)#\(assignment.task.anchor)").inserted
            else { return nil }
            return (assignment, progress)
        }
        return late.enumerated()
            .sorted { ($0.element.1.due ?? .distantPast, $0.offset) < ($1.element.1.due ?? .distantPast, $1.offset) }
            .map { _, late in
                let (assignment, progress) = late
                return overdueView(
                    assignment.task, criterion: assignment.criterion, progress: progress, plan: assignment.plan,
                    root: root, showPlan: true, role: assignment.role)
            }
    }

    /// The department's tasks by status at each quarter's end and on the as-of date; each task
    /// once, counted from the day its plan was issued; bars only from the first official report
    /// on any of them.
    private func departmentBars(_ assignments: [TaskAssignment]) -> [(label: String, counts: ProgressCounts)] {
        var anchors: [PlanID: Set<String>] = [:]
        for assignment in assignments { anchors[assignment.plan.slug, default: []].insert(assignment.task.anchor) }
        let plans = anchors.keys.sorted().compactMap { index.progress[$0] }
        guard let start = plans.map(\.start).min(), let end = plans.map(\.end).max() else { return [] }
        let positions = plans.map { plan in anchors[plan.plan.slug]!.compactMap { plan.positions[$0] } }
        let first =
            zip(plans, positions).flatMap { plan, positions in
                positions.compactMap { plan.items[$0].progress.reports.first?.date }
            }.min() ?? rules.asOf
        return ProgressTimeline.days(from: start, through: end, asOf: rules.asOf).filter { $0.day >= first }.map {
            label, day in
            var counts = ProgressCounts()
            for (plan, positions) in zip(plans, positions) where plan.start <= day {
                let statuses = index.history.statuses(plan, on: day)
                for position in positions { counts.add(statuses[position]) }
            }
            return (label, counts)
        }
    }

    /// The home page names the first overdue tasks of this many plans (newest first); further
    /// plans get one line each, so a national portal's home page stays readable.
    static let homeDetailedPlans = 10

    /// Plans with overdue tasks, as the home page lists them.
    func overduePlans(_ plans: [PlanAssessment], root: String) -> [OverduePlanView] {
        let rules = index.site.settings.progressRules
        return plans.filter { $0.progress.overdueCount > 0 }.enumerated().map { position, plan in
            let url = root + SiteMap.plan(plan.slug)
            let entries = position < Self.homeDetailedPlans ? plan.progress.overdue : []
            return OverduePlanView(
                title: plan.title, url: root + SiteMap.planOverdue(plan.slug), reference: plan.reference,
                overdueCount: plan.progress.overdueCount, hasItems: !entries.isEmpty,
                items: entries.map { entry in
                    OverdueView(
                        text: TaskLine.numbered(entry), url: url + "#" + entry.anchor, reference: entry.reference,
                        dueText: Self.dueText(entry, rules: rules), plan: nil, role: nil)
                },
                hasMore: !entries.isEmpty && plan.progress.overdueCount > entries.count,
                moreCount: plan.progress.overdueCount - entries.count)
        }
    }

    private func section(
        table: ProgressTable, overdue: [OverdueView], showsOverdue: Bool, hasExamples: Bool, isReported: Bool,
        chart: ChartView?
    ) -> ProgressSection {
        ProgressSection(
            asOf: rules.asOf.description, asOfISO: rules.asOf.iso, reportDay: rules.reportDay,
            hasExamples: hasExamples, isReported: isReported, table: table, showsOverdue: showsOverdue,
            hasOverdue: !overdue.isEmpty,
            overdueCount: overdue.count,
            overdue: overdue, chart: chart)
    }

    static func count(_ items: [PlanProgress.Item]) -> ProgressCounts { count(items.map(\.progress)) }

    static func count(_ judged: [TaskProgress]) -> ProgressCounts {
        var counts = ProgressCounts()
        for progress in judged { counts.add(progress) }
        return counts
    }

    static func count(_ statuses: [TaskStatus]) -> ProgressCounts {
        var counts = ProgressCounts()
        for status in statuses { counts.add(status) }
        return counts
    }
}

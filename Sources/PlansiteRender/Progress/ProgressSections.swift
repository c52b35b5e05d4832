import PlansiteModel

/// The progress sections of the plan, department and home pages.
extension ProgressViewBuilder {
    func planSection(_ progress: PlanProgress, root: String) -> ProgressSection {
        let plan = progress.plan
        var rows: [(label: String, url: String?, counts: ProgressCounts)] = []
        let own = progress.items.filter { $0.appendix == nil }
        if !own.isEmpty { rows.append(("Nhiệm vụ trong văn bản", "#nhiem-vu", Self.count(own))) }
        for appendix in plan.appendices {
            for area in appendix.criteria {
                let items = progress.items.filter { $0.appendix?.number == appendix.number && $0.area == area }
                guard !items.isEmpty else { continue }
                let label =
                    "PL\(appendix.number) · " + [area.code, area.title].compactMap { $0 }.joined(separator: ". ")
                rows.append((label, "#" + area.anchor, Self.count(items)))
            }
        }
        let overdue = progress.overdue.map { overdueView($0, plan: plan, root: root, showPlan: false, role: nil) }
        let days = ProgressTimeline.days(from: plan.start, through: plan.end, asOf: rules.asOf)
        let bars = days.map { label, day in
            (label, Self.count(progress.items.map { plan.progress(of: $0.task, rules: rules.on(day)).status }))
        }
        return section(
            table: table(caption: "Tình hình thực hiện theo lĩnh vực", rowHeading: "Phần", rows: rows),
            overdue: overdue, hasExamples: plan.hasExampleReports,
            chart: PageCharts.progress(
                id: "bieu-do-tien-do", title: "Tình hình thực hiện nhiệm vụ của văn bản qua các kỳ báo cáo", bars: bars)
        )
    }

    func departmentSection(_ department: Department, assignments: [SiteIndex.Assignment], root: String)
        -> ProgressSection?
    {
        guard !assignments.isEmpty else { return nil }
        func status(_ assignment: SiteIndex.Assignment) -> TaskProgress? {
            index.progress[assignment.plan.slug]?.byAnchor[assignment.task.anchor]
        }
        let rows = TaskRole.allCases.compactMap { role -> (String, String?, ProgressCounts)? in
            let statuses = assignments.filter { $0.role == role }.compactMap { status($0)?.status }
            return statuses.isEmpty ? nil : (role.label, nil, Self.count(statuses))
        }
        var seen: Set<String> = []
        let overdue = assignments.compactMap { assignment -> (CalendarDate, Int, OverdueView)? in
            guard let progress = status(assignment), progress.status == .overdue,
                seen.insert(assignment.plan.slug + "#" + assignment.task.anchor).inserted
            else { return nil }
            let item = PlanProgress.Item(
                task: assignment.task, appendix: assignment.appendix, criterion: assignment.criterion, area: nil,
                progress: progress)
            return (
                progress.due ?? .distantPast, seen.count,
                overdueView(item, plan: assignment.plan, root: root, showPlan: true, role: assignment.role)
            )
        }
        .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        var tasks: [String: (Plan, Task)] = [:]
        for assignment in assignments {
            tasks[assignment.plan.slug + "#" + assignment.task.anchor] = (assignment.plan, assignment.task)
        }
        let unique = tasks.keys.sorted().map { tasks[$0]! }
        let start = unique.map(\.0.start).min()!
        let end = unique.map(\.0.end).max()!
        let bars = ProgressTimeline.days(from: start, through: end, asOf: rules.asOf).map { label, day in
            let judged = rules.on(day)
            return (
                label,
                Self.count(unique.filter { $0.0.start <= day }.map { $0.0.progress(of: $0.1, rules: judged).status })
            )
        }
        return section(
            table: table(
                caption: "Tình hình thực hiện nhiệm vụ của \(department.displayName) theo vai trò",
                rowHeading: "Vai trò",
                rows: rows),
            overdue: overdue,
            hasExamples: assignments.contains { a in a.plan.reports(for: a.task).contains(where: \.isExample) },
            chart: PageCharts.progress(
                id: "bieu-do-tien-do",
                title: "Tình hình thực hiện nhiệm vụ của \(department.displayName) qua các kỳ báo cáo",
                bars: bars))
    }

    /// Plans with overdue tasks, as the home page lists them.
    func overduePlans(_ summaries: [PlanSummary], root: String) -> [OverduePlanView] {
        summaries.filter { $0.progress.overdueCount > 0 }.map { summary in
            let url = root + Paths.plan(summary.slug)
            return OverduePlanView(
                title: summary.title, url: url + "#qua-han", reference: summary.reference,
                overdueCount: summary.progress.overdueCount,
                items: summary.progress.overdue.map { entry in
                    OverdueView(
                        text: entry.text, url: url + "#" + entry.anchor, reference: entry.reference,
                        dueText: entry.dueText, plan: nil, role: nil)
                },
                moreCount: summary.progress.overdueCount - summary.progress.overdue.count)
        }
    }

    private func section(table: ProgressTable, overdue: [OverdueView], hasExamples: Bool, chart: ChartView?)
        -> ProgressSection
    {
        ProgressSection(
            asOf: rules.asOf.description, asOfISO: rules.asOf.iso, reportDay: rules.reportDay,
            hasExamples: hasExamples, table: table, hasOverdue: !overdue.isEmpty, overdueCount: overdue.count,
            overdue: overdue, chart: chart)
    }

    static func count(_ items: [PlanProgress.Item]) -> ProgressCounts { count(items.map(\.progress.status)) }

    static func count(_ statuses: [TaskStatus]) -> ProgressCounts {
        var counts = ProgressCounts()
        for status in statuses { counts.add(status) }
        return counts
    }
}

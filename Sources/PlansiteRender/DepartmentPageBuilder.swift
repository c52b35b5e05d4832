import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap

/// Builds `don-vi/<id>/index.html` from the department's assignments, gathered once.
struct DepartmentPageBuilder {
    let index: SiteIndex

    func page(_ department: Department) -> DepartmentPage {
        let page = SiteMap.department(department.id)
        let root = SiteMap.rootToken
        let assignments = index.assignments[department.id] ?? []
        let asOf = index.site.settings.asOf
        var groups: [DepartmentPlanGroup] = []
        var order: [String] = []
        var byPlan: [String: [SiteIndex.Assignment]] = [:]
        for assignment in assignments {
            if byPlan[assignment.plan.slug] == nil { order.append(assignment.plan.slug) }
            byPlan[assignment.plan.slug, default: []].append(assignment)
        }
        for slug in order {
            let items = byPlan[slug]!
            let plan = items[0].plan
            let roles = TaskRole.allCases.compactMap { role -> RoleGroup? in
                let tasks = sortedDatedFirst(items.filter { $0.role == role })
                guard !tasks.isEmpty else { return nil }
                return RoleGroup(label: role.label, tasks: tasks.map { view($0, root: root) })
            }
            groups.append(
                DepartmentPlanGroup(
                    title: plan.title, reference: "\(plan.reference) — \(plan.date.short)",
                    url: root + SiteMap.plan(plan.slug), year: plan.year, roles: roles))
        }
        let deadlines = assignments.compactMap { assignment -> (CalendarDate, SiteIndex.Assignment)? in
            assignment.task.timeFrame?.deadline.map { ($0, assignment) }
        }
        .sorted { ($0.0, $0.1.plan.slug, $0.1.task.anchor) < ($1.0, $1.1.plan.slug, $1.1.task.anchor) }
        .map { date, assignment in
            DeadlineView(
                date: date.description, dateISO: date.iso, isPast: date < asOf, text: summary(assignment),
                url: taskURL(assignment, root: root), plan: assignment.plan.reference)
        }
        let parent = department.parent.flatMap { index.departments[$0] != nil ? index.link($0, root: root) : nil }
        return DepartmentPage(
            chrome: index.chrome(page: page, current: nil), root: root, title: department.displayName,
            name: department.displayName, fullName: department.name, level: department.level.rawValue,
            isRole: department.isRole, locality: index.localities[department.locality]?.name ?? department.locality,
            aliases: department.aliases.isEmpty ? nil : department.aliases.joined(separator: "; "), parent: parent,
            taskCount: assignments.count,
            counts: TaskRole.allCases.map { role in
                RoleCount(label: role.label, count: assignments.filter { $0.role == role }.count)
            },
            hasDeadlines: !deadlines.isEmpty, deadlines: deadlines, plans: groups,
            workloadChart: workload(department, assignments),
            calendarURL: root + SiteMap.calendar(department.id),
            tasksWorkbookURL: assignments.isEmpty ? nil : root + SiteMap.departmentTasksXLSX(department.id),
            progress: ProgressViewBuilder(index: index).departmentSection(
                department, assignments: assignments, root: root))
    }

    private func workload(_ department: Department, _ assignments: [SiteIndex.Assignment]) -> ChartView? {
        guard !assignments.isEmpty else { return nil }
        var roles = RoleCounts()
        for assignment in assignments { roles.add(assignment.role) }
        var categories: [TimeFrame.Category: Int] = [:]
        for assignment in assignments { categories[TimeFrame.category(of: assignment.task.timeFrame), default: 0] += 1 }
        return PageCharts.workload(
            id: "bieu-do-khoi-luong", title: "Nhiệm vụ của \(department.displayName) theo vai trò và thời hạn",
            roles: roles, categories: categories)
    }

    /// Dated deadlines first, soonest first; then the rest in document order.
    private func sortedDatedFirst(_ items: [SiteIndex.Assignment]) -> [SiteIndex.Assignment] {
        let dated = items.filter { $0.task.timeFrame?.deadline != nil }
            .sorted { $0.task.timeFrame!.deadline! < $1.task.timeFrame!.deadline! }
        return dated + items.filter { $0.task.timeFrame?.deadline == nil }
    }

    private func taskURL(_ assignment: SiteIndex.Assignment, root: String) -> String {
        root + SiteMap.plan(assignment.plan.slug) + "#" + assignment.task.anchor
    }

    private func summary(_ assignment: SiteIndex.Assignment) -> String {
        TaskLine.text(assignment.task, criterion: assignment.criterion)
    }

    private func view(_ assignment: SiteIndex.Assignment, root: String) -> DepartmentTaskView {
        let criterion = assignment.criterion.map { [$0.code, $0.title].compactMap { $0 }.joined(separator: " ") }
        let appendix = assignment.appendix.map { "Phụ lục \($0.number) (\($0.index.acronym))" }
        return DepartmentTaskView(
            url: taskURL(assignment, root: root),
            criterion: [appendix, criterion].compactMap { $0 }.joined(separator: " — ").nilIfEmpty,
            task: index.taskView(assignment.task, of: assignment.plan.slug, root: root, history: false),
            summary: assignment.task.code.map { "Mục \($0)" } ?? summary(assignment))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

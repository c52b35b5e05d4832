import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// Builds `don-vi/<id>/index.html` from the department's assignments, gathered once.
struct DepartmentPageBuilder {
    let index: SiteIndex

    func page(_ department: Department) -> DepartmentPage {
        let page = SiteMap.department(department.id)
        let root = SiteMap.rootToken
        let assignments = index.assignments[department.id] ?? []
        var groups: [DepartmentPlanGroup] = []
        var order: [PlanID] = []
        var byPlan: [PlanID: [TaskAssignment]] = [:]
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
        let tasks = dueOrder(department)
        let settings = index.site.settings
        let parent = department.parent.flatMap { index.departments[$0] != nil ? index.link($0, root: root) : nil }
        return DepartmentPage(
            chrome: index.chrome(page: page, current: nil), root: root, title: title(department),
            name: department.displayName, fullName: department.name, level: department.level.rawValue,
            isRole: department.isRole,
            locality: index.localities[department.locality]?.name ?? department.locality.rawValue,
            aliases: department.aliases.isEmpty ? nil : department.aliases.joined(separator: "; "), parent: parent,
            taskCount: assignments.count, asOf: settings.asOf.description, asOfISO: settings.asOf.iso,
            due: dueGroups(tasks, root: root),
            plans: groups,
            workloadChart: workload(department, assignments),
            checklistURL: assignments.isEmpty ? nil : root + SiteMap.departmentChecklist(department.id),
            tasksWorkbookURL: assignments.isEmpty ? nil : root + SiteMap.departmentTasksXLSX(department.id),
            tasksCSVURL: assignments.isEmpty ? nil : root + SiteMap.departmentTasksCSV(department.id),
            calendar: calendar(department, assignments, root: root),
            progress: ProgressViewBuilder(index: index).departmentSection(
                department, assignments: assignments, root: root))
    }

    /// `don-vi/<id>/danh-sach-in/index.html`: the department's tasks in the page's order, as a
    /// table to print and write on.
    func checklist(_ department: Department) -> DepartmentChecklistPage {
        let page = SiteMap.departmentChecklist(department.id)
        let root = SiteMap.rootToken
        let tasks = dueOrder(department)
        let asOf = index.site.settings.asOf
        return DepartmentChecklistPage(
            chrome: index.chrome(page: page, current: nil), root: root,
            title: "Danh sách nhiệm vụ của " + title(department),
            departmentURL: root + SiteMap.department(department.id),
            asOf: asOf.description, asOfISO: asOf.iso, hasRows: !tasks.isEmpty,
            rows: tasks.enumerated().map { position, task in
                ChecklistRow(
                    number: position + 1, text: text(task), url: taskURL(task.assignment, root: root),
                    plan: "\(task.assignment.plan.reference): \(task.assignment.plan.title)",
                    reference: task.assignment.task.reference, role: roles(task), deadline: deadlineText(task),
                    status: task.progress?.status.label ?? "", statusSlug: task.progress?.status.rawValue ?? "")
            })
    }

    /// The name, with its locality from the registry when it has one and the name does not
    /// already say it: "Sở Nội vụ — tỉnh Đắk Nông".
    func title(_ department: Department) -> String {
        let name = department.displayName
        guard let locality = index.localities[department.locality]?.name, !locality.isEmpty,
            !name.localizedCaseInsensitiveContains(locality)
        else { return name }
        return "\(name) — \(locality)"
    }

    // MARK: - What is due

    /// One task of the department, with every role it has in it and its assessed status.
    struct DepartmentTask {
        let assignment: TaskAssignment
        var roles: [TaskRole]
        let progress: TaskProgress?
        /// The first date missed (overdue), the next due date, else the deadline.
        let date: CalendarDate?
        /// Document order: plan order, then the task's place in its plan.
        let offset: Int
    }

    /// The pages that show a department's tasks in the order of what is due: its page and its
    /// checklist.
    static let dueOrderUses = 2

    /// `ordered` of the department's assignments, worked out once for the pages that show it.
    private func dueOrder(_ department: Department) -> [DepartmentTask] {
        index.dueOrders.value(department.id.rawValue, uses: Self.dueOrderUses) { [self] in
            ordered(index.assignments[department.id] ?? [])
        }
    }

    /// The department's tasks, each once, in the page's order: overdue (longest overdue first),
    /// due soon (soonest first), then the rest by date, those without a date last in document
    /// order. Statuses are the assessed ones (`SiteAssessment.progress`).
    func ordered(_ assignments: [TaskAssignment]) -> [DepartmentTask] {
        var tasks: [DepartmentTask] = []
        var positions: [String: Int] = [:]
        for assignment in assignments {
            let key = assignment.plan.slug.rawValue + "#" + assignment.task.anchor
            if let position = positions[key] {
                if !tasks[position].roles.contains(assignment.role) { tasks[position].roles.append(assignment.role) }
                continue
            }
            let progress = index.progress(of: assignment.plan)[anchor: assignment.task.anchor]
            positions[key] = tasks.count
            tasks.append(
                DepartmentTask(
                    assignment: assignment, roles: [assignment.role], progress: progress,
                    date: progress?.due ?? assignment.task.timeFrame?.deadline, offset: tasks.count))
        }
        for position in tasks.indices {
            tasks[position].roles.sort { TaskRole.allCases.firstIndex(of: $0)! < TaskRole.allCases.firstIndex(of: $1)! }
        }
        func rank(_ task: DepartmentTask) -> Int {
            switch task.progress?.status {
            case .overdue: 0
            case .dueSoon: 1
            default: task.date == nil ? 3 : 2
            }
        }
        return tasks.sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            if ra != rb { return ra < rb }
            if let da = a.date, let db = b.date, da != db { return da < db }
            return a.offset < b.offset
        }
    }

    private func dueGroups(_ tasks: [DepartmentTask], root: String) -> [DueGroup] {
        let days = index.site.settings.progressRules.dueSoonDays
        let overdue = tasks.filter { $0.progress?.status == .overdue }
        let soon = tasks.filter { $0.progress?.status == .dueSoon }
        let rest = tasks.filter { $0.progress?.status != .overdue && $0.progress?.status != .dueSoon }
        let groups: [(String, String, [DepartmentTask])] = [
            ("qua-han", "Quá hạn", overdue),
            ("sap-den-han", "Sắp đến hạn (trong \(days) ngày tới)", soon),
            (
                "nhiem-vu-khac",
                overdue.isEmpty && soon.isEmpty ? "Nhiệm vụ theo thời hạn" : "Các nhiệm vụ khác, theo thời hạn",
                rest
            ),
        ]
        return groups.filter { !$0.2.isEmpty }.map { id, heading, tasks in
            DueGroup(id: id, heading: heading, count: tasks.count, tasks: tasks.map { dueView($0, root: root) })
        }
    }

    private func dueView(_ task: DepartmentTask, root: String) -> DueTaskView {
        let plan = task.assignment.plan
        return DueTaskView(
            text: text(task), url: taskURL(task.assignment, root: root), reference: task.assignment.task.reference,
            plan: plan.reference, planTitle: plan.title, planURL: root + SiteMap.plan(plan.slug), role: roles(task),
            deadline: task.date?.description, deadlineISO: task.date?.iso,
            timeFrame: task.date == nil ? deadlineText(task) : nil,
            status: task.progress?.status.label ?? "Chưa đánh giá",
            statusSlug: task.progress?.status.rawValue ?? TaskStatus.notReported.rawValue,
            dueText: task.progress.flatMap { ProgressViewBuilder.dueText($0, rules: index.site.settings.progressRules) }
        )
    }

    private func text(_ task: DepartmentTask) -> String {
        TaskLine.numbered(task.assignment.task, criterion: task.assignment.criterion)
    }

    private func roles(_ task: DepartmentTask) -> String { task.roles.map(\.label).joined(separator: ", ") }

    /// dd/mm/yyyy, or the time frame as the document words it, or that it has none.
    private func deadlineText(_ task: DepartmentTask) -> String {
        task.date?.description ?? task.assignment.task.timeFrame?.text ?? "Không ghi thời hạn"
    }

    // MARK: - Calendar

    /// The calendar link, nil when the calendar has no event (`CalendarDates.hasEvent`, as the
    /// calendar itself decides): a subscription address with `base-url`, a download without.
    private func calendar(_ department: Department, _ assignments: [TaskAssignment], root: String)
        -> CalendarLink?
    {
        let rules = index.site.settings.progressRules
        let hasEvent = assignments.contains { assignment in
            let progress =
                index.progress[assignment.plan.slug]?[anchor: assignment.task.anchor]
                ?? assignment.plan.progress(of: assignment.task, rules: rules)
            return CalendarDates.hasEvent(assignment.task, in: assignment.plan, progress: progress, rules: rules)
        }
        guard hasEvent else { return nil }
        let download = root + SiteMap.calendar(department.id)
        guard let subscription = SiteMap.calendarSubscription(department.id, baseURL: index.site.settings.baseURL)
        else {
            return CalendarLink(isSubscription: false, webcalURL: nil, webURL: nil, downloadURL: download)
        }
        return CalendarLink(
            isSubscription: true, webcalURL: subscription.webcal, webURL: subscription.web, downloadURL: download)
    }

    private func workload(_ department: Department, _ assignments: [TaskAssignment]) -> ChartView? {
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
    private func sortedDatedFirst(_ items: [TaskAssignment]) -> [TaskAssignment] {
        let dated = items.filter { $0.task.timeFrame?.deadline != nil }
            .sorted { $0.task.timeFrame!.deadline! < $1.task.timeFrame!.deadline! }
        return dated + items.filter { $0.task.timeFrame?.deadline == nil }
    }

    private func taskURL(_ assignment: TaskAssignment, root: String) -> String {
        root + SiteMap.plan(assignment.plan.slug) + "#" + assignment.task.anchor
    }

    private func summary(_ assignment: TaskAssignment) -> String {
        TaskLine.text(assignment.task, criterion: assignment.criterion)
    }

    private func view(_ assignment: TaskAssignment, root: String) -> DepartmentTaskView {
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

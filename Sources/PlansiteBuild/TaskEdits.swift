import PlansiteModel

/// Which departments' files an edit of a plan can change, when the plan as the build before
/// read it is at hand (a `BuildSession` keeps it). A department's page, checklist, calendar and
/// task lists show, of each plan, the plan's heading (title, number, date, year), the tasks
/// that name the department, with their row (code, title, appendix) and their progress, which
/// rests on the task and the plan's reports. So when two versions of a plan are equal but for
/// the contents of some tasks, in the same places, only the departments those rows name (in
/// either version) can see a difference. Anything else that differs (the heading, the prose, a
/// row, a report, a task added, removed or moved) gives nil: every department the plan names
/// may.
enum TaskEdits {
    static func departments(before: Plan, after: Plan) -> Set<DepartmentID>? {
        guard masked(before) == masked(after) else { return nil }
        var departments: Set<DepartmentID> = []
        func add(_ tasks: [PlanTask]) {
            for task in tasks { departments.formUnion(task.lead + task.cooperating + task.monitoring) }
        }
        // The plan's own tasks, as one row.
        if before.tasks != after.tasks { add(before.tasks + after.tasks) }
        for (old, new) in zip(before.appendices, after.appendices) {
            for (row, edited) in zip(old.rows, new.rows) where row.criterion.tasks != edited.criterion.tasks {
                add(row.criterion.tasks + edited.criterion.tasks)
            }
        }
        return departments
    }

    /// The plan with every task reduced to its anchor: two versions are equal masked exactly
    /// when they differ at most in the contents of tasks that keep their places.
    static func masked(_ plan: Plan) -> Plan {
        var masked = Plan(
            slug: plan.slug, kind: plan.kind, number: plan.number, issuer: plan.issuer, header: plan.header,
            locality: plan.locality, place: plan.place, date: plan.date, title: plan.title,
            addressees: plan.addressees, recipients: plan.recipients, signer: plan.signer, indices: plan.indices,
            year: plan.year, results: plan.results, body: plan.body,
            appendices: plan.appendices.map { appendix in
                Appendix(
                    number: appendix.number, index: appendix.index, title: appendix.title,
                    reference: appendix.reference, columns: appendix.columns, criteria: appendix.criteria.map(maskedRow)
                )
            }, tasks: plan.tasks.map(maskedTask), reports: plan.reports, printedNumber: plan.printedNumber,
            printsHeader: plan.printsHeader, motto: plan.motto)
        masked.targets = plan.targets
        masked.original = plan.original
        return masked
    }

    private static func maskedRow(_ criterion: Criterion) -> Criterion {
        Criterion(
            code: criterion.code, title: criterion.title, max: criterion.max, last: criterion.last,
            target: criterion.target, description: criterion.description, tasks: criterion.tasks.map(maskedTask),
            children: criterion.children.map(maskedRow), anchor: criterion.anchor, asPrinted: criterion.asPrinted)
    }

    private static func maskedTask(_ task: PlanTask) -> PlanTask {
        PlanTask(anchor: task.anchor, text: nil, lead: [], timeFrame: nil)
    }
}

/// One task of one department: the task, where it stands in its plan, and the department's
/// role in it.
///
/// Small to copy. A department's page, calendar and task lists hold every task it has in
/// every plan, so the plan, appendix, criterion and task are shared by reference, not copied
/// into each assignment: held by value (a `Plan` is 368 bytes inline, an `Appendix` 200, a
/// `Criterion` 216, a `PlanTask` 192), the assignments and calendar entries of a 10-locality
/// portal took 121 MB of its 230 MB peak.
public struct TaskAssignment: Sendable {
    private let place: Place
    public let role: TaskRole

    public var plan: Plan { place.plan.value }
    /// The appendix whose criterion carries the task; nil for a task of the plan itself.
    public var appendix: Appendix? { place.appendix?.value }
    public var criterion: Criterion? { place.criterion?.value }
    public var task: PlanTask { place.task }

    /// One task's assignment on its own, not shared with others.
    public init(
        plan: Plan, appendix: Appendix? = nil, criterion: Criterion? = nil, task: PlanTask, role: TaskRole
    ) {
        place = Place(
            plan: Shared(plan), appendix: appendix.map(Shared.init), criterion: criterion.map(Shared.init), task: task)
        self.role = role
    }

    private init(place: Place, role: TaskRole) {
        self.place = place
        self.role = role
    }

    /// Every task of `plans` by department, for each department in the order of `plans` and,
    /// within a plan, its own tasks first, then each appendix's rows top to bottom; a task
    /// appears once per role the department has in it.
    public static func byDepartment(_ plans: [Plan]) -> [DepartmentID: [TaskAssignment]] {
        var assignments: [DepartmentID: [TaskAssignment]] = [:]
        func add(_ place: Place) {
            for (department, role) in place.task.assignments {
                assignments[department, default: []].append(TaskAssignment(place: place, role: role))
            }
        }
        for plan in plans {
            let shared = Shared(plan)
            for task in plan.tasks { add(Place(plan: shared, appendix: nil, criterion: nil, task: task)) }
            for appendix in plan.appendices {
                let sharedAppendix = Shared(appendix)
                for (criterion, _) in appendix.rows where !criterion.tasks.isEmpty {
                    let sharedCriterion = Shared(criterion)
                    for task in criterion.tasks {
                        add(Place(plan: shared, appendix: sharedAppendix, criterion: sharedCriterion, task: task))
                    }
                }
            }
        }
        return assignments
    }

    /// A task and where it stands, shared by the assignments of its departments.
    private final class Place: Sendable {
        let plan: Shared<Plan>
        let appendix: Shared<Appendix>?
        let criterion: Shared<Criterion>?
        let task: PlanTask

        init(plan: Shared<Plan>, appendix: Shared<Appendix>?, criterion: Shared<Criterion>?, task: PlanTask) {
            self.plan = plan
            self.appendix = appendix
            self.criterion = criterion
            self.task = task
        }
    }
}

/// An immutable value behind a reference, so that many holders share one copy.
final class Shared<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

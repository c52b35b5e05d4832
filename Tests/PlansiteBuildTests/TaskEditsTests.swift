import Foundation
import PlansiteDiagnostics
import PlansiteModel
import PlansiteRender
import TestSupport
import Testing

@testable import PlansiteBuild

/// `TaskEdits` tells the departments an edit of a plan's tasks can reach; its mask must keep
/// everything of a plan but its tasks, or an edit elsewhere would pass for a task edit.
@Suite struct TaskEditsTests {
    /// Every stored property of `value` but `except`, by name, as text.
    func fields(_ value: Any, except: Set<String>) -> [String: String] {
        var fields: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, !except.contains(label) else { continue }
            fields[label] = String(reflecting: child.value)
        }
        return fields
    }

    /// On every plan of the default site (with targets, plan-level tasks, appendix rows three
    /// deep), one of them with a signed original too: the masked plan, appendices and rows keep
    /// every field but the tasks.
    @Test func theMaskKeepsEverythingButTheTasks() throws {
        var plans = defaultSite.plans
        plans[0].original = OriginalDocument(file: "van-ban-goc.pdf", size: 3, sha256: "abc", sourcePath: "/x")
        #expect(plans.contains { !$0.targets.isEmpty } && plans.contains { !$0.tasks.isEmpty })
        for plan in plans {
            let masked = TaskEdits.masked(plan)
            #expect(fields(masked, except: ["appendices", "tasks"]) == fields(plan, except: ["appendices", "tasks"]))
            #expect(masked.tasks.map(\.anchor) == plan.tasks.map(\.anchor))
            for (appendix, maskedAppendix) in zip(plan.appendices, masked.appendices) {
                #expect(fields(maskedAppendix, except: ["criteria"]) == fields(appendix, except: ["criteria"]))
                #expect(maskedAppendix.rows.count == appendix.rows.count)
                for (row, maskedRow) in zip(appendix.rows, maskedAppendix.rows) {
                    #expect(
                        fields(maskedRow.criterion, except: ["tasks", "children"])
                            == fields(row.criterion, except: ["tasks", "children"]))
                    #expect(maskedRow.criterion.tasks.map(\.anchor) == row.criterion.tasks.map(\.anchor))
                }
            }
        }
    }

    /// The plan with another body or other appendices.
    func rebuilt(_ plan: Plan, body: String? = nil, appendices: [Appendix]? = nil) -> Plan {
        var copy = Plan(
            slug: plan.slug, kind: plan.kind, number: plan.number, issuer: plan.issuer, header: plan.header,
            locality: plan.locality, place: plan.place, date: plan.date, title: plan.title, addressees: plan.addressees,
            recipients: plan.recipients, signer: plan.signer, indices: plan.indices, year: plan.year,
            results: plan.results, body: body ?? plan.body, appendices: appendices ?? plan.appendices,
            tasks: plan.tasks, reports: plan.reports, printedNumber: plan.printedNumber,
            printsHeader: plan.printsHeader, motto: plan.motto)
        copy.targets = plan.targets
        copy.original = plan.original
        return copy
    }

    func replacingFirstTask(of plan: Plan, _ change: (PlanTask) -> PlanTask) throws -> (Plan, PlanTask) {
        let appendix = try #require(plan.appendices.first)
        var done: PlanTask?
        func edit(_ criterion: Criterion) -> Criterion {
            var tasks = criterion.tasks
            if done == nil, let first = tasks.first {
                tasks[0] = change(first)
                done = first
            }
            return Criterion(
                code: criterion.code, title: criterion.title, max: criterion.max, last: criterion.last,
                target: criterion.target, description: criterion.description, tasks: tasks,
                children: criterion.children.map(edit), anchor: criterion.anchor, asPrinted: criterion.asPrinted)
        }
        let edited = Appendix(
            number: appendix.number, index: appendix.index, title: appendix.title, reference: appendix.reference,
            columns: appendix.columns, criteria: appendix.criteria.map(edit))
        let plan2 = rebuilt(plan, appendices: [edited] + plan.appendices.dropFirst())
        return (plan2, try #require(done))
    }

    @Test func aTaskEditedReachesOnlyTheDepartmentsOfItsRow() throws {
        let plan = try #require(defaultSite.plans.first { $0.slug.rawValue == "2024-dak-nong-papi-474" })
        #expect(TaskEdits.departments(before: plan, after: plan) == [])
        let (edited, task) = try replacingFirstTask(of: plan) { task in
            PlanTask(
                anchor: task.anchor, code: task.code, text: (task.text ?? "") + " (sửa)", note: task.note,
                lead: task.lead,
                cooperating: task.cooperating, monitoring: task.monitoring, timeFrame: task.timeFrame,
                reference: task.reference, writtenNames: task.writtenNames, asPrinted: task.asPrinted)
        }
        let reached = try #require(TaskEdits.departments(before: plan, after: edited))
        #expect(reached.isSuperset(of: task.lead + task.cooperating + task.monitoring))
        let named = Set(plan.allTasks.flatMap { $0.lead + $0.cooperating + $0.monitoring })
        #expect(reached.count < named.count, "\(reached.count) of the \(named.count) departments the plan names")
        // A department given to the task is reached too.
        let newcomer = try #require(named.subtracting(reached).first)
        let (moved, _) = try replacingFirstTask(of: plan) { task in
            PlanTask(
                anchor: task.anchor, code: task.code, text: task.text, lead: task.lead + [newcomer],
                timeFrame: task.timeFrame, reference: task.reference)
        }
        #expect(TaskEdits.departments(before: plan, after: moved)?.contains(newcomer) == true)
    }

    @Test func anEditBeyondTheTasksReachesEveryDepartment() throws {
        let plan = try #require(defaultSite.plans.first { $0.slug.rawValue == "2024-dak-nong-papi-474" })
        #expect(TaskEdits.departments(before: plan, after: rebuilt(plan)) == [], "the copy is the plan")
        #expect(TaskEdits.departments(before: plan, after: rebuilt(plan, body: plan.body + "\nThêm.")) == nil)
        let targeted = try #require(defaultSite.plans.first { !$0.targets.isEmpty })
        var retargeted = targeted
        retargeted.targets = []
        #expect(TaskEdits.departments(before: targeted, after: retargeted) == nil)
        let (moved, _) = try replacingFirstTask(of: plan) { task in
            PlanTask(anchor: task.anchor + "-moi", text: task.text, lead: task.lead, timeFrame: task.timeFrame)
        }
        #expect(TaskEdits.departments(before: plan, after: moved) == nil, "a task moved or renumbered")
    }
}

/// A session keeps the templates a build loaded for the next build with the same shared inputs
/// (an incremental one); any other stamps, or another folder, load them again.
@Suite struct SessionTemplatesTests {
    @Test func templatesAreLoadedAgainOnlyWhenTheSharedInputsDiffer() {
        let session = BuildSession()
        let stamps = [FileStamp(path: "templates/page.mustache", size: 10, modified: 1, hash: "a")]
        let edited = [FileStamp(path: "templates/page.mustache", size: 10, modified: 2, hash: "b")]
        var loads = 0
        let load = { () -> (TemplateSet?, [Diagnostic]) in
            loads += 1
            return (nil, [Diagnostic(.error, .missingTemplate, "lần \(loads)", at: SourceLocation(file: "templates"))])
        }
        let message = { (loaded: (TemplateSet?, [Diagnostic])) in loaded.1.map(\.message) }
        #expect(message(session.templates(in: "T", shared: stamps, load: load)) == ["lần 1"])
        #expect(message(session.templates(in: "T", shared: stamps, load: load)) == ["lần 1"], "kept")
        #expect(message(session.templates(in: "T", shared: edited, load: load)) == ["lần 2"], "stamps differ")
        #expect(message(session.templates(in: "U", shared: edited, load: load)) == ["lần 3"], "another folder")
        #expect(message(session.templates(in: "U", shared: edited, load: load)) == ["lần 3"])
        #expect(loads == 3)
    }
}

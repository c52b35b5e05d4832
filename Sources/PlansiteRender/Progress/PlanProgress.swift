import PlansiteAssess
import PlansiteMarkdown
import PlansiteModel

/// The one-line name of a task in lists: its criterion, or the start of its text.
enum TaskLine {
    static func text(_ task: PlanTask, criterion: Criterion?) -> String {
        text(taskText: task.text, criterion: criterion.map { ($0.code, $0.title) })
    }

    /// With the plan's item number in front: "Mục III.1.a: Căn cứ Kế hoạch này …".
    static func numbered(_ task: PlanTask, criterion: Criterion?) -> String {
        numbered(text(task, criterion: criterion), code: criterion == nil ? task.code : nil)
    }

    /// The same for an overdue task of a plan list.
    static func numbered(_ task: OverdueTask) -> String {
        let criterion = task.isCriterionTask ? (task.criterionCode, task.criterionTitle ?? "") : nil
        return numbered(text(taskText: task.text, criterion: criterion), code: task.isCriterionTask ? nil : task.code)
    }

    private static func text(taskText: String?, criterion: (code: String?, title: String)?) -> String {
        if let criterion {
            return [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " ")
        }
        let text = Markdown.plainText(taskText ?? "").collapsingWhitespace
        let words = text.split(separator: " ")
        return words.count > 24 ? words.prefix(24).joined(separator: " ") + " …" : text
    }

    private static func numbered(_ line: String, code: String?) -> String {
        guard let code else { return line }
        return line.isEmpty ? "Mục \(code)" : "Mục \(code): \(line)"
    }
}

/// The reporting periods progress charts show bars for.
enum ProgressTimeline {
    /// At most this many quarters are drawn, the latest ones.
    static let quarterLimit = 8

    /// The end of each quarter from `start` through `end` (or the as-of date when earlier),
    /// then the as-of date itself when it is not a quarter's end.
    static func days(from start: CalendarDate, through end: CalendarDate, asOf: CalendarDate)
        -> [(label: String, day: CalendarDate)]
    {
        let last = min(end, asOf)
        var out: [(String, CalendarDate)] = ReportingPeriod.quarters(endingFrom: start, through: last)
            .suffix(quarterLimit).map { ($0.description, $0.end) }
        if start <= asOf, out.last?.1 != asOf { out.append(("Đến \(asOf)", asOf)) }
        return out
    }
}

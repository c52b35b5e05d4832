import PlansiteDiagnostics
import PlansiteModel
import PlansiteValidator
import PlansiteWording

/// `plansite new report`: a progress report file listing every task a department has in a
/// plan, with its reference filled in and its status left for the author to write.
public enum ReportScaffold {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case unknownPlan(String, suggestions: [String])
        case unknownDepartment(String, suggestions: [String] = [])
        case ambiguousDepartment(String, [DepartmentID])
        case noTasks(department: String, plan: String)
        case malformedPeriod(String)
        case periodOutsidePlan(String, start: String, end: String)
        /// The .xlsx form could not be written (a full disk, an unwritable temporary folder).
        case formNotWritten(String)

        public var description: String {
            switch self {
            case .unknownPlan(let slug, let suggestions):
                Suggestions.appendingHint("không có kế hoạch '\(slug)' trong Content/plans/", suggestions)
            case .unknownDepartment(let name, let suggestions):
                Suggestions.appendingHint(
                    "không có đơn vị '\(name)' trong danh mục (Content/departments/)", suggestions)
            case .ambiguousDepartment(let name, let ids):
                "tên '\(name)' ứng với nhiều đơn vị: \(ids.map(\.rawValue).joined(separator: ", ")); ghi mã đơn vị"
            case .noTasks(let department, let plan):
                "đơn vị '\(department)' không được giao nhiệm vụ nào trong '\(plan)'"
            case .periodOutsidePlan(let period, let start, let end):
                "kỳ \(period) nằm ngoài thời gian của kế hoạch (từ \(start) đến \(end))"
            case .formNotWritten(let reason): "không ghi được biểu mẫu Excel: \(reason)"
            case .malformedPeriod(let text):
                "kỳ báo cáo '\(text)' không đọc được; viết ví dụ 'Quý III/2024', '6 tháng đầu năm 2024' hoặc 'Năm 2024'"
            }
        }
    }

    /// The file name and text of the report.
    public static func make(
        site: Site, plan slug: String, department query: String, period text: String, date: CalendarDate
    ) throws(Failure) -> (file: String, yaml: String) {
        typealias R = ContentKey.Report
        typealias E = ContentKey.ReportEntry
        let (plan, period, department) = try resolve(site: site, plan: slug, department: query, period: text)
        let rows = rows(of: plan, for: department.id)
        var lines = [
            "# Báo cáo tiến độ của \(YAMLWriter.comment(department.displayName)), kỳ \(period),",
            "# về \(YAMLWriter.comment("\(plan.reference): \(plan.title)"))",
            "# Ghi '\(E.status)' cho từng nhiệm vụ: chưa thực hiện | đang thực hiện | hoàn thành | không áp dụng;",
            "# thêm '\(E.percent)' (0–100), '\(E.note)' và '\(E.evidence)' nếu có; bỏ các nhiệm vụ không báo cáo kỳ này.",
            "# Định dạng: docs/content-format.md.",
            "\(R.period): \(YAMLWriter.doubleQuoted(period.description))",
            "\(R.department): \(YAMLWriter.doubleQuoted(department.id.rawValue))",
            "\(R.date): \(date)",
            "\(R.tasks):",
        ]
        for (task, label, role) in rows {
            lines.append("  # \(YAMLWriter.comment(label)) (\(role.label))")
            lines.append("  - \(E.task): \(YAMLWriter.doubleQuoted(task.reference))")
            lines.append("    \(E.status):")
        }
        return (file(plan: slug, period: period, department: department), lines.joined(separator: "\n") + "\n")
    }

    /// The plan, the period within it and the department with tasks in it, or why not.
    static func resolve(
        site: Site, plan slug: String, department query: String, period text: String
    ) throws(Failure) -> (Plan, ReportingPeriod, Department) {
        guard let plan = site.plans.first(where: { $0.slug.rawValue == slug }) else {
            let close = site.plans.map(\.slug.rawValue).filter { $0.contains(slug) || slug.contains($0) }.prefix(3)
            throw .unknownPlan(slug, suggestions: Array(close))
        }
        guard let period = ReportingPeriod(parsing: text) else { throw .malformedPeriod(text) }
        let (start, end) = (plan.start, plan.end)
        guard period.end >= start, period.start <= end else {
            throw .periodOutsidePlan(period.description, start: start.description, end: end.description)
        }
        let department = try find(query, in: site.departments, locality: plan.locality)
        guard !rows(of: plan, for: department.id).isEmpty else {
            throw .noTasks(department: department.displayName, plan: slug)
        }
        return (plan, period, department)
    }

    /// The report's file under the content folder.
    static func file(plan slug: String, period: ReportingPeriod, department: Department) -> String {
        "plans/\(slug)/bao-cao-\(period.slug)-\(VietnameseText.slug(department.displayName)).yaml"
    }

    /// The department a name stands for, resolved as `plansite check` resolves it.
    static func find(_ query: String, in departments: [Department], locality: LocalityID) throws(Failure) -> Department
    {
        switch DepartmentDirectory(departments).resolve(query, locality: locality) {
        case .found(let id):
            guard let department = departments.first(where: { $0.id == id }) else { throw .unknownDepartment(query) }
            return department
        case .ambiguous(let ids): throw .ambiguousDepartment(query, ids)
        case .unknown(let suggestions): throw .unknownDepartment(query, suggestions: suggestions)
        }
    }

    /// The department's tasks in document order, each once, with the part it plays (the
    /// first of lead, cooperating, monitoring).
    static func rows(of plan: Plan, for department: DepartmentID) -> [(PlanTask, String, TaskRole)] {
        var rows: [(PlanTask, String, TaskRole)] = []
        func add(_ task: PlanTask, _ label: String) {
            guard let role = task.assignments.first(where: { $0.department == department })?.role else { return }
            rows.append((task, label, role))
        }
        for task in plan.tasks {
            let text = (task.text ?? "").collapsingWhitespace
            add(task, String(text.prefix(70)) + (text.count > 70 ? " …" : ""))
        }
        for appendix in plan.appendices {
            for (criterion, _) in appendix.rows {
                for task in criterion.tasks {
                    add(
                        task,
                        "PL\(appendix.number) "
                            + [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " "))
                }
            }
        }
        return rows
    }
}

import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel

/// Checks a plan's progress reports (`bao-cao-*.yaml`) against its tasks.
struct ReportValidator {
    /// The tasks a report may name, by reference and by anchor (folded, spaces removed).
    private let tasks: [String: [PlanTask]]
    private let references: Suggestions.Candidates
    /// The plan's first and last day, when its date and year are valid.
    let span: (start: CalendarDate, end: CalendarDate)?
    let asOf: CalendarDate?
    /// False when some of the plan's tasks could not be read: a report naming one of them is
    /// then left out silently, as the plan's own errors explain it.
    let tasksComplete: Bool

    init(tasks: [PlanTask], span: (start: CalendarDate, end: CalendarDate)?, asOf: CalendarDate?, tasksComplete: Bool) {
        var byKey: [String: [PlanTask]] = [:]
        for task in tasks {
            for key in Set([Self.key(task.reference), Self.key(task.anchor)]) { byKey[key, default: []].append(task) }
        }
        // The document's own number still names a task when it names only one; when several
        // share it ("1.4"), the error lists their report codes.
        var byCode: [String: [PlanTask]] = [:]
        for task in tasks { if let code = task.code { byCode[Self.key(code), default: []].append(task) } }
        for (key, found) in byCode where byKey[key] == nil { byKey[key] = found }
        self.tasks = byKey
        self.references = Suggestions.Candidates(tasks.map(\.reference))
        self.span = span
        self.asOf = asOf
        self.tasksComplete = tasksComplete
    }

    static func key(_ reference: String) -> String {
        // References are nearly always ASCII ("PL1/2.2.1", "III.1.a"): no need to fold those.
        if reference.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: reference.utf8.compactMap(asciiKey), as: UTF8.self)
        }
        return VietnameseText.fold(reference).lowercased().filter { !$0.isWhitespace }
    }

    /// A lower-case ASCII byte, nil for white space.
    private static func asciiKey(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte + 0x20
        case 0x20, 0x09, 0x0A, 0x0D: nil
        default: byte
        }
    }

    /// Every report line that passes, by task anchor, oldest first.
    func validate(
        _ definitions: [ReportDefinition], values: inout ValueParser,
        department: (Located<String>, inout ValueParser) -> DepartmentID?
    ) -> [String: [TaskReport]] {
        var out: [String: [TaskReport]] = [:]
        var seen: [String: SourceLocation] = [:]
        for definition in definitions {
            let isExample = flag(definition.example, values: &values)
            let period = period(definition.period, values: &values)
            let departmentID = definition.department.flatMap { department($0, &values) }
            let date = values.calendarDate(definition.date, name: "ngày báo cáo")
            if let period, let date, date < period.start, let field = definition.date {
                values.bag.warning(
                    .reportBeforePeriod,
                    "báo cáo ghi ngày \(date), trước khi kỳ \(period) bắt đầu (\(period.start)); kiểm tra lại ngày hoặc kỳ",
                    at: field.location)
            }
            if let date, let asOf, date > asOf, let field = definition.date {
                values.bag.warning(
                    .reportAfterAsOf,
                    "báo cáo ghi ngày \(date), sau ngày số liệu \(asOf) của cổng (as-of trong site.yaml) nên chưa được tính",
                    at: field.location,
                    notes: ["cổng thể hiện tình hình đến ngày as-of; báo cáo sẽ được tính khi as-of đến ngày này"])
            }
            for entry in definition.entries {
                guard let task = task(entry.task, values: &values) else { continue }
                let status = status(entry.status, values: &values)
                let percent = percent(entry.percent, status: status, values: &values)
                if let departmentID, let field = definition.department,
                    !task.assignments.contains(where: { $0.department == departmentID })
                {
                    guard tasksComplete else { continue }
                    values.bag.error(
                        .departmentNotAssigned,
                        "đơn vị '\(field.value)' không được giao nhiệm vụ \(task.reference) (chủ trì, phối hợp hay theo dõi) nên không báo cáo về nhiệm vụ này",
                        at: entry.task?.location ?? entry.location)
                    continue
                }
                guard let period, let departmentID, let date, let status else { continue }
                let duplicateKey = "\(task.anchor)|\(period.slug)|\(departmentID)"
                if let first = seen[duplicateKey] {
                    values.bag.error(
                        .duplicateReport,
                        "nhiệm vụ \(task.reference) đã được đơn vị này báo cáo cho kỳ \(period) ở \(first)",
                        at: entry.location)
                    continue
                }
                seen[duplicateKey] = entry.location
                out[task.anchor, default: []].append(
                    TaskReport(
                        period: period, department: departmentID, date: date, document: definition.document?.value,
                        status: status, percent: percent, note: entry.note?.value,
                        evidence: entry.evidence.map(\.value), isExample: isExample))
            }
        }
        return out.mapValues { $0.sorted(by: TaskReport.chronological) }
    }

    private func flag(_ field: Located<String>?, values: inout ValueParser) -> Bool {
        guard let field else { return false }
        switch VietnameseText.fold(field.value).lowercased() {
        case "true", "yes", "co": return true
        case "false", "no", "khong": return false
        default:
            values.bag.error(
                .unknownValue, "'example' chỉ nhận 'true' (là ví dụ) hoặc 'false', không phải '\(field.value)'",
                at: field.location)
            return false
        }
    }

    private func period(_ field: Located<String>?, values: inout ValueParser) -> ReportingPeriod? {
        guard let field else { return nil }
        guard let period = ReportingPeriod(parsing: field.value) else {
            values.bag.error(
                .malformedPeriod,
                "kỳ báo cáo '\(field.value)' không đọc được; viết ví dụ 'Quý III/2024', '6 tháng đầu năm 2024', '6 tháng cuối năm 2024' hoặc 'Năm 2024'",
                at: field.location)
            return nil
        }
        guard ContentLimits.years.contains(period.year) else {
            values.bag.error(
                .malformedPeriod,
                "kỳ báo cáo '\(field.value)' có năm \(period.year), ngoài khoảng \(ContentLimits.years.lowerBound)–\(ContentLimits.years.upperBound) mà nội dung được dùng",
                at: field.location)
            return nil
        }
        if let span, period.end < span.start {
            values.bag.error(
                .periodOutsidePlan,
                "kỳ \(period) kết thúc (\(period.end)) trước ngày ban hành kế hoạch (\(span.start))", at: field.location
            )
            return nil
        }
        if let span, period.start > span.end {
            values.bag.error(
                .periodOutsidePlan,
                "kỳ \(period) bắt đầu (\(period.start)) sau khi kế hoạch hết hạn (\(span.end))", at: field.location)
            return nil
        }
        return period
    }

    private func task(_ field: Located<String>?, values: inout ValueParser) -> PlanTask? {
        guard let field else { return nil }
        let found = tasks[Self.key(field.value)] ?? []
        if found.count == 1 { return found[0] }
        guard tasksComplete else { return nil }
        if found.count > 1 {
            let codes = found.map { "'\($0.reference)'" }.joined(separator: ", ")
            values.bag.error(
                .unknownTask,
                "mã '\(field.value)' ứng với \(found.count) nhiệm vụ; ghi mã báo cáo của đúng nhiệm vụ: \(codes)",
                at: field.location,
                notes: ["mã báo cáo được ghi ở mỗi dòng nhiệm vụ trên trang kế hoạch ('Mã báo cáo')"])
            return nil
        }
        var message = "kế hoạch không có nhiệm vụ mã '\(field.value)'"
        if values.maySuggest(at: field.location), let hint = references.hint(for: field.value) {
            message += "; \(hint)"
        }
        values.bag.error(
            .unknownTask, message, at: field.location,
            notes: ["mã nhiệm vụ được ghi ở mỗi dòng nhiệm vụ trên trang kế hoạch, ví dụ 'PL1/2.2.1' hay 'III.1.a'"])
        return nil
    }

    private static let statuses: [String: ReportStatus] = {
        var out: [String: ReportStatus] = [:]
        for status in ReportStatus.allCases {
            out[VietnameseText.fold(status.rawValue).lowercased()] = status
            out[status.slug] = status
        }
        out["chua trien khai"] = .notStarted
        out["dang trien khai"] = .inProgress
        out["da hoan thanh"] = .done
        return out
    }()

    private func status(_ field: Located<String>?, values: inout ValueParser) -> ReportStatus? {
        guard let field else { return nil }
        if let status = ReportStatus(rawValue: field.value) { return status }
        let key = VietnameseText.fold(field.value.collapsingWhitespace).lowercased()
        if let status = Self.statuses[key] { return status }
        let options = ReportStatus.allCases.map(\.rawValue)
        var message = "trạng thái '\(field.value)' không có; chọn một trong: \(options.joined(separator: ", "))"
        if let hint = Suggestions.hint(for: field.value, in: options) { message += "; \(hint)" }
        values.bag.error(.unknownValue, message, at: field.location)
        return nil
    }

    private func percent(_ field: Located<String>?, status: ReportStatus?, values: inout ValueParser) -> Quantity? {
        guard let field else { return nil }
        var text = field.value
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingWhitespace() }
        guard let percent = values.quantity(Located(text, at: field.location), name: "tỷ lệ phần trăm") else {
            return nil
        }
        if percent.doubleValue > 100 || percent.doubleValue < 0 {
            values.bag.error(
                .percentOutOfRange, "tỷ lệ hoàn thành \(percent.vietnamese)% nằm ngoài khoảng 0–100",
                at: field.location)
            return nil
        }
        if status == .done, percent.doubleValue < 100 {
            values.bag.warning(
                .percentContradictsStatus,
                "trạng thái 'hoàn thành' nhưng tỷ lệ chỉ \(percent.vietnamese)%; sửa một trong hai", at: field.location
            )
        } else if status == .notStarted, percent.doubleValue > 0 {
            values.bag.warning(
                .percentContradictsStatus,
                "trạng thái 'chưa thực hiện' nhưng tỷ lệ đã \(percent.vietnamese)%; sửa một trong hai",
                at: field.location)
        }
        return percent
    }
}

/// Report codes that name one task each, within a plan.
enum TaskReferences {
    /// The plan's own tasks with a report code unique among every task of the plan (its own
    /// and its appendices'), by reference and by anchor. A number the document gives several
    /// tasks ("1.4" for three bullets) becomes "1.4/1", "1.4/2", "1.4/3" in document order, as an
    /// appendix row's tasks are "PL1/2.2.1/1", "PL1/2.2.1/2"; a unique number stays as it is. A
    /// code that would still name two tasks (a number written as another task's anchor or code)
    /// falls back to the task's anchor, which is unique.
    static func unique(_ own: [PlanTask], besides appendixTasks: [PlanTask]) -> [PlanTask] {
        let key = ReportValidator.key
        var uses: [String: Int] = [:]
        for task in own { uses[key(task.reference), default: 0] += 1 }
        var seen: [String: Int] = [:]
        var candidates = own.map { task -> String in
            let reference = key(task.reference)
            guard uses[reference, default: 0] > 1 else { return task.reference }
            seen[reference, default: 0] += 1
            return "\(task.reference)/\(seen[reference]!)"
        }
        let all = own.map(\.anchor) + appendixTasks.map(\.anchor)
        var owners: [String: Set<Int>] = [:]
        func claim(_ text: String, by owner: Int) { owners[key(text), default: []].insert(owner) }
        for (position, anchor) in all.enumerated() { claim(anchor, by: position) }
        for (position, candidate) in candidates.enumerated() { claim(candidate, by: position) }
        for (offset, task) in appendixTasks.enumerated() { claim(task.reference, by: own.count + offset) }
        for (position, candidate) in candidates.enumerated() where owners[key(candidate)]!.count > 1 {
            candidates[position] = own[position].anchor
        }
        return zip(own, candidates).map { task, reference in
            reference == task.reference ? task : task.with(reference: reference)
        }
    }
}

extension PlanTask {
    /// The same task under another report code.
    func with(reference: String) -> PlanTask {
        PlanTask(
            anchor: anchor, code: code, text: text, note: note, lead: lead, cooperating: cooperating,
            monitoring: monitoring, timeFrame: timeFrame, reference: reference, writtenNames: writtenNames,
            asPrinted: asPrinted)
    }
}

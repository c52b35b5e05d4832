import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel

/// Checks one plan folder: its front matter, appendices and tasks.
struct PlanValidator {
    let directory: DepartmentDirectory
    let localities: [LocalityID: Locality]
    /// The site's as-of date, when site.yaml gives a valid one.
    let asOf: CalendarDate?
    var values: ValueParser
    /// Where each result the plan quotes is written, in the order of `Plan.results`.
    var quotedLocations: [SourceLocation] = []

    mutating func validate(_ definition: PlanDefinition) -> Plan? {
        let slug = values.slug(definition.slug, name: "tên thư mục kế hoạch")
        let kind = values.choice(definition.kind, of: DocumentKind.self, name: "loại văn bản")
        let date = values.documentDate(definition.date)
        let year = values.year(definition.year)
        var indices: [IndexKind] = []
        for field in definition.indices {
            guard let index = values.index(field) else { continue }
            if indices.contains(index) {
                values.bag.warning(.duplicateKey, "chỉ số '\(field.value)' được ghi hai lần", at: field.location)
            } else {
                indices.append(index)
            }
        }
        var locality: String?
        if let field = definition.locality {
            if localities[LocalityID(field.value)] != nil {
                locality = field.value
            } else {
                var message = "địa phương '\(field.value)' không có trong danh mục đơn vị (Content/departments/)"
                if let hint = Suggestions.hint(for: field.value, in: localities.keys.map(\.rawValue)) {
                    message += "; \(hint)"
                }
                values.bag.error(.unknownLocality, message, at: field.location)
            }
        }
        var results: [IndexResult] = []
        for field in definition.results {
            if let result = resultValue(field, locality: locality ?? "", localities: localities, values: &values) {
                results.append(result)
                quotedLocations.append(field.location)
            }
        }
        let targets = definition.targets.compactMap { target($0, planYear: year, indices: indices) }
        let context = TaskContext(locality: locality ?? "", year: year, indices: indices)
        var taskNumbers = 0
        let numbered = definition.tasks.compactMap { task -> PlanTask? in
            taskNumbers += 1
            return self.task(task, anchor: "nv-\(taskNumbers)", context: context, planLevel: true)
        }
        var appendices: [Appendix] = []
        for appendixDefinition in definition.appendices {
            if let appendix = appendix(appendixDefinition, context: context) { appendices.append(appendix) }
        }
        // Report codes unique within the plan by construction ("1.4" three times: "1.4/1" … "1.4/3").
        let tasks = TaskReferences.unique(numbered, besides: appendices.flatMap(\.tasks))
        let reports = progressReports(
            definition.reports, tasks: tasks + appendices.flatMap(\.tasks), date: date, year: year, context: context,
            tasksComplete: !definition.tasksIncomplete && !values.bag.hasErrors)
        guard let slug, let kind, let date, let year, let locality, !indices.isEmpty,
            let issuer = definition.issuer, let place = definition.place, let title = definition.title
        else { return nil }
        let signer = definition.signer.map {
            Signer(authority: $0.authority.map(\.value), title: $0.title?.value, name: $0.name?.value)
        }
        let number = definition.number.map { normaliseNumber($0.value) }
        let header = definition.header.map(\.value)
        let printsHeader = !Self.saysNotPrinted(header)
        let motto = definition.motto.map(\.value)
        var plan = Plan(
            slug: PlanID(slug), kind: kind, number: number, issuer: issuer.value,
            header: printsHeader ? header : [], locality: LocalityID(locality), place: place.value, date: date,
            title: title.value.collapsingWhitespace, addressees: definition.addressees.map(\.value),
            recipients: definition.recipients.map(\.value), signer: signer, indices: indices, year: year,
            results: results, body: definition.body, appendices: appendices,
            tasks: tasks, reports: reports, printedNumber: definition.number?.value, printsHeader: printsHeader,
            motto: motto.isEmpty ? Plan.standardMotto : Self.saysNotPrinted(motto) ? [] : motto)
        plan.targets = targets
        plan.original = definition.original.map {
            OriginalDocument(file: $0.file, size: $0.size, sha256: $0.sha256, sourcePath: $0.path)
        }
        return plan
    }

    /// A plan-level target: its index (one of the plan's), its year (the plan's by default),
    /// its words, and the figures it names where they read.
    private mutating func target(_ definition: TargetDefinition, planYear: Int?, indices: [IndexKind]) -> PlanTarget? {
        let index = values.index(definition.index)
        let year = definition.year == nil ? planYear : values.year(definition.year)
        if let index, !indices.isEmpty, !indices.contains(index), let field = definition.index {
            values.bag.warning(
                .indexNotInPlan,
                "mục tiêu cho \(index.acronym) nhưng kế hoạch không ghi chỉ số này trong 'indices'",
                at: field.location)
        }
        let score = figure(definition.score, name: "điểm", example: "score: trên 83%, score: ít nhất 85 điểm")
        let rank = figure(definition.rank, name: "thứ hạng", example: "rank: tăng ít nhất 3 bậc, rank: trên 30")
        guard let index, let year, let text = definition.text else { return nil }
        return PlanTarget(index: index, year: year, text: text.value, score: score, rank: rank)
    }

    private mutating func figure(_ field: Located<String>?, name: String, example: String) -> TargetFigure? {
        guard let field else { return nil }
        guard let figure = PrintedFigures.target(field.value) else {
            values.bag.error(
                .malformedTarget,
                "không đọc được \(name) của mục tiêu '\(field.value.prefix(60))'; viết [tăng|giảm] [trên|ít nhất|dưới|tối đa|đạt] số [%|điểm|bậc], ví dụ \(example); lời văn của văn bản ghi ở 'text'",
                at: field.location)
            return nil
        }
        return figure
    }

    /// `header: false` or `motto: false` (also "không"): the document prints none.
    static func saysNotPrinted(_ lines: [String]) -> Bool {
        lines.count == 1 && ["false", "no", "không"].contains(lines[0].lowercased())
    }

    private mutating func progressReports(
        _ definitions: [ReportDefinition], tasks: [PlanTask], date: DocumentDate?, year: Int?, context: TaskContext,
        tasksComplete: Bool
    ) -> [String: [TaskReport]] {
        guard !definitions.isEmpty else { return [:] }
        var span: (start: CalendarDate, end: CalendarDate)?
        if let date, let year { span = (Plan.start(date: date), Plan.end(year: year, tasks: tasks)) }
        let checker = ReportValidator(tasks: tasks, span: span, asOf: asOf, tasksComplete: tasksComplete)
        let directory = self.directory
        let resolve = { (name: Located<String>, values: inout ValueParser) -> DepartmentID? in
            // With tasks missing, the plan's own errors already explain a name that does not resolve.
            var scratch = ValueParser(bag: DiagnosticBag())
            if tasksComplete {
                return Self.departments([name], directory: directory, context: context, values: &values).first
            }
            return Self.departments([name], directory: directory, context: context, values: &scratch).first
        }
        return checker.validate(definitions, values: &values, department: resolve)
    }

    /// "474 /KH-UBND" → "474/KH-UBND".
    private func normaliseNumber(_ number: String) -> String {
        number.replacingOccurrences(of: " /", with: "/").replacingOccurrences(of: "/ ", with: "/")
    }

    struct TaskContext {
        let locality: String
        let year: Int?
        let indices: [IndexKind]
    }

    // MARK: - Appendices

    private mutating func appendix(_ definition: AppendixDefinition, context: TaskContext) -> Appendix? {
        let index = values.index(definition.index)
        if let index, let field = definition.index, !context.indices.isEmpty, !context.indices.contains(index) {
            values.bag.warning(
                .indexNotInPlan,
                "phụ lục thuộc chỉ số \(index.acronym) nhưng kế hoạch không ghi chỉ số này trong 'indices'",
                at: field.location)
        }
        var columns = ColumnLabels()
        let labels: [(String, WritableKeyPath<ColumnLabels, String>)] = [
            ("criterion", \.criterion), ("max", \.max), ("last", \.last), ("target", \.target), ("task", \.task),
            ("lead", \.lead), ("cooperating", \.cooperating), ("monitoring", \.monitoring), ("time", \.time),
        ]
        for (key, path) in labels { if let label = definition.columns[key] { columns[keyPath: path] = label.value } }
        var tree = CriteriaTree(appendixNumber: definition.number)
        let criteria = definition.criteria.compactMap {
            criterion($0, parentCode: nil, tree: &tree, context: context)
        }
        guard let index, let title = definition.title else { return nil }
        return Appendix(
            number: definition.number, index: index, title: title.value.collapsingWhitespace,
            reference: definition.reference?.value.collapsingWhitespace, columns: columns, criteria: criteria)
    }

    /// Numbering state while an appendix's tree is walked.
    struct CriteriaTree {
        let appendixNumber: Int
        var codes: [String: SourceLocation] = [:]
        var rows = 0
        var tasks = 0
    }

    private mutating func criterion(
        _ definition: CriterionDefinition, parentCode: String?, tree: inout CriteriaTree, context: TaskContext
    ) -> Criterion? {
        tree.rows += 1
        var code: String?
        if let field = definition.code {
            code = field.value
            if let first = tree.codes[field.value] {
                values.bag.error(
                    .duplicateCriterionCode, "mã tiêu chí '\(field.value)' đã có ở dòng \(first.line) của phụ lục này",
                    at: field.location)
            } else {
                tree.codes[field.value] = field.location
            }
            if let parentCode, !field.value.hasPrefix(parentCode + ".") {
                values.bag.error(
                    .misplacedCriterionCode,
                    "tiêu chí '\(field.value)' nằm dưới '\(parentCode)' nhưng mã không bắt đầu bằng '\(parentCode).'",
                    at: field.location)
            }
        }
        let max = values.quantity(definition.max, name: "điểm tối đa")
        let last = values.quantity(definition.last, name: "điểm năm trước")
        let target = values.quantity(definition.target, name: "mục tiêu")
        let label = code.map { "tiêu chí \($0)" } ?? "dòng '\(definition.title?.value.prefix(40) ?? "")'"
        if let max {
            for (value, field, what) in [
                (last, definition.last, "điểm năm trước"), (target, definition.target, "mục tiêu"),
            ] {
                if let value, let field, value > max {
                    values.bag.error(
                        .scoreAboveMax,
                        "\(what) \(value.vietnamese) lớn hơn điểm tối đa \(max.vietnamese) của \(label)",
                        at: field.location)
                }
            }
        }
        if let last, let target, target < last, let field = definition.target {
            values.bag.warning(
                .targetBelowLast,
                "mục tiêu \(target.vietnamese) thấp hơn điểm năm trước \(last.vietnamese) của \(label)",
                at: field.location)
        }
        let anchorCode = code.map { $0.replacingOccurrences(of: ".", with: "-") } ?? "r\(tree.rows)"
        let anchor = "pl\(tree.appendixNumber)-tc-\(VietnameseText.slug(anchorCode))"
        var tasks: [PlanTask] = []
        for (number, taskDefinition) in definition.tasks.enumerated() {
            tree.tasks += 1
            let taskAnchor = "pl\(tree.appendixNumber)-nv-\(tree.tasks)"
            var reference: String?
            if let code {
                reference = "PL\(tree.appendixNumber)/\(code)" + (definition.tasks.count > 1 ? "/\(number + 1)" : "")
            }
            if let task = task(
                taskDefinition, anchor: taskAnchor, reference: reference, context: context, planLevel: false)
            {
                tasks.append(task)
            }
        }
        let children = definition.children.compactMap {
            criterion($0, parentCode: code ?? parentCode, tree: &tree, context: context)
        }
        checkSum(max: max, children: children, field: definition.max, label: label)
        guard let title = definition.title else { return nil }
        return Criterion(
            code: code, title: title.value.collapsingWhitespace, max: max, last: last, target: target,
            description: definition.description?.value, tasks: tasks, children: children, anchor: anchor,
            asPrinted: definition.asPrinted?.value)
    }

    private mutating func checkSum(max: Quantity?, children: [Criterion], field: Located<String>?, label: String) {
        guard let max, let field, !children.isEmpty else { return }
        let points = children.compactMap(\.max)
        guard points.count == children.count else { return }
        let sum = points.reduce(Quantity.zero, +)
        guard sum != max else { return }
        values.bag.warning(
            .pointsDoNotAddUp,
            "các tiêu chí con của \(label) cộng lại được \(sum.vietnamese) điểm, khác điểm tối đa \(max.vietnamese)",
            at: field.location,
            notes: ["văn bản có thể chỉ liệt kê một phần tiêu chí con; nếu vậy có thể bỏ qua cảnh báo này"])
    }

    // MARK: - Tasks

    mutating func task(
        _ definition: TaskDefinition, anchor: String, reference: String? = nil, context: TaskContext, planLevel: Bool
    ) -> PlanTask? {
        let (lead, leadNames) = Self.namedDepartments(
            definition.lead, directory: directory, context: context, values: &values)
        let (cooperating, cooperatingNames) = Self.namedDepartments(
            definition.cooperating, directory: directory, context: context, values: &values)
        let (monitoring, monitoringNames) = Self.namedDepartments(
            definition.monitoring, directory: directory, context: context, values: &values)
        if definition.lead.isEmpty, definition.cooperating.isEmpty, definition.monitoring.isEmpty {
            values.bag.error(
                .taskWithoutDepartment,
                "nhiệm vụ chưa giao cho đơn vị nào; ghi ít nhất một đơn vị ở 'lead', 'cooperating' hoặc 'monitoring'",
                at: definition.location)
        }
        if let index = definition.index { _ = values.index(index) }
        var timeFrame: TimeFrame?
        if let field = definition.time {
            let parsed = TimeFrame(parsing: field.value)
            timeFrame = parsed
            checkDeadline(parsed, field: field, context: context)
        }
        return PlanTask(
            anchor: anchor, code: definition.code?.value, text: definition.text?.value, note: definition.note?.value,
            lead: lead, cooperating: cooperating, monitoring: monitoring, timeFrame: timeFrame, reference: reference,
            writtenNames: [.lead: leadNames, .cooperating: cooperatingNames, .monitoring: monitoringNames],
            asPrinted: definition.asPrinted?.value)
    }

    private mutating func checkDeadline(_ timeFrame: TimeFrame, field: Located<String>, context: TaskContext) {
        // Every date written in the time, wherever it stands ("trước ngày 31/02/2025" is not
        // a task without a deadline, it is a mistake).
        var invalid = false
        for written in CalendarDate.datesWritten(in: field.value) {
            guard let problem = ValueParser.problem(with: written.reading, written: written.text) else { continue }
            invalid = true
            values.bag.error(
                .malformedDate, "thời hạn '\(field.value.prefix(80))': \(problem)", at: field.location)
        }
        if !invalid, timeFrame.kind == .text, field.value.contains("/"), timeFrame.text.contains(where: \.isNumber),
            !timeFrame.text.contains("-")
        {
            values.bag.error(
                .malformedDate,
                "thời hạn '\(field.value)' có ngày không hợp lệ; viết ví dụ 'trước ngày 20/6/2023'", at: field.location)
        }
        // The same rule that carries the anomaly into the model for readers (`SourceAnomaly`).
        guard let year = context.year, !SourceAnomaly.of(timeFrame, planYear: year).isEmpty,
            let deadline = timeFrame.deadline
        else { return }
        values.bag.warning(
            .deadlineOutsidePlanYear,
            "thời hạn \(deadline) không thuộc năm \(year) của kế hoạch; kiểm tra lại năm (có thể viết nhầm)",
            at: field.location)
    }

    /// Static, not a method: a method reading `self` while `self.values` is passed `inout`
    /// makes Swift copy `self`, and with it a second reference to the diagnostics, so every
    /// diagnostic added copied all the earlier ones (quadratic in their number).
    private static func departments(
        _ names: [Located<String>], directory: DepartmentDirectory, context: TaskContext, values: inout ValueParser
    ) -> [DepartmentID] {
        namedDepartments(names, directory: directory, context: context, values: &values).ids
    }

    /// The ids the names resolve to, each once, with the words the content wrote for each
    /// (static for the same reason as `departments`).
    private static func namedDepartments(
        _ names: [Located<String>], directory: DepartmentDirectory, context: TaskContext, values: inout ValueParser
    ) -> (ids: [DepartmentID], names: [String]) {
        var ids: [DepartmentID] = []
        var written: [String] = []
        for name in names {
            var resolution = directory.resolve(name.value, locality: LocalityID(context.locality), suggest: false)
            if case .unknown = resolution, values.maySuggest(at: name.location) {
                resolution = directory.resolve(name.value, locality: LocalityID(context.locality))
            }
            switch resolution {
            case .found(let id):
                if !ids.contains(id) {
                    ids.append(id)
                    written.append(name.value.collapsingWhitespace)
                }
            case .ambiguous(let candidates):
                values.bag.error(
                    .unknownDepartment,
                    "tên '\(name.value)' ứng với nhiều đơn vị ở các địa phương khác nhau: \(candidates.map(\.rawValue).joined(separator: ", ")); ghi mã đơn vị",
                    at: name.location)
            case .unknown(let suggestions):
                let message = Suggestions.appendingHint(
                    "không có đơn vị '\(name.value)' trong danh mục (Content/departments/)", suggestions)
                values.bag.error(.unknownDepartment, message, at: name.location)
            }
        }
        return (ids, written)
    }
}

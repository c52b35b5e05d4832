import PlansiteDiagnostics
import PlansiteModel
import Yams

/// Turns parsed YAML into definitions. One function per kind of file or block.
struct DefinitionReader {
    let file: String
    let lineOffset: Int
    let report: Reporter

    private func reader(_ node: Node, what: String, known: [String]) -> MappingReader? {
        MappingReader(node, what: what, known: known, file: file, lineOffset: lineOffset, report: report)
    }

    func site(_ node: Node) -> SiteDefinition? {
        typealias K = ContentKey.Site
        guard var r = reader(node, what: "site.yaml", known: K.all) else { return nil }
        defer { r.finish() }
        var definition = SiteDefinition(
            location: r.location, title: r.scalar(K.title, required: true), issuer: r.scalar(K.issuer, required: true),
            locale: r.scalar(K.locale), basePath: r.scalar(K.basePath), baseURL: r.scalar(K.baseURL),
            asOf: r.scalar(K.asOf, required: true), dueSoonDays: r.scalar(K.dueSoonDays),
            reportDay: r.scalar(K.reportDay))
        definition.description = r.scalar(K.descriptionText)
        definition.agency = r.scalar(K.agency)
        definition.agencyParent = r.scalar(K.agencyParent)
        definition.responsiblePerson = r.scalar(K.responsiblePerson)
        definition.responsibleTitle = r.scalar(K.responsibleTitle)
        definition.address = r.scalar(K.address)
        definition.phone = r.scalar(K.phone)
        definition.email = r.scalar(K.email)
        definition.contentLicence = r.scalar(K.contentLicence)
        definition.contentLicenceURL = r.scalar(K.contentLicenceURL)
        definition.dataLicence = r.scalar(K.dataLicence)
        definition.dataLicenceURL = r.scalar(K.dataLicenceURL)
        return definition
    }

    func registry(_ node: Node) -> RegistryDefinition? {
        typealias K = ContentKey.Registry
        typealias L = ContentKey.RegistryLocality
        guard var r = reader(node, what: "tệp danh mục đơn vị", known: K.all) else { return nil }
        defer { r.finish() }
        var id: Located<String>?
        var name: Located<String>?
        if let localityNode = r.node(K.locality, required: true),
            var l = r.reader(for: localityNode, what: "'\(K.locality)'", known: L.all)
        {
            id = l.scalar(L.id, required: true)
            name = l.scalar(L.name, required: true)
            l.finish()
        }
        let departments = r.items(K.departments, required: true).compactMap(department)
        return RegistryDefinition(location: r.location, localityID: id, localityName: name, departments: departments)
    }

    private func department(_ node: Node) -> DepartmentDefinition? {
        typealias K = ContentKey.RegistryEntry
        guard var r = reader(node, what: "một đơn vị", known: K.all) else { return nil }
        defer { r.finish() }
        return DepartmentDefinition(
            location: r.location, id: r.scalar(K.id, required: true), name: r.scalar(K.name, required: true),
            shortName: r.scalar(K.shortName), aliases: r.list(K.aliases), level: r.scalar(K.level, required: true),
            parent: r.scalar(K.parent))
    }

    func planFrontMatter(_ node: Node, slug: Located<String>, body: String) -> PlanDefinition? {
        typealias K = ContentKey.PlanFrontMatter
        typealias S = ContentKey.Signer
        guard var r = reader(node, what: "phần đầu (front matter) của kế hoạch", known: K.all) else {
            return nil
        }
        defer { r.finish() }
        var signer: SignerDefinition?
        if let signerNode = r.node(K.signer), var s = r.reader(for: signerNode, what: "'\(K.signer)'", known: S.all) {
            signer = SignerDefinition(authority: s.list(S.authority), title: s.scalar(S.title), name: s.scalar(S.name))
            s.finish()
        }
        let motto = r.list(K.motto)
        var plan = PlanDefinition(
            location: r.location, slug: slug, kind: r.scalar(K.kind, required: true), number: r.scalar(K.number),
            issuer: r.scalar(K.issuer, required: true), header: r.list(K.header),
            locality: r.scalar(K.locality, required: true), place: r.scalar(K.place, required: true),
            date: r.scalar(K.date, required: true), title: r.scalar(K.title, required: true),
            addressees: r.list(K.addressees), recipients: r.list(K.recipients), signer: signer,
            indices: r.list(K.indices, required: true), year: r.scalar(K.year, required: true),
            results: r.items(K.results).compactMap { result($0, withLocality: false) }, body: body, appendices: [],
            tasks: [])
        plan.motto = motto
        plan.targets = r.items(K.targets).compactMap(target)
        plan.originalField = r.scalar(K.original)
        return plan
    }

    private func target(_ node: Node) -> TargetDefinition? {
        typealias K = ContentKey.Target
        guard var r = reader(node, what: "một mục tiêu", known: K.all) else { return nil }
        defer { r.finish() }
        return TargetDefinition(
            location: r.location, index: r.scalar(K.index, required: true), year: r.scalar(K.year),
            text: r.scalar(K.text, required: true), score: r.scalar(K.score), rank: r.scalar(K.rank))
    }

    func results(_ node: Node) -> [ResultDefinition] {
        typealias K = ContentKey.ResultsFile
        guard var r = reader(node, what: "results.yaml", known: K.all) else { return [] }
        defer { r.finish() }
        return r.items(K.results, required: true).compactMap { result($0, withLocality: true) }
    }

    private func result(_ node: Node, withLocality: Bool) -> ResultDefinition? {
        typealias K = ContentKey.IndexResult
        let keys = withLocality ? K.all : K.withoutLocality
        guard var r = reader(node, what: "một kết quả chỉ số", known: keys) else { return nil }
        defer { r.finish() }
        var result = ResultDefinition(
            location: r.location, locality: withLocality ? r.scalar(K.locality, required: true) : nil,
            index: r.scalar(K.index, required: true), year: r.scalar(K.year, required: true),
            score: r.scalar(K.score), rank: r.scalar(K.rank), outOf: r.scalar(K.outOf),
            group: r.scalar(K.group), change: r.scalar(K.change), source: r.scalar(K.source))
        result.unit = r.scalar(K.unit)
        return result
    }

    func appendix(_ node: Node, number: Int) -> AppendixDefinition? {
        typealias K = ContentKey.Appendix
        typealias C = ContentKey.AppendixColumn
        guard var r = reader(node, what: "phụ lục", known: K.all) else { return nil }
        defer { r.finish() }
        var columns: [String: Located<String>] = [:]
        if let columnsNode = r.node(K.columns),
            var c = r.reader(for: columnsNode, what: "'\(K.columns)'", known: C.all)
        {
            for key in C.allCases { columns[key.rawValue] = c.scalar(key) }
            c.finish()
        }
        return AppendixDefinition(
            location: r.location, number: number, index: r.scalar(K.index, required: true),
            title: r.scalar(K.title, required: true), reference: r.scalar(K.reference), columns: columns,
            criteria: r.items(K.criteria, required: true).compactMap(criterion))
    }

    private func criterion(_ node: Node) -> CriterionDefinition? {
        typealias K = ContentKey.Criterion
        guard var r = reader(node, what: "một dòng tiêu chí", known: K.all) else { return nil }
        defer { r.finish() }
        var criterion = CriterionDefinition(
            location: r.location, code: r.scalar(K.code), title: r.scalar(K.title, required: true),
            max: r.scalar(K.max),
            last: r.scalar(K.last), target: r.scalar(K.target), description: r.scalar(K.descriptionText),
            tasks: r.items(K.tasks).compactMap { task($0, planLevel: false) },
            children: r.items(K.children).compactMap(criterion))
        criterion.asPrinted = r.scalar(K.asPrinted)
        return criterion
    }

    func taskList(_ node: Node) -> [TaskDefinition] {
        typealias K = ContentKey.TasksFile
        guard var r = reader(node, what: "nhiem-vu.yaml", known: K.all) else { return [] }
        defer { r.finish() }
        return r.items(K.tasks, required: true).compactMap { task($0, planLevel: true) }
    }

    private func task(_ node: Node, planLevel: Bool) -> TaskDefinition? {
        typealias K = ContentKey.TaskEntry
        guard var r = reader(node, what: "một nhiệm vụ", known: planLevel ? K.all : K.inAppendix) else { return nil }
        defer { r.finish() }
        var task = TaskDefinition(
            location: r.location, code: planLevel ? r.scalar(K.code) : nil, index: planLevel ? r.scalar(K.index) : nil,
            text: r.scalar(K.text), note: r.scalar(K.note), lead: r.list(K.lead), cooperating: r.list(K.cooperating),
            monitoring: r.list(K.monitoring), time: r.scalar(K.time))
        task.asPrinted = r.scalar(K.asPrinted)
        return task
    }

    func report(_ node: Node) -> ReportDefinition? {
        typealias K = ContentKey.Report
        guard var r = reader(node, what: "báo cáo tiến độ", known: K.all) else { return nil }
        defer { r.finish() }
        return ReportDefinition(
            location: r.location, example: r.scalar(K.example), period: r.scalar(K.period, required: true),
            department: r.scalar(K.department, required: true), date: r.scalar(K.date, required: true),
            document: r.scalar(K.document), entries: r.items(K.tasks, required: true).compactMap(reportEntry))
    }

    private func reportEntry(_ node: Node) -> ReportEntryDefinition? {
        typealias K = ContentKey.ReportEntry
        guard var r = reader(node, what: "một dòng báo cáo", known: K.all) else { return nil }
        defer { r.finish() }
        return ReportEntryDefinition(
            location: r.location, task: r.scalar(K.task, required: true), status: r.scalar(K.status, required: true),
            percent: r.scalar(K.percent), note: r.scalar(K.note), evidence: r.list(K.evidence))
    }
}

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
        definition.description = r.scalar(K.description)
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
        guard var r = reader(node, what: "tệp danh mục đơn vị", known: K.all) else { return nil }
        defer { r.finish() }
        var id: Located<String>?
        var name: Located<String>?
        if let localityNode = r.node(K.locality, required: true),
            var l = r.reader(for: localityNode, what: "'\(K.locality)'", known: K.localityKeys)
        {
            id = l.scalar(K.localityID, required: true)
            name = l.scalar(K.localityName, required: true)
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

    static let planKeys = [
        "kind", "number", "issuer", "header", "locality", "place", "date", "title", "addressees", "recipients",
        "signer", "indices", "year", "results", "motto", "targets", "original",
    ]

    func planFrontMatter(_ node: Node, slug: Located<String>, body: String) -> PlanDefinition? {
        guard var r = reader(node, what: "phần đầu (front matter) của kế hoạch", known: Self.planKeys) else {
            return nil
        }
        defer { r.finish() }
        var signer: SignerDefinition?
        if let signerNode = r.node("signer"),
            var s = r.reader(for: signerNode, what: "'signer'", known: ["authority", "title", "name"])
        {
            signer = SignerDefinition(authority: s.list("authority"), title: s.scalar("title"), name: s.scalar("name"))
            s.finish()
        }
        let motto = r.list("motto")
        var plan = PlanDefinition(
            location: r.location, slug: slug, kind: r.scalar("kind", required: true), number: r.scalar("number"),
            issuer: r.scalar("issuer", required: true), header: r.list("header"),
            locality: r.scalar("locality", required: true), place: r.scalar("place", required: true),
            date: r.scalar("date", required: true), title: r.scalar("title", required: true),
            addressees: r.list("addressees"), recipients: r.list("recipients"), signer: signer,
            indices: r.list("indices", required: true), year: r.scalar("year", required: true),
            results: r.items("results").compactMap { result($0, withLocality: false) }, body: body, appendices: [],
            tasks: [])
        plan.motto = motto
        plan.targets = r.items("targets").compactMap(target)
        plan.originalField = r.scalar("original")
        return plan
    }

    private func target(_ node: Node) -> TargetDefinition? {
        guard var r = reader(node, what: "một mục tiêu", known: ["index", "year", "text", "score", "rank"]) else {
            return nil
        }
        defer { r.finish() }
        return TargetDefinition(
            location: r.location, index: r.scalar("index", required: true), year: r.scalar("year"),
            text: r.scalar("text", required: true), score: r.scalar("score"), rank: r.scalar("rank"))
    }

    func results(_ node: Node) -> [ResultDefinition] {
        guard var r = reader(node, what: "results.yaml", known: ["results"]) else { return [] }
        defer { r.finish() }
        return r.items("results", required: true).compactMap { result($0, withLocality: true) }
    }

    private func result(_ node: Node, withLocality: Bool) -> ResultDefinition? {
        var keys = ["index", "year", "score", "unit", "rank", "out-of", "group", "change", "source"]
        if withLocality { keys.insert("locality", at: 0) }
        guard var r = reader(node, what: "một kết quả chỉ số", known: keys) else { return nil }
        defer { r.finish() }
        var result = ResultDefinition(
            location: r.location, locality: withLocality ? r.scalar("locality", required: true) : nil,
            index: r.scalar("index", required: true), year: r.scalar("year", required: true),
            score: r.scalar("score"), rank: r.scalar("rank"), outOf: r.scalar("out-of"),
            group: r.scalar("group"), change: r.scalar("change"), source: r.scalar("source"))
        result.unit = r.scalar("unit")
        return result
    }

    static let columnKeys = ["criterion", "max", "last", "target", "task", "lead", "cooperating", "monitoring", "time"]

    func appendix(_ node: Node, number: Int) -> AppendixDefinition? {
        guard
            var r = reader(
                node, what: "phụ lục", known: ["index", "title", "reference", "columns", "criteria"])
        else { return nil }
        defer { r.finish() }
        var columns: [String: Located<String>] = [:]
        if let columnsNode = r.node("columns"),
            var c = r.reader(for: columnsNode, what: "'columns'", known: Self.columnKeys)
        {
            for key in Self.columnKeys { columns[key] = c.scalar(key) }
            c.finish()
        }
        return AppendixDefinition(
            location: r.location, number: number, index: r.scalar("index", required: true),
            title: r.scalar("title", required: true), reference: r.scalar("reference"), columns: columns,
            criteria: r.items("criteria", required: true).compactMap(criterion))
    }

    private func criterion(_ node: Node) -> CriterionDefinition? {
        guard
            var r = reader(
                node, what: "một dòng tiêu chí",
                known: ["code", "title", "max", "last", "target", "description", "tasks", "children", "as-printed"])
        else { return nil }
        defer { r.finish() }
        var criterion = CriterionDefinition(
            location: r.location, code: r.scalar("code"), title: r.scalar("title", required: true),
            max: r.scalar("max"),
            last: r.scalar("last"), target: r.scalar("target"), description: r.scalar("description"),
            tasks: r.items("tasks").compactMap { task($0, planLevel: false) },
            children: r.items("children").compactMap(criterion))
        criterion.asPrinted = r.scalar("as-printed")
        return criterion
    }

    func taskList(_ node: Node) -> [TaskDefinition] {
        guard var r = reader(node, what: "nhiem-vu.yaml", known: ["tasks"]) else { return [] }
        defer { r.finish() }
        return r.items("tasks", required: true).compactMap { task($0, planLevel: true) }
    }

    private func task(_ node: Node, planLevel: Bool) -> TaskDefinition? {
        var keys = ["text", "note", "lead", "cooperating", "monitoring", "time", "as-printed"]
        if planLevel { keys = ["code", "index"] + keys }
        guard var r = reader(node, what: "một nhiệm vụ", known: keys) else { return nil }
        defer { r.finish() }
        var task = TaskDefinition(
            location: r.location, code: planLevel ? r.scalar("code") : nil, index: planLevel ? r.scalar("index") : nil,
            text: r.scalar("text"), note: r.scalar("note"), lead: r.list("lead"), cooperating: r.list("cooperating"),
            monitoring: r.list("monitoring"), time: r.scalar("time"))
        task.asPrinted = r.scalar("as-printed")
        return task
    }

    func report(_ node: Node) -> ReportDefinition? {
        guard
            var r = reader(
                node, what: "báo cáo tiến độ", known: ["example", "period", "department", "date", "document", "tasks"])
        else { return nil }
        defer { r.finish() }
        return ReportDefinition(
            location: r.location, example: r.scalar("example"), period: r.scalar("period", required: true),
            department: r.scalar("department", required: true), date: r.scalar("date", required: true),
            document: r.scalar("document"), entries: r.items("tasks", required: true).compactMap(reportEntry))
    }

    private func reportEntry(_ node: Node) -> ReportEntryDefinition? {
        guard
            var r = reader(
                node, what: "một dòng báo cáo", known: ["task", "status", "percent", "note", "evidence"])
        else { return nil }
        defer { r.finish() }
        return ReportEntryDefinition(
            location: r.location, task: r.scalar("task", required: true), status: r.scalar("status", required: true),
            percent: r.scalar("percent"), note: r.scalar("note"), evidence: r.list("evidence"))
    }
}

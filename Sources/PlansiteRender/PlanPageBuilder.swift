import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap

/// Builds the plan page and the printable appendix pages of one plan.
struct PlanPageBuilder {
    let index: SiteIndex

    func planPage(_ plan: Plan) -> PlanPage {
        let page = SiteMap.plan(plan.slug)
        let root = SiteMap.rootToken
        let results = plan.results.map { index.resultView($0, root: root) }
        let tasks = plan.tasks.map { index.taskView($0, of: plan.slug, root: root) }
        let downloads = SiteMap.downloads(of: plan).map { DownloadLink(label: $0.label, url: root + $0.path) }
        return PlanPage(
            chrome: index.chrome(page: page, current: nil), root: root, title: plan.title,
            document: header(plan, root: root), bodyHTML: index.html(plan.body) ?? "", hasResults: !results.isEmpty,
            results: results, hasTasks: !tasks.isEmpty, tasks: tasks,
            appendices: plan.appendices.map { appendixView($0, of: plan, root: root, page: page, onScreen: true) },
            closing: closing(plan), summaryChart: PageCharts.planSummary(plan),
            hasDownloads: !downloads.isEmpty, downloads: downloads,
            progress: ProgressViewBuilder(index: index).planSection(
                index.progress(of: plan), root: root),
            hasTargets: !plan.targets.isEmpty,
            targets: plan.targets.map {
                TargetView(
                    index: $0.index.acronym, indexURL: root + SiteMap.index($0.index), year: $0.year, text: $0.text)
            },
            original: plan.original.map {
                OriginalView(
                    url: root + SiteMap.original(plan.slug, file: $0.file), size: $0.sizeText, sha256: $0.sha256)
            })
    }

    func printPage(_ appendix: Appendix, of plan: Plan) -> AppendixPrintPage {
        let page = SiteMap.appendix(plan.slug, appendix.number)
        let root = SiteMap.rootToken
        let view = appendixView(appendix, of: plan, root: root, page: page, onScreen: false)
        return AppendixPrintPage(
            chrome: index.chrome(page: page, current: nil), root: root, title: "\(view.heading): \(appendix.title)",
            planURL: root + SiteMap.plan(plan.slug),
            attachedTo: appendix.reference ?? "Kèm theo \(plan.reference) \(plan.date.official) của \(plan.issuer)",
            issuerLines: issuerLines(plan), appendix: view)
    }

    /// The issuer block as printed: the `header` lines, the issuer in capitals when the content
    /// gives none, nothing when the document prints none (`header: false`).
    private func issuerLines(_ plan: Plan) -> [String] {
        guard plan.printsHeader else { return [] }
        return plan.header.isEmpty ? [plan.issuer.uppercased()] : plan.header
    }

    private func header(_ plan: Plan, root: String) -> DocumentHeader {
        DocumentHeader(
            issuerLines: issuerLines(plan), mottoNation: plan.motto.first,
            mottoWords: Array(plan.motto.dropFirst()), number: plan.printedNumber.map { "Số: \($0)" },
            placeAndDate: "\(plan.place), \(plan.date.official)", dateISO: plan.date.iso,
            isLetter: plan.kind == .letter, kindHeading: plan.kind.heading, title: plan.title,
            hasAddressees: !plan.addressees.isEmpty, addressees: plan.addressees,
            indices: plan.indices.map { IndexBadge(acronym: $0.acronym, url: root + SiteMap.index($0)) })
    }

    private func closing(_ plan: Plan) -> DocumentClosing {
        DocumentClosing(
            hasRecipients: !plan.recipients.isEmpty, recipients: plan.recipients,
            signer: plan.signer.map { SignerView(authority: $0.authority, title: $0.title, name: $0.name) })
    }

    /// The appendix table: with its status column on the plan page (`onScreen`), without it on
    /// the printable page. Both come from one rendering of the table.
    func appendixView(_ appendix: Appendix, of plan: Plan, root: String, page: String, onScreen: Bool)
        -> AppendixView
    {
        let heading = plan.appendices.count == 1 && appendix.number == 1 ? "Phụ lục" : "Phụ lục \(appendix.number)"
        let tasks = appendix.tasks
        let labels = appendix.columns
        let columns = ColumnsView(
            criterion: labels.criterion, showMax: appendix.hasPoints, max: labels.max, showLast: appendix.hasLast,
            last: labels.last, showTarget: appendix.hasTarget, target: labels.target,
            showTaskText: tasks.contains { $0.text != nil }, task: labels.task,
            showLead: tasks.contains { !$0.lead.isEmpty }, lead: labels.lead,
            showCooperating: appendix.hasCooperating, cooperating: labels.cooperating,
            showMonitoring: appendix.hasMonitoring, monitoring: labels.monitoring, showTime: appendix.hasTimeFrames,
            time: labels.time, showProgress: !tasks.isEmpty)
        var lines: [TableLine] = []
        for (criterion, depth) in appendix.rows {
            let taskViews = criterion.tasks.map { index.taskView($0, of: plan.slug, root: root) }
            let rowspan = max(1, taskViews.count)
            for line in 0..<rowspan {
                lines.append(
                    TableLine(
                        opensRow: line == 0, rowspan: rowspan, multiline: rowspan > 1, anchor: criterion.anchor,
                        depth: min(depth, 3), isGroup: !criterion.children.isEmpty, code: criterion.code ?? "-",
                        title: criterion.title, descriptionHTML: index.html(criterion.description),
                        max: criterion.max?.vietnamese ?? "", last: criterion.last?.vietnamese ?? "",
                        target: criterion.target?.vietnamese ?? "", asPrinted: criterion.asPrinted,
                        task: line < taskViews.count ? taskViews[line] : nil))
            }
        }
        var view = AppendixView(
            anchor: "phu-luc-\(appendix.number)", heading: heading, title: appendix.title,
            reference: appendix.reference, indexName: "\(appendix.index.acronym) — \(appendix.index.name)",
            printURL: root + SiteMap.appendix(plan.slug, appendix.number), columns: columns, lines: lines,
            chart: PageCharts.criteria(appendix, heading: heading), tableHTML: Fragment(cached: ""))
        let table = view
        let shared = index.fragments.fragment("\(plan.slug)#\(appendix.number)", uses: 2) {
            [templates = index.templates] in
            templates.render(table, template: .criteriaTable)
        }
        view.tableHTML = Fragment { ScreenOnly.select(shared.description, onScreen: onScreen) }
        return view
    }
}

import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// Builds the plan page and the printable appendix pages of one plan.
struct PlanPageBuilder {
    let index: SiteIndex

    /// The ids of the plan page's own sections (the templates write the same ids).
    enum Anchor {
        static let summary = "tom-tat"
        static let contents = "muc-luc"
        static let tasks = "nhiem-vu"
        static let results = "ket-qua"
        static let targets = "muc-tieu"
        static let original = "van-ban-goc"
        static let progress = "tien-do"
        static let downloads = "tai-du-lieu"
        static let overview = "tong-quan"
        static var all: Set<String> {
            [
                summary, contents, tasks, results, targets, original, progress, downloads, overview, "qua-han",
                "tong-hop-tien-do",
            ]
        }
    }

    /// How many lead departments the summary names before "và N đơn vị khác".
    static let leadsNamed = 3

    func planPage(_ plan: Plan) -> PlanPage {
        let page = SiteMap.plan(plan.slug)
        let root = SiteMap.rootToken
        let results = plan.results.map { index.resultView($0, root: root) }
        let tasks = plan.tasks.map { index.taskView($0, of: plan.slug, root: root) }
        let downloads = SiteMap.downloads(of: plan).map { DownloadLink(label: $0.label, url: root + $0.path) }
        let appendices = plan.appendices.map { appendixView($0, of: plan, root: root, page: page, onScreen: true) }
        let original = plan.original.map {
            OriginalView(url: root + SiteMap.original(plan.slug, file: $0.file), size: $0.sizeText, sha256: $0.sha256)
        }
        let progress = ProgressViewBuilder(index: index).planSection(index.progress(of: plan), root: root)
        let summaryChart = PageCharts.planSummary(plan)
        let taken = Anchor.all.union(appendices.map(\.anchor)).union(plan.allTasks.map(\.anchor))
            .union(plan.appendices.flatMap { $0.rows.map(\.criterion.anchor) })
        let body = DocumentHeadings.anchored(index.html(plan.body) ?? "", taken: taken)
        let topLevel = body.headings.map(\.level).min() ?? 1
        var contents = body.headings.map {
            ContentsEntry(label: $0.text, url: "#" + $0.anchor, depth: min($0.level - topLevel, 2))
        }
        if !tasks.isEmpty {
            contents.append(ContentsEntry(label: "Nhiệm vụ được giao trong văn bản", url: "#" + Anchor.tasks, depth: 0))
        }
        contents += appendices.map {
            ContentsEntry(label: "\($0.heading): \($0.title)", url: "#" + $0.anchor, depth: 0)
        }
        if !results.isEmpty {
            contents.append(
                ContentsEntry(label: "Kết quả chỉ số được nêu trong văn bản", url: "#" + Anchor.results, depth: 0))
        }
        if !plan.targets.isEmpty {
            contents.append(ContentsEntry(label: "Mục tiêu chỉ số của văn bản", url: "#" + Anchor.targets, depth: 0))
        }
        if progress != nil {
            contents.append(ContentsEntry(label: "Tình hình thực hiện", url: "#" + Anchor.progress, depth: 0))
        }
        if summaryChart != nil {
            contents.append(ContentsEntry(label: "Tổng quan nhiệm vụ", url: "#" + Anchor.overview, depth: 0))
        }
        if !downloads.isEmpty {
            contents.append(ContentsEntry(label: "Tải dữ liệu", url: "#" + Anchor.downloads, depth: 0))
        }
        if original != nil {
            contents.append(ContentsEntry(label: "Văn bản gốc", url: "#" + Anchor.original, depth: 0))
        }
        return PlanPage(
            chrome: index.chrome(page: page, current: nil), root: root, title: plan.title,
            document: header(plan, root: root), bodyHTML: body.html, hasResults: !results.isEmpty,
            results: results, hasTasks: !tasks.isEmpty, tasks: tasks,
            appendices: appendices, closing: closing(plan), summaryChart: summaryChart,
            hasDownloads: !downloads.isEmpty, downloads: downloads, progress: progress,
            hasTargets: !plan.targets.isEmpty,
            targets: plan.targets.map {
                TargetView(
                    index: $0.index.acronym, indexURL: root + SiteMap.index($0.index), year: $0.year, text: $0.text)
            },
            original: original, breadcrumbs: trail(plan, root: root), breadcrumbCurrent: plan.reference,
            summary: summary(
                plan, appendices: appendices, hasDownloads: !downloads.isEmpty, original: original, root: root),
            contents: contents)
    }

    /// Trang chủ › the plan's (first) index: the way a reader came, before the plan itself.
    private func trail(_ plan: Plan, root: String) -> [BreadcrumbLink] {
        var links = [BreadcrumbLink(label: "Trang chủ", url: root + SiteMap.home)]
        if let first = plan.indices.first {
            links.append(BreadcrumbLink(label: first.acronym, url: root + SiteMap.index(first)))
        }
        return links
    }

    /// The summary's figures, all from the plan's assessment.
    private func summary(
        _ plan: Plan, appendices: [AppendixView], hasDownloads: Bool, original: OriginalView?, root: String
    ) -> PlanSummaryView {
        let figures = index.assessment(of: plan)
        let leadCounts = figures.roles.filter { $0.value.lead > 0 }.compactMap { id, counts in
            index.departments[id].map { (id: id, name: $0.displayName, count: counts.lead) }
        }
        let ordered = leadCounts.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            let (a, b) = (VietnameseCollation.key($0.name), VietnameseCollation.key($1.name))
            return a != b ? a < b : $0.id < $1.id
        }
        let named = ordered.prefix(Self.leadsNamed).map {
            LeadCount(name: $0.name, url: root + SiteMap.department($0.id), count: VietnameseNumber.format($0.count))
        }
        let others = ordered.count - named.count
        var tasksURL = "#" + Anchor.tasks
        if plan.tasks.isEmpty, let first = appendices.first { tasksURL = "#" + first.anchor }
        return PlanSummaryView(
            issuer: plan.issuer,
            number: plan.printedNumber.map { plan.numberIsBlank ? "\($0) \(Plan.blankNumberNote)" : $0 },
            date: figures.date.short, dateISO: figures.date.iso,
            indices: figures.indices.map { IndexBadge(acronym: $0.acronym, url: root + SiteMap.index($0)) },
            taskCount: "\(VietnameseNumber.format(figures.taskCount)) nhiệm vụ", hasTasks: figures.taskCount > 0,
            tasksURL: tasksURL, hasLeads: !named.isEmpty, leads: named,
            moreLeads: others > 0 ? "và \(VietnameseNumber.format(others)) đơn vị khác" : nil,
            hasTimeFrames: figures.taskCount > 0, timeFrames: Self.timeFrames(figures),
            progress: figures.progress.line, progressURL: "#" + Anchor.progress,
            hasAppendices: !appendices.isEmpty,
            appendices: appendices.map {
                AppendixLink(label: "\($0.heading): \($0.title)", url: "#" + $0.anchor, printURL: $0.printURL)
            },
            hasDownloads: hasDownloads, downloadsURL: "#" + Anchor.downloads, original: original)
    }

    /// The plan's time frames in words: its dated deadlines as a span, then how many tasks fall
    /// in each other category, in the categories' order.
    static func timeFrames(_ figures: PlanAssessment) -> [String] {
        var lines: [String] = []
        for category in TimeFrame.Category.allCases {
            guard let count = figures.categories[category], count > 0 else { continue }
            let tasks = "\(VietnameseNumber.format(count)) nhiệm vụ"
            if category == .dated, let first = figures.firstDeadline, let last = figures.lastDeadline {
                let span = first == last ? "hạn \(last.description)" : "từ \(first.description) đến \(last.description)"
                lines.append("\(category.label): \(tasks), \(span)")
            } else {
                lines.append("\(category.label): \(tasks)")
            }
        }
        return lines
    }

    func printPage(_ appendix: Appendix, of plan: Plan) -> AppendixPrintPage {
        let page = SiteMap.appendix(plan.slug, appendix.number)
        let root = SiteMap.rootToken
        let view = appendixView(appendix, of: plan, root: root, page: page, onScreen: false)
        return AppendixPrintPage(
            chrome: index.chrome(page: page, current: nil), root: root, title: "\(view.heading): \(appendix.title)",
            attachedTo: appendix.reference ?? "Kèm theo \(plan.reference) \(plan.date.official) của \(plan.issuer)",
            issuerLines: issuerLines(plan), appendix: view,
            documentNumber: plan.documentNumber ?? plan.kind.capitalised,
            breadcrumbs: trail(plan, root: root)
                + [BreadcrumbLink(label: plan.reference, url: root + SiteMap.plan(plan.slug))])
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
    /// the printable page. Both come from one rendering of the table; its lines and the chart
    /// are made only when a template reads them (the table's rendering, the plan page's chart).
    func appendixView(_ appendix: Appendix, of plan: Plan, root: String, page: String, onScreen: Bool)
        -> AppendixView
    {
        let heading = plan.appendices.count == 1 && appendix.number == 1 ? "Phụ lục" : "Phụ lục \(appendix.number)"
        var view = AppendixView(
            anchor: "phu-luc-\(appendix.number)", heading: heading, title: appendix.title,
            reference: appendix.reference, indexName: "\(appendix.index.acronym) — \(appendix.index.name)",
            printURL: root + SiteMap.appendix(plan.slug, appendix.number), columns: Lazy { Self.columns(appendix) },
            lines: Lazy { [index] in Self.lines(appendix, of: plan, root: root, index: index) },
            chart: Lazy { PageCharts.criteria(appendix, heading: heading) }, tableHTML: Fragment(cached: ""))
        let tableView = view
        let shared = index.fragments.fragment("\(plan.slug)#\(appendix.number)", uses: 2) {
            [templates = index.templates] in
            templates.render(tableView, template: .criteriaTable)
        }
        view.tableHTML = Fragment { ScreenOnly.select(shared.description, onScreen: onScreen) }
        return view
    }

    /// Which columns the table has.
    private static func columns(_ appendix: Appendix) -> ColumnsView {
        let tasks = appendix.tasks
        let labels = appendix.columns
        return ColumnsView(
            showCode: appendix.rows.contains { $0.criterion.code != nil }, criterion: labels.criterion,
            showMax: appendix.hasPoints, max: labels.max, showLast: appendix.hasLast,
            last: labels.last, showTarget: appendix.hasTarget, target: labels.target,
            showTaskText: tasks.contains { $0.text != nil }, task: labels.task,
            showLead: tasks.contains { !$0.lead.isEmpty }, lead: labels.lead,
            showCooperating: appendix.hasCooperating, cooperating: labels.cooperating,
            showMonitoring: appendix.hasMonitoring, monitoring: labels.monitoring, showTime: appendix.hasTimeFrames,
            time: labels.time, showProgress: !tasks.isEmpty)
    }

    /// The table's lines, with each task's view.
    private static func lines(_ appendix: Appendix, of plan: Plan, root: String, index: SiteIndex) -> [TableLine] {
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
        return lines
    }
}

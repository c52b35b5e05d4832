// The template contract of the view models in PlanPage.swift: one table per model (see
// TemplateModel.swift). A template that uses a key not declared here is an error when the
// templates are loaded (`unknown-template-key`).

extension PlanPage: TemplateModel {
    static let displayName = "trang kế hoạch"
    static let fields = FieldTable<PlanPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "document": .section({ $0.document }),
        "bodyHTML": .html({ $0.bodyHTML }),
        "hasResults": .flag({ $0.hasResults }),
        "results": .list({ $0.results }),
        "hasTasks": .flag({ $0.hasTasks }),
        "tasks": .list({ $0.tasks }),
        "appendices": .list({ $0.appendices }),
        "closing": .section({ $0.closing }),
        "summaryChart": .section({ $0.summaryChart }, whenNil: .absent),
        "hasDownloads": .flag({ $0.hasDownloads }),
        "downloads": .list({ $0.downloads }),
        "progress": .section({ $0.progress }, whenNil: .absent),
        "hasTargets": .flag({ $0.hasTargets }),
        "targets": .list({ $0.targets }),
        "original": .section({ $0.original }, whenNil: .absent),
        "breadcrumbs": .list({ $0.breadcrumbs }),
        "breadcrumbCurrent": .text({ $0.breadcrumbCurrent }),
        "summary": .section({ $0.summary }),
        "contents": .list({ $0.contents }),
    ])
}

extension BreadcrumbLink: TemplateModel {
    static let displayName = "đường dẫn"
    static let fields = FieldTable<BreadcrumbLink>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }),
    ])
}

extension ContentsEntry: TemplateModel {
    static let displayName = "mục lục"
    static let fields = FieldTable<ContentsEntry>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }),
        "depth": .text({ $0.depth }),
    ])
}

extension PlanSummaryView: TemplateModel {
    static let displayName = "tóm tắt kế hoạch"
    static let fields = FieldTable<PlanSummaryView>([
        "issuer": .text({ $0.issuer }),
        "number": .text({ $0.number }, whenNil: .absent),
        "date": .text({ $0.date }),
        "dateISO": .text({ $0.dateISO }),
        "indices": .list({ $0.indices }),
        "taskCount": .text({ $0.taskCount }),
        "hasTasks": .flag({ $0.hasTasks }),
        "tasksURL": .text({ $0.tasksURL }),
        "hasLeads": .flag({ $0.hasLeads }),
        "leads": .list({ $0.leads }),
        "moreLeads": .text({ $0.moreLeads }, whenNil: .absent),
        "hasTimeFrames": .flag({ $0.hasTimeFrames }),
        "timeFrames": .list({ $0.timeFrames }),
        "progress": .text({ $0.progress }, whenNil: .absent),
        "progressURL": .text({ $0.progressURL }),
        "hasAppendices": .flag({ $0.hasAppendices }),
        "appendices": .list({ $0.appendices }),
        "hasDownloads": .flag({ $0.hasDownloads }),
        "downloadsURL": .text({ $0.downloadsURL }),
        "original": .section({ $0.original }, whenNil: .absent),
    ])
}

extension LeadCount: TemplateModel {
    static let displayName = "đơn vị chủ trì"
    static let fields = FieldTable<LeadCount>([
        "name": .text({ $0.name }),
        "url": .text({ $0.url }),
        "count": .text({ $0.count }),
    ])
}

extension AppendixLink: TemplateModel {
    static let displayName = "liên kết phụ lục"
    static let fields = FieldTable<AppendixLink>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }),
        "printURL": .text({ $0.printURL }),
    ])
}

extension DocumentHeader: TemplateModel {
    static let displayName = "phần đầu văn bản"
    static let fields = FieldTable<DocumentHeader>([
        "issuerLines": .list({ $0.issuerLines }),
        "mottoNation": .text({ $0.mottoNation }, whenNil: .absent),
        "mottoWords": .list({ $0.mottoWords }),
        "number": .text({ $0.number }, whenNil: .absent),
        "placeAndDate": .text({ $0.placeAndDate }),
        "dateISO": .text({ $0.dateISO }),
        "isLetter": .flag({ $0.isLetter }),
        "kindHeading": .text({ $0.kindHeading }),
        "title": .text({ $0.title }),
        "hasAddressees": .flag({ $0.hasAddressees }),
        "addressees": .list({ $0.addressees }),
        "indices": .list({ $0.indices }),
    ])
}

extension IndexBadge: TemplateModel {
    static let displayName = "nhãn chỉ số"
    static let fields = FieldTable<IndexBadge>([
        "acronym": .text({ $0.acronym }),
        "url": .text({ $0.url }),
    ])
}

extension DocumentClosing: TemplateModel {
    static let displayName = "phần cuối văn bản"
    static let fields = FieldTable<DocumentClosing>([
        "hasRecipients": .flag({ $0.hasRecipients }),
        "recipients": .list({ $0.recipients }),
        "signer": .section({ $0.signer }, whenNil: .absent),
    ])
}

extension SignerView: TemplateModel {
    static let displayName = "người ký"
    static let fields = FieldTable<SignerView>([
        "authority": .list({ $0.authority }),
        "title": .text({ $0.title }, whenNil: .absent),
        "name": .text({ $0.name }, whenNil: .absent),
    ])
}

extension AppendixView: TemplateModel {
    static let displayName = "phụ lục"
    static let fields = FieldTable<AppendixView>([
        "anchor": .text({ $0.anchor }),
        "heading": .text({ $0.heading }),
        "title": .text({ $0.title }),
        "reference": .text({ $0.reference }, whenNil: .absent),
        "indexName": .text({ $0.indexName }),
        "printURL": .text({ $0.printURL }),
        "columns": .section({ $0.columns.value }),
        "lines": .list({ $0.lines.value }),
        "chart": .section({ $0.chart.value }, whenNil: .absent),
        "tableHTML": .html({ $0.tableHTML }),
    ])
}

extension ColumnsView: TemplateModel {
    static let displayName = "các cột của bảng phụ lục"
    static let fields = FieldTable<ColumnsView>([
        "showCode": .flag({ $0.showCode }),
        "criterion": .text({ $0.criterion }),
        "showMax": .flag({ $0.showMax }),
        "max": .text({ $0.max }),
        "showLast": .flag({ $0.showLast }),
        "last": .text({ $0.last }),
        "showTarget": .flag({ $0.showTarget }),
        "target": .text({ $0.target }),
        "showTaskText": .flag({ $0.showTaskText }),
        "task": .text({ $0.task }),
        "showLead": .flag({ $0.showLead }),
        "lead": .text({ $0.lead }),
        "showCooperating": .flag({ $0.showCooperating }),
        "cooperating": .text({ $0.cooperating }),
        "showMonitoring": .flag({ $0.showMonitoring }),
        "monitoring": .text({ $0.monitoring }),
        "showTime": .flag({ $0.showTime }),
        "time": .text({ $0.time }),
        "showProgress": .flag({ $0.showProgress }),
    ])
}

extension TableLine: TemplateModel {
    static let displayName = "dòng của bảng phụ lục"
    static let fields = FieldTable<TableLine>([
        "opensRow": .flag({ $0.opensRow }),
        "rowspan": .text({ $0.rowspan }),
        "multiline": .flag({ $0.multiline }),
        "anchor": .text({ $0.anchor }),
        "depth": .text({ $0.depth }),
        "isGroup": .flag({ $0.isGroup }),
        "code": .text({ $0.code }),
        "title": .text({ $0.title }),
        "descriptionHTML": .html({ $0.descriptionHTML }, whenNil: .absent),
        "asPrinted": .text({ $0.asPrinted }, whenNil: .absent),
        "max": .text({ $0.max }),
        "last": .text({ $0.last }),
        "target": .text({ $0.target }),
        "task": .section({ $0.task }, whenNil: .absent),
    ])
}

extension TargetView: TemplateModel {
    static let displayName = "mục tiêu chỉ số"
    static let fields = FieldTable<TargetView>([
        "index": .text({ $0.index }),
        "indexURL": .text({ $0.indexURL }),
        "year": .text({ $0.year }),
        "text": .text({ $0.text }),
    ])
}

extension OriginalView: TemplateModel {
    static let displayName = "văn bản gốc"
    static let fields = FieldTable<OriginalView>([
        "url": .text({ $0.url }),
        "size": .text({ $0.size }),
        "sha256": .text({ $0.sha256 }),
    ])
}

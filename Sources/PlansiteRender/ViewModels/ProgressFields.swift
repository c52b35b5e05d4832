// The template contract of the view models in ProgressViews.swift: one table per model (see
// TemplateModel.swift). A template that uses a key not declared here is an error when the
// templates are loaded (`unknown-template-key`).

extension TaskProgressView: TemplateModel {
    static let displayName = "tình hình thực hiện nhiệm vụ"
    static let fields = FieldTable<TaskProgressView>([
        "reference": .text({ $0.reference }),
        "status": .text({ $0.status }),
        "statusSlug": .text({ $0.statusSlug }),
        "dueText": .text({ $0.dueText }, whenNil: .absent),
        "percent": .text({ $0.percent }, whenNil: .absent),
        "hasReports": .flag({ $0.hasReports }),
        "reportCount": .text({ $0.reportCount }),
        "reports": .list({ $0.reports }),
        "latest": .section({ $0.latest }, whenNil: .absent),
    ])
}

extension ReportView: TemplateModel {
    static let displayName = "báo cáo"
    static let fields = FieldTable<ReportView>([
        "period": .text({ $0.period }),
        "department": .section({ $0.department }),
        "date": .text({ $0.date }),
        "dateISO": .text({ $0.dateISO }),
        "document": .text({ $0.document }, whenNil: .absent),
        "status": .text({ $0.status }),
        "statusSlug": .text({ $0.statusSlug }),
        "percent": .text({ $0.percent }, whenNil: .absent),
        "noteHTML": .html({ $0.noteHTML }, whenNil: .absent),
        "hasEvidence": .flag({ $0.hasEvidence }),
        "evidence": .list({ $0.evidence }),
        "isExample": .flag({ $0.isExample }),
    ])
}

extension EvidenceView: TemplateModel {
    static let displayName = "minh chứng"
    static let fields = FieldTable<EvidenceView>([
        "text": .text({ $0.text }),
        "url": .text({ $0.url }, whenNil: .absent),
    ])
}

extension ProgressTable: TemplateModel {
    static let displayName = "bảng tình hình thực hiện"
    static let fields = FieldTable<ProgressTable>([
        "caption": .text({ $0.caption }),
        "rowHeading": .text({ $0.rowHeading }),
        "statuses": .list({ $0.statuses }),
        "rows": .list({ $0.rows }),
    ])
}

extension StatusHeading: TemplateModel {
    static let displayName = "cột trạng thái"
    static let fields = FieldTable<StatusHeading>([
        "label": .text({ $0.label }),
        "slug": .text({ $0.slug }),
    ])
}

extension ProgressRow: TemplateModel {
    static let displayName = "dòng bảng tình hình thực hiện"
    static let fields = FieldTable<ProgressRow>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }, whenNil: .absent),
        "isTotal": .flag({ $0.isTotal }),
        "counts": .list({ $0.counts }),
        "total": .text({ $0.total }),
        "percentFinished": .text({ $0.percentFinished }),
    ])
}

extension OverdueView: TemplateModel {
    static let displayName = "nhiệm vụ quá hạn"
    static let fields = FieldTable<OverdueView>([
        "text": .text({ $0.text }),
        "url": .text({ $0.url }),
        "reference": .text({ $0.reference }),
        "dueText": .text({ $0.dueText }, whenNil: .absent),
        "plan": .text({ $0.plan }, whenNil: .absent),
        "role": .text({ $0.role }, whenNil: .absent),
    ])
}

extension ProgressSection: TemplateModel {
    static let displayName = "phần tình hình thực hiện"
    static let fields = FieldTable<ProgressSection>([
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "reportDay": .text({ $0.reportDay }),
        "hasExamples": .flag({ $0.hasExamples }),
        "isReported": .flag({ $0.isReported }),
        "table": .section({ $0.table }),
        "showsOverdue": .flag({ $0.showsOverdue }),
        "hasOverdue": .flag({ $0.hasOverdue }),
        "overdueCount": .text({ $0.overdueCount }),
        "overdue": .list({ $0.overdue }),
        "chart": .section({ $0.chart }, whenNil: .absent),
    ])
}

extension OverduePlanView: TemplateModel {
    static let displayName = "kế hoạch có nhiệm vụ quá hạn"
    static let fields = FieldTable<OverduePlanView>([
        "title": .text({ $0.title }),
        "url": .text({ $0.url }),
        "reference": .text({ $0.reference }),
        "overdueCount": .text({ $0.overdueCount }),
        "hasItems": .flag({ $0.hasItems }),
        "items": .list({ $0.items }),
        "hasMore": .flag({ $0.hasMore }),
        "moreCount": .text({ $0.moreCount }),
    ])
}

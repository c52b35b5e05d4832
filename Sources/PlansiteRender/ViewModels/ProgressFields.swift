import Mustache

// Field look-ups of the progress views (see TemplateFields.swift for why they are written out).

extension TaskProgressView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "reference": self.reference
        case "status": self.status
        case "statusSlug": self.statusSlug
        case "dueText": self.dueText.map { $0 as Any }
        case "percent": self.percent.map { $0 as Any }
        case "hasReports": self.hasReports
        case "reportCount": self.reportCount
        case "reports": self.reports
        case "latest": self.latest.map { $0 as Any }
        default: nil
        }
    }
}

extension ReportView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "period": self.period
        case "department": self.department
        case "date": self.date
        case "dateISO": self.dateISO
        case "document": self.document.map { $0 as Any }
        case "status": self.status
        case "statusSlug": self.statusSlug
        case "percent": self.percent.map { $0 as Any }
        case "noteHTML": self.noteHTML.map { $0 as Any }
        case "hasEvidence": self.hasEvidence
        case "evidence": self.evidence
        case "isExample": self.isExample
        default: nil
        }
    }
}

extension EvidenceView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": self.text
        case "url": self.url.map { $0 as Any }
        default: nil
        }
    }
}

extension ProgressTable: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "caption": self.caption
        case "rowHeading": self.rowHeading
        case "statuses": self.statuses
        case "rows": self.rows
        default: nil
        }
    }
}

extension StatusHeading: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "slug": self.slug
        default: nil
        }
    }
}

extension ProgressRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "url": self.url.map { $0 as Any }
        case "isTotal": self.isTotal
        case "counts": self.counts
        case "total": self.total
        case "percentFinished": self.percentFinished
        default: nil
        }
    }
}

extension OverdueView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "text": self.text
        case "url": self.url
        case "reference": self.reference
        case "dueText": self.dueText.map { $0 as Any }
        case "plan": self.plan.map { $0 as Any }
        case "role": self.role.map { $0 as Any }
        default: nil
        }
    }
}

extension ProgressSection: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "asOf": self.asOf
        case "asOfISO": self.asOfISO
        case "reportDay": self.reportDay
        case "hasExamples": self.hasExamples
        case "isReported": self.isReported
        case "table": self.table
        case "hasOverdue": self.hasOverdue
        case "overdueCount": self.overdueCount
        case "overdue": self.overdue
        case "chart": self.chart.map { $0 as Any }
        default: nil
        }
    }
}

extension OverduePlanView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "url": self.url
        case "reference": self.reference
        case "overdueCount": self.overdueCount
        case "hasItems": self.hasItems
        case "items": self.items
        case "hasMore": self.hasMore
        case "moreCount": self.moreCount
        default: nil
        }
    }
}

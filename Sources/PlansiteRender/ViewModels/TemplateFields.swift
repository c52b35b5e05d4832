import Mustache

// Mustache looks values up by name. Without these lookups swift-mustache reflects every
// model with Mirror on every access, which profiling showed to be three quarters of a build.
// A field missing here renders as empty text; the golden page tests catch that.

extension Chrome: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "siteTitle": self.siteTitle
        case "issuer": self.issuer
        case "asOf": self.asOf
        case "asOfISO": self.asOfISO
        case "nav": self.nav
        case "stylesheet": self.stylesheet
        case "homeURL": self.homeURL
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "url": self.url
        case "current": self.current
        default: nil
        }
    }
}

extension DepartmentLink: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "fullName": self.fullName
        case "url": self.url
        case "isRole": self.isRole
        default: nil
        }
    }
}

extension TaskView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "anchor": self.anchor
        case "code": self.code.orAbsent
        case "textHTML": self.textHTML.orAbsent
        case "note": self.note.orAbsent
        case "lead": self.lead
        case "cooperating": self.cooperating
        case "monitoring": self.monitoring
        case "hasCooperating": self.hasCooperating
        case "hasMonitoring": self.hasMonitoring
        case "timeFrame": self.timeFrame.orAbsent
        case "deadlineISO": self.deadlineISO.orAbsent
        case "asPrinted": self.asPrinted.orAbsent
        case "rolesHTML": self.rolesHTML.description
        case "progressHTML": self.progressHTML.description
        default: nil
        }
    }
}

extension ResultView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "index": self.index
        case "indexURL": self.indexURL
        case "locality": self.locality
        case "year": self.year
        case "score": self.score
        case "unit": self.unit
        case "scoreText": self.scoreText
        case "rank": self.rank.orAbsent
        case "group": self.group.orAbsent
        case "change": self.change.orAbsent
        case "source": self.source.orAbsent
        default: nil
        }
    }
}

extension PlanListItem: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "url": self.url
        case "reference": self.reference
        case "issuer": self.issuer
        case "date": self.date
        case "dateISO": self.dateISO
        case "indices": self.indices
        case "taskCount": self.taskCount
        case "hasTasks": self.hasTasks
        case "progress": self.progress.map { $0 as Any }
        case "progressURL": self.progressURL
        default: nil
        }
    }
}

extension ChartView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "svg": self.svg
        case "caption": self.caption
        case "headers": self.headers
        case "rows": self.rows
        default: nil
        }
    }
}

extension ChartRow: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "header": self.header
        case "cells": self.cells
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        case "intro": self.intro
        case "years": self.years
        case "hasHeadlines": self.hasHeadlines
        case "headlines": self.headlines
        case "historyCharts": self.historyCharts
        case "indexLinks": self.indexLinks
        case "directory": self.directory
        case "planCount": self.planCount
        case "departmentCount": self.departmentCount
        case "taskCount": self.taskCount
        case "asOf": self.asOf
        case "asOfISO": self.asOfISO
        case "hasOverdue": self.hasOverdue
        case "overdueTaskCount": self.overdueTaskCount
        case "overdueUnreportedCount": self.overdueUnreportedCount
        case "hasOverdueUnreported": self.hasOverdueUnreported
        case "overduePlans": self.overduePlans
        default: nil
        }
    }
}

extension YearGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "year": self.year
        case "plans": self.plans
        default: nil
        }
    }
}

extension AppendixPrintPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        case "planURL": self.planURL
        case "attachedTo": self.attachedTo
        case "issuerLines": self.issuerLines
        case "appendix": self.appendix
        default: nil
        }
    }
}

extension DepartmentPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        case "name": self.name
        case "fullName": self.fullName
        case "level": self.level
        case "isRole": self.isRole
        case "locality": self.locality
        case "aliases": self.aliases.orAbsent
        case "parent": self.parent.orAbsent
        case "taskCount": self.taskCount
        case "counts": self.counts
        case "hasDeadlines": self.hasDeadlines
        case "deadlines": self.deadlines
        case "plans": self.plans
        case "workloadChart": self.workloadChart.orAbsent
        case "calendarURL": self.calendarURL.orAbsent
        case "tasksWorkbookURL": self.tasksWorkbookURL.orAbsent
        case "progress": self.progress.orAbsent
        default: nil
        }
    }
}

extension RoleCount: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "count": self.count
        default: nil
        }
    }
}

extension DeadlineView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "date": self.date
        case "dateISO": self.dateISO
        case "isPast": self.isPast
        case "text": self.text
        case "url": self.url
        case "plan": self.plan
        default: nil
        }
    }
}

extension DepartmentPlanGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": self.title
        case "reference": self.reference
        case "url": self.url
        case "year": self.year
        case "roles": self.roles
        default: nil
        }
    }
}

extension RoleGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "tasks": self.tasks
        default: nil
        }
    }
}

extension DepartmentTaskView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "url": self.url
        case "criterion": self.criterion.orAbsent
        case "task": self.task
        case "summary": self.summary
        default: nil
        }
    }
}

extension DirectoryPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        case "groups": self.groups
        case "workloadChart": self.workloadChart.orAbsent
        default: nil
        }
    }
}

extension DirectoryGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": self.heading
        case "levels": self.levels
        default: nil
        }
    }
}

extension DirectoryLevel: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": self.heading
        case "departments": self.departments
        default: nil
        }
    }
}

extension DirectoryEntry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": self.name
        case "fullName": self.fullName
        case "url": self.url
        case "lead": self.lead
        case "cooperating": self.cooperating
        case "monitoring": self.monitoring
        case "total": self.total
        default: nil
        }
    }
}

extension IndexPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        case "acronym": self.acronym
        case "name": self.name
        case "summary": self.summary
        case "unit": self.unit
        case "hasPlans": self.hasPlans
        case "plans": self.plans
        case "hasResults": self.hasResults
        case "results": self.results
        case "historyCharts": self.historyCharts
        default: nil
        }
    }
}

extension NotFoundPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        default: nil
        }
    }
}

extension PlanPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        case "document": self.document
        case "bodyHTML": self.bodyHTML
        case "hasResults": self.hasResults
        case "results": self.results
        case "hasTasks": self.hasTasks
        case "tasks": self.tasks
        case "appendices": self.appendices
        case "closing": self.closing
        case "summaryChart": self.summaryChart.orAbsent
        case "hasDownloads": self.hasDownloads
        case "downloads": self.downloads
        case "progress": self.progress.map { $0 as Any }
        case "hasTargets": self.hasTargets
        case "targets": self.targets
        case "original": self.original.orAbsent
        default: nil
        }
    }
}

extension DocumentHeader: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "issuerLines": self.issuerLines
        case "mottoNation": self.mottoNation.orAbsent
        case "mottoWords": self.mottoWords
        case "number": self.number.orAbsent
        case "placeAndDate": self.placeAndDate
        case "dateISO": self.dateISO
        case "isLetter": self.isLetter
        case "kindHeading": self.kindHeading
        case "title": self.title
        case "hasAddressees": self.hasAddressees
        case "addressees": self.addressees
        case "indices": self.indices
        default: nil
        }
    }
}

extension IndexBadge: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "acronym": self.acronym
        case "url": self.url
        default: nil
        }
    }
}

extension DocumentClosing: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "hasRecipients": self.hasRecipients
        case "recipients": self.recipients
        case "signer": self.signer.orAbsent
        default: nil
        }
    }
}

extension SignerView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "authority": self.authority
        case "title": self.title.orAbsent
        case "name": self.name.orAbsent
        default: nil
        }
    }
}

extension AppendixView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "anchor": self.anchor
        case "heading": self.heading
        case "title": self.title
        case "reference": self.reference.orAbsent
        case "indexName": self.indexName
        case "printURL": self.printURL
        case "columns": self.columns
        case "lines": self.lines
        case "chart": self.chart.orAbsent
        case "tableHTML": self.tableHTML.description
        default: nil
        }
    }
}

extension ColumnsView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "criterion": self.criterion
        case "showMax": self.showMax
        case "max": self.max
        case "showLast": self.showLast
        case "last": self.last
        case "showTarget": self.showTarget
        case "target": self.target
        case "showTaskText": self.showTaskText
        case "task": self.task
        case "showLead": self.showLead
        case "lead": self.lead
        case "showCooperating": self.showCooperating
        case "cooperating": self.cooperating
        case "showMonitoring": self.showMonitoring
        case "monitoring": self.monitoring
        case "showTime": self.showTime
        case "time": self.time
        case "showProgress": self.showProgress
        default: nil
        }
    }
}

extension TableLine: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "opensRow": self.opensRow
        case "rowspan": self.rowspan
        case "multiline": self.multiline
        case "anchor": self.anchor
        case "depth": self.depth
        case "isGroup": self.isGroup
        case "code": self.code
        case "title": self.title
        case "descriptionHTML": self.descriptionHTML.orAbsent
        case "asPrinted": self.asPrinted.orAbsent
        case "max": self.max
        case "last": self.last
        case "target": self.target
        case "task": self.task.orAbsent
        default: nil
        }
    }
}

extension SearchPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "chrome": self.chrome
        case "root": self.root
        case "title": self.title
        default: nil
        }
    }
}

extension DownloadLink: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "label": self.label
        case "url": self.url
        default: nil
        }
    }
}

extension TargetView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "index": self.index
        case "indexURL": self.indexURL
        case "year": self.year
        case "text": self.text
        default: nil
        }
    }
}

extension OriginalView: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "url": self.url
        case "size": self.size
        case "sha256": self.sha256
        default: nil
        }
    }
}

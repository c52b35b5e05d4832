// The template contract of the view models in OtherPages.swift: one table per model (see
// TemplateModel.swift). A template that uses a key not declared here is an error when the
// templates are loaded (`unknown-template-key`).

extension HomePage: TemplateModel {
    static let displayName = "trang chủ"
    static let fields = FieldTable<HomePage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "intro": .text({ $0.intro }),
        "years": .list({ $0.years }),
        "hasHeadlines": .flag({ $0.hasHeadlines }),
        "headlines": .list({ $0.headlines }),
        "historyCharts": .list({ $0.historyCharts }),
        "indexLinks": .list({ $0.indexLinks }),
        "directory": .list({ $0.directory }),
        "planCount": .text({ $0.planCount }),
        "departmentCount": .text({ $0.departmentCount }),
        "taskCount": .text({ $0.taskCount }),
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "hasOverdue": .flag({ $0.hasOverdue }),
        "overdueTaskCount": .text({ $0.overdueTaskCount }),
        "overdueUnreportedCount": .text({ $0.overdueUnreportedCount }),
        "hasOverdueUnreported": .flag({ $0.hasOverdueUnreported }),
        "overduePlans": .list({ $0.overduePlans }),
    ])
}

extension YearGroup: TemplateModel {
    static let displayName = "nhóm kế hoạch theo năm"
    static let fields = FieldTable<YearGroup>([
        "year": .text({ $0.year }),
        "plans": .list({ $0.plans }),
    ])
}

extension AppendixPrintPage: TemplateModel {
    static let displayName = "trang in phụ lục"
    static let fields = FieldTable<AppendixPrintPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "planURL": .text({ $0.planURL }),
        "attachedTo": .text({ $0.attachedTo }),
        "issuerLines": .list({ $0.issuerLines }),
        "appendix": .section({ $0.appendix }),
    ])
}

extension DepartmentPage: TemplateModel {
    static let displayName = "trang đơn vị"
    static let fields = FieldTable<DepartmentPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "name": .text({ $0.name }),
        "fullName": .text({ $0.fullName }),
        "level": .text({ $0.level }),
        "isRole": .flag({ $0.isRole }),
        "locality": .text({ $0.locality }),
        "aliases": .text({ $0.aliases }, whenNil: .absent),
        "parent": .section({ $0.parent }, whenNil: .absent),
        "taskCount": .text({ $0.taskCount }),
        "counts": .list({ $0.counts }),
        "hasDeadlines": .flag({ $0.hasDeadlines }),
        "deadlines": .list({ $0.deadlines }),
        "plans": .list({ $0.plans }),
        "workloadChart": .section({ $0.workloadChart }, whenNil: .absent),
        "calendarURL": .text({ $0.calendarURL }, whenNil: .absent),
        "tasksWorkbookURL": .text({ $0.tasksWorkbookURL }, whenNil: .absent),
        "progress": .section({ $0.progress }, whenNil: .absent),
    ])
}

extension RoleCount: TemplateModel {
    static let displayName = "số nhiệm vụ theo vai trò"
    static let fields = FieldTable<RoleCount>([
        "label": .text({ $0.label }),
        "count": .text({ $0.count }),
    ])
}

extension DeadlineView: TemplateModel {
    static let displayName = "thời hạn"
    static let fields = FieldTable<DeadlineView>([
        "date": .text({ $0.date }),
        "dateISO": .text({ $0.dateISO }),
        "isPast": .flag({ $0.isPast }),
        "text": .text({ $0.text }),
        "url": .text({ $0.url }),
        "plan": .text({ $0.plan }),
    ])
}

extension DepartmentPlanGroup: TemplateModel {
    static let displayName = "kế hoạch của đơn vị"
    static let fields = FieldTable<DepartmentPlanGroup>([
        "title": .text({ $0.title }),
        "reference": .text({ $0.reference }),
        "url": .text({ $0.url }),
        "year": .text({ $0.year }),
        "roles": .list({ $0.roles }),
    ])
}

extension RoleGroup: TemplateModel {
    static let displayName = "nhóm nhiệm vụ theo vai trò"
    static let fields = FieldTable<RoleGroup>([
        "label": .text({ $0.label }),
        "tasks": .list({ $0.tasks }),
    ])
}

extension DepartmentTaskView: TemplateModel {
    static let displayName = "nhiệm vụ của đơn vị"
    static let fields = FieldTable<DepartmentTaskView>([
        "url": .text({ $0.url }),
        "criterion": .text({ $0.criterion }, whenNil: .absent),
        "task": .section({ $0.task }),
        "summary": .text({ $0.summary }),
    ])
}

extension DirectoryPage: TemplateModel {
    static let displayName = "trang danh bạ đơn vị"
    static let fields = FieldTable<DirectoryPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "groups": .list({ $0.groups }),
        "workloadChart": .section({ $0.workloadChart }, whenNil: .absent),
    ])
}

extension DirectoryGroup: TemplateModel {
    static let displayName = "nhóm đơn vị theo địa phương"
    static let fields = FieldTable<DirectoryGroup>([
        "heading": .text({ $0.heading }),
        "levels": .list({ $0.levels }),
    ])
}

extension DirectoryLevel: TemplateModel {
    static let displayName = "nhóm đơn vị theo cấp"
    static let fields = FieldTable<DirectoryLevel>([
        "heading": .text({ $0.heading }),
        "departments": .list({ $0.departments }),
    ])
}

extension DirectoryEntry: TemplateModel {
    static let displayName = "đơn vị trong danh bạ"
    static let fields = FieldTable<DirectoryEntry>([
        "name": .text({ $0.name }),
        "fullName": .text({ $0.fullName }),
        "url": .text({ $0.url }),
        "lead": .text({ $0.lead }),
        "cooperating": .text({ $0.cooperating }),
        "monitoring": .text({ $0.monitoring }),
        "total": .text({ $0.total }),
    ])
}

extension NotFoundPage: TemplateModel {
    static let displayName = "trang không tìm thấy (404)"
    static let fields = FieldTable<NotFoundPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
    ])
}

extension SearchPage: TemplateModel {
    static let displayName = "trang tìm kiếm"
    static let fields = FieldTable<SearchPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
    ])
}

extension DownloadLink: TemplateModel {
    static let displayName = "tệp tải về"
    static let fields = FieldTable<DownloadLink>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }),
    ])
}

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
        "attachedTo": .text({ $0.attachedTo }),
        "issuerLines": .list({ $0.issuerLines }),
        "appendix": .section({ $0.appendix }),
        "documentNumber": .text({ $0.documentNumber }),
        "breadcrumbs": .list({ $0.breadcrumbs }),
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
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "due": .list({ $0.due }),
        "plans": .list({ $0.plans }),
        "workloadChart": .section({ $0.workloadChart }, whenNil: .absent),
        "checklistURL": .text({ $0.checklistURL }, whenNil: .absent),
        "tasksWorkbookURL": .text({ $0.tasksWorkbookURL }, whenNil: .absent),
        "tasksCSVURL": .text({ $0.tasksCSVURL }, whenNil: .absent),
        "calendar": .section({ $0.calendar }, whenNil: .absent),
        "progress": .section({ $0.progress }, whenNil: .absent),
    ])
}

extension DueGroup: TemplateModel {
    static let displayName = "nhóm nhiệm vụ theo hạn"
    static let fields = FieldTable<DueGroup>([
        "id": .text({ $0.id }),
        "heading": .text({ $0.heading }),
        "count": .text({ $0.count }),
        "tasks": .list({ $0.tasks }),
    ])
}

extension DueTaskView: TemplateModel {
    static let displayName = "nhiệm vụ của đơn vị theo hạn"
    static let fields = FieldTable<DueTaskView>([
        "text": .text({ $0.text }),
        "url": .text({ $0.url }),
        "reference": .text({ $0.reference }),
        "plan": .text({ $0.plan }),
        "planTitle": .text({ $0.planTitle }),
        "planURL": .text({ $0.planURL }),
        "role": .text({ $0.role }),
        "deadline": .text({ $0.deadline }, whenNil: .absent),
        "deadlineISO": .text({ $0.deadlineISO }, whenNil: .absent),
        "timeFrame": .text({ $0.timeFrame }, whenNil: .absent),
        "status": .text({ $0.status }),
        "statusSlug": .text({ $0.statusSlug }),
        "dueText": .text({ $0.dueText }, whenNil: .absent),
    ])
}

extension CalendarLink: TemplateModel {
    static let displayName = "lịch nhiệm vụ của đơn vị"
    static let fields = FieldTable<CalendarLink>([
        "isSubscription": .flag({ $0.isSubscription }),
        "webcalURL": .text({ $0.webcalURL }, whenNil: .absent),
        "webURL": .text({ $0.webURL }, whenNil: .absent),
        "downloadURL": .text({ $0.downloadURL }),
    ])
}

extension DepartmentChecklistPage: TemplateModel {
    static let displayName = "danh sách nhiệm vụ để in của đơn vị"
    static let fields = FieldTable<DepartmentChecklistPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "departmentURL": .text({ $0.departmentURL }),
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "hasRows": .flag({ $0.hasRows }),
        "rows": .list({ $0.rows }),
    ])
}

extension ChecklistRow: TemplateModel {
    static let displayName = "dòng danh sách nhiệm vụ để in"
    static let fields = FieldTable<ChecklistRow>([
        "number": .text({ $0.number }),
        "text": .text({ $0.text }),
        "url": .text({ $0.url }),
        "plan": .text({ $0.plan }),
        "reference": .text({ $0.reference }),
        "role": .text({ $0.role }),
        "deadline": .text({ $0.deadline }),
        "status": .text({ $0.status }),
        "statusSlug": .text({ $0.statusSlug }),
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

extension IdentityView: TemplateModel {
    static let displayName = "thông tin cơ quan vận hành cổng"
    static let fields = FieldTable<IdentityView>([
        "agency": .text({ $0.agency }, whenNil: .absent),
        "agencyParent": .text({ $0.agencyParent }, whenNil: .absent),
        "responsible": .text({ $0.responsible }, whenNil: .absent),
        "address": .text({ $0.address }, whenNil: .absent),
        "phone": .text({ $0.phone }, whenNil: .absent),
        "phoneLink": .text({ $0.phoneLink }, whenNil: .absent),
        "email": .text({ $0.email }, whenNil: .absent),
        "emailLink": .text({ $0.emailLink }, whenNil: .absent),
        "hasContact": .flag({ $0.hasContact }),
        "contentLicence": .section({ $0.contentLicence }, whenNil: .absent),
        "dataLicence": .section({ $0.dataLicence }, whenNil: .absent),
        "aboutURL": .text({ $0.aboutURL }),
        "openDataURL": .text({ $0.openDataURL }),
    ])
}

extension LicenceView: TemplateModel {
    static let displayName = "giấy phép"
    static let fields = FieldTable<LicenceView>([
        "name": .text({ $0.name }),
        "url": .text({ $0.url }, whenNil: .absent),
    ])
}

extension AboutPage: TemplateModel {
    static let displayName = "trang giới thiệu"
    static let fields = FieldTable<AboutPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "siteTitle": .text({ $0.siteTitle }),
        "issuer": .text({ $0.issuer }),
        "identity": .section({ $0.identity }),
        "planCount": .text({ $0.planCount }),
        "taskCount": .text({ $0.taskCount }),
        "departmentCount": .text({ $0.departmentCount }),
        "localities": .text({ $0.localities }),
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "directoryURL": .text({ $0.directoryURL }),
    ])
}

extension OpenDataPage: TemplateModel {
    static let displayName = "trang dữ liệu mở"
    static let fields = FieldTable<OpenDataPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "licence": .section({ $0.licence }, whenNil: .absent),
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "kinds": .list({ $0.kinds }),
    ])
}

extension DataKindView: TemplateModel {
    static let displayName = "một loại tệp dữ liệu mở"
    static let fields = FieldTable<DataKindView>([
        "id": .text({ $0.id }),
        "heading": .text({ $0.heading }),
        "format": .text({ $0.format }),
        "paragraphs": .list({ $0.paragraphs }),
        "files": .list({ $0.files }),
        "hasFiles": .flag({ $0.hasFiles }),
    ])
}

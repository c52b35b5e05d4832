// The template contract of the view models in Common.swift: one table per model (see
// TemplateModel.swift). A template that uses a key not declared here is an error when the
// templates are loaded (`unknown-template-key`).

extension Chrome: TemplateModel {
    static let displayName = "phần khung chung của trang (chrome)"
    static let fields = FieldTable<Chrome>([
        "siteTitle": .text({ $0.siteTitle }),
        "issuer": .text({ $0.issuer }),
        "asOf": .text({ $0.asOf }),
        "asOfISO": .text({ $0.asOfISO }),
        "nav": .list({ $0.nav }),
        "stylesheet": .text({ $0.stylesheet }),
        "homeURL": .text({ $0.homeURL }),
        "description": .text({ $0.description }),
        "pageURL": .text({ $0.pageURL }, whenNil: .absent),
        "identity": .section({ $0.identity }),
    ])
}

extension NavItem: TemplateModel {
    static let displayName = "mục của thanh điều hướng"
    static let fields = FieldTable<NavItem>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }),
        "current": .flag({ $0.current }),
    ])
}

extension DepartmentLink: TemplateModel {
    static let displayName = "liên kết đơn vị"
    static let fields = FieldTable<DepartmentLink>([
        "name": .text({ $0.name }),
        "fullName": .text({ $0.fullName }),
        "url": .text({ $0.url }),
        "isRole": .flag({ $0.isRole }),
    ])
}

extension TaskView: TemplateModel {
    static let displayName = "nhiệm vụ"
    static let fields = FieldTable<TaskView>([
        "anchor": .text({ $0.anchor }),
        "code": .text({ $0.code }, whenNil: .absent),
        "textHTML": .html({ $0.textHTML }, whenNil: .absent),
        "note": .text({ $0.note }, whenNil: .absent),
        "lead": .list({ $0.lead }),
        "cooperating": .list({ $0.cooperating }),
        "monitoring": .list({ $0.monitoring }),
        "hasCooperating": .flag({ $0.hasCooperating }),
        "hasMonitoring": .flag({ $0.hasMonitoring }),
        "timeFrame": .text({ $0.timeFrame }, whenNil: .absent),
        "deadlineISO": .text({ $0.deadlineISO }, whenNil: .absent),
        "asPrinted": .text({ $0.asPrinted }, whenNil: .absent),
        "rolesHTML": .html({ $0.rolesHTML }),
        "progressHTML": .html({ $0.progressHTML }),
    ])
}

extension ResultView: TemplateModel {
    static let displayName = "kết quả chỉ số"
    static let fields = FieldTable<ResultView>([
        "index": .text({ $0.index }),
        "indexURL": .text({ $0.indexURL }),
        "locality": .text({ $0.locality }),
        "year": .text({ $0.year }),
        "score": .text({ $0.score }),
        "unit": .text({ $0.unit }),
        "scoreText": .text({ $0.scoreText }),
        "rank": .text({ $0.rank }, whenNil: .absent),
        "group": .text({ $0.group }, whenNil: .absent),
        "change": .text({ $0.change }, whenNil: .absent),
        "source": .text({ $0.source }, whenNil: .absent),
    ])
}

extension PlanListItem: TemplateModel {
    static let displayName = "kế hoạch trong danh sách"
    static let fields = FieldTable<PlanListItem>([
        "title": .text({ $0.title }),
        "url": .text({ $0.url }),
        "reference": .text({ $0.reference }),
        "issuer": .text({ $0.issuer }),
        "date": .text({ $0.date }),
        "dateISO": .text({ $0.dateISO }),
        "indices": .text({ $0.indices }),
        "taskCount": .text({ $0.taskCount }),
        "hasTasks": .flag({ $0.hasTasks }),
        "progress": .text({ $0.progress }, whenNil: .absent),
        "progressURL": .text({ $0.progressURL }),
    ])
}

extension ChartView: TemplateModel {
    static let displayName = "biểu đồ"
    static let fields = FieldTable<ChartView>([
        "svg": .html({ $0.svg }),
        "caption": .text({ $0.caption }),
        "headers": .list({ $0.headers }),
        "rows": .list({ $0.rows }),
    ])
}

extension LabelledCell: TemplateModel {
    static let displayName = "ô bảng có nhãn cột"
    static let fields = FieldTable<LabelledCell>([
        "label": .text({ $0.label }),
        "value": .text({ $0.value }),
    ])
}

extension ChartRow: TemplateModel {
    static let displayName = "dòng bảng số liệu của biểu đồ"
    static let fields = FieldTable<ChartRow>([
        "header": .text({ $0.header }),
        "cells": .list({ $0.cells }),
    ])
}

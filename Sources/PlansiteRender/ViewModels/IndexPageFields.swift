// The template contract of the view models in IndexPage.swift (see TemplateModel.swift).

extension IndexPage: TemplateModel {
    static let displayName = "trang chỉ số"
    static let fields = FieldTable<IndexPage>([
        "chrome": .section({ $0.chrome }),
        "root": .text({ $0.root }),
        "title": .text({ $0.title }),
        "acronym": .text({ $0.acronym }),
        "name": .text({ $0.name }),
        "summary": .text({ $0.summary }),
        "unit": .text({ $0.unit }),
        "hasResults": .flag({ $0.hasResults }),
        "localityLine": .text({ $0.localityLine }),
        "latest": .list({ $0.latest }),
        "historyCharts": .list({ $0.historyCharts }),
        "hasHistoryCharts": .flag({ $0.hasHistoryCharts }),
        "history": .list({ $0.history }),
        "dimensionsHeading": .text({ $0.dimensionsHeading }),
        "dimensionsIntro": .text({ $0.dimensionsIntro }),
        "dimensionColumn": .text({ $0.dimensionColumn }),
        "dimensions": .list({ $0.dimensions }),
        "hasDimensionScores": .flag({ $0.hasDimensionScores }),
        "dimensionScores": .list({ $0.dimensionScores }),
        "noDimensionScores": .text({ $0.noDimensionScores }, whenNil: .absent),
        "method": .text({ $0.method }),
        "sources": .list({ $0.sources }),
        "downloads": .list({ $0.downloads }),
        "hasPlans": .flag({ $0.hasPlans }),
        "plans": .list({ $0.plans }),
    ])
}

extension IndexResultRow: TemplateModel {
    static let displayName = "kết quả chỉ số của một địa phương"
    static let fields = FieldTable<IndexResultRow>([
        "locality": .text({ $0.locality }),
        "year": .text({ $0.year }),
        "scoreText": .text({ $0.scoreText }),
        "rank": .text({ $0.rank }),
        "group": .text({ $0.group }),
        "change": .text({ $0.change }),
        "source": .text({ $0.source }),
        "sourceURL": .text({ $0.sourceURL }, whenNil: .absent),
    ])
}

extension IndexHistoryChart: TemplateModel {
    static let displayName = "biểu đồ kết quả qua các năm"
    static let fields = FieldTable<IndexHistoryChart>([
        "svg": .html({ $0.svg }),
        "caption": .text({ $0.caption }),
    ])
}

extension IndexDimension: TemplateModel {
    static let displayName = "lĩnh vực, chỉ số nội dung của chỉ số"
    static let fields = FieldTable<IndexDimension>([
        "code": .text({ $0.code }),
        "name": .text({ $0.name }),
        "scale": .text({ $0.scale }),
    ])
}

extension IndexDimensionScores: TemplateModel {
    static let displayName = "điểm theo tiêu chí của một phụ lục"
    static let fields = FieldTable<IndexDimensionScores>([
        "label": .text({ $0.label }),
        "url": .text({ $0.url }),
        "line": .text({ $0.line }),
        "column": .text({ $0.column }),
        "lastLabel": .text({ $0.lastLabel }),
        "hasAreas": .flag({ $0.hasAreas }),
        "areas": .list({ $0.areas }),
    ])
}

extension IndexAreaScore: TemplateModel {
    static let displayName = "điểm của một lĩnh vực"
    static let fields = FieldTable<IndexAreaScore>([
        "name": .text({ $0.name }),
        "max": .text({ $0.max }),
        "last": .text({ $0.last }),
    ])
}

extension IndexSource: TemplateModel {
    static let displayName = "nguồn số liệu"
    static let fields = FieldTable<IndexSource>([
        "text": .text({ $0.text }),
        "url": .text({ $0.url }, whenNil: .absent),
        "figures": .text({ $0.figures }),
    ])
}

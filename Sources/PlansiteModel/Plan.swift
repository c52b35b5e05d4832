/// A row of an appendix's criteria tree: an area, criterion or sub-criterion.
public struct Criterion: Hashable, Sendable {
    /// "2.2.1", or nil for unnumbered rows.
    public let code: String?
    public let title: String
    public let max: Quantity?
    public let last: Quantity?
    public let target: Quantity?
    /// Markdown text of the row itself.
    public let description: String?
    public let tasks: [PlanTask]
    public let children: [Criterion]
    /// The anchor of its row: "tc-1-2-2-1".
    public let anchor: String
    /// The row's words as the document prints them, where the transcription differs (a typo
    /// corrected): shown beside the row as "Văn bản ghi: …".
    public let asPrinted: String?

    public init(
        code: String?, title: String, max: Quantity? = nil, last: Quantity? = nil, target: Quantity? = nil,
        description: String? = nil, tasks: [PlanTask] = [], children: [Criterion] = [], anchor: String,
        asPrinted: String? = nil
    ) {
        self.asPrinted = asPrinted
        self.code = code
        self.title = title
        self.max = max
        self.last = last
        self.target = target
        self.description = description
        self.tasks = tasks
        self.children = children
        self.anchor = anchor
    }

    /// This row and every row below it, depth first, with their depth (0 for this row).
    public func flattened(depth: Int = 0) -> [(criterion: Criterion, depth: Int)] {
        [(self, depth)] + children.flatMap { $0.flattened(depth: depth + 1) }
    }
}

/// Column headings of an appendix table, as printed.
public struct ColumnLabels: Hashable, Sendable {
    public var criterion = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"
    public var max = "Điểm tối đa"
    public var last = "Điểm năm trước"
    public var target = "Mục tiêu"
    public var task = "Nhiệm vụ, giải pháp"
    public var lead = "Chủ trì"
    public var cooperating = "Phối hợp"
    public var monitoring = "Theo dõi, giám sát"
    public var time = "Thời gian thực hiện"

    public init() {}
}

/// Phụ lục n of a plan: a criteria tree for one index, with tasks on its rows.
public struct Appendix: Hashable, Sendable {
    public let number: Int
    public let index: IndexKind
    public let title: String
    public let reference: String?
    public let columns: ColumnLabels
    public let criteria: [Criterion]

    public init(
        number: Int, index: IndexKind, title: String, reference: String?, columns: ColumnLabels,
        criteria: [Criterion]
    ) {
        self.number = number
        self.index = index
        self.title = title
        self.reference = reference
        self.columns = columns
        self.criteria = criteria
    }

    /// Every row, depth first.
    public var rows: [(criterion: Criterion, depth: Int)] { criteria.flatMap { $0.flattened() } }

    public var tasks: [PlanTask] { rows.flatMap { $0.criterion.tasks } }

    public var hasPoints: Bool { rows.contains { $0.criterion.max != nil } }
    public var hasLast: Bool { rows.contains { $0.criterion.last != nil } }
    public var hasTarget: Bool { rows.contains { $0.criterion.target != nil } }
    public var hasCooperating: Bool { tasks.contains { !$0.cooperating.isEmpty } }
    public var hasMonitoring: Bool { tasks.contains { !$0.monitoring.isEmpty } }
    public var hasTimeFrames: Bool { tasks.contains { $0.timeFrame != nil } }
}

/// The kind of administrative document.
public enum DocumentKind: String, Sendable, CaseIterable, Hashable {
    case plan = "kế hoạch"
    case letter = "công văn"
    case directive = "chỉ thị"
    case decision = "quyết định"
    case notice = "thông báo"
    case report = "báo cáo"

    /// The word as printed in a heading: "KẾ HOẠCH".
    public var heading: String { rawValue.uppercased() }

    /// "Kế hoạch", "Công văn".
    public var capitalised: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// The signature block: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Lê Văn Chiến".
public struct Signer: Hashable, Sendable {
    /// "KT. CHỦ TỊCH", or two lines such as "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".
    public let authority: [String]
    public let title: String?
    public let name: String?

    public init(authority: [String], title: String?, name: String?) {
        self.authority = authority
        self.title = title
        self.name = name
    }
}

/// An index result: a locality's score in a year, with rank and group where known. A
/// document may print a rank without a score ("xếp thứ 3/63"): then `score` is nil.
public struct IndexResult: Hashable, Sendable, Codable {
    public let locality: LocalityID
    public let index: IndexKind
    public let year: Int
    public let score: Quantity?
    public let rank: Int?
    public let outOf: Int?
    public let group: String?
    /// The change as the document words it ("tăng 2,68 điểm, giảm 4 bậc").
    public let change: String?
    public let source: String?
    /// The unit the document gives the score in ("điểm", "%"), as written; nil when the
    /// content does not say, and the index's usual unit is shown.
    public let writtenUnit: String?
    /// The scale printed with the score: "45,38/80" → 80.
    public var scale: Quantity? = nil
    /// The change in score read from `change` ("tăng 2,68 điểm" → +2,68), where it reads.
    public var scoreChange: Quantity? = nil
    /// The change in rank read from `change`, in places gained ("giảm 4 bậc" → −4).
    public var rankChange: Int? = nil
    /// The plan that quotes it (its slug), nil for a figure of results.yaml.
    public var plan: PlanID? = nil

    public init(
        locality: LocalityID, index: IndexKind, year: Int, score: Quantity?, rank: Int? = nil, outOf: Int? = nil,
        group: String? = nil, change: String? = nil, source: String? = nil, unit: String? = nil
    ) {
        self.writtenUnit = unit
        self.locality = locality
        self.index = index
        self.year = year
        self.score = score
        self.rank = rank
        self.outOf = outOf
        self.group = group
        self.change = change
        self.source = source
    }

    /// The document's unit, or the index's usual one (points, or percent for SIPAS).
    public var unit: String { writtenUnit ?? index.unit }

    /// The score with its unit as a document prints it: "84,24 điểm", "86,50%", "45,38/80
    /// điểm" (a percent sign follows the digits, a word is spaced); empty without a score.
    public var scoreText: String {
        guard let score else { return "" }
        let figure = score.vietnamese + (scale.map { "/" + $0.vietnamese } ?? "")
        return unit == "%" ? figure + "%" : figure + " " + unit
    }

    /// The same result with another source and plan (a plan's quote in the site's history).
    public func quoted(by plan: PlanID, source: String) -> IndexResult {
        var copy = IndexResult(
            locality: locality, index: index, year: year, score: score, rank: rank, outOf: outOf, group: group,
            change: change, source: self.source ?? source, unit: writtenUnit)
        copy.scale = scale
        copy.scoreChange = scoreChange
        copy.rankChange = rankChange
        copy.plan = plan
        return copy
    }
}

/// How a target compares: "trên 83 %" is `.above`, "ít nhất 3 bậc" `.atLeast`.
public enum TargetComparison: String, Hashable, Sendable, CaseIterable {
    case above = "trên"
    case atLeast = "ít nhất"
    case below = "dưới"
    case atMost = "tối đa"
    case exactly = "đạt"
}

/// One figure of a target: "trên 83 %", "tăng ít nhất 3 bậc", "ít nhất 85 điểm".
public struct TargetFigure: Hashable, Sendable {
    public let comparison: TargetComparison
    public let value: Quantity
    /// "%", "điểm", "bậc" as written, nil when none is.
    public let unit: String?
    /// True for a change ("tăng …", "giảm …"), false for a level.
    public let isChange: Bool
    /// For a change: +1 for "tăng", −1 for "giảm".
    public let direction: Int

    public init(comparison: TargetComparison, value: Quantity, unit: String?, isChange: Bool, direction: Int) {
        self.comparison = comparison
        self.value = value
        self.unit = unit
        self.isChange = isChange
        self.direction = direction
    }
}

/// A plan-level target: "SIPAS trên 83 %", "PAR INDEX tăng ít nhất 3 bậc", for an index and a year.
public struct PlanTarget: Hashable, Sendable {
    public let index: IndexKind
    public let year: Int
    /// The target as the document words it.
    public let text: String
    /// The score it aims at, where written (`score: trên 83%`).
    public let score: TargetFigure?
    /// The rank it aims at or the places to gain, where written (`rank: tăng ít nhất 3 bậc`).
    public let rank: TargetFigure?

    public init(index: IndexKind, year: Int, text: String, score: TargetFigure?, rank: TargetFigure?) {
        self.index = index
        self.year = year
        self.text = text
        self.score = score
        self.rank = rank
    }
}

/// The signed original of a plan (its PDF), copied into the portal.
public struct OriginalDocument: Hashable, Sendable {
    /// The file name in the plan folder: "van-ban-goc.pdf".
    public let file: String
    public let size: Int
    /// SHA-256 of the file, lower-case hex.
    public let sha256: String
    /// Where the build copies it from.
    public let sourcePath: String

    public init(file: String, size: Int, sha256: String, sourcePath: String) {
        self.file = file
        self.size = size
        self.sha256 = sha256
        self.sourcePath = sourcePath
    }

    /// "1,2 MB", "350 kB", "900 byte": decimal units, decimal comma.
    public var sizeText: String {
        if size < 1000 { return "\(size) byte" }
        let (divisor, unit) = size < 999_950 ? (1000.0, "kB") : (1_000_000.0, "MB")
        let value = (Double(size) / divisor * 10).rounded() / 10
        let whole = Int(value)
        let tenth = Int(((value - Double(whole)) * 10).rounded())
        return tenth == 0 ? "\(whole) \(unit)" : "\(whole),\(tenth) \(unit)"
    }
}

/// A plan document with its appendices and tasks.
public struct Plan: Hashable, Sendable {
    public let slug: PlanID
    public let kind: DocumentKind
    public let number: String?
    public let issuer: String
    public let header: [String]
    public let locality: LocalityID
    public let place: String
    public let date: DocumentDate
    public let title: String
    public let addressees: [String]
    public let recipients: [String]
    public let signer: Signer?
    public let indices: [IndexKind]
    public let year: Int
    public let results: [IndexResult]
    /// The prose of the document, Markdown.
    public let body: String
    public let appendices: [Appendix]
    /// Tasks of the plan itself, outside any appendix.
    public let tasks: [PlanTask]
    /// Progress reports per task anchor, oldest first.
    public let reports: [String: [TaskReport]]
    /// "Số: …" exactly as printed ("474 /KH-UBND"); `number` is the same with its spaces
    /// around "/" removed, for references.
    public let printedNumber: String?
    /// False when the document prints no issuer block above its number (`header: false`).
    public let printsHeader: Bool
    /// The national motto as printed, line by line; empty when the document prints none.
    public let motto: [String]
    /// Targets the plan sets for an index and a year (`targets:`).
    public var targets: [PlanTarget] = []
    /// The signed original, when the plan folder holds it.
    public var original: OriginalDocument? = nil

    /// Quốc hiệu and tiêu ngữ as most documents print them (Decree 30/2020/NĐ-CP).
    public static let standardMotto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]

    public init(
        slug: PlanID, kind: DocumentKind, number: String?, issuer: String, header: [String], locality: LocalityID,
        place: String, date: DocumentDate, title: String, addressees: [String], recipients: [String],
        signer: Signer?, indices: [IndexKind], year: Int, results: [IndexResult], body: String,
        appendices: [Appendix], tasks: [PlanTask], reports: [String: [TaskReport]] = [:], printedNumber: String? = nil,
        printsHeader: Bool = true, motto: [String] = Plan.standardMotto
    ) {
        self.printedNumber = printedNumber ?? number
        self.printsHeader = printsHeader
        self.motto = motto
        self.slug = slug
        self.kind = kind
        self.number = number
        self.issuer = issuer
        self.header = header
        self.locality = locality
        self.place = place
        self.date = date
        self.title = title
        self.addressees = addressees
        self.recipients = recipients
        self.signer = signer
        self.indices = indices
        self.year = year
        self.results = results
        self.body = body
        self.appendices = appendices
        self.tasks = tasks
        self.reports = reports
    }

    /// True when the document prints its number's place blank ("Số: /VPUBND-HCQT": the
    /// number is written in at signing, and this copy has none).
    public var numberIsBlank: Bool {
        guard let number, let slash = number.firstIndex(of: "/") else { return false }
        return number[..<slash].allSatisfy { $0.isWhitespace || $0 == "." || $0 == "…" }
    }

    /// What a blank number is shown with, so that a missing number is said, not implied.
    public static let blankNumberNote = "(chưa ghi số)"

    /// The number and symbol alone, for a running footer or a list: "474/KH-UBND";
    /// "/VPUBND-HCQT (chưa ghi số)" when the document leaves the number blank; nil when it
    /// prints none.
    public var documentNumber: String? {
        guard let number else { return nil }
        guard numberIsBlank, let slash = number.firstIndex(of: "/") else { return number }
        return "\(number[slash...]) \(Self.blankNumberNote)"
    }

    /// "Kế hoạch số 474/KH-UBND"; "Công văn /VPUBND-HCQT (chưa ghi số)" when the document
    /// leaves its number blank (never the broken-looking "Công văn số /VPUBND-HCQT").
    public var reference: String {
        guard let documentNumber else { return kind.capitalised }
        return numberIsBlank ? "\(kind.capitalised) \(documentNumber)" : "\(kind.capitalised) số \(documentNumber)"
    }

    /// Every task: the plan's own, then each appendix's.
    public var allTasks: [PlanTask] { tasks + appendices.flatMap(\.tasks) }
}

/// The portal's settings.
public struct SiteSettings: Hashable, Sendable {
    public let title: String
    public let issuer: String
    public let locale: String
    public let basePath: String?
    public let baseURL: String?
    public let asOf: CalendarDate
    /// How task statuses are judged (as-of date, due-soon window, report day).
    public let progressRules: ProgressRules
    /// A sentence describing the portal (`description`), for share previews; nil: a default.
    public var description: String?
    /// Who runs the portal, and the licences (footer, about and open-data pages).
    public var identity: SiteOperator

    public init(
        title: String, issuer: String, locale: String, basePath: String?, baseURL: String?, asOf: CalendarDate,
        dueSoonDays: Int = ProgressRules.defaultDueSoonDays, reportDay: Int = ProgressRules.defaultReportDay,
        description: String? = nil, identity: SiteOperator = SiteOperator()
    ) {
        self.description = description
        self.identity = identity
        self.title = title
        self.issuer = issuer
        self.locale = locale
        self.basePath = basePath
        self.baseURL = baseURL
        self.asOf = asOf
        self.progressRules = ProgressRules(asOf: asOf, dueSoonDays: dueSoonDays, reportDay: reportDay)
    }
}

/// Everything the portal publishes, validated. Plans, departments and results are sorted.
public struct Site: Sendable {
    public let settings: SiteSettings
    public let localities: [Locality]
    public let departments: [Department]
    public let plans: [Plan]
    public let results: [IndexResult]

    public init(
        settings: SiteSettings, localities: [Locality], departments: [Department], plans: [Plan],
        results: [IndexResult]
    ) {
        self.settings = settings
        self.localities = localities
        self.departments = departments
        self.plans = plans
        self.results = results
    }
}

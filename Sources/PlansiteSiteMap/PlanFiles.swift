import PlansiteModel

/// One open-data file of a plan, in its `ke-hoach/<slug>/du-lieu/` folder.
public struct PlanDataFile: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `ke-hoach.json`: the whole document and its appendices.
        case json
        /// `phu-luc-<n>.csv`: one appendix table.
        case appendixCSV(Int)
        /// `nhiem-vu.csv`: the plan's own tasks, written when it has some.
        case tasksCSV
        /// `tat-ca-nhiem-vu.csv`: the plan's part of the site-wide task list.
        case allTasksCSV
        /// `tat-ca-tieu-chi.csv`: the plan's part of the site-wide criteria list.
        case allCriteriaCSV
        /// `bao-cao.csv`: its progress reports, always written.
        case reportsCSV

        /// The file's name in the plan's data folder (as the plan's JSON names its CSV files).
        public var name: String {
            switch self {
            case .json: "ke-hoach.json"
            case .appendixCSV(let number): "phu-luc-\(number).csv"
            case .tasksCSV: "nhiem-vu.csv"
            case .allTasksCSV: "tat-ca-nhiem-vu.csv"
            case .allCriteriaCSV: "tat-ca-tieu-chi.csv"
            case .reportsCSV: "bao-cao.csv"
            }
        }
    }

    public let kind: Kind
    /// From the portal's root.
    public let path: String
}

/// A link of a plan page's "Tải dữ liệu" list: what it is called and where it is.
public struct PlanDownload: Hashable, Sendable {
    public let label: String
    /// Relative to the portal's root: prefix the page's `root`.
    public let path: String
}

extension SiteMap {
    /// Every open-data file of a plan, in the order of `Kind`: the JSON, the appendix tables,
    /// its own tasks (when it has some), its parts of the site-wide datasets, its reports.
    public static func dataFiles(of plan: Plan) -> [PlanDataFile] {
        var kinds: [PlanDataFile.Kind] = [.json]
        kinds += plan.appendices.map { .appendixCSV($0.number) }
        if !plan.tasks.isEmpty { kinds.append(.tasksCSV) }
        kinds += [.allTasksCSV, .allCriteriaCSV, .reportsCSV]
        return kinds.map { PlanDataFile(kind: $0, path: planData(plan.slug) + $0.name) }
    }

    /// Every file the build writes for one plan, sorted: its page, its appendices' printable
    /// pages, its signed original, its open data and its search shard. The build cache keeps
    /// it, so that an incremental build removes exactly these when the plan changes or goes.
    public static func files(of plan: Plan) -> [String] {
        var files = [self.plan(plan.slug)]
        files += plan.appendices.map { appendix(plan.slug, $0.number) }
        if let document = plan.original { files.append(original(plan.slug, file: document.file)) }
        files += dataFiles(of: plan).map(\.path)
        files.append(searchShard(plan.slug))
        return files.sorted()
    }

    /// The "Tải dữ liệu" links of a plan page, in the order to show them. The progress
    /// reports (`bao-cao.csv`, always written) are linked when the plan has reports; the
    /// criteria list when it has appendices.
    public static func downloads(of plan: Plan) -> [PlanDownload] {
        let single = plan.appendices.count == 1
        let appendices = Dictionary(plan.appendices.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        var links: [PlanDownload] = []
        for file in dataFiles(of: plan) {
            let label: String?
            switch file.kind {
            case .json: label = "Toàn văn bản và phụ lục (JSON)"
            case .appendixCSV(let number):
                let heading = single && number == 1 ? "Phụ lục" : "Phụ lục \(number)"
                label = appendices[number].map { "\(heading) — \($0.index.acronym) (CSV)" }
            case .tasksCSV: label = "Nhiệm vụ được giao trong văn bản (CSV)"
            case .allTasksCSV: label = "Mọi nhiệm vụ (CSV)"
            case .allCriteriaCSV: label = plan.appendices.isEmpty ? nil : "Mọi tiêu chí (CSV)"
            case .reportsCSV: label = plan.reports.isEmpty ? nil : "Báo cáo tiến độ nhiệm vụ (CSV)"
            }
            if let label { links.append(PlanDownload(label: label, path: file.path)) }
        }
        return links
    }
}

import PlansiteModel

/// Phụ lục 1 of a plan: the index's criteria tree with points that add up, last year's scores
/// that add up to the published result, targets between the two, and ~150 tasks on its rows.
struct AppendixTree {
    struct Row {
        let code: String
        let title: String
        let description: String?
        let depth: Int
        let focus: [String]
        var children: [Int] = []
        var max: Int?
        var last: Int?
        var target: Int?
        var taskCount = 0

        var isLeaf: Bool { children.isEmpty }
    }

    let index: IndexKind
    private(set) var rows: [Row] = []
    private(set) var roots: [Int] = []

    /// - Parameters:
    ///   - methodology: the year's stream: maximum points are the same for every locality in a year.
    ///   - lastScore: last year's published result, in hundredths.
    init(index: IndexKind, lastScore: Int, methodology: inout SplitMix64, rng: inout SplitMix64) {
        self.index = index
        for (number, topic) in Catalogue.topics(for: index).enumerated() {
            roots.append(add(topic, code: String(number + 1), depth: 0, inherited: []))
        }
        switch index {
        case .parIndex, .papi:
            for root in roots { splitPoints(root, max: rows[root].max ?? 1000, using: &methodology) }
            let leaves = rows.indices.filter { rows[$0].isLeaf }
            let lasts = Hundredths.distribute(lastScore, under: leaves.map { rows[$0].max! }, using: &rng)
            for (leaf, last) in zip(leaves, lasts) {
                let max = rows[leaf].max!
                rows[leaf].last = last
                // A year's realistic gain: up to a third of the gap (PAR INDEX), a tenth (PAPI, scored 1–10).
                let gain = index == .parIndex ? rng.int(0...35) : rng.int(0...12)
                rows[leaf].target = last + (max - last) * gain / 100
            }
            for root in roots { sumScores(root) }
        case .sipas:
            for leaf in rows.indices where rows[leaf].isLeaf {
                let last = min(9990, max(5000, lastScore + rng.int(-700...500)))
                rows[leaf].last = last
                rows[leaf].target = last + (10_000 - last) * rng.int(0...30) / 100
            }
            for root in roots { averageScores(root) }
        }
    }

    private mutating func add(_ topic: Topic, code: String, depth: Int, inherited: [String]) -> Int {
        let focus = topic.focus.isEmpty ? inherited : topic.focus
        let position = rows.count
        rows.append(Row(code: code, title: topic.title, description: topic.description, depth: depth, focus: focus))
        rows[position].max = topic.points
        for (number, child) in topic.children.enumerated() {
            let childPosition = add(child, code: "\(code).\(number + 1)", depth: depth + 1, inherited: focus)
            rows[position].children.append(childPosition)
        }
        return position
    }

    private mutating func splitPoints(_ row: Int, max: Int, using rng: inout SplitMix64) {
        rows[row].max = max
        let children = rows[row].children
        guard !children.isEmpty else { return }
        for (child, points) in zip(children, Hundredths.split(max, into: children.count, using: &rng)) {
            splitPoints(child, max: points, using: &rng)
        }
    }

    /// A row's last score and target are its children's sums.
    private mutating func sumScores(_ row: Int) {
        let children = rows[row].children
        guard !children.isEmpty else { return }
        for child in children { sumScores(child) }
        rows[row].last = children.reduce(0) { $0 + rows[$1].last! }
        rows[row].target = children.reduce(0) { $0 + rows[$1].target! }
    }

    /// Percents average: rounding both down keeps the target at or above the last score.
    private mutating func averageScores(_ row: Int) {
        let children = rows[row].children
        guard !children.isEmpty else { return }
        for child in children { averageScores(child) }
        rows[row].last = children.reduce(0) { $0 + rows[$1].last! } / children.count
        rows[row].target = children.reduce(0) { $0 + rows[$1].target! } / children.count
    }

    /// Spreads `total` tasks: one on every leaf first, then mostly on leaves, some on upper rows.
    mutating func spreadTasks(_ total: Int, using rng: inout SplitMix64) {
        let leaves = rows.indices.filter { rows[$0].isLeaf }
        let upper = rows.indices.filter { !rows[$0].isLeaf }
        for leaf in leaves { rows[leaf].taskCount = 1 }
        for _ in 0..<Swift.max(0, total - leaves.count) {
            let row = upper.isEmpty || rng.chance(85, in: 100) ? rng.pick(leaves) : rng.pick(upper)
            rows[row].taskCount += 1
        }
    }

    /// The totals a plan quotes: the sum of the areas (points) or their average (percent).
    var lastTotal: Int { total(\.last) }
    var targetTotal: Int { total(\.target) }

    private func total(_ value: KeyPath<Row, Int?>) -> Int {
        let sum = roots.reduce(0) { $0 + rows[$1][keyPath: value]! }
        return index == .sipas ? sum / roots.count : sum
    }

    /// The top rows that did worst last year, for the plan's prose.
    func weakestAreas(_ count: Int) -> [String] {
        let ratio: (Int) -> Int = { row in
            let max = rows[row].max ?? 10_000
            return rows[row].last! * 10_000 / max
        }
        let sorted = roots.sorted { ratio($0) != ratio($1) ? ratio($0) < ratio($1) : $0 < $1 }
        return sorted.prefix(count).map { rows[$0].title }
    }

    // MARK: - YAML

    /// phu-luc-1.yaml, with its tasks drawn from `tasks`.
    func yaml(plan: PlanHeading, tasks: inout TaskFactory, rng: inout SplitMix64) -> String {
        var out = YAMLText(capacity: 96 * 1024)
        out.field(0, "index", index.rawValue)
        out.field(0, "title", Self.title(index, year: plan.year))
        out.field(
            0, "reference",
            "Kèm theo Kế hoạch số \(plan.number) ngày \(plan.date) của \(plan.province.issuer)")
        out.key(0, "columns")
        for (key, label) in Self.columns(index, year: plan.year) { out.field(2, key, label) }
        out.key(0, "criteria")
        for root in roots { write(root, indent: 2, into: &out, tasks: &tasks, rng: &rng) }
        return out.text
    }

    private func write(
        _ position: Int, indent: Int, into out: inout YAMLText, tasks: inout TaskFactory, rng: inout SplitMix64
    ) {
        let row = rows[position]
        out.raw(indent, "code", YAMLText.quoted(row.code), dash: true)
        let inner = indent + 2
        let title = index == .parIndex && row.depth == 0 ? row.title.uppercased() : row.title
        out.field(inner, "title", title)
        if let max = row.max { out.raw(inner, "max", Hundredths.format(max)) }
        if let last = row.last { out.raw(inner, "last", Hundredths.format(last)) }
        if let target = row.target { out.raw(inner, "target", Hundredths.format(target)) }
        if let description = row.description { out.field(inner, "description", description) }
        if row.taskCount > 0 {
            out.key(inner, "tasks")
            // Tasks of one row say different things: their sentences are drawn without repeats.
            let sentences = rng.sample(Array(0..<TaskFactory.sentenceCount), count: TaskFactory.sentenceCount)
            for number in 0..<row.taskCount {
                // The checker's reference: the row's code, with the task's place when the row has several.
                let reference = "PL1/\(row.code)" + (row.taskCount > 1 ? "/\(number + 1)" : "")
                tasks.write(
                    for: row, reference: reference, index: index, sentence: sentences[number % sentences.count],
                    indent: inner + 2, into: &out, rng: &rng)
            }
        }
        if !row.children.isEmpty {
            out.key(inner, "children")
            for child in row.children { write(child, indent: inner + 2, into: &out, tasks: &tasks, rng: &rng) }
        }
    }

    static func title(_ index: IndexKind, year: Int) -> String {
        switch index {
        case .parIndex: "NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) NĂM \(year)"
        case .papi: "NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ PAPI NĂM \(year)"
        case .sipas: "NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ HÀI LÒNG VỀ SỰ PHỤC VỤ HÀNH CHÍNH (SIPAS) NĂM \(year)"
        }
    }

    static func columns(_ index: IndexKind, year: Int) -> [(String, String)] {
        let criterion: String
        var scores: [(String, String)]
        switch index {
        case .parIndex:
            criterion = "Lĩnh vực/Tiêu chí/Tiêu chí thành phần"
            scores = [("max", "Điểm tối đa"), ("last", "Điểm năm \(year - 1)"), ("target", "Mục tiêu năm \(year)")]
        case .papi:
            criterion = "Chỉ số nội dung/Chỉ số thành phần"
            scores = [("max", "Điểm tối đa"), ("last", "Điểm năm \(year - 1)"), ("target", "Mục tiêu năm \(year)")]
        case .sipas:
            criterion = "Yếu tố/Tiêu chí"
            scores = [("last", "Tỷ lệ hài lòng năm \(year - 1) (%)"), ("target", "Mục tiêu năm \(year) (%)")]
        }
        return [("criterion", criterion)] + scores + [
            ("task", "Nhiệm vụ, giải pháp"), ("lead", "Cơ quan chủ trì"), ("cooperating", "Cơ quan phối hợp"),
            ("monitoring", "Cơ quan theo dõi, giám sát"), ("time", "Thời gian thực hiện"),
        ]
    }
}

import PlansiteModel

/// Writes the tasks of one plan: Vietnamese text about the row, one to three departments of
/// the plan's locality (named as the documents do: full name, short name or an alias) and a
/// time frame. Counts what it writes and keeps what the progress reports need.
struct TaskFactory {
    /// What a progress report needs of a task written.
    struct Written {
        /// "PL1/2.3.1" or "PL1/2.3.1/2", as the checker builds it.
        let reference: String
        /// "pl1-nv-17": the row anchor, the task's position in the appendix.
        let anchor: String
        /// Registry keys of the lead departments.
        let leads: [String]
        let timeFrame: TimeFrame?
    }

    let registry: Registry
    let plan: PlanHeading
    private(set) var count = 0
    /// Department keys given a task; only counted.
    private(set) var departments: Set<String> = []
    /// Every task written, in order.
    private(set) var written: [Written] = []

    init(registry: Registry, plan: PlanHeading) {
        self.registry = registry
        self.plan = plan
    }

    /// - Parameter reference: the task's reference ("PL1/2.3.1/2"), kept for the reports.
    mutating func write(
        for row: AppendixTree.Row, reference taskReference: String, index: IndexKind, sentence: Int, indent: Int,
        into out: inout YAMLText, rng: inout SplitMix64
    ) {
        count += 1
        let words = Words(
            topic: "\(Self.noun(index, depth: row.depth)) “\(row.title)”", acronym: index.acronym, year: plan.year,
            ubnd: "UBND \(plan.province.kind)")
        out.multiline(indent, "text", text(words, sentence: sentence, rng: &rng), dash: true)
        let inner = indent + 2
        var chosen: [String] = []
        let lead = rng.chance(70, in: 100) && !row.focus.isEmpty ? rng.pick(row.focus) : rng.pick(registry.leadPool)
        chosen.append(lead)
        var leads = [lead]
        if rng.chance(8, in: 100), let second = pick(from: registry.leadPool, avoiding: chosen, rng: &rng) {
            leads.append(second)
            chosen.append(second)
        }
        var cooperating: [String] = []
        var monitoring: [String] = []
        let others = rng.pick([0, 1, 1, 2, 2, 2, 1, 0])
        for _ in 0..<Swift.max(0, others - (leads.count - 1)) {
            if rng.chance(60, in: 100) {
                if let key = pick(from: registry.cooperatingPool, avoiding: chosen, rng: &rng) {
                    cooperating.append(key)
                    chosen.append(key)
                }
            } else if let key = pick(from: registry.monitoringPool, avoiding: chosen, rng: &rng) {
                monitoring.append(key)
                chosen.append(key)
            }
        }
        for (key, keys) in [("lead", leads), ("cooperating", cooperating), ("monitoring", monitoring)]
        where !keys.isEmpty {
            out.list(inner, key, keys.map { reference($0, rng: &rng) }, inline: rng.chance(1, in: 2))
        }
        departments.formUnion(chosen)
        let time = timeFrame(rng: &rng)
        if let time { out.field(inner, "time", time) }
        if rng.chance(4, in: 100) { out.field(inner, "note", rng.pick(Self.notes)) }
        written.append(
            Written(
                reference: taskReference, anchor: "pl1-nv-\(count)", leads: leads,
                timeFrame: time.map { TimeFrame(parsing: $0) }))
    }

    private func pick(from pool: [String], avoiding chosen: [String], rng: inout SplitMix64) -> String? {
        for _ in 0..<8 {
            let key = rng.pick(pool)
            if !chosen.contains(key) { return key }
        }
        return nil
    }

    /// How the document names a department: mostly its short name or an alias, sometimes in full.
    private func reference(_ key: String, rng: inout SplitMix64) -> String {
        let references = registry.department(key).references
        if references.count == 1 || rng.chance(1, in: 5) { return references[0] }
        return references[rng.int(1...(references.count - 1))]
    }

    /// Thường xuyên, Hằng năm, Hằng quý, a dated deadline after the plan's date (about one in
    /// eight), Trước bầu cử, Theo Kế hoạch tuyển dụng — or nothing, as some rows leave it blank.
    private func timeFrame(rng: inout SplitMix64) -> String? {
        switch rng.int(0...999) {
        case 0..<125:
            let month = rng.int((plan.month + 1)...12)
            let day = rng.int(1...CalendarDate.daysIn(month: month, year: plan.year))
            return "trước ngày \(day)/\(month)/\(plan.year)"
        case ..<525: return "Thường xuyên"
        case ..<675: return "Hằng năm"
        case ..<715: return "Hàng năm"
        case ..<835: return "Hằng quý"
        case ..<875: return "Định kỳ hằng quý"
        case ..<905: return "Trước bầu cử"
        case ..<940: return "Theo Kế hoạch tuyển dụng"
        default: return nil
        }
    }

    static func noun(_ index: IndexKind, depth: Int) -> String {
        switch (index, depth) {
        case (.parIndex, 0): "lĩnh vực"
        case (.parIndex, 1): "tiêu chí"
        case (.parIndex, _): "tiêu chí thành phần"
        case (.papi, 0): "chỉ số nội dung"
        case (.papi, _): "chỉ số thành phần"
        case (.sipas, 0): "yếu tố"
        case (.sipas, _): "tiêu chí"
        }
    }

    static let notes = [
        "Sở Nội vụ tổng hợp, báo cáo chung", "Báo cáo kết quả trước ngày 15 của tháng cuối quý",
        "Gắn với đánh giá, xếp loại thi đua cuối năm", "Phối hợp chặt chẽ với các cơ quan liên quan",
    ]

    // MARK: - Text

    struct Words {
        let topic: String
        let acronym: String
        let year: Int
        let ubnd: String
    }

    /// Sentence number `sentence`, sometimes with a second one, or (one task in five) a short bullet list.
    private func text(_ words: Words, sentence: Int, rng: inout SplitMix64) -> String {
        if rng.chance(1, in: 5) {
            let bullets = rng.sample(Array(0..<Self.bulletCount), count: rng.int(2...4))
            let lines = bullets.enumerated().map { position, number in
                "- " + Self.bullet(number, words) + (position == bullets.count - 1 ? "." : ";")
            }
            return lines.joined(separator: "\n")
        }
        var text = Self.sentence(sentence, words)
        if rng.chance(35, in: 100) { text += " " + Self.addendum(rng.int(0...(Self.addendumCount - 1)), words) }
        return text
    }

    static let sentenceCount = 12

    static func sentence(_ number: Int, _ w: Words) -> String {
        switch number {
        case 0:
            "Tổ chức triển khai thực hiện có hiệu quả \(w.topic); kịp thời khắc phục những tồn tại, hạn chế đã "
                + "được chỉ ra trong kết quả đánh giá Chỉ số \(w.acronym) năm \(w.year - 1)."
        case 1:
            "Rà soát, đánh giá thực trạng \(w.topic) tại các cơ quan, đơn vị, địa phương; đề xuất giải pháp cụ "
                + "thể để cải thiện điểm số năm \(w.year)."
        case 2:
            "Tham mưu \(w.ubnd) ban hành văn bản chỉ đạo, đôn đốc các cơ quan, đơn vị thực hiện nghiêm \(w.topic)."
        case 3:
            "Tăng cường công tác thông tin, tuyên truyền về \(w.topic) bằng nhiều hình thức phù hợp, nhất là ở vùng "
                + "sâu, vùng xa, vùng đồng bào dân tộc thiểu số."
        case 4:
            "Định kỳ kiểm tra, giám sát việc thực hiện \(w.topic); xử lý nghiêm tổ chức, cá nhân vi phạm và biểu "
                + "dương những cách làm hay."
        case 5:
            "Thu thập, cập nhật đầy đủ tài liệu kiểm chứng về \(w.topic) lên phần mềm theo dõi, đánh giá Chỉ số "
                + "\(w.acronym) đúng thời hạn quy định."
        case 6:
            "Tổng hợp, báo cáo kết quả thực hiện \(w.topic) về \(w.ubnd) (qua Sở Nội vụ) để theo dõi, chỉ đạo."
        case 7:
            "Phân công cụ thể cán bộ, công chức theo dõi \(w.topic); gắn kết quả thực hiện với đánh giá, xếp loại "
                + "người đứng đầu cơ quan, đơn vị."
        case 8:
            "Nghiên cứu, học tập kinh nghiệm của các tỉnh, thành phố có điểm số cao về \(w.topic) để vận dụng phù "
                + "hợp với điều kiện của địa phương."
        case 9:
            "Ứng dụng công nghệ thông tin, chuyển đổi số trong thực hiện \(w.topic), bảo đảm công khai, minh bạch "
                + "và thuận tiện cho người dân, doanh nghiệp."
        case 10:
            "Tổ chức khảo sát, lấy ý kiến người dân, tổ chức về \(w.topic); công khai kết quả và tiếp thu, giải "
                + "trình đầy đủ các ý kiến."
        default:
            "Bố trí đủ nguồn lực, kinh phí để thực hiện \(w.topic) theo kế hoạch năm \(w.year)."
        }
    }

    static let addendumCount = 5

    static func addendum(_ number: Int, _ w: Words) -> String {
        switch number {
        case 0: "Phấn đấu năm \(w.year) đạt điểm tối đa ở nội dung này."
        case 1: "Người đứng đầu chịu trách nhiệm trước Chủ tịch \(w.ubnd) nếu điểm số tiếp tục giảm."
        case 2: "Kết quả thực hiện được công khai trên Cổng thông tin điện tử của cơ quan, đơn vị."
        case 3: "Định kỳ 6 tháng, năm báo cáo kết quả về Sở Nội vụ để tổng hợp."
        default: "Không để xảy ra tình trạng chậm, muộn hoặc thiếu tài liệu kiểm chứng."
        }
    }

    static let bulletCount = 7

    static func bullet(_ number: Int, _ w: Words) -> String {
        switch number {
        case 0: "Xây dựng kế hoạch thực hiện \(w.topic) năm \(w.year)"
        case 1: "Quán triệt đến từng cán bộ, công chức, viên chức về yêu cầu của \(w.topic)"
        case 2: "Rà soát, bổ sung quy chế, quy trình nội bộ liên quan"
        case 3: "Định kỳ hằng quý tự đánh giá, chấm điểm và báo cáo kết quả"
        case 4: "Kịp thời đề xuất \(w.ubnd) tháo gỡ khó khăn, vướng mắc"
        case 5: "Lưu trữ đầy đủ tài liệu kiểm chứng phục vụ đánh giá Chỉ số \(w.acronym)"
        default: "Biểu dương, khen thưởng tập thể, cá nhân có thành tích tiêu biểu"
        }
    }
}

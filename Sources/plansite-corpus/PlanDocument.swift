import PlansiteModel
import PlansiteWording

/// What identifies a plan: its locality, index, year, number and date of issue.
struct PlanHeading {
    let province: Province
    let index: IndexKind
    let year: Int
    let month: Int
    let day: Int
    let number: String

    /// "18/7/2024".
    var date: String { "\(day)/\(month)/\(year)" }
    /// The plan's folder: "2024-dak-nong-par-index".
    var slug: String { "\(year)-\(province.slug)-\(index.rawValue)" }
}

/// plan.md: the front matter and a Vietnamese body of a few kilobytes that quotes the
/// locality's results and the appendix's totals.
struct PlanDocument {
    let heading: PlanHeading
    let history: History
    let tree: AppendixTree
    let taskCount: Int
    let departmentCount: Int

    private var index: IndexKind { heading.index }
    private var year: Int { heading.year }
    private var province: Province { heading.province }
    private var acronym: String { index.acronym }

    func markdown(rng: inout SplitMix64) -> String {
        var out = YAMLText(capacity: 8192)
        out.line("---")
        frontMatter(into: &out, rng: &rng)
        out.line("---")
        out.line("")
        return out.text + body(rng: &rng)
    }

    // MARK: - Front matter

    private func frontMatter(into out: inout YAMLText, rng: inout SplitMix64) {
        out.field(0, "kind", "kế hoạch")
        out.field(0, "number", heading.number)
        out.field(0, "issuer", province.issuer)
        out.list(0, "header", province.header)
        out.field(0, "locality", province.slug)
        out.field(0, "place", province.shortName)
        out.raw(0, "date", heading.date)
        out.field(0, "title", title)
        out.list(
            0, "recipients",
            [
                "Bộ Nội vụ (b/c)", "TT \(province.partyCommittee), TT HĐND \(province.kind) (b/c)",
                "CT, các PCT UBND \(province.kind)", "Ủy ban MTTQVN \(province.kind)", "Các sở, ban, ngành",
                "UBND các huyện, thị xã, thành phố", "Cổng Thông tin điện tử \(province.kind)",
                "Lưu: VT, \(rng.pick(["NC", "TH", "KSTTHC", "NCKSTTHC"]))",
            ])
        out.key(0, "signer")
        if rng.chance(1, in: 4) {
            out.field(2, "authority", "TM. ỦY BAN NHÂN DÂN")
            out.field(2, "title", "CHỦ TỊCH")
        } else {
            out.field(2, "authority", "KT. CHỦ TỊCH")
            out.field(2, "title", "PHÓ CHỦ TỊCH")
        }
        out.field(2, "name", PersonNames.random(&rng))
        out.list(0, "indices", [index.rawValue], inline: rng.chance(1, in: 2))
        out.raw(0, "year", String(year))
        out.key(0, "results")
        for (position, resultYear) in [year - 1, year - 2].enumerated() {
            let entry = history.entry(index, locality: province.number, year: resultYear)
            out.field(0 + 2, "index", index.rawValue, dash: true)
            out.raw(4, "year", String(resultYear))
            out.raw(4, "score", Hundredths.format(entry.score))
            out.raw(4, "rank", String(entry.rank))
            out.raw(4, "out-of", String(history.outOf))
            if let group = history.group(index, entry) { out.field(4, "group", group) }
            if position == 0, let change = history.change(index, locality: province.number, year: resultYear) {
                out.field(4, "change", "\(change) so với năm \(resultYear - 1)")
            }
        }
    }

    private var title: String {
        switch index {
        case .parIndex:
            "Cải thiện, nâng cao Chỉ số cải cách hành chính (PAR INDEX) của \(province.name) năm \(year)"
        case .papi:
            "Cải thiện, nâng cao Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) của \(province.name) "
                + "năm \(year)"
        case .sipas:
            "Nâng cao Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của \(province.name) năm \(year)"
        }
    }

    // MARK: - Body

    /// "86,57 điểm" or "84,24%".
    private func score(_ hundredths: Int) -> String {
        index == .sipas ? "\(Hundredths.format(hundredths))%" : "\(Hundredths.format(hundredths)) điểm"
    }

    private func body(rng: inout SplitMix64) -> String {
        let last = history.entry(index, locality: province.number, year: year - 1)
        let ubnd = "UBND \(province.kind)"
        var text = ""
        text.reserveCapacity(6144)
        text += basis + "\n\n"
        text += "Căn cứ kết quả Chỉ số \(acronym) năm \(year - 1) của \(province.name); \(ubnd) ban hành Kế hoạch "
        text += "cải thiện, nâng cao \(index.name) (\(acronym)) năm \(year) như sau:\n\n"

        text += "## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n"
        for line in rng.sample(purposes, count: 3) { text += "- \(line)\n" }
        text += "\n### 2. Yêu cầu\n\n"
        for line in rng.sample(requirements(ubnd), count: 3) { text += "- \(line)\n" }

        text += "\n## II. KẾT QUẢ CHỈ SỐ \(acronym) NHỮNG NĂM GẦN ĐÂY\n\n"
        text += "Năm \(year - 1), Chỉ số \(acronym) của \(province.name) đạt \(score(last.score)), xếp thứ "
        text += "\(last.rank)/\(history.outOf) tỉnh, thành phố"
        if let change = history.change(index, locality: province.number, year: year - 1) {
            text += " (\(change) so với năm \(year - 2))"
        }
        text += ". Kết quả các năm gần đây như sau:\n\n"
        text += "| Năm | Điểm số | Xếp hạng | So với năm trước |\n|---|---:|---:|---|\n"
        for resultYear in (year - 3)...(year - 1) where resultYear >= history.firstYear {
            let entry = history.entry(index, locality: province.number, year: resultYear)
            let change = history.change(index, locality: province.number, year: resultYear) ?? "—"
            text +=
                "| \(resultYear) | \(Hundredths.format(entry.score)) | \(entry.rank)/\(history.outOf) | \(change) |\n"
        }
        let weakest = tree.weakestAreas(2)
        text += "\nBên cạnh những kết quả đạt được, một số nội dung còn đạt điểm thấp, nhất là "
        text += "“\(weakest[0])” và “\(weakest[1])”. \(rng.pick(causes))\n\n"

        text += "## III. MỤC TIÊU\n\n"
        // The appendix's targets over its last-year scores; for points these add up to the published result.
        let gain = tree.targetTotal - tree.lastTotal
        let increase = index == .sipas ? "\(Hundredths.format(gain)) điểm phần trăm" : score(gain)
        text += "Phấn đấu năm \(year), Chỉ số \(acronym) của \(province.name) đạt từ \(score(last.score + gain)) trở "
        text += gain > 0 ? "lên, tăng \(increase) so với năm \(year - 1); " : "lên, giữ vững kết quả năm \(year - 1); "
        text += "\(rng.pick(goals))\n\n"

        text += "## IV. NHIỆM VỤ, GIẢI PHÁP\n\n### 1. Nhiệm vụ, giải pháp chung\n\n"
        for (number, line) in rng.sample(solutions(ubnd), count: 4).enumerated() { text += "\(number + 1). \(line)\n" }
        text += "\n### 2. Nhiệm vụ, giải pháp cụ thể\n\n"
        text += "Chi tiết tại Phụ lục kèm theo Kế hoạch này, gồm \(taskCount) nhiệm vụ giao cho \(departmentCount) "
        text += "cơ quan, đơn vị, địa phương chủ trì, phối hợp và theo dõi, giám sát thực hiện.\n\n"

        text += "## V. TỔ CHỨC THỰC HIỆN\n\n"
        for (number, line) in organisation(ubnd).enumerated() { text += "\(number + 1). \(line)\n" }
        text += "\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời "
        text += "phản ánh về \(ubnd) (qua Sở Nội vụ) để xem xét, chỉ đạo./.\n"
        return text
    }

    private var basis: String {
        switch index {
        case .parIndex:
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
                + "hành chính nhà nước giai đoạn 2021 - 2030; Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ "
                + "phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân "
                + "dân các tỉnh, thành phố trực thuộc Trung ương”;"
        case .papi:
            "Căn cứ Báo cáo Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh ở Việt Nam (PAPI) năm "
                + "\(year - 1) do Chương trình Phát triển Liên hợp quốc (UNDP) tại Việt Nam công bố;"
        case .sipas:
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
                + "hành chính nhà nước giai đoạn 2021 - 2030; Báo cáo kết quả đo lường sự hài lòng của người dân, "
                + "tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm \(year - 1) của Bộ Nội vụ;"
        }
    }

    private var purposes: [String] {
        [
            "Nâng cao hiệu quả hoạt động của các cấp chính quyền, kịp thời khắc phục những tồn tại, hạn chế năm "
                + "\(year - 1) và cải thiện, nâng cao Chỉ số \(acronym) của \(province.name) năm \(year).",
            "Nâng cao vai trò, trách nhiệm của người đứng đầu và nhận thức của từng cán bộ, công chức, viên chức "
                + "trong việc triển khai thực hiện Kế hoạch.",
            "Xác định nhiệm vụ cụ thể của từng cơ quan, đơn vị, địa phương trong công tác quản lý, điều hành và "
                + "cung cấp dịch vụ công, góp phần xây dựng nền hành chính dân chủ, minh bạch, hiệu lực, hiệu quả.",
            "Phát huy quyền làm chủ của Nhân dân trong tham gia ý kiến, kiểm tra, giám sát việc thực thi chính "
                + "sách, pháp luật ở địa phương.",
            "Tạo chuyển biến rõ nét về chất lượng phục vụ người dân, doanh nghiệp; xây dựng đội ngũ cán bộ, công "
                + "chức chuyên nghiệp, trách nhiệm, năng động, minh bạch.",
        ]
    }

    private func requirements(_ ubnd: String) -> [String] {
        [
            "Các cơ quan, đơn vị, địa phương đẩy mạnh công tác thông tin, tuyên truyền để cán bộ, công chức, viên "
                + "chức và người dân nhận thức đầy đủ ý nghĩa, tầm quan trọng của Chỉ số \(acronym).",
            "Triển khai đồng bộ, thống nhất với các chỉ đạo của \(province.partyCommittee), HĐND \(province.kind), "
                + "\(ubnd) về cải cách hành chính, nâng cao hiệu quả quản trị và hành chính công.",
            "Kế hoạch được cụ thể hóa, triển khai ở tất cả các cấp chính quyền; tập trung vào những nội dung, "
                + "tiêu chí bị mất điểm hoặc giảm điểm so với năm trước.",
            "Gắn trách nhiệm người đứng đầu với kết quả thực hiện nhiệm vụ được giao; kết quả thực hiện là căn cứ "
                + "đánh giá, xếp loại thi đua, khen thưởng cuối năm.",
            "Bảo đảm tiến độ, chất lượng; thường xuyên theo dõi, đôn đốc và báo cáo kết quả thực hiện theo quy định.",
        ]
    }

    private var causes: [String] {
        [
            "Nguyên nhân chủ yếu là một số cơ quan, đơn vị chưa quan tâm đúng mức, việc triển khai còn hình thức, "
                + "chưa sát với thực tiễn.",
            "Nguyên nhân là công tác phối hợp giữa các cơ quan, đơn vị có lúc chưa chặt chẽ; tài liệu kiểm chứng "
                + "chưa đầy đủ, còn nộp chậm so với thời hạn.",
            "Một phần do nhận thức của một bộ phận cán bộ, công chức và người dân về các chỉ số còn hạn chế; công "
                + "tác tuyên truyền chưa được chú trọng.",
        ]
    }

    private var goals: [String] {
        [
            "phấn đấu cải thiện thứ hạng so với năm trước, không có lĩnh vực, nội dung nào giảm điểm.",
            "từng bước đưa \(province.name) vào nhóm các tỉnh, thành phố có kết quả cao của cả nước.",
            "không có tiêu chí, tiêu chí thành phần nào đạt dưới 50% số điểm tối đa.",
        ]
    }

    private func solutions(_ ubnd: String) -> [String] {
        [
            "Tăng cường vai trò, trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo cải thiện Chỉ số "
                + "\(acronym); đưa nội dung này vào chương trình công tác trọng tâm của cơ quan, đơn vị.",
            "Đẩy mạnh công tác thông tin, tuyên truyền về Chỉ số \(acronym) trên các phương tiện thông tin đại "
                + "chúng, Cổng thông tin điện tử và mạng xã hội để người dân hiểu, tham gia đánh giá khách quan.",
            "Nâng cao chất lượng giải quyết thủ tục hành chính; công khai, minh bạch thông tin; thực hiện nghiêm "
                + "việc xin lỗi người dân, tổ chức khi giải quyết hồ sơ quá hạn.",
            "Tăng cường kỷ luật, kỷ cương hành chính; đẩy mạnh kiểm tra công vụ, nhất là kiểm tra đột xuất; xử lý "
                + "nghiêm cán bộ, công chức có hành vi nhũng nhiễu, gây phiền hà.",
            "Đẩy mạnh chuyển đổi số, xây dựng chính quyền số; nâng cao tỷ lệ hồ sơ trực tuyến và chất lượng dịch "
                + "vụ công trực tuyến.",
            "Định kỳ tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với người dân, doanh nghiệp để kịp "
                + "thời tháo gỡ khó khăn, vướng mắc.",
            "Phân tích kỹ kết quả Chỉ số \(acronym) năm \(year - 1), xác định rõ những nội dung giảm điểm để có giải "
                + "pháp khắc phục cụ thể, báo cáo \(ubnd) trước ngày 30 tháng 6.",
        ]
    }

    private func organisation(_ ubnd: String) -> [String] {
        [
            "**Sở Nội vụ**: chủ trì, theo dõi, hướng dẫn, đôn đốc các cơ quan, đơn vị, địa phương triển khai Kế "
                + "hoạch; tổng hợp, báo cáo \(ubnd) kết quả thực hiện hằng quý, 6 tháng và năm.",
            "**Văn phòng \(ubnd)**: chỉ đạo Trung tâm Phục vụ hành chính công nâng cao chất lượng tiếp nhận, giải "
                + "quyết thủ tục hành chính; theo dõi việc thực hiện các nhiệm vụ \(ubnd) giao.",
            "**Sở Thông tin và Truyền thông**: chủ trì, phối hợp với các cơ quan báo chí tuyên truyền về Chỉ số "
                + "\(acronym); bảo đảm hạ tầng công nghệ thông tin phục vụ chính quyền số.",
            "**Sở Tài chính**: tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách nhà nước theo phân "
                + "cấp hiện hành.",
            "**Thủ trưởng các sở, ban, ngành; Chủ tịch UBND cấp huyện**: căn cứ Kế hoạch này xây dựng kế hoạch của "
                + "cơ quan, đơn vị, địa phương; báo cáo kết quả về Sở Nội vụ trước ngày 20 của tháng cuối quý.",
        ]
    }
}

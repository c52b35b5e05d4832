import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap
import PlansiteWording

/// `chi-so/<index>/index.html`, after Open SDG's indicator pages: what the index measures, the
/// latest result of every locality side by side, the history (one table, a chart per
/// locality where there is a trend), the dimensions with the points the content gives, where
/// each figure comes from, and the results history to download. Built from the site's results
/// and the plan assessments only, so cold and incremental builds give the same page.
extension SitePageBuilder {
    func indexPage(_ kind: IndexKind) -> IndexPage {
        let page = SiteMap.index(kind)
        let root = SiteMap.rootToken
        let plans = index.plans.filter { $0.indices.contains(kind) }
        let results = index.site.results.filter { $0.index == kind }
        let localityName = { (id: LocalityID) in index.localities[id]?.name ?? id.rawValue }
        // Localities in Vietnamese dictionary order, each with its results by year.
        let byLocality = Dictionary(grouping: results, by: \.locality)
        let localities = VietnameseText.sorted(Array(byLocality.keys), by: localityName)
        let history = localities.flatMap { id in byLocality[id]!.sorted { $0.year < $1.year } }
        let latest = localities.compactMap { byLocality[$0]!.max { $0.year < $1.year } }
        let charts = PageCharts.history(results, index: kind, localities: index.localities, id: "lich-su")
        let scoredLocalities = Set(
            byLocality.filter { $0.value.filter { $0.score != nil }.count >= 2 }.keys)
        // `PageCharts.history` draws one chart per locality with a score, in id order.
        let chartLocalities = Array(Set(results.filter { $0.score != nil }.map(\.locality))).sorted()
        let chartOf = Dictionary(uniqueKeysWithValues: zip(chartLocalities, charts))
        let historyCharts = localities.filter(scoredLocalities.contains).compactMap { id in
            chartOf[id].map { IndexHistoryChart(svg: $0.svg, caption: $0.caption) }
        }
        let words = IndexWords(kind)
        let scored = plans.flatMap { plan in
            plan.scoredAppendices.filter { $0.index == kind }.map { (plan, $0) }
        }
        return IndexPage(
            chrome: index.chrome(page: page, current: page), root: root, title: "\(kind.acronym) — \(kind.name)",
            acronym: kind.acronym, name: kind.name, summary: words.measures, unit: kind.unit,
            hasResults: !results.isEmpty,
            localityLine: "\(localities.count) địa phương có kết quả \(kind.acronym) trên cổng.",
            latest: latest.map { row($0, root: root) }, historyCharts: historyCharts,
            hasHistoryCharts: !historyCharts.isEmpty,
            history: history.map { row($0, root: root) }, dimensionsHeading: words.dimensionsHeading,
            dimensionsIntro: words.dimensionsIntro, dimensionColumn: words.dimensionColumn,
            dimensions: words.dimensions, hasDimensionScores: !scored.isEmpty,
            dimensionScores: scored.map { dimensionScores($0.0, $0.1, words: words, root: root) },
            noDimensionScores: scored.contains { !$0.1.areas.isEmpty }
                ? nil
                : "Cổng chưa có số liệu điểm theo từng \(words.dimensionWord) của địa phương nào: "
                    + "các văn bản đã đăng chỉ ghi tổng điểm\(scored.isEmpty ? "" : " và điểm của một số tiêu chí (dưới đây)").",
            method: words.method, sources: sources(history, root: root),
            downloads: [
                DownloadLink(label: "Kết quả mọi chỉ số, mọi địa phương (CSV)", url: root + SiteMap.resultsCSV),
                DownloadLink(label: "Kết quả mọi chỉ số, mọi địa phương (JSON)", url: root + SiteMap.resultsJSON),
                DownloadLink(label: "Mô tả cấu trúc tệp JSON (JSON Schema)", url: root + SiteMap.resultsSchema),
            ],
            hasPlans: !plans.isEmpty, plans: plans.map { index.planListItem($0, root: root) })
    }

    private func row(_ result: IndexResult, root: String) -> IndexResultRow {
        let source = sourceOf(result)
        return IndexResultRow(
            locality: index.localities[result.locality]?.name ?? result.locality.rawValue, year: result.year,
            scoreText: result.scoreText.isEmpty ? "—" : result.scoreText,
            rank: result.rank.map { rank in result.outOf.map { "\(rank)/\($0)" } ?? String(rank) } ?? "—",
            group: result.group ?? "—", change: result.change ?? "—", source: source.text,
            sourceURL: source.url.map { root + $0 })
    }

    private func sourceOf(_ result: IndexResult) -> (text: String, url: String?) {
        let text = result.source ?? "results.yaml của cổng (không ghi nguồn)"
        return (text, result.plan.map(SiteMap.plan))
    }

    /// Each source once, in the order of the history, with the figures it gives.
    private func sources(_ history: [IndexResult], root: String) -> [IndexSource] {
        var order: [String] = []
        var figures: [String: [IndexResult]] = [:]
        var urls: [String: String?] = [:]
        for result in history {
            let source = sourceOf(result)
            let key = source.text + "|" + (source.url ?? "")
            if figures[key] == nil { order.append(key) }
            figures[key, default: []].append(result)
            urls[key] = source.url
        }
        return order.map { key in
            let results = figures[key]!
            let text = key.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
            let byLocality = Dictionary(grouping: results, by: \.locality)
            let names = VietnameseText.sorted(Array(byLocality.keys)) { index.localities[$0]?.name ?? $0.rawValue }
            let line = names.map { id in
                let years = byLocality[id]!.map(\.year).sorted().map(String.init).joined(separator: ", ")
                return "năm \(years) của \(index.localities[id]?.name ?? id.rawValue)"
            }.joined(separator: "; ")
            return IndexSource(
                text: text ?? "", url: urls[key]!.map { root + $0 }, figures: "Kết quả " + line)
        }
    }

    private func dimensionScores(_ plan: PlanAssessment, _ appendix: ScoredAppendix, words: IndexWords, root: String)
        -> IndexDimensionScores
    {
        let locality = index.localities[plan.locality]?.name ?? plan.locality.rawValue
        let areaPart =
            appendix.areas.isEmpty
            ? "; không ghi điểm của từng \(words.dimensionWord)"
            : ""
        return IndexDimensionScores(
            label: "Phụ lục \(appendix.number) của \(plan.reference) (\(locality))",
            url: root + SiteMap.planAppendix(plan.slug, appendix.number),
            line: "Ghi điểm của \(appendix.scoredRows) tiêu chí, tiêu chí thành phần ở cột “\(appendix.lastLabel)”"
                + areaPart + ".",
            column: words.dimensionColumn, lastLabel: appendix.lastLabel,
            hasAreas: !appendix.areas.isEmpty,
            areas: appendix.areas.map {
                IndexAreaScore(
                    name: [$0.code, $0.title].compactMap { $0 }.joined(separator: ". "), max: $0.max ?? "—",
                    last: $0.last ?? "—")
            })
    }
}

/// The words of an index page about the index itself: what it measures, its dimensions and
/// its method (../shared/design/domain.md).
struct IndexWords {
    let measures: String
    let dimensionsHeading: String
    let dimensionColumn: String
    /// "lĩnh vực", "chỉ số nội dung", "yếu tố", inside a sentence.
    let dimensionWord: String
    let dimensionsIntro: String
    let dimensions: [IndexDimension]
    let method: String

    private static let asWritten =
        " Cổng ghi mỗi con số đúng như văn bản nguồn (điểm, đơn vị, thứ hạng, mức tăng giảm), không tự tính lại."

    init(_ kind: IndexKind) {
        func list(_ names: [String], scale: String) -> [IndexDimension] {
            names.enumerated().map { IndexDimension(code: String($0.offset + 1), name: $0.element, scale: scale) }
        }
        switch kind {
        case .parIndex:
            measures =
                "Chỉ số cải cách hành chính (PAR INDEX) do Bộ Nội vụ công bố hằng năm, cho biết mỗi bộ, mỗi tỉnh, "
                + "thành phố đã cải cách hành chính đến đâu: từ chỉ đạo điều hành, xây dựng thể chế, thủ tục hành "
                + "chính, tổ chức bộ máy, công vụ, tài chính công đến chính quyền điện tử, chính quyền số và tác "
                + "động của cải cách tới người dân. Thang điểm 100; điểm càng cao, cải cách càng tốt."
            dimensionsHeading = "Các lĩnh vực đánh giá"
            dimensionColumn = "Lĩnh vực"
            dimensionWord = "lĩnh vực"
            dimensionsIntro =
                "Theo bộ tiêu chí ban hành kèm Quyết định 876/QĐ-BNV (2022), chỉ số cấp tỉnh có 8 lĩnh vực, "
                + "khoảng 37 tiêu chí và gần 100 tiêu chí thành phần. Điểm tối đa của từng lĩnh vực do bộ tiêu chí "
                + "của năm đánh giá quy định; các bộ tiêu chí trước (2017, 2020) chia khác, nên bảng tiêu chí trong "
                + "mỗi văn bản là căn cứ cho văn bản đó."
            dimensions = list(
                [
                    "Công tác chỉ đạo, điều hành cải cách hành chính", "Cải cách thể chế",
                    "Cải cách thủ tục hành chính", "Cải cách tổ chức bộ máy hành chính", "Cải cách chế độ công vụ",
                    "Cải cách tài chính công", "Xây dựng và phát triển chính phủ điện tử, chính phủ số",
                    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
                ], scale: "Theo bộ tiêu chí của năm; cả 8 lĩnh vực: 100 điểm")
            method =
                "Bộ Nội vụ chấm khoảng 68 điểm qua thẩm định kết quả theo từng tiêu chí, 22 điểm qua điều tra xã "
                + "hội học lãnh đạo, quản lý và 10 điểm từ Chỉ số SIPAS. Xếp hạng là thứ hạng trong số các tỉnh, "
                + "thành phố được đánh giá (33/63: thứ 33 trên 63). Nhóm A: từ 90 % số điểm trở lên; B: từ 80 % "
                + "đến dưới 90 %; C: từ 70 % đến dưới 80 %." + Self.asWritten
        case .papi:
            measures =
                "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) cho biết người dân đánh giá chính "
                + "quyền tỉnh mình ra sao: người dân được tham gia, được biết thông tin, được giải trình đến đâu, "
                + "tham nhũng có được kiểm soát không, thủ tục và dịch vụ công có tốt không. Kết quả lấy từ khảo sát "
                + "người dân hằng năm của UNDP cùng các đối tác Việt Nam; điểm càng cao càng tốt."
            dimensionsHeading = "Các chỉ số nội dung"
            dimensionColumn = "Chỉ số nội dung"
            dimensionWord = "chỉ số nội dung"
            dimensionsIntro =
                "Từ năm 2018, PAPI có 8 chỉ số nội dung (khoảng 28 chỉ số nội dung thành phần), mỗi chỉ số từ "
                + "1 đến 10 điểm; tổng điểm của tỉnh từ 8 đến 80."
            dimensions = list(
                [
                    "Tham gia của người dân ở cấp cơ sở", "Công khai, minh bạch trong việc ra quyết định",
                    "Trách nhiệm giải trình với người dân", "Kiểm soát tham nhũng trong khu vực công",
                    "Thủ tục hành chính công", "Cung ứng dịch vụ công", "Quản trị môi trường", "Quản trị điện tử",
                ], scale: "1–10 điểm")
            method =
                "Tổng điểm là tổng điểm của 8 chỉ số nội dung, tính từ câu trả lời của người dân được khảo sát. "
                + "Các tỉnh được chia thành 4 nhóm theo điểm: cao nhất, trung bình cao, trung bình thấp, thấp nhất."
                + Self.asWritten
        case .sipas:
            measures =
                "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) cho biết người dân, tổ chức hài lòng đến đâu khi "
                + "đến cơ quan nhà nước giải quyết thủ tục hành chính: có dễ tiếp cận không, thủ tục có đơn giản "
                + "không, công chức phục vụ ra sao, kết quả có đúng hẹn không, góp ý có được tiếp thu không. Tính "
                + "theo tỷ lệ phần trăm; SIPAS cũng chiếm 10 điểm trong Chỉ số cải cách hành chính."
            dimensionsHeading = "Các yếu tố đánh giá"
            dimensionColumn = "Yếu tố"
            dimensionWord = "yếu tố"
            dimensionsIntro =
                "Người được khảo sát đánh giá 5 yếu tố của việc phục vụ; mỗi yếu tố tính theo tỷ lệ phần trăm."
            dimensions = list(
                [
                    "Tiếp cận dịch vụ", "Thủ tục hành chính", "Công chức trực tiếp giải quyết công việc",
                    "Kết quả cung ứng dịch vụ", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
                ], scale: "%")
            method =
                "Tỷ lệ do Bộ Nội vụ công bố từ phiếu khảo sát người dân, tổ chức đã giải quyết thủ tục hành chính. "
                + "Có văn bản ghi kết quả SIPAS bằng “điểm” thay cho “%”: cổng giữ đơn vị văn bản ghi."
                + Self.asWritten
        }
    }
}

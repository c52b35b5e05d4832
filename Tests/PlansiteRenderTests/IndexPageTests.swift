import Foundation
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

/// Issue 16, the index pages: every published locality side by side in Vietnamese order, one
/// history table, the dimensions without invented figures, the source of every figure and
/// the results history to download. On the fixture site with a second locality's results
/// (Tests/Fixtures/localities overlaid on Tests/Fixtures/site).
@Suite struct IndexPageTests {
    static let pages: [String: String] = {
        guard let folder = try? TemporaryFolder(),
            (try? folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "site")) != nil,
            (try? folder.overlay(TestPaths.fixtures.appendingPathComponent("localities"), at: "site")) != nil
        else { return [:] }
        let (site, diagnostics) = checkContent(folder.path("site"))
        let (templates, _) = TemplateSet.load(from: TestPaths.templates, displayPath: "Templates")
        guard let site, let templates else { fatalError("the fixture does not check: \(diagnostics)") }
        let files = Renderer(templates: templates).render(site)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
    }()

    func page(_ kind: IndexKind) throws -> String { try #require(Self.pages[SiteMap.index(kind)]) }

    /// The part of the page from the heading with `id` to the next section.
    func section(_ html: String, _ id: String) throws -> String {
        let start = try #require(html.range(of: "<h2 id=\"\(id)\">"))
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The `<tr>` rows of a table body, as their text without tags.
    func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tr>").dropFirst().compactMap { part -> String? in
            let row = part.components(separatedBy: "</tr>")[0]
            guard row.contains("scope=\"row\"") else { return nil }
            return row.replacingOccurrences(of: "<[^>]+>", with: "|", options: .regularExpression)
                .split(separator: "|").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }.joined(separator: " | ")
        }
    }

    @Test func theLatestResultOfEveryLocalityIsSideBySideInVietnameseOrder() throws {
        let latest = rows(try section(try page(.parIndex), "moi-nhat"))
        // "tỉnh Ân Mẫu" (id vung-an-mau) comes before "tỉnh Mẫu" (id tinh-mau) in Vietnamese order.
        #expect(
            latest == [
                "tỉnh Ân Mẫu | 2023 | 90,03 điểm | 5/63 | A | tăng 1,91 điểm, tăng 7 bậc",
                "tỉnh Mẫu | 2023 | 86,57 điểm | 33/63 | B | tăng 9 bậc",
            ])
        let papi = rows(try section(try page(.papi), "moi-nhat"))
        #expect(
            papi == [
                "tỉnh Ân Mẫu | 2023 | 42,10 điểm | — | Trung bình cao | —",
                "tỉnh Mẫu | 2023 | 38,97 điểm | — | Thấp | —",
            ])
        #expect(try page(.parIndex).contains("2 địa phương có kết quả PAR INDEX trên cổng."))
    }

    @Test func theHistoryIsOneTableOfEveryResultWithItsSource() throws {
        let history = try section(try page(.parIndex), "qua-cac-nam")
        #expect(history.components(separatedBy: "<table").count - 1 == 1, "one table, not a second of the same rows")
        #expect(!history.contains("chart-data"))
        #expect(history.components(separatedBy: "<svg").count - 1 == 2, "a chart for each locality with a trend")
        #expect(
            rows(history) == [
                "tỉnh Ân Mẫu | 2022 | 88,12 điểm | 12/63 | B | — | Báo cáo mẫu số 1/BC-BNV về Chỉ số CCHC năm 2022",
                "tỉnh Ân Mẫu | 2023 | 90,03 điểm | 5/63 | A | tăng 1,91 điểm, tăng 7 bậc | Báo cáo mẫu số 2/BC-BNV về Chỉ số CCHC năm 2023",
                "tỉnh Mẫu | 2022 | 84,5 điểm | 40/63 | B | — | results.yaml của cổng (không ghi nguồn)",
                "tỉnh Mẫu | 2023 | 86,57 điểm | 33/63 | B | tăng 9 bậc | Kế hoạch số 12/KH-UBND ngày 18/1/2024 của UBND tỉnh Mẫu",
            ])
        // A locality with one year only has no chart: a single point shows no trend.
        let papi = try section(try page(.papi), "qua-cac-nam")
        #expect(!papi.contains("<svg") && rows(papi).count == 2)
    }

    @Test func everySourceIsNamedAndAQuotingPlanLinked() throws {
        let sources = try section(try page(.parIndex), "nguon")
        #expect(sources.contains("Bộ Nội vụ chấm khoảng 68 điểm"))
        #expect(sources.contains("Báo cáo mẫu số 2/BC-BNV về Chỉ số CCHC năm 2023</a>") == false)
        #expect(sources.contains("Báo cáo mẫu số 2/BC-BNV về Chỉ số CCHC năm 2023: Kết quả năm 2023 của tỉnh Ân Mẫu."))
        #expect(sources.contains("href=\"../../ke-hoach/2024-mau-par-index/index.html\""))
    }

    @Test func theResultsHistoryIsLinkedForDownload() throws {
        for kind in IndexKind.allCases {
            let download = try section(try page(kind), "tai-ve")
            #expect(download.contains("href=\"../../\(SiteMap.resultsCSV)\""), "\(kind)")
            #expect(download.contains("href=\"../../\(SiteMap.resultsJSON)\""), "\(kind)")
        }
    }

    @Test func theDimensionsAreListedWithoutInventedScores() throws {
        let papi = try section(try page(.papi), "thanh-phan")
        #expect(papi.components(separatedBy: "1–10 điểm").count - 1 == 8)
        #expect(papi.contains("Quản trị điện tử"))
        #expect(papi.contains("Cổng chưa có số liệu điểm theo từng chỉ số nội dung của địa phương nào"))
        let sipas = try section(try page(.sipas), "thanh-phan")
        #expect(rows(sipas).count == 5)
        // The PAR INDEX plan's appendix gives points of three rows, one of them a top-level row:
        // that one is shown with its points, as the appendix prints them.
        let par = try section(try page(.parIndex), "thanh-phan")
        #expect(rows(par).count == 8 + 1)
        #expect(rows(par).last == "Tình hình thực hiện Quy chế làm việc | 1 | 0,79")
        #expect(par.contains("Ghi điểm của 3 tiêu chí, tiêu chí thành phần ở cột “Điểm 2023”."))
        #expect(par.contains("<th scope=\"col\" class=\"num\">Điểm 2023</th>"))
        #expect(!par.contains("Cổng chưa có số liệu điểm"))
        #expect(par.contains("href=\"../../ke-hoach/2024-mau-par-index/index.html#phu-luc-1\""))
    }
}

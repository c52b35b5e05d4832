import Foundation
import PlansiteModel
import PlansiteSiteMap
import TestSupport
import Testing

@testable import PlansiteExport

/// Issue 16: the results history in the open data, `du-lieu/ket-qua-chi-so.csv` and `.json`,
/// on the fixture site with a second locality (Tests/Fixtures/localities), against goldens
/// (Golden/export/ket-qua-chi-so/; PLANSITE_RECORD=1 writes them anew).
@Suite struct ResultsHistoryTests {
    static let site: Site = {
        guard let folder = try? TemporaryFolder(),
            (try? folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "site")) != nil,
            (try? folder.overlay(TestPaths.fixtures.appendingPathComponent("localities"), at: "site")) != nil
        else { fatalError("no temporary folder") }
        let (site, diagnostics) = checkContent(folder.path("site"))
        guard let site else { fatalError("the fixture does not check: \(diagnostics)") }
        return site
    }()

    static let files = Dictionary(
        uniqueKeysWithValues: Exports.resultsHistory(site.results, localities: site.localities).map { ($0.path, $0) })

    func text(_ path: String) throws -> String {
        let file = try #require(Self.files[path], "\(path) was not exported")
        return String(
            decoding: file.data.dropFirst(path.hasSuffix(".csv") ? CSV.byteOrderMark.count : 0), as: UTF8.self)
    }

    @Test func theCSVMatchesItsGolden() throws {
        #expect(Self.files[SiteMap.resultsCSV]?.data.starts(with: CSV.byteOrderMark) == true)
        try expectGolden(try text(SiteMap.resultsCSV), "export/ket-qua-chi-so/ket-qua-chi-so.csv")
    }

    @Test func theJSONMatchesItsGolden() throws {
        try expectGolden(try text(SiteMap.resultsJSON), "export/ket-qua-chi-so/ket-qua-chi-so.json")
    }

    @Test func rowsGoByIndexThenLocalityInVietnameseOrderThenYear() throws {
        let lines = try text(SiteMap.resultsCSV).components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst()
        let keys = lines.map { $0.split(separator: ",").prefix(5).joined(separator: ",") }
        #expect(
            keys == [
                "par-index,PAR INDEX,vung-an-mau,tỉnh Ân Mẫu,2022", "par-index,PAR INDEX,vung-an-mau,tỉnh Ân Mẫu,2023",
                "par-index,PAR INDEX,tinh-mau,tỉnh Mẫu,2022", "par-index,PAR INDEX,tinh-mau,tỉnh Mẫu,2023",
                "papi,PAPI,vung-an-mau,tỉnh Ân Mẫu,2023", "papi,PAPI,tinh-mau,tỉnh Mẫu,2023",
            ])
    }

    @Test func eachFigureSaysWhereItComesFrom() throws {
        let json = try JSONSerialization.jsonObject(with: try #require(Self.files[SiteMap.resultsJSON]).data)
        let results = try #require((json as? [String: Any])?["results"] as? [[String: Any]])
        let origins = results.map {
            "\($0["index"]!)/\(($0["locality"] as! [String: Any])["id"]!)/\($0["year"]!)=\($0["origin"]!)"
        }
        #expect(origins.contains("par-index/tinh-mau/2023=2024-mau-par-index"))
        #expect(origins.contains("par-index/tinh-mau/2022=results.yaml"))
        let quoted = try #require(results.first { $0["origin"] as? String == "2024-mau-par-index" })
        #expect(quoted["plan"] as? String == SiteMap.plan("2024-mau-par-index"))
        #expect(quoted["scoreText"] as? String == "86,57 điểm")
    }

    @Test func aCellThatLooksLikeAFormulaIsGuarded() throws {
        let result = IndexResult(
            locality: "tinh-mau", index: .sipas, year: 2024, score: Quantity(parsing: "80"),
            change: "-2 điểm", source: "=HYPERLINK(\"x\")")
        let file = Exports.resultsHistory([result], localities: Self.site.localities)[0]
        let body = String(decoding: file.data, as: UTF8.self)
        #expect(body.contains(",'-2 điểm,") && body.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    }

    @Test func theManifestListsTheResultsHistoryAsDatasets() throws {
        let files = Exports.files(for: Self.site, pagePaths: [])
        let manifest = try #require(files.first { $0.path == SiteMap.manifest })
        let json = try #require(try JSONSerialization.jsonObject(with: manifest.data) as? [String: Any])
        let datasets = try #require(json["datasets"] as? [String])
        #expect(datasets.contains(SiteMap.resultsCSV) && datasets.contains(SiteMap.resultsJSON))
        let listed = (json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        for path in [SiteMap.resultsCSV, SiteMap.resultsJSON, SiteMap.resultsSchema] {
            #expect(listed.contains(path), "\(path)")
        }
    }

    /// scripts/validate-exports.py checks the results history: a CSV row that disagrees with the
    /// JSON, and a plan's quote missing from the history, are reported.
    @Test func theValidatorRejectsABrokenResultsHistory() throws {
        try requireExportValidatorPackages()
        let folder = try TemporaryFolder()
        let files = ExportFixture.portal(Self.site).map { file -> OutputFile in
            switch file.path {
            case SiteMap.resultsCSV:
                let text = String(decoding: file.data, as: UTF8.self)
                return OutputFile(
                    path: file.path,
                    data: Data(text.replacingOccurrences(of: ",2022,88.12,", with: ",2021,88.12,").utf8))
            case SiteMap.resultsJSON:
                var json = try! JSONSerialization.jsonObject(with: file.data) as! [String: Any]
                json["results"] = (json["results"] as! [[String: Any]]).filter {
                    $0["origin"] as? String == "results.yaml"
                }
                return OutputFile(path: file.path, data: try! JSONSerialization.data(withJSONObject: json))
            default: return file
            }
        }
        try ExportFixture.write(files, to: folder.url)
        let result = try runTool("python3", [TestPaths.exportValidator.path, folder.url.path])
        #expect(result.status == 1)
        #expect(
            result.output.contains("lacks ('par-index', 'tinh-mau', 2023), quoted by 2024-mau-par-index"),
            "\(result.output)")
        #expect(result.output.contains("du-lieu/ket-qua-chi-so.csv: row 2:"), "\(result.output)")
    }
}

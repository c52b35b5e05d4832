import Foundation
import PlansiteBuild
import PlansiteExport
import TestSupport
import Testing

/// The exports as the build writes them: the fixture site (with a base URL, so that the feed
/// and the sitemap have absolute links) built by the real SiteBuilder into a temporary folder,
/// each export file read back from there and compared with its golden file. A plan's files are
/// the same golden files as PlansiteExportTests' ExportGoldenTests (Golden/export/: the same
/// bytes come out of the build as out of `Exports.files(for:)`); the site-wide files, whose
/// golden copies there include an in-memory plan with progress reports, have their own
/// (Golden/built/). PLANSITE_RECORD=1 writes them anew.
@Suite struct BuiltExportGoldenTests {
    /// The fixture site, with a base URL, built into `folder`/Public; the number of files written.
    func build(into folder: TemporaryFolder) throws -> Int? {
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let site = try String(contentsOf: folder.path("content/site.yaml"), encoding: .utf8)
        try (site + "base-url: https://cong.example.gov.vn/cchc/\n").write(
            to: folder.path("content/site.yaml"), atomically: true, encoding: .utf8)
        return SiteBuilder(
            options: .init(
                content: folder.path("content"), templates: TestPaths.templates, output: folder.path("Public"))
        ).build().filesWritten
    }

    static let planFiles = [
        "ke-hoach/2024-mau-par-index/du-lieu/ke-hoach.json",
        "ke-hoach/2024-mau-par-index/du-lieu/phu-luc-1.csv",
        "ke-hoach/2024-mau-par-index/du-lieu/tat-ca-nhiem-vu.csv",
        "ke-hoach/2023-mau-papi/du-lieu/nhiem-vu.csv",
        "tim-kiem/chi-muc/ke-hoach/2024-mau-par-index.js",
    ]

    static let siteFiles = [
        "du-lieu/tat-ca-nhiem-vu.csv",
        "du-lieu/tat-ca-tieu-chi.csv",
        "du-lieu/manifest.json",
        "du-lieu/ket-qua-chi-so.csv",
        "du-lieu/ket-qua-chi-so.json",
        "don-vi/tinh-mau-so-noi-vu/lich.ics",
        "nguon-tin.xml",
        "sitemap.xml",
        "tim-kiem/chi-muc/danh-muc.js",
    ]

    /// The text of a written file, a CSV file's byte order mark checked and set apart.
    func written(_ path: String, in folder: TemporaryFolder) throws -> String {
        var data = try #require(
            FileManager.default.contents(atPath: folder.path("Public/\(path)").path), "\(path) was not written")
        if path.hasSuffix(".csv") {
            #expect(data.starts(with: CSV.byteOrderMark), "\(path)")
            data = data.dropFirst(CSV.byteOrderMark.count)
        }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func planExportsWrittenByTheBuildEqualTheExportGoldens() throws {
        let folder = try TemporaryFolder()
        #expect(try build(into: folder) != nil, "the fixture site did not build")
        for path in Self.planFiles { try expectGolden(try written(path, in: folder), "export/" + path) }
    }

    @Test func siteExportsWrittenByTheBuildEqualTheirBuiltGoldens() throws {
        let folder = try TemporaryFolder()
        #expect(try build(into: folder) != nil, "the fixture site did not build")
        for path in Self.siteFiles { try expectGolden(try written(path, in: folder), "built/" + path) }
    }
}

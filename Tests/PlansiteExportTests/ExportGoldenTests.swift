import Foundation
import PlansiteExport
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

/// Exports of the fixture site, with a plan that has progress reports, against golden files
/// (Golden/export/). Run with
/// PLANSITE_RECORD=1 to write them anew, then review the diff.
@Suite struct ExportGoldenTests {
    static let files: [String: OutputFile] = {
        // The fixture site and a plan with progress reports (ExportProgressTests).
        let site = ExportFixture.progressSite()
        let pages = ["index.html", "ke-hoach/2024-mau-par-index/index.html", "404.html"]
        return Dictionary(uniqueKeysWithValues: Exports.files(for: site, pagePaths: pages).map { ($0.path, $0) })
    }()

    static let goldenFiles = [
        "ke-hoach/2024-mau-par-index/du-lieu/ke-hoach.json",
        "ke-hoach/2024-mau-par-index/du-lieu/phu-luc-1.csv",
        "ke-hoach/2024-mau-par-index/du-lieu/tat-ca-nhiem-vu.csv",
        "ke-hoach/2023-mau-papi/du-lieu/nhiem-vu.csv",
        "ke-hoach/2024-mau-tien-do/du-lieu/ke-hoach.json",
        "ke-hoach/2024-mau-tien-do/du-lieu/nhiem-vu.csv",
        "ke-hoach/2024-mau-tien-do/du-lieu/phu-luc-1.csv",
        "ke-hoach/2024-mau-tien-do/du-lieu/bao-cao.csv",
        "du-lieu/tat-ca-nhiem-vu.csv",
        "don-vi/tinh-mau-so-noi-vu/lich.ics",
        "nguon-tin.xml",
        "sitemap.xml",
        "tim-kiem/chi-muc/ke-hoach/2024-mau-par-index.js",
        "tim-kiem/chi-muc/danh-muc.js",
    ]

    @Test(arguments: goldenFiles)
    func export(_ path: String) throws {
        let file = try #require(Self.files[path], "\(path) was not exported")
        var data = file.data
        if path.hasSuffix(".csv") {
            // Reading text drops a byte order mark: compare the rest, and the mark apart.
            #expect(data.starts(with: CSV.byteOrderMark))
            data = data.dropFirst(CSV.byteOrderMark.count)
        }
        try expectGolden(String(decoding: data, as: UTF8.self), "export/" + path)
    }

    @Test func everyFixtureExportIsThere() {
        let paths = Set(Self.files.keys)
        for plan in ExportFixture.fixtureSite.plans {
            #expect(paths.contains(SiteMap.planJSON(plan.slug)))
            #expect(paths.contains(SiteMap.searchShard(plan.slug)))
        }
        for department in ExportFixture.fixtureSite.departments {
            #expect(paths.contains(SiteMap.calendar(department.id)))
        }
        for path in [
            SiteMap.manifest, SiteMap.schema, SiteMap.allTasks, SiteMap.allCriteria,
            SiteMap.feed, SiteMap.sitemap, SiteMap.searchCatalog,
        ] {
            #expect(paths.contains(path), "\(path)")
        }
    }

    @Test func downloadsOfAPlanPage() {
        let plan = ExportFixture.fixtureSite.plans.first { $0.slug == "2024-mau-par-index" }!
        let downloads = SiteMap.downloads(of: plan)
        #expect(downloads.map(\.label).first == "Toàn văn bản và phụ lục (JSON)")
        for download in downloads { #expect(Self.files[download.path] != nil, "\(download.path)") }
    }
}

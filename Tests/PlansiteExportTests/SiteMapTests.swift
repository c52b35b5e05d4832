import Foundation
import PlansiteModel
import PlansiteSiteMap
import Testing
import TestSupport

/// The site map is the one place output paths and links are made: links resolve from any
/// depth, and it lists every file the build writes for a plan.
@Suite struct SiteMapTests {
    /// `link` (relative, as written on the page at `page`) resolved to a path from the root.
    static func resolve(_ link: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "#")[0].split(separator: "/") {
            if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    static func pages(of site: Site) -> [String] {
        var pages = [SiteMap.home, SiteMap.directory, SiteMap.notFound, SiteMap.search]
        pages += IndexKind.allCases.map(SiteMap.index)
        for plan in site.plans {
            pages.append(SiteMap.plan(plan.slug))
            pages += plan.appendices.map { SiteMap.appendix(plan.slug, $0.number) }
        }
        pages += site.departments.map { SiteMap.department($0.id) }
        return pages
    }

    @Test func linksThroughTheRootPlaceholderReachTheirTargetFromEveryPage() {
        let site = ExportFixture.fixtureSite
        let pages = Self.pages(of: site)
        let plan = site.plans[0]
        let targets =
            pages + [SiteMap.stylesheet, SiteMap.calendar(site.departments[0].id)]
            + SiteMap.dataFiles(of: plan).map(\.path)
        for page in pages {
            for target in targets {
                let html = "<a href=\"" + SiteMap.rootToken + target + "\">"
                let resolved = String(decoding: SiteMap.resolvingRoot(html, for: page), as: UTF8.self)
                let link = String(resolved.dropFirst("<a href=\"".count).dropLast(2))
                #expect(!link.contains(SiteMap.rootToken))
                #expect(Self.resolve(link, from: page) == target, "\(target) from \(page): \(link)")
            }
        }
        #expect(SiteMap.root(of: SiteMap.home) == "")
        #expect(SiteMap.root(of: SiteMap.appendix("a", 2)) == "../../../")
    }

    @Test func rowLinksPointIntoThePlanPage() {
        #expect(SiteMap.row("2024-x", "nv-1") == SiteMap.plan("2024-x") + "#nv-1")
        #expect(
            Self.resolve(
                SiteMap.root(of: SiteMap.department("d")) + SiteMap.row("p", "nv-1"), from: SiteMap.department("d"))
                == SiteMap.plan("p"))
        #expect(SiteMap.planProgress("p").hasPrefix(SiteMap.plan("p") + "#"))
    }

    @Test func filesOfAPlanAreExactlyWhatThePortalHasOfIt() throws {
        let site = ExportFixture.progressSite()
        let written = Set(ExportFixture.portal(site).map(\.path))
        for plan in site.plans {
            let listed = SiteMap.files(of: plan)
            #expect(listed == listed.sorted() && Set(listed).count == listed.count)
            // Everything the renderer and the exports wrote in the plan's folder, and its shard;
            // the signed original is copied by the build itself.
            var expected = written.filter {
                $0.hasPrefix(SiteMap.planID(plan.slug)) || $0 == SiteMap.searchShard(plan.slug)
            }
            if let original = plan.original { expected.insert(SiteMap.original(plan.slug, file: original.file)) }
            #expect(Set(listed) == expected, "\(plan.slug)")
        }
    }

    @Test func downloadsLinkOnlyDataFilesOfThePlan() {
        for plan in ExportFixture.progressSite().plans {
            let files = Set(SiteMap.dataFiles(of: plan).map(\.path))
            let downloads = SiteMap.downloads(of: plan)
            #expect(!downloads.isEmpty && downloads.allSatisfy { files.contains($0.path) }, "\(plan.slug)")
            #expect(downloads.contains { $0.path == SiteMap.planReportsCSV(plan.slug) } == !plan.reports.isEmpty)
            #expect(SiteMap.dataFiles(of: plan).allSatisfy { SiteMap.isOpenData($0.path) })
        }
    }

    @Test func openDataIsTheDataFoldersWorkbooksAndOriginalsButNotTheManifest() {
        #expect(SiteMap.isOpenData(SiteMap.allTasks) && SiteMap.isOpenData(SiteMap.schema))
        #expect(!SiteMap.isOpenData(SiteMap.manifest))
        #expect(SiteMap.isOpenData(SiteMap.departmentTasksXLSX("d")) && !SiteMap.isOpenData(SiteMap.calendar("d")))
        #expect(SiteMap.isOpenData(SiteMap.original("p", file: "van-ban-goc.pdf")))
        #expect(!SiteMap.isOpenData(SiteMap.plan("p")) && !SiteMap.isOpenData(SiteMap.searchShard("p")))
    }
}

import Foundation
import PlansiteAssess
import PlansiteExport
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import PlansiteSupport
import TestSupport
import Testing

/// The search index of the default content, ranked by assets/search.js under node, and the
/// size of the index at national scale.
@Suite struct ExportSearchTests {
    /// The default content's pages and exports.
    static let files = ExportFixture.portal(defaultSite)

    /// The results of queries over the default content's index, written into a folder.
    func search(_ queries: [ExportNode.Query], limit: Int = 10) throws -> [[ExportNode.Hit]] {
        let folder = try TemporaryFolder()
        try ExportFixture.write(Self.files.filter { $0.path.hasPrefix("tim-kiem/") }, to: folder.url)
        return try ExportNode.search(queries, in: folder.url, limit: limit)
    }

    func search(_ query: String, _ filters: [String: String] = [:], limit: Int = 10) throws -> [ExportNode.Hit] {
        try search([.init(q: query, filters: filters)], limit: limit)[0]
    }

    @Test func noiVuFindsTheSoNoiVuFirst() throws {
        let hits = try search("noi vu")
        let first = try #require(hits.first)
        #expect(first.kind == "d", "\(hits.prefix(3))")
        #expect(first.url.hasPrefix("don-vi/") && first.title.contains("Nội vụ"), "\(first)")
        // Typed with diacritics, the same first result.
        #expect(try search("Nội vụ").first?.url == first.url)
    }

    @Test func dakNongFindsADakNongPlanFirst() throws {
        let first = try #require(try search("dak nong").first)
        #expect(first.kind == "p", "\(first)")
        #expect(first.url.hasPrefix("ke-hoach/2024-dak-nong-"), "\(first)")
        #expect(first.title.contains("Đắk Nông"))
        #expect(try search("Đắk Nông").first?.url == first.url)
    }

    @Test func thuTucHanhChinhFindsThePhrase() throws {
        let hits = try search("thu tuc hanh chinh")
        let first = try #require(hits.first)
        #expect(SearchKey.key(first.title).contains("thu tuc hanh chinh"), "\(first)")
        #expect(first.url.contains("#"), "a criterion or task: the link has the row's anchor")
        #expect(try search("thủ tục hành chính").first?.url == first.url)
    }

    /// Each seed pair, typed without diacritics, finds something; typed with them, the same.
    @Test func everySeedPairFindsResultsBothWays() throws {
        let pairs = ExportFoldingTests.allPairs
        let queries = pairs.flatMap { [ExportNode.Query(q: $0.1, filters: [:]), .init(q: $0.0, filters: [:])] }
        let results = try search(queries, limit: 3)
        for (offset, pair) in pairs.enumerated() {
            let plain = results[2 * offset]
            let accented = results[2 * offset + 1]
            #expect(!plain.isEmpty, "\(pair.1) finds nothing")
            #expect(plain.map(\.url) == accented.map(\.url), "\(pair.1) and \(pair.0) differ")
        }
    }

    @Test func filtersNarrowTheResults() throws {
        let sipas = try search("hai long", ["index": "sipas"], limit: 50)
        #expect(!sipas.isEmpty)
        for hit in sipas {
            #expect(hit.kind != "d")
            #expect(hit.index == "sipas" || (hit.index == nil && hit.indices?.contains("sipas") == true), "\(hit)")
        }
        let year = try search("bao cao", ["year": "2022"], limit: 50)
        #expect(!year.isEmpty && year.allSatisfy { $0.year == 2022 })
        let department = try search("bao cao", ["department": "dak-nong-so-noi-vu"], limit: 50)
        #expect(!department.isEmpty)
        #expect(department.allSatisfy { $0.departments.contains("dak-nong-so-noi-vu") }, "\(department.prefix(3))")
        let locality = try search("noi vu", ["locality": "quang-nam"], limit: 50)
        #expect(!locality.isEmpty && locality.allSatisfy { $0.url.contains("quang-nam") || $0.kind == "d" })
    }

    /// Every result links to a page of the portal and to an anchor that exists on it.
    @Test func everyEntryLinksToAnExistingAnchor() throws {
        let files = Self.files
        let pages = Dictionary(
            uniqueKeysWithValues: files.filter { $0.path.hasSuffix(".html") }.map {
                ($0.path, String(decoding: $0.data, as: UTF8.self))
            })
        var checked = 0
        for file in files where file.path.hasPrefix("tim-kiem/chi-muc/ke-hoach/") {
            let text = String(decoding: file.data, as: UTF8.self)
            for match in text.matches(of: /"u":"([^"]+)"/) {
                let url = String(match.output.1)
                let parts = url.split(separator: "#", maxSplits: 1).map(String.init)
                let page = try #require(pages[parts[0]], "\(url): no such page")
                if parts.count == 2 { #expect(page.contains("id=\"\(parts[1])\""), "\(url): no such anchor") }
                checked += 1
            }
        }
        #expect(checked > 300)
        let catalog = try #require(ExportFixture.text(files, SiteMap.searchCatalog))
        for department in defaultSite.departments {
            #expect(catalog.contains("\"id\":\"\(department.id)\""))
            #expect(pages[SiteMap.department(department.id)] != nil)
        }
    }

    @Test func indexFilesAreScriptsThatWorkFromFileURLs() throws {
        let catalog = try #require(ExportFixture.text(Self.files, SiteMap.searchCatalog))
        #expect(catalog.hasPrefix("(window.__plansiteSearch=window.__plansiteSearch||[]).push({"))
        #expect(catalog.hasSuffix("});\n"))
    }

    // MARK: - National scale

    /// 945 plans (63 provinces × 3 indices × 5 years) of 150 tasks, ~80 departments per province:
    /// the catalog, the script and the first shards loaded together (3 at once) stay under
    /// 300 KB gzip-compressed.
    @Test func nationalScaleIndexLoadsLessThan300KBBeforeTheFirstResult() throws {
        let site = SyntheticSite.national()
        #expect(site.plans.count == 945)
        #expect(site.plans.reduce(0) { $0 + $1.allTasks.count } == 945 * 150)
        let departments = ExportFixture.departments(site)
        let localities = ExportFixture.localities(site)
        let summaries = SiteAssessment(site).plans
        let catalog = Exports.searchCatalog(
            plans: summaries, departments: site.departments, localities: site.localities)[0]
        let shards = Parallel.map(site.plans) {
            Exports.searchShard(for: $0, departments: departments, localities: localities)
        }
        let largest = shards.sorted { $0.data.count > $1.data.count }.prefix(3)
        let script = try Data(contentsOf: ExportNode.script)
        let catalogSize = try gzipSize(catalog.data)
        let scriptSize = try gzipSize(script)
        let shardSizes = try largest.map { try gzipSize($0.data) }
        let total = catalogSize + scriptSize + shardSizes.reduce(0, +)
        let raw = shards.reduce(0) { $0 + $1.data.count }
        print(
            "search index at national scale: catalog \(catalog.data.count) B raw, \(catalogSize) B gzip; "
                + "search.js \(scriptSize) B gzip; largest shards \(shardSizes) B gzip "
                + "(\(largest.first?.data.count ?? 0) B raw; all \(shards.count) shards \(raw) B raw); "
                + "before the first result \(total) B gzip")
        #expect(catalogSize <= 200_000, "catalog: \(catalogSize) B gzip")
        #expect(total <= 300_000, "catalog + script + first shards: \(total) B gzip")
    }

    /// The gzip-compressed size of data (gzip -6, as web servers use).
    func gzipSize(_ data: Data) throws -> Int {
        let folder = try TemporaryFolder()
        let input = folder.path("data")
        try data.write(to: input)
        let result = try runTool("sh", ["-c", "gzip -6 -c '\(input.path)' | wc -c"])
        guard result.status == 0, let size = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw ExportTestError("gzip failed: \(result.error)") }
        return size
    }
}

/// A deterministic national-scale site built in code: words and department names from the
/// seeds, shuffled by a fixed-seed generator.
enum SyntheticSite {
    static func national(provinces: Int = 63, tasksPerPlan: Int = 150) -> Site {
        var random = SplitMix64(seed: 2024)
        let seed = defaultSite
        let words = Array(
            Set(
                seed.plans.flatMap { $0.allTasks.compactMap(\.text) }.joined(separator: " ").split(separator: " ")
                    .map(String.init))
        ).sorted()
        let dakNong = seed.departments.filter { $0.locality == "dak-nong" }
        let provinceNames = seed.localities.map(\.name)
        var localities: [Locality] = []
        var departments: [Department] = []
        var plans: [Plan] = []
        for number in 1...provinces {
            let id = "tinh-\(number)"
            let name = "tỉnh \(provinceNames[number % provinceNames.count]) \(number)"
            localities.append(Locality(id: LocalityID(id), name: name))
            var mine: [Department] = []
            for copy in 0..<3 {
                for department in dakNong where mine.count < 80 {
                    let suffix = copy == 0 ? "" : " \(copy + 1)"
                    mine.append(
                        Department(
                            id: DepartmentID(
                                id + "-" + String(department.id.rawValue.dropFirst("dak-nong-".count))
                                    + (copy == 0 ? "" : "-\(copy + 1)")),
                            name: department.name.replacingOccurrences(of: "Đắk Nông", with: name) + suffix,
                            shortName: department.shortName.map { $0 + suffix }, aliases: department.aliases,
                            level: department.level, locality: LocalityID(id)))
                }
            }
            departments += mine
            for index in IndexKind.allCases {
                for year in 2022...2026 {
                    plans.append(
                        plan(
                            slug: "\(year)-\(id)-\(index.rawValue)", index: index, year: year, locality: id, name: name,
                            departments: mine.map(\.id), words: words, tasks: tasksPerPlan, random: &random))
                }
            }
        }
        let settings = SiteSettings(
            title: "Cổng quốc gia", issuer: "Bộ Nội vụ", locale: "vi", basePath: nil, baseURL: nil,
            asOf: CalendarDate(year: 2026, month: 12, day: 31)!)
        return Site(settings: settings, localities: localities, departments: departments, plans: plans, results: [])
    }

    static func plan(
        slug: String, index: IndexKind, year: Int, locality: String, name: String, departments: [DepartmentID],
        words: [String], tasks: Int, random: inout SplitMix64
    ) -> Plan {
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in random.pick(words) }.joined(separator: " ")
        }
        var taskNumber = 0
        var criteria: [Criterion] = []
        let areas = 8
        for area in 1...areas {
            var children: [Criterion] = []
            for child in 1...4 {
                var rowTasks: [PlanTask] = []
                let count = tasks / (areas * 4) + (area * 4 + child <= tasks % (areas * 4) + 4 ? 1 : 0)
                for _ in 0..<count where taskNumber < tasks {
                    taskNumber += 1
                    let frames = ["Thường xuyên", "Hằng năm", "Hằng quý", "trước ngày 30/6/\(year)"]
                    rowTasks.append(
                        PlanTask(
                            anchor: "pl1-nv-\(taskNumber)", text: sentence(random.int(25..<50)),
                            lead: [random.pick(departments)],
                            cooperating: (0..<random.int(0..<3)).map { _ in random.pick(departments) },
                            monitoring: random.int(0..<2) == 0 ? [] : [random.pick(departments)],
                            timeFrame: TimeFrame(parsing: random.pick(frames))))
                }
                children.append(
                    Criterion(
                        code: "\(area).\(child)", title: sentence(random.int(4..<10)), max: Quantity(1),
                        tasks: rowTasks, anchor: "pl1-tc-\(area)-\(child)"))
            }
            criteria.append(
                Criterion(code: "\(area)", title: sentence(5), children: children, anchor: "pl1-tc-\(area)"))
        }
        let appendix = Appendix(
            number: 1, index: index, title: "NHIỆM VỤ CẢI THIỆN \(index.acronym) NĂM \(year)", reference: nil,
            columns: ColumnLabels(), criteria: criteria)
        // Whatever the rounding left becomes tasks of the plan itself.
        let missing = tasks - appendix.tasks.count
        let planTasks = (0..<max(0, missing)).map { number in
            PlanTask(
                anchor: "nv-\(number + 1)", text: sentence(30), lead: [random.pick(departments)],
                timeFrame: TimeFrame(parsing: "Thường xuyên"))
        }
        return Plan(
            slug: PlanID(slug), kind: .plan, number: "\(random.int(1..<900))/KH-UBND", issuer: "UBND \(name)",
            header: [],
            locality: LocalityID(locality), place: name, date: DocumentDate(year: year, month: 3, day: 15),
            title: "Cải thiện, nâng cao Chỉ số \(index.acronym) của \(name) năm \(year)", addressees: [],
            recipients: [], signer: nil, indices: [index], year: year, results: [], body: "", appendices: [appendix],
            tasks: planTasks)
    }
}

import Foundation
import PlansiteExport
import PlansiteModel
import TestSupport
import Testing

/// Vietnamese folding for search: the Swift index and `assets/search.js` must fold alike, so
/// that a query typed without diacritics finds the text with them, and the other way round.
@Suite struct ExportFoldingTests {
    /// The cases of the issue.
    static let required: [(String, String)] = [
        ("Nội vụ", "noi vu"), ("Đắk Nông", "dak nong"), ("thủ tục hành chính", "thu tuc hanh chinh"),
    ]

    /// Accented phrases from the seed documents (each is checked to occur in Content/) and the
    /// way people type them without diacritics.
    static let seedPairs: [(String, String)] = [
        ("Đắk Lắk", "dak lak"), ("Quảng Nam", "quang nam"), ("Hớn Quản", "hon quan"), ("Sở Tư pháp", "so tu phap"),
        ("Chủ tịch UBND cấp huyện", "chu tich ubnd cap huyen"), ("cải cách hành chính", "cai cach hanh chinh"),
        ("hài lòng", "hai long"), ("sự phục vụ", "su phuc vu"), ("người dân", "nguoi dan"),
        ("Trung tâm Phục vụ hành chính công", "trung tam phuc vu hanh chinh cong"),
        ("dịch vụ công trực tuyến", "dich vu cong truc tuyen"), ("Thanh tra tỉnh", "thanh tra tinh"),
        ("Văn phòng UBND tỉnh", "van phong ubnd tinh"),
        ("Sở Thông tin và Truyền thông", "so thong tin va truyen thong"),
        ("Sở Lao động - Thương binh và Xã hội", "so lao dong thuong binh va xa hoi"),
        ("Tòa án nhân dân tỉnh", "toa an nhan dan tinh"), ("Quy chế dân chủ ở cơ sở", "quy che dan chu o co so"),
        ("Tri thức công dân", "tri thuc cong dan"), ("Công khai, minh bạch", "cong khai minh bach"),
        ("Thường xuyên", "thuong xuyen"), ("Hằng quý", "hang quy"), ("điều tra xã hội học", "dieu tra xa hoi hoc"),
        ("hiện đại hóa hành chính", "hien dai hoa hanh chinh"), ("Giám đốc Sở Tài chính", "giam doc so tai chinh"),
        ("Bộ phận Một cửa", "bo phan mot cua"), ("Sở Giáo dục và Đào tạo", "so giao duc va dao tao"),
        ("Bảo hiểm xã hội tỉnh", "bao hiem xa hoi tinh"), ("Tỉnh ủy", "tinh uy"), ("TỈNH ĐẮK NÔNG", "tinh dak nong"),
        ("Sở Giao thông vận tải", "so giao thong van tai"),
    ]

    static var allPairs: [(String, String)] { required + seedPairs }

    /// Every text of the default content: titles, prose, criteria, tasks, departments.
    static let seedTexts: [String] = {
        var texts: [String] = []
        let site = defaultSite
        texts += site.localities.map(\.name)
        for department in site.departments {
            texts += [department.name] + (department.shortName.map { [$0] } ?? []) + department.aliases
        }
        for plan in site.plans {
            texts += [plan.title, plan.issuer, plan.place, plan.reference, plan.body] + plan.header
            for task in plan.allTasks { texts += [task.text, task.note, task.timeFrame?.text].compactMap { $0 } }
            for appendix in plan.appendices {
                texts.append(appendix.title)
                for (criterion, _) in appendix.rows {
                    texts += [criterion.title, criterion.description].compactMap { $0 }
                }
            }
        }
        return texts
    }()

    @Test func requiredCasesFoldBothWays() {
        for (accented, plain) in Self.required {
            #expect(VietnameseText.fold(accented) == plain)
            #expect(SearchKey.key(accented) == SearchKey.key(plain))
        }
        #expect(VietnameseText.fold("ĐẮK NÔNG") == "dak nong", "đ/Đ fold to d: NFD alone keeps them")
        #expect(SearchKey.key("thủ tục hành chính (TTHC)") == "thu tuc hanh chinh tthc")
    }

    @Test(arguments: seedPairs.map { [$0.0, $0.1] })
    func seedPhraseFoldsToItsPlainSpelling(_ pair: [String]) {
        let (accented, plain) = (pair[0], pair[1])
        #expect(SearchKey.key(accented) == plain)
        #expect(SearchKey.key(plain) == plain)
        // Drawn from the seeds: the phrase is in the content, and its plain spelling finds it there.
        let folded = Self.seedTexts.map(VietnameseText.matchKey)
        #expect(folded.contains { $0.contains(VietnameseText.matchKey(accented)) }, "\(accented) is not in Content/")
        #expect(Self.seedTexts.contains { SearchKey.key($0).contains(plain) })
    }

    /// The table-driven key is exactly the key made from `VietnameseText.fold`.
    @Test func fastKeyEqualsTheFoldBasedKey() {
        for text in Self.seedTexts + Self.allPairs.flatMap({ [$0.0, $0.1] }) {
            #expect(SearchKey.key(text) == SearchKey.referenceKey(text), "\(text.prefix(60))")
        }
        var scalars = String.UnicodeScalarView()
        for value in 0..<0x3000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "a" + String(scalar) + "b " + String(scalar)
            #expect(SearchKey.key(text) == SearchKey.referenceKey(text), "U+\(String(value, radix: 16))")
            scalars.append(scalar)
        }
        let all = String(scalars)
        #expect(SearchKey.key(all) == SearchKey.referenceKey(all))
        let decomposed = "Đắk Nông thủ tục".decomposedStringWithCanonicalMapping
        #expect(SearchKey.key(decomposed) == "dak nong thu tuc")
    }

    @Test func moreThanTwentyFivePairs() {
        #expect(Self.allPairs.count >= 25)
    }

    /// search.js's fold() and key() under node give what the Swift code gives, on every pair and
    /// on every text of the default content.
    @Test func javaScriptFoldsLikeSwift() throws {
        let results = try ExportNode.foldInJavaScript(
            Self.allPairs.flatMap { [$0.0, $0.1] } + Self.seedTexts)
        let inputs = Self.allPairs.flatMap { [$0.0, $0.1] } + Self.seedTexts
        #expect(results.count == inputs.count)
        var mismatches = 0
        for (text, result) in zip(inputs, results) {
            let swift = [VietnameseText.fold(text), SearchKey.key(text)]
            if result != swift {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("JavaScript \(result) ≠ Swift \(swift) for \(text.prefix(80))")
                }
            }
        }
        #expect(mismatches == 0)
        // And the pairs agree under JavaScript too.
        for (offset, pair) in Self.allPairs.enumerated() {
            #expect(results[2 * offset][1] == results[2 * offset + 1][1], "\(pair.0) / \(pair.1)")
        }
    }
}

/// Runs Templates/assets/search.js under node.
enum ExportNode {
    static let script = TestPaths.templates.appendingPathComponent("assets/search.js")

    /// node must be installed: the search tests never skip.
    static func requireNode() throws {
        if !toolExists("node") {
            throw ExportTestError("node is required to test assets/search.js: install it (apt-get install nodejs)")
        }
    }

    static func run(_ program: String, _ arguments: [String]) throws -> String {
        try requireNode()
        let folder = try TemporaryFolder()
        try folder.write(program, to: "harness.js")
        let result = try runTool("node", [folder.path("harness.js").path] + arguments)
        if result.status != 0 { throw ExportTestError("node failed (\(result.status)): \(result.error)") }
        return result.output
    }

    /// [fold(text), key(text)] for each text.
    static func foldInJavaScript(_ texts: [String]) throws -> [[String]] {
        let folder = try TemporaryFolder()
        let input = folder.path("texts.json")
        try JSONEncoder().encode(texts).write(to: input)
        let output = try run(
            """
            const search = require(process.argv[2]);
            const texts = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
            process.stdout.write(JSON.stringify(texts.map((t) => [search.fold(t), search.key(t)])));
            """, [script.path, input.path])
        return try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
    }

    struct Hit: Decodable {
        let kind: String
        let title: String
        let url: String
        let score: Double
        let departments: [String]
        let index: String?
        let shard: String?
        let year: Int?
        let indices: [String]?
    }

    struct Query: Encodable {
        let q: String
        let filters: [String: String]
    }

    /// The first results of each query, ranked by search.js over the index files in `folder`
    /// (loaded as the page loads them: by running the data scripts).
    static func search(_ queries: [Query], in folder: URL, limit: Int = 10) throws -> [[Hit]] {
        let scratch = try TemporaryFolder()
        let input = scratch.path("queries.json")
        try JSONEncoder().encode(queries).write(to: input)
        let output = try run(
            """
            const vm = require('vm'), fs = require('fs'), path = require('path');
            const search = require(process.argv[2]);
            const dir = process.argv[3];
            const queries = JSON.parse(fs.readFileSync(process.argv[4], 'utf8'));
            const limit = Number(process.argv[5]);
            const sink = [];
            const context = vm.createContext({ window: { __plansiteSearch: sink } });
            const load = (file) => vm.runInContext(fs.readFileSync(file, 'utf8'), context);
            load(path.join(dir, 'tim-kiem/chi-muc/danh-muc.js'));
            const shardDir = path.join(dir, 'tim-kiem/chi-muc/ke-hoach');
            for (const name of fs.readdirSync(shardDir).sort()) load(path.join(shardDir, name));
            const catalog = sink.find((d) => d.type === 'catalog');
            const shards = {};
            sink.filter((d) => d.type === 'shard').forEach((d) => { shards[d.id] = d; });
            const out = queries.map((q) => search.searchAll(catalog, shards, q.q, q.filters).slice(0, limit).map((r) => ({
              kind: r.entry.k, title: r.entry.t, url: r.entry.u, score: r.score, departments: r.entry.d || [],
              index: r.entry.i || null, shard: r.shard ? r.shard.id : null, year: r.shard ? r.shard.y : null,
              indices: r.shard ? r.shard.i : null,
            })));
            process.stdout.write(JSON.stringify(out));
            """, [script.path, folder.path, input.path, String(limit)])
        return try JSONDecoder().decode([[Hit]].self, from: Data(output.utf8))
    }
}

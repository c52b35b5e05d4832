import Foundation
import PlansiteDiagnostics
import PlansiteImport
import PlansiteModel
import TestSupport
import Testing

/// The importer against the hand transcription: every appendix table of seeds 000, 001 and 004
/// is imported, written into a copy of Content/ in place of the hand-typed file, and both are
/// loaded and validated; the validated appendices must be equal criterion by criterion and task
/// by task. The differences that remain are judgement calls explained in docs/import.md.
@Suite struct ImportSeedTests {
    static let seeds = TestPaths.repository.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    struct Case: Sendable, CustomStringConvertible {
        var seed: String
        var table: Int
        var slug: String
        var number: Int
        var description: String { "\(seed) bảng \(table) → \(slug)/phu-luc-\(number).yaml" }
    }

    static let cases: [Case] = [
        Case(seed: "000_2af389587b88e937.txt", table: 1, slug: "2024-dak-nong-van-phong-phan-cong", number: 1),
        Case(seed: "000_2af389587b88e937.txt", table: 2, slug: "2024-dak-nong-van-phong-phan-cong", number: 2),
        Case(seed: "000_2af389587b88e937.txt", table: 3, slug: "2024-dak-nong-van-phong-phan-cong", number: 3),
        Case(seed: "001_beff7fe376b71a54.txt", table: 1, slug: "2022-dak-lak-de-xuat-giai-phap", number: 1),
        Case(seed: "004_db39343950b1ddff.txt", table: 1, slug: "2024-dak-nong-papi-474", number: 1),
    ]

    /// Differences between the imported and the hand-typed appendices that docs/import.md
    /// explains. A new difference fails this test: fix the importer or explain it there.
    static let explainedDifferences: [String] = []

    static func importSeed(_ seed: String) throws -> ImportResult {
        let registry = Registry.load(folder: TestPaths.content.appendingPathComponent("departments")).registry
        return try AppendixImporter(registry: registry).importFile(seeds.appendingPathComponent(seed), file: seed)
    }

    @Test func importedSeedsEqualTheHandTranscription() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.content, at: "content")
        var imported: [String: ImportResult] = [:]
        for seed in Set(Self.cases.map(\.seed)) { imported[seed] = try Self.importSeed(seed) }
        for item in Self.cases {
            let result = try #require(imported[item.seed])
            #expect(result.appendices.count == Self.cases.filter { $0.seed == item.seed }.count, "\(item)")
            let appendix = try #require(result.appendices.first { $0.tableNumber == item.table }, "\(item)")
            #expect(appendix.number == item.number, "\(item)")
            try folder.write(
                try appendix.yaml(source: item.seed), to: "content/plans/\(item.slug)/phu-luc-\(item.number).yaml")
        }
        for item in Self.cases {
            // The hand-typed files of the copy are really replaced.
            let written = try String(
                contentsOf: folder.path("content/plans/\(item.slug)/phu-luc-\(item.number).yaml"), encoding: .utf8)
            #expect(written.hasPrefix("# Nhập từ \(item.seed), bảng \(item.table)"))
        }
        let (importedSite, importedDiagnostics) = checkContent(folder.path("content"))
        let site = try #require(importedSite, "the imported appendices do not check: \(importedDiagnostics)")
        // The same findings as the hand-typed content (lines differ: the files are laid out differently).
        let (_, handDiagnostics) = checkContent(TestPaths.content)
        func shape(_ diagnostics: [Diagnostic], root: String) -> [String] {
            compact(diagnostics, root: root).map { $0.split(separator: ":").first.map(String.init) ?? $0 }.sorted()
        }
        #expect(
            shape(importedDiagnostics, root: folder.path("content").path)
                == shape(handDiagnostics, root: TestPaths.content.path))

        var differences: [String] = []
        for item in Self.cases {
            let plan = try #require(site.plans.first { $0.slug.rawValue == item.slug })
            let handPlan = try #require(defaultSite.plans.first { $0.slug.rawValue == item.slug })
            let mine = try #require(plan.appendices.first { $0.number == item.number })
            let theirs = try #require(handPlan.appendices.first { $0.number == item.number })
            differences += AppendixDiff.compare(mine, theirs, label: "\(item.seed.prefix(3)) phụ lục \(item.number)")
        }
        #expect(differences == Self.explainedDifferences)
    }

    @Test func theComparisonSeesAChangedRow() throws {
        let plan = try #require(defaultSite.plans.first { $0.slug == "2024-dak-nong-papi-474" })
        let appendix = plan.appendices[0]
        #expect(AppendixDiff.compare(appendix, appendix, label: "x").isEmpty)
        var criteria = appendix.criteria
        let first = criteria[0].children[0]
        criteria[0] = Criterion(
            code: criteria[0].code, title: criteria[0].title, description: criteria[0].description,
            children: [
                Criterion(
                    code: first.code, title: first.title, tasks: Array(first.tasks.dropFirst()), anchor: first.anchor)
            ] + criteria[0].children.dropFirst(), anchor: criteria[0].anchor)
        let changed = Appendix(
            number: 1, index: appendix.index, title: appendix.title, reference: appendix.reference,
            columns: appendix.columns, criteria: criteria)
        #expect(AppendixDiff.compare(changed, appendix, label: "x") == ["x › 1 › 1.1: 0 nhiệm vụ ≠ 1"])
    }

    @Test func oneTableCanBeChosen() throws {
        let registry = Registry.load(folder: TestPaths.content.appendingPathComponent("departments")).registry
        let result = try AppendixImporter(registry: registry, options: .init(table: 3)).importFile(
            Self.seeds.appendingPathComponent("000_2af389587b88e937.txt"))
        #expect(result.tablesFound == 3)
        #expect(result.appendices.map(\.number) == [3])
        #expect(result.appendices.map(\.index) == [.sipas])
    }

    @Test func seedTablesHaveNothingUninterpreted() throws {
        for seed in Set(Self.cases.map(\.seed)).sorted() {
            let result = try Self.importSeed(seed)
            let problems = result.diagnostics.filter { $0.severity != .note }
            #expect(problems.isEmpty, "\(seed): \(problems)")
        }
    }

    /// What the importer tells about the seeds besides the tables themselves.
    @Test func seedNotesAreTheExpectedOnes() throws {
        let result000 = try Self.importSeed("000_2af389587b88e937.txt")
        #expect(
            result000.diagnostics.map(\.description) == [
                "000_2af389587b88e937.txt:42:189: note: ô đơn vị có thêm lời: hiểu là 'Phòng TH', 'Các phòng chuyên môn'; toàn văn giữ ở 'note': "
                    + "«Phòng TH chịu trách nhiệm tổng hợp chung, các phòng chuyên môn chịu trách nhiệm đôn đốc, "
                    + "theo dõi nhiệm vụ lĩnh vực được giao» [import-reading]"
            ])
        #expect(result000.locality == "dak-nong")
        let result001 = try Self.importSeed("001_beff7fe376b71a54.txt")
        #expect(result001.locality == "dak-lak")
        #expect(
            result001.diagnostics.filter { $0.code == .skippedLine }.map(\.location.line) == [
                78, 95, 107, 125, 142, 160, 177,
            ])
        let result004 = try Self.importSeed("004_db39343950b1ddff.txt")
        #expect(result004.diagnostics.map(\.location.line) == [114, 165])
        #expect(result004.diagnostics.allSatisfy { $0.code == .skippedLine })
    }
}

/// Field-by-field comparison of two validated appendices, as readable lines.
enum AppendixDiff {
    static func compare(_ a: Appendix, _ b: Appendix, label: String) -> [String] {
        var out: [String] = []
        func check<T: Equatable>(_ what: String, _ x: T, _ y: T) {
            if x != y { out.append("\(label): \(what): \(String(describing: x)) ≠ \(String(describing: y))") }
        }
        check("index", a.index, b.index)
        check("title", a.title, b.title)
        check("reference", a.reference, b.reference)
        check("columns", a.columns, b.columns)
        out += compare(a.criteria, b.criteria, label: label)
        return out
    }

    static func compare(_ a: [Criterion], _ b: [Criterion], label: String) -> [String] {
        var out: [String] = []
        if a.count != b.count { out.append("\(label): \(a.count) tiêu chí ≠ \(b.count)") }
        for (x, y) in zip(a, b) {
            let here = "\(label) › \(x.code ?? x.title.prefix(30).description)"
            func check<T: Equatable>(_ what: String, _ p: T, _ q: T) {
                if p != q { out.append("\(here): \(what): \(String(describing: p)) ≠ \(String(describing: q))") }
            }
            check("code", x.code, y.code)
            check("title", x.title, y.title)
            check("max", x.max, y.max)
            check("last", x.last, y.last)
            check("target", x.target, y.target)
            check("description", x.description, y.description)
            check("anchor", x.anchor, y.anchor)
            if x.tasks.count != y.tasks.count { out.append("\(here): \(x.tasks.count) nhiệm vụ ≠ \(y.tasks.count)") }
            for (offset, (p, q)) in zip(x.tasks, y.tasks).enumerated() {
                let task = "\(here) › nhiệm vụ \(offset + 1)"
                func checkTask<T: Equatable>(_ what: String, _ m: T, _ n: T) {
                    if m != n { out.append("\(task): \(what): \(String(describing: m)) ≠ \(String(describing: n))") }
                }
                checkTask("text", p.text, q.text)
                checkTask("note", p.note, q.note)
                checkTask("lead", p.lead, q.lead)
                checkTask("cooperating", p.cooperating, q.cooperating)
                checkTask("monitoring", p.monitoring, q.monitoring)
                checkTask("time", p.timeFrame, q.timeFrame)
                checkTask("anchor", p.anchor, q.anchor)
            }
            out += compare(x.children, y.children, label: here)
        }
        return out
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteImport
import PlansiteModel
import PlansiteValidator
import TestSupport
import Testing

/// The importer (`plansite import`, `plansite new …`) and `plansite check` resolve department
/// names the same way, report the same clashes and word "did you mean" alike.
@Suite struct ImportRegistryTests {
    static let registry = Registry.load(folder: TestPaths.content.appendingPathComponent("departments")).registry
    /// The directory as the validator builds it from the checked default content.
    static let checked = DepartmentDirectory(defaultSite.departments)

    /// Every way of writing each real department of Content/: its id, name, short name and
    /// aliases as written, then lower-cased, upper-cased, with doubled spaces, decomposed
    /// (NFD) and with a stray space at the ends.
    static let spellings: [(name: String, locality: String, id: DepartmentID)] = defaultSite.departments.flatMap {
        department in
        ([department.id.rawValue, department.name] + [department.shortName].compactMap { $0 } + department.aliases)
            .flatMap {
                name in
                [
                    name, name.lowercased(), name.uppercased(), name.replacingOccurrences(of: " ", with: "  "),
                    name.decomposedStringWithCanonicalMapping, " \(name) ",
                ].map { (name: $0, locality: department.locality.rawValue, id: department.id) }
            }
    }

    @Test func everyRealSpellingResolvesAlikeInTheImporterAndTheChecker() {
        #expect(Self.spellings.count > 100)
        let localities = Set(defaultSite.departments.map(\.locality.rawValue)).sorted()
        var disagreements: [String] = []
        for spelling in Self.spellings {
            for locality in localities + [nil] as [String?] {
                let imported = Self.registry.resolve(spelling.name, locality: locality)
                let validated = Self.checked.resolve(spelling.name, locality: locality.map(LocalityID.init))
                if imported != validated { disagreements.append("\(spelling.name) @\(locality ?? "-")") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    @Test func aNameInItsOwnLocalityResolvesToItsDepartment() {
        var wrong: [String] = []
        for spelling in Self.spellings
        where Self.registry.resolve(spelling.name, locality: spelling.locality) != .found(spelling.id) {
            // A name two departments of one locality claim belongs to the first only.
            guard case .found(let other) = Self.registry.resolve(spelling.name, locality: spelling.locality),
                defaultSite.departments.contains(where: { $0.id == other && $0.locality.rawValue == spelling.locality })
            else {
                wrong.append(spelling.name)
                continue
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(20))")
    }

    @Test func misspeltAndUnknownNamesGetTheSameSuggestions() {
        let names = ["Sở Nội vu", "So Noi vu", "Giám đốc Sở Tư phap", "Sở Du hành Vũ trụ", "TTPVHC", "", "UBND"]
        for locality in Set(defaultSite.departments.map(\.locality.rawValue)).sorted() {
            for name in names {
                #expect(
                    Self.registry.resolve(name, locality: locality)
                        == Self.checked.resolve(name, locality: LocalityID(locality)),
                    "\(name) @\(locality)")
            }
        }
    }

    static let clashFixture = TestPaths.fixtures.appendingPathComponent(
        "invalid/ambiguous-alias/content/departments/tinh-mau.yaml")

    @Test func aClashingAliasIsReportedWhereTheCheckerReportsIt() throws {
        let text = try String(contentsOf: Self.clashFixture, encoding: .utf8)
        var registry = Registry()
        #expect(registry.add(yaml: text, path: "departments/tinh-mau.yaml") == nil)
        let expected = try String(
            contentsOf: TestPaths.fixtures.appendingPathComponent("invalid/ambiguous-alias/expected.txt"),
            encoding: .utf8
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        // expected.txt pins the whole printed line: place, severity, message and code.
        let found = registry.diagnostics.map(\.description)
        #expect(found == [expected])
        // The first department keeps the name, as in the checker.
        #expect(registry.resolve("SNV", locality: "tinh-mau") == .found("tinh-mau-so-noi-vu"))
        let (_, problems) = Registry.load(folder: Self.clashFixture.deletingLastPathComponent())
        #expect(problems.contains { $0.code == .ambiguousAlias && $0.message.contains("'SNV'") }, "\(problems)")
    }

    @Test func didYouMeanIsWordedOnce() {
        #expect(Suggestions.didYouMean([]) == nil)
        #expect(Suggestions.didYouMean(["Sở Y tế"]) == "có phải ý bạn là 'Sở Y tế'?")
        #expect(Suggestions.didYouMean(["a", "b"]) == "có phải ý bạn là 'a' hoặc 'b'?")
        #expect(Suggestions.appendingHint("không có 'x'", ["y"]) == "không có 'x'; có phải ý bạn là 'y'?")
        #expect(Suggestions.appendingHint("không có 'x'", []) == "không có 'x'")
        #expect(Suggestions.hint(for: "Sở Nội vu", in: ["Sở Nội vụ"]) == "có phải ý bạn là 'Sở Nội vụ'?")
    }

    @Test func theImporterAndNewReportWordAnUnknownDepartmentWithTheSameHint() throws {
        let plan = try #require(defaultSite.plans.first)
        let misspelt = "Sở Nội vu"
        guard case .unknown(let suggestions) = Self.checked.resolve(misspelt, locality: plan.locality) else {
            Issue.record("'\(misspelt)' should be unknown")
            return
        }
        let hint = try #require(Suggestions.didYouMean(suggestions))
        let text = "STT\tNội dung\tChủ trì\tThời gian\n1\tNiêm yết\t\(misspelt)\tQuý I/2025\n"
        let result = AppendixImporter(registry: Self.registry, options: .init(locality: plan.locality.rawValue))
            .importText(
                text, format: .tsv)
        let notes = result.diagnostics.filter { $0.code == .unknownDepartment }
        #expect(notes.count == 1 && notes.allSatisfy { $0.message.hasSuffix("\(hint): «\(misspelt)»") }, "\(notes)")
    }

    @Test func textImportFindingsAreDiagnosticsWithFileLineColumnAndCode() {
        let text =
            "STT\tNội dung\tChủ trì\tThời gian\n(1)\t(2)\t(3)\t(4)\n1\tNiêm yết\tSở Du hành Vũ trụ\tQuý I/2025\n"
        let result = AppendixImporter(registry: Self.registry, options: .init(locality: "dak-nong")).importText(
            text, format: .tsv, file: "bang.tsv")
        let all = result.diagnostics
        // The readings of the header (which column is which) are notes too.
        #expect(all.filter { $0.code == .importReading }.allSatisfy { $0.severity == .note }, "\(all)")
        let diagnostics = all.filter { $0.code != .importReading }
        #expect(diagnostics.map(\.code) == [.skippedLine, .unknownDepartment], "\(diagnostics)")
        #expect(diagnostics.map(\.severity) == [.note, .warning])
        // A skipped row is reported at its start, a name at the column where its cell starts.
        #expect(
            diagnostics.map(\.location) == [
                SourceLocation(file: "bang.tsv", line: 2, column: 1),
                SourceLocation(file: "bang.tsv", line: 3, column: 12),
            ])
        #expect(
            diagnostics.last?.description.hasPrefix("bang.tsv:3:12: warning: không có đơn vị 'Sở Du hành Vũ trụ'")
                == true,
            "\(diagnostics)")
        #expect(diagnostics.last?.description.hasSuffix("«Sở Du hành Vũ trụ» [unknown-department]") == true)
        #expect(Diagnostic.totals(of: all) == (errors: 0, warnings: 1))
    }
}

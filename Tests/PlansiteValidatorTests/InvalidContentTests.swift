import Foundation
import PlansiteDiagnostics
import TestSupport
import Testing

/// One folder per invalid input under Fixtures/invalid/<case>/: the files that differ from the
/// valid fixture site, and expected.txt with the diagnostics exactly as `plansite check` prints
/// them (file:line:column: severity: message [code], and each note), so that the wording and
/// the suggestions are pinned too. PLANSITE_RECORD=1 writes expected.txt anew (review the diff).
@Suite struct InvalidContentTests {
    static let cases: [String] = {
        let folder = TestPaths.fixtures.appendingPathComponent("invalid")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted()
    }()

    @Test("each invalid fixture gives exactly its expected diagnostics", arguments: cases)
    func invalidCase(_ name: String) throws {
        let folder = TestPaths.fixtures.appendingPathComponent("invalid/\(name)")
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try temporary.overlay(folder.appendingPathComponent("content"), at: "content")
        let content = temporary.path("content")
        let (site, diagnostics) = checkContent(content)
        let actual = printed(diagnostics, root: content.path).map { $0 + "\n" }.joined()
        let expectedFile = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1" {
            try actual.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(actual == expected)
        let lines = expected.split(separator: "\n").filter { !$0.hasPrefix("    note: ") }
        #expect(lines.contains { $0.hasSuffix(" [\(name)]") }, "the case is named for its code")
        let hasError = lines.contains { $0.contains(": error: ") }
        #expect((site == nil) == hasError, "a site is produced exactly when there is no error")
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.isEmpty)
        }
    }

    @Test func everyCodeHasAnInvalidCase() {
        let covered = Set(Self.cases).union([
            // Cases that need a file made at test time or a folder outside Content/:
            "unreadable-file", "file-too-large", "template-syntax", "missing-template", "output-failed",
            // A FIFO cannot be kept in git: HostileInputTests makes one.
            "special-file",
            "unsafe-output", "output-busy",
            // Report forms are not content: ReportFormTests imports forms with these mistakes.
            "form-row-removed", "locked-cell-edited",
            // Codes of `plansite import plan.docx`, not of `check`: DocxImportTests.
            "unreadable-document", "unmapped-content",
            // Templates are not content: PlansiteRenderTests' TemplateLoadingTests (its `codes`).
            "template-cycle", "template-too-deep", "unknown-template-key",
            // Notes of `plansite import bang.txt`: ImportTests and ImportRegistryTests.
            "import-reading", "skipped-line",
        ])
        let all = Set(DiagnosticCode.allCases.map(\.rawValue))
        #expect(all.subtracting(covered).isEmpty, "codes without a test: \(all.subtracting(covered).sorted())")
        #expect(covered.subtracting(all).isEmpty, "fixtures for unknown codes: \(covered.subtracting(all).sorted())")
    }

    @Test func missingContentFolderIsReportedNotCrashed() throws {
        let temporary = try TemporaryFolder()
        let (site, diagnostics) = checkContent(temporary.path("khong-co"))
        #expect(site == nil)
        #expect(diagnostics.map(\.code) == [.unreadableFile])
    }

    @Test func fiftyMegabyteFileIsRefusedWithAClearDiagnostic() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let big = temporary.path("content/plans/2024-mau-par-index/phu-luc-2.yaml")
        let line = Data("- dòng dữ liệu rất dài được xuất nhầm từ bảng tính\n".utf8)
        var data = Data(capacity: 50 * 1024 * 1024 + line.count)
        while data.count < 50 * 1024 * 1024 { data.append(line) }
        try data.write(to: big)
        let (site, diagnostics) = checkContent(temporary.path("content"))
        #expect(site == nil)
        #expect(
            compact(diagnostics, root: temporary.path("content").path) == [
                "error file-too-large plans/2024-mau-par-index/phu-luc-2.yaml"
            ])
        #expect(diagnostics.first?.message.contains("50,0 MB") == true)
    }

    @Test func allDiagnosticsAreCollectedNotJustTheFirst() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        for name in ["unknown-field", "malformed-number", "task-without-department"] {
            try temporary.overlay(
                TestPaths.fixtures.appendingPathComponent("invalid/\(name)/content"), at: "content")
        }
        let codes = Set(checkContent(temporary.path("content")).1.map(\.code.rawValue))
        #expect(codes.isSuperset(of: ["unknown-field", "malformed-number", "task-without-department"]))
    }
}

import Foundation
import PlansiteDiagnostics
import TestSupport
import Testing

/// The clerks' guide (docs/huong-dan/) explains every message `plansite check` can print: one
/// entry, a `### \`code\`` heading, per `DiagnosticCode`, so that the guide cannot fall behind
/// the code.
@Suite struct GuideTests {
    static let guide = TestPaths.repository.appendingPathComponent("docs/huong-dan/thong-bao-kiem-tra.md")

    /// The codes the guide has an entry for, in the order of its headings.
    static func entries() throws -> [String] {
        let text = try String(contentsOf: guide, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("### `"), line.hasSuffix("`") else { return nil }
            return String(line.dropFirst(5).dropLast())
        }
    }

    @Test func everyDiagnosticCodeHasAnEntryInTheGuide() throws {
        let entries = Set(try Self.entries())
        let missing = DiagnosticCode.allCases.map(\.rawValue).filter { !entries.contains($0) }
        #expect(missing.isEmpty, "docs/huong-dan/thong-bao-kiem-tra.md has no entry for: \(missing)")
    }

    @Test func theGuideHasNoEntryForACodeThatDoesNotExist() throws {
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        let entries = try Self.entries()
        #expect(!entries.isEmpty)
        #expect(entries.filter { !codes.contains($0) } == [])
        #expect(entries.count == Set(entries).count, "an entry appears twice: \(entries)")
    }
}

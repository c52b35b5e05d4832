import Foundation
import PlansiteDiagnostics
import Testing

/// What the fuzzer (Fuzz/, `scripts/fuzz`) found: each input that crashed, hung or blew up the
/// loader or the validator is kept under Fixtures/fuzz/<name>/ as `input`, in the fuzz target's
/// format, with expected.txt: the diagnostics plansite gives for it now (docs/safety.md).
@Suite struct FuzzFindingTests {
    /// Where each NUL-separated part of an input goes, as in Fuzz/Target/FuzzContent.swift.
    static let slots = [
        "site.yaml",
        "plans/2024-mau-par-index/plan.md",
        "plans/2024-mau-par-index/phu-luc-1.yaml",
        "plans/2023-mau-papi/nhiem-vu.yaml",
        "plans/2024-mau-par-index/bao-cao-2024-quy-1-so-noi-vu.yaml",
        "departments/tinh-mau.yaml",
        "results.yaml",
    ]

    static let cases: [String] = {
        let folder = TestPaths.fixtures.appendingPathComponent("fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Lays an input over a copy of the fixture site as the fuzz target does: an empty part
    /// removes its file, a slot after the last part keeps the fixture's file, the last part keeps
    /// any further NUL bytes.
    static func lay(_ input: Data, in temporary: TemporaryFolder) throws -> URL {
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let parts = input.split(separator: 0, maxSplits: slots.count - 1, omittingEmptySubsequences: false)
        for (slot, part) in zip(slots, parts) {
            let file = temporary.path("content/\(slot)")
            if part.isEmpty {
                try FileManager.default.removeItem(at: file)
            } else {
                try Data(part).write(to: file)
            }
        }
        return temporary.path("content")
    }

    @Test("each fuzz finding is now checked into exactly its expected diagnostics", arguments: cases)
    func finding(_ name: String) throws {
        let folder = TestPaths.fixtures.appendingPathComponent("fuzz/\(name)")
        let input = try Data(contentsOf: folder.appendingPathComponent("input"))
        let temporary = try TemporaryFolder()
        let content = try Self.lay(input, in: temporary)
        let (site, diagnostics) = checkContent(content)
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(compact(diagnostics, root: content.path) == expected)
        #expect((site == nil) == expected.contains { $0.hasPrefix("error") })
        for diagnostic in diagnostics {
            #expect(!diagnostic.message.isEmpty)
        }
    }

    @Test func theSlotsAreTheFuzzTargets() throws {
        let source = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("Fuzz/Target/FuzzContent.swift"), encoding: .utf8)
        let block = try #require(source.range(of: "let slots = [").map { source[$0.upperBound...] })
        let list = block[..<(block.firstIndex(of: "]") ?? block.endIndex)]
        let quoted = list.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        #expect(quoted == Self.slots)
    }

    /// The fixture site's own files as one input, with some parts replaced.
    static func packedFixture(replacing replacements: [Int: Data] = [:]) throws -> Data {
        let site = TestPaths.fixtures.appendingPathComponent("site")
        var input = Data()
        for (index, slot) in slots.enumerated() {
            if index > 0 { input.append(0) }
            input.append(try replacements[index] ?? Data(contentsOf: site.appendingPathComponent(slot)))
        }
        return input
    }

    @Test func theFixtureSitePackedAsOneInputChecksAsTheFixtureSiteDoes() throws {
        let temporary = try TemporaryFolder()
        let laid = try Self.lay(try Self.packedFixture(), in: temporary)
        let plain = try TemporaryFolder()
        try plain.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let expected = compact(checkContent(plain.path("content")).1, root: plain.path("content").path)
        let (checked, diagnostics) = checkContent(laid)
        #expect(checked != nil)
        #expect(compact(diagnostics, root: laid.path) == expected)
    }

    @Test func anEmptyPartRemovesItsFileAndLaterSlotsKeepTheFixtures() throws {
        let temporary = try TemporaryFolder()
        let content = try Self.lay(Data(), in: temporary)
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("site.yaml").path))
        #expect(compact(checkContent(content).1, root: content.path) == ["error missing-field site.yaml"])
    }

    @Test func theLastPartKeepsFurtherNULBytes() throws {
        let input = try Self.packedFixture(replacing: [6: Data("results: []\n".utf8) + Data([0]) + Data("x\n".utf8)])
        let temporary = try TemporaryFolder()
        let content = try Self.lay(input, in: temporary)
        #expect(compact(checkContent(content).1, root: content.path) == ["error not-text results.yaml"])
    }
}

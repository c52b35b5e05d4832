import Foundation
import PlansiteDiagnostics
import TestSupport
import Testing

/// Inputs kept from fuzzing (Fuzz/, `scripts/fuzz`): each input that crashed, hung or blew up the
/// loader or the validator, and hard inputs written by hand (Fixtures/fuzz/README.md), is kept
/// under Fixtures/fuzz/<name>/ as `input`, in the fuzz target's format, with expected.txt: the
/// diagnostics plansite gives for it now (docs/safety.md).
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
        return names.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }()

    /// Lays an input over a copy of the fixture site as the fuzz target does: an empty part
    /// removes its file, a slot after the last part keeps the fixture's file, and an eighth part
    /// names extra files, one a line, "N path" (a copy of part N) or "path" (of the appendix).
    static func lay(_ input: Data, in temporary: TemporaryFolder) throws -> URL {
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let manager = FileManager.default
        let parts = input.split(separator: 0, maxSplits: slots.count, omittingEmptySubsequences: false)
        for (slot, part) in zip(slots, parts) {
            let file = temporary.path("content/\(slot)")
            if part.isEmpty {
                try manager.removeItem(at: file)
            } else {
                try Data(part).write(to: file)
            }
        }
        guard parts.count > slots.count else { return temporary.path("content") }
        for line in parts[slots.count].split(separator: UInt8(ascii: "\n")).prefix(8) {
            var text = String(decoding: line, as: UTF8.self)
            var source = 2
            if let first = text.first, first.isASCII, let digit = first.wholeNumberValue,
                (1...slots.count).contains(digit), text.dropFirst().first == " "
            {
                source = digit - 1
                text = String(text.dropFirst(2))
            }
            let components = text.split(separator: "/").filter { $0 != "." && $0 != ".." }.prefix(4)
            guard !components.isEmpty, components.allSatisfy({ $0.utf8.count <= 64 }) else { continue }
            let file = temporary.path("content/" + components.joined(separator: "/"))
            var isFolder: ObjCBool = false
            let folder = file.deletingLastPathComponent()
            if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue { continue }
            guard !manager.fileExists(atPath: file.path),
                (try? manager.createDirectory(
                    at: folder, withIntermediateDirectories: true)) != nil
            else { continue }
            let copy =
                source < parts.count
                ? Data(parts[source])
                : try Data(
                    contentsOf: TestPaths.fixtures.appendingPathComponent("site/\(slots[source])"))
            try copy.write(to: file)
        }
        return temporary.path("content")
    }

    @Test("each kept fuzz input is checked into exactly its expected diagnostics", arguments: cases)
    func finding(_ name: String) throws {
        let folder = TestPaths.fixtures.appendingPathComponent("fuzz/\(name)")
        let input = try Data(contentsOf: folder.appendingPathComponent("input"))
        let temporary = try TemporaryFolder()
        let content = try Self.lay(input, in: temporary)
        let (site, diagnostics) = checkContent(content)
        let actual = compact(diagnostics, root: content.path)
        let expectedFile = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1" {
            // As for golden files: written anew only on request, then reviewed in the diff.
            try (actual.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(actual == expected)
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

    @Test func theEighthPartMakesExtraFilesAsCopiesOfTheParts() throws {
        // A second registry (a copy of part 6), a stray file (its ".." dropped) and a plan folder
        // without plan.md.
        let listing = "6 departments/khac.yaml\nplans/../ghi-chu.txt\n1 plans/2025-moi/nhiem-vu.yaml\n"
        var input = try Self.packedFixture()
        input.append(0)
        input.append(Data(listing.utf8))
        let temporary = try TemporaryFolder()
        let content = try Self.lay(input, in: temporary)
        let registry = try Data(contentsOf: content.appendingPathComponent("departments/khac.yaml"))
        #expect(registry == (try Data(contentsOf: content.appendingPathComponent("departments/tinh-mau.yaml"))))
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("plans/ghi-chu.txt").path))
        let codes = compact(checkContent(content).1, root: content.path).map { $0.split(separator: " ")[1] }
        #expect(codes.contains("unexpected-file"))
        #expect(codes.contains("missing-field"))
        #expect(codes.contains("duplicate-id"))
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteValidator

// libFuzzer entry point: the real loader and validator on fuzzed content.
//
// An input is up to seven files separated by NUL bytes, laid in this order over a copy of the
// valid fixture site (Tests/PlansiteTests/Fixtures/site) in a temporary folder:
//
//   site.yaml ␀ plan.md (front matter) ␀ phu-luc-1.yaml ␀ nhiem-vu.yaml ␀ bao-cao-….yaml ␀
//   departments/tinh-mau.yaml ␀ results.yaml
//
// An empty part removes that file; a file after the last part is the fixture's own. The last
// part keeps any further NUL bytes (so the binary-file check is reached too). The content is
// then loaded and validated as `plansite check` does; diagnostics are the expected outcome and
// are ignored, except that each must have a message and a file. A crash, a trap, a hang past
// libFuzzer's -timeout or memory past -rss_limit_mb is a finding.
// Fuzz/pack.py and Fuzz/unpack.py convert between content folders and this format.

/// Where each part of an input goes, relative to the content folder.
let slots = [
    "site.yaml",
    "plans/2024-mau-par-index/plan.md",
    "plans/2024-mau-par-index/phu-luc-1.yaml",
    "plans/2023-mau-papi/nhiem-vu.yaml",
    "plans/2024-mau-par-index/bao-cao-2024-quy-1-so-noi-vu.yaml",
    "departments/tinh-mau.yaml",
    "results.yaml",
]

/// The content folder every input is written into, made once per process. Only `let`s of
/// Sendable values: shared read-only between libFuzzer's calls.
final class Workspace: Sendable {
    let root: URL
    /// The fixture's own bytes for each slot (nil when the fixture has no such file).
    let base: [Data?]

    init() {
        let environment = ProcessInfo.processInfo.environment
        let fixture =
            environment["PLANSITE_FUZZ_BASE"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Tests/PlansiteTests/Fixtures/site").standardizedFileURL
        let manager = FileManager.default
        root = URL(fileURLWithPath: Workspace.folder())
        try? manager.removeItem(at: root)
        do {
            try manager.copyItem(at: fixture, to: root)
        } catch {
            fatalError("fuzz-content: cannot copy the base site \(fixture.path) to \(root.path): \(error)")
        }
        base = slots.map { try? Data(contentsOf: fixture.appendingPathComponent($0)) }
        atexit { try? FileManager.default.removeItem(atPath: Workspace.folder()) }
    }

    /// This process's folder, memory-backed when there is /dev/shm: every input is written there.
    static func folder() -> String {
        let parent = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return URL(fileURLWithPath: parent).appendingPathComponent("plansite-fuzz-\(getpid())").path
    }

    func lay(_ parts: [UnsafeBufferPointer<UInt8>.SubSequence]) {
        for (index, slot) in slots.enumerated() {
            let file = root.appendingPathComponent(slot)
            let bytes: Data?
            if index < parts.count {
                bytes = parts[index].isEmpty ? nil : Data(parts[index])
            } else {
                bytes = base[index]
            }
            if let bytes {
                do { try bytes.write(to: file) } catch {
                    fatalError("fuzz-content: cannot write \(file.path): \(error)")
                }
            } else {
                unlink(file.path)
            }
        }
    }
}

let workspace = Workspace()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let parts = input.split(separator: 0, maxSplits: slots.count - 1, omittingEmptySubsequences: false)
    workspace.lay(parts)
    let root = workspace.root.path
    let (definition, loadDiagnostics) = ContentLoader(root: workspace.root, displayRoot: root).load()
    let (_, validationDiagnostics) = Validator().validate(definition)
    for diagnostic in loadDiagnostics + validationDiagnostics {
        precondition(!diagnostic.message.isEmpty, "a diagnostic without a message: \(diagnostic)")
        precondition(diagnostic.location.file.hasPrefix(root), "a diagnostic outside the content: \(diagnostic)")
    }
    return 0
}

// SwiftPM links a debug executable with `main` renamed to `<module>_main` (so tests can import
// it); libFuzzer's own `main` is then not linked, and this one starts libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("fuzz_content_main")
public func fuzzContentMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzContent)
}

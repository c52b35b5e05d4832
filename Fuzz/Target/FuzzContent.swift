import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteValidator

// libFuzzer entry point: the real loader and validator on fuzzed content.
//
// An input is up to seven files separated by NUL bytes, laid in this order over a copy of the
// valid fixture site (Tests/Fixtures/site) in a temporary folder:
//
//   site.yaml ␀ plan.md (front matter) ␀ phu-luc-1.yaml ␀ nhiem-vu.yaml ␀ bao-cao-….yaml ␀
//   departments/tinh-mau.yaml ␀ results.yaml ␀ extra files
//
// An empty part removes that file; a file after the last part is the fixture's own. The eighth
// part names extra files to make, one a line: "N path" copies part N (1–7) there, a bare "path"
// copies the appendix (part 3); paths are relative, "." and ".." are dropped, at most 8 files of
// at most 4 levels, and a path that exists already is skipped. They reach the loader's handling
// of file and folder names (unexpected files, plan folders, appendix numbers, registries) and
// several plans or registries at once, and are removed after the input. The content is
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
    /// PLANSITE_FUZZ_TWICE=1: every input is checked twice and the diagnostics must be equal
    /// (plans are read and validated in parallel; the output must not depend on it).
    let checkTwice = ProcessInfo.processInfo.environment["PLANSITE_FUZZ_TWICE"] == "1"

    init() {
        let environment = ProcessInfo.processInfo.environment
        let fixture =
            environment["PLANSITE_FUZZ_BASE"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Tests/Fixtures/site").standardizedFileURL
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

    /// Makes the extra files of an input's eighth part; gives what was made (files and
    /// folders, in the order made) for `remove`.
    func addExtraFiles(_ parts: [UnsafeBufferPointer<UInt8>.SubSequence]) -> [String] {
        guard parts.count > slots.count else { return [] }
        func content(_ index: Int) -> Data {
            index < parts.count ? Data(parts[index]) : base[index] ?? Data()
        }
        var made: [String] = []
        let lines = parts[slots.count].split(separator: UInt8(ascii: "\n")).prefix(8)
        for line in lines {
            var text = String(decoding: line, as: UTF8.self)
            var source = 2
            if let first = text.first, first.isASCII, let digit = first.wholeNumberValue,
                (1...slots.count).contains(digit),
                text.dropFirst().first == " "
            {
                source = digit - 1
                text = String(text.dropFirst(2))
            }
            let components = text.split(separator: "/").filter { $0 != "." && $0 != ".." }.prefix(4)
            guard !components.isEmpty, components.allSatisfy({ $0.utf8.count <= 64 }) else { continue }
            var folder = root.path
            var usable = true
            for component in components.dropLast() {
                folder += "/" + component
                var info = stat()
                if stat(folder, &info) != 0 {
                    guard mkdir(folder, 0o755) == 0 else {
                        usable = false
                        break
                    }
                    made.append(folder)
                } else if info.st_mode & S_IFMT != S_IFDIR {
                    usable = false
                    break
                }
            }
            let file = folder + "/" + components.last!
            guard usable, access(file, F_OK) != 0 else { continue }
            if FileManager.default.createFile(atPath: file, contents: content(source)) { made.append(file) }
        }
        return made
    }

    /// Removes what `addExtraFiles` made, the fixture site left as it was.
    func remove(_ made: [String]) {
        for path in made.reversed() where unlink(path) != 0 { rmdir(path) }
    }
}

let workspace = Workspace()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContent(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let parts = input.split(separator: 0, maxSplits: slots.count, omittingEmptySubsequences: false)
    workspace.lay(parts)
    let extra = workspace.addExtraFiles(parts)
    defer { workspace.remove(extra) }
    let root = workspace.root.path
    let diagnostics = check(root: root)
    for diagnostic in diagnostics {
        precondition(!diagnostic.message.isEmpty, "a diagnostic without a message: \(diagnostic)")
        precondition(diagnostic.location.file.hasPrefix(root), "a diagnostic outside the content: \(diagnostic)")
    }
    if workspace.checkTwice {
        precondition(check(root: root) == diagnostics, "two checks of the same content gave different diagnostics")
    }
    return 0
}

/// Load and validate, as `plansite check` does; every diagnostic in the order given.
func check(root: String) -> [Diagnostic] {
    let (definition, loadDiagnostics) = ContentLoader(root: workspace.root, displayRoot: root).load()
    let (_, validationDiagnostics) = Validator().validate(definition)
    return loadDiagnostics.sorted + validationDiagnostics
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

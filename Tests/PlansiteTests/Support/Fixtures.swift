import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteModel

/// Temporary folders for tests, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Copies a folder's contents into `relative`, over whatever is there.
    func overlay(_ source: URL, at relative: String) throws {
        let fileManager = FileManager.default
        let target = path(relative)
        guard let enumerator = fileManager.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey])
        else {
            return
        }
        let prefix = source.standardizedFileURL.path + "/"
        for case let file as URL in enumerator {
            guard (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relativePath = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            let destination = target.appendingPathComponent(relativePath)
            try fileManager.createDirectory(
                at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: destination.path) { try fileManager.removeItem(at: destination) }
            try fileManager.copyItem(at: file, to: destination)
        }
    }

    func write(_ text: String, to relative: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }
}

/// Diagnostics as compact lines, "error unknown-field plans/x/plan.md:3:1", relative to `root`.
func compact(_ diagnostics: [Diagnostic], root: String) -> [String] {
    diagnostics.map { diagnostic in
        var file = diagnostic.location.file
        if file.hasPrefix(root + "/") { file.removeFirst(root.count + 1) }
        let position = diagnostic.location.line > 0 ? ":\(diagnostic.location.line):\(diagnostic.location.column)" : ""
        return "\(diagnostic.severity.rawValue) \(diagnostic.code.rawValue) \(file)\(position)"
    }
}

/// Checks a content folder as `plansite check` does, with paths shown relative to it.
func checkContent(_ folder: URL) -> (Site?, [Diagnostic]) {
    let result = Checker(content: folder, displayContent: folder.path).check()
    return (result.site, result.diagnostics)
}

/// The default content, checked once for every test that reads it.
let defaultSite: Site = {
    let (site, diagnostics) = checkContent(TestPaths.content)
    guard let site else { fatalError("the default Content/ does not check: \(diagnostics)") }
    return site
}()

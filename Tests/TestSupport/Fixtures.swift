import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel
import PlansiteValidator

/// Temporary folders for tests, removed when the value is released.
package final class TemporaryFolder {
    package let url: URL

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    package func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Copies a folder's contents into `relative`, over whatever is there.
    package func overlay(_ source: URL, at relative: String) throws {
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

    package func write(_ text: String, to relative: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }
}

/// Diagnostics as compact lines, "error unknown-field plans/x/plan.md:3:1", relative to `root`.
package func compact(_ diagnostics: [Diagnostic], root: String) -> [String] {
    diagnostics.map { diagnostic in
        var file = diagnostic.location.file
        if file.hasPrefix(root + "/") { file.removeFirst(root.count + 1) }
        let position = diagnostic.location.line > 0 ? ":\(diagnostic.location.line):\(diagnostic.location.column)" : ""
        return "\(diagnostic.severity.rawValue) \(diagnostic.code.rawValue) \(file)\(position)"
    }
}

/// Diagnostics as `plansite check` prints them, one entry each ("file:line:column: severity:
/// message [code]", then a line "    note: …" per note), with every path relative to `root`:
/// in the location, and in a message that names another place ("đã được dùng ở …").
package func printed(_ diagnostics: [Diagnostic], root: String) -> [String] {
    diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
}

/// Checks a content folder as `plansite check` does (the loader, then the validator, their
/// diagnostics sorted together: what PlansiteBuild's `Checker` runs, without the build target,
/// so that a stage's tests depend only on the stages before it; PlansiteBuildTests'
/// `CheckerTests` proves the two agree), with paths shown relative to the folder.
package func checkContent(_ folder: URL) -> (Site?, [Diagnostic]) {
    var (definition, diagnostics) = ContentLoader(root: folder, displayRoot: folder.path).load()
    let validation = Validator().validate(definition, widening: nil)
    diagnostics.append(contentsOf: validation.diagnostics)
    return (diagnostics.hasErrors ? nil : validation.site, diagnostics.sorted)
}

/// The default content, checked once for every test that reads it.
package let defaultSite: Site = {
    let (site, diagnostics) = checkContent(TestPaths.content)
    guard let site else { fatalError("the default Content/ does not check: \(diagnostics)") }
    return site
}()

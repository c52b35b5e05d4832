import Foundation
import Testing

/// Paths inside the test folder, found from this file's location.
package enum TestPaths {
    package static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    package static let fixtures = tests.appendingPathComponent("Fixtures")
    package static let golden = tests.appendingPathComponent("Golden")
    package static let repository = tests.deletingLastPathComponent()
    package static let content = repository.appendingPathComponent("Content")
    package static let templates = repository.appendingPathComponent("Templates")
    /// The independent checker of the exports (CI runs it on the default portal too).
    package static let exportValidator = repository.appendingPathComponent("scripts/validate-exports.py")
}

/// Compares text with a golden file under Tests/Golden/. Run with
/// PLANSITE_RECORD=1 to write the golden files anew (then review the diff), never silently.
package func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = TestPaths.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1" {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "golden file \(name) is missing; run with PLANSITE_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference =
            zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let expectedLine = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
        let actualLine = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
        Issue.record(
            "\(name) differs from its golden file at line \(firstDifference + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
            sourceLocation: sourceLocation)
    }
}

import Foundation

/// Runs a program found on the PATH; output goes through files, so large outputs cannot block.
package func runTool(_ tool: String, _ arguments: [String], in folder: URL? = nil) throws -> (
    status: Int32, output: String, error: String
) {
    let scratch = try TemporaryFolder()
    let out = scratch.path("stdout")
    let err = scratch.path("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    if let folder { process.currentDirectoryURL = folder }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    return (
        process.terminationStatus, try String(contentsOf: out, encoding: .utf8),
        try String(contentsOf: err, encoding: .utf8)
    )
}

/// Whether a program is on the PATH.
package func toolExists(_ tool: String) -> Bool {
    (try? runTool("sh", ["-c", "command -v \(tool)"]).status) == 0
}

/// A test that cannot go on (a tool or a package missing), with what to do about it.
package struct ExportTestError: Error, CustomStringConvertible {
    package let description: String

    package init(_ description: String) { self.description = description }
}

/// The Python packages scripts/validate-exports.py needs, or an error saying how to install them.
package func requireExportValidatorPackages() throws {
    guard toolExists("python3") else { throw ExportTestError("python3 is required to validate the exports") }
    let probe = try runTool("python3", ["-c", "import icalendar, jsonschema"])
    if probe.status != 0 {
        throw ExportTestError(
            "the Python packages icalendar and jsonschema are required: pip install icalendar jsonschema")
    }
}

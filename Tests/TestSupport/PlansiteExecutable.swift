import Foundation

/// The built `plansite` executable, beside the test bundle in the package's build folder
/// (`swift build --build-tests` and `swift test` build every product).
package let plansiteExecutable: URL? = {
    var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
    folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map {
        $0.bundleURL.deletingLastPathComponent()
    }
    return folders.map { $0.appendingPathComponent("plansite") }.first {
        FileManager.default.isExecutableFile(atPath: $0.path)
    }
}()

/// A finished run of the executable.
package struct ProcessRun {
    package var status: Int32
    package var output: String
}

/// Runs `plansite` with `arguments` in `folder`, both output streams collected; kills it after
/// `timeout` (a run that did not stop by itself has status -1).
package func runPlansite(_ arguments: [String], in folder: URL, timeout: TimeInterval = 120) throws -> ProcessRun {
    guard let executable = plansiteExecutable else {
        throw PlansiteExecutableMissing()
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-run-\(UUID().uuidString).log")
    guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
    let handle = try FileHandle(forWritingTo: log)
    defer {
        try? handle.close()
        try? FileManager.default.removeItem(at: log)
    }
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    var timedOut = false
    if process.isRunning {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return ProcessRun(status: timedOut ? -1 : process.terminationStatus, output: text)
}

package struct PlansiteExecutableMissing: Error, CustomStringConvertible {
    package init() {}

    package var description: String { "plansite is not built beside the tests: run `swift build --build-tests` first" }
}

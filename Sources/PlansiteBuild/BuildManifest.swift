import Foundation
import PlansiteAssess
import PlansiteDiagnostics
import PlansiteExport
import PlansiteValidator

/// What an incremental build remembers of the previous one, in `.plansite-cache/` beside
/// the output: the files it read, each plan's assessment and diagnostics, and the files it wrote.
struct BuildManifest: Codable {
    /// The tool's version and binary: another tool means a cold build.
    var tool: String
    /// The build that made the portal this cache describes, also in the portal's marker
    /// (`.plansite-portal`): when the two differ (a build killed between its swap and its
    /// cache save, a `--no-cache` build, a portal restored from a copy) the next build is cold.
    var buildID: String
    /// Every input that is not a plan folder (settings, registries, results, templates).
    var shared: [FileStamp]
    var plans: [String: PlanRecord]
    /// Diagnostics that belong to no plan folder.
    var sharedDiagnostics: [Diagnostic]
    /// Size and SHA-256 of every open-data file, so that an incremental build hashes only the
    /// files it writes.
    var dataEntries: [DataManifestEntry]

    struct PlanRecord: Codable {
        var files: [FileStamp]
        /// The plan's figures (`PlanAssessment`), for the site-wide pages and exports of a build
        /// that does not read the plan again.
        var assessment: PlanAssessment?
        /// The results the plan quotes, for the results history of a build that does not read
        /// the plan again.
        var quotes: [ResultFigure]
        var diagnostics: [Diagnostic]
        var pages: [String]
    }

    static func location(for output: URL) -> URL {
        output.standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".plansite-cache")
            .appendingPathComponent(output.lastPathComponent + ".json")
    }

    static func load(for output: URL) -> BuildManifest? {
        guard let data = try? Data(contentsOf: location(for: output)) else { return nil }
        return try? JSONDecoder().decode(BuildManifest.self, from: data)
    }

    func save(for output: URL) {
        let url = Self.location(for: output)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let data = try? JSONEncoder().encode(self) { try? data.write(to: url, options: .atomic) }
    }

    /// Every file stamp, by path, for the fingerprinter.
    var stampsByPath: [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for stamp in shared { stamps[stamp.path] = stamp }
        for record in plans.values { for stamp in record.files { stamps[stamp.path] = stamp } }
        return stamps
    }
}

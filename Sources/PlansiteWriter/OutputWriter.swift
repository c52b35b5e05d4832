import Foundation
import PlansiteDiagnostics
import PlansiteSupport

/// Stage 4: writes a complete portal into a temporary folder beside the output, then swaps
/// it in. Until the swap, the previous output is untouched; if anything fails, it stays.
public struct OutputWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    /// One file to write: its path in the output and how to make its bytes. Contents are made
    /// on the writer's threads, each file written as soon as it is made, so a build never
    /// holds the whole portal in memory.
    public struct Entry: Sendable {
        public let path: String
        public let contents: @Sendable () -> Data

        public init(path: String, contents: @escaping @Sendable () -> Data) {
            self.path = path
            self.contents = contents
        }

        public init(path: String, data: Data) {
            self.init(path: path, contents: { data })
        }
    }

    /// Writes `entries` as the whole new content of the output folder.
    public func write(_ entries: [Entry]) throws {
        try write(entries, linking: [])
    }

    /// Replaces the output with the previous output, less `removing`, with `entries` written
    /// over it: unchanged files are hard-linked (no copy), and the result is swapped in whole.
    public func update(writing entries: [Entry], removing: Set<String>) throws {
        let replaced = Set(entries.map(\.path))
        var kept: [String] = []
        let prefix = output.path + "/"
        if let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
                if !replaced.contains(relative), !removing.contains(relative) { kept.append(relative) }
            }
        }
        let source = output.path
        try write(entries, linking: kept.map { (source + "/" + $0, $0) })
    }

    /// Writes `entries`, and hard-links `links` (existing file → relative path), into a
    /// staging folder that then replaces the output.
    private func write(_ entries: [Entry], linking links: [(source: String, path: String)]) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = output.lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).building-\(token)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let paths = entries.map(\.path) + links.map(\.path)
            let folders = Set(paths.map { staging.appendingPathComponent($0).deletingLastPathComponent().path })
            for folder in folders.sorted() {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let stagingPath = staging.path
            let failures = Parallel.map(entries) { entry -> String? in
                FileManager.default.createFile(atPath: stagingPath + "/" + entry.path, contents: entry.contents())
                    ? nil : entry.path
            }
            if let failed = failures.compactMap({ $0 }).first { throw WriteError.cannotWrite(failed) }
            let linkFailures = Parallel.map(links) { link -> String? in
                (try? FileManager.default.linkItem(atPath: link.source, toPath: stagingPath + "/" + link.path)) == nil
                    ? link.path : nil
            }
            if let failed = linkFailures.compactMap({ $0 }).first { throw WriteError.cannotWrite(failed) }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        // The swap: two renames on the same file system.
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput { try fileManager.moveItem(at: output, to: retired) }
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            if hadOutput { try? fileManager.moveItem(at: retired, to: output) }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if hadOutput { try? fileManager.removeItem(at: retired) }
    }

    public enum WriteError: Error, CustomStringConvertible {
        case cannotWrite(String)

        public var description: String {
            switch self {
            case .cannotWrite(let path): "không ghi được tệp \(path)"
            }
        }
    }
}

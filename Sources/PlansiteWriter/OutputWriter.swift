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

    /// Writes `files` (relative path → bytes) as the new content of the output folder.
    public func write(_ files: [(path: String, data: Data)]) throws {
        try write(files.map { OutputEntry(path: $0.path, data: $0.data) })
    }

    public struct OutputEntry: Sendable {
        public let path: String
        public let data: Data

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    public func write(_ files: [OutputEntry]) throws {
        try write(files, linking: [])
    }

    /// Writes `files`, and hard-links `links` (existing file → relative path), into a
    /// staging folder that then replaces the output.
    func write(_ files: [OutputEntry], linking links: [(source: String, path: String)]) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = output.lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).building-\(token)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let paths = files.map(\.path) + links.map(\.path)
            let folders = Set(paths.map { staging.appendingPathComponent($0).deletingLastPathComponent().path })
            for folder in folders.sorted() {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let stagingPath = staging.path
            let failures = Parallel.map(files) { file -> String? in
                let written = FileManager.default.createFile(atPath: stagingPath + "/" + file.path, contents: file.data)
                return written ? nil : file.path
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

extension OutputWriter {
    /// Replaces the output with the previous output, less `removing`, with `files` written
    /// over it: unchanged files are hard-linked (no copy), and the result is swapped in
    /// whole, as a cold build's is.
    public func update(writing files: [OutputEntry], removing: Set<String>) throws {
        let fileManager = FileManager.default
        let replaced = Set(files.map(\.path))
        var kept: [String] = []
        let prefix = output.path + "/"
        if let enumerator = fileManager.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in enumerator
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
                if !replaced.contains(relative), !removing.contains(relative) { kept.append(relative) }
            }
        }
        let source = output.path
        try write(files, linking: kept.map { (source + "/" + $0, $0) })
    }
}

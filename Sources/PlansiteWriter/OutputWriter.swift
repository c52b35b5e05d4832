import Foundation
import PlansiteDiagnostics
import PlansiteSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        try recover()
        try writeStaged(entries)
    }

    /// Updates the output in place: `entries` replace or add files, `removing` are deleted,
    /// every other file stays. The new files are written beside the output first; then a
    /// journal listing every rename and removal is written, the journal is carried out, and
    /// deleted. A build killed while carrying it out leaves the journal, and the next build
    /// (`recover()`) finishes it before anything else, so the output never stays half-updated.
    public func update(writing entries: [Entry], removing: Set<String>) throws {
        try recover()
        let fileManager = FileManager.default
        let staging = sibling("staged-" + UUID().uuidString.prefix(8))
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        let stagingPath = staging.path
        let indexed = Array(entries.enumerated())
        let failures = Parallel.map(indexed) { index, entry -> String? in
            FileManager.default.createFile(atPath: stagingPath + "/\(index)", contents: entry.contents()) ? nil : entry.path
        }
        if let failed = failures.compactMap({ $0 }).first {
            try? fileManager.removeItem(at: staging)
            throw WriteError.cannotWrite(failed)
        }
        var journal = ""
        for (index, entry) in indexed { journal += "R\t\(stagingPath)/\(index)\t\(entry.path)\n" }
        for path in removing.sorted() { journal += "D\t\t\(path)\n" }
        journal += "S\t\(stagingPath)\t\n"
        try Data(journal.utf8).write(to: journalURL, options: .atomic)
        try apply(journal)
    }

    /// Finishes an update that a killed build left half done (see `update`).
    public func recover() throws {
        guard let data = try? Data(contentsOf: journalURL) else { return }
        try apply(String(decoding: data, as: UTF8.self))
    }

    private var journalURL: URL { sibling("journal") }

    private func sibling(_ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    /// Carries out a journal; every step may be repeated (a missing staged file was moved).
    private func apply(_ journal: String) throws {
        let fileManager = FileManager.default
        let root = output.path
        var emptied: Set<String> = []
        for line in journal.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            switch fields[0] {
            case "R":
                guard fileManager.fileExists(atPath: fields[1]) else { continue }
                let destination = root + "/" + fields[2]
                var parts = fields[2].split(separator: "/").dropLast()
                var missing: [String] = []
                while !parts.isEmpty, !fileManager.fileExists(atPath: root + "/" + parts.joined(separator: "/")) {
                    missing.append(root + "/" + parts.joined(separator: "/"))
                    parts.removeLast()
                }
                try FileTree.makeFolders(missing)
                guard rename(fields[1], destination) == 0 else {
                    throw WriteError.cannotWrite(fields[2])
                }
            case "D":
                unlink(root + "/" + fields[2])
                var parts = fields[2].split(separator: "/").dropLast()
                while !parts.isEmpty {
                    emptied.insert(parts.joined(separator: "/"))
                    parts.removeLast()
                }
            case "S":
                try? fileManager.removeItem(atPath: fields[1])
            default:
                continue
            }
        }
        // Folders left empty by removed pages go too, deepest first.
        for folder in emptied.sorted(by: { $0.count > $1.count }) { rmdir(root + "/" + folder) }
        try? fileManager.removeItem(at: journalURL)
    }

    /// Writes `entries` into a staging folder that then replaces the output.
    private func writeStaged(_ entries: [Entry]) throws {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = output.lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).building-\(token)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let stagingPath = staging.path
            var folders: Set<String> = []
            for path in entries.map(\.path) {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts.removeLast() }
            }
            try FileTree.makeFolders(folders.map { stagingPath + "/" + $0 })
            let failures = Parallel.map(entries) { entry -> String? in
                FileManager.default.createFile(atPath: stagingPath + "/" + entry.path, contents: entry.contents())
                    ? nil : entry.path
            }
            if let failed = failures.compactMap({ $0 }).first { throw WriteError.cannotWrite(failed) }
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

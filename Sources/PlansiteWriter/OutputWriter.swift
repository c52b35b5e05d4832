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
        /// The file's path, or nil for a batch whose paths are known only once it is made.
        public let path: String?
        private let maker: OneShot

        /// Makes the files, once: the closure (and what it holds, such as the site's index)
        /// is released as soon as it has run.
        public func make() -> [(path: String, data: Data)] { maker.run() }

        public init(path: String, contents: @escaping @Sendable () -> Data) {
            self.path = path
            self.maker = OneShot { [(path, contents())] }
        }

        public init(path: String, data: Data) {
            self.init(path: path, contents: { data })
        }

        /// Several files made together (a plan's open data), written as soon as they are made.
        public init(batch: @escaping @Sendable () -> [(path: String, data: Data)]) {
            self.path = nil
            self.maker = OneShot(batch)
        }
    }

    /// A closure run at most once, then let go.
    final class OneShot: @unchecked Sendable {
        private var make: (@Sendable () -> [(path: String, data: Data)])?
        private let lock = NSLock()

        init(_ make: @escaping @Sendable () -> [(path: String, data: Data)]) { self.make = make }

        func run() -> [(path: String, data: Data)] {
            let make = lock.withLock {
                defer { self.make = nil }
                return self.make
            }
            return make?() ?? []
        }
    }

    /// The files of the output as it will be once written, for files made from other files
    /// (a sitemap of every page, a dataset joined from every plan's part, checksums).
    public struct Result: Sendable {
        /// Every file of the resulting output, sorted.
        public let paths: [String]
        let newFiles: [String: String]
        let oldRoot: String?

        /// Whether this build writes the path (else the file is the previous build's).
        public func isNew(_ path: String) -> Bool { newFiles[path] != nil }

        /// The bytes a path will have: the new file when this build writes it, else the old one.
        public func read(_ path: String) -> Data? {
            if let staged = newFiles[path] { return FileManager.default.contents(atPath: staged) }
            guard let oldRoot else { return nil }
            return FileManager.default.contents(atPath: oldRoot + "/" + path)
        }
    }

    /// Files made last, from the rest of the output.
    public typealias Finish = @Sendable (Result) -> [(path: String, data: Data)]

    /// Writes `entries` as the whole new content of the output folder, then `finish`'s files;
    /// returns every path written.
    @discardableResult
    public func write(_ entries: [Entry], finish: Finish? = nil) throws -> [String] {
        try recover()
        return try writeStaged(entries, finish: finish)
    }

    /// Updates the output in place: `entries` replace or add files, `removing` are deleted,
    /// every other file stays. The new files are written beside the output first; then a
    /// journal listing every rename and removal is written, the journal is carried out, and
    /// deleted. A build killed while carrying it out leaves the journal, and the next build
    /// (`recover()`) finishes it before anything else, so the output never stays half-updated.
    @discardableResult
    public func update(writing entries: [Entry], removing: Set<String>, finish: Finish? = nil) throws -> [String] {
        try recover()
        let fileManager = FileManager.default
        let staging = sibling("staged-" + UUID().uuidString.prefix(8))
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        let stagingPath = staging.path
        let indexed = Array(entries.enumerated())
        let results = Parallel.map(indexed) { index, entry -> (written: [String], failed: String?) in
            var written: [String] = []
            for (offset, file) in entry.make().enumerated() {
                guard FileManager.default.createFile(atPath: stagingPath + "/\(index)-\(offset)", contents: file.data)
                else { return (written, file.path) }
                written.append(file.path)
            }
            return (written, nil)
        }
        if let failed = results.compactMap(\.failed).first {
            try? fileManager.removeItem(at: staging)
            throw WriteError.cannotWrite(failed)
        }
        var moves: [String: String] = [:]
        for (index, result) in results.enumerated() {
            for (offset, path) in result.written.enumerated() { moves[path] = "\(stagingPath)/\(index)-\(offset)" }
        }
        if let finish {
            let old = Set(FileTree.files(under: output.path).map(\.path)).subtracting(removing)
            let result = Result(paths: old.union(moves.keys).sorted(), newFiles: moves, oldRoot: output.path)
            for (offset, file) in finish(result).enumerated() {
                let staged = "\(stagingPath)/finish-\(offset)"
                guard fileManager.createFile(atPath: staged, contents: file.data) else {
                    try? fileManager.removeItem(at: staging)
                    throw WriteError.cannotWrite(file.path)
                }
                moves[file.path] = staged
            }
        }
        var journal = ""
        for path in moves.keys.sorted() { journal += "R\t\(moves[path]!)\t\(path)\n" }
        // A file written again by this update is not removed, even if the caller listed it.
        for path in removing.subtracting(moves.keys).sorted() { journal += "D\t\t\(path)\n" }
        journal += "S\t\(stagingPath)\t\n"
        try Data(journal.utf8).write(to: journalURL, options: .atomic)
        try apply(journal)
        return moves.keys.sorted()
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
    private func writeStaged(_ entries: [Entry], finish: Finish?) throws -> [String] {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = output.lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(name).building-\(token)")
        let retired = parent.appendingPathComponent(".\(name).previous-\(token)")
        var writtenPaths: [String] = []
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let stagingPath = staging.path
            var folders: Set<String> = []
            for path in entries.compactMap(\.path) {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts.removeLast() }
            }
            try FileTree.makeFolders(folders.map { stagingPath + "/" + $0 })
            let made = FolderSet(root: stagingPath, existing: folders)
            let results = Parallel.map(entries) { entry -> (written: [String], failed: String?) in
                var written: [String] = []
                for file in entry.make() {
                    if entry.path == nil { made.ensureParent(of: file.path) }
                    guard FileManager.default.createFile(atPath: stagingPath + "/" + file.path, contents: file.data)
                    else { return (written, file.path) }
                    written.append(file.path)
                }
                return (written, nil)
            }
            if let failed = results.compactMap(\.failed).first { throw WriteError.cannotWrite(failed) }
            writtenPaths = results.flatMap(\.written)
            if let finish {
                let staged = Dictionary(uniqueKeysWithValues: writtenPaths.map { ($0, stagingPath + "/" + $0) })
                for file in finish(Result(paths: writtenPaths.sorted(), newFiles: staged, oldRoot: nil)) {
                    made.ensureParent(of: file.path)
                    guard fileManager.createFile(atPath: stagingPath + "/" + file.path, contents: file.data) else {
                        throw WriteError.cannotWrite(file.path)
                    }
                    writtenPaths.append(file.path)
                }
            }
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
        return writtenPaths
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

/// Folders made in a staging folder so far, for batches whose paths come with their files.
private final class FolderSet: @unchecked Sendable {
    private let root: String
    private var made: Set<String>
    private let lock = NSLock()

    init(root: String, existing: Set<String>) {
        self.root = root
        self.made = existing
    }

    /// Makes the folders above `path` that are not there yet (concurrent calls are fine:
    /// each makes the whole chain it needs, and an existing folder is not an error).
    func ensureParent(of path: String) {
        let parts = path.split(separator: "/").dropLast()
        guard !parts.isEmpty else { return }
        let folder = parts.joined(separator: "/")
        if lock.withLock({ made.contains(folder) }) { return }
        var chain: [String] = []
        var current = ""
        for part in parts {
            current = current.isEmpty ? String(part) : current + "/" + part
            chain.append(current)
        }
        try? FileTree.makeFolders(chain.map { root + "/" + $0 })
        lock.withLock { made.formUnion(chain) }
    }
}

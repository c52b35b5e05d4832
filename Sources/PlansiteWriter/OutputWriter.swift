import Foundation
import PlansiteDiagnostics
import PlansiteSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stage 4: writes a complete portal into a temporary folder beside the output, then swaps
/// it in with one atomic exchange. Until the swap, the previous output is untouched; if
/// anything fails, it stays. See docs/safety.md for what is guaranteed, and how it is tested.
public struct OutputWriter: Sendable {
    /// The output folder, by its real path (see `OutputGuard`).
    public let output: URL
    let swap: SwapMethod

    public init(output: URL, swap: SwapMethod = .automatic) {
        self.output = output.standardizedFileURL
        self.swap = swap
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
        /// Every file of the output this build updates, sorted; nil for a cold build.
        public let previousPaths: [String]?
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

    /// Called once the new site is in place, before the previous one is deleted (the build
    /// saves its cache there, so that a kill during the deletion loses no time).
    public typealias AfterSwap = ([String]) -> Void

    /// Takes the previous site's folder name instead of it being deleted at once: a builder
    /// that stays running deletes it once the new site is shown (`removeRetired`).
    public typealias Retire = (String) -> Void

    /// Writes `entries` as the whole new content of the output folder, then `finish`'s files
    /// and the portal marker with `buildID`, into a staging folder beside the output that then
    /// takes the output's place in one exchange; returns every path written. The caller holds
    /// the output's lock (`OutputLock`) and has run `cleanUp()`.
    @discardableResult
    public func write(
        _ entries: [Entry], buildID: String = "-", finish: Finish? = nil, afterSwap: AfterSwap? = nil,
        retire: Retire? = nil
    ) throws -> [String] {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let token = Self.token()
        let staging = sibling("building-" + token).path
        var writtenPaths: [String] = []
        do {
            guard mkdir(staging, 0o755) == 0 else { throw WriteError.cannotWrite(".") }
            var folders: Set<String> = []
            for path in entries.compactMap(\.path) {
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty, folders.insert(parts.joined(separator: "/")).inserted { parts.removeLast() }
            }
            try FileTree.makeFolders(folders.map { staging + "/" + $0 })
            let made = FolderSet(root: staging, existing: folders)
            writtenPaths = try Self.writeAll(entries, into: staging, folders: made, replacing: false)
            if let finish {
                let staged = Dictionary(uniqueKeysWithValues: writtenPaths.map { ($0, staging + "/" + $0) })
                for file in finish(
                    Result(paths: writtenPaths.sorted(), previousPaths: nil, newFiles: staged, oldRoot: nil))
                {
                    made.ensureParent(of: file.path)
                    guard PosixTree.writeNew(staging + "/" + file.path, file.data, replacing: true) else {
                        throw WriteError.cannotWrite(file.path)
                    }
                    writtenPaths.append(file.path)
                }
            }
            try writeMarker(in: staging, buildID: buildID)
            try install(staging, token: token, written: writtenPaths, afterSwap: afterSwap, retire: retire)
        } catch {
            PosixTree.remove(staging)
            throw error
        }
        return writtenPaths
    }

    /// Updates the output: `entries` replace or add files, `removing` are deleted, every other
    /// file stays. The new tree is made beside the output as a copy of it in which every file
    /// is a hard link to the output's (nothing copied), changed files are written anew (a new
    /// file, never a linked one changed in place), removed ones unlinked; then it takes the
    /// output's place in one exchange, as a cold build's does. The output is the whole old
    /// site or the whole new one at every instant. With a `prepared` copy that still copies the
    /// output, that copy is the new tree (see `PreparedCopy`); it is used up either way.
    @discardableResult
    public func update(
        writing entries: [Entry], removing: Set<String>, buildID: String = "-", finish: Finish? = nil,
        afterSwap: AfterSwap? = nil, prepared: PreparedCopy? = nil, retire: Retire? = nil
    ) throws -> [String] {
        var token = Self.token()
        var staging = sibling("staged-" + token).path
        var written: [String] = []
        // The copy's files, kept up to date below, so that `finish` lists the new output
        // without walking it.
        var files: Set<String>
        let previousPaths: [String]
        do {
            if let prepared, isCurrent(prepared) {
                (token, staging, previousPaths) = (prepared.token, prepared.path, prepared.files)
            } else {
                if let prepared { discard(prepared) }
                let copy = PosixTree.linkCopy(from: output.path, to: staging)
                if let failed = copy.failed { throw WriteError.cannotWrite(failed) }
                previousPaths = copy.files
            }
            files = Set(previousPaths)
            let made = FolderSet(root: staging, existing: [])
            written = try Self.writeAll(entries, into: staging, folders: made, replacing: true)
            files.formUnion(written.filter(FileTree.walkLists))
            // A file written again by this update is not removed, even if the caller listed it.
            var emptied: Set<String> = []
            for path in removing.subtracting(written) {
                if unlink(staging + "/" + path) == 0 { files.remove(path) }
                var parts = path.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    emptied.insert(parts.joined(separator: "/"))
                    parts.removeLast()
                }
            }
            // Folders left empty by removed pages go too, deepest first.
            for folder in emptied.sorted(by: { $0.count > $1.count }) { rmdir(staging + "/" + folder) }
            if let finish {
                let newFiles = Dictionary(uniqueKeysWithValues: written.map { ($0, staging + "/" + $0) })
                let result = Result(
                    paths: files.sorted(), previousPaths: previousPaths, newFiles: newFiles, oldRoot: staging)
                for file in finish(result) {
                    made.ensureParent(of: file.path)
                    guard PosixTree.writeNew(staging + "/" + file.path, file.data, replacing: true) else {
                        throw WriteError.cannotWrite(file.path)
                    }
                    written.append(file.path)
                }
            }
            try writeMarker(in: staging, buildID: buildID)
            try install(staging, token: token, written: written, afterSwap: afterSwap, retire: retire)
        } catch {
            PosixTree.remove(staging)
            throw error
        }
        return Array(Set(written)).sorted()
    }

    /// What crashed or killed runs left beside the output — staging folders
    /// (`.NAME.building-*`, `.NAME.staged-*`), retired sites (`.NAME.previous-*`), the journal
    /// of earlier versions — is removed. If the output is missing because a build was killed
    /// between the two renames of the fallback swap, the retired site is put back first.
    /// The caller holds the output's lock. Returns the names removed. A builder that stays
    /// running keeps its own prepared copy (`keeping`).
    @discardableResult
    public func cleanUp(keeping: Set<String> = []) -> [String] {
        let parent = output.deletingLastPathComponent().path
        let leftovers = (PosixTree.names(in: parent) ?? []).filter { isLeftover($0) && !keeping.contains($0) }
        if PosixTree.kind(output.path) == nil,
            let retired = leftovers.first(where: { $0.hasPrefix(".\(output.lastPathComponent).previous-") })
        {
            rename(parent + "/" + retired, output.path)
        }
        var removed: [String] = []
        for name in leftovers where PosixTree.kind(parent + "/" + name) != nil {
            PosixTree.remove(parent + "/" + name)
            removed.append(name)
        }
        return removed
    }

    /// Whether a name beside the output is one of this writer's temporary ones: the output's
    /// name, a kind and a token of eight hexadecimal digits, exactly.
    func isLeftover(_ name: String) -> Bool {
        let prefix = ".\(output.lastPathComponent)."
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        if rest == "journal" { return true }
        for kind in ["building-", "staged-", "previous-"] where rest.hasPrefix(kind) {
            let token = rest.dropFirst(kind.count)
            return token.count == 8 && token.allSatisfy(\.isHexDigit)
        }
        return false
    }

    static func token() -> String { String(UUID().uuidString.prefix(8)) }

    private func sibling(_ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    private func writeMarker(in staging: String, buildID: String) throws {
        guard
            PosixTree.writeNew(
                staging + "/" + PortalMarker.fileName, PortalMarker.contents(buildID: buildID), replacing: true)
        else { throw WriteError.cannotWrite(PortalMarker.fileName) }
    }

    /// Swaps the complete staging folder in, runs `afterSwap`, deletes the previous site (or
    /// hands it to `retire`).
    private func install(
        _ staging: String, token: String, written: [String], afterSwap: AfterSwap?, retire: Retire?
    ) throws {
        let installed = try AtomicSwap.install(
            staging: staging, output: output.path, retired: sibling("previous-" + token).path, method: swap)
        afterSwap?(written)
        guard case .retired(let old) = installed else { return }
        if let retire { retire(URL(fileURLWithPath: old).lastPathComponent) } else { PosixTree.remove(old) }
    }

    /// Makes and writes every entry into `root`, in parallel; returns the paths written.
    private static func writeAll(_ entries: [Entry], into root: String, folders: FolderSet, replacing: Bool) throws
        -> [String]
    {
        let results = Parallel.map(entries) { entry -> (written: [String], failed: String?) in
            var written: [String] = []
            for file in entry.make() {
                if entry.path == nil || replacing { folders.ensureParent(of: file.path) }
                guard PosixTree.writeNew(root + "/" + file.path, file.data, replacing: replacing) else {
                    return (written, file.path)
                }
                written.append(file.path)
            }
            return (written, nil)
        }
        if let failed = results.compactMap(\.failed).first { throw WriteError.cannotWrite(failed) }
        return results.flatMap(\.written)
    }

    public enum WriteError: Error, CustomStringConvertible {
        case cannotWrite(String)
        case cannotSwap(Int32)

        public var description: String {
            switch self {
            case .cannotWrite(let path): "không ghi được tệp \(path)"
            case .cannotSwap(let code): "không thay được thư mục đầu ra: \(String(cString: strerror(code)))"
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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system operations the build does thousands of times, straight on the
/// POSIX calls: Foundation's equivalents stat every path component again and bridge every
/// path, which profiling showed as a third of an incremental build.
public enum FileTree {
    /// A file below a folder, with what the build cache compares.
    public struct File: Sendable, Equatable {
        /// The path relative to the folder walked, "plans/a/plan.md".
        public let path: String
        /// The same path as the names the walk went through, ["plans", "a", "plan.md"]: what
        /// callers match a layout against, without splitting `path` again.
        public let components: [String]
        public let size: Int
        /// Modification time in nanoseconds since 1970.
        public let modified: Int
        /// Nil for a regular file; otherwise what it is (a FIFO, a socket, a device, a
        /// symbolic link, a folder too deep): a file that must never be opened, as opening or
        /// reading it can block, never end, or lead out of the folder.
        public var special: SpecialKind? = nil

        public var isRegular: Bool { special == nil }

        public init(components: [String], size: Int, modified: Int, special: SpecialKind? = nil) {
            self.components = components
            self.path = components.joined(separator: "/")
            self.size = size
            self.modified = modified
            self.special = special
        }

        /// The same file below the folders `prefix` names.
        public func prefixed(_ prefix: [String]) -> File {
            File(components: prefix + components, size: size, modified: modified, special: special)
        }
    }

    public enum SpecialKind: String, Sendable {
        case fifo
        case socket
        case characterDevice = "character-device"
        case blockDevice = "block-device"
        /// A symbolic link, to anything: never followed.
        case symbolicLink = "symbolic-link"
        /// A folder deeper than the walk's bound: listed, not entered.
        case tooDeep = "too-deep"
        case other
    }

    /// How many folders deep a walk goes: far more than any layout the build reads (content
    /// is three deep, templates two), few enough that a pathological tree ends quickly.
    public static let maximumDepth = 16

    /// The one walk of a folder that the loader, the build cache, the template listing and
    /// `serve`'s polling share. Every regular file below `root` (relative paths, sorted),
    /// skipping names that start with a dot; with `includingSpecial`, also what is neither a
    /// regular file nor a folder (FIFOs, sockets, devices, symbolic links) and each folder
    /// `maximumDepth` folders down, marked and never opened. Symbolic links are never followed
    /// (`lstat`), so a walk stays inside `root` and a link loop cannot arise. An unreadable or
    /// missing folder gives no files.
    public static func files(
        under root: String, includingSpecial: Bool = false, maximumDepth: Int = FileTree.maximumDepth
    ) -> [File] {
        var out: [File] = []
        walk(root, components: [], depth: maximumDepth, includingSpecial: includingSpecial, into: &out)
        return out.sorted { $0.path < $1.path }
    }

    /// Whether `files(under:)` lists a regular file at this relative path: none of its names
    /// starts with a dot and it is at most `maximumDepth` folders down.
    public static func walkLists(_ relative: String) -> Bool {
        let names = relative.split(separator: "/", omittingEmptySubsequences: false)
        return names.count <= maximumDepth + 1 && !names.contains { $0.hasPrefix(".") }
    }

    /// The walk the build cache stamps and `serve` polls: every file, special ones included.
    public static func walk(_ root: String) -> [File] { files(under: root, includingSpecial: true) }

    private static func walk(
        _ folder: String, components: [String], depth: Int, includingSpecial: Bool, into out: inout [File]
    ) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let full = folder + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            #if canImport(Darwin)
                let seconds = Int(info.st_mtimespec.tv_sec)
                let nanoseconds = Int(info.st_mtimespec.tv_nsec)
            #else
                let seconds = Int(info.st_mtim.tv_sec)
                let nanoseconds = Int(info.st_mtim.tv_nsec)
            #endif
            let modified = seconds * 1_000_000_000 + nanoseconds
            let kind = info.st_mode & S_IFMT
            let path = components + [name]
            switch kind {
            case S_IFDIR where depth > 0:
                walk(full, components: path, depth: depth - 1, includingSpecial: includingSpecial, into: &out)
            case S_IFREG:
                out.append(File(components: path, size: Int(info.st_size), modified: modified))
            default:
                guard includingSpecial else { continue }
                let special: SpecialKind =
                    switch kind {
                    case S_IFDIR: .tooDeep
                    case S_IFIFO: .fifo
                    case S_IFSOCK: .socket
                    case S_IFCHR: .characterDevice
                    case S_IFBLK: .blockDevice
                    case S_IFLNK: .symbolicLink
                    default: .other
                    }
                out.append(File(components: path, size: 0, modified: modified, special: special))
            }
        }
    }

    /// What reading a content file gave.
    public enum Reading: Sendable {
        case contents([UInt8])
        /// Not a regular file (it was replaced after the folder was listed): not read.
        case special(SpecialKind)
        /// Larger than the limit; `size` is what the file system says, or at least the limit.
        case tooLarge(size: Int)
        case unreadable
    }

    /// Reads a regular file of at most `limit` bytes. The file is opened without blocking
    /// and checked to be a regular file before any byte is read; at most `limit + 1` bytes
    /// are read whatever size the file system reports, so a file that grows, or reports a
    /// size of 0, still costs no more than the limit.
    public static func readRegularFile(_ path: String, limit: Int) -> Reading {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO: return .special(.fifo)
        case S_IFSOCK: return .special(.socket)
        case S_IFCHR: return .special(.characterDevice)
        case S_IFBLK: return .special(.blockDevice)
        default: return .special(.other)
        }
        if Int(info.st_size) > limit { return .tooLarge(size: Int(info.st_size)) }
        var bytes = [UInt8](repeating: 0, count: Swift.min(Int(info.st_size), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if bytes.count > limit { return .tooLarge(size: Swift.max(count, Int(info.st_size))) }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: Swift.min(bytes.count, limit + 1 - bytes.count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .unreadable
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return .contents(bytes)
    }

    /// Creates each folder, parents first; `folders` must list every ancestor that is not
    /// there yet (sorted order puts parents first). Existing folders are fine.
    public static func makeFolders(_ folders: [String]) throws {
        for folder in folders.sorted() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw FileTreeError(operation: "mkdir", path: folder, code: errno)
        }
    }

    public struct FileTreeError: Error, CustomStringConvertible {
        public let operation: String
        public let path: String
        public let code: Int32

        public var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }
}

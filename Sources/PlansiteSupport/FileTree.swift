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
    public struct File: Sendable {
        public let path: String
        public let size: Int
        /// Modification time in nanoseconds since 1970.
        public let modified: Int
        /// Nil for a regular file; otherwise what it is (a FIFO, a socket, a device): a file
        /// that must never be opened, as opening or reading it can block or never end.
        public var special: SpecialKind? = nil

        public var isRegular: Bool { special == nil }

        public init(path: String, size: Int, modified: Int, special: SpecialKind? = nil) {
            self.path = path
            self.size = size
            self.modified = modified
            self.special = special
        }

        /// The same file with `prefix` before its path.
        public func prefixed(_ prefix: String) -> File {
            File(path: prefix + path, size: size, modified: modified, special: special)
        }
    }

    public enum SpecialKind: String, Sendable {
        case fifo
        case socket
        case characterDevice = "character-device"
        case blockDevice = "block-device"
        case other
    }

    /// Every regular file below `root` (relative paths, sorted), skipping names that start
    /// with a dot; with `includingSpecial`, also FIFOs, sockets and devices (marked, never
    /// opened). Symbolic links are followed, but a folder already on the path being walked
    /// is not entered again, so a link loop ends. An unreadable or missing folder gives no
    /// files.
    public static func files(under root: String, includingSpecial: Bool = false) -> [File] {
        var out: [File] = []
        var ancestors: [FolderIdentity] = []
        var rootInfo = stat()
        if stat(root, &rootInfo) == 0 { ancestors.append(FolderIdentity(rootInfo)) }
        walk(root, prefix: "", ancestors: &ancestors, includingSpecial: includingSpecial, into: &out)
        return out.sorted { $0.path < $1.path }
    }

    private struct FolderIdentity: Equatable {
        let device: UInt64
        let inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private static func walk(
        _ folder: String, prefix: String, ancestors: inout [FolderIdentity], includingSpecial: Bool,
        into out: inout [File]
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
            guard stat(full, &info) == 0 else { continue }
            #if canImport(Darwin)
                let seconds = Int(info.st_mtimespec.tv_sec)
                let nanoseconds = Int(info.st_mtimespec.tv_nsec)
            #else
                let seconds = Int(info.st_mtim.tv_sec)
                let nanoseconds = Int(info.st_mtim.tv_nsec)
            #endif
            let modified = seconds * 1_000_000_000 + nanoseconds
            let kind = info.st_mode & S_IFMT
            switch kind {
            case S_IFDIR:
                let identity = FolderIdentity(info)
                guard !ancestors.contains(identity) else { continue }
                ancestors.append(identity)
                walk(
                    full, prefix: prefix + name + "/", ancestors: &ancestors, includingSpecial: includingSpecial,
                    into: &out)
                ancestors.removeLast()
            case S_IFREG:
                out.append(File(path: prefix + name, size: Int(info.st_size), modified: modified))
            default:
                guard includingSpecial else { continue }
                let special: SpecialKind =
                    switch kind {
                    case S_IFIFO: .fifo
                    case S_IFSOCK: .socket
                    case S_IFCHR: .characterDevice
                    case S_IFBLK: .blockDevice
                    default: .other
                    }
                out.append(File(path: prefix + name, size: 0, modified: modified, special: special))
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

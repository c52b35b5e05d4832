#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file-system operations the build does thousands of times, straight on the
/// POSIX calls: Foundation's equivalents stat every path component again and bridge every
/// path, which profiling showed as a third of an incremental build.
public enum FileTree {
    /// A regular file below a folder, with what the build cache compares.
    public struct File: Sendable {
        public let path: String
        public let size: Int
        /// Modification time in nanoseconds since 1970.
        public let modified: Int
    }

    /// Every regular file below `root` (relative paths, sorted), skipping names that start
    /// with a dot. An unreadable or missing folder gives no files.
    public static func files(under root: String) -> [File] {
        var out: [File] = []
        walk(root, prefix: "", into: &out)
        return out.sorted { $0.path < $1.path }
    }

    private static func walk(_ folder: String, prefix: String, into out: inout [File]) {
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
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(full, prefix: prefix + name + "/", into: &out)
            case S_IFREG:
                #if canImport(Darwin)
                    let seconds = Int(info.st_mtimespec.tv_sec)
                    let nanoseconds = Int(info.st_mtimespec.tv_nsec)
                #else
                    let seconds = Int(info.st_mtim.tv_sec)
                    let nanoseconds = Int(info.st_mtim.tv_nsec)
                #endif
                out.append(
                    File(path: prefix + name, size: Int(info.st_size), modified: seconds * 1_000_000_000 + nanoseconds))
            default:
                continue
            }
        }
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

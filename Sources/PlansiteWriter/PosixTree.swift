import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file-system operations the writer needs, on the POSIX calls, none of which follows a
/// symbolic link it finds inside a tree: a link in the output is copied or removed as a link,
/// never through it.
enum PosixTree {
    enum Kind: Equatable {
        case directory, regular, symlink, other
    }

    /// What `path` names, without following a final symbolic link; nil when nothing is there.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The names in a folder (without "." and ".."), sorted; nil when it cannot be read.
    static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Writes `data` as a new file at `path`. Whatever was at the path is unlinked first, so a
    /// file hard-linked from the live output is replaced, never modified in place.
    static func writeNew(_ path: String, _ data: Data, replacing: Bool) -> Bool {
        if replacing, unlink(path) != 0, errno != ENOENT { return false }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> Bool in
            guard var pointer = buffer.baseAddress else { return true }
            var left = buffer.count
            while left > 0 {
                let written = write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                pointer += written
                left -= written
            }
            return true
        }
    }

    /// Recreates the tree at `source` under the new folder `target`: folders made anew, regular
    /// files hard-linked (copied where the file system refuses a link), symbolic links copied
    /// as links. Returns the relative path of a file it could not copy, if any.
    static func linkCopy(from source: String, to target: String) -> String? {
        guard mkdir(target, 0o755) == 0 || errno == EEXIST else { return "" }
        return linkContents(from: source, to: target, prefix: "")
    }

    private static func linkContents(from source: String, to target: String, prefix: String) -> String? {
        guard let names = names(in: source) else { return prefix }
        for name in names {
            let from = source + "/" + name
            let to = target + "/" + name
            switch kind(from) {
            case .directory:
                guard mkdir(to, 0o755) == 0 else { return prefix + name }
                if let failed = linkContents(from: from, to: to, prefix: prefix + name + "/") { return failed }
            case .regular:
                if link(from, to) != 0 {
                    guard let data = FileManager.default.contents(atPath: from), writeNew(to, data, replacing: false)
                    else { return prefix + name }
                }
            case .symlink:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let length = readlink(from, &buffer, buffer.count - 1)
                guard length >= 0 else { return prefix + name }
                buffer[length] = 0
                guard symlink(buffer, to) == 0 else { return prefix + name }
            case .other, nil:
                continue
            }
        }
        return nil
    }

    /// Removes whatever `path` names: a file or link is unlinked, a folder emptied (without
    /// following links inside it) and removed. Returns whether nothing is left.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        switch kind(path) {
        case nil:
            return true
        case .directory:
            for name in names(in: path) ?? [] { remove(path + "/" + name) }
            return rmdir(path) == 0 || errno == ENOENT
        default:
            return unlink(path) == 0 || errno == ENOENT
        }
    }
}

import Foundation
import PlansiteSupport

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

    /// The entries of a folder with their kinds, from `readdir`'s type where the file system
    /// gives it (one system call per folder, not one per file), else from `lstat`.
    static func entries(in folder: String) -> [(name: String, kind: Kind)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var out: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let kind: Kind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .regular
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = Self.kind(folder + "/" + name)
            default: kind = .other
            }
            if let kind { out.append((name, kind)) }
        }
        return out
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

    /// What `linkCopy` made: the relative path of a file it could not copy, if any, and the
    /// regular files of the copy as a walk of it (`FileTree.files`) lists them, sorted.
    struct LinkCopy {
        var failed: String?
        var files: [String]
    }

    /// Recreates the tree at `source` under the new folder `target`: folders made anew, regular
    /// files hard-linked (copied where the file system refuses a link), symbolic links copied
    /// as links. The subtrees two levels down are done in parallel.
    static func linkCopy(from source: String, to target: String) -> LinkCopy {
        guard mkdir(target, 0o755) == 0 || errno == EEXIST else { return LinkCopy(failed: "", files: []) }
        guard let top = entries(in: source) else { return LinkCopy(failed: "", files: []) }
        var work: [(relative: String, kind: Kind)] = []
        for entry in top {
            guard entry.kind == .directory else {
                work.append((entry.name, entry.kind))
                continue
            }
            guard mkdir(target + "/" + entry.name, 0o755) == 0 else { return LinkCopy(failed: entry.name, files: []) }
            guard let inner = entries(in: source + "/" + entry.name) else {
                return LinkCopy(failed: entry.name, files: [])
            }
            work += inner.map { (entry.name + "/" + $0.name, $0.kind) }
        }
        let done = Parallel.map(work) { item in
            var files: [String] = []
            let failed = linkEntry(
                from: source + "/" + item.relative, to: target + "/" + item.relative, kind: item.kind,
                relative: item.relative, files: &files)
            return (failed, files)
        }
        return LinkCopy(
            failed: done.compactMap(\.0).first, files: done.flatMap(\.1).filter(FileTree.walkLists).sorted())
    }

    private static func linkEntry(
        from: String, to: String, kind: Kind, relative: String, files: inout [String]
    ) -> String? {
        switch kind {
        case .directory:
            guard mkdir(to, 0o755) == 0, let inner = entries(in: from) else { return relative }
            for entry in inner {
                if let failed = linkEntry(
                    from: from + "/" + entry.name, to: to + "/" + entry.name, kind: entry.kind,
                    relative: relative + "/" + entry.name, files: &files)
                {
                    return failed
                }
            }
        case .regular:
            if link(from, to) != 0 {
                guard let data = FileManager.default.contents(atPath: from), writeNew(to, data, replacing: false)
                else { return relative }
            }
            files.append(relative)
        case .symlink:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(from, &buffer, buffer.count - 1)
            guard length >= 0 else { return relative }
            buffer[length] = 0
            guard symlink(buffer, to) == 0 else { return relative }
        case .other:
            break
        }
        return nil
    }

    /// Removes whatever `path` names: a file or link is unlinked, a folder emptied (without
    /// following links inside it) and removed, its subtrees two levels down in parallel.
    /// Returns whether nothing is left.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        guard kind(path) == .directory else { return unlink(path) == 0 || errno == ENOENT }
        var work: [(path: String, kind: Kind)] = []
        var folders: [String] = []
        for entry in entries(in: path) ?? [] {
            let full = path + "/" + entry.name
            guard entry.kind == .directory else {
                work.append((full, entry.kind))
                continue
            }
            folders.append(full)
            work += (entries(in: full) ?? []).map { (full + "/" + $0.name, $0.kind) }
        }
        _ = Parallel.map(work) { removeEntry($0.path, kind: $0.kind) }
        for folder in folders { removeEntry(folder, kind: .directory) }
        return rmdir(path) == 0 || errno == ENOENT
    }

    @discardableResult
    private static func removeEntry(_ path: String, kind: Kind) -> Bool {
        guard kind == .directory else { return unlink(path) == 0 || errno == ENOENT }
        for entry in entries(in: path) ?? [] { removeEntry(path + "/" + entry.name, kind: entry.kind) }
        return rmdir(path) == 0 || errno == ENOENT
    }
}

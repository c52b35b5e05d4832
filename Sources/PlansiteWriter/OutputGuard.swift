import Foundation
import PlansiteSiteMap

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The marker a build writes into every portal it makes: `.plansite-portal`, a format line and
/// the build's id. A folder is replaced only when it holds this marker, is empty or absent.
public enum PortalMarker {
    public static let fileName = ".plansite-portal"
    public static let formatLine = "plansite-portal 1"

    public static func contents(buildID: String) -> Data {
        Data("\(formatLine)\nbuild \(buildID)\n".utf8)
    }

    /// The marker's first line, when the folder has a marker that is a regular file.
    static func format(in folder: String) -> String? {
        let path = folder + "/" + fileName
        guard PosixTree.kind(path) == .regular, let data = FileManager.default.contents(atPath: path) else {
            return nil
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .first.map(String.init)
    }

    /// The id of the build that made the portal at `output`; nil without a valid marker.
    public static func buildID(of output: URL) -> String? {
        let path = output.path + "/" + fileName
        guard PosixTree.kind(path) == .regular, let data = FileManager.default.contents(atPath: path) else {
            return nil
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count >= 2, lines[0] == formatLine, lines[1].hasPrefix("build ") else { return nil }
        return String(lines[1].dropFirst("build ".count))
    }
}

/// Decides, before anything is written or deleted, whether a folder may be replaced by a
/// build. Paths are compared as the system resolves them (symbolic links, "..", ".", trailing
/// slashes; and the same folder reached by two names, by device and inode).
public struct OutputGuard: Sendable {
    /// A path as given, and as it is shown in messages.
    public struct Folder: Sendable {
        public var path: String
        public var display: String

        public init(path: String, display: String? = nil) {
            self.path = path
            self.display = display ?? path
        }
    }

    public var output: Folder
    public var content: Folder
    public var templates: Folder
    public var workingDirectory: String
    /// Files a folder may hold alone and still be replaced, because the build writes them
    /// with these very bytes (the README committed in `Public/`).
    public var seedFiles: [String: Data]

    public init(output: Folder, content: Folder, templates: Folder, workingDirectory: String, seedFiles: [String: Data])
    {
        self.output = output
        self.content = content
        self.templates = templates
        self.workingDirectory = workingDirectory
        self.seedFiles = seedFiles
    }

    public enum Verdict: Sendable, Equatable {
        /// The output may be replaced; its real path, where the build writes.
        case safe(URL)
        /// Why not, in words for the user.
        case refused(String)
    }

    public func check() -> Verdict {
        let given = Self.withoutTrailingSlashes(absolute(output.path))
        let real = Self.realPath(given)
        let shown = "'\(output.display)'"
        // 1. Where it is: never a folder the build reads, the working folder, or one holding them.
        let protected: [(folder: Folder, role: String, insideRefused: Bool)] = [
            (Folder(path: workingDirectory, display: "."), "thư mục đang làm việc", false),
            (content, "thư mục nội dung", true), (templates, "thư mục giao diện (templates)", true),
        ]
        for (folder, role, insideRefused) in protected {
            let other = Self.realPath(Self.withoutTrailingSlashes(absolute(folder.path)))
            let named = insideRefused ? "\(role) '\(folder.display)'" : "\(role) (nơi chạy lệnh)"
            if Self.same(real, other) {
                return .refused(
                    "thư mục đầu ra \(shown) chính là \(named): dựng vào đó sẽ xoá toàn bộ những gì trong đó. "
                        + "Hãy chọn một thư mục riêng cho cổng, ví dụ --output Public.")
            }
            if Self.isAncestor(real, of: other) {
                return .refused(
                    "thư mục đầu ra \(shown) chứa \(named): dựng vào đó sẽ xoá cả \(role). "
                        + "Hãy chọn một thư mục riêng cho cổng, ví dụ --output Public.")
            }
            if insideRefused, Self.isAncestor(other, of: real) {
                return .refused(
                    "thư mục đầu ra \(shown) nằm trong \(named): các trang dựng ra sẽ bị đọc lại như \(role). "
                        + "Hãy chọn một thư mục bên ngoài, ví dụ --output Public.")
            }
        }
        // 2. What it is: absent, empty, a portal plansite made, or the committed README alone.
        if PosixTree.kind(given) == .symlink {
            return .refused(
                "thư mục đầu ra \(shown) là một liên kết tượng trưng (trỏ tới \(real)): plansite không thay nó. "
                    + "Hãy ghi thẳng đường dẫn của thư mục thật vào --output.")
        }
        switch PosixTree.kind(real) {
        case nil:
            return .safe(URL(fileURLWithPath: real))
        case .regular:
            return .refused(
                "\(shown) là một tệp, không phải thư mục: plansite không ghi đè lên nó. "
                    + "Hãy chọn một thư mục cho cổng, ví dụ --output Public.")
        case .symlink, .other:
            return .refused("\(shown) không phải là thư mục: plansite không ghi đè lên nó.")
        case .directory:
            break
        }
        guard let names = PosixTree.names(in: real) else {
            return .refused("không đọc được thư mục đầu ra \(shown), nên không biết thay nó có an toàn không.")
        }
        if names.isEmpty { return .safe(URL(fileURLWithPath: real)) }
        if names.contains(PortalMarker.fileName) {
            let format = PortalMarker.format(in: real)
            // A repository kept inside the portal (for publishing it with git) would go with it.
            if let repository = names.first(where: { [".git", ".hg", ".svn"].contains($0) }) {
                return .refused(
                    "thư mục đầu ra \(shown) có \(repository) (một kho mã nguồn) bên trong: dựng lại sẽ xoá nó. "
                        + "Hãy giữ kho ở nơi khác và chép cổng vào đó sau mỗi lần dựng.")
            }
            if format == PortalMarker.formatLine { return .safe(URL(fileURLWithPath: real)) }
            return .refused(
                "thư mục đầu ra \(shown) có tệp \(PortalMarker.fileName) mà plansite này không nhận ra "
                    + "(của một phiên bản khác?): plansite không thay thư mục này. "
                    + "Hãy dùng đúng phiên bản đã dựng nó, hoặc chọn thư mục khác.")
        }
        let seeds = names.filter { seedFiles[$0] != nil && isSeed(real + "/" + $0, seedFiles[$0]!) }
        if seeds.count == names.count { return .safe(URL(fileURLWithPath: real)) }
        if !seeds.isEmpty, names.contains(SiteMap.home) {
            return .refused(
                "thư mục đầu ra \(shown) trông như cổng do một phiên bản plansite cũ dựng (chưa có tệp đánh dấu "
                    + "\(PortalMarker.fileName)): plansite chỉ thay thư mục có tệp này. "
                    + "Hãy xoá thư mục \(shown) một lần rồi dựng lại.")
        }
        let foreign = names.filter { !seeds.contains($0) }
        let examples = foreign.prefix(3).joined(separator: ", ") + (foreign.count > 3 ? ", …" : "")
        return .refused(
            "thư mục đầu ra \(shown) đã có \(foreign.count) mục không do plansite tạo (\(examples)): "
                + "plansite chỉ thay một thư mục trống hoặc một cổng do chính nó dựng (có tệp "
                + "\(PortalMarker.fileName)). Hãy chọn một thư mục khác, hoặc tự chuyển các mục này đi.")
    }

    private func isSeed(_ path: String, _ data: Data) -> Bool {
        PosixTree.kind(path) == .regular && FileManager.default.contents(atPath: path) == data
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    static func withoutTrailingSlashes(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The path with every symbolic link, "." and ".." of its existing part resolved by the
    /// system; components past the existing part are taken as written ("a/../b" = "b").
    public static func realPath(_ path: String) -> String {
        var resolved = "/"
        var tail: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".":
                continue
            case "..":
                if !tail.isEmpty {
                    tail.removeLast()
                } else if resolved != "/" {
                    resolved = String(resolved[..<(resolved.lastIndex(of: "/") ?? resolved.startIndex)])
                    if resolved.isEmpty { resolved = "/" }
                }
            default:
                if tail.isEmpty, let real = systemRealPath((resolved == "/" ? "" : resolved) + "/" + component) {
                    resolved = real
                } else {
                    tail.append(component)
                }
            }
        }
        guard !tail.isEmpty else { return resolved }
        return (resolved == "/" ? "" : resolved) + "/" + tail.joined(separator: "/")
    }

    private static func systemRealPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Device and inode of an existing path (links followed).
    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino)]
    }

    /// The path and each folder above it, nearest first.
    private static func selfAndAncestors(_ path: String) -> [String] {
        var out = [path]
        var current = path
        while current != "/", let slash = current.lastIndex(of: "/") {
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            out.append(current)
        }
        return out
    }

    /// Case-folded where the file systems usually ignore case (macOS).
    private static func folded(_ path: String) -> String {
        #if canImport(Darwin)
            return path.lowercased()
        #else
            return path
        #endif
    }

    static func same(_ first: String, _ second: String) -> Bool {
        if folded(first) == folded(second) { return true }
        guard let one = identity(first) else { return false }
        return identity(second) == one
    }

    /// Whether `folder` is strictly above `path`, by name or by identity.
    static func isAncestor(_ folder: String, of path: String) -> Bool {
        let ancestors = selfAndAncestors(path).dropFirst()
        if ancestors.contains(where: { folded($0) == folded(folder) }) { return true }
        guard let target = identity(folder) else { return false }
        return ancestors.contains { identity($0) == target }
    }
}

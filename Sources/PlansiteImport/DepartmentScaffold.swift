import Foundation
import PlansiteModel
import Yams

/// `plansite new department`: adds a department to its locality's registry file by appending
/// text, so that the file's existing entries and comments stay exactly as they were; creates
/// `departments/<locality>.yaml` when the locality has no file yet.
public enum DepartmentScaffold {
    private typealias K = ContentKey.Registry
    private typealias E = ContentKey.RegistryEntry
    private typealias L = ContentKey.RegistryLocality

    public struct Answers: Sendable {
        public var locality: String?
        public var localityName: String?
        public var id: String?
        public var name: String?
        public var shortName: String?
        public var aliases: [String] = []
        public var level: String?
        public var parent: String?

        public init() {}
    }

    public struct Request: Sendable, Equatable {
        public var locality: String
        /// Needed only when the locality has no registry file yet.
        public var localityName: String?
        public var id: String
        public var name: String
        public var shortName: String?
        public var aliases: [String]
        public var level: DepartmentLevel
        public var parent: String?
    }

    /// The level a name suggests: "Sở Y tế" → sở, "Chủ tịch UBND cấp xã" → vai trò.
    static func guessLevel(_ name: String) -> DepartmentLevel? {
        let folded = VietnameseText.fold(name)
        let rules: [(String, DepartmentLevel)] = [
            ("cac ", .role), ("chu tich ", .role), ("giam doc ", .role), ("thu truong ", .role),
            ("truong phong ", .role), ("chanh ", .role), ("so ", .provincialDepartment), ("phong ", .office),
            ("ban ", .board), ("trung tam ", .centre), ("ubnd tinh", .province), ("ubnd huyen", .district),
            ("ubnd xa", .commune), ("ubnd thi xa", .district), ("ubnd thanh pho", .district),
        ]
        return rules.first { folded.hasPrefix($0.0) }?.1
    }

    public static func resolve(
        _ answers: Answers, registry: Registry, ask: ((PlanScaffold.Question) -> String?)? = nil
    ) throws -> Request {
        func value(_ given: String?, _ key: String, _ prompt: String, default fallback: String?) throws -> String? {
            if let given, !given.trimmingWhitespace().isEmpty { return given.trimmingWhitespace() }
            if let ask {
                let answer = ask(PlanScaffold.Question(key: key, prompt: prompt, defaultValue: fallback))?
                    .trimmingWhitespace()
                if let answer, !answer.isEmpty { return answer }
            }
            return fallback
        }
        let localities = registry.localities.keys.sorted()
        guard
            let locality = try value(
                answers.locality, "locality",
                "Địa phương (mã, ví dụ dak-nong; có: \(localities.joined(separator: ", ")))",
                default: localities.count == 1 ? localities[0] : nil)
        else { throw ScaffoldError.missing(key: "locality", prompt: "Địa phương") }
        guard VietnameseText.isSlug(locality) else {
            throw ScaffoldError.invalid(
                key: "locality", message: "mã địa phương '\(locality)' phải là chữ thường không dấu, số và '-'")
        }
        var localityName = registry.localities[locality]
        if localityName == nil {
            localityName = try value(
                answers.localityName, "locality-name", "Tên địa phương mới (ví dụ tỉnh Đắk Nông)", default: nil)
            guard localityName != nil else {
                throw ScaffoldError.invalid(
                    key: "locality-name",
                    message: "địa phương '\(locality)' chưa có trong danh mục; ghi tên của nó bằng --locality-name")
            }
        }
        guard let name = try value(answers.name, "name", "Tên chính thức của đơn vị", default: nil) else {
            throw ScaffoldError.missing(key: "name", prompt: "Tên đơn vị")
        }
        let shortName = try value(answers.shortName, "short-name", "Tên ngắn (để trống nếu không có)", default: nil)
            .flatMap { $0.isEmpty ? nil : $0 }
        let id =
            try value(
                answers.id, "id", "Mã đơn vị (id)", default: VietnameseText.slug("\(locality) \(shortName ?? name)"))
            ?? ""
        guard VietnameseText.isSlug(id) else {
            throw ScaffoldError.invalid(
                key: "id",
                message: "mã đơn vị '\(id)' phải là chữ thường không dấu, số và '-'; ví dụ \(VietnameseText.slug(id))")
        }
        let levels = DepartmentLevel.allCases.map(\.rawValue).joined(separator: " | ")
        guard let levelText = try value(answers.level, "level", "Cấp (\(levels))", default: guessLevel(name)?.rawValue)
        else { throw ScaffoldError.missing(key: "level", prompt: "Cấp (\(levels))") }
        guard let level = DepartmentLevel(rawValue: levelText.lowercased().precomposedStringWithCanonicalMapping) else {
            throw ScaffoldError.invalid(key: "level", message: "cấp '\(levelText)' không có; dùng \(levels)")
        }
        let parent = try value(answers.parent, "parent", "Mã đơn vị cấp trên (để trống nếu không có)", default: "")
        if let parent, !parent.isEmpty, !registry.entries.contains(where: { $0.id == parent }) {
            throw ScaffoldError.invalid(key: "parent", message: "không có đơn vị cấp trên '\(parent)' trong danh mục")
        }
        if registry.entries.contains(where: { $0.id == id }) {
            throw ScaffoldError.invalid(
                key: "id", message: "mã đơn vị '\(id)' đã có trong danh mục; chọn mã khác bằng --id")
        }
        let aliases = answers.aliases.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        for written in [name, shortName ?? ""] + aliases where !written.isEmpty {
            if case .found(let other) = registry.resolve(written, locality: locality),
                registry.entries.contains(where: { $0.id == other.rawValue && $0.locality == locality })
            {
                throw ScaffoldError.invalid(
                    key: "name",
                    message:
                        "tên '\(written)' đã dùng cho đơn vị '\(other)' của \(locality); mỗi tên chỉ trỏ tới một đơn vị"
                )
            }
        }
        return Request(
            locality: locality, localityName: localityName, id: id, name: name, shortName: shortName,
            aliases: aliases, level: level,
            parent: (parent ?? "").isEmpty ? nil : parent)
    }

    /// Appends the department to its locality's registry file (or creates one); returns the file.
    public static func write(_ request: Request, departmentsFolder: URL, registry: Registry) throws -> URL {
        let candidates = registry.files.filter { $0.locality == request.locality }.map(\.path).sorted()
        let preferred = departmentsFolder.appendingPathComponent("\(request.locality).yaml").path
        if let path = candidates.first(where: { $0 == preferred }) ?? candidates.first {
            let url = URL(fileURLWithPath: path)
            let original = try String(contentsOf: url, encoding: .utf8)
            let updated = try appended(request, to: original, path: path)
            try Data(updated.utf8).write(to: url, options: .atomic)
            return url
        }
        let url = URL(fileURLWithPath: preferred)
        if FileManager.default.fileExists(atPath: url.path) { throw ScaffoldError.exists(url.path) }
        let y = YAMLWriter.inline
        let text = """
            # Danh mục đơn vị của \(YAMLWriter.comment(request.localityName ?? request.locality)), tạo bởi `plansite new department`.
            # Xem docs/content-format.md: mỗi đơn vị được khai báo một lần, với mọi cách văn bản viết tên nó.
            # Địa phương (\(K.locality)): mã (\(L.id), chữ thường không dấu) và tên hiển thị (\(L.name)).
            \(K.locality):
              \(L.id): \(y(request.locality))
              \(L.name): \(y(request.localityName ?? request.locality))
            # Các đơn vị (\(K.departments)) của địa phương.
            \(K.departments):

            """ + entry(request, indent: "  ")
        try FileManager.default.createDirectory(at: departmentsFolder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        return url
    }

    /// The file's text with the entry added at the end of its `departments:` list. Fails when
    /// the list cannot be extended by appending (written in flow style, or followed by another
    /// top-level key), rather than rewrite the file.
    static func appended(_ request: Request, to original: String, path: String) throws -> String {
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let topLevel = lines.enumerated().filter { _, line in
            guard let first = line.first else { return false }
            return !first.isWhitespace && first != "#" && first != "-" && line.contains(":")
        }
        guard let departmentsLine = topLevel.last(where: { $0.element.hasPrefix("\(K.departments):") }) else {
            // No list yet: start one at the end.
            var text = original
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            text += "\(K.departments):\n" + entry(request, indent: "  ")
            return try verified(text, request: request, path: path)
        }
        guard topLevel.last?.offset == departmentsLine.offset else {
            throw ScaffoldError.cannotAppend(
                path: path, reason: "'\(K.departments):' không phải mục cuối của tệp; hãy thêm đơn vị bằng tay")
        }
        let rest = departmentsLine.element.dropFirst("\(K.departments):".count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw ScaffoldError.cannotAppend(
                path: path,
                reason: "danh sách '\(K.departments)' viết trên một dòng; hãy viết mỗi đơn vị một mục '- \(E.id): …'")
        }
        var indent = "  "
        for line in lines[(departmentsLine.offset + 1)...] {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                indent = String(line.prefix { $0 == " " })
                break
            }
        }
        var text = original
        if !text.hasSuffix("\n") { text += "\n" }
        text += entry(request, indent: indent)
        return try verified(text, request: request, path: path)
    }

    /// The entry's lines, commented, at the list's indentation.
    static func entry(_ request: Request, indent: String) -> String {
        let y = YAMLWriter.inline
        var lines = [
            "",
            "# Thêm bởi `plansite new department`. \(E.id): mã đơn vị (trang don-vi/<id>/); \(E.name): tên chính thức;",
            "# \(E.shortName): tên ngắn; \(E.aliases): mọi cách văn bản viết tên này; \(E.level): cấp; "
                + "\(E.parent): đơn vị cấp trên.",
            "- \(E.id): \(y(request.id))",
            "  \(E.name): \(y(request.name))",
        ]
        if let shortName = request.shortName { lines.append("  \(E.shortName): \(y(shortName))") }
        if !request.aliases.isEmpty {
            lines.append("  \(E.aliases):")
            lines += request.aliases.map { "    - \(y($0))" }
        }
        lines.append("  \(E.level): \(y(request.level.rawValue))")
        if let parent = request.parent { lines.append("  \(E.parent): \(y(parent))") }
        return lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n") + "\n"
    }

    /// The new text read back: the department must be there, as the last entry.
    private static func verified(_ text: String, request: Request, path: String) throws -> String {
        var check = Registry()
        if let problem = check.add(yaml: text, path: path) {
            throw ScaffoldError.cannotAppend(path: path, reason: problem.message)
        }
        guard let last = check.entries.last, last.id == request.id, last.name == request.name else {
            throw ScaffoldError.cannotAppend(path: path, reason: "sau khi thêm, tệp không đọc ra đơn vị mới")
        }
        return text
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteModel
import PlansiteValidator
import Yams

/// The department registry (`Content/departments/*.yaml`), read leniently for the importer
/// and the scaffolds: which localities and files there are, and every department. Names are
/// resolved by the validator's `DepartmentDirectory`, so `plansite import`, `plansite new` and
/// `plansite check` accept exactly the same names, and a name that two departments of one
/// locality claim is reported (`ambiguousAlias`) by the same rule.
public struct Registry: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var shortName: String?
        public var aliases: [String]
        public var level: String?
        public var locality: String

        public init(
            id: String, name: String, shortName: String? = nil, aliases: [String] = [], level: String? = nil,
            locality: String
        ) {
            self.id = id
            self.name = name
            self.shortName = shortName
            self.aliases = aliases
            self.level = level
            self.locality = locality
        }

        /// Every way the registry lets a plan name it.
        public var names: [String] { [id, name] + [shortName].compactMap { $0 } + aliases }
    }

    /// One registry file: which locality it declares.
    public struct File: Sendable, Hashable {
        public var path: String
        public var locality: String?
        public var localityName: String?
    }

    public private(set) var entries: [Entry] = []
    public private(set) var files: [File] = []
    /// Locality id → display name.
    public private(set) var localities: [String: String] = [:]
    /// The validator's directory of names, prepared after every `add`.
    public private(set) var directory = DepartmentDirectory()
    /// Names that clash within a locality, as the validator reports them.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Locality → match key → the name as the registry writes it (the first accepted).
    private var spellings: [String: [String: String]] = [:]

    public init() {}

    /// Reads every `*.yaml` of a folder; unreadable files and clashing names are in `problems`.
    /// Each problem is a diagnostic at its file (and line and column where known).
    public static func load(folder: URL) -> (registry: Registry, problems: [Diagnostic]) {
        var registry = Registry()
        var problems: [Diagnostic] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append(
                    Diagnostic(
                        .warning, .unreadableFile, "không đọc được tệp danh mục (cần văn bản UTF-8)",
                        at: SourceLocation(file: url.path)))
                continue
            }
            if let problem = registry.add(yaml: text, path: url.path) { problems.append(problem) }
        }
        problems += registry.diagnostics
        return (registry, problems)
    }

    /// Adds one registry file's departments; returns a problem when the YAML cannot be read.
    @discardableResult
    public mutating func add(yaml text: String, path: String) -> Diagnostic? {
        typealias K = ContentKey.Registry
        typealias E = ContentKey.RegistryEntry
        typealias L = ContentKey.RegistryLocality
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            var place = SourceLocation(file: path, line: 1, column: 1)
            switch error as? YamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _):
                place = SourceLocation(file: path, line: mark.line, column: mark.column)
            default: break
            }
            return Diagnostic(.warning, .yamlSyntax, "YAML không hợp lệ, tệp danh mục không được đọc", at: place)
        }
        guard let node, case .mapping(let root) = node else {
            return Diagnostic(
                .warning, .wrongType, "tệp danh mục phải là một mục YAML (locality, departments)",
                at: SourceLocation(file: path, line: 1, column: 1))
        }
        var localityID: String?
        var localityName: String?
        if let locality = root[K.locality.rawValue], case .mapping(let mapping) = locality {
            localityID = mapping[L.id.rawValue]?.string
            localityName = mapping[L.name.rawValue]?.string
        }
        files.append(File(path: path, locality: localityID, localityName: localityName))
        guard let localityID else {
            return Diagnostic(
                .warning, .missingField, "thiếu '\(K.locality)' (mã và tên địa phương)",
                at: SourceLocation(file: path, line: 1, column: 1))
        }
        localities[localityID] = localityName ?? localityID
        guard let departments = root[K.departments.rawValue], case .sequence(let list) = departments else { return nil }
        for item in list {
            guard case .mapping(let mapping) = item, let id = mapping[E.id.rawValue]?.string,
                let name = mapping[E.name.rawValue]?.string
            else { continue }
            var aliases: [String] = []
            switch mapping[E.aliases.rawValue] {
            case .some(.sequence(let sequence)): aliases = sequence.compactMap(\.string)
            case .some(.scalar(let scalar)): aliases = [scalar.string]
            default: break
            }
            insert(
                Entry(
                    id: id, name: name, shortName: mapping[E.shortName.rawValue]?.string, aliases: aliases,
                    level: mapping[E.level.rawValue]?.string, locality: localityID),
                location: SourceLocation(
                    file: path, line: item.mark.map { $0.line } ?? 0, column: item.mark.map { $0.column } ?? 0))
        }
        directory.prepare()
        return nil
    }

    /// Adds one department; `location` is where its entry is written, for a clash of names.
    public mutating func add(_ entry: Entry, location: SourceLocation? = nil) {
        insert(entry, location: location)
        directory.prepare()
    }

    private mutating func insert(_ entry: Entry, location: SourceLocation?) {
        entries.append(entry)
        if localities[entry.locality] == nil { localities[entry.locality] = entry.locality }
        let department = Department(
            id: DepartmentID(entry.id), name: entry.name, shortName: entry.shortName, aliases: entry.aliases,
            level: entry.level.flatMap(DepartmentLevel.init(rawValue:)) ?? .unit, parent: nil,
            locality: LocalityID(entry.locality))
        var bag = DiagnosticBag()
        directory.add(department, location: location ?? SourceLocation(file: entry.locality), bag: &bag)
        diagnostics += bag.items
        // The directory keeps the first department to claim a name: so does the spelling.
        for name in entry.names {
            let key = VietnameseText.matchKey(name)
            if spellings[entry.locality]?[key] == nil {
                spellings[entry.locality, default: [:]][key] = name.precomposedStringWithCanonicalMapping
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public typealias Resolution = DepartmentDirectory.Resolution

    /// The department a name stands for, exactly as `plansite check` resolves it.
    public func resolve(_ name: String, locality: String?) -> Resolution {
        directory.resolve(name, locality: locality.map(LocalityID.init))
    }

    public func isKnown(_ name: String, locality: String?) -> Bool {
        if case .found = directory.resolve(name, locality: locality.map(LocalityID.init), suggest: false) {
            return true
        }
        return false
    }

    /// Every name of a locality's departments, as the registry writes them.
    public func names(in locality: String) -> [String] {
        Array((spellings[locality] ?? [:]).values).sorted()
    }

    /// The registry's spelling of a name of the locality.
    func spelling(of key: String, in locality: String) -> String? { spellings[locality]?[key] }

    /// The locality in which most of these names are found locally; nil without a registry.
    public func bestLocality(for names: [String]) -> String? {
        guard !localities.isEmpty else { return nil }
        var best: (String, Int)?
        for locality in localities.keys.sorted() {
            let keys = spellings[locality] ?? [:]
            let count = names.filter { keys[VietnameseText.matchKey($0)] != nil }.count
            if best == nil || count > best!.1 { best = (locality, count) }
        }
        return best?.0
    }

    /// Names of the locality that occur inside a longer text, as whole words, longest first
    /// and without overlaps, in the order they appear: "Phòng TH chịu trách nhiệm …, các phòng
    /// chuyên môn …" → ["Phòng TH", "Các phòng chuyên môn"].
    func namesMentioned(in text: String, locality: String) -> [String] {
        let haystack = Array(VietnameseText.matchKey(text))
        let keys = (spellings[locality] ?? [:]).keys.filter { $0.count >= 3 }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0 < $1
        }
        var taken = [Bool](repeating: false, count: haystack.count)
        var found: [(Int, String)] = []
        for key in keys {
            let needle = Array(key)
            guard needle.count <= haystack.count else { continue }
            var start = 0
            while start + needle.count <= haystack.count {
                let end = start + needle.count
                if Array(haystack[start..<end]) == needle,
                    start == 0 || !haystack[start - 1].isLetter && !haystack[start - 1].isNumber,
                    end == haystack.count || !haystack[end].isLetter && !haystack[end].isNumber,
                    !taken[start..<end].contains(true)
                {
                    for index in start..<end { taken[index] = true }
                    found.append((start, spelling(of: key, in: locality) ?? key))
                    start = end
                } else {
                    start += 1
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

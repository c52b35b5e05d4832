import Foundation
import PlansiteDiagnostics
import PlansiteModel
import Yams

/// The department registry (`Content/departments/*.yaml`), read leniently for matching names:
/// the same rules as the validator — a name is its id, name, short name or an alias, compared
/// with case, spacing and Unicode form ignored; first among the locality's departments, then
/// among all others when exactly one matches.
public struct Registry: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var name: String
        public var shortName: String?
        public var aliases: [String]
        public var level: String?
        public var locality: String

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
    /// Locality → match key → department id.
    private var byLocality: [String: [String: String]] = [:]
    /// Locality → match key → the name as the registry writes it.
    private var spellings: [String: [String: String]] = [:]
    /// Match key → ids in any locality.
    private var global: [String: Set<String>] = [:]

    public init() {}

    /// Reads every `*.yaml` of a folder; unreadable files are named in `problems`.
    public static func load(folder: URL) -> (registry: Registry, problems: [String]) {
        var registry = Registry()
        var problems: [String] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                problems.append("không đọc được \(url.path)")
                continue
            }
            if let problem = registry.add(yaml: text, path: url.path) { problems.append(problem) }
        }
        return (registry, problems)
    }

    /// Adds one registry file's departments; returns a problem when the YAML cannot be read.
    @discardableResult
    public mutating func add(yaml text: String, path: String) -> String? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return "\(path): YAML không hợp lệ (\(error))"
        }
        guard let node, case .mapping(let root) = node else { return "\(path): không phải một mục YAML" }
        var localityID: String?
        var localityName: String?
        if let locality = root["locality"], case .mapping(let mapping) = locality {
            localityID = mapping["id"]?.string
            localityName = mapping["name"]?.string
        }
        files.append(File(path: path, locality: localityID, localityName: localityName))
        guard let localityID else { return "\(path): thiếu 'locality'" }
        localities[localityID] = localityName ?? localityID
        guard let departments = root["departments"], case .sequence(let list) = departments else { return nil }
        for item in list {
            guard case .mapping(let mapping) = item, let id = mapping["id"]?.string, let name = mapping["name"]?.string
            else { continue }
            var aliases: [String] = []
            switch mapping["aliases"] {
            case .some(.sequence(let sequence)): aliases = sequence.compactMap(\.string)
            case .some(.scalar(let scalar)): aliases = [scalar.string]
            default: break
            }
            add(
                Entry(
                    id: id, name: name, shortName: mapping["short-name"]?.string, aliases: aliases,
                    level: mapping["level"]?.string, locality: localityID))
        }
        return nil
    }

    public mutating func add(_ entry: Entry) {
        entries.append(entry)
        if localities[entry.locality] == nil { localities[entry.locality] = entry.locality }
        for name in entry.names {
            let key = VietnameseText.matchKey(name)
            guard byLocality[entry.locality]?[key] == nil else { continue }
            byLocality[entry.locality, default: [:]][key] = entry.id
            spellings[entry.locality, default: [:]][key] = name.precomposedStringWithCanonicalMapping
            global[key, default: []].insert(entry.id)
        }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public enum Resolution: Sendable, Equatable {
        case found(id: String)
        case ambiguous([String])
        case unknown(suggestions: [String])
    }

    /// The department a name stands for, in the validator's order.
    public func resolve(_ name: String, locality: String?) -> Resolution {
        let key = VietnameseText.matchKey(name)
        if let locality, let id = byLocality[locality]?[key] { return .found(id: id) }
        if let ids = global[key] {
            return ids.count == 1 ? .found(id: ids.first!) : .ambiguous(ids.sorted())
        }
        return .unknown(suggestions: suggestions(for: name, locality: locality))
    }

    public func isKnown(_ name: String, locality: String?) -> Bool {
        if case .found = resolve(name, locality: locality) { return true }
        return false
    }

    /// Every name of a locality's departments, as the registry writes them.
    public func names(in locality: String) -> [String] {
        Array((spellings[locality] ?? [:]).values).sorted()
    }

    /// The registry's spelling of a name of the locality.
    func spelling(of key: String, in locality: String) -> String? { spellings[locality]?[key] }

    /// Closest names: by edit distance among the locality, then everywhere, then by
    /// containment ("Giám đốc Sở Tư pháp" ~ "Sở Tư pháp"), as the validator suggests.
    public func suggestions(for name: String, locality: String?) -> [String] {
        let local = locality.map { names(in: $0) } ?? []
        var found = Suggestions.closest(to: name, in: local)
        if found.isEmpty {
            found = Suggestions.closest(to: name, in: spellings.values.flatMap { $0.values })
        }
        if found.isEmpty {
            let folded = VietnameseText.fold(name)
            let pool = local.isEmpty ? spellings.values.flatMap { $0.values } : local
            found = Array(
                Set(
                    pool.filter {
                        let candidate = VietnameseText.fold($0)
                        return candidate.count >= 4 && (candidate.contains(folded) || folded.contains(candidate))
                    }
                ).sorted().prefix(3))
        }
        return found
    }

    /// The locality in which most of these names are found locally; nil without a registry.
    public func bestLocality(for names: [String]) -> String? {
        guard !localities.isEmpty else { return nil }
        var best: (String, Int)?
        for locality in localities.keys.sorted() {
            let keys = byLocality[locality] ?? [:]
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
        let keys = (byLocality[locality] ?? [:]).keys.filter { $0.count >= 3 }.sorted {
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

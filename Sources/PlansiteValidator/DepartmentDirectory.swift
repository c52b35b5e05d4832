import Foundation
import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel

/// Resolves the names plans write ("TTPVHCC", "Giám đốc Sở Nội vụ") to registry entries:
/// first among the plan's own locality, then among all localities when only one matches.
/// The one directory of names: `plansite check` and the importer (`plansite import`,
/// `plansite new …`) both resolve through it, so they cannot disagree about a name.
public struct DepartmentDirectory: Sendable {
    private var byLocality: [LocalityID: [String: DepartmentID]] = [:]
    /// Names exactly as the registry writes them, per locality: most references match one
    /// of these, and need no normalising.
    private var exactByLocality: [LocalityID: [String: DepartmentID]] = [:]
    private var global: [String: Set<DepartmentID>] = [:]
    private var names: [LocalityID: [String]] = [:]
    public private(set) var departments: [DepartmentID: Department] = [:]
    /// Made by `prepare()` once every department is added: the look-ups of unknown names.
    private var lookups = NameLookups(names: [:])

    public init() {}

    /// The directory of a validated site's departments (`Site.departments`), prepared: the
    /// validator has already reported any clash among their names.
    public init(_ departments: [Department]) {
        var bag = DiagnosticBag()
        for department in departments {
            add(department, location: SourceLocation(file: department.locality.rawValue), bag: &bag)
        }
        prepare()
    }

    /// Prepares the look-ups of unknown names; call after the last `add`.
    public mutating func prepare() { lookups = NameLookups(names: names) }

    /// Adds a department's id, name, short name and aliases. A name that already stands for
    /// another department of the same locality (compared with case, spacing and Unicode form
    /// ignored) is reported as `ambiguousAlias` and not added.
    public mutating func add(_ department: Department, location: SourceLocation, bag: inout DiagnosticBag) {
        departments[department.id] = department
        let keys =
            [department.id.rawValue, department.name] + [department.shortName].compactMap { $0 } + department.aliases
        for name in keys {
            let key = VietnameseText.matchKey(name)
            if let other = byLocality[department.locality]?[key], other != department.id {
                bag.error(
                    .ambiguousAlias,
                    "tên '\(name)' đã được dùng cho đơn vị '\(other)' trong cùng địa phương; mỗi tên chỉ được trỏ tới một đơn vị",
                    at: location)
                continue
            }
            byLocality[department.locality, default: [:]][key] = department.id
            exactByLocality[department.locality, default: [:]][name] = department.id
            global[key, default: []].insert(department.id)
            names[department.locality, default: []].append(name)
        }
    }

    public enum Resolution: Sendable, Equatable {
        case found(DepartmentID)
        case unknown(suggestions: [String])
        case ambiguous([DepartmentID])
    }

    /// - Parameters:
    ///   - locality: the plan's locality; nil looks among all localities only.
    ///   - suggest: whether to look for close names when there is no match (a look-up over
    ///     every name: the caller bounds how many it asks for).
    public func resolve(_ name: String, locality: LocalityID?, suggest: Bool = true) -> Resolution {
        if let locality, let id = exactByLocality[locality]?[name] { return .found(id) }
        let key = VietnameseText.matchKey(name)
        if let locality, let id = byLocality[locality]?[key] { return .found(id) }
        if let ids = global[key] {
            if ids.count == 1 { return .found(ids.first!) }
            return .ambiguous(ids.sorted())
        }
        guard suggest else { return .unknown(suggestions: []) }
        var suggestions = locality.map { lookups.candidates(in: $0).closest(to: name) } ?? []
        if suggestions.isEmpty {
            suggestions = lookups.allCandidates.closest(to: name)
        }
        if suggestions.isEmpty {
            // Names often differ by a prefix ("Giám đốc Sở Tư pháp" / "Sở Tư pháp"): try containment.
            let folded = VietnameseText.fold(name)
            let pool = lookups.folded(in: locality)
            suggestions = Array(
                Set(pool.filter { $0.folded.contains(folded) || folded.contains($0.folded) }.map(\.name))
                    .sorted().prefix(3))
        }
        return .unknown(suggestions: suggestions)
    }

    /// Every name of a locality's departments that the directory accepted, as the registry
    /// writes them, in the order they were added.
    public func names(in locality: LocalityID) -> [String] { names[locality] ?? [] }

    /// The localities that have at least one name.
    public var localities: [LocalityID] { names.keys.sorted() }
}

/// The look-ups of names a plan writes that the registry does not have ("did you mean"), each
/// made the first time an unknown name needs it: a build without one never makes them (at
/// national scale, with ~15,000 names, they took an eighth of an incremental build).
///
/// `@unchecked Sendable`: `names` never changes; the look-ups made so far are read and changed
/// under `lock` (plans are validated in parallel).
final class NameLookups: @unchecked Sendable {
    private let names: [LocalityID: [String]]
    private let lock = NSLock()
    private var local: [LocalityID: Suggestions.Candidates] = [:]
    private var all: Suggestions.Candidates?
    private var foldedByLocality: [LocalityID: [(name: String, folded: String)]] = [:]

    init(names: [LocalityID: [String]]) { self.names = names }

    /// A locality's names, for "did you mean".
    func candidates(in locality: LocalityID) -> Suggestions.Candidates {
        lock.withLock {
            if let made = local[locality] { return made }
            let made = Suggestions.Candidates(names[locality] ?? [])
            local[locality] = made
            return made
        }
    }

    /// Every locality's names.
    var allCandidates: Suggestions.Candidates {
        lock.withLock {
            if let all { return all }
            let made = Suggestions.Candidates(names.values.flatMap { $0 })
            all = made
            return made
        }
    }

    /// A locality's names folded (every locality's, for nil), for a look-up by containment.
    func folded(in locality: LocalityID?) -> [(name: String, folded: String)] {
        guard let locality else { return names.keys.sorted().flatMap { folded(in: $0) } }
        return lock.withLock {
            if let made = foldedByLocality[locality] { return made }
            let made = (names[locality] ?? []).map { ($0, VietnameseText.fold($0)) }
            foldedByLocality[locality] = made
            return made
        }
    }
}

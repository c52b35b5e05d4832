import Foundation
import PlansiteAssess
import PlansiteModel
import PlansiteSiteMap

/// The search index: a small catalog loaded first, and one shard per plan loaded as needed.
/// Both are JavaScript files that hand their data to `assets/search.js`:
///
///     (window.__plansiteSearch=window.__plansiteSearch||[]).push({...});
///
/// so that the search page works from `file://` (where `fetch` cannot read local files) as
/// well as from a web server: the page injects `<script src>` tags, never `fetch`.
///
/// Keys are short because the catalog is downloaded before any result is shown.
enum SearchIndex {
    /// One searchable row: a plan, a criterion row or a task.
    struct Entry: Encodable {
        /// "p" plan, "c" criterion row, "n" task.
        let k: String
        /// Title, or the start of the task's text.
        let t: String
        /// Context shown under the title: the criterion of a task, the appendix of a criterion.
        let x: String?
        /// URL relative to the portal's root, with the row's anchor.
        let u: String
        /// Search key of everything the entry is found by (`SearchKey.key`).
        let f: String
        /// Department ids: the lead departments first.
        let d: [DepartmentID]?
        /// How many of `d` lead.
        let l: Int?
        /// The index of the appendix the entry is in (absent: the plan's indices).
        let i: String?
    }

    struct Shard: Encodable {
        let type = "shard"
        /// The plan's slug.
        let id: PlanID
        let t: String
        let r: String
        let y: Int
        let i: [String]
        let loc: LocalityID
        let e: [Entry]
    }

    struct CatalogDepartment: Encodable {
        let id: DepartmentID
        /// Full name.
        let n: String
        /// Short name, when it has one.
        let s: String?
        /// Position of its locality in `localities`.
        let l: Int
        let f: String
        /// 1 for a generic role.
        let r: Int?
    }

    struct CatalogShard: Encodable {
        /// The plan's slug: the shard is `tim-kiem/chi-muc/ke-hoach/<id>.js`.
        let id: PlanID
        let t: String
        let r: String
        let y: Int
        let i: [String]
        /// Position of its locality in `localities`.
        let l: Int
        /// Positions in `departments` of every department the plan names, as runs: start,
        /// length, start, length … (a plan names mostly neighbours: its locality's departments).
        let d: [Int]
        /// Search key of the plan's title, reference, issuer and locality: the shards that
        /// match are loaded first.
        let f: String
    }

    struct Catalog: Encodable {
        let type = "catalog"
        let version = 1
        let shardPath = SiteMap.searchShardPattern
        let departmentPath = SiteMap.departmentPattern
        let indices: [[String]]
        let localities: [[String]]
        let departments: [CatalogDepartment]
        let shards: [CatalogShard]
    }

    static func shard(
        _ plan: Plan, departments: [DepartmentID: Department], localities: [LocalityID: Locality],
        flat: FlatTexts = FlatTexts()
    ) -> Data {
        let localityName = localities[plan.locality]?.name ?? plan.locality.rawValue
        func names(_ ids: [DepartmentID]) -> [String] {
            ids.flatMap { id -> [String] in
                guard let department = departments[id] else { return [id.rawValue] }
                return [department.name] + (department.shortName.map { [$0] } ?? [])
            }
        }
        func unique(_ ids: [DepartmentID]) -> [DepartmentID] {
            var seen: Set<DepartmentID> = []
            return ids.filter { seen.insert($0).inserted }
        }
        func taskEntry(_ task: PlanTask, context: String?, fallbackTitle: String, index: IndexKind?) -> Entry {
            let text = task.text.map { flat($0) }
            let leads = unique(task.lead)
            let all = unique(task.lead + task.cooperating + task.monitoring)
            var title = text.map { PlainText.excerpt($0) } ?? fallbackTitle
            if let code = task.code { title = "\(code). \(title)" }
            let key = SearchKey.key(
                [task.code, text ?? fallbackTitle, task.note, task.timeFrame?.text] + names(all).map { $0 })
            return Entry(
                k: "n", t: title, x: context, u: SiteMap.row(plan.slug, task.anchor), f: key,
                d: all.isEmpty ? nil : all, l: all.isEmpty ? nil : leads.count, i: index?.rawValue)
        }
        var entries: [Entry] = []
        let allDepartments = unique(plan.allTasks.flatMap { $0.lead + $0.cooperating + $0.monitoring }).sorted()
        entries.append(
            Entry(
                k: "p", t: plan.title, x: "\(plan.reference) — \(plan.issuer), \(plan.date.short)",
                u: SiteMap.plan(plan.slug),
                f: SearchKey.key(
                    [plan.title, plan.reference, plan.issuer, plan.place, localityName, String(plan.year)]
                        + plan.indices.map(\.acronym)),
                d: allDepartments.isEmpty ? nil : allDepartments, l: nil, i: nil))
        for task in plan.tasks {
            entries.append(
                taskEntry(
                    task, context: task.code.map { "Mục \($0)" }, fallbackTitle: plan.title, index: nil))
        }
        for appendix in plan.appendices {
            let heading = "Phụ lục \(appendix.number) · \(appendix.index.acronym)"
            for (criterion, _) in appendix.rows {
                let title = [criterion.code, criterion.title].compactMap { $0 }.joined(separator: " ")
                let ids = unique(criterion.tasks.flatMap { $0.lead + $0.cooperating + $0.monitoring })
                entries.append(
                    Entry(
                        k: "c", t: title, x: heading, u: SiteMap.row(plan.slug, criterion.anchor),
                        f: SearchKey.key([
                            criterion.code, criterion.title, criterion.description.map { flat($0) },
                        ]),
                        d: ids.isEmpty ? nil : ids, l: nil, i: appendix.index.rawValue))
                for task in criterion.tasks {
                    entries.append(
                        taskEntry(task, context: heading + " · " + title, fallbackTitle: title, index: appendix.index))
                }
            }
        }
        let shard = Shard(
            id: plan.slug, t: plan.title, r: plan.reference, y: plan.year, i: plan.indices.map(\.rawValue),
            loc: plan.locality, e: entries)
        return script(shard)
    }

    static func catalog(plans: [PlanAssessment], departments: [Department], localities: [Locality]) -> Data {
        let localityList = VietnameseText.sorted(localities, by: \.name)
        let localityPosition = Dictionary(
            uniqueKeysWithValues: localityList.enumerated().map { ($1.id, $0) })
        let localityNames = Dictionary(uniqueKeysWithValues: localities.map { ($0.id, $0.name) })
        // By locality, then name (folded once per department, not once per comparison), then id.
        let departmentList = departments.map { ($0, VietnameseText.fold($0.name)) }.sorted { a, b in
            let la = localityPosition[a.0.locality] ?? Int.max
            let lb = localityPosition[b.0.locality] ?? Int.max
            if la != lb { return la < lb }
            if a.0.name != b.0.name { return (a.1, a.0.name) < (b.1, b.0.name) }
            return a.0.id < b.0.id
        }.map(\.0)
        let departmentPosition = Dictionary(
            uniqueKeysWithValues: departmentList.enumerated().map { ($1.id, $0) })
        let catalogDepartments = departmentList.map { department in
            CatalogDepartment(
                id: department.id, n: department.name,
                s: department.shortName == department.name ? nil : department.shortName,
                l: localityPosition[department.locality] ?? -1,
                f: SearchKey.key(
                    [department.name, department.shortName] + department.aliases.map { $0 }
                        + [localityNames[department.locality]]),
                r: department.isRole ? 1 : nil)
        }
        let shards = plans.sorted(by: PlanAssessment.precedes).map { summary in
            CatalogShard(
                id: summary.slug, t: summary.title, r: summary.reference, y: summary.year,
                i: summary.indices.map(\.rawValue), l: localityPosition[summary.locality] ?? -1,
                d: runs(summary.roles.keys.compactMap { departmentPosition[$0] }),
                f: SearchKey.key(
                    [
                        summary.title, summary.reference, summary.issuer, localityNames[summary.locality],
                        String(summary.year),
                    ] + summary.indices.map(\.acronym)))
        }
        let catalog = Catalog(
            indices: IndexKind.allCases.map { [$0.rawValue, $0.acronym] },
            localities: localityList.map { [$0.id.rawValue, $0.name] }, departments: catalogDepartments, shards: shards)
        return script(catalog)
    }

    /// Sorted positions as runs: [3, 4, 5, 9] → [3, 3, 9, 1].
    static func runs(_ positions: [Int]) -> [Int] {
        var out: [Int] = []
        for position in Set(positions).sorted() {
            if out.count >= 2, out[out.count - 2] + out[out.count - 1] == position {
                out[out.count - 1] += 1
            } else {
                out += [position, 1]
            }
        }
        return out
    }

    /// The data as a script that hands it to `assets/search.js`: JSON, encoded for a script
    /// (`JSONText.forScript`: U+2028, U+2029, `</` and `<!--` escaped).
    static func script<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = [UInt8]((try? encoder.encode(value)) ?? Data("null".utf8))
        var bytes = Array("(window.__plansiteSearch=window.__plansiteSearch||[]).push(".utf8)
        bytes += JSONText.forScript(json)
        bytes += Array(");\n".utf8)
        return Data(bytes)
    }
}

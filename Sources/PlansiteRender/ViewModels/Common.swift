import Foundation
import PlansiteModel

/// What every page's layout shows: portal name, navigation, the as-of date.
struct Chrome {
    let siteTitle: String
    let issuer: String
    let asOf: String
    let asOfISO: String
    let nav: [NavItem]
    let stylesheet: String
    let homeURL: String
    /// The share preview's and search engines' description of the portal.
    let description: String
    /// The page's absolute address (`og:url`), only when `base-url` is set.
    let pageURL: String?
    /// Who runs the portal, for the footer.
    let identity: IdentityView
}

struct NavItem {
    let label: String
    let url: String
    let current: Bool
}

/// A link to a department, as shown in task cells: the words of the document ("Chánh Thanh
/// tra tỉnh"), linking to the registry's department page.
struct DepartmentLink {
    let name: String
    let fullName: String
    let url: String
    let isRole: Bool
}

/// One task as a row or a list item.
struct TaskView {
    let anchor: String
    let code: String?
    let textHTML: String?
    let note: String?
    let lead: [DepartmentLink]
    let cooperating: [DepartmentLink]
    let monitoring: [DepartmentLink]
    let hasCooperating: Bool
    let hasMonitoring: Bool
    let timeFrame: String?
    let deadlineISO: String?
    /// The task's words as printed, where the transcription differs ("Văn bản ghi: …").
    let asPrinted: String?
    /// `partials/task-roles` rendered for this task: from the cache for pages two folders deep,
    /// otherwise only if a template asks for it.
    var rolesHTML: Fragment
    /// `partials/task-progress` for this task: its status, due date and report history.
    var progressHTML: Fragment
}

/// Fragments shared by several pages, each made once by whichever page needs it first and let
/// go after its last use, so it lives only as long as the pages that show it.
final class FragmentCache: Sendable {
    private let shared = SharedValues<Fragment>()

    /// The fragment for `key`, made on first use; after `uses` look-ups the cache lets go of it.
    func fragment(_ key: String, uses: Int, make: @escaping () -> String) -> Fragment {
        shared.value(key, uses: uses) { Fragment(make) }
    }
}

/// A value made on first use, once, whichever thread asks first: a view model's part that a
/// page may not show (the printable appendix page shows the table, not its lines or chart).
final class Lazy<Value>: @unchecked Sendable {
    private let make: () -> Value
    private var made: Value?
    private let lock = NSLock()

    init(_ make: @escaping () -> Value) { self.make = make }

    var value: Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

/// Values several pages share, each made once by whichever page needs it first and let go
/// after its last use.
final class SharedValues<Value>: @unchecked Sendable {
    private var values: [String: Lazy<Value>] = [:]
    private var remaining: [String: Int] = [:]
    private let lock = NSLock()

    /// The value for `key`, made (outside the cache's lock) on first use; after `uses`
    /// look-ups the cache lets go of it.
    func value(_ key: String, uses: Int, make: @escaping () -> Value) -> Value {
        let lazy = lock.withLock {
            let lazy = values[key] ?? Lazy(make)
            let left = (remaining[key] ?? uses) - 1
            if left > 0 {
                values[key] = lazy
                remaining[key] = left
            } else {
                values[key] = nil
                remaining[key] = nil
            }
            return lazy
        }
        return lazy.value
    }
}

/// An HTML fragment made on first use: a page that does not show it does not pay for it.
final class Fragment: Sendable, CustomStringConvertible {
    private let text: Lazy<String>

    init(_ make: @escaping () -> String) { text = Lazy(make) }

    init(cached text: String) { self.text = Lazy { text } }

    var description: String { text.value }
}

/// A quoted index result as a table row.
struct ResultView {
    let index: String
    let indexURL: String
    let locality: String
    let year: Int
    let score: String
    let unit: String
    /// Score and unit as the document prints them: "84,24 điểm", "86,50%".
    let scoreText: String
    let rank: String?
    let group: String?
    let change: String?
    let source: String?
}

/// A plan in a list: home, index pages.
struct PlanListItem {
    let title: String
    let url: String
    let reference: String
    let issuer: String
    let date: String
    let dateISO: String
    let indices: String
    let taskCount: Int
    /// False for a plan that assigns no task: it shows neither a count nor progress.
    let hasTasks: Bool
    /// "45% hoàn thành, 3 quá hạn" or "Chưa có báo cáo" on the as-of date; nil for a plan
    /// with no tasks.
    let progress: String?
    /// The plan page's progress section.
    let progressURL: String
}

/// A chart with its data table (the same numbers for screen readers and print).
struct ChartView {
    let svg: String
    let caption: String
    let headers: [String]
    let rows: [ChartRow]
}

struct ChartRow {
    let header: String
    let cells: [LabelledCell]
}

/// A table cell with its column's heading, which a stacked table (`class="stack"`) shows beside
/// it on a phone (`data-label`).
struct LabelledCell {
    let label: String
    let value: String
}

extension SiteIndex {
    /// A task's departments in one role, each named as the document names it.
    func links(_ task: PlanTask, _ role: TaskRole, root: String) -> [DepartmentLink] {
        task.departments(in: role).enumerated().map { position, id in
            let registered = link(id, root: root)
            guard let written = task.writtenName(role, at: position), written != id.rawValue, written != registered.name
            else { return registered }
            return DepartmentLink(
                name: written, fullName: registered.fullName, url: registered.url, isRole: registered.isRole)
        }
    }
}

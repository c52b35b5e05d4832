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
}

struct NavItem {
    let label: String
    let url: String
    let current: Bool
}

/// A link to a department, as shown in task cells.
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
    /// `partials/task-roles` rendered for this task: from the cache for pages two folders deep,
    /// otherwise only if a template asks for it.
    var rolesHTML: Fragment
}

/// Fragments shared by several pages, each made once by whichever page needs it first.
final class FragmentCache: @unchecked Sendable {
    private var fragments: [String: Fragment] = [:]
    private let lock = NSLock()

    func fragment(_ key: String, make: @escaping () -> String) -> Fragment {
        lock.withLock {
            if let existing = fragments[key] { return existing }
            let fragment = Fragment(make)
            fragments[key] = fragment
            return fragment
        }
    }
}

/// An HTML fragment made on first use: a page that does not show it does not pay for it.
final class Fragment: @unchecked Sendable, CustomStringConvertible {
    private let make: () -> String
    private lazy var text: String = make()
    private let lock = NSLock()

    init(_ make: @escaping () -> String) { self.make = make }

    init(cached text: String) {
        self.make = { text }
    }

    var description: String { lock.withLock { text } }
}

/// A quoted index result as a table row.
struct ResultView {
    let index: String
    let indexURL: String
    let locality: String
    let year: Int
    let score: String
    let unit: String
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
    let cells: [String]
}

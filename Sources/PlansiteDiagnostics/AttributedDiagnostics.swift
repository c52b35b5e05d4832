/// Diagnostics kept by where they belong: each plan folder's (by slug), and the rest (settings,
/// registries, results, templates, the output). The loader and the validator attribute each
/// diagnostic as they make it, so the build cache never has to guess a plan from a file name.
public struct AttributedDiagnostics: Sendable, Equatable {
    public var shared: [Diagnostic]
    public var byPlan: [String: [Diagnostic]]

    public init(shared: [Diagnostic] = [], byPlan: [String: [Diagnostic]] = [:]) {
        self.shared = shared
        self.byPlan = byPlan
    }

    /// Adds `diagnostics` to the plan `slug`'s, or to the shared ones when `slug` is nil.
    public mutating func append(contentsOf diagnostics: [Diagnostic], plan slug: String?) {
        guard let slug else {
            shared += diagnostics
            return
        }
        guard !diagnostics.isEmpty else { return }
        byPlan[slug, default: []] += diagnostics
    }

    public mutating func append(contentsOf other: AttributedDiagnostics) {
        shared += other.shared
        for (slug, diagnostics) in other.byPlan { append(contentsOf: diagnostics, plan: slug) }
    }

    /// Every diagnostic, sorted (and limited per file) as `DiagnosticBag.sorted`.
    public var sorted: [Diagnostic] {
        var bag = DiagnosticBag()
        bag.append(contentsOf: shared)
        for slug in byPlan.keys.sorted() { bag.append(contentsOf: byPlan[slug]!) }
        return bag.sorted
    }

    public var hasErrors: Bool {
        shared.contains { $0.severity == .error } || byPlan.values.contains { $0.contains { $0.severity == .error } }
    }

    /// The same diagnostics with each group sorted and limited on its own: a file is in one
    /// group, so this keeps what sorting them all together would.
    public var eachSorted: AttributedDiagnostics {
        AttributedDiagnostics(shared: Self.sorted(shared), byPlan: byPlan.mapValues(Self.sorted))
    }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var bag = DiagnosticBag()
        bag.append(contentsOf: diagnostics)
        return bag.sorted
    }
}

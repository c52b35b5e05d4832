import PlansiteSupport

/// Where each kind of content lives in the content folder: the one place the layout is
/// written. The loader reads by it, and the build cache groups its stamps by it, so both see
/// the same plan folders.
public enum ContentLayout {
    /// The site's settings.
    public static let settingsFile = "site.yaml"
    /// Results no plan quotes.
    public static let resultsFile = "results.yaml"
    /// The department registries, one `.yaml` file per locality.
    public static let registriesFolder = "departments"
    /// One folder per plan, named by its slug.
    public static let plansFolder = "plans"

    /// What a path in the content folder is.
    public enum Place: Equatable, Sendable {
        case settings
        case results
        case registry
        /// Inside the folder of plan `slug`; `file` is its name when it sits directly in the
        /// folder, nil when it is deeper (which the loader reports).
        case plan(slug: String, file: String?)
        /// Anything else (reported as unexpected).
        case other
    }

    /// The place of a file from its path components (`FileTree.File.components`).
    public static func place(of components: [String]) -> Place {
        switch components.count {
        case 1 where components[0] == settingsFile: return .settings
        case 1 where components[0] == resultsFile: return .results
        case 2 where components[0] == registriesFolder && components[1].hasSuffix(".yaml"): return .registry
        case 3...:
            return components[0] == plansFolder ? .plan(slug: components[1], file: plannedFile(components)) : .other
        default: return .other
        }
    }

    private static func plannedFile(_ components: [String]) -> String? {
        components.count == 3 ? components[2] : nil
    }

    /// The plan folder `slug`, as path components below the content folder.
    public static func planFolder(_ slug: String) -> [String] { [plansFolder, slug] }

    /// The plan folder `slug` as a path relative to the content folder, "plans/slug".
    public static func planPath(_ slug: String) -> String { planFolder(slug).joined(separator: "/") }
}

/// A set of YAML keys of one mapping of a content file, declared once as the cases of an enum:
/// the loader reads each key through its case, its unknown-field check allows exactly `all`
/// (in the order declared, which is the order its notes list them), and the importer's writers
/// and scaffolds write the same cases. A key added to an enum is known everywhere at once.
/// Interpolated (`"\(K.shortName): …"`) a key prints as written in the file ("short-name").
public protocol ContentKeySet: CaseIterable, CustomStringConvertible, Sendable, Hashable
where RawValue == String, Self: RawRepresentable {}

extension ContentKeySet {
    /// Every key of the mapping, in the order declared.
    public static var all: [String] { allCases.map(\.rawValue) }

    /// The key as written in the file.
    public var description: String { rawValue }
}

/// The YAML keys of the content files (docs/content-format.md), one enum per mapping.
public enum ContentKey {
    /// `site.yaml`.
    public enum Site: String, ContentKeySet {
        case title, issuer, locale
        case basePath = "base-path"
        case baseURL = "base-url"
        case asOf = "as-of"
        case dueSoonDays = "due-soon-days"
        case reportDay = "report-day"
        /// A sentence describing the portal: the pages' `<meta name="description">`.
        /// (Not `description`: that is the key as text, for every key.)
        case descriptionText = "description"
        /// Who runs the portal (Nghị định 42/2022/NĐ-CP), shown in every page's footer and on
        /// the about page: cơ quan chủ quản, the agency above it, người chịu trách nhiệm and
        /// their title, the address, a telephone number and an e-mail address.
        case agency
        case agencyParent = "agency-parent"
        case responsiblePerson = "responsible-person"
        case responsibleTitle = "responsible-title"
        case address, phone, email
        /// The licence of the pages' content and of the open data: a name and its link.
        case contentLicence = "content-licence"
        case contentLicenceURL = "content-licence-url"
        case dataLicence = "data-licence"
        case dataLicenceURL = "data-licence-url"
    }

    /// `departments/*.yaml`: a locality and its departments.
    public enum Registry: String, ContentKeySet {
        case locality, departments
    }

    /// The `locality` mapping of a registry.
    public enum RegistryLocality: String, ContentKeySet {
        case id, name
    }

    /// One entry of a registry's `departments` list.
    public enum RegistryEntry: String, ContentKeySet {
        case id, name
        case shortName = "short-name"
        case aliases, level, parent
    }

    /// The front matter of `plans/<slug>/plan.md`.
    public enum PlanFrontMatter: String, ContentKeySet {
        case kind, number, issuer, header, locality, place, date, title, addressees, recipients, signer, indices,
            year, results, motto, targets, original
    }

    /// A plan's `signer` mapping.
    public enum Signer: String, ContentKeySet {
        case authority, title, name
    }

    /// One of a plan's `targets`.
    public enum Target: String, ContentKeySet {
        case index, year, text, score, rank
    }

    /// `results.yaml` (the national results) and a plan's `results` entries.
    public enum ResultsFile: String, ContentKeySet {
        case results
    }

    /// One result of an index; `locality` only in `results.yaml` (a plan's results are its own).
    public enum IndexResult: String, ContentKeySet {
        case locality, index, year, score, unit, rank
        case outOf = "out-of"
        case group, change, source

        /// The keys of a result inside a plan's front matter.
        public static var withoutLocality: [String] { all.filter { $0 != IndexResult.locality.rawValue } }
    }

    /// `plans/<slug>/phu-luc-<n>.yaml`.
    public enum Appendix: String, ContentKeySet {
        case index, title, reference, columns, criteria
    }

    /// An appendix's `columns` mapping: the heading printed above each column.
    public enum AppendixColumn: String, ContentKeySet {
        case criterion, max, last, target, task, lead, cooperating, monitoring, time
    }

    /// One row of an appendix's criteria tree.
    public enum Criterion: String, ContentKeySet {
        case code, title, max, last, target
        /// (Not `description`: that is the key as text, for every key.)
        case descriptionText = "description"
        case tasks, children
        case asPrinted = "as-printed"
    }

    /// `plans/<slug>/nhiem-vu.yaml`.
    public enum TasksFile: String, ContentKeySet {
        case tasks
    }

    /// One task; `code` and `index` only for a plan's own tasks (nhiem-vu.yaml), not an appendix's.
    public enum TaskEntry: String, ContentKeySet {
        case code, index, text, note, lead, cooperating, monitoring, time
        case asPrinted = "as-printed"

        /// The keys of a task inside an appendix's criteria tree.
        public static var inAppendix: [String] {
            all.filter { $0 != TaskEntry.code.rawValue && $0 != TaskEntry.index.rawValue }
        }
    }

    /// `plans/<slug>/bao-cao-*.yaml`: a progress report.
    public enum Report: String, ContentKeySet {
        case example, period, department, date, document, tasks
    }

    /// One line of a report's `tasks`.
    public enum ReportEntry: String, ContentKeySet {
        case task, status, percent, note, evidence
    }
}

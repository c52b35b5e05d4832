import PlansiteDiagnostics

/// A value with the place it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public let value: Value
    public let location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// `site.yaml` as written.
public struct SiteDefinition: Sendable {
    public var location: SourceLocation
    public var title: Located<String>?
    public var issuer: Located<String>?
    public var locale: Located<String>?
    public var basePath: Located<String>?
    public var baseURL: Located<String>?
    public var asOf: Located<String>?
    public var dueSoonDays: Located<String>?
    public var reportDay: Located<String>?
    public var description: Located<String>? = nil
    /// Who runs the portal (`ContentKey.Site`): all optional here; the validator warns about
    /// the ones Nghị định 42/2022/NĐ-CP requires.
    public var agency: Located<String>? = nil
    public var agencyParent: Located<String>? = nil
    public var responsiblePerson: Located<String>? = nil
    public var responsibleTitle: Located<String>? = nil
    public var address: Located<String>? = nil
    public var phone: Located<String>? = nil
    public var email: Located<String>? = nil
    public var contentLicence: Located<String>? = nil
    public var contentLicenceURL: Located<String>? = nil
    public var dataLicence: Located<String>? = nil
    public var dataLicenceURL: Located<String>? = nil
}

/// One `departments/*.yaml` file as written.
public struct RegistryDefinition: Sendable {
    public var location: SourceLocation
    public var localityID: Located<String>?
    public var localityName: Located<String>?
    public var departments: [DepartmentDefinition]
}

public struct DepartmentDefinition: Sendable {
    public var location: SourceLocation
    public var id: Located<String>?
    public var name: Located<String>?
    public var shortName: Located<String>?
    public var aliases: [Located<String>]
    public var level: Located<String>?
    public var parent: Located<String>?
}

/// One task as written, in an appendix row or in `nhiem-vu.yaml`.
public struct TaskDefinition: Sendable {
    public var location: SourceLocation
    public var code: Located<String>?
    public var index: Located<String>?
    public var text: Located<String>?
    public var note: Located<String>?
    public var lead: [Located<String>]
    public var cooperating: [Located<String>]
    public var monitoring: [Located<String>]
    public var time: Located<String>?
    /// `as-printed`: the words of the document where the transcription differs.
    public var asPrinted: Located<String>? = nil
}

/// One row of an appendix's criteria tree as written.
public struct CriterionDefinition: Sendable {
    public var location: SourceLocation
    public var code: Located<String>?
    public var title: Located<String>?
    public var max: Located<String>?
    public var last: Located<String>?
    public var target: Located<String>?
    public var description: Located<String>?
    public var tasks: [TaskDefinition]
    public var children: [CriterionDefinition]
    /// `as-printed`: the row's words as the document prints them, where they differ.
    public var asPrinted: Located<String>? = nil
}

/// `phu-luc-<n>.yaml` as written.
public struct AppendixDefinition: Sendable {
    public var location: SourceLocation
    public var number: Int
    public var index: Located<String>?
    public var title: Located<String>?
    public var reference: Located<String>?
    public var columns: [String: Located<String>]
    public var criteria: [CriterionDefinition]
}

/// A quoted or recorded index result as written.
public struct ResultDefinition: Sendable {
    public var location: SourceLocation
    public var locality: Located<String>?
    public var index: Located<String>?
    public var year: Located<String>?
    public var score: Located<String>?
    public var rank: Located<String>?
    public var outOf: Located<String>?
    public var group: Located<String>?
    public var change: Located<String>?
    public var source: Located<String>?
    /// `unit`: the unit the document writes after the score ("điểm", "%").
    public var unit: Located<String>? = nil
}

/// A plan-level target as written (`targets:` in plan.md).
public struct TargetDefinition: Sendable {
    public var location: SourceLocation
    public var index: Located<String>?
    public var year: Located<String>?
    public var text: Located<String>?
    public var score: Located<String>?
    public var rank: Located<String>?
}

public struct SignerDefinition: Sendable {
    public var authority: [Located<String>]
    public var title: Located<String>?
    public var name: Located<String>?
}

/// A plan folder as written: `plan.md` with its appendices and plan-level tasks.
public struct PlanDefinition: Sendable {
    public var location: SourceLocation
    public var slug: Located<String>
    public var kind: Located<String>?
    public var number: Located<String>?
    public var issuer: Located<String>?
    public var header: [Located<String>]
    public var locality: Located<String>?
    public var place: Located<String>?
    public var date: Located<String>?
    public var title: Located<String>?
    public var addressees: [Located<String>]
    public var recipients: [Located<String>]
    public var signer: SignerDefinition?
    public var indices: [Located<String>]
    public var year: Located<String>?
    public var results: [ResultDefinition]
    /// The Markdown after the front matter.
    public var body: String
    public var appendices: [AppendixDefinition]
    public var tasks: [TaskDefinition]
    /// `motto`: the national motto as printed, line by line, or `false` when none is printed.
    public var motto: [Located<String>] = []
    public var reports: [ReportDefinition] = []
    /// True when a file with tasks had errors, so some tasks may be missing.
    public var tasksIncomplete = false
    /// `targets`: what the plan aims at for an index and a year.
    public var targets: [TargetDefinition] = []
    /// `original`: the field naming the signed original, when written.
    public var originalField: Located<String>? = nil
    /// The signed original as read: its file name, size and SHA-256 (nil when there is none
    /// or it could not be read).
    public var original: OriginalFile? = nil
}

/// The signed original of a plan as read by the loader.
public struct OriginalFile: Sendable, Hashable {
    public var file: String
    /// The file's path for copying it into the portal.
    public var path: String
    public var size: Int
    public var sha256: String
    public var location: SourceLocation
}

/// One task's line in a progress report as written.
public struct ReportEntryDefinition: Sendable {
    public var location: SourceLocation
    public var task: Located<String>?
    public var status: Located<String>?
    public var percent: Located<String>?
    public var note: Located<String>?
    public var evidence: [Located<String>]
}

/// `bao-cao-*.yaml`: one department's progress report on a plan for a period.
public struct ReportDefinition: Sendable {
    public var location: SourceLocation
    public var example: Located<String>?
    public var period: Located<String>?
    public var department: Located<String>?
    public var date: Located<String>?
    public var document: Located<String>?
    public var entries: [ReportEntryDefinition]
}

/// Everything read from a content folder, before validation.
public struct ContentDefinition: Sendable {
    public var root: String
    public var site: SiteDefinition?
    public var registries: [RegistryDefinition]
    public var plans: [PlanDefinition]
    public var results: [ResultDefinition]
}

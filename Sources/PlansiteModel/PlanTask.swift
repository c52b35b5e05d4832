/// The part a department plays in a task.
public enum TaskRole: String, Sendable, CaseIterable, Hashable, Comparable {
    case lead
    case cooperating
    case monitoring

    public static func < (a: TaskRole, b: TaskRole) -> Bool { a.order < b.order }

    /// Lead, cooperating, monitoring: the order of `allCases`, without searching it.
    public var order: Int {
        switch self {
        case .lead: 0
        case .cooperating: 1
        case .monitoring: 2
        }
    }
}

/// A duty a plan assigns: its text, who leads, cooperates and monitors, and when.
public struct PlanTask: Hashable, Sendable {
    /// The anchor of its row on the plan page, unique within the plan: "nv-1-12".
    public let anchor: String
    /// The number the document gives it, for plan-level tasks ("1.2").
    public let code: String?
    /// Markdown text; nil when the row only assigns a department to a criterion.
    public let text: String?
    /// Extra words of the department cell.
    public let note: String?
    public let lead: [DepartmentID]
    public let cooperating: [DepartmentID]
    public let monitoring: [DepartmentID]
    public let timeFrame: TimeFrame?
    /// What progress reports write to name it: the plan's code ("III.1.a") or the appendix row
    /// ("PL1/2.2.1", "PL1/2.2.1/2" for a row's second task); the anchor when neither exists.
    public let reference: String
    /// For a quarterly duty, the report day its own text states ("ngày 25 hằng quý"), if any:
    /// it is due on that day of each quarter's last month instead of the site's `report-day`.
    public let statedReportDay: Int?
    /// The words the document uses for each department, by role, in the order of `lead`,
    /// `cooperating`, `monitoring` ("Chánh Thanh tra tỉnh" for the registry's "Thanh tra tỉnh").
    /// A role missing here, or shorter than its ids, falls back to the registry's names.
    public let writtenNames: [TaskRole: [String]]
    /// The task's words as the document prints them, where the transcription differs (a stray
    /// character removed, a list split): shown under the task as "Văn bản ghi: …".
    public let asPrinted: String?

    public init(
        anchor: String, code: String? = nil, text: String?, note: String? = nil, lead: [DepartmentID],
        cooperating: [DepartmentID] = [], monitoring: [DepartmentID] = [], timeFrame: TimeFrame?,
        reference: String? = nil,
        writtenNames: [TaskRole: [String]] = [:], asPrinted: String? = nil
    ) {
        self.writtenNames = writtenNames
        self.asPrinted = asPrinted
        self.anchor = anchor
        self.reference = reference ?? code ?? anchor
        self.statedReportDay =
            timeFrame?.kind == .quarterly ? StatedReportDay.find(in: [text, note, timeFrame?.text]) : nil
        self.code = code
        self.text = text
        self.note = note
        self.lead = lead
        self.cooperating = cooperating
        self.monitoring = monitoring
        self.timeFrame = timeFrame
    }

    public func departments(in role: TaskRole) -> [DepartmentID] {
        switch role {
        case .lead: lead
        case .cooperating: cooperating
        case .monitoring: monitoring
        }
    }

    /// How the document names the `position`-th department of `role`, if recorded.
    public func writtenName(_ role: TaskRole, at position: Int) -> String? {
        guard let names = writtenNames[role], position < names.count else { return nil }
        return names[position]
    }

    /// Every (department, role) pair, each department once per role.
    public var assignments: [(department: DepartmentID, role: TaskRole)] {
        TaskRole.allCases.flatMap { role in departments(in: role).map { ($0, role) } }
    }
}

/// A place whose plans and departments the portal publishes (a province, a district).
public struct Locality: Hashable, Sendable {
    public let id: LocalityID
    public let name: String

    public init(id: LocalityID, name: String) {
        self.id = id
        self.name = name
    }
}

/// How high in the administration a department sits; `role` is a generic role
/// such as "Chủ tịch UBND cấp huyện" that stands for many bodies at once.
public enum DepartmentLevel: String, Sendable, CaseIterable, Hashable {
    case province = "tỉnh"
    case district = "huyện"
    case commune = "xã"
    case provincialDepartment = "sở"
    case board = "ban"
    case office = "phòng"
    case centre = "trung tâm"
    case unit = "đơn vị"
    case organisation = "tổ chức"
    case role = "vai trò"
}

/// An agency, office, room or generic role that plans assign tasks to.
public struct Department: Hashable, Sendable, Identifiable {
    public let id: DepartmentID
    public let name: String
    public let shortName: String?
    public let aliases: [String]
    public let level: DepartmentLevel
    public let parent: DepartmentID?
    public let locality: LocalityID

    public init(
        id: DepartmentID, name: String, shortName: String? = nil, aliases: [String] = [], level: DepartmentLevel,
        parent: DepartmentID? = nil, locality: LocalityID
    ) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.aliases = aliases
        self.level = level
        self.parent = parent
        self.locality = locality
    }

    public var isRole: Bool { level == .role }

    /// The name shown in task lists.
    public var displayName: String { shortName ?? name }
}

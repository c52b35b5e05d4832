/// The ids the content gives its plans, departments and localities, each its own type so that
/// one is never passed where another is meant. Each is the content's own string: it is encoded
/// as that plain string (in the build cache, in JSON exports, as a dictionary key), is printed
/// as it (`"\(id)"`), and sorts as it.
public protocol ContentID: Hashable, Codable, Sendable, Comparable, CustomStringConvertible,
    CodingKeyRepresentable, ExpressibleByStringLiteral
{
    var rawValue: String { get }
    init(_ rawValue: String)
}

extension ContentID {
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { IDKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}

/// A dictionary key of an id, so that `[DepartmentID: …]` encodes as a JSON object keyed by the
/// id's string, as `[String: …]` did.
private struct IDKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

/// A plan's slug, the name of its folder under `plans/` and of its pages: "2024-par-index".
public struct PlanID: ContentID {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A department's id in the registry: "so-noi-vu".
public struct DepartmentID: ContentID {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

/// A locality's id: "dak-nong".
public struct LocalityID: ContentID {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}

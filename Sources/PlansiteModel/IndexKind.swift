/// The three governance indices a plan can aim to raise.
public enum IndexKind: String, Sendable, CaseIterable, Hashable, Comparable, Codable {
    case parIndex = "par-index"
    case papi
    case sipas

    public static func < (a: IndexKind, b: IndexKind) -> Bool { a.order < b.order }

    /// PAR INDEX, PAPI, SIPAS: the order of `allCases`, without searching it.
    private var order: Int {
        switch self {
        case .parIndex: 0
        case .papi: 1
        case .sipas: 2
        }
    }

    /// "PAR INDEX", "PAPI", "SIPAS".
    public var acronym: String {
        switch self {
        case .parIndex: "PAR INDEX"
        case .papi: "PAPI"
        case .sipas: "SIPAS"
        }
    }

    /// The unit a total is given in.
    public var unit: String {
        switch self {
        case .parIndex, .papi: "điểm"
        case .sipas: "%"
        }
    }

    /// The scale of an index total, for charts: PAR INDEX 0–100, PAPI 8–80, SIPAS 0–100 %.
    public var totalScale: ClosedRange<Double> {
        switch self {
        case .parIndex, .sipas: 0...100
        case .papi: 0...80
        }
    }

    /// The URL segment of the index page.
    public var slug: String { rawValue }
}

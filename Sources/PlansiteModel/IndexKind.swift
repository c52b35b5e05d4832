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

    /// The full Vietnamese name.
    public var name: String {
        switch self {
        case .parIndex: "Chỉ số cải cách hành chính"
        case .papi: "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh"
        case .sipas: "Chỉ số hài lòng về sự phục vụ hành chính"
        }
    }

    /// What the index measures, for its page.
    public var summary: String {
        switch self {
        case .parIndex:
            "Do Bộ Nội vụ xác định hằng năm, đánh giá kết quả cải cách hành chính của các bộ và tỉnh "
                + "theo các lĩnh vực, tiêu chí và tiêu chí thành phần; thang điểm 100, gồm điểm thẩm định "
                + "và điểm điều tra xã hội học."
        case .papi:
            "Khảo sát ý kiến người dân về hiệu quả quản trị và hành chính công cấp tỉnh, theo 8 chỉ số "
                + "nội dung, mỗi chỉ số từ 1 đến 10 điểm; tổng điểm từ 8 đến 80."
        case .sipas:
            "Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
                + "nhà nước, tính theo tỷ lệ phần trăm."
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

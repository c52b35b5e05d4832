import PlansiteModel

// The interface's words for the model's facts: what pages, exports, charts and the authoring
// tools show a reader. The model holds facts only; the content's own vocabulary (the values a
// YAML file may hold, such as "hoàn thành" or "Quý III/2024") stays with the types that read it,
// and the checker's messages stay with the loader and the validator.

extension TaskRole {
    /// "Chủ trì", "Phối hợp", "Hướng dẫn, theo dõi, giám sát".
    public var label: String {
        switch self {
        case .lead: "Chủ trì"
        case .cooperating: "Phối hợp"
        case .monitoring: "Hướng dẫn, theo dõi, giám sát"
        }
    }
}

extension TimeFrame.Category {
    /// "Có hạn cụ thể", "Hằng quý", … "Văn bản không nêu thời hạn".
    public var label: String {
        switch self {
        case .dated: "Có hạn cụ thể"
        case .quarterly: "Hằng quý"
        case .yearly: "Hằng năm"
        case .ongoing: "Thường xuyên"
        case .other: "Khác"
        case .unstated: "Văn bản không nêu thời hạn"
        }
    }
}

extension TaskStatus {
    /// The words of the badge: the status is never told by colour alone.
    public var label: String {
        switch self {
        case .overdue: "Quá hạn"
        case .dueSoon: "Sắp đến hạn"
        case .notReported: "Chưa có báo cáo"
        case .notStarted: "Chưa triển khai"
        case .onTrack: "Đang thực hiện, đúng tiến độ"
        case .done: "Hoàn thành"
        case .notApplicable: "Không áp dụng"
        }
    }
}

extension ReportStatus {
    /// "Chưa thực hiện", as shown on pages: the content's word with a capital.
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

extension DepartmentLevel {
    /// The heading it is listed under in the directory.
    public var groupName: String {
        switch self {
        case .province: "Ủy ban nhân dân cấp tỉnh"
        case .district: "Cấp huyện"
        case .commune: "Cấp xã"
        case .provincialDepartment: "Sở, ngành"
        case .board: "Ban, cơ quan Đảng, đoàn thể"
        case .office: "Phòng"
        case .centre: "Trung tâm"
        case .unit: "Đơn vị"
        case .organisation: "Tổ chức"
        case .role: "Vai trò chung"
        }
    }
}

extension IndexKind {
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
}

extension SourceAnomaly {
    /// For readers, in Vietnamese: "văn bản ghi 20/6/2022 trong kế hoạch năm 2023".
    public var readerNote: String {
        switch self {
        case .deadlineOutsidePlanYear(let deadline, let planYear):
            "văn bản ghi \(deadline.day)/\(deadline.month)/\(deadline.year) trong kế hoạch năm \(planYear)"
        }
    }
}

extension DocumentDate {
    /// "ngày 18 tháng 7 năm 2024"; blanks stay blank as in the signed document.
    public var official: String {
        let d = day.map { $0 < 10 ? "0\($0)" : String($0) } ?? "    "
        let m = month.map { String($0) } ?? "    "
        return "ngày \(d) tháng \(m) năm \(year)"
    }
}

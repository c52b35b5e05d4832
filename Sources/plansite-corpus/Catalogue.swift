import PlansiteModel

/// A row of an index's criteria tree as the methodology names it, with the departments
/// that usually lead its tasks (`focus`, registry keys; children inherit their parent's).
struct Topic {
    let title: String
    let focus: [String]
    let points: Int?
    let description: String?
    let children: [Topic]

    init(
        _ title: String, focus: [String] = [], points: Int? = nil, description: String? = nil,
        _ children: [Topic] = []
    ) {
        self.title = title
        self.focus = focus
        self.points = points
        self.description = description
        self.children = children
    }

    init(_ title: String, focus: [String] = [], subs: [String]) {
        self.init(title, focus: focus, subs.map { Topic($0) })
    }
}

/// The criteria of the three indices. PAR INDEX areas carry their points (hundredths, 100 in
/// all); PAPI dimensions are worth 10 points each; SIPAS rows are percents without a maximum.
enum Catalogue {
    static func topics(for index: IndexKind) -> [Topic] {
        switch index {
        case .parIndex: parIndex
        case .papi: papi
        case .sipas: sipas
        }
    }

    static let parIndex: [Topic] = [
        Topic(
            "Công tác chỉ đạo, điều hành cải cách hành chính",
            focus: ["so-noi-vu", "so-noi-vu-phong-cai-cach-hanh-chinh", "van-phong-ubnd"], points: 800,
            [
                Topic(
                    "Kế hoạch cải cách hành chính năm",
                    subs: [
                        "Ban hành kế hoạch cải cách hành chính năm", "Mức độ thực hiện kế hoạch cải cách hành chính",
                    ]),
                Topic("Báo cáo cải cách hành chính định kỳ"),
                Topic(
                    "Kiểm tra công tác cải cách hành chính",
                    subs: ["Tỷ lệ cơ quan, đơn vị được kiểm tra", "Xử lý các vấn đề phát hiện qua kiểm tra"]),
                Topic(
                    "Công tác tuyên truyền cải cách hành chính",
                    subs: ["Mức độ thực hiện kế hoạch tuyên truyền", "Mức độ đa dạng trong hình thức tuyên truyền"]),
                Topic(
                    "Thực hiện nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao",
                    focus: ["van-phong-ubnd", "van-phong-ubnd-phong-tong-hop"],
                    subs: ["Tỷ lệ nhiệm vụ hoàn thành đúng hạn", "Tỷ lệ nhiệm vụ quá hạn được xử lý"]),
            ]),
        Topic(
            "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh",
            focus: ["so-tu-phap", "so-tu-phap-phong-xay-dung-va-kiem-tra-van-ban"], points: 900,
            [
                Topic(
                    "Xây dựng, ban hành văn bản quy phạm pháp luật",
                    subs: [
                        "Mức độ thực hiện chương trình xây dựng văn bản",
                        "Lấy ý kiến người dân, doanh nghiệp đối với dự thảo văn bản",
                    ]),
                Topic(
                    "Theo dõi thi hành pháp luật",
                    subs: [
                        "Ban hành kế hoạch theo dõi thi hành pháp luật", "Xử lý kết quả theo dõi thi hành pháp luật",
                    ]),
                Topic(
                    "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
                    subs: ["Công bố kết quả rà soát, hệ thống hóa", "Xử lý văn bản sau rà soát"]),
                Topic(
                    "Kiểm tra, xử lý văn bản quy phạm pháp luật",
                    subs: ["Kiểm tra văn bản theo thẩm quyền", "Xử lý văn bản trái pháp luật được phát hiện"]),
            ]),
        Topic(
            "Cải cách thủ tục hành chính",
            focus: ["van-phong-ubnd", "van-phong-ubnd-phong-kiem-soat-tthc", "trung-tam-phuc-vu-hanh-chinh-cong"],
            points: 1450,
            [
                Topic(
                    "Công bố, công khai thủ tục hành chính",
                    subs: [
                        "Công bố danh mục thủ tục hành chính đúng thời hạn",
                        "Công khai thủ tục hành chính trên Cổng Dịch vụ công",
                        "Cập nhật Cơ sở dữ liệu quốc gia về thủ tục hành chính",
                    ]),
                Topic(
                    "Rà soát, đơn giản hóa thủ tục hành chính",
                    subs: [
                        "Ban hành kế hoạch rà soát, đơn giản hóa", "Thực thi phương án đơn giản hóa đã được phê duyệt",
                    ]),
                Topic(
                    "Thực hiện cơ chế một cửa, một cửa liên thông",
                    subs: [
                        "Tỷ lệ thủ tục hành chính giải quyết tại Bộ phận Một cửa",
                        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                        "Đánh giá chất lượng giải quyết thủ tục hành chính",
                    ]),
                Topic(
                    "Kết quả giải quyết thủ tục hành chính",
                    focus: ["ubnd-cap-huyen", "ubnd-cap-xa", "thu-truong-cac-so-ban-nganh"],
                    subs: [
                        "Tỷ lệ hồ sơ giải quyết đúng hạn ở cấp tỉnh", "Tỷ lệ hồ sơ giải quyết đúng hạn ở cấp huyện",
                        "Tỷ lệ hồ sơ giải quyết đúng hạn ở cấp xã",
                    ]),
                Topic("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức"),
            ]),
        Topic(
            "Cải cách tổ chức bộ máy hành chính nhà nước",
            focus: ["so-noi-vu", "so-noi-vu-phong-to-chuc-bien-che"], points: 800,
            [
                Topic(
                    "Tuân thủ quy định về cơ cấu tổ chức",
                    subs: ["Cơ quan chuyên môn thuộc UBND tỉnh", "Cơ quan chuyên môn thuộc UBND cấp huyện"]),
                Topic(
                    "Thực hiện quy định về biên chế",
                    subs: ["Sử dụng biên chế công chức được giao", "Thực hiện tinh giản biên chế"]),
                Topic("Sắp xếp, tổ chức lại đơn vị sự nghiệp công lập"),
                Topic(
                    "Thực hiện phân cấp quản lý",
                    subs: ["Thực hiện các quy định về phân cấp", "Kiểm tra, đánh giá việc thực hiện phân cấp"]),
            ]),
        Topic(
            "Cải cách chế độ công vụ",
            focus: ["so-noi-vu", "so-noi-vu-phong-cong-chuc-vien-chuc", "so-noi-vu-phong-xay-dung-chinh-quyen"],
            points: 1300,
            [
                Topic(
                    "Vị trí việc làm của cơ quan, tổ chức hành chính",
                    subs: ["Phê duyệt vị trí việc làm", "Bố trí công chức theo vị trí việc làm"]),
                Topic(
                    "Tuyển dụng công chức, viên chức",
                    subs: ["Thực hiện quy định về tuyển dụng công chức", "Thực hiện quy định về tuyển dụng viên chức"]),
                Topic("Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức"),
                Topic(
                    "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
                    subs: ["Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng", "Khảo sát nhu cầu đào tạo, bồi dưỡng"]),
                Topic(
                    "Kỷ luật, kỷ cương hành chính",
                    subs: ["Kiểm tra công vụ", "Xử lý vi phạm kỷ luật, kỷ cương hành chính"]),
                Topic("Cán bộ, công chức cấp xã", focus: ["so-noi-vu-phong-xay-dung-chinh-quyen", "ubnd-cap-huyen"]),
            ]),
        Topic(
            "Cải cách tài chính công",
            focus: ["so-tai-chinh", "so-ke-hoach-va-dau-tu", "so-tai-chinh-phong-quan-ly-ngan-sach"], points: 700,
            [
                Topic("Giải ngân kế hoạch vốn đầu tư công", focus: ["so-ke-hoach-va-dau-tu", "kho-bac-nha-nuoc"]),
                Topic(
                    "Quản lý, sử dụng tài sản công",
                    subs: [
                        "Ban hành quy định về quản lý, sử dụng tài sản công",
                        "Thực hiện kiến nghị của thanh tra, kiểm toán",
                    ]),
                Topic(
                    "Thực hiện cơ chế tự chủ của đơn vị sự nghiệp công lập",
                    subs: ["Giao quyền tự chủ cho đơn vị sự nghiệp công lập", "Ban hành định mức kinh tế - kỹ thuật"]),
            ]),
        Topic(
            "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            focus: [
                "so-thong-tin-va-truyen-thong", "trung-tam-cong-nghe-thong-tin",
                "so-thong-tin-va-truyen-thong-phong-cong-nghe-thong-tin",
            ],
            points: 1050,
            [
                Topic(
                    "Hạ tầng, nền tảng số",
                    subs: [
                        "Kết nối nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh",
                        "Hệ thống thông tin giải quyết thủ tục hành chính",
                    ]),
                Topic(
                    "Ứng dụng công nghệ thông tin trong quản lý văn bản",
                    subs: ["Tỷ lệ văn bản trao đổi dưới dạng điện tử", "Sử dụng chữ ký số"]),
                Topic(
                    "Cung cấp dịch vụ công trực tuyến",
                    focus: ["van-phong-ubnd", "trung-tam-phuc-vu-hanh-chinh-cong"],
                    subs: [
                        "Tỷ lệ dịch vụ công trực tuyến toàn trình", "Tỷ lệ hồ sơ nộp trực tuyến",
                        "Tỷ lệ thanh toán trực tuyến",
                    ]),
                Topic(
                    "Kết nối, chia sẻ dữ liệu",
                    subs: ["Khai thác Cơ sở dữ liệu quốc gia về dân cư", "Công bố dữ liệu mở"]),
                Topic("Bảo đảm an toàn thông tin mạng", focus: ["cong-an-tinh", "so-thong-tin-va-truyen-thong"]),
            ]),
        Topic(
            "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
            focus: ["so-noi-vu", "so-ke-hoach-va-dau-tu", "thu-truong-cac-so-ban-nganh"], points: 3000,
            [
                Topic(
                    "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính",
                    subs: [
                        "Hài lòng về tiếp cận dịch vụ", "Hài lòng về thủ tục hành chính",
                        "Hài lòng về công chức giải quyết công việc",
                    ]),
                Topic(
                    "Mức độ hài lòng về cung ứng dịch vụ y tế, giáo dục công",
                    [
                        Topic("Dịch vụ y tế công", focus: ["so-y-te", "trung-tam-kiem-soat-benh-tat"]),
                        Topic("Dịch vụ giáo dục công", focus: ["so-giao-duc-va-dao-tao"]),
                    ]),
                Topic(
                    "Tác động đến phát triển kinh tế - xã hội của tỉnh",
                    focus: ["so-ke-hoach-va-dau-tu", "trung-tam-xuc-tien-dau-tu", "so-cong-thuong"],
                    subs: ["Thu hút đầu tư", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "Phát triển doanh nghiệp"]),
                Topic("Đánh giá của đại biểu HĐND, lãnh đạo cơ quan, đơn vị về công tác cải cách hành chính"),
            ]),
    ]

    static let papi: [Topic] = [
        Topic(
            "Tham gia của người dân ở cấp cơ sở",
            focus: ["chu-tich-ubnd-cap-xa", "chu-tich-ubnd-cap-huyen", "uy-ban-mttq"],
            description:
                "Chủ tịch UBND cấp huyện, Chủ tịch UBND cấp xã tăng cường tuyên truyền, phổ biến pháp luật tại "
                + "cộng đồng dân cư; bảo đảm người dân hiểu rõ quyền lợi và trách nhiệm của mình khi tham gia vào "
                + "đời sống chính trị ở cơ sở; thực hiện dân chủ ở cơ sở theo hướng đi vào thực chất.",
            [
                Topic("Tri thức công dân", focus: ["so-tu-phap", "chu-tich-ubnd-cap-xa"]),
                Topic("Cơ hội tham gia"),
                Topic("Chất lượng bầu cử", focus: ["so-noi-vu-phong-xay-dung-chinh-quyen", "chu-tich-ubnd-cap-xa"]),
                Topic("Đóng góp tự nguyện", focus: ["so-tai-chinh", "chu-tich-ubnd-cap-xa"]),
            ]),
        Topic(
            "Công khai, minh bạch",
            focus: ["chu-tich-ubnd-cap-xa", "chu-tich-ubnd-cap-huyen"],
            description: "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các cấp đa dạng hóa hình thức công khai chính "
                + "sách, pháp luật để người dân dễ tiếp cận; công khai đầy đủ, kịp thời những thông tin mà pháp "
                + "luật quy định phải công khai.",
            [
                Topic("Tiếp cận thông tin", focus: ["so-thong-tin-va-truyen-thong", "chu-tich-ubnd-cap-xa"]),
                Topic(
                    "Công khai danh sách hộ nghèo",
                    focus: ["so-lao-dong-thuong-binh-va-xa-hoi", "chu-tich-ubnd-cap-xa"]),
                Topic("Công khai thu, chi ngân sách cấp xã", focus: ["so-tai-chinh", "chu-tich-ubnd-cap-xa"]),
                Topic(
                    "Công khai quy hoạch, kế hoạch sử dụng đất và bảng giá đất",
                    focus: ["so-tai-nguyen-va-moi-truong", "so-xay-dung", "chu-tich-ubnd-cap-huyen"]),
            ]),
        Topic(
            "Trách nhiệm giải trình với người dân",
            focus: ["thanh-tra-tinh", "chu-tich-ubnd-cap-huyen", "so-tu-phap"],
            description: "Người đứng đầu cơ quan, đơn vị, địa phương cụ thể hóa trách nhiệm giải trình trong quy chế "
                + "làm việc; chỉ đạo cán bộ, công chức thực hiện nghiêm túc việc tiếp công dân và giải quyết kịp "
                + "thời các kiến nghị của người dân.",
            [
                Topic("Mức độ và hiệu quả tiếp xúc với chính quyền"),
                Topic("Giải quyết khiếu nại, tố cáo, khúc mắc của người dân", focus: ["thanh-tra-tinh"]),
                Topic("Tiếp cận dịch vụ tư pháp", focus: ["so-tu-phap", "trung-tam-tro-giup-phap-ly"]),
            ]),
        Topic(
            "Kiểm soát tham nhũng trong khu vực công",
            focus: ["thanh-tra-tinh", "so-noi-vu", "cong-an-tinh"],
            description: "Tiếp tục thực hiện nghiêm Luật Phòng, chống tham nhũng; công khai, minh bạch trong tổ chức "
                + "và hoạt động của cơ quan, đơn vị; xử lý nghiêm cán bộ, công chức có hành vi nhũng nhiễu, gây "
                + "phiền hà cho người dân, doanh nghiệp.",
            [
                Topic("Kiểm soát tham nhũng trong chính quyền địa phương"),
                Topic(
                    "Kiểm soát tham nhũng trong cung ứng dịch vụ công", focus: ["so-y-te", "so-giao-duc-va-dao-tao"]),
                Topic(
                    "Công bằng trong tuyển dụng vào khu vực nhà nước", focus: ["so-noi-vu-phong-cong-chuc-vien-chuc"]),
                Topic("Quyết tâm chống tham nhũng"),
            ]),
        Topic(
            "Thủ tục hành chính công",
            focus: ["van-phong-ubnd", "trung-tam-phuc-vu-hanh-chinh-cong", "van-phong-ubnd-phong-kiem-soat-tthc"],
            description: "Nâng cao chất lượng giải quyết thủ tục hành chính tại Bộ phận Một cửa các cấp; công khai "
                + "đầy đủ thủ tục, thời hạn, phí và lệ phí; không yêu cầu người dân nộp thêm giấy tờ ngoài quy định.",
            [
                Topic("Dịch vụ chứng thực, xác nhận", focus: ["so-tu-phap", "chu-tich-ubnd-cap-xa"]),
                Topic("Thủ tục cấp phép xây dựng", focus: ["so-xay-dung", "ubnd-cap-huyen"]),
                Topic(
                    "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
                    focus: ["so-tai-nguyen-va-moi-truong", "van-phong-dang-ky-dat-dai"]),
                Topic("Thủ tục hành chính cấp xã", focus: ["ubnd-cap-xa", "bo-phan-mot-cua-cac-cap"]),
            ]),
        Topic(
            "Cung ứng dịch vụ công",
            focus: ["so-y-te", "so-giao-duc-va-dao-tao", "so-giao-thong-van-tai"],
            description: "Các cơ quan, đơn vị nâng cao chất lượng dịch vụ y tế, giáo dục, hạ tầng căn bản và an ninh, "
                + "trật tự ở khu dân cư, nhất là ở vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số.",
            [
                Topic("Y tế công lập", focus: ["so-y-te", "trung-tam-kiem-soat-benh-tat", "bao-hiem-xa-hoi"]),
                Topic("Giáo dục tiểu học công lập", focus: ["so-giao-duc-va-dao-tao"]),
                Topic("Cơ sở hạ tầng căn bản", focus: ["so-giao-thong-van-tai", "so-xay-dung", "so-cong-thuong"]),
                Topic("An ninh, trật tự khu dân cư", focus: ["cong-an-tinh"]),
            ]),
        Topic(
            "Quản trị môi trường",
            focus: ["so-tai-nguyen-va-moi-truong", "so-nong-nghiep-va-phat-trien-nong-thon", "so-xay-dung"],
            description: "Tăng cường kiểm tra, xử lý nghiêm các cơ sở gây ô nhiễm môi trường; giám sát chất lượng "
                + "không khí, nguồn nước và công khai kết quả quan trắc để người dân cùng theo dõi.",
            [
                Topic("Tính nghiêm túc trong bảo vệ môi trường"),
                Topic("Chất lượng không khí"),
                Topic("Chất lượng nước", focus: ["so-nong-nghiep-va-phat-trien-nong-thon"]),
            ]),
        Topic(
            "Quản trị điện tử",
            focus: ["so-thong-tin-va-truyen-thong", "trung-tam-cong-nghe-thong-tin", "van-phong-ubnd"],
            description: "Đẩy mạnh chuyển đổi số trong cơ quan nhà nước; hướng dẫn người dân sử dụng Cổng Dịch vụ "
                + "công và các kênh tương tác trực tuyến với chính quyền.",
            [
                Topic("Sử dụng cổng thông tin điện tử của chính quyền địa phương"),
                Topic("Tiếp cận và sử dụng Internet tại địa phương", focus: ["so-thong-tin-va-truyen-thong"]),
            ]),
    ]

    static let sipas: [Topic] = [
        Topic(
            "Tiếp cận dịch vụ hành chính công",
            focus: ["trung-tam-phuc-vu-hanh-chinh-cong", "van-phong-ubnd", "ubnd-cap-huyen"],
            subs: [
                "Nơi ngồi chờ tại Bộ phận Một cửa", "Trang thiết bị phục vụ người dân, tổ chức",
                "Biển hiệu, hướng dẫn tại Bộ phận Một cửa",
            ]),
        Topic(
            "Thủ tục hành chính",
            focus: ["van-phong-ubnd-phong-kiem-soat-tthc", "van-phong-ubnd", "thu-truong-cac-so-ban-nganh"],
            subs: [
                "Niêm yết công khai, đầy đủ thủ tục hành chính", "Thành phần hồ sơ đúng quy định",
                "Phí, lệ phí đúng quy định", "Thời hạn giải quyết đúng quy định",
            ]),
        Topic(
            "Công chức trực tiếp giải quyết công việc",
            focus: ["so-noi-vu", "so-noi-vu-phong-cong-chuc-vien-chuc", "bo-phan-mot-cua-cac-cap"],
            subs: [
                "Thái độ giao tiếp lịch sự", "Chú ý lắng nghe ý kiến của người dân, tổ chức",
                "Hướng dẫn kê khai hồ sơ tận tình, chu đáo", "Tuân thủ quy định trong giải quyết công việc",
            ]),
        Topic(
            "Kết quả cung ứng dịch vụ hành chính công",
            focus: ["trung-tam-phuc-vu-hanh-chinh-cong", "thu-truong-cac-so-ban-nganh", "ubnd-cap-xa"],
            subs: ["Kết quả đúng quy định", "Thông tin của kết quả đầy đủ, chính xác", "Nhận kết quả đúng hẹn"]),
        Topic(
            "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
            focus: ["van-phong-ubnd", "thanh-tra-tinh", "van-phong-ubnd-phong-kiem-soat-tthc"],
            subs: [
                "Bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị",
                "Tiếp nhận, xử lý tích cực góp ý, phản ánh, kiến nghị", "Thông báo kịp thời kết quả xử lý",
            ]),
    ]
}

import PlansiteModel

/// A province or centrally-run city: the locality of a registry and its plans.
struct Province {
    let number: Int
    let shortName: String
    let isCity: Bool
    let slug: String

    /// "tỉnh" or "thành phố".
    var kind: String { isCity ? "thành phố" : "tỉnh" }
    /// "tỉnh Đắk Nông".
    var name: String { "\(kind) \(shortName)" }
    var issuer: String { "UBND \(name)" }
    var header: [String] { ["ỦY BAN NHÂN DÂN", name.uppercased()] }
    /// "Tỉnh ủy" or "Thành ủy".
    var partyCommittee: String { isCity ? "Thành ủy" : "Tỉnh ủy" }

    /// The first `count` localities: the 63 provinces and cities, then numbered repeats.
    static func national(count: Int) -> [Province] {
        (0..<count).map { number in
            let (name, isCity) = all[number % all.count]
            let round = number / all.count
            let shortName = round == 0 ? name : "\(name) \(round + 1)"
            return Province(
                number: number, shortName: shortName, isCity: isCity, slug: VietnameseText.slug(shortName))
        }
    }

    /// The 63 provinces and centrally-run cities before the 2025 merger, north to south.
    static let all: [(String, Bool)] = [
        ("Hà Nội", true), ("Hà Giang", false), ("Cao Bằng", false), ("Bắc Kạn", false), ("Tuyên Quang", false),
        ("Lào Cai", false), ("Điện Biên", false), ("Lai Châu", false), ("Sơn La", false), ("Yên Bái", false),
        ("Hòa Bình", false), ("Thái Nguyên", false), ("Lạng Sơn", false), ("Quảng Ninh", false),
        ("Bắc Giang", false), ("Phú Thọ", false), ("Vĩnh Phúc", false), ("Bắc Ninh", false), ("Hải Dương", false),
        ("Hải Phòng", true), ("Hưng Yên", false), ("Thái Bình", false), ("Hà Nam", false), ("Nam Định", false),
        ("Ninh Bình", false), ("Thanh Hóa", false), ("Nghệ An", false), ("Hà Tĩnh", false), ("Quảng Bình", false),
        ("Quảng Trị", false), ("Thừa Thiên Huế", false), ("Đà Nẵng", true), ("Quảng Nam", false),
        ("Quảng Ngãi", false), ("Bình Định", false), ("Phú Yên", false), ("Khánh Hòa", false),
        ("Ninh Thuận", false), ("Bình Thuận", false), ("Kon Tum", false), ("Gia Lai", false), ("Đắk Lắk", false),
        ("Đắk Nông", false), ("Lâm Đồng", false), ("Bình Phước", false), ("Tây Ninh", false),
        ("Bình Dương", false), ("Đồng Nai", false), ("Bà Rịa - Vũng Tàu", false), ("Hồ Chí Minh", true),
        ("Long An", false), ("Tiền Giang", false), ("Bến Tre", false), ("Trà Vinh", false), ("Vĩnh Long", false),
        ("Đồng Tháp", false), ("An Giang", false), ("Kiên Giang", false), ("Cần Thơ", true), ("Hậu Giang", false),
        ("Sóc Trăng", false), ("Bạc Liêu", false), ("Cà Mau", false),
    ]

    /// District names, drawn from for every locality (real names, not tied to their province).
    static let districtNames = [
        "Krông Nô", "Cư Jút", "Đắk Mil", "Đắk Song", "Tuy Đức", "Đắk Glong", "Đắk R'Lấp", "Buôn Đôn", "Ea Súp",
        "Krông Bông", "Cư M'gar", "Ea Kar", "Chư Sê", "Chư Păh", "Mang Yang", "Kbang", "Đức Cơ", "Ia Grai",
        "Sa Thầy", "Ngọc Hồi", "Đắk Tô", "Kon Plông", "Tây Giang", "Đông Giang", "Nam Giang", "Phước Sơn",
        "Hiệp Đức", "Thăng Bình", "Núi Thành", "Duy Xuyên", "Đại Lộc", "Quế Sơn", "Tiên Phước", "Bắc Trà My",
        "Nam Trà My", "Phú Ninh", "Nông Sơn", "Mộ Đức", "Ba Tơ", "Minh Long", "Sơn Hà", "Tư Nghĩa", "Bình Sơn",
        "Phù Mỹ", "Tây Sơn", "Vân Canh", "Tuy An", "Sơn Hòa", "Đồng Xuân", "Vạn Ninh", "Diên Khánh", "Cam Lâm",
        "Khánh Vĩnh", "Ninh Hải", "Ninh Phước", "Bác Ái", "Tuy Phong", "Bắc Bình", "Hàm Thuận Bắc", "Đức Linh",
        "Tánh Linh", "Lâm Hà", "Đơn Dương", "Đức Trọng", "Di Linh", "Bảo Lâm", "Cát Tiên", "Bù Đăng",
        "Bù Gia Mập", "Lộc Ninh", "Hớn Quản", "Tân Biên", "Châu Thành", "Dương Minh Châu", "Gò Dầu", "Bến Cầu",
        "Củ Chi", "Cần Giờ", "Hóc Môn", "Long Thành", "Nhơn Trạch", "Trảng Bom", "Xuân Lộc", "Định Quán",
        "Tân Phú", "Vĩnh Cửu", "Thống Nhất", "Cẩm Mỹ", "Mường Nhé", "Tủa Chùa", "Quản Bạ", "Yên Minh",
        "Đồng Văn", "Mèo Vạc", "Bảo Lạc", "Hà Quảng", "Trùng Khánh", "Thạch An", "Bạch Thông", "Chợ Đồn",
        "Na Rì", "Pác Nặm", "Bình Liêu", "Tiên Yên", "Đầm Hà", "Hải Hà", "Ba Chẽ", "Vân Đồn", "Cô Tô",
    ]
}

/// Vietnamese personal names for signers: family, middle and given name.
enum PersonNames {
    static let family = [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
        "Dương", "Lý",
    ]
    static let middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Hồng", "Công"]
    static let given = [
        "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lâm", "Long", "Nam", "Phong", "Quang", "Sơn", "Thắng",
        "Tuấn", "Việt", "Hoa", "Lan", "Hương", "Mai", "Thảo", "Chiến", "Khánh", "Trung", "Hiếu",
    ]

    static func random(_ rng: inout SplitMix64) -> String {
        "\(rng.pick(family)) \(rng.pick(middle)) \(rng.pick(given))"
    }
}

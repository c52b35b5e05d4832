import PlansiteModel

/// One entry of a locality's department registry. `key` is its id without the locality prefix.
struct Department {
    let key: String
    let name: String
    let shortName: String?
    let aliases: [String]
    let level: String
    let parent: String?

    /// Every way a plan may write it.
    var references: [String] { [name] + (shortName.map { [$0] } ?? []) + aliases }
}

/// The departments of one locality, with the pools tasks draw from.
struct Registry {
    let province: Province
    let departments: [Department]
    /// Keys of the district people's committees.
    let districts: [String]
    /// Who leads, cooperates on and monitors tasks outside a row's own focus (keys).
    let leadPool: [String]
    let cooperatingPool: [String]
    let monitoringPool: [String]
    /// Key → position in `departments`; only looked up, never iterated.
    private let positions: [String: Int]

    init(province: Province, seed: UInt64) {
        var rng = SplitMix64(seed: seed, "registry", province.number)
        var builder = RegistryBuilder(province: province)
        builder.addProvincialBodies()
        let names = rng.sample(Province.districtNames, count: rng.int(8...10))
        districts = names.enumerated().map { builder.addDistrict($1, withOffice: $0 < 3) }
        builder.addRoles()
        self.province = province
        departments = builder.departments
        positions = Dictionary(uniqueKeysWithValues: departments.enumerated().map { ($1.key, $0) })
        leadPool =
            Registry.provincialDepartments.map(\.0) + districts + [
                "van-phong-ubnd", "thanh-tra-tinh", "thu-truong-cac-so-ban-nganh", "ubnd-cap-huyen",
                "chu-tich-ubnd-cap-huyen", "ubnd-cap-xa", "chu-tich-ubnd-cap-xa",
            ]
        cooperatingPool = departments.map(\.key).filter { $0 != "ubnd-tinh" }
        monitoringPool = [
            "so-noi-vu", "van-phong-ubnd", "thanh-tra-tinh", "ubnd-tinh", "chu-tich-ubnd-cap-huyen", "so-tu-phap",
            "so-noi-vu-phong-cai-cach-hanh-chinh",
        ]
        for key in leadPool + monitoringPool { _ = department(key) }
    }

    func id(_ key: String) -> String { "\(province.slug)-\(key)" }

    func department(_ key: String) -> Department {
        guard let position = positions[key] else { preconditionFailure("no department '\(key)' in the registry") }
        return departments[position]
    }

    /// departments/<slug>.yaml.
    func yaml(seed: UInt64) -> String {
        var out = YAMLText(capacity: 16_384)
        out.comment("Danh mục đơn vị của \(province.name): sinh bởi plansite-corpus (seed \(seed)).")
        out.key(0, "locality")
        out.field(2, "id", province.slug)
        out.field(2, "name", province.name)
        out.key(0, "departments")
        for department in departments {
            out.field(2, "id", id(department.key), dash: true)
            out.field(4, "name", department.name)
            if let shortName = department.shortName { out.field(4, "short-name", shortName) }
            if !department.aliases.isEmpty { out.list(4, "aliases", department.aliases) }
            out.field(4, "level", department.level)
            if let parent = department.parent { out.field(4, "parent", id(parent)) }
        }
        return out.text
    }
}

/// Builds a registry in order, keeping every name unique within the locality as the
/// checker requires (a colliding alias is dropped; a colliding name is a bug here).
private struct RegistryBuilder {
    let province: Province
    var departments: [Department] = []
    private var taken: Set<String> = []

    init(province: Province) { self.province = province }

    /// "tỉnh" / "thành phố": the word that follows a provincial body's name.
    var unit: String { province.kind }

    mutating func add(
        _ key: String, _ name: String, short: String? = nil, aliases: [String] = [], level: String,
        parent: String? = nil
    ) {
        var kept: [String] = []
        for (position, text) in ([name] + (short.map { [$0] } ?? []) + aliases).enumerated() {
            let matchKey = VietnameseText.matchKey(text)
            if taken.contains(matchKey) {
                precondition(position > (short == nil ? 0 : 1), "'\(text)' is used twice in \(province.name)")
                continue
            }
            taken.insert(matchKey)
            if position > (short == nil ? 0 : 1) { kept.append(text) }
        }
        departments.append(
            Department(key: key, name: name, shortName: short, aliases: kept, level: level, parent: parent))
    }

    mutating func addProvincialBodies() {
        let place = province.name
        add(
            "ubnd-tinh", "Ủy ban nhân dân \(place)", short: "UBND \(unit)",
            aliases: ["UBND \(place)", "Chủ tịch UBND \(unit)"], level: "tỉnh")
        add(
            "van-phong-ubnd", "Văn phòng UBND \(place)", short: "Văn phòng UBND \(unit)",
            aliases: ["VP UBND \(unit)", "VPUBND", "Chánh Văn phòng UBND \(unit)"], level: "sở", parent: "ubnd-tinh")
        for (key, short, acronym, bare) in Registry.provincialDepartments {
            var aliases = [acronym, "Giám đốc \(short)"]
            if let bare { aliases.append(bare) }
            add(key, "\(short) \(place)", short: short, aliases: aliases, level: "sở", parent: "ubnd-tinh")
        }
        add(
            "thanh-tra-tinh", "Thanh tra \(place)", short: "Thanh tra \(unit)", aliases: ["Chánh Thanh tra \(unit)"],
            level: "sở", parent: "ubnd-tinh")
        add(
            "ban-dan-toc", "Ban Dân tộc \(place)", short: "Ban Dân tộc", aliases: ["Trưởng Ban Dân tộc", "BDT"],
            level: "ban", parent: "ubnd-tinh")
        add(
            "ban-quan-ly-cac-khu-cong-nghiep", "Ban Quản lý các khu công nghiệp \(place)",
            short: "Ban Quản lý các khu công nghiệp", aliases: ["BQL các KCN"], level: "ban", parent: "ubnd-tinh")
        add(
            "cong-an-tinh", "Công an \(place)", short: "Công an \(unit)", aliases: ["Giám đốc Công an \(unit)"],
            level: "đơn vị")
        add(
            "bao-hiem-xa-hoi", "Bảo hiểm xã hội \(place)", short: "Bảo hiểm xã hội \(unit)",
            aliases: ["BHXH \(unit)"], level: "đơn vị")
        add("cuc-thue", "Cục Thuế \(place)", short: "Cục Thuế \(unit)", aliases: ["Cục Thuế"], level: "đơn vị")
        add(
            "kho-bac-nha-nuoc", "Kho bạc Nhà nước \(place)", short: "Kho bạc Nhà nước \(unit)",
            aliases: ["KBNN \(unit)"], level: "đơn vị")
        add(
            "uy-ban-mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam \(place)", short: "Ủy ban MTTQVN \(unit)",
            aliases: ["MTTQ \(unit)"], level: "tổ chức")
        add(
            "doan-thanh-nien", "Đoàn Thanh niên Cộng sản Hồ Chí Minh \(place)",
            short: province.isCity ? "Thành đoàn" : "Tỉnh đoàn", level: "tổ chức")
        add(
            "hoi-lien-hiep-phu-nu", "Hội Liên hiệp Phụ nữ \(place)", short: "Hội Liên hiệp Phụ nữ \(unit)",
            level: "tổ chức")
        add(
            "dai-phat-thanh-va-truyen-hinh", "Đài Phát thanh và Truyền hình \(place)",
            short: "Đài Phát thanh và Truyền hình \(unit)", aliases: ["Đài PT-TH \(unit)"], level: "đơn vị")
        add("bao", "Báo \(province.shortName)", aliases: ["Báo \(province.shortName) điện tử"], level: "đơn vị")
        add(
            "trung-tam-phuc-vu-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công \(place)",
            short: "Trung tâm Phục vụ hành chính công", aliases: ["TTPVHCC", "Bộ phận Một cửa \(unit)"],
            level: "trung tâm", parent: "van-phong-ubnd")
        for (key, short, alias, parent) in Registry.centres {
            add(key, "\(short) \(place)", short: short, aliases: [alias], level: "trung tâm", parent: parent)
        }
        add(
            "van-phong-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai \(place)",
            short: "Văn phòng Đăng ký đất đai", aliases: ["VPĐKĐĐ"], level: "đơn vị",
            parent: "so-tai-nguyen-va-moi-truong")
        for (key, short, acronym, parent, parentName) in Registry.offices {
            add(
                key, "\(short), \(parentName) \(place)", short: short, aliases: [acronym, "Trưởng \(short)"],
                level: "phòng", parent: parent)
        }
    }

    /// A district's people's committee (and, for some, its home-affairs office); returns its key.
    mutating func addDistrict(_ name: String, withOffice: Bool) -> String {
        let slug = VietnameseText.slug(name)
        let key = "ubnd-huyen-\(slug)"
        add(
            key, "Ủy ban nhân dân huyện \(name)", short: "UBND huyện \(name)",
            aliases: ["Chủ tịch UBND huyện \(name)", "Huyện \(name)"], level: "huyện", parent: "ubnd-tinh")
        if withOffice {
            add(
                "phong-noi-vu-huyen-\(slug)", "Phòng Nội vụ huyện \(name)",
                aliases: ["Trưởng phòng Nội vụ huyện \(name)"],
                level: "phòng", parent: key)
        }
        return key
    }

    mutating func addRoles() {
        for (key, name, aliases) in Registry.roles(unit: unit) {
            add(key, name, aliases: aliases, level: "vai trò")
        }
    }
}

extension Registry {
    /// Provincial departments: key, short name, acronym, the bare field the documents also write.
    static let provincialDepartments: [(String, String, String, String?)] = [
        ("so-noi-vu", "Sở Nội vụ", "SNV", "Nội vụ"),
        ("so-tu-phap", "Sở Tư pháp", "STP", "Tư pháp"),
        ("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", "SKHĐT", "Kế hoạch và Đầu tư"),
        ("so-tai-chinh", "Sở Tài chính", "STC", "Tài chính"),
        ("so-cong-thuong", "Sở Công Thương", "SCT", "Công Thương"),
        ("so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", "SNN&PTNT", nil),
        ("so-giao-thong-van-tai", "Sở Giao thông vận tải", "SGTVT", "Giao thông vận tải"),
        ("so-xay-dung", "Sở Xây dựng", "SXD", "Xây dựng"),
        ("so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường", "STNMT", "Tài nguyên và Môi trường"),
        ("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", "STTTT", "Thông tin và Truyền thông"),
        ("so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", nil),
        ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", nil),
        ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "SKHCN", "Khoa học và Công nghệ"),
        ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", "SGDĐT", "Giáo dục và Đào tạo"),
        ("so-y-te", "Sở Y tế", "SYT", "Y tế"),
    ]

    /// Centres under a department: key, short name, acronym, parent key.
    static let centres: [(String, String, String, String)] = [
        (
            "trung-tam-xuc-tien-dau-tu", "Trung tâm Xúc tiến đầu tư, Thương mại và Du lịch", "TTXTĐT",
            "so-ke-hoach-va-dau-tu"
        ),
        (
            "trung-tam-cong-nghe-thong-tin", "Trung tâm Công nghệ thông tin và Truyền thông", "Trung tâm CNTT-TT",
            "so-thong-tin-va-truyen-thong"
        ),
        ("trung-tam-kiem-soat-benh-tat", "Trung tâm Kiểm soát bệnh tật", "CDC", "so-y-te"),
        ("trung-tam-dich-vu-viec-lam", "Trung tâm Dịch vụ việc làm", "TTDVVL", "so-lao-dong-thuong-binh-va-xa-hoi"),
        ("trung-tam-tro-giup-phap-ly", "Trung tâm Trợ giúp pháp lý nhà nước", "TTTGPL", "so-tu-phap"),
    ]

    /// Offices inside a department: key, short name, acronym, parent key, parent's short name.
    static let offices: [(String, String, String, String, String)] = [
        ("so-noi-vu-phong-cai-cach-hanh-chinh", "Phòng Cải cách hành chính", "Phòng CCHC", "so-noi-vu", "Sở Nội vụ"),
        (
            "so-noi-vu-phong-to-chuc-bien-che", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ", "Phòng TCBC",
            "so-noi-vu", "Sở Nội vụ"
        ),
        ("so-noi-vu-phong-cong-chuc-vien-chuc", "Phòng Công chức, viên chức", "Phòng CCVC", "so-noi-vu", "Sở Nội vụ"),
        (
            "so-noi-vu-phong-xay-dung-chinh-quyen", "Phòng Xây dựng chính quyền và Công tác thanh niên", "Phòng XDCQ",
            "so-noi-vu", "Sở Nội vụ"
        ),
        (
            "van-phong-ubnd-phong-kiem-soat-tthc", "Phòng Kiểm soát thủ tục hành chính", "Phòng KSTTHC",
            "van-phong-ubnd", "Văn phòng UBND"
        ),
        ("van-phong-ubnd-phong-tong-hop", "Phòng Tổng hợp", "Phòng TH", "van-phong-ubnd", "Văn phòng UBND"),
        ("van-phong-ubnd-phong-noi-chinh", "Phòng Nội chính", "Phòng NC", "van-phong-ubnd", "Văn phòng UBND"),
        (
            "so-tu-phap-phong-xay-dung-va-kiem-tra-van-ban", "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật",
            "Phòng XD&KTVB", "so-tu-phap", "Sở Tư pháp"
        ),
        (
            "so-tai-chinh-phong-quan-ly-ngan-sach", "Phòng Quản lý ngân sách", "Phòng QLNS", "so-tai-chinh",
            "Sở Tài chính"
        ),
        (
            "so-thong-tin-va-truyen-thong-phong-cong-nghe-thong-tin", "Phòng Công nghệ thông tin", "Phòng CNTT",
            "so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông"
        ),
    ]

    /// Generic roles: key, name, aliases.
    static func roles(unit: String) -> [(String, String, [String])] {
        [
            ("chu-tich-ubnd-cap-huyen", "Chủ tịch UBND cấp huyện", ["Chủ tịch UBND các huyện, thị xã, thành phố"]),
            ("chu-tich-ubnd-cap-xa", "Chủ tịch UBND cấp xã", ["Chủ tịch UBND các xã, phường, thị trấn"]),
            ("ubnd-cap-huyen", "UBND các huyện, thị xã, thành phố", ["UBND cấp huyện"]),
            ("ubnd-cap-xa", "UBND các xã, phường, thị trấn", ["UBND cấp xã"]),
            (
                "thu-truong-cac-so-ban-nganh", "Thủ trưởng các sở, ban, ngành",
                ["Các sở, ban, ngành", "Các cơ quan chuyên môn thuộc UBND \(unit)"]
            ),
            ("chu-tich-uy-ban-mttq-cap-huyen", "Chủ tịch Ủy ban MTTQVN cấp huyện", []),
            ("cac-phong-chuyen-mon-cap-huyen", "Các phòng chuyên môn thuộc UBND cấp huyện", ["Các phòng chuyên môn"]),
            (
                "nguoi-dung-dau-co-quan-don-vi", "Người đứng đầu các cơ quan, đơn vị, địa phương",
                ["Các cơ quan, đơn vị, địa phương"]
            ),
            ("bo-phan-mot-cua-cac-cap", "Bộ phận Một cửa các cấp", ["Công chức Bộ phận Một cửa"]),
        ]
    }
}

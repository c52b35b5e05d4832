import PlansiteModel
import TestSupport
import Testing

/// Vietnamese dictionary order, on real names.
@Suite struct CollationTests {
    /// The 63 provinces and cities (without the "TP." ones named by a prefix), in the order
    /// Vietnamese lists print them.
    static let provinces = [
        "An Giang", "Bà Rịa – Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
        "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
        "Hải Phòng", "Hậu Giang", "Hoà Bình", "Hưng Yên", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu",
        "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
        "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
        "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hoá", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh",
        "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
    ]

    @Test func provincesSortInTheOrderVietnameseListsPrintThem() {
        let scrambled = Self.provinces.enumerated().sorted { ($0.offset * 37) % 61 < ($1.offset * 37) % 61 }
            .map(\.element)
        #expect(scrambled != Self.provinces)
        #expect(VietnameseText.sorted(scrambled, by: { $0 }) == Self.provinces)
        #expect(VietnameseText.sorted(Self.provinces.reversed(), by: { $0 }) == Self.provinces)
    }

    @Test func dComesBeforeDStrokeWhateverFollows() {
        let names = ["Điện Biên", "Dương Minh Châu", "Đà Nẵng", "Duy Xuyên", "Đắk Song"]
        #expect(
            VietnameseText.sorted(names, by: { $0 }) == [
                "Duy Xuyên", "Dương Minh Châu", "Đà Nẵng", "Đắk Song", "Điện Biên",
            ])
    }

    @Test func departmentsSortByLetterBeforeTone() {
        let names = [
            "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế",
            "Sở Kế hoạch và Đầu tư", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Xây dựng", "Sở Du lịch",
        ]
        #expect(
            VietnameseText.sorted(names, by: { $0 }) == [
                "Sở Công Thương", "Sở Du lịch", "Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư",
                "Sở Nội vụ", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài chính", "Sở Tư pháp", "Sở Xây dựng",
                "Sở Y tế",
            ])
    }

    @Test func tonesOrderAfterLettersAsDictionariesDo() {
        let tones = ["mạ", "má", "mã", "mả", "mà", "ma"]
        #expect(VietnameseText.sorted(tones, by: { $0 }) == ["ma", "mà", "mả", "mã", "má", "mạ"])
        // Letters decide before tones anywhere in the text: "mà b" < "ma c".
        #expect(VietnameseText.sorted(["ma c", "mà b"], by: { $0 }) == ["mà b", "ma c"])
    }

    @Test func orderIsTheSameForComposedAndDecomposedTextAndTotal() {
        let composed = "Đắk Nông"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(!(VietnameseCollation.key(composed) < VietnameseCollation.key(composed)))
        let sorted = VietnameseText.sorted([decomposed, composed, "đắk nông"], by: { $0 })
        #expect(sorted.first == "đắk nông", "lower case first")
        #expect(Set(sorted) == Set([decomposed, composed, "đắk nông"]))
    }
}

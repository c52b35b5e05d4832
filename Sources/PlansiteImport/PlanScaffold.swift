import Foundation
import PlansiteModel

/// `plansite new plan`: a plan folder with a commented `plan.md` and one commented appendix
/// per index, valid as written (`check` accepts it, `build` renders it), for office staff to
/// fill in. Comments are in Vietnamese and name the English keys.
public enum PlanScaffold {
    /// The answers given as flags; nil when not given.
    public struct Answers: Sendable {
        public var indices: [String] = []
        public var year: String?
        public var issuer: String?
        public var number: String?
        public var locality: String?
        public var slug: String?
        public var title: String?
        public var kind: String?
        public var date: String?
        public var place: String?

        public init() {}
    }

    /// A complete, checked request.
    public struct Request: Sendable, Equatable {
        public var indices: [IndexKind]
        public var year: Int
        public var issuer: String
        public var number: String?
        public var locality: String
        public var localityName: String
        public var slug: String
        public var title: String
        public var kind: DocumentKind
        public var date: String
        public var place: String
    }

    /// A question for the user, with the answer taken when they just press Enter.
    public struct Question: Sendable {
        public var key: String
        public var prompt: String
        public var defaultValue: String?
    }

    /// Fills in what the flags left out: by asking (`ask`, only when there is a terminal),
    /// else by a default; fails with a clear message when a value has no sensible default.
    public static func resolve(
        _ answers: Answers, registry: Registry, contentFolder: URL, currentYear: Int,
        ask: ((Question) -> String?)? = nil
    ) throws -> Request {
        func value(_ given: String?, _ key: String, _ prompt: String, default fallback: String?) throws -> String {
            if let given, !given.trimmingWhitespace().isEmpty { return given.trimmingWhitespace() }
            if let ask {
                let answer = ask(Question(key: key, prompt: prompt, defaultValue: fallback))?.trimmingWhitespace()
                if let answer, !answer.isEmpty { return answer }
            }
            if let fallback { return fallback }
            throw ScaffoldError.missing(key: key, prompt: prompt)
        }

        // Locality first: several defaults depend on it.
        let localities = registry.localities.keys.sorted()
        let locality = try value(
            answers.locality, "locality",
            "Địa phương (mã trong Content/departments/: \(localities.joined(separator: ", ")))",
            default: localities.count == 1 ? localities[0] : nil)
        guard let localityName = registry.localities[locality] else {
            throw ScaffoldError.invalid(
                key: "locality",
                message: "không có địa phương '\(locality)' trong danh mục; có: \(localities.joined(separator: ", "))"
                    + " (thêm bằng `plansite new department --locality …`)")
        }

        var indexText = answers.indices.joined(separator: ",")
        if indexText.isEmpty {
            indexText = try value(
                nil, "index", "Chỉ số (par-index, papi, sipas; nhiều chỉ số cách nhau bằng dấu phẩy)", default: nil)
        }
        var indices: [IndexKind] = []
        for part in indexText.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let index = IndexKind(rawValue: String(part).lowercased()) else {
                throw ScaffoldError.invalid(
                    key: "index", message: "chỉ số '\(part)' không có; dùng par-index, papi hoặc sipas")
            }
            if !indices.contains(index) { indices.append(index) }
        }
        guard !indices.isEmpty else { throw ScaffoldError.missing(key: "index", prompt: "Chỉ số") }

        let yearText = try value(answers.year, "year", "Năm của kế hoạch", default: String(currentYear))
        guard let year = Int(yearText), (1900...2999).contains(year) else {
            throw ScaffoldError.invalid(key: "year", message: "năm '\(yearText)' không hợp lệ; ví dụ 2025")
        }
        let kindText = try value(
            answers.kind, "kind",
            "Loại văn bản (\(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")))",
            default: DocumentKind.plan.rawValue)
        guard let kind = DocumentKind(rawValue: kindText.lowercased().precomposedStringWithCanonicalMapping) else {
            throw ScaffoldError.invalid(
                key: "kind",
                message: "loại văn bản '\(kindText)' không có; dùng "
                    + DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let issuer = try value(answers.issuer, "issuer", "Cơ quan ban hành", default: "UBND \(localityName)")
        let number = try value(
            answers.number, "number", "Số văn bản (ví dụ 474/KH-UBND; để trống nếu chưa có)", default: "")
        let acronyms = indices.map { "Chỉ số \($0.acronym)" }.joined(separator: ", ")
        let title = try value(
            answers.title, "title", "Trích yếu",
            default: "Cải thiện, nâng cao \(acronyms) của \(localityName) năm \(year)")
        let date = try value(
            answers.date, "date", "Ngày ban hành (18/7/\(year), 7/\(year) hoặc \(year))", default: String(year))
        guard DocumentDate(parsing: date) != nil else {
            throw ScaffoldError.invalid(
                key: "date", message: "ngày '\(date)' không hợp lệ; viết 18/7/\(year), 7/\(year) hoặc \(year)")
        }
        let place = try value(answers.place, "place", "Nơi ban hành", default: placeName(localityName))
        let numberDigits = number.prefix { $0.isNumber }
        var defaultSlug = "\(year)-\(locality)-" + indices.map(\.rawValue).joined(separator: "-")
        if !numberDigits.isEmpty { defaultSlug += "-\(numberDigits)" }
        let slug = try value(answers.slug, "slug", "Tên thư mục (slug)", default: defaultSlug)
        guard VietnameseText.isSlug(slug) else {
            throw ScaffoldError.invalid(
                key: "slug",
                message:
                    "tên thư mục '\(slug)' phải là chữ thường không dấu, số và '-'; ví dụ \(VietnameseText.slug(slug))")
        }
        let folder = contentFolder.appendingPathComponent("plans/\(slug)")
        if FileManager.default.fileExists(atPath: folder.path) {
            throw ScaffoldError.exists(folder.path)
        }
        return Request(
            indices: indices, year: year, issuer: issuer, number: number.isEmpty ? nil : number, locality: locality,
            localityName: localityName, slug: slug, title: title, kind: kind, date: date, place: place)
    }

    /// "tỉnh Đắk Nông" → "Đắk Nông".
    static func placeName(_ localityName: String) -> String {
        for prefix in ["thành phố ", "tỉnh ", "huyện ", "thị xã ", "quận ", "xã ", "phường "]
        where localityName.lowercased().hasPrefix(prefix) {
            return String(localityName.dropFirst(prefix.count))
        }
        return localityName
    }

    /// Writes the plan folder; refuses when it exists. Returns the files written.
    public static func write(_ request: Request, contentFolder: URL, registry: Registry) throws -> [URL] {
        let folder = contentFolder.appendingPathComponent("plans/\(request.slug)")
        if FileManager.default.fileExists(atPath: folder.path) { throw ScaffoldError.exists(folder.path) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [URL] = []
        let plan = folder.appendingPathComponent("plan.md")
        try Data(planText(request).utf8).write(to: plan, options: .withoutOverwriting)
        written.append(plan)
        let lead = sampleDepartment(registry: registry, locality: request.locality)
        for (offset, index) in request.indices.enumerated() {
            let file = folder.appendingPathComponent("phu-luc-\(offset + 1).yaml")
            try Data(appendixText(request, index: index, lead: lead).utf8).write(to: file, options: .withoutOverwriting)
            written.append(file)
        }
        return written
    }

    /// A department of the locality for the sample task: the home affairs department when
    /// there is one (it leads improvement plans), else the first that is not a generic role.
    static func sampleDepartment(registry: Registry, locality: String) -> String? {
        let local = registry.entries.filter { $0.locality == locality }
        let pick =
            local.first { VietnameseText.fold($0.name).contains("so noi vu") }
            ?? local.first { $0.level != DepartmentLevel.role.rawValue } ?? local.first
        return pick.map { $0.shortName ?? $0.name }
    }

    static func planText(_ request: Request) -> String {
        let y = YAMLWriter.inline
        typealias K = ContentKey.PlanFrontMatter
        typealias S = ContentKey.Signer
        typealias R = ContentKey.IndexResult
        var header = ""
        if request.issuer == "UBND \(request.localityName)" {
            header = """
                # Khối tên cơ quan ở đầu văn bản (\(K.header)), từng dòng như bản in; bỏ đi thì dùng '\(K.issuer)' viết hoa.
                \(K.header):
                  - ỦY BAN NHÂN DÂN
                  - \(y(request.localityName.uppercased()))

                """
        } else {
            header = """
                # Khối tên cơ quan ở đầu văn bản (\(K.header)), từng dòng như bản in; bỏ đi thì dùng '\(K.issuer)' viết hoa.
                # \(K.header):
                #   - ỦY BAN NHÂN DÂN
                #   - TỈNH …

                """
        }
        let number =
            request.number.map { "\(K.number): \(y($0))\n" }
            ?? "# \(K.number): 123/KH-UBND\n"
        let indices = "[" + request.indices.map(\.rawValue).joined(separator: ", ") + "]"
        let resultIndex = request.indices[0].rawValue
        return """
            ---
            # Văn bản mới, tạo bởi `plansite new plan`. Tên trường (key) viết bằng tiếng Anh; xem
            # docs/content-format.md. Kiểm tra bằng `plansite check`, xem trước bằng `plansite serve`.

            # Loại văn bản (\(K.kind)): kế hoạch | công văn | chỉ thị | quyết định | thông báo | báo cáo.
            \(K.kind): \(y(request.kind.rawValue))
            # Số văn bản (\(K.number)), như in sau "Số:"; bỏ dòng này khi văn bản chưa có số.
            \(number)# Cơ quan ban hành (\(K.issuer)), tên đầy đủ.
            \(K.issuer): \(y(request.issuer))
            \(header)# Địa phương (\(K.locality)): mã trong danh mục đơn vị Content/departments/.
            \(K.locality): \(y(request.locality))
            # Nơi ban hành (\(K.place)) và ngày ban hành (\(K.date)): 18/7/2025, 7/2025 hoặc chỉ năm 2025.
            \(K.place): \(y(request.place))
            \(K.date): \(y(request.date))
            # Trích yếu (\(K.title)); với công văn là dòng "V/v …".
            \(K.title): \(y(request.title))
            # Chỉ số (\(K.indices)) mà văn bản hướng tới: par-index | papi | sipas.
            \(K.indices): \(indices)
            # Năm của kế hoạch (\(K.year)): thời hạn ngoài năm này sẽ được cảnh báo.
            \(K.year): \(request.year)
            # Kính gửi (\(K.addressees)), nếu có:
            # \(K.addressees):
            #   - Các sở, ban, ngành
            # Nơi nhận (\(K.recipients)):
            # \(K.recipients):
            #   - Như trên
            #   - "Lưu: VT"
            # Người ký (\(K.signer)):
            # \(K.signer):
            #   \(S.authority): KT. CHỦ TỊCH
            #   \(S.title): PHÓ CHỦ TỊCH
            #   \(S.name): Nguyễn Văn A
            # Kết quả chỉ số được nêu trong văn bản (\(K.results)): điểm viết bằng dấu phẩy thập phân.
            # \(K.results):
            #   - \(R.index): \(resultIndex)
            #     \(R.year): \(request.year - 1)
            #     \(R.score): 40,52
            #     \(R.rank): 33
            #     \(R.outOf): 63
            ---

            I. MỤC ĐÍCH, YÊU CẦU

            1. Mục đích: (ghi mục đích của văn bản).

            2. Yêu cầu: (ghi yêu cầu đối với các cơ quan, đơn vị).

            II. NHIỆM VỤ, GIẢI PHÁP

            Nhiệm vụ, giải pháp cụ thể tại Phụ lục kèm theo.

            III. TỔ CHỨC THỰC HIỆN

            (Ghi trách nhiệm của từng cơ quan, đơn vị và chế độ báo cáo.)

            """
    }

    static func appendixText(_ request: Request, index: IndexKind, lead: String?) -> String {
        let y = YAMLWriter.inline
        typealias A = ContentKey.Appendix
        typealias C = ContentKey.AppendixColumn
        typealias R = ContentKey.Criterion
        typealias T = ContentKey.TaskEntry
        let reference =
            "Kèm theo \(request.kind.capitalised)" + (request.number.map { " số \($0)" } ?? "")
            + " của \(request.issuer)"
        let title = "NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN, NÂNG CAO CHỈ SỐ \(index.acronym) NĂM \(request.year)"
        let task: String
        if let lead {
            task = """
                        # Nhiệm vụ của dòng này (\(R.tasks)): nội dung (\(T.text), Markdown; danh sách dùng "- "),
                        # chủ trì (\(T.lead)), phối hợp (\(T.cooperating)), hướng dẫn, theo dõi, giám sát (\(T.monitoring)):
                        # ghi tên, tên ngắn, bí danh hoặc mã đơn vị trong danh mục; một tên hoặc [tên 1, tên 2].
                        # Thời gian (\(T.time)): Thường xuyên, Hằng năm, Hằng quý, trước ngày 30/6/\(request.year) …
                        \(R.tasks):
                          - \(T.text): Nội dung nhiệm vụ, giải pháp (thay bằng nội dung của văn bản).
                            \(T.lead): \(y(lead))
                            # \(T.cooperating): [tên đơn vị phối hợp]
                            # \(T.monitoring): [tên đơn vị theo dõi, giám sát]
                            \(T.time): Thường xuyên

                """
        } else {
            task = """
                        # Nhiệm vụ của dòng này (\(R.tasks)): danh mục đơn vị của địa phương chưa có đơn vị nào;
                        # thêm bằng `plansite new department`, rồi ghi:
                        # \(R.tasks):
                        #   - \(T.text): Nội dung nhiệm vụ.
                        #     \(T.lead): Tên đơn vị
                        #     \(T.time): Thường xuyên

                """
        }
        return """
            # Phụ lục của văn bản, tạo bởi `plansite new plan`: thay dòng mẫu bằng bảng của văn bản, hoặc
            # nhập bảng từ Word bằng `plansite import`. Xem docs/content-format.md và docs/import.md.

            # Chỉ số của phụ lục (\(A.index)): par-index | papi | sipas.
            \(A.index): \(index.rawValue)
            # Tên phụ lục (\(A.title)), như in dưới chữ "Phụ lục".
            \(A.title): \(y(title))
            # Dòng "(Kèm theo …)" (\(A.reference)), nếu có.
            \(A.reference): \(y(reference))
            # Tên các cột như bản in (\(A.columns)); bỏ đi thì dùng tên mặc định. Các khóa: \(C.criterion), \(C.max),
            # \(C.all.dropFirst(2).joined(separator: ", ")).
            # \(A.columns):
            #   \(C.criterion): Lĩnh vực/Tiêu chí/Tiêu chí thành phần
            #   \(C.task): Nhiệm vụ, giải pháp
            #   \(C.lead): Cơ quan chủ trì
            #   \(C.time): Thời gian thực hiện
            # Cây tiêu chí (\(A.criteria)): mỗi dòng có mã (\(R.code): "1", "1.1", "1.1.1"; bỏ đi nếu không đánh số),
            # tên (\(R.title)), mô tả (\(R.descriptionText)), và các dòng con (\(R.children)).
            \(A.criteria):
              - \(R.code): "1"
                \(R.title): Tên lĩnh vực
                \(R.children):
                  - \(R.code): "1.1"
                    \(R.title): Tên tiêu chí
                    # Điểm tối đa (\(R.max)), điểm năm trước (\(R.last)), mục tiêu năm nay (\(R.target)): dấu phẩy thập phân.
                    \(R.max): 1
                    \(R.last): 0,75
                    \(R.target): 1
            \(task)
            """
    }
}

public enum ScaffoldError: Error, CustomStringConvertible, Equatable {
    case missing(key: String, prompt: String)
    case invalid(key: String, message: String)
    case exists(String)
    case cannotAppend(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let key, let prompt):
            "thiếu \(String(prompt.prefix { $0 != "(" }).trimmingWhitespace().lowercased()): dùng --\(key) (không có "
                + "terminal để hỏi)"
        case .invalid(_, let message): message
        case .exists(let path): "\(path) đã có; không ghi đè (chọn tên khác bằng --slug hoặc --id)"
        case .cannotAppend(let path, let reason): "không thêm được vào \(path): \(reason)"
        }
    }
}

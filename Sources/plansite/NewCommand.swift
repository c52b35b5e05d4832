import ArgumentParser
import Foundation
import PlansiteBuild
import PlansiteImport
import PlansiteModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Tạo kế hoạch, đơn vị hoặc báo cáo tiến độ mới, có chú thích giải nghĩa từng trường.",
        subcommands: [NewPlanCommand.self, NewDepartmentCommand.self, NewReportCommand.self]
    )
}

/// Asks on the terminal for what the flags left out; nil when stdin is not a terminal (then
/// defaults apply, or the command fails with the flag to use).
func terminalQuestioner() -> ((PlanScaffold.Question) -> String?)? {
    guard isatty(STDIN_FILENO) == 1 else { return nil }
    return { question in
        var prompt = question.prompt
        if let value = question.defaultValue, !value.isEmpty { prompt += " [\(value)]" }
        FileHandle.standardError.write(Data("\(prompt): ".utf8))
        return readLine()
    }
}

struct NewPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Tạo Content/plans/<slug>/ gồm plan.md có chú thích và một phụ lục cho mỗi chỉ số.",
        discussion: """
            Giá trị nào không ghi bằng tùy chọn thì lệnh hỏi khi chạy trong cửa sổ dòng lệnh; nếu \
            không, lệnh dùng giá trị mặc định (năm: năm nay, loại: kế hoạch, cơ quan ban hành: UBND \
            <địa phương>), và báo lỗi khi một giá trị không có mặc định (--index; --locality khi danh \
            mục có nhiều địa phương). Không bao giờ ghi đè: thư mục đã có là lỗi.
            """
    )

    @Option(name: .long, help: "Thư mục nội dung.")
    var content: String = "Content"

    @Option(name: .long, parsing: .upToNextOption, help: "Chỉ số (một hoặc nhiều): par-index, papi, sipas.")
    var index: [String] = []

    @Option(name: .long, help: "Năm của kế hoạch.")
    var year: String?

    @Option(name: .long, help: "Cơ quan ban hành, tên đầy đủ (mặc định: UBND <tên địa phương>).")
    var issuer: String?

    @Option(name: .long, help: "Số văn bản như in sau \"Số:\" (474/KH-UBND).")
    var number: String?

    @Option(name: .long, help: "Mã địa phương trong danh mục đơn vị (dak-nong).")
    var locality: String?

    @Option(name: .long, help: "Tên thư mục trong plans/ (mặc định: <năm>-<địa phương>-<chỉ số>[-<số>]).")
    var slug: String?

    @Option(name: .long, help: "Trích yếu (tên văn bản).")
    var title: String?

    @Option(name: .long, help: "Loại văn bản: kế hoạch, công văn, chỉ thị, quyết định, thông báo hoặc báo cáo.")
    var kind: String?

    @Option(name: .long, help: "Ngày ban hành như in: 18/7/2025, 7/2025 hoặc 2025.")
    var date: String?

    @Option(name: .long, help: "Nơi ban hành (mặc định: tên địa phương).")
    var place: String?

    func run() throws {
        let contentURL = URL(fileURLWithPath: content)
        let (registry, problems) = Registry.load(folder: contentURL.appendingPathComponent("departments"))
        if !problems.isEmpty { DiagnosticPrinter.print(problems) }
        guard !registry.localities.isEmpty else {
            throw CommandFailure(
                "\(content)/departments/ chưa có địa phương nào; tạo trước bằng `plansite new department --locality …`")
        }
        var answers = PlanScaffold.Answers()
        answers.indices = index
        answers.year = year
        answers.issuer = issuer
        answers.number = number
        answers.locality = locality
        answers.slug = slug
        answers.title = title
        answers.kind = kind
        answers.date = date
        answers.place = place
        do {
            let request = try PlanScaffold.resolve(
                answers, registry: registry, contentFolder: contentURL,
                currentYear: Calendar(identifier: .gregorian).component(.year, from: Date()), ask: terminalQuestioner())
            let files = try PlanScaffold.write(request, contentFolder: contentURL, registry: registry)
            for file in files { print("đã tạo \(file.path)") }
            print("Tiếp theo: sửa các tệp trên, rồi `plansite check --content \(content)` hoặc `plansite serve`.")
        } catch let error as ScaffoldError {
            throw CommandFailure(error.description)
        }
    }
}

struct NewDepartmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "department",
        abstract: "Thêm một đơn vị vào tệp danh mục của địa phương trong Content/departments/.",
        discussion: """
            Đơn vị được ghi thêm vào cuối tệp: các đơn vị và chú thích đã có giữ nguyên. Địa phương \
            chưa có tệp thì được tạo departments/<địa phương>.yaml (ghi kèm --locality-name).
            """
    )

    @Option(name: .long, help: "Thư mục nội dung.")
    var content: String = "Content"

    @Option(name: .long, help: "Mã địa phương trong danh mục đơn vị (dak-nong).")
    var locality: String?

    @Option(name: .long, help: "Tên hiển thị của địa phương mới (tỉnh Đắk Nông).")
    var localityName: String?

    @Option(name: .long, help: "Mã đơn vị (mặc định: ghép từ địa phương và tên).")
    var id: String?

    @Option(name: .long, help: "Tên chính thức.")
    var name: String?

    @Option(name: .long, help: "Tên ngắn để hiển thị.")
    var shortName: String?

    @Option(name: .long, help: "Một cách khác văn bản hay viết tên này (ghi được nhiều lần).")
    var alias: [String] = []

    @Option(name: .long, help: "Cấp: tỉnh, huyện, xã, sở, ban, phòng, trung tâm, đơn vị, tổ chức hoặc vai trò.")
    var level: String?

    @Option(name: .long, help: "Mã của cơ quan cấp trên.")
    var parent: String?

    func run() throws {
        let folder = URL(fileURLWithPath: content).appendingPathComponent("departments")
        let (registry, problems) = Registry.load(folder: folder)
        if !problems.isEmpty { DiagnosticPrinter.print(problems) }
        var answers = DepartmentScaffold.Answers()
        answers.locality = locality
        answers.localityName = localityName
        answers.id = id
        answers.name = name
        answers.shortName = shortName
        answers.aliases = alias
        answers.level = level
        answers.parent = parent
        do {
            let request = try DepartmentScaffold.resolve(answers, registry: registry, ask: terminalQuestioner())
            let file = try DepartmentScaffold.write(request, departmentsFolder: folder, registry: registry)
            print("đã thêm '\(request.id)' vào \(file.path)")
        } catch let error as ScaffoldError {
            throw CommandFailure(error.description)
        }
    }
}

struct NewReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Tạo plans/<slug>/bao-cao-<kỳ>-<đơn vị>.yaml liệt kê các nhiệm vụ của đơn vị trong kế hoạch (hoặc biểu mẫu Excel: --xlsx).",
        discussion: """
            Mọi nhiệm vụ đơn vị chủ trì, phối hợp hoặc theo dõi trong kế hoạch đều được liệt kê, kèm \
            mã báo cáo và trạng thái để trống cho người báo cáo ghi; `plansite check` sẽ chỉ ra trạng \
            thái nào còn trống. Nội dung phải kiểm tra không lỗi trước. Không bao giờ ghi đè: tệp \
            đã có là lỗi.

            Với --xlsx, lệnh ghi biểu mẫu Excel (bao-cao-<kỳ>-<đơn vị>.xlsx, ở thư mục hiện tại hoặc \
            --out): nhiệm vụ nằm trong các ô khóa (Mã báo cáo, Nhiệm vụ, Vai trò, Thời gian thực \
            hiện); các ô Trạng thái (chọn một trong bốn trạng thái), Tỷ lệ (0–100), Ghi chú và Minh \
            chứng để đơn vị điền; trang tính được khóa, không mật khẩu. Gửi biểu mẫu cho đơn vị, \
            khi nhận lại thì chạy `plansite import report <biểu mẫu> --plan <slug>`.
            """
    )

    @Option(name: .long, help: "Thư mục nội dung.")
    var content: String = "Content"

    @Option(name: .long, help: "Tên thư mục của kế hoạch trong plans/ (2024-dak-nong-papi-474).")
    var plan: String

    @Option(name: .long, help: "Đơn vị báo cáo: mã, tên, tên ngắn hoặc tên gọi khác.")
    var department: String

    @Option(name: .long, help: "Kỳ báo cáo: \"Quý III/2024\", \"6 tháng đầu năm 2024\", \"Năm 2024\".")
    var period: String

    @Option(name: .long, help: "Ngày báo cáo, dd/mm/yyyy (mặc định: ngày số liệu as-of của trang).")
    var date: String?

    @Flag(name: .long, help: "Ghi biểu mẫu Excel (.xlsx) để đơn vị điền, thay cho YAML.")
    var xlsx = false

    @Option(name: .long, help: "Cùng --xlsx: tệp hoặc thư mục để ghi biểu mẫu (mặc định: thư mục hiện tại).")
    var out: String?

    func run() throws {
        let contentURL = URL(fileURLWithPath: content)
        let (site, diagnostics) = Checker(content: contentURL, displayContent: content).check()
        guard let site else {
            for diagnostic in diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            throw CommandFailure("nội dung còn lỗi; sửa trước (plansite check --content \(content))")
        }
        var day = site.settings.asOf
        if let date {
            guard let parsed = CalendarDate(parsing: date) else {
                throw CommandFailure(
                    "'\(date)' không phải là ngày hợp lệ; viết theo dạng ngày/tháng/năm, ví dụ 19/9/2024")
            }
            day = parsed
        }
        if xlsx {
            try writeForm(site: site, date: day)
            return
        }
        guard out == nil else { throw ValidationError("--out chỉ dùng cùng --xlsx") }
        do {
            let (file, yaml) = try ReportScaffold.make(
                site: site, plan: plan, department: department, period: period, date: day)
            let url = contentURL.appendingPathComponent(file)
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw CommandFailure("\(content)/\(file) đã có; không ghi đè")
            }
            try Data(yaml.utf8).write(to: url)
            print("đã tạo \(content)/\(file)")
            print("Tiếp theo: ghi trạng thái từng nhiệm vụ, rồi `plansite check --content \(content)`.")
        } catch let failure as ReportScaffold.Failure {
            throw CommandFailure(failure.description)
        }
    }

    private func writeForm(site: Site, date: CalendarDate) throws {
        do {
            let (name, data) = try ReportForm.make(
                site: site, plan: plan, department: department, period: period, date: date)
            var url = URL(fileURLWithPath: out ?? ".")
            var isFolder: ObjCBool = false
            if out == nil
                || (FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue)
            {
                url = url.appendingPathComponent(name)
            }
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw CommandFailure("\(url.relativePath) đã có; không ghi đè")
            }
            try data.write(to: url, options: .atomic)
            print("đã tạo \(url.relativePath)")
            print(
                "Tiếp theo: gửi biểu mẫu cho đơn vị; khi nhận lại, `plansite import report \(url.relativePath) --plan \(plan)`."
            )
        } catch let failure as ReportScaffold.Failure {
            throw CommandFailure(failure.description)
        }
    }
}

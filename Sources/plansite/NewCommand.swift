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
        abstract: "Creates a new plan, department or progress report, with comments explaining every field.",
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
        abstract: "Creates Content/plans/<slug>/ with a commented plan.md and one appendix per index.",
        discussion: """
            Values not given as flags are asked for when run in a terminal; otherwise sensible \
            defaults are used (year: this year, kind: kế hoạch, issuer: UBND <locality>), and the \
            command fails when a value has none (--index; --locality when the registry has several). \
            Never overwrites: an existing folder is an error.
            """
    )

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, parsing: .upToNextOption, help: "The index or indices: par-index, papi, sipas.")
    var index: [String] = []

    @Option(name: .long, help: "The year the plan is for.")
    var year: String?

    @Option(name: .long, help: "The issuing body, full name (default: UBND <locality name>).")
    var issuer: String?

    @Option(name: .long, help: "The number as printed after \"Số:\" (474/KH-UBND).")
    var number: String?

    @Option(name: .long, help: "The registry locality id (dak-nong).")
    var locality: String?

    @Option(name: .long, help: "The folder name under plans/ (default: <year>-<locality>-<indices>[-<number>]).")
    var slug: String?

    @Option(name: .long, help: "The title (trích yếu).")
    var title: String?

    @Option(name: .long, help: "kế hoạch, công văn, chỉ thị, quyết định, thông báo or báo cáo.")
    var kind: String?

    @Option(name: .long, help: "The date as printed: 18/7/2025, 7/2025 or 2025.")
    var date: String?

    @Option(name: .long, help: "The place of issue (default: the locality's name).")
    var place: String?

    func run() throws {
        let contentURL = URL(fileURLWithPath: content)
        let (registry, problems) = Registry.load(folder: contentURL.appendingPathComponent("departments"))
        for problem in problems { printError("cảnh báo: \(problem)") }
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
        abstract: "Adds a department to its locality's registry file in Content/departments/.",
        discussion: """
            The entry is appended to the file as text: existing entries and comments stay as they \
            are. A locality without a file gets departments/<locality>.yaml (give --locality-name).
            """
    )

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "The registry locality id (dak-nong).")
    var locality: String?

    @Option(name: .long, help: "The locality's display name, for a new locality (tỉnh Đắk Nông).")
    var localityName: String?

    @Option(name: .long, help: "The department id (default: from the locality and the name).")
    var id: String?

    @Option(name: .long, help: "The official name.")
    var name: String?

    @Option(name: .long, help: "A shorter display name.")
    var shortName: String?

    @Option(name: .long, help: "Another way documents write the name (repeatable).")
    var alias: [String] = []

    @Option(name: .long, help: "tỉnh, huyện, xã, sở, ban, phòng, trung tâm, đơn vị, tổ chức or vai trò.")
    var level: String?

    @Option(name: .long, help: "The id of the body it belongs to.")
    var parent: String?

    func run() throws {
        let folder = URL(fileURLWithPath: content).appendingPathComponent("departments")
        let (registry, problems) = Registry.load(folder: folder)
        for problem in problems { printError("cảnh báo: \(problem)") }
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
            "Creates plans/<slug>/bao-cao-<period>-<department>.yaml listing the department's tasks in the plan (or an Excel form: --xlsx).",
        discussion: """
            Every task the department leads, cooperates on or monitors in the plan is listed with \
            its reference and an empty status for the author to fill in; `plansite check` then \
            points at any status left empty. The content must check without errors first. \
            Never overwrites: an existing file is an error.

            With --xlsx, writes an Excel form instead (bao-cao-<period>-<department>.xlsx, in the \
            current folder or --out): the tasks in locked cells (Mã báo cáo, Nhiệm vụ, Vai trò, \
            Thời gian thực hiện), and Trạng thái (a drop-down of the four statuses), Tỷ lệ (0–100), \
            Ghi chú and Minh chứng to fill in; the sheet is protected without a password. Send it \
            to the department, then `plansite import report <form> --plan <slug>`.
            """
    )

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "The plan's folder name under plans/ (2024-dak-nong-papi-474).")
    var plan: String

    @Option(name: .long, help: "The reporting department: its id, name, short name or an alias.")
    var department: String

    @Option(name: .long, help: "The period: \"Quý III/2024\", \"6 tháng đầu năm 2024\", \"Năm 2024\".")
    var period: String

    @Option(name: .long, help: "The report's date, dd/mm/yyyy (default: the site's as-of date).")
    var date: String?

    @Flag(name: .long, help: "Write an Excel form (.xlsx) for the department to fill in, instead of YAML.")
    var xlsx = false

    @Option(name: .long, help: "With --xlsx: the file or folder to write the form to (default: the current folder).")
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

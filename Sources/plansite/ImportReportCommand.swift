import ArgumentParser
import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteImport

struct ImportReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turns a filled progress report form (.xlsx or CSV) into the report's YAML.",
        discussion: """
            FORM is the Excel form from `plansite new report --xlsx`, filled in, or the same sheet \
            saved from Excel as CSV (UTF-8, with or without a byte-order mark, `;` or `,` between \
            cells). Every problem is printed with its cell (bao-cao.xlsx:Sheet1!E10): a status not \
            in the list, a percent that is not a whole number from 0 to 100, a reference not in \
            the plan, a row removed or a locked cell changed, a missing period or date. Rows with \
            no status are left out (not reported this period). Without errors the report is \
            written to <content>/plans/<slug>/bao-cao-<period>-<department>.yaml (or --out, or \
            standard output with --out -) and checked with the content. See docs/import.md.
            """
    )

    @Argument(help: "The filled form (.xlsx or .csv).")
    var form: String

    @Option(name: .long, help: "The plan's folder name under plans/ (2024-dak-nong-papi-474).")
    var plan: String

    @Option(name: .long, help: "The content folder.")
    var content: String = "Content"

    @Option(name: .long, help: "Write the report to this file (- for standard output).")
    var out: String?

    @Flag(name: .long, help: "Overwrite an existing report file.")
    var force = false

    func run() throws {
        let contentURL = URL(fileURLWithPath: content)
        let (site, diagnostics) = Checker(content: contentURL, displayContent: content).check()
        guard let site else {
            for diagnostic in diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            throw CommandFailure("nội dung còn lỗi; sửa trước (plansite check --content \(content))")
        }
        guard let data = FileManager.default.contents(atPath: form) else {
            throw CommandFailure("không đọc được \(form)")
        }
        let result = ReportFormImport.read(data: data, name: form, site: site, plan: plan)
        for diagnostic in result.diagnostics { printError(diagnostic.description) }
        guard let yaml = result.yaml, let file = result.file else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure("\(form): \(errors) lỗi; sửa trong biểu mẫu rồi nhập lại")
        }
        printError(
            "\(result.reported) nhiệm vụ có báo cáo, \(result.skipped) nhiệm vụ để trống trạng thái (không báo cáo kỳ này)"
        )
        if out == "-" {
            FileHandle.standardOutput.write(Data(yaml.utf8))
            return
        }
        let url = out.map { URL(fileURLWithPath: $0) } ?? contentURL.appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw CommandFailure("\(url.relativePath) đã có; không ghi đè (dùng --force để ghi đè)")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: url, options: .atomic)
        print("đã ghi \(url.relativePath)")
        if out == nil {
            let (_, after) = Checker(content: contentURL, displayContent: content).check()
            let own = after.filter { $0.location.file.hasSuffix(file) }
            for diagnostic in own { printError(diagnostic.description) }
            if own.contains(where: { $0.severity == .error }) {
                throw CommandFailure("báo cáo vừa ghi còn lỗi khi kiểm tra; xem các dòng trên")
            }
            print("Đã kiểm tra: báo cáo không có lỗi. Xem trước bằng `plansite serve --content \(content)`.")
        }
    }
}

/// `plansite import`: appendix tables (the default, `plansite import FILE`) or a report form
/// (`plansite import report FORM`).
struct ImportGroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports appendix tables (Word, Excel, LibreOffice exports) or filled progress report forms.",
        discussion: """
            `plansite import FILE` is `plansite import appendix FILE`: appendix tables into appendix \
            YAML. `plansite import report FORM --plan <slug>`: a filled Excel report form into the \
            report's YAML. See docs/import.md.
            """,
        subcommands: [ImportCommand.self, ImportReportCommand.self],
        defaultSubcommand: ImportCommand.self
    )
}

import ArgumentParser
import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteImport

struct ImportReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Chuyển biểu mẫu báo cáo tiến độ đã điền (.xlsx hoặc CSV) thành tệp YAML của báo cáo.",
        discussion: """
            <form> là biểu mẫu Excel do `plansite new report --xlsx` tạo, đã điền, hoặc chính trang \
            tính đó lưu từ Excel thành CSV (UTF-8, có hay không có BOM, ô cách nhau bằng `;` hoặc \
            `,`). Mỗi chỗ sai được in kèm ô của nó (bao-cao.xlsx:Sheet1!E10): trạng thái không có \
            trong danh sách, tỷ lệ không phải số nguyên từ 0 đến 100, mã báo cáo không có trong kế \
            hoạch, dòng bị xóa hoặc ô khóa bị sửa, thiếu kỳ hoặc ngày. Dòng để trống trạng thái được \
            bỏ qua (không báo cáo kỳ này). Khi không có lỗi, báo cáo được ghi vào \
            <content>/plans/<slug>/bao-cao-<kỳ>-<đơn vị>.yaml (hoặc --out; --out - in ra màn hình) \
            rồi được kiểm tra cùng nội dung. Xem docs/huong-dan/bao-cao-hang-quy.md.
            """
    )

    @Argument(help: "Biểu mẫu đã điền (.xlsx hoặc .csv).")
    var form: String

    @Option(name: .long, help: "Tên thư mục của kế hoạch trong plans/ (2024-dak-nong-papi-474).")
    var plan: String

    @Option(name: .long, help: "Thư mục nội dung.")
    var content: String = "Content"

    @Option(name: .long, help: "Ghi báo cáo vào tệp này (- để in ra màn hình).")
    var out: String?

    @Flag(name: .long, help: "Ghi đè tệp báo cáo đã có.")
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
        abstract: "Nhập kế hoạch, bảng phụ lục (Word, Excel, LibreOffice) hoặc biểu mẫu báo cáo tiến độ đã điền.",
        discussion: """
            `plansite import <tệp>` chính là `plansite import appendix <tệp>`: văn bản Word (.docx) \
            thành thư mục kế hoạch, bảng phụ lục thành YAML. `plansite import report <biểu mẫu> --plan \
            <slug>`: biểu mẫu báo cáo Excel đã điền thành YAML của báo cáo. Xem docs/huong-dan/.
            """,
        subcommands: [ImportCommand.self, ImportReportCommand.self],
        defaultSubcommand: ImportCommand.self
    )
}

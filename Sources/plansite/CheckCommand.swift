import ArgumentParser
import Foundation
import PlansiteBuild
import PlansiteDiagnostics

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra nội dung và in mọi chỗ sai theo dạng tệp:dòng:cột.",
        discussion:
            "Trả mã thoát 1 khi có lỗi (error); chỉ có cảnh báo (warning) thì trả 0. Ý nghĩa từng thông báo: docs/huong-dan/thong-bao-kiem-tra.md."
    )

    @Option(name: .long, help: "Thư mục nội dung.")
    var content: String = "Content"

    func run() throws {
        let (_, diagnostics) = Checker(content: URL(fileURLWithPath: content), displayContent: content).check()
        DiagnosticPrinter.print(diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics { text += diagnostic.description + "\n" }
        // Counted over what the per-file limit left out too, not over the lines shown.
        let (errors, warnings) = Diagnostic.totals(of: diagnostics)
        text += "\(Diagnostic.grouped(errors)) lỗi, \(Diagnostic.grouped(warnings)) cảnh báo\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

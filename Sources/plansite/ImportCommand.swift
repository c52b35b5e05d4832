import ArgumentParser
import Foundation
import PlansiteDiagnostics
import PlansiteImport
import PlansiteModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appendix",
        abstract:
            "Chuyển kế hoạch Word (.docx) thành thư mục kế hoạch, hoặc bảng phụ lục xuất từ Word/Excel thành YAML.",
        discussion: """
            <file> là văn bản Word (.docx; .doc và .odt qua LibreOffice nếu máy có cài), văn bản Word \
            lưu thành văn bản thuần (mỗi dòng bảng một dòng, ô cách nhau bằng Tab, như ../shared/seeds/), \
            hoặc tệp .csv / .tsv. Tệp .docx thành một thư mục kế hoạch (--out Content/plans/<slug>/): \
            plan.md với các trường phần đầu và nội dung dạng Markdown, và phu-luc-<n>.yaml cho mỗi \
            bảng phụ lục. Mỗi bảng phụ lục được chuyển: tiêu chí với mã và điểm, nhiệm vụ với đơn vị \
            đối chiếu theo danh mục, thời gian giữ như viết. Phần không chuyển được và tên đơn vị \
            chưa có trong danh mục được in ra kèm vị trí (số dòng; trong .docx là "đoạn N" hoặc \
            "bảng N, dòng R, ô C"). Xem docs/huong-dan/tu-word-den-cong.md.
            """
    )

    @Argument(help: "Tệp cần nhập (.docx, .doc, .odt, .txt, .md, .csv hoặc .tsv).")
    var file: String

    @Option(name: .long, help: "Chỉ số của phụ lục: par-index, papi hoặc sipas (mặc định: đọc từ tên phụ lục).")
    var index: String?

    @Option(name: .long, help: "Thư mục danh mục đơn vị để đối chiếu tên.")
    var registry: String = "Content/departments"

    @Option(
        name: .long, help: "Địa phương trong danh mục để đối chiếu tên (mặc định: địa phương có nhiều tên khớp nhất).")
    var locality: String?

    @Option(name: .long, help: "Chỉ nhập bảng thứ n của tệp (đếm từ 1; không dùng cho .docx).")
    var table: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Với .docx: thư mục kế hoạch sẽ ghi (Content/plans/<slug>/). Tệp khác: ghi phụ lục vào tệp này "
                + "(chỉ một bảng) thay vì in ra màn hình."))
    var out: String?

    @Option(
        name: .long,
        help: "Ghi mọi bảng vào thư mục này thành phu-luc-<n>.yaml (với .docx: thư mục kế hoạch, như --out).")
    var outDir: String?

    @Flag(name: .long, help: "Ghi đè các tệp đã có.")
    var force = false

    @Flag(name: .long, help: "Liệt kê cả các dòng cố ý bỏ qua (dòng tiêu đề lặp lại, dòng số thứ tự cột).")
    var verbose = false

    func run() throws {
        var indexKind: IndexKind?
        if let index {
            guard let kind = IndexKind(rawValue: index) else {
                throw ValidationError("--index phải là par-index, papi hoặc sipas (không phải '\(index)')")
            }
            indexKind = kind
        }
        var registryValue: Registry?
        // The registry's problems and the import's findings, printed together as `check` prints.
        var reported: [Diagnostic] = []
        let registryURL = URL(fileURLWithPath: registry)
        if FileManager.default.fileExists(atPath: registryURL.path) {
            let (loaded, problems) = Registry.load(folder: registryURL)
            reported += problems
            registryValue = loaded
        } else {
            reported.append(
                Diagnostic(
                    .warning, .unreadableFile,
                    "không có thư mục danh mục đơn vị; tên đơn vị được giữ nguyên, không đối chiếu",
                    at: SourceLocation(file: registry)))
        }
        if let locality, let registryValue, registryValue.localities[locality] == nil {
            throw CommandFailure(
                "không có địa phương '\(locality)' trong \(registry); có: "
                    + registryValue.localities.keys.sorted().joined(separator: ", "))
        }
        let fileExtension = (file as NSString).pathExtension.lowercased()
        if fileExtension == "docx" || DocxLegacy.extensions.contains(fileExtension) {
            try importDocument(
                registry: registryValue, index: indexKind, legacy: fileExtension != "docx", reported: reported)
            return
        }
        let importer = AppendixImporter(
            registry: registryValue, options: .init(index: indexKind, locality: locality, table: table))
        let result: ImportResult
        do {
            result = try importer.importFile(URL(fileURLWithPath: file), file: file)
        } catch let error as ImportError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("không đọc được \(file): \(error.localizedDescription)")
        }
        reported += result.diagnostics.filter { verbose || $0.code != .skippedLine }
        printIfAny(reported)
        guard !result.appendices.isEmpty else {
            if let table, result.tablesFound > 0 {
                throw CommandFailure("\(file) có \(result.tablesFound) bảng; không có bảng số \(table)")
            }
            throw CommandFailure(
                "không tìm thấy bảng phụ lục nào trong \(file): cần một hàng tiêu đề có dấu tab (hoặc dấu phân cách "
                    + "CSV) với các cột như STT, Lĩnh vực/Tiêu chí, Nhiệm vụ, Chủ trì, Thời gian")
        }
        if let locality = result.locality { printError("địa phương dùng để đối chiếu tên đơn vị: \(locality)") }
        for appendix in result.appendices { printError(summary(appendix)) }

        if let out {
            guard result.appendices.count == 1 else {
                throw ValidationError(
                    "\(file) có \(result.appendices.count) bảng; chọn một bằng --table n, "
                        + "hoặc ghi tất cả bằng --out-dir")
            }
            try write(result.appendices[0], to: URL(fileURLWithPath: out))
        } else if let outDir {
            let folder = URL(fileURLWithPath: outDir)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let numbers = result.appendices.map(\.number)
            for appendix in result.appendices {
                let number = numbers.filter { $0 == appendix.number }.count > 1 ? appendix.tableNumber : appendix.number
                try write(appendix, to: folder.appendingPathComponent("phu-luc-\(number).yaml"))
            }
        } else {
            var text = ""
            for (offset, appendix) in result.appendices.enumerated() {
                if offset > 0 { text += "---\n" }
                text += try appendix.yaml(source: (file as NSString).lastPathComponent)
            }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// A whole .docx (or .doc/.odt through LibreOffice) into a plan folder.
    private func importDocument(registry: Registry?, index: IndexKind?, legacy: Bool, reported: [Diagnostic]) throws {
        guard let folderPath = out ?? outDir else {
            throw ValidationError("nhập văn bản .docx cần thư mục kế hoạch: --out Content/plans/<tên-thư-mục>/")
        }
        let name = (file as NSString).lastPathComponent
        var source = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: source.path) else { throw CommandFailure("không có tệp \(file)") }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plansite-docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        if legacy {
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            switch DocxLegacy.convert(source, in: temporary, name: name, office: DocxLegacy.findOffice()) {
            case .success(let converted): source = converted
            case .failure(let diagnostic):
                DiagnosticPrinter.print(reported + [diagnostic])
                throw CommandFailure("không chuyển được \(file) thành .docx")
            }
        }
        let importer = DocxImporter(registry: registry, options: .init(index: index, locality: locality))
        let result = importer.importDocument(source, name: name)
        printIfAny(reported + result.diagnostics + (verbose ? result.readings : []))
        guard let planText = result.planText else { throw CommandFailure("không nhập được \(file)") }
        let folder = URL(fileURLWithPath: folderPath)
        let files = [("plan.md", planText)] + result.appendixFiles.map { ($0.name, $0.text) }
        if !force {
            for (fileName, _) in files
            where FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path) {
                throw CommandFailure(
                    "\(folder.appendingPathComponent(fileName).path) đã có; không ghi đè (dùng --force để ghi đè)")
            }
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (fileName, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(fileName), options: .atomic)
            printError("đã ghi \(folder.appendingPathComponent(fileName).path)")
        }
        for appendix in result.appendices { printError(summary(appendix)) }
        if !result.unknownDepartments.isEmpty {
            printError("tên đơn vị chưa có trong danh mục: " + result.unknownDepartments.joined(separator: "; "))
        }
        let unmapped = result.diagnostics.filter { $0.code == .unmappedContent }.count
        printError(
            "\(unmapped) phần chưa chuyển được, \(result.unknownDepartments.count) tên đơn vị chưa có trong danh mục")
        if result.hasErrors {
            throw CommandFailure(
                "plan.md còn thiếu thông tin (xem các lỗi ở trên); hãy bổ sung rồi chạy `plansite check`")
        }
    }

    private func write(_ appendix: ImportedAppendix, to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw CommandFailure("\(url.path) đã có; không ghi đè (dùng --force để ghi đè)")
        }
        let text = try appendix.yaml(source: (file as NSString).lastPathComponent)
        try Data(text.utf8).write(to: url, options: .atomic)
        printError("đã ghi \(url.path)")
    }

    /// The findings as `check` prints them, with its closing count; nothing at all when there are none.
    private func printIfAny(_ diagnostics: [Diagnostic]) {
        if !diagnostics.isEmpty { DiagnosticPrinter.print(diagnostics) }
    }

    private func summary(_ appendix: ImportedAppendix) -> String {
        let uninterpreted = appendix.diagnostics.filter { $0.code == .unmappedContent }.count
        let unknown = appendix.diagnostics.filter { $0.code == .unknownDepartment }.count
        let index = appendix.index?.acronym ?? "chưa rõ chỉ số"
        return "Phụ lục \(appendix.number) (bảng \(appendix.tableNumber), dòng \(appendix.lines.lowerBound)–"
            + "\(appendix.lines.upperBound)): \(index), \(appendix.rows.count) tiêu chí, \(appendix.tasks.count) "
            + "nhiệm vụ; \(uninterpreted) chỗ chưa hiểu, \(unknown) tên đơn vị chưa có trong danh mục"
    }
}

/// A failure to report as "Error: …" without the usage text (that is for wrong flags).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

import ArgumentParser
import Foundation
import PlansiteImport
import PlansiteModel

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appendix",
        abstract: "Converts appendix tables from a Word, Excel or LibreOffice export into appendix YAML.",
        discussion: """
            FILE is a Word document saved as text (tab-separated rows, as in ../shared/seeds/), or a \
            .csv / .tsv file. Every appendix table found in it is converted: criteria with codes and \
            points, tasks with departments matched against the registry, time frames as written. \
            Lines that could not be interpreted and names missing from the registry are printed to \
            stderr with their line numbers. See docs/import.md.
            """
    )

    @Argument(help: "The file to import (.txt, .md, .csv or .tsv).")
    var file: String

    @Option(name: .long, help: "The index of the appendix: par-index, papi or sipas (default: from its title).")
    var index: String?

    @Option(name: .long, help: "The department registry folder to match names against.")
    var registry: String = "Content/departments"

    @Option(name: .long, help: "The registry locality to match names in (default: the one most names belong to).")
    var locality: String?

    @Option(name: .long, help: "Import only the n-th table of the file (from 1).")
    var table: Int?

    @Option(name: .long, help: "Write the appendix to this file (one table only) instead of standard output.")
    var out: String?

    @Option(name: .long, help: "Write every table to this folder as phu-luc-<n>.yaml.")
    var outDir: String?

    @Flag(name: .long, help: "Overwrite existing output files.")
    var force = false

    @Flag(name: .long, help: "Also list the lines skipped on purpose (repeated headers, column numbers).")
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
        let registryURL = URL(fileURLWithPath: registry)
        if FileManager.default.fileExists(atPath: registryURL.path) {
            let (loaded, problems) = Registry.load(folder: registryURL)
            for problem in problems { printError("cảnh báo: \(problem)") }
            registryValue = loaded
        } else {
            printError(
                "cảnh báo: không có thư mục danh mục đơn vị \(registry); tên đơn vị được giữ nguyên, không đối chiếu")
        }
        if let locality, let registryValue, registryValue.localities[locality] == nil {
            throw CommandFailure(
                "không có địa phương '\(locality)' trong \(registry); có: "
                    + registryValue.localities.keys.sorted().joined(separator: ", "))
        }
        let importer = AppendixImporter(
            registry: registryValue, options: .init(index: indexKind, locality: locality, table: table))
        let result: ImportResult
        do {
            result = try importer.importFile(URL(fileURLWithPath: file))
        } catch let error as ImportError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("không đọc được \(file): \(error.localizedDescription)")
        }
        for note in result.allNotes where verbose || note.kind != .skipped {
            printError(note.formatted(file: file))
        }
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

    private func write(_ appendix: ImportedAppendix, to url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path), !force {
            throw CommandFailure("\(url.path) đã có; không ghi đè (dùng --force để ghi đè)")
        }
        let text = try appendix.yaml(source: (file as NSString).lastPathComponent)
        try Data(text.utf8).write(to: url, options: .atomic)
        printError("đã ghi \(url.path)")
    }

    private func summary(_ appendix: ImportedAppendix) -> String {
        let notes = appendix.notes
        let uninterpreted = notes.filter { $0.kind == .uninterpreted }.count
        let unknown = notes.filter { $0.kind == .unknownDepartment }.count
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

import Foundation
import Mustache
import PlansiteDiagnostics

/// The Mustache templates of a `Templates/` folder, parsed once. Syntax errors become
/// diagnostics with the template's file, line and column.
public struct TemplateSet: Sendable {
    /// The page templates a portal needs; partials and the layout are found by name from these.
    public static let pageTemplates = [
        "pages/home", "pages/plan", "pages/appendix", "pages/department", "pages/directory", "pages/index",
        "pages/not-found", "pages/search",
    ]

    let library: MustacheLibrary
    /// Static files to copy as they are: path relative to the templates folder → bytes.
    public let assets: [(path: String, data: Data)]

    public static func load(from folder: URL, displayPath: String) -> (TemplateSet?, [Diagnostic]) {
        _ = FastHTMLEscaping.registered
        var bag = DiagnosticBag()
        var library = MustacheLibrary()
        var assets: [(String, Data)] = []
        var names: Set<String> = []
        let root = folder.standardizedFileURL
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let files =
            (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])?
            .compactMap { ($0 as? URL)?.standardizedFileURL.path } ?? [])
            .filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        if files.isEmpty {
            bag.error(
                .missingTemplate, "không tìm thấy thư mục mẫu (templates) hoặc thư mục trống",
                at: SourceLocation(file: displayPath))
            return (nil, bag.items)
        }
        for relative in files {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            let display = displayPath.hasSuffix("/") ? displayPath + relative : displayPath + "/" + relative
            if relative.hasPrefix("assets/") {
                if let data = try? Data(contentsOf: url) {
                    assets.append((relative, data))
                } else {
                    bag.error(.unreadableFile, "không đọc được tệp", at: SourceLocation(file: display))
                }
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                bag.error(.notText, "mẫu không phải văn bản UTF-8", at: SourceLocation(file: display))
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                bag.error(
                    .templateSyntax, "lỗi cú pháp mẫu: \(describe(error.error))",
                    at: SourceLocation(
                        file: display, line: error.context.lineNumber, column: error.context.columnNumber),
                    notes: [error.context.line.trimmingCharacters(in: .whitespaces)])
            } catch {
                bag.error(
                    .templateSyntax, "lỗi cú pháp mẫu: \(error)", at: SourceLocation(file: display, line: 1, column: 1))
            }
        }
        for page in pageTemplates where !names.contains(page) {
            bag.error(.missingTemplate, "thiếu mẫu trang '\(page).mustache'", at: SourceLocation(file: displayPath))
        }
        guard !bag.hasErrors else { return (nil, bag.sorted) }
        return (TemplateSet(library: library, assets: assets), bag.sorted)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "thẻ đóng {{/…}} không khớp với thẻ mở"
        case MustacheTemplate.Error.unfinishedName: "thẻ chưa được đóng bằng }}"
        case MustacheTemplate.Error.expectedSectionEnd: "thiếu thẻ đóng {{/…}} cho một mục"
        case MustacheTemplate.Error.invalidSetDelimiter: "thẻ đổi dấu phân cách không hợp lệ"
        default: "\(error)"
        }
    }

    func render(_ object: Any, template: String) -> String {
        library.render(object, withTemplate: template) ?? ""
    }
}

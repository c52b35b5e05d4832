import Foundation
import Mustache
import PlansiteDiagnostics
import PlansiteSiteMap
import PlansiteSupport

/// The Mustache templates of a `Templates/` folder, parsed once. Syntax errors, partials that
/// do not exist, partials that include themselves (directly or through others) and sections
/// nested beyond `TemplateOutline.depthLimit`, and keys a view model does not have
/// (`TemplateKeys`) become diagnostics with the template's file, line and column — never a
/// crash or a silently empty render (docs/templates.md, "Rules").
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Every `TemplateName`, parsed: a set is only made when all of them are there.
    private let templates: [TemplateName: MustacheTemplate]
    /// Static files to copy as they are: path relative to the templates folder → bytes.
    public let assets: [(path: String, data: Data)]

    /// A template is hand-written HTML: anything larger is a mistake, as for a content file.
    static let maximumTemplateBytes = 4 * 1_048_576
    /// Fonts, images and style sheets copied as they are.
    static let maximumAssetBytes = 64 * 1_048_576

    public static func load(from folder: URL, displayPath: String) -> (TemplateSet?, [Diagnostic]) {
        _ = FastHTMLEscaping.registered
        var bag = DiagnosticBag()
        var library = MustacheLibrary()
        var assets: [(String, Data)] = []
        var names: Set<String> = []
        var files: [String: String] = [:]
        var outlines: [String: TemplateOutline] = [:]
        let root = folder.standardizedFileURL
        // The one walk (FileTree.files) the loader and the build cache use: links never followed,
        // FIFOs, sockets and devices listed and never opened.
        let entries = FileTree.walk(root.path)
        if entries.isEmpty {
            bag.error(
                .missingTemplate, "không tìm thấy thư mục mẫu (templates) hoặc thư mục trống",
                at: SourceLocation(file: displayPath))
            return (nil, bag.items)
        }
        for entry in entries {
            let relative = entry.path
            let display = displayPath.hasSuffix("/") ? displayPath + relative : displayPath + "/" + relative
            if let special = entry.special {
                bag.error(.specialFile, special.explanation(in: "thư mục mẫu"), at: SourceLocation(file: display))
                continue
            }
            let isAsset = relative.hasPrefix(SiteMap.assetsFolder)
            guard isAsset || relative.hasSuffix(".mustache") else { continue }
            let limit = isAsset ? maximumAssetBytes : maximumTemplateBytes
            let data: Data
            switch FileTree.readRegularFile(root.appendingPathComponent(relative).path, limit: limit) {
            case .contents(let bytes):
                data = Data(bytes)
            case .special(let kind):
                // Replaced by a FIFO, a device … after the folder was listed.
                bag.error(.specialFile, kind.explanation(in: "thư mục mẫu"), at: SourceLocation(file: display))
                continue
            case .tooLarge:
                let what = isAsset ? "một tệp trong assets/" : "một mẫu"
                bag.error(
                    .fileTooLarge, "tệp quá lớn; \(what) được tối đa \(limit / 1_048_576) MB",
                    at: SourceLocation(file: display))
                continue
            case .unreadable:
                bag.error(.unreadableFile, "không đọc được tệp", at: SourceLocation(file: display))
                continue
            }
            if isAsset {
                assets.append((relative, data))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                bag.error(.notText, "mẫu không phải văn bản UTF-8", at: SourceLocation(file: display))
                continue
            }
            let name = String(relative.dropLast(".mustache".count))
            files[name] = display
            let outline = TemplateOutline(text)
            outlines[name] = outline
            if let position = outline.tooDeep {
                bag.error(
                    .templateTooDeep,
                    "các mục {{#…}} lồng nhau quá \(TemplateOutline.depthLimit) tầng; hãy tách bớt thành mẫu con"
                        + " hoặc bỏ bớt tầng lồng",
                    at: SourceLocation(file: display, line: position.line, column: position.column))
                continue
            }
            if let position = outline.tooManyTransforms {
                bag.error(
                    .templateSyntax,
                    "thẻ có quá \(TemplateOutline.transformLimit) phép biến đổi lồng nhau, như {{a(b(c))}}",
                    at: SourceLocation(file: display, line: position.line, column: position.column))
                continue
            }
            for (position, reason) in outline.unsafeValues {
                bag.error(
                    .templateSyntax, "mẫu chèn dữ liệu vào chỗ không an toàn: \(reason)",
                    at: SourceLocation(file: display, line: position.line, column: position.column))
            }
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
        for required in TemplateName.allCases where !names.contains(required.path) && files[required.path] == nil {
            let kind = required.path.hasPrefix("pages/") ? "mẫu trang" : "mẫu con"
            bag.error(
                .missingTemplate, "thiếu \(kind) '\(required.path).mustache' (dùng cho \(required.model.displayName))",
                at: SourceLocation(file: displayPath))
        }
        checkPartials(outlines, files: files, bag: &bag)
        // Keys are checked once the templates are otherwise sound: the tags of a template with a
        // syntax error are not what Mustache would read, and a cycle of partials has no end.
        if !bag.hasErrors {
            var keys = TemplateKeys(outlines: outlines, files: files)
            keys.checkAll()
            bag.append(contentsOf: keys.diagnostics.items)
        }
        var templates: [TemplateName: MustacheTemplate] = [:]
        for name in TemplateName.allCases {
            templates[name] = library.getTemplate(named: name.path)
        }
        guard !bag.hasErrors, templates.count == TemplateName.allCases.count else { return (nil, bag.sorted) }
        return (TemplateSet(library: library, templates: templates, assets: assets), bag.sorted)
    }

    /// Every partial a template names must exist, be named in the template (not looked up in
    /// the data), and not lead back to the template; and the sections of a page and of the
    /// partials it includes, counted together, nest at most `TemplateOutline.depthLimit` deep.
    private static func checkPartials(
        _ outlines: [String: TemplateOutline], files: [String: String], bag: inout DiagnosticBag
    ) {
        func location(_ name: String, _ position: TemplateOutline.Position) -> SourceLocation {
            SourceLocation(file: files[name] ?? name, line: position.line, column: position.column)
        }
        var edges: [String: [TemplateOutline.Reference]] = [:]
        for (name, outline) in outlines {
            for reference in outline.references {
                if reference.isDynamic {
                    bag.error(
                        .templateSyntax,
                        "mẫu con có tên lấy từ dữ liệu ({{>*\(reference.name)}}) không được hỗ trợ; hãy ghi tên mẫu cụ thể,"
                            + " như {{>partials/ten-mau}}",
                        at: location(name, reference.position))
                } else if outlines[reference.name] == nil {
                    var message =
                        "không có mẫu con '\(reference.name)': cần tệp '\(reference.name).mustache' trong thư mục mẫu"
                    if let hint = Suggestions.hint(for: reference.name, in: Array(outlines.keys)) {
                        message += "; \(hint)"
                    }
                    bag.error(.missingTemplate, message, at: location(name, reference.position))
                } else {
                    edges[name, default: []].append(reference)
                }
            }
        }
        // Depth-first, without recursion: a back edge closes a cycle.
        enum Mark { case onPath, done }
        var marks: [String: Mark] = [:]
        var cycles = false
        for root in outlines.keys.sorted() where marks[root] == nil {
            var path: [(name: String, next: Int)] = [(root, 0)]
            marks[root] = .onPath
            while let top = path.last {
                let references = edges[top.name] ?? []
                guard top.next < references.count else {
                    marks[top.name] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = references[top.next]
                switch marks[reference.name] {
                case .onPath:
                    cycles = true
                    let start = path.firstIndex { $0.name == reference.name } ?? 0
                    let loop = (path[start...].map(\.name) + [reference.name]).joined(separator: " → ")
                    let message =
                        reference.name == top.name
                        ? "mẫu '\(top.name)' tự gọi lại chính nó; một mẫu không được chèn chính nó"
                        : "các mẫu con gọi nhau thành vòng lặp không có điểm dừng: \(loop)"
                    bag.error(.templateCycle, message, at: location(top.name, reference.position))
                case .done:
                    continue
                case nil:
                    marks[reference.name] = .onPath
                    path.append((reference.name, 0))
                }
            }
        }
        guard !cycles else { return }
        // The deepest nesting of each template with its partials, from the leaves up.
        var total: [String: Int] = [:]
        for root in outlines.keys.sorted() where total[root] == nil {
            var path: [(name: String, next: Int)] = [(root, 0)]
            while let top = path.last {
                let references = edges[top.name] ?? []
                if top.next < references.count {
                    path[path.count - 1].next += 1
                    let target = references[top.next].name
                    if total[target] == nil { path.append((target, 0)) }
                    continue
                }
                path.removeLast()
                var deepest = outlines[top.name]?.depth ?? 0
                var culprit: TemplateOutline.Reference?
                for reference in references {
                    let nested = reference.depth + 1 + (total[reference.name] ?? 0)
                    if nested > deepest { deepest = nested }
                    if nested > TemplateOutline.depthLimit, culprit == nil,
                        (total[reference.name] ?? 0) <= TemplateOutline.depthLimit
                    {
                        culprit = reference
                    }
                }
                if let culprit, (outlines[top.name]?.depth ?? 0) <= TemplateOutline.depthLimit {
                    bag.error(
                        .templateTooDeep,
                        "chèn mẫu con '\(culprit.name)' ở đây làm các mục lồng nhau quá \(TemplateOutline.depthLimit)"
                            + " tầng; hãy bỏ bớt tầng lồng",
                        at: location(top.name, culprit.position))
                }
                total[top.name] = deepest
            }
        }
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

    /// The page or fragment `template` makes from `model`, which must be of `template.model`.
    func render(_ model: any TemplateModel, template: TemplateName) -> String {
        assert(
            type(of: model) == template.model, "\(template) is rendered with \(template.model), not \(type(of: model))")
        guard let parsed = templates[template] else {
            preconditionFailure("TemplateSet.load makes a set only with every TemplateName parsed")
        }
        return parsed.render(model, library: library)
    }
}

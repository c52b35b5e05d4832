import PlansiteDiagnostics

/// Checks, when the templates are loaded, that every key a template uses is a field of the
/// model it is rendered with: each `TemplateName` is walked with its model's fields
/// (`TemplateModel.fields`), a section pushes the fields of what it opens (a nested model, a
/// list's element), and a partial or layout is walked with the context of the tag that
/// includes it — as Mustache looks a name up, from the innermost model outwards. A key
/// found nowhere is `unknown-template-key` at its tag, since it would render as nothing.
///
/// What is not a key is understood: `{{.}}`, names starting with `.` (the innermost value
/// only), swift-mustache's transforms (`{{count(tasks)}}`, `{{#first()}}` in a list), and the
/// names of partials, layouts and blocks.
struct TemplateKeys {
    /// A model's field that some template uses: `TaskView.anchor`.
    struct Use: Hashable {
        let model: String
        let key: String
    }

    /// What a section pushes for the names inside it.
    private enum Scope {
        case model(any TemplateModel.Type)
        /// A text or number: only `{{.}}` reads it.
        case value
    }

    private let outlines: [String: TemplateOutline]
    private let files: [String: String]
    /// Every field some template uses.
    private(set) var used: Set<Use> = []
    private(set) var diagnostics = DiagnosticBag()
    private var reported: Set<String> = []
    /// Templates already walked with a given context: a partial included from many places
    /// with the same context is read once.
    private var walked: Set<String> = []
    private var root = TemplateName.home

    init(outlines: [String: TemplateOutline], files: [String: String]) {
        self.outlines = outlines
        self.files = files
    }

    /// Walks every template the renderer renders, from its model.
    mutating func checkAll() {
        for name in TemplateName.allCases {
            root = name
            walk(name.path, [.model(name.model)])
        }
    }

    private mutating func walk(_ template: String, _ initial: [Scope]) {
        guard let outline = outlines[template] else { return }
        let signature = template + "|" + initial.map(Self.signature).joined(separator: ",")
        guard walked.insert(signature).inserted else { return }
        var stack = initial
        // For each open section: whether it pushed a scope, and the parent it inherits from.
        var open: [(pushed: Bool, parent: String?)] = []
        for tag in outline.tags {
            switch tag.sigil {
            case "#":
                let kind = resolve(tag, in: template, stack)
                if let scope = kind.flatMap(Self.scope(opening:)) {
                    stack.append(scope)
                    open.append((true, nil))
                } else {
                    open.append((false, nil))
                }
            case "^":
                _ = resolve(tag, in: template, stack)
                open.append((false, nil))
            case "$":
                open.append((false, nil))
            case "<":
                open.append((false, tag.name))
            case "/":
                guard let section = open.popLast() else { continue }
                if section.pushed { stack.removeLast() }
                if let parent = section.parent { walk(parent, stack) }
            case ">":
                walk(tag.name, stack)
            default:
                _ = resolve(tag, in: template, stack)
            }
        }
    }

    /// The kind of value a tag names, or nil when it is not known (an unknown key, reported).
    private mutating func resolve(_ tag: TemplateOutline.Tag, in template: String, _ stack: [Scope]) -> ValueKind? {
        var name = Substring(tag.name)
        var transforms: [Substring] = []
        // `f(g(key))`: the transforms from the outside in, then the key.
        while let paren = name.firstIndex(of: "("), name.last == ")" {
            transforms.append(name[..<paren].trimmingPrefix(" "))
            name = name[name.index(after: paren)..<name.index(before: name.endIndex)]
        }
        name = Substring(String(name).trimmingWhitespace())
        var kind: ValueKind?
        if name.isEmpty, !transforms.isEmpty {
            // `{{#first()}}`: the position in the list being repeated.
            kind = .sequence
        } else if name == "." {
            kind = stack.last.map(Self.kind(of:))
        } else {
            kind = lookUp(name, tag: tag, in: template, stack)
        }
        for transform in transforms.reversed() {
            guard let current = kind else { return nil }
            guard let next = current.applying(String(transform)) else {
                report(
                    tag, in: template, key: tag.name,
                    "mẫu dùng phép biến đổi `\(transform)` trong `\(tag.name)`, nhưng phép này không áp dụng được cho"
                        + " giá trị ấy nên sẽ hiện thành rỗng; các phép có: \(current.transforms.joined(separator: ", "))"
                )
                return nil
            }
            kind = next
        }
        return kind
    }

    private mutating func lookUp(
        _ name: Substring, tag: TemplateOutline.Tag, in template: String, _ stack: [Scope]
    ) -> ValueKind? {
        let innermostOnly = name.hasPrefix(".")
        let path = name.split(separator: ".").map(String.init)
        guard let first = path.first else { return nil }
        var kind: ValueKind?
        for scope in (innermostOnly ? Array(stack.suffix(1)) : stack).reversed() {
            if case .model(let model) = scope, let found = model.fieldKind(first) {
                used.insert(Use(model: "\(model)", key: first))
                kind = found
                break
            }
        }
        guard var kind else {
            let models = stack.compactMap { scope -> (any TemplateModel.Type)? in
                if case .model(let model) = scope { return model } else { return nil }
            }
            let subject = innermostOnly ? models.last.map { [$0] } ?? [] : models
            report(
                tag, in: template, key: first,
                Self.message(key: first, of: String(name), models: subject.reversed()))
            return nil
        }
        for segment in path.dropFirst() {
            guard case .model(let model) = kind, let found = model.fieldKind(segment) else {
                let models: [any TemplateModel.Type] = if case .model(let model) = kind { [model] } else { [] }
                report(
                    tag, in: template, key: String(name), Self.message(key: segment, of: String(name), models: models))
                return nil
            }
            used.insert(Use(model: "\(model)", key: segment))
            kind = found
        }
        return kind
    }

    /// "mẫu dùng khoá `tieu_de` mà trang kế hoạch không có; các khoá có: …; có phải ý bạn là 'title'?"
    private static func message(key: String, of name: String, models: [any TemplateModel.Type]) -> String {
        let shown = name == key ? "`\(key)`" : "`\(name)` (phần `\(key)`)"
        guard let innermost = models.first else {
            return "mẫu dùng khoá \(shown) ở chỗ không có dữ liệu nào mang khoá; giá trị này sẽ hiện thành rỗng"
        }
        var message =
            "mẫu dùng khoá \(shown) mà \(innermost.displayName) không có"
            + (models.count > 1 ? " (kể cả các phần bao ngoài)" : "")
            + "; các khoá có: \(innermost.fieldNames.joined(separator: ", "))"
        if let hint = Suggestions.hint(for: key, in: models.flatMap { $0.fieldNames }) {
            message += "; \(hint)"
        }
        return message
    }

    private mutating func report(_ tag: TemplateOutline.Tag, in template: String, key: String, _ message: String) {
        let file = files[template] ?? template
        guard reported.insert("\(file):\(tag.position.line):\(tag.position.column)").inserted else { return }
        let note =
            template == root.path
            ? "mẫu '\(template)' được dựng với \(root.model.displayName)"
            : "mẫu '\(template)' được chèn khi dựng '\(root.path)' (\(root.model.displayName))"
        diagnostics.error(
            .unknownTemplateKey, message,
            at: SourceLocation(file: file, line: tag.position.line, column: tag.position.column), notes: [note])
    }

    private static func scope(opening kind: ValueKind) -> Scope? {
        switch kind {
        case .flag, .sequence: nil
        case .text, .html: .value
        case .model(let model): .model(model)
        case .list(let element): scope(opening: element) ?? .value
        }
    }

    private static func kind(of scope: Scope) -> ValueKind {
        switch scope {
        case .model(let model): .model(model)
        case .value: .text
        }
    }

    private static func signature(_ scope: Scope) -> String {
        switch scope {
        case .model(let model): "\(model)"
        case .value: "."
        }
    }
}

extension TemplateModel {
    static func fieldKind(_ key: String) -> ValueKind? { fields.schema.kind(key) }
    /// The model's keys in the order they are declared.
    static var fieldNames: [String] { fields.schema.names }
}

extension ValueKind {
    /// swift-mustache 2.1.1's transforms (Transform.swift, SequenceContext.swift) by the kind
    /// they apply to, with the kind of what they give. A text may be a number here: both
    /// sets are allowed on it.
    var transforms: [String] {
        switch self {
        case .text, .html:
            [
                "capitalized", "empty", "lowercased", "reversed", "uppercased", "equalzero", "even", "minusone", "odd",
                "plusone",
            ]
        case .list: ["count", "empty", "first", "last", "reversed", "sorted"]
        case .sequence: ["even", "first", "index", "last", "odd"]
        case .flag, .model: []
        }
    }

    func applying(_ transform: String) -> ValueKind? {
        guard transforms.contains(transform) else { return nil }
        switch (self, transform) {
        case (_, "empty"), (_, "equalzero"), (_, "even"), (_, "odd"), (.sequence, "first"), (.sequence, "last"):
            return .flag
        case (.list, "count"), (.sequence, "index"): return .text
        case (.list(let element), "first"), (.list(let element), "last"): return element
        default: return self
        }
    }
}

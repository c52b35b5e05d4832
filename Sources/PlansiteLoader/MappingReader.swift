import PlansiteDiagnostics
import PlansiteModel
import Yams

/// Reads one YAML mapping into definition fields, keeping every value's location.
/// Unknown keys are reported when `finish()` is called, with the closest known key.
struct MappingReader {
    let file: String
    let lineOffset: Int
    let report: Reporter
    let location: SourceLocation
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let known: [String]
    private var used: Set<String> = []

    /// Nil (after a diagnostic) when `node` is not a mapping.
    init?(_ node: Node, what: String, known: [String], file: String, lineOffset: Int, report: Reporter) {
        self.file = file
        self.lineOffset = lineOffset
        self.report = report
        self.known = known
        self.location = node.location(in: file, lineOffset: lineOffset)
        guard case .mapping(let mapping) = node else {
            report.error(.wrongType, "\(what) phải là một mục gồm các trường 'khóa: giá trị'", at: location)
            return nil
        }
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    private func locate(_ node: Node) -> SourceLocation { node.location(in: file, lineOffset: lineOffset) }

    private mutating func value(_ key: String) -> Node? {
        used.insert(key)
        guard let pair = pairs.first(where: { $0.key == key }), !pair.value.isNull else { return nil }
        return pair.value
    }

    private func missing(_ key: String) {
        report.error(.missingField, "thiếu trường bắt buộc '\(key)'", at: location)
    }

    /// A text or number value, NFC-normalised and trimmed.
    mutating func scalar(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report.error(
                .wrongType, "trường '\(key)' phải là một giá trị đơn (chữ hoặc số), không phải danh sách hay mục",
                at: locate(node))
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if text.isEmpty {
            if required { missing(key) }
            return nil
        }
        guard fitsLimit(text, key: key, at: node) else { return nil }
        return Located(text, at: locate(node))
    }

    /// Whether a value is within `ContentLimits.textCharacters`; reported when not.
    private func fitsLimit(_ text: String, key: String, at node: Node) -> Bool {
        guard text.utf8.count > ContentLimits.textCharacters, text.count > ContentLimits.textCharacters else {
            return true
        }
        report.error(
            .valueTooLong,
            "giá trị của '\(key)' dài \(VietnameseNumber.format(text.count)) ký tự; một giá trị được tối đa \(VietnameseNumber.format(ContentLimits.textCharacters)) ký tự — có thể đã dán nhầm cả một văn bản",
            at: locate(node))
        return false
    }

    /// A list of texts; a single value counts as a list of one.
    mutating func list(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = value(key) else {
            if required { missing(key) }
            return []
        }
        let items: [Node]
        switch node {
        case .scalar: items = [node]
        case .sequence(let sequence): items = Array(sequence)
        default:
            report.error(.wrongType, "trường '\(key)' phải là một danh sách", at: locate(node))
            return []
        }
        var out: [Located<String>] = []
        for item in items where !item.isNull {
            guard case .scalar(let scalar) = item else {
                report.error(.wrongType, "mỗi phần tử của '\(key)' phải là một giá trị đơn", at: locate(item))
                continue
            }
            let text = scalar.string.trimmingWhitespace()
            if !text.isEmpty, fitsLimit(text, key: key, at: item) { out.append(Located(text, at: locate(item))) }
        }
        if out.isEmpty, required { missing(key) }
        return out
    }

    /// A nested mapping or list of mappings, left to the caller to read.
    mutating func node(_ key: String, required: Bool = false) -> Node? {
        let found = value(key)
        if found == nil, required { missing(key) }
        return found
    }

    /// The items of a list of mappings.
    mutating func items(_ key: String, required: Bool = false) -> [Node] {
        guard let node = value(key) else {
            if required { missing(key) }
            return []
        }
        guard case .sequence(let sequence) = node else {
            report.error(
                .wrongType, "trường '\(key)' phải là một danh sách (mỗi phần tử bắt đầu bằng '- ')", at: locate(node))
            return []
        }
        return Array(sequence)
    }

    /// Reports the keys that the format does not have.
    func finish() {
        for pair in pairs where !known.contains(pair.key) {
            // A key is shown (and compared with the known ones) up to 80 characters: a pasted
            // paragraph used as a key must not make a paragraph-long message.
            let shown = pair.key.count > 80 ? pair.key.prefix(80) + "…" : pair.key
            var message = "trường '\(shown)' không có trong định dạng"
            if pair.key.count <= 80, let hint = Suggestions.hint(for: pair.key, in: known) { message += "; \(hint)" }
            report.error(
                .unknownField, message, at: locate(pair.keyNode),
                notes: ["các trường được dùng ở đây: " + known.joined(separator: ", ")])
        }
    }

    /// A sub-reader for a nested mapping, sharing file and report.
    func reader(for node: Node, what: String, known: [String]) -> MappingReader? {
        MappingReader(node, what: what, known: known, file: file, lineOffset: lineOffset, report: report)
    }
}

/// The same readers, a key named by its declaration in `ContentKey` (never a literal).
extension MappingReader {
    mutating func scalar(_ key: some ContentKeySet, required: Bool = false) -> Located<String>? {
        scalar(key.rawValue, required: required)
    }

    mutating func list(_ key: some ContentKeySet, required: Bool = false) -> [Located<String>] {
        list(key.rawValue, required: required)
    }

    mutating func node(_ key: some ContentKeySet, required: Bool = false) -> Node? {
        node(key.rawValue, required: required)
    }

    mutating func items(_ key: some ContentKeySet, required: Bool = false) -> [Node] {
        items(key.rawValue, required: required)
    }
}

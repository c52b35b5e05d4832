import PlansiteModel
import Yams

/// A key of the content format as a YAML key node.
func key(_ key: some ContentKeySet) -> Node { Node(key.rawValue) }

/// Writes an imported appendix as `phu-luc-<n>.yaml` content, through a Yams node tree (so
/// quoting is Yams's job, never string concatenation).
extension ImportedAppendix {
    /// The YAML document, preceded by comment lines saying where it came from.
    public func yaml(source: String? = nil) throws -> String {
        var header = ""
        if let source {
            header +=
                "# Nhập từ \(YAMLWriter.comment(source)), bảng \(tableNumber) (dòng \(lines.lowerBound)–\(lines.upperBound)) "
            header += "bằng `plansite import`.\n"
            header += "# Kiểm tra lại với `plansite check`; xem docs/import.md.\n"
        }
        return header + (try YAMLWriter.serialize(node))
    }

    /// The appendix as a YAML node, keys in the order of docs/content-format.md.
    public var node: Node {
        typealias K = ContentKey.Appendix
        var pairs: [(Node, Node)] = []
        pairs.append((key(K.index), YAMLWriter.plain(index?.rawValue ?? "par-index")))
        pairs.append((key(K.title), YAMLWriter.text(title ?? "PHỤ LỤC \(number)")))
        if let reference { pairs.append((key(K.reference), YAMLWriter.text(reference))) }
        if !columns.isEmpty {
            pairs.append(
                (key(K.columns), Node.mapping(.init(columns.map { (key($0.key), YAMLWriter.text($0.label)) }))))
        }
        pairs.append((key(K.criteria), Node.sequence(.init(criteria.map(\.node)))))
        return .mapping(.init(pairs))
    }
}

extension ImportedCriterion {
    var node: Node {
        typealias K = ContentKey.Criterion
        var pairs: [(Node, Node)] = []
        if let code { pairs.append((key(K.code), YAMLWriter.quoted(code))) }
        pairs.append((key(K.title), YAMLWriter.text(title)))
        if let max { pairs.append((key(K.max), YAMLWriter.plain(max))) }
        if let last { pairs.append((key(K.last), YAMLWriter.plain(last))) }
        if let target { pairs.append((key(K.target), YAMLWriter.plain(target))) }
        if let description { pairs.append((key(K.descriptionText), YAMLWriter.text(description))) }
        if !tasks.isEmpty { pairs.append((key(K.tasks), Node.sequence(.init(tasks.map(\.node))))) }
        if !children.isEmpty { pairs.append((key(K.children), Node.sequence(.init(children.map(\.node))))) }
        return .mapping(.init(pairs))
    }
}

extension ImportedTask {
    var node: Node {
        typealias K = ContentKey.TaskEntry
        var pairs: [(Node, Node)] = []
        if let text { pairs.append((key(K.text), YAMLWriter.text(text))) }
        for (field, names) in [(K.lead, lead), (K.cooperating, cooperating), (K.monitoring, monitoring)]
        where !names.isEmpty {
            pairs.append((key(field), YAMLWriter.names(names)))
        }
        if let time { pairs.append((key(K.time), YAMLWriter.text(time))) }
        if let note { pairs.append((key(K.note), YAMLWriter.text(note))) }
        return .mapping(.init(pairs))
    }
}

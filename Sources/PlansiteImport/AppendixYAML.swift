import Yams

/// Writes an imported appendix as `phu-luc-<n>.yaml` content, through a Yams node tree (so
/// quoting is Yams's job, never string concatenation).
extension ImportedAppendix {
    /// The YAML document, preceded by comment lines saying where it came from.
    public func yaml(source: String? = nil) throws -> String {
        var header = ""
        if let source {
            header += "# Nhập từ \(source), bảng \(tableNumber) (dòng \(lines.lowerBound)–\(lines.upperBound)) "
            header += "bằng `plansite import`.\n"
            header += "# Kiểm tra lại với `plansite check`; xem docs/import.md.\n"
        }
        return header + (try YAMLWriter.serialize(node))
    }

    /// The appendix as a YAML node, keys in the order of docs/content-format.md.
    public var node: Node {
        var pairs: [(Node, Node)] = []
        pairs.append(("index", YAMLWriter.plain(index?.rawValue ?? "par-index")))
        pairs.append(("title", YAMLWriter.text(title ?? "PHỤ LỤC \(number)")))
        if let reference { pairs.append(("reference", YAMLWriter.text(reference))) }
        if !columns.isEmpty {
            pairs.append(
                ("columns", Node.mapping(.init(columns.map { (Node($0.key), YAMLWriter.text($0.label)) }))))
        }
        pairs.append(("criteria", Node.sequence(.init(criteria.map(\.node)))))
        return .mapping(.init(pairs))
    }
}

extension ImportedCriterion {
    var node: Node {
        var pairs: [(Node, Node)] = []
        if let code { pairs.append(("code", YAMLWriter.quoted(code))) }
        pairs.append(("title", YAMLWriter.text(title)))
        if let max { pairs.append(("max", YAMLWriter.plain(max))) }
        if let last { pairs.append(("last", YAMLWriter.plain(last))) }
        if let target { pairs.append(("target", YAMLWriter.plain(target))) }
        if let description { pairs.append(("description", YAMLWriter.text(description))) }
        if !tasks.isEmpty { pairs.append(("tasks", Node.sequence(.init(tasks.map(\.node))))) }
        if !children.isEmpty { pairs.append(("children", Node.sequence(.init(children.map(\.node))))) }
        return .mapping(.init(pairs))
    }
}

extension ImportedTask {
    var node: Node {
        var pairs: [(Node, Node)] = []
        if let text { pairs.append(("text", YAMLWriter.text(text))) }
        for (key, names) in [("lead", lead), ("cooperating", cooperating), ("monitoring", monitoring)]
        where !names.isEmpty {
            pairs.append((Node(key), YAMLWriter.names(names)))
        }
        if let time { pairs.append(("time", YAMLWriter.text(time))) }
        if let note { pairs.append(("note", YAMLWriter.text(note))) }
        return .mapping(.init(pairs))
    }
}

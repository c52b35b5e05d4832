import Yams

/// The one place the importer and the scaffolds write YAML text: every scalar goes through
/// Yams's emitter (libyaml) with the same rules, so quoting is never string concatenation and
/// never differs between writers. A scalar is written plain when it reads back as the same
/// string (Vietnamese text stays readable, unquoted); otherwise quoted: YAML 1.1 booleans
/// (yes/no/on/off), null and `~`, numbers and dates, leading indicators (`-`, `*`, `&`, `!`,
/// `|`, `>`, `%`, `@`, quotes), `: ` and ` #` inside, leading or trailing spaces, tabs and
/// control characters. Text of several lines is a `|` block in a node tree, an escaped
/// double-quoted scalar inline.
public enum YAMLWriter {
    public static func serialize(_ node: Node) throws -> String {
        try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
    }

    /// Whether `value` written plain would be read as something else than a string.
    static func resolvesToOtherThanText(_ value: String) -> Bool {
        Resolver.default.resolveTag(of: Node(value)) != .str
    }

    /// Text: a `|` block when it has several lines (Markdown lists), otherwise plain when safe.
    public static func text(_ value: String) -> Node {
        if value.contains("\n") {
            return .scalar(.init(value, .implicit, .literal))
        }
        return .scalar(.init(value, .implicit, resolvesToOtherThanText(value) ? .doubleQuoted : .any))
    }

    /// A value that must stay a string ("1", "2.1"): quoted.
    public static func quoted(_ value: String) -> Node { .scalar(.init(value, .implicit, .doubleQuoted)) }

    /// Numbers and keywords as written ("1,5", "papi").
    public static func plain(_ value: String) -> Node { .scalar(.init(value, .implicit, .any)) }

    /// One name as a value, several as a flow list: `lead: [Nội chính, TTPVHCC]`.
    public static func names(_ names: [String]) -> Node {
        if names.count == 1 { return text(names[0]) }
        return .sequence(.init(names.map { text($0) }, .implicit, .flow))
    }

    /// One scalar as it appears after `key: ` or `- ` in a text template, valid YAML whatever
    /// the value holds ("Sở Nội vụ: A" → "'Sở Nội vụ: A'", "yes" → "\"yes\""), on one line.
    public static func inline(_ value: String) -> String {
        let style: Node.Scalar.Style =
            value.contains("\n") || resolvesToOtherThanText(value) ? .doubleQuoted : .any
        return oneLine(.scalar(.init(value, .implicit, style)), value: value)
    }

    /// Always a double-quoted scalar, line breaks, tabs and control characters escaped: the
    /// style of the report files, whose values a clerk edits by hand.
    public static func doubleQuoted(_ value: String) -> String {
        let text = value.replacingOccurrences(of: "\r\n", with: "\n")
        return oneLine(quoted(text), value: text)
    }

    /// A `#` comment's text on one line: line breaks would end the comment and start YAML.
    /// Control characters, which no YAML stream may hold raw, become spaces too.
    public static func comment(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let breaks = scalar.properties.generalCategory == .control || [0x2028, 0x2029].contains(scalar.value)
            out.append(breaks ? " " : scalar)
        }
        return String(out)
    }

    /// The node as Yams writes it, on one line. libyaml's emitter writes any valid UTF-8 text
    /// (every Swift string is) as a double-quoted scalar, escaping what is not printable; it is
    /// asked for that style when it refuses the one chosen, and there is no second emitter.
    private static func oneLine(_ node: Node, value: String) -> String {
        let text: String
        do {
            text = try serialize(node)
        } catch {
            do {
                text = try serialize(quoted(value))
            } catch {
                preconditionFailure("libyaml refused a double-quoted scalar: \(error)")
            }
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last == "" { lines.removeLast() }
        if lines.last == "..." { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

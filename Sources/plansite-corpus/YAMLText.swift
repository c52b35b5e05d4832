/// Writes YAML text directly, line by line: the corpus never goes through a YAML library.
struct YAMLText {
    private(set) var text = ""

    init(capacity: Int = 4096) { text.reserveCapacity(capacity) }

    /// `key: value`, the value quoted when YAML needs it. `dash` starts a list item.
    mutating func field(_ indent: Int, _ key: String, _ value: String, dash: Bool = false) {
        raw(indent, key, YAMLText.scalar(value), dash: dash)
    }

    /// `key: value` with the value written as given (numbers, dates, quoted codes).
    mutating func raw(_ indent: Int, _ key: String, _ value: String, dash: Bool = false) {
        start(indent, dash: dash)
        text += key
        text += ": "
        text += value
        text += "\n"
    }

    /// `key:` alone, before a nested mapping or list.
    mutating func key(_ indent: Int, _ key: String, dash: Bool = false) {
        start(indent, dash: dash)
        text += key
        text += ":\n"
    }

    /// A block list under `key`; `inline` writes a list of one as a single value.
    mutating func list(_ indent: Int, _ key: String, _ items: [String], inline: Bool = false) {
        if inline, items.count == 1 { return field(indent, key, items[0]) }
        self.key(indent, key)
        for item in items {
            start(indent + 2, dash: true)
            text += YAMLText.scalar(item)
            text += "\n"
        }
    }

    /// Text that may span lines: a literal block (`|`) when it does, a scalar when not.
    mutating func multiline(_ indent: Int, _ key: String, _ value: String, dash: Bool = false) {
        guard value.utf8.contains(UInt8(ascii: "\n")) else { return field(indent, key, value, dash: dash) }
        start(indent, dash: dash)
        text += key
        text += ": |\n"
        let contentIndent = indent + (dash ? 2 : 0) + 2
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.isEmpty { text += YAMLText.spaces(contentIndent) }
            text += line
            text += "\n"
        }
    }

    /// A line written as given (front matter fences).
    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }

    mutating func comment(_ line: String) {
        text += "# "
        text += line
        text += "\n"
    }

    private mutating func start(_ indent: Int, dash: Bool) {
        text += YAMLText.spaces(indent)
        if dash { text += "- " }
    }

    private static let indents = (0...40).map { String(repeating: " ", count: $0) }

    private static func spaces(_ count: Int) -> String {
        count < indents.count ? indents[count] : String(repeating: " ", count: count)
    }

    // MARK: - Scalars

    /// The value as a YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ value: String) -> String {
        needsQuotes(value) ? quoted(value) : value
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Characters that start a YAML indicator (all ASCII).
    private static let specialStarts = asciiTable("-?:,[]{}#&*!|>'\"%@` \t")
    private static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan",
    ]
    private static let numberLike = asciiTable("0123456789.,+-_:eExXoObB")

    /// A lookup table over bytes, faster than a `Set` in the loop below.
    private static func asciiTable(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    /// One pass over the UTF-8 bytes: every character YAML cares about here is ASCII.
    static func needsQuotes(_ value: String) -> Bool {
        let bytes = value.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        if specialStarts[Int(first)] || last == UInt8(ascii: " ") || last == UInt8(ascii: ":") { return true }
        var previous: UInt8 = 0
        var allNumberLike = true
        var hasDigit = false
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return true }
            // ": " starts a mapping value and " #" a comment.
            if previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ") { return true }
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#") { return true }
            if !numberLike[Int(byte)] { allNumberLike = false }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { hasDigit = true }
            previous = byte
        }
        if bytes.count <= 6, reserved.contains(value.lowercased()) { return true }
        // Numbers, codes such as "2.3.1", times and hex: anything a YAML reader might not keep as text.
        return allNumberLike && hasDigit
    }
}

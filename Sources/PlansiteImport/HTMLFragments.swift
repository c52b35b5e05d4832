import PlansiteModel

/// The HTML fragments that Word leaves inside exported table cells, read by a small tokenizer
/// for a fixed set of tags (there is no HTML parser here, and none is needed):
///
/// - inline `<b> <strong> <i> <em> <u> <s> <span> <font> <a> <sup> <sub> <small> <mark>`: removed,
///   their text kept;
/// - `<ul> <ol> <li>`: list items;
/// - `<p> <div>`: paragraphs; `<br>`: a line break, read as a paragraph break;
/// - the entities `&amp; &lt; &gt; &quot; &apos; &nbsp;` and numeric `&#…;`.
///
/// Any other tag is removed too, its text kept, and named in `unknownTags` so that the import
/// report can say so. A `<` that does not open a tag ("< 5%") is text.
struct CellFragments: Equatable {
    enum Kind: Equatable {
        /// Text outside any list item.
        case paragraph
        /// The text of an `<li>`.
        case item
    }

    struct Block: Equatable {
        var kind: Kind
        var text: String
    }

    /// The blocks of the cell in order, each with white space collapsed; never empty texts.
    var blocks: [Block] = []
    /// The text of a `<b>`/`<strong>` that opens the cell, if any.
    var leadingBold: String?
    /// Tags outside the understood set, as written (`<table>`).
    var unknownTags: [String] = []

    /// All the text, blocks joined by a space.
    var plainText: String { blocks.map(\.text).joined(separator: " ") }

    var isEmpty: Bool { blocks.isEmpty }

    static let inlineTags: Set<String> = [
        "b", "strong", "i", "em", "u", "s", "strike", "span", "font", "a", "sup", "sub", "small", "mark",
    ]
    static let blockTags: Set<String> = ["p", "div", "ul", "ol", "li", "br"]

    init(_ html: String) {
        var buffer = ""
        var bufferKind = Kind.paragraph
        var boldDepth = 0
        var boldText = ""
        var boldClosedFirst = false
        var sawTextBeforeBold = false

        func flush(as kind: Kind? = nil) {
            let text = buffer.collapsingWhitespace
            if !text.isEmpty { blocks.append(Block(kind: kind ?? bufferKind, text: text)) }
            buffer = ""
        }

        var index = html.startIndex
        while index < html.endIndex {
            let char = html[index]
            if char == "<", let tag = CellFragments.tag(in: html, at: index) {
                let name = tag.name
                switch name {
                case "li":
                    if tag.closing {
                        flush(as: .item)
                        bufferKind = .paragraph
                    } else {
                        flush()
                        bufferKind = .item
                    }
                case "p", "div":
                    flush()
                    if !tag.closing, bufferKind != .item { bufferKind = .paragraph }
                case "ul", "ol":
                    flush()
                    bufferKind = .paragraph
                case "br":
                    flush()
                case "b", "strong":
                    if tag.closing {
                        boldDepth = max(0, boldDepth - 1)
                        if boldDepth == 0, !sawTextBeforeBold, leadingBold == nil, !boldClosedFirst {
                            let text = boldText.collapsingWhitespace
                            if !text.isEmpty { leadingBold = text }
                            boldClosedFirst = true
                        }
                    } else {
                        boldDepth += 1
                    }
                default:
                    if !CellFragments.inlineTags.contains(name), !CellFragments.blockTags.contains(name) {
                        unknownTags.append(tag.text)
                    }
                }
                index = tag.end
                continue
            }
            var text = String(char)
            var next = html.index(after: index)
            if char == "&", let entity = CellFragments.entity(in: html, at: index) {
                text = entity.text
                next = entity.end
            }
            buffer += text
            if boldDepth > 0 {
                boldText += text
            } else if !text.allSatisfy(\.isWhitespace), !boldClosedFirst {
                sawTextBeforeBold = true
            }
            index = next
        }
        flush()
    }

    // MARK: - Tokenizer

    struct Tag {
        var name: String
        var closing: Bool
        var text: String
        var end: String.Index
    }

    /// A tag starting at `start` ("<b>", "</li>", "<ul style=…>", "<br/>", "<!-- … -->"), or nil
    /// when the `<` is text.
    static func tag(in html: String, at start: String.Index) -> Tag? {
        var index = html.index(after: start)
        guard index < html.endIndex else { return nil }
        if html[index...].hasPrefix("!--") {
            guard let close = html.range(of: "-->", range: index..<html.endIndex) else { return nil }
            return Tag(name: "!--", closing: false, text: String(html[start..<close.upperBound]), end: close.upperBound)
        }
        var closing = false
        if html[index] == "/" {
            closing = true
            index = html.index(after: index)
        }
        guard index < html.endIndex, html[index].isASCII, html[index].isLetter else { return nil }
        var name = ""
        while index < html.endIndex, html[index].isASCII, html[index].isLetter || html[index].isNumber {
            name.append(html[index])
            index = html.index(after: index)
        }
        guard index < html.endIndex else { return nil }
        let following = html[index]
        guard following == ">" || following == "/" || following.isWhitespace else { return nil }
        guard let close = html[index...].firstIndex(of: ">") else { return nil }
        // A stray "<" followed later by ">" far away is not a tag: tags here are short.
        guard html.distance(from: start, to: close) < 400, !html[index..<close].contains("<") else { return nil }
        let end = html.index(after: close)
        return Tag(name: name.lowercased(), closing: closing, text: String(html[start..<end]), end: end)
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
    ]

    static func entity(in html: String, at start: String.Index) -> (text: String, end: String.Index)? {
        guard let semicolon = html[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = html[html.index(after: start)..<semicolon]
        let end = html.index(after: semicolon)
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32? =
                digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end)
        }
        guard let text = namedEntities[String(body)] else { return nil }
        return (text, end)
    }
}

/// List markers at the start of a line or item: "- ", "– ", "+ ", "• ", and Excel's "'-".
enum ListMarker {
    static let markers: [Character] = ["-", "–", "—", "+", "•", "*"]

    /// The text without a leading marker, or nil when it has none.
    static func strip(_ text: String) -> String? {
        var rest = Substring(text.trimmingWhitespace())
        if rest.hasPrefix("'") { rest = rest.dropFirst() }
        guard let first = rest.first, markers.contains(first) else { return nil }
        let after = rest.dropFirst()
        // "-" alone, or "- text"; not "-5%" or "--".
        guard after.isEmpty || after.first!.isWhitespace else { return nil }
        return after.trimmingCharacters(in: .whitespaces)
    }

    static func hasMarker(_ text: String) -> Bool { strip(text) != nil }

    /// Splits "- a; - b. '- c" (a list flattened into one line) into ["a;", "b.", "c"]: a new
    /// item starts where a marker follows ".", ";" or ":" and a space. Nil when the text does
    /// not start with a marker or holds a single item.
    static func splitInline(_ text: String) -> [String]? {
        guard let body = strip(text) else { return nil }
        let chars = Array(body)
        var items: [String] = []
        var current = ""
        var index = 0
        while index < chars.count {
            let char = chars[index]
            current.append(char)
            if ".;:".contains(char) {
                var look = index + 1
                var sawSpace = false
                while look < chars.count, chars[look].isWhitespace {
                    look += 1
                    sawSpace = true
                }
                if sawSpace, look < chars.count, chars[look] == "'" { look += 1 }
                if sawSpace, look + 1 < chars.count, markers.contains(chars[look]), chars[look + 1].isWhitespace {
                    items.append(current)
                    current = ""
                    index = look + 2
                    continue
                }
            }
            index += 1
        }
        items.append(current)
        let cleaned = items.map { $0.collapsingWhitespace }.filter { !$0.isEmpty }
        return cleaned.count >= 2 ? cleaned : nil
    }
}

extension CellFragments {
    /// The cell as Markdown: a bullet list when it is one (`<li>` items, `<p>- …</p>`
    /// paragraphs, or "- a; - b" in one line), paragraphs otherwise; nil when empty.
    /// A list ends with a newline, as a YAML `|` block does.
    var markdown: String? {
        guard !blocks.isEmpty else { return nil }
        if blocks.count == 1 {
            let block = blocks[0]
            if let items = ListMarker.splitInline(block.text) {
                return items.map { "- \($0)" }.joined(separator: "\n") + "\n"
            }
            if block.kind == .item { return "- \(ListMarker.strip(block.text) ?? block.text)\n" }
            return block.text
        }
        if blocks.allSatisfy({ $0.kind == .item || ListMarker.hasMarker($0.text) }) {
            let items = blocks.flatMap { block -> [String] in
                ListMarker.splitInline(block.text) ?? [ListMarker.strip(block.text) ?? block.text]
            }
            return items.map { "- \($0)" }.joined(separator: "\n") + "\n"
        }
        var out = ""
        var previous: Kind?
        for block in blocks {
            let isItem = block.kind == .item || ListMarker.hasMarker(block.text)
            let line = isItem ? "- \(ListMarker.strip(block.text) ?? block.text)" : block.text
            if let previous {
                out += (isItem && previous == .item) ? "\n" : "\n\n"
            }
            out += line
            previous = isItem ? .item : .paragraph
        }
        return previous == .item ? out + "\n" : out
    }

    /// The separate entries of a list-like cell (list items, paragraphs, "- a - b"), markers
    /// removed: how department cells are read.
    var entries: [String] {
        blocks.flatMap { block -> [String] in
            if let items = ListMarker.splitInline(block.text) { return items }
            return [block.text]
        }
    }
}

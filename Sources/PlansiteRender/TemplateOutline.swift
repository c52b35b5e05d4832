import PlansiteModel

/// What a template's tags say before it is parsed: how deep its sections nest, and which
/// partials it includes and where. swift-mustache 2.1.1 parses each section by a recursive
/// call (and a transform `a(b(c))` by one call per parenthesis), so a template nested ten
/// thousand deep overflows the stack while being parsed: the outline is read first, without
/// recursion, and a template beyond the limits is never handed to the parser.
///
/// The tags are read as swift-mustache reads them: `{{` and `}}` or the delimiters a
/// `{{=<% %>=}}` tag sets, `{{{…}}}`, comments `{{!…}}` (which may hold anything).
struct TemplateOutline {
    /// The most sections (`#`, `^`, `$`, `<`) open at one place, with the partials' own
    /// sections counted where they are included. The default templates nest at most 6 deep.
    static let depthLimit = 64
    /// The most transforms applied in one tag: `{{a(b(c))}}` applies two.
    static let transformLimit = 8

    struct Position: Equatable {
        let line: Int
        let column: Int
    }

    /// A partial the template includes (`{{>name}}`) or inherits from (`{{<name}}`).
    struct Reference {
        let name: String
        /// Sections open around the tag (not counting the tag's own, for `<`).
        let depth: Int
        let position: Position
        /// `{{>*name}}`: a name looked up in the data when rendering.
        let isDynamic: Bool
    }

    /// A tag that names a value, a section or a partial: `sigil` is `#`, `^`, `$`, `<`, `/`,
    /// `>`, or nil for a value (`{{a}}`, `{{{a}}}`, `{{&a}}`). Comments, delimiter changes and
    /// pragmas are left out.
    struct Tag {
        let sigil: Character?
        let name: String
        let position: Position
    }

    /// The template's tags in order, for the check of its keys (`TemplateKeys`).
    private(set) var tags: [Tag] = []
    private(set) var references: [Reference] = []
    /// The deepest nesting of sections in this template alone.
    private(set) var depth = 0
    /// The first tag that opens a section beyond `depthLimit`.
    private(set) var tooDeep: Position?
    /// The first tag that applies more than `transformLimit` transforms.
    private(set) var tooManyTransforms: Position?
    /// Values written where HTML escaping does not make them safe: an attribute value without
    /// quotes (`href={{url}}`: a space would start a new attribute), an event handler
    /// attribute (`onclick="{{x}}"`), or inside `<script>` or `<style>`.
    private(set) var unsafeValues: [(position: Position, reason: String)] = []

    init(_ text: String) {
        let chars = Array(text)
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var open = 0
        var line = 1
        var lineStart = 0
        var index = 0

        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            guard position + delimiter.count <= chars.count else { return false }
            for offset in 0..<delimiter.count where chars[position + offset] != delimiter[offset] { return false }
            return true
        }

        while index < chars.count {
            if chars[index].isNewline {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard matches(start, at: index) else {
                index += 1
                continue
            }
            let position = Position(line: line, column: index - lineStart + 1)
            let bodyStart = index + start.count
            guard bodyStart < chars.count else { return }
            let sigil = chars[bodyStart]
            let closing = sigil == "{" ? end + ["}"] : end
            var close = bodyStart
            var newlines: [Int] = []
            while close < chars.count, !matches(closing, at: close) {
                if chars[close].isNewline { newlines.append(close) }
                close += 1
            }
            // An unfinished tag: the parser reports it.
            guard close < chars.count else { return }
            let body = String(chars[bodyStart..<close])
            let name = String(body.dropFirst()).trimmingWhitespace()
            switch sigil {
            case "#", "^", "$", "<", "/", ">":
                tags.append(Tag(sigil: sigil, name: name, position: position))
            case "{", "&":
                tags.append(Tag(sigil: nil, name: name, position: position))
            case "=", "!", "%":
                break
            default:
                tags.append(Tag(sigil: nil, name: body.trimmingWhitespace(), position: position))
            }
            switch sigil {
            case "#", "^", "$", "<":
                if sigil == "<" {
                    references.append(
                        Reference(
                            name: name.hasPrefix("*") ? String(name.dropFirst()) : name, depth: open,
                            position: position, isDynamic: name.hasPrefix("*")))
                }
                open += 1
                depth = max(depth, open)
                if open > Self.depthLimit, tooDeep == nil {
                    tooDeep = position
                    return
                }
            case "/":
                open = max(0, open - 1)
            case ">":
                references.append(
                    Reference(
                        name: name.hasPrefix("*") ? String(name.dropFirst()).trimmingWhitespace() : name,
                        depth: open, position: position, isDynamic: name.hasPrefix("*")))
            case "=":
                var inner = Substring(body.dropFirst())
                if inner.hasSuffix("=") { inner = inner.dropLast() }
                let parts = inner.split(whereSeparator: \.isWhitespace)
                // A malformed tag: the parser reports it.
                guard parts.count == 2 else { return }
                start = Array(parts[0])
                end = Array(parts[1])
            case "!", "%":
                break
            default:
                if let reason = Self.unsafeContext(before: index, in: chars) {
                    unsafeValues.append((position, reason))
                }
            }
            if sigil != "!", sigil != "=", body.filter({ $0 == "(" }).count > Self.transformLimit,
                tooManyTransforms == nil
            {
                tooManyTransforms = position
                return
            }
            if let last = newlines.last {
                line += newlines.count
                lineStart = last + 1
            }
            index = close + closing.count
        }
    }

    /// Why a value at `index` would not be safe with HTML escaping, or nil: the HTML text
    /// before it is read back to the last `<` to see whether the value is an unquoted
    /// attribute value, an event handler's value, or inside a script or style element.
    static func unsafeContext(before index: Int, in chars: [Character]) -> String? {
        let before = String(chars[max(0, index - 4096)..<index]).lowercased()
        for element in ["script", "style"] {
            // After the start tag's `>` and before the end tag: in the element's content.
            if let open = before.range(of: "<" + element, options: .backwards),
                before.range(of: "</" + element, options: .backwards).map({ $0.lowerBound < open.lowerBound }) ?? true,
                before[open.upperBound...].contains(">")
            {
                return "giá trị nằm trong thẻ <\(element)>, nơi mã hoá HTML không đủ an toàn"
            }
        }
        guard let open = before.lastIndex(of: "<"), before.lastIndex(of: ">").map({ $0 < open }) ?? true else {
            return nil
        }
        // Inside a tag: which attribute, and is its value quoted?
        let inside = before[before.index(after: open)...]
        let quotes = inside.filter { $0 == "\"" }.count + inside.filter { $0 == "'" }.count
        let trimmed = inside.reversed().drop { $0 == " " || $0 == "\t" }
        if trimmed.first == "=", quotes % 2 == 0 {
            return "giá trị thuộc tính phải nằm trong dấu ngoặc kép, như href=\"{{url}}\""
        }
        // The attribute whose value holds the tag: the name before the last `="`.
        if let equals = inside.range(of: "=\"", options: .backwards) ?? inside.range(of: "='", options: .backwards) {
            let name = inside[..<equals.lowerBound].reversed().prefix { $0.isLetter || $0 == "-" }
            let attribute = String(name.reversed())
            if attribute.hasPrefix("on") || attribute == "style" {
                return "giá trị nằm trong thuộc tính '\(attribute)', nơi mã hoá HTML không đủ an toàn"
            }
        }
        return nil
    }
}

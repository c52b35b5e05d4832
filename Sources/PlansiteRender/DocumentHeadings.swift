import PlansiteModel

/// The headings of a document's prose, given anchors so that a contents list can link to them.
enum DocumentHeadings {
    struct Heading: Equatable {
        /// 1 for `#`, 2 for `##`, …
        let level: Int
        /// The heading as a reader sees it, without markup.
        let text: String
        let anchor: String
    }

    /// The deepest heading level a contents list names (`###`); deeper headings get no anchor.
    static let deepestListed = 3

    /// `html` (cmark-gfm's rendering, whose headings carry no attributes) with an `id` on each
    /// heading down to `deepestListed`, and those headings in order. An anchor is "vb-" and the
    /// heading's folded words ("vb-i-muc-dich-yeu-cau"), so it stays put when text around it
    /// changes; a second heading with the same words gets "-2". `taken` holds anchors the page
    /// uses elsewhere, which a heading never takes.
    static func anchored(_ html: String, taken: Set<String> = []) -> (html: String, headings: [Heading]) {
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var headings: [Heading] = []
        var used = taken
        var rest = html[...]
        while let open = rest.range(of: "<h") {
            let afterTag = open.upperBound
            guard afterTag < rest.endIndex, let digit = rest[afterTag].wholeNumberValue, (1...6).contains(digit),
                rest.index(after: afterTag) < rest.endIndex, rest[rest.index(after: afterTag)] == ">",
                let close = rest[afterTag...].range(of: "</h\(digit)>")
            else {
                out += rest[..<afterTag]
                rest = rest[afterTag...]
                continue
            }
            out += rest[..<open.lowerBound]
            let inner = rest[rest.index(afterTag, offsetBy: 2)..<close.lowerBound]
            let text = plainText(String(inner))
            if digit <= deepestListed, !text.isEmpty {
                let anchor = unique("vb-" + shortSlug(text), in: &used)
                headings.append(Heading(level: digit, text: text, anchor: anchor))
                out += "<h\(digit) id=\"\(anchor)\">"
            } else {
                out += "<h\(digit)>"
            }
            out += inner
            out += rest[close]
            rest = rest[close.upperBound...]
        }
        out += rest
        return (out, headings)
    }

    /// The text of an HTML fragment of cmark-gfm's: tags dropped, its five escapes undone.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return
            text
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&").collapsingWhitespace
    }

    /// The folded words, at most 60 characters, cut at a word.
    private static func shortSlug(_ text: String) -> String {
        var slug = VietnameseText.slug(text)
        if slug.isEmpty { slug = "muc" }
        guard slug.count > 60 else { return slug }
        let cut = slug.prefix(60)
        if let dash = cut.lastIndex(of: "-") { return String(cut[..<dash]) }
        return String(cut)
    }

    private static func unique(_ anchor: String, in used: inout Set<String>) -> String {
        var candidate = anchor
        var number = 2
        while used.contains(candidate) {
            candidate = "\(anchor)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}

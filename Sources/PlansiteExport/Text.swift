import Foundation
import PlansiteModel

/// Plain text from the Markdown of tasks and descriptions, for CSV cells, calendar
/// descriptions and search excerpts.
public enum PlainText {
    /// Markdown source flattened to one line: list markers, headings, emphasis and code marks
    /// removed, links kept as "text (url)", list items joined with "; " unless an item already
    /// ends with punctuation, soft line breaks joined with a space.
    public static func flatten(_ markdown: String) -> String {
        if isPlain(markdown) { return markdown.collapsingWhitespace }
        var out = ""
        var previousWasItem = false
        for rawLine in markdown.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            var line = String(rawLine).trimmingWhitespace()
            guard !line.isEmpty else { continue }
            let (stripped, isItem) = stripBlockMarkers(line)
            line = inline(stripped).collapsingWhitespace
            guard !line.isEmpty else { continue }
            if !out.isEmpty {
                if isItem || previousWasItem, let last = out.last, !",.;:!?…".contains(last) {
                    out += "; "
                } else {
                    out += " "
                }
            }
            out += line
            previousWasItem = isItem
        }
        return out
    }

    /// One line without any Markdown mark: nothing to flatten but white space.
    private static func isPlain(_ text: String) -> Bool {
        var first = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "*"), UInt8(ascii: "`"), UInt8(ascii: "["),
                UInt8(ascii: "<"), UInt8(ascii: "\\"), UInt8(ascii: "~"), UInt8(ascii: "_"), UInt8(ascii: "!"):
                return false
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                if first { return false }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            default:
                break
            }
            first = false
        }
        return true
    }

    /// The start of a text, cut at a word boundary, with " …" when cut.
    public static func excerpt(_ text: String, limit: Int = 180) -> String {
        let text = text.collapsingWhitespace
        guard text.utf8.count > limit, text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")) + " …"
    }

    private static func stripBlockMarkers(_ line: String) -> (String, Bool) {
        var text = Substring(line)
        while text.hasPrefix(">") { text = text.dropFirst().drop(while: { $0 == " " }) }
        if text.hasPrefix("#") {
            let hashes = text.prefix(while: { $0 == "#" })
            if hashes.count <= 6, text.dropFirst(hashes.count).first == " " {
                return (String(text.dropFirst(hashes.count + 1)), false)
            }
        }
        for marker in ["- ", "* ", "+ "] where text.hasPrefix(marker) {
            return (String(text.dropFirst(2)), true)
        }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                return (String(rest.dropFirst(2)), true)
            }
        }
        return (String(text), false)
    }

    /// What a backslash escapes in Markdown (CommonMark: ASCII punctuation).
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    private static func inline(_ text: String) -> String {
        // Every mark is ASCII: work on scalars, not characters.
        let chars = Array(text.unicodeScalars)
        func first(_ scalar: Unicode.Scalar, from start: Int) -> Int? {
            var index = start
            while index < chars.count {
                if chars[index] == scalar { return index }
                index += 1
            }
            return nil
        }
        // Links and images: [text](url) → text (url); autolinks <url> → url; escapes.
        var rebuilt: [Unicode.Scalar] = []
        rebuilt.reserveCapacity(chars.count)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if char == "\\", index + 1 < chars.count, asciiPunctuation.contains(chars[index + 1]) {
                rebuilt.append(chars[index + 1])
                index += 2
                continue
            }
            if char == "!", index + 1 < chars.count, chars[index + 1] == "[" {
                index += 1
                continue
            }
            if char == "[", let close = first("]", from: index), close + 1 < chars.count, chars[close + 1] == "(",
                let end = first(")", from: close + 1)
            {
                rebuilt += chars[(index + 1)..<close]
                if end > close + 2 { rebuilt += " (".unicodeScalars + chars[(close + 2)..<end] + ")".unicodeScalars }
                index = end + 1
                continue
            }
            if char == "<", let close = first(">", from: index) {
                let inner = String(String.UnicodeScalarView(chars[(index + 1)..<close]))
                if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                    rebuilt += inner.unicodeScalars
                    index = close + 1
                    continue
                }
            }
            rebuilt.append(char)
            index += 1
        }
        var out = String.UnicodeScalarView()
        for (offset, char) in rebuilt.enumerated() {
            switch char {
            case "*", "`":
                continue
            case "~", "_":
                let doubled =
                    (offset + 1 < rebuilt.count && rebuilt[offset + 1] == char)
                    || (offset > 0 && rebuilt[offset - 1] == char)
                if doubled { continue }
                out.append(char)
            default:
                out.append(char)
            }
        }
        return String(out)
    }
}

/// Flattened texts of one plan, each made once (a plan's task text goes into its JSON, two CSV
/// files and its search shard). Used on one thread, by one call.
final class FlatTexts {
    private var cache: [String: String] = [:]

    func callAsFunction(_ markdown: String) -> String {
        if let flat = cache[markdown] { return flat }
        let flat = PlainText.flatten(markdown)
        cache[markdown] = flat
        return flat
    }
}

/// The search key of a text: Vietnamese folding (`VietnameseText.fold`: lower case, no
/// diacritics, đ → d), then every character other than a–z and 0–9 as a space, spaces
/// collapsed. `assets/search.js` computes the same key for the query (`key()` there).
public enum SearchKey {
    public static func key(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if byte == separator {
                pendingSpace = true
            } else {
                if pendingSpace, !out.isEmpty { out.append(separator) }
                out.append(byte)
                pendingSpace = false
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.value < UInt32(table.count) {
                for byte in table[Int(scalar.value)] { append(byte) }
            } else {
                for byte in fold(scalar) { append(byte) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same key computed directly from `VietnameseText.fold`, slowly: what `key` must equal.
    public static func referenceKey(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in VietnameseText.fold(text).unicodeScalars {
            if isKeyCharacter(scalar.value) {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                out.append(scalar)
                pendingSpace = false
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }

    private static let separator = UInt8(ascii: " ")

    private static func isKeyCharacter(_ value: UInt32) -> Bool {
        (0x61...0x7A).contains(value) || (0x30...0x39).contains(value)
    }

    /// What one scalar becomes in a key: key bytes (a–z, 0–9) and separators, or nothing (a
    /// combining mark, removed by folding). Folding works scalar by scalar — decomposition,
    /// removing marks, đ → d, lower case — so the key of a text is the keys of its scalars.
    private static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        let folded = VietnameseText.fold(String(scalar))
        if folded.isEmpty { return scalar.properties.isWhitespace ? [separator] : [] }
        return folded.unicodeScalars.map { isKeyCharacter($0.value) ? UInt8($0.value) : separator }
    }

    /// `fold` of every scalar below U+2000: Latin with every Vietnamese letter, and the marks.
    private static let table: [[UInt8]] = (0..<0x2000).map { value in
        Unicode.Scalar(UInt32(value)).map(fold) ?? [separator]
    }

    /// The keys of several texts joined with a space. A text whose key is already contained in
    /// the keys before it (as whole words) adds nothing and is left out: "Sở Nội vụ" after
    /// "Sở Nội vụ tỉnh Đắk Nông". Every phrase found in the parts is still found in the result.
    static func key(_ texts: [String?]) -> String {
        var joined: [UInt8] = [separator]
        for text in texts {
            guard let text else { continue }
            let part = key(text)
            guard !part.isEmpty else { continue }
            let needle = [separator] + Array(part.utf8) + [separator]
            if contains(joined, needle) { continue }
            joined += Array(part.utf8) + [separator]
        }
        return String(decoding: joined.dropFirst().dropLast(), as: UTF8.self)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

extension DocumentDate {
    /// "ngày 18/07/2024", "tháng 07/2024" or "năm 2024", as the document prints it.
    var phrase: String {
        switch (day, month) {
        case (.some, .some): "ngày \(short)"
        case (nil, .some): "tháng \(short)"
        default: "năm \(year)"
        }
    }
}

extension Data {
    /// Lower-case hexadecimal.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

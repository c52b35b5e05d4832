/// Output encoding: one function per output context, in one place, so that every writer of
/// HTML, SVG, XML, JSON, CSV and iCalendar encodes a value the same way. See docs/safety.md
/// ("Mã hoá đầu ra / Output encoding") for the rule of each context.

/// HTML text and double-quoted HTML attribute values: `& < > " '` become references.
/// Templates get this through `{{…}}`; every attribute in a template is double-quoted.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// XML (SVG, Atom, sitemaps): text content and attribute values.
public enum XMLText {
    /// Text content: `&`, `<`, `>`, `"` and `'` become references, CR becomes `&#13;` (a parser
    /// would turn a bare CR into LF), and characters XML 1.0 does not allow (C0 controls other
    /// than tab and line feed, surrogates, U+FFFE, U+FFFF) are dropped, so that the output
    /// always parses.
    public static func escape(_ text: String) -> String { encode(text, attribute: false) }

    /// An attribute value between double quotes: as `escape`, and tab and line feed as
    /// references too, so that attribute-value normalisation does not change them.
    public static func attribute(_ text: String) -> String { encode(text, attribute: true) }

    private static func encode(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                let value = scalar.value
                let allowed =
                    value == 0x9 || value == 0xA || (0x20...0xD7FF).contains(value)
                    || (0xE000...0xFFFD).contains(value) || value >= 0x10000
                if allowed { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

/// Web addresses written into `href` and `src`, and the site settings that make them.
/// Only `http:`, `https:` and relative references are ever linked; anything else is text.
public enum WebAddress {
    /// Whether `url` may be written into `href` or `src`: an absolute `http`/`https` URL with a
    /// host, or a relative reference (no scheme, not `//host`). Never with white space, control
    /// characters or a backslash, which browsers strip or read as `/` ("java\tscript:").
    public static func isLinkable(_ url: String) -> Bool {
        guard !url.isEmpty, !url.unicodeScalars.contains(where: isForbidden) else { return false }
        if let scheme = scheme(of: url) {
            return isWebScheme(scheme) && hasHost(url, schemeLength: scheme.utf8.count)
        }
        return !url.hasPrefix("//")
    }

    /// An absolute `http`/`https` URL with a host, safe to link: what a report's evidence must
    /// be to become a link.
    public static func isAbsoluteWebURL(_ url: String) -> Bool {
        guard let scheme = scheme(of: url), isWebScheme(scheme) else { return false }
        return isLinkable(url)
    }

    /// The `webcal://` address of a calendar at an absolute `http`/`https` address (the scheme
    /// swapped, nothing else changed), which calendar programs open as a subscription; nil for
    /// anything else. Written into `href` it still goes through the HTML attribute escaping.
    public static func subscription(_ url: String) -> String? {
        guard isAbsoluteWebURL(url), let scheme = scheme(of: url) else { return nil }
        return "webcal" + url.dropFirst(scheme.count)
    }

    /// The link, or nil when it may not be linked (`isLinkable`).
    public static func link(_ url: String) -> String? { isLinkable(url) ? url : nil }

    /// What is wrong with a `base-url` setting, in Vietnamese, or nil when it is an absolute
    /// `http`/`https` URL with a host, no user name or password, no query or fragment, and no
    /// white space or control character.
    public static func baseURLProblem(_ text: String) -> String? {
        if let problem = characterProblem(text) { return problem }
        guard let scheme = scheme(of: text), isWebScheme(scheme) else {
            return "phải bắt đầu bằng http:// hoặc https://"
        }
        let rest = text.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//") else { return "phải bắt đầu bằng http:// hoặc https://" }
        let afterSlashes = rest.dropFirst(2)
        let authority = afterSlashes.prefix { $0 != "/" }
        let path = afterSlashes.dropFirst(authority.count)
        if authority.contains("@") { return "không được chứa tên đăng nhập hoặc mật khẩu (phần trước dấu @)" }
        guard isHostAndPort(authority) else { return "thiếu tên miền hợp lệ sau http:// hoặc https://" }
        if path.contains("?") || path.contains("#") { return "không được có phần truy vấn (?) hoặc neo (#)" }
        if escapesRoot(path) { return "đường dẫn không được dùng '..' để ra ngoài thư mục gốc" }
        return nil
    }

    /// What is wrong with a `base-path` setting, in Vietnamese, or nil when it is a path from
    /// the server's root ("/cchc/") or a relative path ("cchc/"): no scheme, no `//host`, no
    /// `..` above the start, no query or fragment, no white space or control character.
    public static func basePathProblem(_ text: String) -> String? {
        if let problem = characterProblem(text) { return problem }
        if scheme(of: text) != nil { return "không được có giao thức (như http: hay javascript:)" }
        if text.hasPrefix("//") { return "không được bắt đầu bằng '//' (đó là địa chỉ của máy chủ khác)" }
        if text.contains("?") || text.contains("#") { return "không được có phần truy vấn (?) hoặc neo (#)" }
        if escapesRoot(Substring(text)) { return "không được dùng '..' để ra ngoài thư mục gốc" }
        return nil
    }

    /// The scheme of an absolute URL: the letters before the first ":" when no "/", "?" or "#"
    /// comes before it (RFC 3986 §4.2: such a colon makes it absolute).
    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let head = url[..<colon]
        if head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }
        return String(head)
    }

    private static func isWebScheme(_ scheme: String) -> Bool {
        let lower = scheme.lowercased()
        return lower == "http" || lower == "https"
    }

    private static func hasHost(_ url: String, schemeLength: Int) -> Bool {
        let rest = url.utf8.dropFirst(schemeLength + 1)
        guard rest.starts(with: "//".utf8) else { return false }
        let authority = rest.dropFirst(2).prefix {
            $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
        }
        guard let text = String(authority) else { return false }
        let host = text.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        return isHostAndPort(host)
    }

    /// "example.gov.vn", "example.gov.vn:8080", "[::1]:8000".
    private static func isHostAndPort(_ authority: Substring) -> Bool {
        var host = authority
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let inside = host[host.index(after: host.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return false }
            let after = host[host.index(after: close)...]
            return after.isEmpty || (after.hasPrefix(":") && isPort(after.dropFirst()))
        }
        if let colon = host.lastIndex(of: ":") {
            guard isPort(host[host.index(after: colon)...]) else { return false }
            host = host[..<colon]
        }
        guard !host.isEmpty, !host.hasPrefix("."), !host.hasPrefix("-") else { return false }
        return host.unicodeScalars.allSatisfy { scalar in
            (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                || (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "-" || scalar == "."
        }
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether resolving the path's `..` segments ever goes above where it starts.
    private static func escapesRoot(_ path: Substring) -> Bool {
        var depth = 0
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return true }
            default:
                // "%2e%2e" is ".." to a server that decodes before resolving.
                if segment.lowercased().replacingOccurrences(of: "%2e", with: ".") == ".." { return true }
                depth += 1
            }
        }
        return false
    }

    /// What a link may never hold: C0 and C1 controls, DEL, every Unicode white space, line
    /// and paragraph separators, invisible and bidirectional controls, and the backslash.
    /// (Quotes and angle brackets are escaped by the HTML or XML writer, or percent-encoded.)
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x21 || (0x7F...0x9F).contains(value) { return true }
        if scalar.properties.isWhitespace { return true }
        if (0x200B...0x200F).contains(value) || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0xFEFF
        {
            return true
        }
        return scalar == "\\"
    }

    /// What a `base-url` or `base-path` may not hold besides (`isForbidden`): the characters
    /// RFC 3986 does not allow in a URL as they are.
    static func isForbiddenInSetting(_ scalar: Unicode.Scalar) -> Bool {
        isForbidden(scalar) || scalar == "\"" || scalar == "<" || scalar == ">" || scalar == "`" || scalar == "{"
            || scalar == "}" || scalar == "|" || scalar == "^"
    }

    private static func characterProblem(_ text: String) -> String? {
        if text.isEmpty { return "không được để trống" }
        if let bad = text.unicodeScalars.first(where: isForbiddenInSetting) {
            let value = bad.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x2028...0x2029).contains(value) {
                return "có ký tự điều khiển hoặc xuống dòng (U+\(hex(value)))"
            }
            if bad.properties.isWhitespace { return "có khoảng trắng (U+\(hex(value))); hãy bỏ hoặc viết thành %20" }
            return "có ký tự không được dùng trong địa chỉ web ('\(Character(bad))', U+\(hex(value)))"
        }
        return nil
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// JSON placed in a JavaScript file (the search index) or, one day, inline in HTML.
public enum JSONText {
    /// JSON text made safe inside `<script>` and in older JavaScript: U+2028 and U+2029 (line
    /// ends to JavaScript before ES2019) as `\u2028`, `\u2029`; `</` as `<\/` (no `</script>`
    /// can close the element); `<!--` as `\u003c!--`. All of these can only occur inside JSON
    /// strings, where the escapes mean the same characters.
    public static func forScript(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 16)
        var index = 0
        while index < json.count {
            let byte = json[index]
            if byte == 0xE2, index + 2 < json.count, json[index + 1] == 0x80,
                json[index + 2] == 0xA8 || json[index + 2] == 0xA9
            {
                out += Array((json[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 3
                continue
            }
            if byte == UInt8(ascii: "<"), index + 1 < json.count {
                if json[index + 1] == UInt8(ascii: "/") {
                    out += Array("<\\/".utf8)
                    index += 2
                    continue
                }
                if json[index + 1] == UInt8(ascii: "!") {
                    out += Array("\\u003c".utf8)
                    index += 1
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return out
    }
}

/// CSV cells opened by a spreadsheet (OWASP "CSV injection").
public enum CSVCell {
    /// A text cell that a spreadsheet would read as a formula — first character (after any
    /// spaces) `=`, `+`, `-`, `@`, tab or CR — gets a leading `'`, which spreadsheets show as
    /// text. A cell that is a plain decimal number ("-1.5", "12") is left as it is: it is a
    /// number, and can be nothing else.
    public static func guarded(_ cell: String) -> String {
        var utf8 = cell.utf8[...]
        while let first = utf8.first, first == UInt8(ascii: " ") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return isDecimalNumber(cell) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// "-12", "0.5", "-1.4888": an optional minus, digits, an optional point and digits.
    public static func isDecimalNumber(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        let whole = utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !whole.isEmpty else { return false }
        utf8 = utf8.dropFirst(whole.count)
        if utf8.isEmpty { return true }
        guard utf8.first == UInt8(ascii: ".") else { return false }
        let fraction = utf8.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// iCalendar (RFC 5545) property values.
public enum ICSValue {
    /// A TEXT value (§3.3.11): backslash, semicolon and comma escaped; line feed, and the
    /// Unicode line ends a parser may split on (U+0085, U+2028, U+2029), as `\n`; CR and every
    /// other control character dropped. Byte by byte over the UTF-8 (`ICSTextTests` checks it
    /// against the scalar-by-scalar definition).
    public static func text(_ value: String) -> String {
        var contiguous = value
        return contiguous.withUTF8 { bytes in
            // First look: most values have nothing to escape or drop.
            guard bytes.contains(where: needsWork) else { return value }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                offset += 1
                switch byte {
                case 0x5C, 0x3B, 0x2C:
                    out.append(0x5C)
                    out.append(byte)
                case 0x0A:
                    out.append(0x5C)
                    out.append(UInt8(ascii: "n"))
                case 0x00..<0x20, 0x7F: continue
                case 0xC2 where (0x80...0x9F).contains(bytes[offset]):
                    // U+0080–U+009F: NEL is a line end, the other C1 controls are dropped.
                    if bytes[offset] == 0x85 {
                        out.append(0x5C)
                        out.append(UInt8(ascii: "n"))
                    }
                    offset += 1
                case 0xE2 where bytes[offset] == 0x80 && (bytes[offset + 1] == 0xA8 || bytes[offset + 1] == 0xA9):
                    // U+2028, U+2029.
                    out.append(0x5C)
                    out.append(UInt8(ascii: "n"))
                    offset += 2
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A byte that starts something `text` changes: `\ ; ,`, a control, or the lead byte of a
    /// C1 control or of U+2028/U+2029 (then looked at with what follows).
    private static func needsWork(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x5C || byte == 0x3B || byte == 0x2C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    /// Any value as it goes on its content line, whatever its type (URI, UID, date, or TEXT
    /// already escaped): every control character and Unicode line end removed, so that nothing
    /// can end the line or start another property.
    public static func line(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars where !isControl(scalar) { out.append(scalar) }
        return String(out)
    }

    /// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }
}

/// Contact addresses of the portal's operator (`site.yaml`'s `email` and `phone`): what makes
/// one valid, and its `mailto:` or `tel:` link. The links are built only from the characters
/// checked here, so they never hold white space, quotes, `?`, `&`, `%` or `:` beyond the
/// scheme's: a `mailto:` link cannot add headers (`?cc=`, `?body=`) and neither can carry
/// script. (The HTML writer still escapes them as attribute values.)
extension WebAddress {
    /// What is wrong with an e-mail address, in Vietnamese, or nil when it is `local@domain`:
    /// a local part of ASCII letters, digits and `. _ + -` (not starting or ending with a dot,
    /// no two dots together) and a domain name of at least two labels, at most 254 characters.
    public static func emailProblem(_ text: String) -> String? {
        if let problem = characterProblem(text) { return problem }
        guard text.utf8.count <= 254 else { return "dài quá 254 ký tự" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return "phải có dạng ten@ten-mien (một dấu @, có phần trước và sau)"
        }
        let local = parts[0]
        let allowedLocal = local.unicodeScalars.allSatisfy {
            isASCIIAlphanumeric($0) || "._+-".unicodeScalars.contains($0)
        }
        guard allowedLocal, local.utf8.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else {
            return "phần trước dấu @ chỉ được có chữ cái không dấu, chữ số và các dấu . _ + -"
        }
        guard isDomainName(parts[1]) else {
            return "phần sau dấu @ phải là tên miền, ví dụ snv.daknong.gov.vn"
        }
        return nil
    }

    /// What is wrong with a telephone number, in Vietnamese, or nil when it is digits with
    /// optional spaces, dots, hyphens and parentheses, an optional leading `+`, and 3 to 15
    /// digits in all (3 for short numbers such as 1022; 15 is the longest international number).
    public static func phoneProblem(_ text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "có ký tự điều khiển hoặc xuống dòng"
        }
        let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let allowed = body.unicodeScalars.allSatisfy { isASCIIDigit($0) || " .-()".unicodeScalars.contains($0) }
        guard allowed else { return "chỉ được có chữ số, dấu cách, dấu chấm, gạch nối, ngoặc và dấu + ở đầu" }
        let digits = body.unicodeScalars.filter(isASCIIDigit).count
        guard (3...15).contains(digits) else { return "phải có từ 3 đến 15 chữ số" }
        return nil
    }

    /// `mailto:` followed by the address, or nil when `emailProblem` finds a problem.
    public static func mailto(_ email: String) -> String? {
        emailProblem(email) == nil ? "mailto:" + email : nil
    }

    /// `tel:` followed by the number's digits (with its leading `+`, RFC 3966's global form),
    /// or nil when `phoneProblem` finds a problem.
    public static func tel(_ phone: String) -> String? {
        guard phoneProblem(phone) == nil else { return nil }
        let digits = String(String.UnicodeScalarView(phone.unicodeScalars.filter(isASCIIDigit)))
        return "tel:" + (phone.hasPrefix("+") ? "+" : "") + digits
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIDigit(scalar) || (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// "snv.daknong.gov.vn": two or more labels of ASCII letters, digits and hyphens, none
    /// empty, none starting or ending with a hyphen, each at most 63 characters.
    private static func isDomainName(_ text: Substring) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.unicodeScalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "-" }
        }
    }
}

/// Parts of a shared fragment shown on screen only, between `<!--screen-->` and `<!--/screen-->`
/// (the appendix table's status column, absent from the printable appendix).
///
/// Content never puts these comments in a page: text is escaped, and Markdown's raw HTML is
/// turned into text.
enum ScreenOnly {
    static let open = Array("<!--screen-->".utf8)
    static let close = Array("<!--/screen-->".utf8)

    /// The fragment for the screen (markers removed) or for paper (marked parts removed).
    static func select(_ html: String, onScreen: Bool) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            guard let first = find(open, in: bytes, from: 0) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var position = 0
            var start: Int? = first
            while let opening = start {
                out.append(contentsOf: bytes[position..<opening])
                let inside = opening + open.count
                guard let closing = find(close, in: bytes, from: inside) else {
                    position = inside
                    break
                }
                if onScreen { out.append(contentsOf: bytes[inside..<closing]) }
                position = closing + close.count
                start = find(open, in: bytes, from: position)
            }
            out.append(contentsOf: bytes[position...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The offset of `needle` in `bytes` at or after `from`. Markers start with '<', so the
    /// search skips from one '<' to the next.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}

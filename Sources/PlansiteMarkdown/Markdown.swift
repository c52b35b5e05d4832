import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Markdown to HTML through cmark-gfm: GitHub tables, strikethrough and autolinks.
/// Safe mode: raw HTML in the source is shown as text, never passed through as markup.
/// This file is the only one that touches the C library and owns the memory it returns.
public enum Markdown {
    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Registers the extensions once per process (cmark-gfm keeps a global registry).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// - Parameter linkable: whether a link's or an image's address may be written into `href`
    ///   or `src` (plansite passes `WebAddress.isLinkable`: http, https and relative only). A link
    ///   whose address may not is shown as its text; an image, as its description.
    public static func html(_ source: String, linkable: (String) -> Bool) -> String {
        parsed(source) { parser, document in
            showRawHTMLAsText(in: document)
            unlinkAddresses(in: document, unless: linkable)
            guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? ""
    }

    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// Parses `source` with the GFM extensions and hands the document to `body`; nil when
    /// cmark-gfm cannot allocate a parser.
    private static func parsed<Result>(
        _ source: String, _ body: (OpaquePointer, OpaquePointer) -> Result
    ) -> Result? {
        _ = registered
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        source.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// The text a reader sees, without Markdown marks, on one line: "(*nếu có*)" → "(nếu có)".
    /// Through the same parser as `html`, so emphasis, links, lists and tables read the same
    /// way; raw HTML is kept as the characters written, as `html` shows it.
    public static func plainText(_ source: String) -> String {
        parsed(source) { _, document in text(of: document) } ?? source
    }

    private static func text(of document: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        var out = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let isLeaf = cmark_node_first_child(node) == nil
            if event == CMARK_EVENT_ENTER, isLeaf, let literal = cmark_node_get_literal(node) {
                out += String(cString: literal)
            }
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
                || (!isInline(type) && (isLeaf || event == CMARK_EVENT_EXIT))
            {
                out += " "
            }
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// Inline nodes (text, emphasis, links, strikethrough…) run on within a line; every other
    /// node (paragraph, list item, table cell…) ends with a space. cmark-gfm marks inline
    /// types, extensions' too, with the two high bits (CMARK_NODE_TYPE_INLINE).
    private static func isInline(_ type: cmark_node_type) -> Bool {
        (type.rawValue & 0xC000) == 0xC000
    }

    /// Replaces every raw HTML node with a text node holding the same characters, so that
    /// `<script>` written in a plan is displayed (escaped) rather than dropped or run.
    private static func showRawHTMLAsText(in document: OpaquePointer) {
        var htmlNodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK { htmlNodes.append(node) }
        }
        cmark_iter_free(iterator)
        for node in htmlNodes {
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            let trimmed = isBlock ? String(literal.reversed().drop(while: { $0 == "\n" }).reversed()) : literal
            cmark_node_set_literal(text, trimmed)
            if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
    }

    /// Replaces every link and image whose address is not `linkable` with its content (a
    /// link's text, an image's description), so that `javascript:`, `data:` or `mailto:`
    /// addresses are never written into the page.
    private static func unlinkAddresses(in document: OpaquePointer, unless linkable: (String) -> Bool) {
        var refused: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if !linkable(url) { refused.append(node) }
        }
        cmark_iter_free(iterator)
        // Outer links come first: their content (inner images included) moves out before they are freed.
        for node in refused {
            while let child = cmark_node_first_child(node) {
                cmark_node_unlink(child)
                cmark_node_insert_before(node, child)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

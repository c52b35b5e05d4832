import Mustache
import PlansiteModel

/// HTML escaping for templates: `HTMLText.escape` (`& < > "'`, byte for byte the same as
/// swift-mustache's own), over UTF-8 bytes, returning the string untouched when there is
/// nothing to escape — the common case. swift-mustache's default walks grapheme clusters,
/// which profiling showed as a seventh of a build. Templates select it with
/// `{{% CONTENT_TYPE: HTML }}`; a template without that line gets swift-mustache's default
/// escaping, which is as safe, only slower.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }

    /// Makes `{{% CONTENT_TYPE: HTML }}` select this escaping. Called before templates are parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLEscaping(), named: "HTML")
        return true
    }()
}

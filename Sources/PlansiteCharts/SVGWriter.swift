import PlansiteModel

/// Writes a ``Scene`` as SVG text: one element a line, coordinates with one decimal, text
/// escaped (`XMLText.escape`) and attribute values escaped (`XMLText.attribute`), and style
/// attributes only where they differ from what the parent group gives.
enum SVGWriter {
    static func write(_ scene: Scene) -> String {
        let id = XMLText.attribute(scene.id)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
        out += " viewBox=\"0 0 \(svgNumber(scene.width)) \(svgNumber(scene.height))\""
        out += " aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">\n"
        out += "<title id=\"\(id)-title\">\(XMLText.escape(scene.title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(XMLText.escape(scene.desc))</desc>\n"
        if !scene.patterns.isEmpty {
            out += "<defs>\n"
            for pattern in scene.patterns { out += self.pattern(pattern) + "\n" }
            out += "</defs>\n"
        }
        let base = TextStyle.base
        out += "<g font-family=\"\(Metrics.fontFamily)\" font-size=\"\(svgNumber(base.size))\""
        out += " fill=\"\(base.fill)\">\n"
        for node in scene.nodes { write(node, inherited: base, to: &out) }
        out += "</g>\n</svg>"
        return out
    }

    private static func pattern(_ pattern: PatternDef) -> String {
        let size = pattern.texture == .crossed ? "8" : "6"
        let stroke = "stroke=\"\(pattern.stripe)\" stroke-width=\"1.5\""
        let marks =
            switch pattern.texture {
            case .diagonal: "<path d=\"M-1 1l2-2M0 6l6-6M5 7l2-2\" \(stroke)/>"
            case .backDiagonal: "<path d=\"M-1 5l2 2M0 0l6 6M5 -1l2 2\" \(stroke)/>"
            case .horizontal: "<path d=\"M0 3H6\" \(stroke)/>"
            case .vertical: "<path d=\"M3 0V6\" \(stroke)/>"
            case .crossed: "<path d=\"M-1 1l2-2M0 8l8-8M7 9l2-2M-1 7l2 2M0 0l8 8M7 -1l2 2\" \(stroke)/>"
            case .dotted:
                "<circle cx=\"1.5\" cy=\"1.5\" r=\"1.1\" fill=\"\(pattern.stripe)\"/>"
                    + "<circle cx=\"4.5\" cy=\"4.5\" r=\"1.1\" fill=\"\(pattern.stripe)\"/>"
            }
        return "<pattern id=\"\(XMLText.attribute(pattern.id))\" width=\"\(size)\" height=\"\(size)\""
            + " patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"\(pattern.background)\"/>"
            + marks + "</pattern>"
    }

    private static func write(_ node: Node, inherited: TextStyle, to out: inout String) {
        switch node {
        case .rect(let rect, let fill, _, let title):
            out += "<rect"
            if rect.x != 0 { out += " x=\"\(svgNumber(rect.x))\"" }
            if rect.y != 0 { out += " y=\"\(svgNumber(rect.y))\"" }
            out += " width=\"\(svgNumber(rect.width))\" height=\"\(svgNumber(rect.height))\""
            if fill != inherited.fill { out += " fill=\"\(XMLText.attribute(fill))\"" }
            if let title {
                out += "><title>\(XMLText.escape(title))</title></rect>\n"
            } else {
                out += "/>\n"
            }
        case .path(let data, let stroke, let width):
            out += "<path d=\"\(XMLText.attribute(data))\" stroke=\"\(XMLText.attribute(stroke))\""
            if width != 1 { out += " stroke-width=\"\(svgNumber(width))\"" }
            out += "/>\n"
        case .text(let label):
            out += "<text x=\"\(svgNumber(label.x))\" y=\"\(svgNumber(label.y))\""
            out += styleAttributes(label.style, inherited: inherited)
            out += ">\(XMLText.escape(label.text))</text>\n"
        case .group(let title, let style, let children):
            let style = style ?? inherited
            out += "<g\(styleAttributes(style, inherited: inherited))>\n"
            if let title { out += "<title>\(XMLText.escape(title))</title>\n" }
            for child in children { write(child, inherited: style, to: &out) }
            out += "</g>\n"
        }
    }

    /// The presentation attributes of `style` that differ from the inherited style.
    private static func styleAttributes(_ style: TextStyle, inherited: TextStyle) -> String {
        var out = ""
        if style.anchor != inherited.anchor { out += " text-anchor=\"\(style.anchor.rawValue)\"" }
        if style.size != inherited.size { out += " font-size=\"\(svgNumber(style.size))\"" }
        if style.bold != inherited.bold { out += " font-weight=\"\(style.bold ? "bold" : "normal")\"" }
        if style.fill != inherited.fill { out += " fill=\"\(XMLText.attribute(style.fill))\"" }
        return out
    }
}

/// Path data for vertical lines at `xs`, each from `top` to `bottom`: "M10 20V40M30 20V40".
func verticalLines(at xs: [Double], from top: Double, to bottom: Double) -> String {
    xs.map { "M\(svgNumber($0)) \(svgNumber(top))V\(svgNumber(bottom))" }.joined()
}

/// Path data for horizontal lines at `ys`, each from `left` to `right`.
func horizontalLines(at ys: [Double], from left: Double, to right: Double) -> String {
    ys.map { "M\(svgNumber(left)) \(svgNumber($0))H\(svgNumber(right))" }.joined()
}

/// A rectangle in SVG user units.
struct Rect: Hashable, Sendable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// Whether `other` lies inside, allowing for floating-point noise.
    func contains(_ other: Rect) -> Bool {
        let slack = 1e-6
        return other.x >= x - slack && other.y >= y - slack && other.maxX <= maxX + slack
            && other.maxY <= maxY + slack
    }

    /// Whether the two rectangles share some area (touching edges do not count).
    func overlaps(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}

enum TextAnchor: String, Hashable, Sendable {
    case start, middle, end
}

/// How text is drawn; also the style a group hands down to its children.
struct TextStyle: Hashable, Sendable {
    var anchor = TextAnchor.start
    var size = Metrics.fontSize
    var bold = false
    var fill = Palette.text

    /// The style of the chart's outer group.
    static let base = TextStyle()
}

/// One line of text, placed by its anchor point on the baseline.
struct Label: Hashable, Sendable {
    let text: String
    let x: Double
    let y: Double
    let style: TextStyle

    init(_ text: String, x: Double, y: Double, style: TextStyle = .base) {
        self.text = text
        self.x = snap(x)
        self.y = snap(y)
        self.style = style
    }

    /// The box the text is estimated to cover, stacked Vietnamese diacritics included.
    var bounds: Rect {
        let width = TextMetrics.width(text, size: style.size, bold: style.bold)
        let left =
            switch style.anchor {
            case .start: x
            case .middle: x - width / 2
            case .end: x - width
            }
        return Rect(x: left, y: y - style.size, width: width, height: style.size * 1.25)
    }
}

/// What a rectangle stands for, so that tests can check each kind against its area.
enum RectRole: Hashable, Sendable {
    /// A data bar: stays inside a plot area.
    case bar
    /// A target marker, centred on its value.
    case marker
    /// A legend swatch.
    case swatch
}

/// What a chart draws, before it is written as SVG text.
indirect enum Node: Hashable, Sendable {
    /// A filled rectangle, with an optional tooltip written as its `<title>` child.
    case rect(Rect, fill: String, role: RectRole, title: String? = nil)
    /// Straight lines as path data ("M10 20V40"), stroked.
    case path(String, stroke: String, width: Double)
    case text(Label)
    /// A `<g>`: an optional tooltip `<title>`, an optional style for its children.
    case group(title: String?, style: TextStyle?, children: [Node])
}

/// A laid-out chart: its size, the areas bars must stay in, and what to draw.
struct Scene: Hashable, Sendable {
    let id: String
    let title: String
    let desc: String
    let width: Double
    let height: Double
    let patterns: [PatternDef]
    /// Where bars are drawn: each bar lies inside one of these.
    let plotAreas: [Rect]
    let nodes: [Node]

    init(
        id: String, title: String, desc: String, width: Double = Metrics.width, height: Double,
        patterns: [PatternDef] = [], plotAreas: [Rect] = [], nodes: [Node]
    ) {
        self.id = id
        self.title = title
        self.desc = desc
        self.width = width
        self.height = snap(height)
        self.patterns = patterns
        self.plotAreas = plotAreas
        self.nodes = nodes
    }

    var viewBox: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Every label, as drawn (with the style inherited from groups resolved).
    var labels: [Label] { Scene.collect(nodes).labels }

    /// Every rectangle with its role.
    var rects: [(rect: Rect, role: RectRole)] { Scene.collect(nodes).rects }

    private static func collect(_ nodes: [Node]) -> (
        labels: [Label], rects: [(rect: Rect, role: RectRole)]
    ) {
        var labels: [Label] = []
        var rects: [(rect: Rect, role: RectRole)] = []
        for node in nodes {
            switch node {
            case .text(let label): labels.append(label)
            case .rect(let rect, _, let role, _): rects.append((rect, role))
            case .path: break
            case .group(_, _, let children):
                let inner = collect(children)
                labels += inner.labels
                rects += inner.rects
            }
        }
        return (labels, rects)
    }
}

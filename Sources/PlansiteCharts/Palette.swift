/// Sizes shared by every chart, in SVG user units.
enum Metrics {
    /// The viewBox width; the SVG scales to the width of its container.
    static let width = 720.0
    static let margin = 8.0
    /// The font size of labels; no text is smaller.
    static let fontSize = 12.0
    static let headingSize = 13.0
    /// One row of a horizontal bar chart.
    static let rowHeight = 24.0
    static let fontFamily = "Arial, Helvetica, sans-serif"
}

/// Colours: the Okabe–Ito palette, safe for colour-blind readers, plus greys. Every text colour
/// has a contrast of at least 4.5:1 against white; marks also differ by shape, thickness or
/// hatching so that charts read in greyscale print.
enum Palette {
    /// Body text (contrast 17.4:1).
    static let text = "#1a1a1a"
    /// Axis tick labels (contrast 7:1).
    static let mutedText = "#595959"
    /// Gridlines.
    static let grid = "#d9d9d9"
    /// The zero line of an axis.
    static let axis = "#595959"
    /// The line above a group heading.
    static let rule = "#a6a6a6"
    /// Okabe–Ito blue: main bars (contrast 5.2:1).
    static let blue = "#0072b2"
    /// Okabe–Ito bluish green.
    static let green = "#009e73"
    /// Okabe–Ito sky blue, for hatching.
    static let skyBlue = "#56b4e9"
    /// Okabe–Ito vermillion, for hatching.
    static let vermillion = "#d55e00"
    /// Target markers.
    static let black = "#000"
    /// Every colour used for text.
    static let textColours = [text, mutedText]
}

/// A diagonal hatch: thin stripes on a light background, used as a `fill="url(#id)"`.
struct PatternDef: Hashable, Sendable {
    /// Unique in the page: the chart id and a suffix.
    let id: String
    let background: String
    let stripe: String

    var paint: String { "url(#\(id))" }
}

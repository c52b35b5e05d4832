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
    /// The gaps between the segments of a stacked bar, and the texture of status fills.
    static let white = "#fff"
    /// Every colour used for text.
    static let textColours = [text, mutedText]

    /// PlanTask statuses in progress charts. Each fill has a contrast of at least 3:1 against white
    /// and all but "done" carry a white texture of their own (`TaskStatus.chartTexture`), so that
    /// statuses differ in greyscale print and for colour-blind readers.
    /// Done: Okabe–Ito bluish green, solid (3.4:1).
    static let statusDone = green
    /// Not applicable: mid grey (4.5:1).
    static let statusNotApplicable = "#767676"
    /// On track: Okabe–Ito blue (5.2:1).
    static let statusOnTrack = blue
    /// Not started: a darker Okabe–Ito reddish purple (4.8:1).
    static let statusNotStarted = "#a8578b"
    /// Due soon: a darker Okabe–Ito orange (4.8:1).
    static let statusDueSoon = "#b35900"
    /// Not reported: dark grey (7:1).
    static let statusNotReported = "#595959"
    /// Overdue: red (6.5:1).
    static let statusOverdue = "#b3261e"
    /// Every status colour: each stands out against white (3:1).
    static let statusColours = [
        statusDone, statusNotApplicable, statusOnTrack, statusNotStarted, statusDueSoon, statusNotReported,
        statusOverdue,
    ]
}

/// A texture used as a `fill="url(#id)"`: by default a diagonal hatch, thin stripes on a light
/// background; other textures tell task statuses apart without colour.
struct PatternDef: Hashable, Sendable {
    enum Texture: Hashable, Sendable {
        /// Stripes rising to the right, 1.5 wide every 6 units.
        case diagonal
        /// Stripes falling to the right.
        case backDiagonal
        /// Horizontal lines every 6 units.
        case horizontal
        /// Vertical lines every 6 units.
        case vertical
        /// Both diagonals, every 8 units.
        case crossed
        /// Staggered dots.
        case dotted
    }

    /// Unique in the page: the chart id and a suffix.
    let id: String
    let background: String
    /// The colour of the stripes, lines or dots.
    let stripe: String
    var texture = Texture.diagonal

    var paint: String { "url(#\(id))" }
}

/// The description of a horizontal bar chart, one row per item, that ``RowChartLayout`` turns
/// into a ``Scene``: a label column on the left, then one or more panels, each with its own
/// zero-based scale, bars and a value text at the end of each row's bars.
struct RowChartSpec: Hashable, Sendable {
    var id: String
    var title: String
    var desc: String
    var patterns: [PatternDef] = []
    var legend: [LegendItem] = []
    /// The widest the row labels' column may be; longer labels are truncated with "…". The
    /// column is narrower when every label is.
    var labelColumn = 260.0
    var panels: [RowPanel]
    var sections: [RowSection]
}

/// A column of bars with its own scale.
struct RowPanel: Hashable, Sendable {
    /// Bold text above the panel's axis, when the chart has several panels.
    var header: String?
    /// The end of the scale; by default the largest value in the panel.
    var fixedMaximum: Double?
    /// Whether the values are counts, so ticks are whole numbers.
    var integerTicks = false
}

/// Rows under an optional heading, such as the criteria of one area.
struct RowSection: Hashable, Sendable {
    var heading: String?
    var rows: [ChartRow]
}

struct ChartRow: Hashable, Sendable {
    var label: String
    /// Extra left indent of the label, for sub-items.
    var indent = 0.0
    /// One cell per panel.
    var cells: [RowCell]
}

/// What one row shows in one panel: marks, then a text after them.
struct RowCell: Hashable, Sendable {
    var marks: [RowMark]
    var text: String
}

enum RowMark: Hashable, Sendable {
    /// A bar from zero to the value, `thickness` high, centred on the row.
    case bar(Double, thickness: Double, fill: String)
    /// A target: a black vertical stroke, taller than any bar.
    case tick(Double)

    var value: Double {
        switch self {
        case .bar(let value, _, _), .tick(let value): value
        }
    }
}

/// An entry of the legend line above the chart.
struct LegendItem: Hashable, Sendable {
    enum Swatch: Hashable, Sendable {
        /// A bar sample, as high as the bars it stands for.
        case bar(fill: String, height: Double)
        case tick
    }

    var swatch: Swatch
    var label: String
}

/// A chart drawn at build time: one inline `<svg>` element and the same numbers as a table.
public struct Chart: Hashable, Sendable {
    /// One `<svg>` element with its own `<title>` and `<desc>`, to embed in HTML as it is.
    /// It has a fixed width in user units and scales with the page's CSS.
    public let svg: String
    /// The numbers the chart shows, for a data table under it.
    public let table: ChartTable

    public init(svg: String, table: ChartTable) {
        self.svg = svg
        self.table = table
    }
}

/// The data table of a chart. Every cell is display text (Vietnamese numbers, "—" when unknown).
public struct ChartTable: Hashable, Sendable {
    /// The chart's title.
    public let caption: String
    public let headers: [String]
    /// One array of cells per row, as many cells as headers; empty when there is no data.
    public let rows: [[String]]

    public init(caption: String, headers: [String], rows: [[String]]) {
        self.caption = caption
        self.headers = headers
        self.rows = rows
    }
}

/// The cell written for a value that is not known.
let missingCell = "—"

/// The chart for an empty data set: a valid SVG that says so, with an empty table.
func emptyChart(id: String, title: String, headers: [String]) -> Chart {
    Chart(
        svg: SVGWriter.write(emptyScene(id: id, title: title)),
        table: ChartTable(caption: title, headers: headers, rows: []))
}

func emptyScene(id: String, title: String) -> Scene {
    let message = Label(
        "Chưa có số liệu", x: Metrics.width / 2, y: 38, style: TextStyle(anchor: .middle, size: 14))
    return Scene(
        id: id, title: title, desc: "Chưa có số liệu để vẽ biểu đồ này.", height: 60,
        nodes: [.text(message)])
}

/// Where a cell starts in a text file: its line and column, both from 1. Columns count Unicode
/// scalars of the normalised (NFC) text, as the loader's diagnostics and YAML's marks do.
struct TextPoint: Hashable, Sendable {
    var line: Int
    var column: Int
}

/// A CSV or TSV record: its cells and where each starts.
struct DelimitedRecord: Equatable {
    var cells: [String]
    var starts: [TextPoint]
    /// The line the record starts on.
    var line: Int { starts.first?.line ?? 1 }
}

/// Splits comma-, semicolon- or tab-separated text as Excel and LibreOffice save it (RFC 4180:
/// a quoted cell may hold the delimiter, line breaks and doubled quotes) into records, keeping
/// the line and column where every cell starts. Lenient where a spreadsheet is: a quote inside
/// an unquoted cell, or text after a closing quote, is kept as written; an unclosed quote runs
/// to the end of the text. The text's line ends must already be "\n".
enum DelimitedText {
    static func records(_ text: String, delimiter: Character) -> [DelimitedRecord] {
        guard let delimiterScalar = delimiter.unicodeScalars.first else { return [] }
        var records: [DelimitedRecord] = []
        var cells: [String] = []
        var starts: [TextPoint] = []
        var cell = String.UnicodeScalarView()
        var line = 1
        var column = 1
        var cellStart = TextPoint(line: 1, column: 1)
        var quoted = false
        var atCellStart = true
        var pendingQuote = false  // a quote seen inside quotes: closing, or the first of a pair

        func endCell() {
            cells.append(String(cell))
            starts.append(cellStart)
            cell = String.UnicodeScalarView()
            quoted = false
            atCellStart = true
        }
        func endRecord() {
            endCell()
            records.append(DelimitedRecord(cells: cells, starts: starts))
            cells = []
            starts = []
        }

        for scalar in text.unicodeScalars {
            if pendingQuote {
                pendingQuote = false
                if scalar == "\"" {
                    cell.append("\"")
                    column += 1
                    continue
                }
                quoted = false
            }
            if atCellStart {
                cellStart = TextPoint(line: line, column: column)
                atCellStart = false
                if scalar == "\"" {
                    quoted = true
                    column += 1
                    continue
                }
            }
            if quoted {
                if scalar == "\"" {
                    pendingQuote = true
                } else {
                    cell.append(scalar)
                }
            } else if scalar == delimiterScalar {
                endCell()
            } else if scalar == "\n" {
                endRecord()
            } else {
                cell.append(scalar)
            }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        // The last record, unless the text ended with a line break.
        if !atCellStart || !cells.isEmpty || pendingQuote {
            if atCellStart { cellStart = TextPoint(line: line, column: column) }
            endRecord()
        }
        return records
    }
}

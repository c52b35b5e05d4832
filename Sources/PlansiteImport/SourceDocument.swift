import Foundation
import PlansiteDiagnostics
import PlansiteModel

/// How an import file is written.
public enum SourceFormat: Sendable, Equatable {
    /// A Word document saved as text (the seed form): one table row per line, cells separated
    /// by tabs, no quoting; lines without a tab are the document's prose.
    case wordText
    /// Comma- or semicolon-separated values as Excel or LibreOffice save them (quoted cells
    /// may hold the separator and line breaks).
    case csv(delimiter: Character)
    /// Tab-separated values with the same quoting rules.
    case tsv

    /// The format a file name implies; for `.csv`, the delimiter is detected from the text.
    public static func detect(fileName: String, text: String) -> SourceFormat {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "csv": return .csv(delimiter: detectDelimiter(text))
        case "tsv", "tab": return .tsv
        default: return .wordText
        }
    }

    /// `;` when the first lines hold more semicolons than commas outside quotes (Excel in a
    /// locale with a decimal comma, such as Vietnamese), otherwise `,`.
    static func detectDelimiter(_ text: String) -> Character {
        var commas = 0
        var semicolons = 0
        var quoted = false
        var lines = 0
        for char in text {
            switch char {
            case "\"": quoted.toggle()
            case "," where !quoted: commas += 1
            case ";" where !quoted: semicolons += 1
            case "\n" where !quoted:
                lines += 1
                if lines >= 20 { break }
            default: break
            }
            if lines >= 20 { break }
        }
        return semicolons > commas ? ";" : ","
    }
}

/// One line of the source: a table row (cells) or a line of prose, and where it is.
struct SourceItem: Equatable {
    enum Content: Equatable {
        case row([String])
        case text(String)
        case blank
    }

    /// The line it starts on, counting from 1 (in a Word document, its position among the items).
    var line: Int
    var content: Content
    /// Where it starts, as diagnostics print it.
    var place: SourceLocation
    /// Where each cell of a row starts (a text file's line and column, a Word table's cell).
    var cellPlaces: [SourceLocation] = []
}

/// Reads an import file into rows and prose lines, with their places in `file`.
enum SourceReader {
    /// Text as read from disk: UTF-8 with or without a BOM, CRLF or CR line ends, NFC.
    static func normalise(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text.precomposedStringWithCanonicalMapping
    }

    static func read(_ rawText: String, format: SourceFormat, file: String) -> [SourceItem] {
        let text = normalise(rawText)
        switch format {
        case .wordText: return readWordText(text, file: file)
        case .csv(let delimiter): return readDelimited(text, delimiter: delimiter, file: file)
        case .tsv: return readDelimited(text, delimiter: "\t", file: file)
        }
    }

    private static func readWordText(_ text: String, file: String) -> [SourceItem] {
        var items: [SourceItem] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let place = SourceLocation(file: file, line: number, column: 1)
            if line.contains("\t") {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                    items.append(SourceItem(line: number, content: .blank, place: place))
                } else {
                    var column = 1
                    var places: [SourceLocation] = []
                    for cell in cells {
                        places.append(SourceLocation(file: file, line: number, column: column))
                        column += cell.unicodeScalars.count + 1
                    }
                    items.append(SourceItem(line: number, content: .row(cells), place: place, cellPlaces: places))
                }
            } else if line.allSatisfy(\.isWhitespace) {
                items.append(SourceItem(line: number, content: .blank, place: place))
            } else {
                items.append(SourceItem(line: number, content: .text(String(line)), place: place))
            }
        }
        return items
    }

    /// CSV or TSV, quoted cells as spreadsheets write them. A row with text in its first cell
    /// only is kept as a row: the table finder decides whether it is prose (before the first
    /// header) or data.
    private static func readDelimited(_ text: String, delimiter: Character, file: String) -> [SourceItem] {
        DelimitedText.records(text, delimiter: delimiter).map { record in
            let places = record.starts.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            let place = SourceLocation(file: file, line: record.line, column: 1)
            if record.cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                return SourceItem(line: record.line, content: .blank, place: place)
            }
            // A line break inside a quoted cell is a line break in the cell, not a new row.
            let cleaned = record.cells.map { $0.replacingOccurrences(of: "\n", with: "<br>") }
            return SourceItem(line: record.line, content: .row(cleaned), place: place, cellPlaces: places)
        }
    }
}

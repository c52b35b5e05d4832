import CSV
import Foundation
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

/// One line of the source: a table row (cells) or a line of prose.
struct SourceItem: Equatable {
    enum Content: Equatable {
        case row([String])
        case text(String)
        case blank
    }

    /// The line it starts on, counting from 1.
    var line: Int
    var content: Content
}

/// Reads an import file into rows and prose lines, with their line numbers.
enum SourceReader {
    /// Text as read from disk: UTF-8 with or without a BOM, CRLF or CR line ends, NFC.
    static func normalise(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return text.precomposedStringWithCanonicalMapping
    }

    static func read(_ rawText: String, format: SourceFormat) -> [SourceItem] {
        let text = normalise(rawText)
        switch format {
        case .wordText: return readWordText(text)
        case .csv(let delimiter): return readDelimited(text, delimiter: delimiter)
        case .tsv: return readDelimited(text, delimiter: "\t")
        }
    }

    private static func readWordText(_ text: String) -> [SourceItem] {
        var items: [SourceItem] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.contains("\t") {
                let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                    items.append(SourceItem(line: number, content: .blank))
                } else {
                    items.append(SourceItem(line: number, content: .row(cells)))
                }
            } else if line.allSatisfy(\.isWhitespace) {
                items.append(SourceItem(line: number, content: .blank))
            } else {
                items.append(SourceItem(line: number, content: .text(String(line))))
            }
        }
        return items
    }

    /// CSV or TSV through the CSV library. A row with text in its first cell only is kept as a
    /// row: the table finder decides whether it is prose (before the first header) or data.
    private static func readDelimited(_ text: String, delimiter: Character) -> [SourceItem] {
        guard let scalar = delimiter.unicodeScalars.first,
            let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: scalar)
        else { return readWordText(text) }
        var items: [SourceItem] = []
        var line = 1
        while let cells = reader.next() {
            let newlines = cells.reduce(0) { $0 + $1.filter { $0 == "\n" }.count }
            if cells.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
                items.append(SourceItem(line: line, content: .blank))
            } else {
                // A line break inside a quoted cell is a line break in the cell, not a new row.
                let cleaned = cells.map { $0.replacingOccurrences(of: "\n", with: "<br>") }
                items.append(SourceItem(line: line, content: .row(cleaned)))
            }
            line += 1 + newlines
        }
        return items
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteXLSX
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A run of text with its emphasis, or a line break.
struct DocxRun: Equatable {
    var text: String
    var bold = false
    var italic = false
    var isBreak = false
}

/// A paragraph of a .docx: its runs, its style and whether it is a list item.
struct DocxParagraph: Equatable {
    /// The paragraph's number among the body's paragraphs, from 1 ("đoạn 12"); 0 inside a table.
    var number: Int
    var styleId: String?
    var outlineLevel: Int?
    var isListItem = false
    var runs: [DocxRun] = []

    /// The text without emphasis, line breaks as "\n".
    var plainText: String { runs.map { $0.isBreak ? "\n" : $0.text }.joined() }

    /// The lines (split at line breaks) with emphasis as `<b>`/`<i>` (cells, for TableConverter)
    /// or as Markdown `**`/`*` (the body of plan.md).
    func lines(html: Bool) -> [String] {
        var lines: [String] = []
        var current = ""
        var pending: [DocxRun] = []
        func flush() {
            // Adjacent runs with the same emphasis are joined before marking them.
            var merged: [DocxRun] = []
            for run in pending {
                if var last = merged.last, last.bold == run.bold, last.italic == run.italic {
                    last.text += run.text
                    merged[merged.count - 1] = last
                } else {
                    merged.append(run)
                }
            }
            for run in merged {
                let trimmed = run.text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, run.bold || run.italic else {
                    current += run.text
                    continue
                }
                // Keep the spaces outside the marks: "**a** b", not "**a **b".
                let leading = String(run.text.prefix { $0 == " " })
                let trailing = String(run.text.reversed().prefix { $0 == " " })
                var marked = trimmed
                if html {
                    if run.italic { marked = "<i>\(marked)</i>" }
                    if run.bold { marked = "<b>\(marked)</b>" }
                } else {
                    if run.italic { marked = "*\(marked)*" }
                    if run.bold { marked = "**\(marked)**" }
                }
                current += leading + marked + trailing
            }
            pending = []
        }
        for run in runs {
            if run.isBreak {
                flush()
                lines.append(current)
                current = ""
            } else {
                pending.append(run)
            }
        }
        flush()
        lines.append(current)
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// A table cell: its paragraphs and how it is merged.
struct DocxCell: Equatable {
    enum VerticalMerge: Equatable {
        case none
        case restart
        /// The cell continues the merged cell above: Word shows it as part of that cell.
        case `continue`
    }

    var paragraphs: [DocxParagraph] = []
    var gridSpan = 1
    var verticalMerge = VerticalMerge.none
    /// A table inside the cell: its text is kept in the cell's paragraphs and reported.
    var hasNestedTable = false
}

struct DocxTable: Equatable {
    /// The table's number among the body's tables, from 1 ("bảng 2").
    var number: Int
    var rows: [[DocxCell]] = []

    /// The cells on the grid: a span of n columns gives its cell then n-1 empty ones; a cell
    /// continuing a vertical merge is empty (Word's text export writes both so, and the
    /// converter reads a blank cell as "same as above").
    var grid: [[DocxGridCell]] {
        rows.enumerated().map { rowOffset, row in
            var cells: [DocxGridCell] = []
            for cell in row {
                let column = cells.count + 1
                let text = cell.verticalMerge == .continue ? "" : Self.cellText(cell)
                cells.append(DocxGridCell(row: rowOffset + 1, column: column, text: text, source: cell))
                for extra in 1..<max(1, min(cell.gridSpan, 64)) {
                    cells.append(DocxGridCell(row: rowOffset + 1, column: column + extra, text: "", source: nil))
                }
            }
            return cells
        }
    }

    /// A cell as the text importer reads a Word export's cell: paragraphs joined by `<br>`,
    /// list items opened with "- ", emphasis as `<b>`/`<i>`.
    static func cellText(_ cell: DocxCell) -> String {
        var parts: [String] = []
        for paragraph in cell.paragraphs {
            for line in paragraph.lines(html: true) where !line.isEmpty {
                parts.append(paragraph.isListItem && !line.hasPrefix("-") ? "- " + line : line)
            }
        }
        return parts.joined(separator: "<br>")
    }
}

struct DocxGridCell: Equatable {
    var row: Int
    var column: Int
    var text: String
    var source: DocxCell?
}

/// A body-level block, in document order.
enum DocxBlock: Equatable {
    case paragraph(DocxParagraph)
    case table(DocxTable)
}

/// Something in the document that could not be read as text: a picture, a text box, a
/// footnote, a nested table, with its place.
struct DocxFinding: Equatable {
    var place: DocxPlace
    var message: String
}

/// Where a thing is in a .docx: a body paragraph, or a cell of a table.
public enum DocxPlace: Hashable, Sendable, CustomStringConvertible {
    case paragraph(Int)
    case cell(table: Int, row: Int, column: Int)
    case row(table: Int, row: Int)
    case document

    public var description: String {
        switch self {
        case .paragraph(let n): "đoạn \(n)"
        case .cell(let table, let row, let column): "bảng \(table), dòng \(row), ô \(column)"
        case .row(let table, let row): "bảng \(table), dòng \(row)"
        case .document: "toàn văn bản"
        }
    }

    /// Where a diagnostic points: printed as "plan.docx:bảng 2, dòng 3, ô 4" (or "đoạn 12"),
    /// with the paragraph or row as its line and the cell as its column for ordering.
    func location(in file: String) -> SourceLocation {
        let (line, column) = lineAndColumn
        return SourceLocation(file: file, line: line, column: column, cell: self == .document ? nil : description)
    }

    /// line = paragraph number or table row, column = cell (0 when none).
    var lineAndColumn: (Int, Int) {
        switch self {
        case .paragraph(let n): (n, 0)
        case .cell(_, let row, let column): (row, column)
        case .row(_, let row): (row, 0)
        case .document: (0, 0)
        }
    }
}

/// The parts of a .docx the importer reads.
struct DocxDocument {
    var blocks: [DocxBlock] = []
    /// Style id → (name, outline level) from word/styles.xml.
    var styles: [String: (name: String, outlineLevel: Int?)] = [:]
    var findings: [DocxFinding] = []

    /// The heading level of a paragraph (1 for "Heading 1"), from its style or outline level.
    func headingLevel(_ paragraph: DocxParagraph) -> Int? {
        if let level = paragraph.outlineLevel, level < 9 { return level + 1 }
        guard let id = paragraph.styleId else { return nil }
        if let style = styles[id] {
            if let level = style.outlineLevel, level < 9 { return level + 1 }
            let name = style.name.lowercased()
            if name.hasPrefix("heading "), let level = Int(name.dropFirst("heading ".count)) { return level }
            if name == "title" { return 1 }
        }
        let lowered = id.lowercased()
        if lowered.hasPrefix("heading"), let level = Int(lowered.dropFirst("heading".count)) { return level }
        return nil
    }
}

/// Why a .docx could not be read at all, in Vietnamese.
public enum DocxError: Error, Equatable, CustomStringConvertible {
    case notZip
    case missingDocument
    case tooLarge(part: String, bytes: UInt64, limit: Int)
    case tooManyEntries(limit: Int)
    case badXML(part: String, detail: String)
    case tooDeep(part: String, limit: Int)
    case encrypted

    public var description: String {
        switch self {
        case .notZip:
            "tệp không phải văn bản Word .docx (không mở được như một gói .docx); nếu là .doc cũ, hãy lưu lại "
                + "dưới dạng .docx trong Word"
        case .missingDocument:
            "gói .docx không có phần nội dung chính (word/document.xml); tệp bị hỏng hoặc không phải văn bản Word"
        case .tooLarge(let part, let bytes, let limit):
            "phần \(part) quá lớn khi giải nén (\(bytes) byte, tối đa \(limit) byte); tệp có thể bị hỏng hoặc "
                + "cố tình làm phình; không đọc"
        case .tooManyEntries(let limit):
            "gói .docx có quá nhiều phần (hơn \(limit)); tệp bị hỏng hoặc không phải văn bản Word"
        case .badXML(let part, let detail):
            "phần \(part) của văn bản bị hỏng, không đọc được (\(detail))"
        case .tooDeep(let part, let limit):
            "phần \(part) lồng nhau quá sâu (hơn \(limit) cấp); tệp bị hỏng hoặc cố tình làm hỏng; không đọc"
        case .encrypted:
            "văn bản được đặt mật khẩu; hãy bỏ mật khẩu trong Word rồi nhập lại"
        }
    }
}

/// Reads a .docx: the package through ZIPFoundation, its XML through Foundation's XMLParser.
/// Bounded: the number of entries, each part's uncompressed size (checked in the central
/// directory before reading, and again while inflating, since a header may lie), and the
/// depth of the XML.
enum DocxReader {
    struct Limits {
        var maxEntries = 1000
        var maxPartBytes = 32 * 1024 * 1024
        var maxDepth = 200
    }

    static func read(url: URL, limits: Limits = Limits()) throws -> DocxDocument {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            if let head = try? FileHandle(forReadingFrom: url).read(upToCount: 8),
                head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
            {
                throw DocxError.encrypted
            }
            throw DocxError.notZip
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries { throw DocxError.tooManyEntries(limit: limits.maxEntries) }
            entries[entry.path] = entry
        }
        guard let main = mainDocumentPath(archive: archive, entries: entries, limits: limits),
            let documentEntry = entries[main]
        else { throw DocxError.missingDocument }
        var document = DocxDocument()
        if let stylesEntry = entries["word/styles.xml"],
            let data = try? extract(stylesEntry, from: archive, limits: limits)
        {
            document.styles = StylesParser.parse(data, maxDepth: limits.maxDepth)
        }
        let data = try extract(documentEntry, from: archive, limits: limits)
        let body = BodyParser(maxDepth: limits.maxDepth)
        try body.parse(data, part: main)
        document.blocks = body.blocks
        document.findings = body.findings
        return document
    }

    /// word/document.xml, or the part [Content_Types].xml names as the main document.
    private static func mainDocumentPath(archive: Archive, entries: [String: Entry], limits: Limits) -> String? {
        if entries["word/document.xml"] != nil { return "word/document.xml" }
        guard let types = entries["[Content_Types].xml"],
            let data = try? extract(types, from: archive, limits: limits),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        // <Override PartName="/word/document2.xml" ContentType="…document.main+xml"/>
        for piece in text.components(separatedBy: "<Override") where piece.contains("document.main+xml") {
            if let range = piece.range(of: "PartName=\"/") {
                let rest = piece[range.upperBound...]
                let name = String(rest.prefix { $0 != "\"" })
                if entries[name] != nil { return name }
            }
        }
        return nil
    }

    private static func extract(_ entry: Entry, from archive: Archive, limits: Limits) throws(DocxError) -> Data {
        do {
            return try OfficePackage.extract(entry, from: archive, limit: limits.maxPartBytes)
        } catch .tooLarge(let bytes) {
            throw .tooLarge(part: entry.path, bytes: bytes, limit: limits.maxPartBytes)
        } catch {
            throw .badXML(part: entry.path, detail: "giải nén lỗi")
        }
    }
}

/// Style ids, names and outline levels of word/styles.xml.
private final class StylesParser: NSObject, XMLParserDelegate {
    var styles: [String: (name: String, outlineLevel: Int?)] = [:]
    private var currentId: String?
    private var currentName = ""
    private var currentLevel: Int?
    private var depth = 0
    private let maxDepth: Int

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    static func parse(_ data: Data, maxDepth: Int) -> [String: (name: String, outlineLevel: Int?)] {
        // Not UTF-8: no styles (see OfficePackage.parser); headings are then read from style ids.
        let delegate = StylesParser(maxDepth: maxDepth)
        _ = OfficePackage.parser(for: data, delegate: delegate)?.parse()
        return delegate.styles
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if depth > maxDepth { parser.abortParsing() }
        switch name {
        case "w:style":
            currentId = attributes["w:styleId"]
            currentName = ""
            currentLevel = nil
        case "w:name" where currentId != nil: currentName = attributes["w:val"] ?? ""
        case "w:outlineLvl" where currentId != nil: currentLevel = attributes["w:val"].flatMap { Int($0) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if name == "w:style", let id = currentId {
            styles[id] = (currentName, currentLevel)
            currentId = nil
        }
    }
}

/// The body of word/document.xml as paragraphs and tables.
private final class BodyParser: NSObject, XMLParserDelegate {
    private(set) var blocks: [DocxBlock] = []
    private(set) var findings: [DocxFinding] = []
    private let maxDepth: Int
    private var depth = 0
    private var tooDeep = false

    private var paragraphCount = 0
    private var tableCount = 0
    /// Open tables, innermost last (a table may sit in a cell).
    private var tables: [DocxTable] = []
    private var cells: [DocxCell] = []
    private var rows: [[DocxCell]] = []
    private var paragraph: DocxParagraph?
    private var paragraphDepth = 0
    private var inRun = false
    private var inRunProperties = false
    private var runBold = false
    private var runItalic = false
    private var inText = false
    private var text = ""
    /// Inside an element whose text is not document text (a deleted run, field instructions,
    /// a text box already reported): its depth, 0 when none.
    private var skipDepth = 0
    private var inBody = false

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    func parse(_ data: Data, part: String) throws {
        guard let parser = OfficePackage.parser(for: data, delegate: self) else {
            throw DocxError.badXML(part: part, detail: "không phải UTF-8")
        }
        let ok = parser.parse()
        if tooDeep { throw DocxError.tooDeep(part: part, limit: maxDepth) }
        if !ok || failed || parser.parserError != nil {
            let detail = parser.parserError.map { "dòng \(parser.lineNumber): \(($0 as NSError).code)" } ?? "XML hỏng"
            throw DocxError.badXML(part: part, detail: "lỗi XML ở \(detail)")
        }
    }

    /// Set when the parser reports an error (on Linux parse() may still return true).
    private var failed = false

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }

    func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) { failed = true }

    private var place: DocxPlace {
        if let table = tables.last {
            return .cell(table: table.number, row: rows.count + 1, column: cells.count + 1)
        }
        return .paragraph(paragraph?.number ?? paragraphCount)
    }

    private func note(_ message: String) {
        findings.append(DocxFinding(place: place, message: message))
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        if depth > maxDepth {
            tooDeep = true
            parser.abortParsing()
            return
        }
        if skipDepth > 0 { return }
        switch name {
        case "w:body": inBody = true
        case "w:tbl" where inBody:
            if tables.isEmpty {
                tableCount += 1
                tables.append(DocxTable(number: tableCount))
                rows = []
            } else {
                note("bảng nằm trong một ô của bảng khác: chữ được giữ trong ô, không giữ được dạng bảng")
                nestedTableDepth += 1
            }
        case "w:tr" where nestedTableDepth == 0 && !tables.isEmpty: cells = []
        case "w:tc" where nestedTableDepth == 0 && !tables.isEmpty: currentCell = DocxCell()
        case "w:gridSpan" where nestedTableDepth == 0:
            if let value = attributes["w:val"].flatMap({ Int($0) }), value > 1 { currentCell?.gridSpan = value }
        case "w:vMerge" where nestedTableDepth == 0:
            currentCell?.verticalMerge = attributes["w:val"] == "restart" ? .restart : .continue
        case "w:p" where inBody:
            if paragraph != nil {
                // A paragraph inside a paragraph: a text box or a shape's text.
                note("khung chữ (text box) trong đoạn: không chuyển được, chữ trong khung bị bỏ")
                skipDepth = depth
                return
            }
            if tables.isEmpty {
                paragraphCount += 1
                paragraph = DocxParagraph(number: paragraphCount)
            } else {
                paragraph = DocxParagraph(number: 0)
            }
            paragraphDepth = depth
        case "w:pStyle" where paragraph != nil && !inRun: paragraph?.styleId = attributes["w:val"]
        case "w:outlineLvl" where paragraph != nil && !inRun:
            paragraph?.outlineLevel = attributes["w:val"].flatMap { Int($0) }
        case "w:numPr" where paragraph != nil && !inRun: paragraph?.isListItem = true
        case "w:r" where paragraph != nil:
            inRun = true
            runBold = false
            runItalic = false
        case "w:rPr" where inRun: inRunProperties = true
        case "w:b" where inRunProperties: runBold = Self.isOn(attributes["w:val"])
        case "w:i" where inRunProperties: runItalic = Self.isOn(attributes["w:val"])
        case "w:t" where inRun:
            inText = true
            text = ""
        case "w:tab" where inRun: paragraph?.runs.append(DocxRun(text: " ", bold: runBold, italic: runItalic))
        case "w:br" where inRun, "w:cr" where inRun:
            if attributes["w:type"] == "page" || attributes["w:type"] == "column" { break }
            paragraph?.runs.append(DocxRun(text: "", isBreak: true))
        // Deleted text (tracked changes), field instructions, and the fallback copy of
        // content that also has a primary form (mc:AlternateContent): not document text.
        case "w:delText", "w:instrText", "w:del", "w:moveFrom", "mc:Fallback":
            skipDepth = depth
        case "w:txbxContent":
            note("khung chữ (text box): không chuyển được, chữ trong khung bị bỏ")
            skipDepth = depth
        case "w:drawing", "w:pict", "w:object":
            note("hình ảnh hoặc đối tượng nhúng: không chuyển được")
            skipDepth = depth
        case "w:footnoteReference", "w:endnoteReference":
            note("chú thích cuối trang: chỉ giữ vị trí, nội dung chú thích không được chuyển")
        case "m:oMath", "m:oMathPara":
            note("công thức toán: không chuyển được")
            skipDepth = depth
        default: break
        }
    }

    private var nestedTableDepth = 0
    private var currentCell: DocxCell?

    private static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, skipDepth == 0 { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        defer { depth -= 1 }
        if skipDepth > 0 {
            if depth == skipDepth { skipDepth = 0 }
            return
        }
        switch name {
        case "w:t" where inText:
            inText = false
            // NFC: text typed as "Unicode tổ hợp" (combining marks) reads as the precomposed form.
            if !text.isEmpty {
                paragraph?.runs.append(
                    DocxRun(text: text.precomposedStringWithCanonicalMapping, bold: runBold, italic: runItalic))
            }
        case "w:rPr": inRunProperties = false
        case "w:r": inRun = false
        case "w:p" where paragraph != nil && depth == paragraphDepth:
            guard let finished = paragraph else { break }
            paragraph = nil
            if tables.isEmpty {
                blocks.append(.paragraph(finished))
            } else {
                currentCell?.paragraphs.append(finished)
                if nestedTableDepth > 0 { currentCell?.hasNestedTable = true }
            }
        case "w:tc" where nestedTableDepth == 0:
            if let cell = currentCell { cells.append(cell) }
            currentCell = nil
        case "w:tr" where nestedTableDepth == 0 && !tables.isEmpty:
            rows.append(cells)
            cells = []
        case "w:tbl" where !tables.isEmpty:
            if nestedTableDepth > 0 {
                nestedTableDepth -= 1
            } else if var table = tables.popLast() {
                table.rows = rows
                rows = []
                blocks.append(.table(table))
            }
        default: break
        }
    }
}

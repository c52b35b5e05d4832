import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The cells of an .xlsx workbook's worksheets, read through ZIPFoundation and XMLParser:
/// shared strings (rich text runs joined, phonetic runs left out), inline strings, formula
/// results, numbers and booleans, each by its address.
public struct XLSXDocument: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        /// Cell text by zero-based (row, column); numbers as written in the file ("40", "45567").
        public var cells: [Cell: Value]

        public func value(_ row: Int, _ column: Int) -> Value? { cells[Cell(row: row, column: column)] }

        public var lastRow: Int { cells.keys.map(\.row).max() ?? -1 }
    }

    public struct Cell: Hashable, Sendable, Comparable {
        public var row: Int
        public var column: Int

        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }

        /// "D7" → row 6, column 3.
        public init?(address: String) {
            var column = 0
            var digits = ""
            for character in address.uppercased() {
                if let ascii = character.asciiValue, character.isLetter, digits.isEmpty {
                    column = column * 26 + Int(ascii - 64)
                } else if character.isNumber, character.isASCII {
                    digits.append(character)
                } else {
                    return nil
                }
            }
            guard column > 0, let row = Int(digits), row > 0 else { return nil }
            self.init(row: row - 1, column: column - 1)
        }

        public var address: String { xlsxAddress(row: row, column: column) }

        public static func < (a: Cell, b: Cell) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    public enum Value: Hashable, Sendable {
        case text(String)
        /// The number as the file writes it.
        case number(String)
        case bool(Bool)
        /// "#DIV/0!" and the like.
        case error(String)

        public var text: String {
            switch self {
            case .text(let text), .number(let text), .error(let text): text
            case .bool(let value): value ? "TRUE" : "FALSE"
            }
        }
    }

    public var sheets: [Sheet]

    public struct ReadError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// At most this many bytes are inflated from any one part of the workbook.
    public static let partLimit = 64 << 20

    public init(data: Data) throws(ReadError) {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ReadError(description: "không phải tệp Excel .xlsx (không mở được như tệp nén ZIP)")
        }
        func part(_ path: String) throws(ReadError) -> Data? {
            guard let entry = archive[path] else { return nil }
            let data: Data
            do {
                data = try OfficePackage.extract(entry, from: archive, limit: Self.partLimit)
            } catch .tooLarge {
                throw ReadError(description: "phần \(path) của tệp quá lớn")
            } catch {
                throw ReadError(description: "phần \(path) của tệp bị hỏng")
            }
            guard String(data: data, encoding: .utf8) != nil else {
                throw ReadError(description: "phần \(path) của tệp không phải văn bản UTF-8: tệp bị hỏng")
            }
            return data
        }
        guard let workbookXML = try part("xl/workbook.xml") else {
            throw ReadError(description: "không phải sổ tính Excel: thiếu xl/workbook.xml")
        }
        let relations = try part("xl/_rels/workbook.xml.rels").map(RelationsParser.parse) ?? [:]
        let shared = try part("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        var sheets: [Sheet] = []
        for (name, relation) in WorkbookParser.parse(workbookXML) {
            guard let target = relations[relation] else { continue }
            let path =
                target.hasPrefix("/")
                ? String(target.dropFirst()) : "xl/" + target.replacingOccurrences(of: "./", with: "")
            guard let xml = try part(path) else { continue }
            sheets.append(Sheet(name: name, cells: SheetParser.parse(xml, shared: shared)))
        }
        guard !sheets.isEmpty else { throw ReadError(description: "sổ tính không có trang tính nào") }
        self.sheets = sheets
    }
}

/// `xl/workbook.xml`: the sheets' names and relation ids, in order.
private final class WorkbookParser: NSObject, XMLParserDelegate {
    var sheets: [(String, String)] = []

    static func parse(_ data: Data) -> [(String, String)] {
        let delegate = WorkbookParser()
        _ = OfficePackage.parser(for: data, delegate: delegate)?.parse()
        return delegate.sheets
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard localName(name) == "sheet", let sheetName = attributes["name"] else { return }
        if let id = attributes.first(where: { localName($0.key) == "id" && $0.key != "sheetId" })?.value {
            sheets.append((sheetName, id))
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relation id → part path.
private final class RelationsParser: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    static func parse(_ data: Data) -> [String: String] {
        let delegate = RelationsParser()
        _ = OfficePackage.parser(for: data, delegate: delegate)?.parse()
        return delegate.targets
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if localName(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target
        }
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, runs joined, phonetic guides (`<rPh>`) left out.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0

    static func parse(_ data: Data) -> [String] {
        let delegate = SharedStringsParser()
        _ = OfficePackage.parser(for: data, delegate: delegate)?.parse()
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(name) {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "si": strings.append(current)
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// A worksheet part: `<c r="D7" t="…"><v>…</v></c>` and `<c t="inlineStr"><is><t>…</t></is></c>`.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var cells: [XLSXDocument.Cell: XLSXDocument.Value] = [:]
    var cell: XLSXDocument.Cell?
    var type = ""
    var text = ""
    var collecting = false
    var phonetic = 0
    var row = -1
    var column = -1

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String]) -> [XLSXDocument.Cell: XLSXDocument.Value] {
        let delegate = SheetParser(shared: shared)
        _ = OfficePackage.parser(for: data, delegate: delegate)?.parse()
        return delegate.cells
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch localName(name) {
        case "row":
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            column = -1
        case "c":
            // Cells without an address follow the previous one.
            if let address = attributes["r"], let parsed = XLSXDocument.Cell(address: address) {
                cell = parsed
            } else {
                cell = XLSXDocument.Cell(row: max(row, 0), column: column + 1)
            }
            column = cell!.column
            type = attributes["t"] ?? "n"
            text = ""
        case "v": collecting = true
        case "rPh": phonetic += 1
        case "t": collecting = type == "inlineStr" && phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch localName(name) {
        case "v", "t": collecting = false
        case "rPh": phonetic -= 1
        case "c":
            guard let cell else { return }
            let value: XLSXDocument.Value?
            switch type {
            case "s":
                value = Int(text.trimmingCharacters(in: .whitespaces)).flatMap {
                    shared.indices.contains($0) ? .text(shared[$0]) : nil
                }
            case "inlineStr", "str": value = .text(text)
            case "b": value = .bool(text == "1")
            case "e": value = .error(text)
            default: value = text.isEmpty ? nil : .number(text)
            }
            if let value { cells[cell] = value }
            self.cell = nil
        default: break
        }
    }
}

private func localName(_ name: String) -> String {
    name.split(separator: ":").last.map(String.init) ?? name
}

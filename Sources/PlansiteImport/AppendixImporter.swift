import Foundation
import PlansiteModel

/// Converts appendix tables as Word, Excel or LibreOffice export them into the content format.
/// See docs/import.md for the rules.
public struct AppendixImporter: Sendable {
    public struct Options: Sendable {
        /// The index of every imported table; detected from the title when nil.
        public var index: IndexKind?
        /// The registry locality to match names in; inferred from the names when nil.
        public var locality: String?
        /// Import only the n-th table of the document (from 1).
        public var table: Int?

        public init(index: IndexKind? = nil, locality: String? = nil, table: Int? = nil) {
            self.index = index
            self.locality = locality
            self.table = table
        }
    }

    public let registry: Registry?
    public let options: Options

    public init(registry: Registry?, options: Options = Options()) {
        self.registry = registry
        self.options = options
    }

    /// Reads a file from disk, its format from its extension; `file` is how diagnostics name it
    /// (the path as given when nil).
    public func importFile(_ url: URL, file: String? = nil) throws -> ImportResult {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError.notUTF8(url.path)
        }
        return importText(
            text, format: SourceFormat.detect(fileName: url.lastPathComponent, text: text), file: file ?? url.path)
    }

    /// Converts `text`; `file` is how its diagnostics name it.
    public func importText(_ text: String, format: SourceFormat, file: String = "input") -> ImportResult {
        let items = SourceReader.read(text, format: format, file: file)
        var (tables, notes) = TableFinder.find(in: items)
        let found = tables.count
        if let wanted = options.table {
            tables = wanted >= 1 && wanted <= tables.count ? [tables[wanted - 1]] : []
        }
        let locality = options.locality ?? registry?.bestLocality(for: tables.flatMap(\.departmentEntries))
        let appendices = tables.enumerated().map { offset, table in
            var converter = TableConverter(
                table: table, tableNumber: options.table ?? (offset + 1),
                departments: DepartmentCellReader(registry: registry, locality: locality), index: options.index)
            return converter.convert()
        }
        return ImportResult(appendices: appendices, documentDiagnostics: notes, locality: locality, tablesFound: found)
    }
}

public enum ImportError: Error, CustomStringConvertible {
    case notUTF8(String)

    public var description: String {
        switch self {
        case .notUTF8(let path): "\(path) không phải văn bản UTF-8; hãy lưu lại dưới dạng UTF-8 (CSV UTF-8 trong Excel)"
        }
    }
}

/// The index an appendix title names ("… CHỈ SỐ PAPI NĂM 2024" → papi), nil when none or unclear.
enum IndexDetector {
    static func detect(_ title: String) -> IndexKind? {
        let folded = VietnameseText.fold(title)
        var found: [(Int, IndexKind)] = []
        let patterns: [(String, IndexKind)] = [
            ("sipas", .sipas), ("hai long", .sipas), ("papi", .papi), ("par index", .parIndex), ("cchc", .parIndex),
            ("cai cach hanh chinh", .parIndex),
        ]
        for (pattern, index) in patterns {
            if let range = folded.range(of: pattern) {
                found.append((folded.distance(from: folded.startIndex, to: range.lowerBound), index))
            }
        }
        return found.min { $0.0 < $1.0 }?.1
    }
}

import CXlsxWriter
import Foundation

/// A workbook described as values, written to .xlsx bytes through libxlsxwriter. The same
/// description gives the same bytes: the creation time is part of the description (never the
/// clock) and libxlsxwriter stamps the ZIP entries with a fixed date.
public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]
    /// The document properties' creation time, in seconds since 1970 (UTC).
    public var created: Int
    public var title: String?
    public var author: String?

    public init(sheets: [XLSXSheet], created: Int, title: String? = nil, author: String? = nil) {
        self.sheets = sheets
        self.created = created
        self.title = title
        self.author = author
    }

    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The .xlsx file's bytes.
    public func data() throws(WriteError) -> Data {
        let folder = Self.scratch.appendingPathComponent("plansite-xlsx-" + UUID().uuidString, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "không tạo được thư mục tạm \(folder.path)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("book.xlsx").path
        try CreationTimeGate.shared.with(created) { () throws(WriteError) in
            try write(to: file, temporaryFolder: folder.path)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw WriteError(description: "không đọc lại được tệp .xlsx vừa ghi")
        }
        return data
    }

    /// Where libxlsxwriter's temporary parts and the finished file go: a memory file system
    /// when there is one (`/dev/shm` on Linux: a workbook is a dozen small files, created and
    /// deleted at once, which costs a disk-backed file system far more than writing them),
    /// otherwise the temporary folder. The files live only while `data()` runs.
    static let scratch: URL = {
        let memory = "/dev/shm"
        if access(memory, W_OK | X_OK) == 0 { return URL(fileURLWithPath: memory, isDirectory: true) }
        return FileManager.default.temporaryDirectory
    }()

    private func write(to path: String, temporaryFolder: String) throws(WriteError) {
        // Every C string handed to libxlsxwriter lives until the workbook is closed.
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { for string in strings { free(string) } }
        func c(_ text: String) -> UnsafeMutablePointer<CChar> {
            let pointer = strdup(text)!
            strings.append(pointer)
            return pointer
        }
        var options = lxw_workbook_options()
        options.tmpdir = c(temporaryFolder)
        guard let workbook = workbook_new_opt(path, &options) else {
            throw WriteError(description: "libxlsxwriter không tạo được sổ tính")
        }
        var properties = lxw_doc_properties()
        properties.created = time_t(created)
        if let title { properties.title = c(title) }
        if let author { properties.author = c(author) }
        workbook_set_properties(workbook, &properties)

        var formats: [XLSXStyle: UnsafeMutablePointer<lxw_format>] = [:]
        func format(_ style: XLSXStyle) -> UnsafeMutablePointer<lxw_format> {
            if let existing = formats[style] { return existing }
            let format = workbook_add_format(workbook)!
            format_set_font_name(format, "Times New Roman")
            format_set_font_size(format, style.fontSize)
            if style.bold { format_set_bold(format) }
            if style.italic { format_set_italic(format) }
            if style.wrap { format_set_text_wrap(format) }
            if !style.locked { format_set_unlocked(format) }
            if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
            if let fill = style.fill { format_set_bg_color(format, lxw_color_t(fill)) }
            if style.centred { format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue)) }
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            if style.text { format_set_num_format(format, "@") }
            formats[style] = format
            return format
        }

        var failure: String?
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                failure = "tên trang tính '\(sheet.name)' không hợp lệ"
                break
            }
            for (column, spec) in sheet.columns.enumerated() {
                worksheet_set_column(
                    worksheet, lxw_col_t(column), lxw_col_t(column), spec.width, spec.style.map(format))
            }
            for cell in sheet.cells {
                let row = lxw_row_t(cell.row)
                let column = lxw_col_t(cell.column)
                let style = format(cell.style)
                switch cell.value {
                case .text(let text) where text.isEmpty: worksheet_write_blank(worksheet, row, column, style)
                case .text(let text): worksheet_write_string(worksheet, row, column, text, style)
                case .number(let number): worksheet_write_number(worksheet, row, column, number, style)
                case .blank: worksheet_write_blank(worksheet, row, column, style)
                }
            }
            for merge in sheet.merges {
                worksheet_merge_range(
                    worksheet, lxw_row_t(merge.firstRow), lxw_col_t(merge.firstColumn), lxw_row_t(merge.lastRow),
                    lxw_col_t(merge.lastColumn), merge.text, format(merge.style))
            }
            for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
                worksheet_set_row(worksheet, lxw_row_t(row), height, nil)
            }
            for validation in sheet.validations {
                var rule = lxw_data_validation()
                var list: [UnsafeMutablePointer<CChar>?] = []
                switch validation.kind {
                case .list(let values):
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                    list = values.map { c($0) } + [nil]
                case .wholeNumber(let minimum, let maximum):
                    rule.validate = UInt8(LXW_VALIDATION_TYPE_INTEGER.rawValue)
                    rule.criteria = UInt8(LXW_VALIDATION_CRITERIA_BETWEEN.rawValue)
                    rule.minimum_number = Double(minimum)
                    rule.maximum_number = Double(maximum)
                }
                rule.error_title = c(validation.errorTitle)
                rule.error_message = c(validation.errorMessage)
                if let prompt = validation.prompt {
                    rule.input_title = c(prompt.title)
                    rule.input_message = c(prompt.message)
                }
                let status = list.withUnsafeMutableBufferPointer { buffer in
                    if !buffer.isEmpty { rule.value_list = buffer.baseAddress }
                    return worksheet_data_validation_range(
                        worksheet, lxw_row_t(validation.firstRow), lxw_col_t(validation.column),
                        lxw_row_t(validation.lastRow), lxw_col_t(validation.column), &rule)
                }
                if status != LXW_NO_ERROR {
                    failure = "quy tắc kiểm tra dữ liệu không hợp lệ: " + String(cString: lxw_strerror(status))
                }
            }
            if let frozen = sheet.frozenRows { worksheet_freeze_panes(worksheet, lxw_row_t(frozen), 0) }
            if sheet.autofilterHeaderRow != nil || sheet.repeatRows != nil {
                if let header = sheet.autofilterHeaderRow, let last = sheet.cells.map(\.row).max() {
                    worksheet_autofilter(
                        worksheet, lxw_row_t(header), 0, lxw_row_t(last), lxw_col_t(max(sheet.columns.count - 1, 0)))
                }
                if let rows = sheet.repeatRows {
                    worksheet_repeat_rows(worksheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound))
                }
            }
            if sheet.print.landscape { worksheet_set_landscape(worksheet) }
            worksheet_set_paper(worksheet, sheet.print.paper)
            if sheet.print.fitToWidth { worksheet_fit_to_pages(worksheet, 1, 0) }
            worksheet_set_margins(worksheet, 0.5, 0.5, 0.6, 0.6)
            if sheet.protected {
                var protection = lxw_protection()
                protection.format_columns = 1
                protection.format_rows = 1
                worksheet_protect(worksheet, nil, &protection)
            }
        }
        let status = workbook_close(workbook)
        if let failure { throw WriteError(description: failure) }
        guard status == LXW_NO_ERROR else {
            throw WriteError(description: "libxlsxwriter không ghi được tệp: " + String(cString: lxw_strerror(status)))
        }
    }
}

/// One worksheet: cells by zero-based row and column, and how it is laid out and printed.
public struct XLSXSheet: Sendable {
    public var name: String
    public var columns: [Column]
    public var cells: [XLSXCell] = []
    public var merges: [Merge] = []
    public var validations: [Validation] = []
    public var rowHeights: [Int: Double] = [:]
    /// Rows above this one stay on screen when scrolling.
    public var frozenRows: Int?
    /// The header row of a filterable table running to the last row.
    public var autofilterHeaderRow: Int?
    /// Rows printed at the top of every page.
    public var repeatRows: ClosedRange<Int>?
    public var print = Print()
    /// Sheet protection without a password: locked cells cannot be edited, unlocked ones can.
    public var protected = false

    public init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }

    public struct Column: Sendable {
        public var width: Double
        /// The column's default style (for cells not written), e.g. unlocked for fill-in columns.
        public var style: XLSXStyle?

        public init(width: Double, style: XLSXStyle? = nil) {
            self.width = width
            self.style = style
        }
    }

    public struct Merge: Sendable {
        public var firstRow: Int
        public var firstColumn: Int
        public var lastRow: Int
        public var lastColumn: Int
        public var text: String
        public var style: XLSXStyle

        public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>, text: String, style: XLSXStyle) {
            (firstRow, lastRow, firstColumn, lastColumn) = (
                rows.lowerBound, rows.upperBound, columns.lowerBound, columns.upperBound
            )
            self.text = text
            self.style = style
        }
    }

    public struct Validation: Sendable {
        public enum Kind: Sendable {
            /// A drop-down of exactly these values.
            case list([String])
            case wholeNumber(Int, Int)
        }

        public var kind: Kind
        public var column: Int
        public var firstRow: Int
        public var lastRow: Int
        public var errorTitle: String
        public var errorMessage: String
        public var prompt: (title: String, message: String)?

        public init(
            _ kind: Kind, column: Int, rows: ClosedRange<Int>, errorTitle: String, errorMessage: String,
            prompt: (title: String, message: String)? = nil
        ) {
            self.kind = kind
            self.column = column
            (firstRow, lastRow) = (rows.lowerBound, rows.upperBound)
            self.errorTitle = errorTitle
            self.errorMessage = errorMessage
            self.prompt = prompt
        }
    }

    public struct Print: Sendable {
        public var landscape = true
        /// 9 is A4.
        public var paper: UInt8 = 9
        public var fitToWidth = true

        public init() {}
    }

    public mutating func set(_ row: Int, _ column: Int, _ value: XLSXCell.Value, _ style: XLSXStyle = .init()) {
        cells.append(XLSXCell(row: row, column: column, value: value, style: style))
    }
}

public struct XLSXCell: Sendable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Double)
        case blank
    }

    public var row: Int
    public var column: Int
    public var value: Value
    public var style: XLSXStyle
}

/// How a cell looks and whether sheet protection keeps it.
public struct XLSXStyle: Hashable, Sendable {
    public var bold = false
    public var italic = false
    public var wrap = true
    public var locked = true
    public var border = false
    public var centred = false
    /// Stored as text ("@"), so that "19/9/2024" or "1.4" stays as typed.
    public var text = false
    /// 0xRRGGBB.
    public var fill: Int?
    public var fontSize: Double = 12

    public init(
        bold: Bool = false, italic: Bool = false, wrap: Bool = true, locked: Bool = true, border: Bool = false,
        centred: Bool = false, text: Bool = false, fill: Int? = nil, fontSize: Double = 12
    ) {
        self.bold = bold
        self.italic = italic
        self.wrap = wrap
        self.locked = locked
        self.border = border
        self.centred = centred
        self.text = text
        self.fill = fill
        self.fontSize = fontSize
    }
}

/// "D7" for zero-based row 6, column 3.
public func xlsxAddress(row: Int, column: Int) -> String {
    xlsxColumnName(column) + String(row + 1)
}

/// "A", "B", …, "Z", "AA" for zero-based columns.
public func xlsxColumnName(_ column: Int) -> String {
    var name = ""
    var number = column + 1
    while number > 0 {
        let remainder = (number - 1) % 26
        name = String(UnicodeScalar(UInt8(65 + remainder))) + name
        number = (number - 1) / 26
    }
    return name
}

/// libxlsxwriter writes a workbook's creation and modification times through `gmtime`, whose
/// result is one buffer for the whole process: two workbooks closed at once on two threads with
/// different times can each get the other's (seen as a department's workbook that differed
/// between two builds of the same content, run side by side with another as-of date). Workbooks
/// with the same time — all of one build's, which take it from the as-of date — are still
/// written in parallel; one with another time waits until none is being written.
final class CreationTimeGate: @unchecked Sendable {
    static let shared = CreationTimeGate()
    // `time` and `writing` are read and changed only with `condition` locked.
    private let condition = NSCondition()
    private var time: Int?
    private var writing = 0

    func with<T, E: Error>(_ created: Int, _ body: () throws(E) -> T) throws(E) -> T {
        condition.lock()
        while writing > 0, time != created { condition.wait() }
        time = created
        writing += 1
        condition.unlock()
        defer {
            condition.lock()
            writing -= 1
            if writing == 0 {
                time = nil
                condition.broadcast()
            }
            condition.unlock()
        }
        return try body()
    }
}

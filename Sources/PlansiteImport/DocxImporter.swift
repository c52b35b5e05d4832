import Foundation
import PlansiteDiagnostics
import PlansiteModel

/// The header fields read from a document: what `plan.md`'s front matter gets.
public struct DocxHeader: Sendable, Equatable {
    public var kind: DocumentKind?
    public var number: String?
    public var issuer: String?
    /// The issuer block as printed ("UBND TỈNH ĐẮK NÔNG", "VĂN PHÒNG").
    public var issuerLines: [String] = []
    public var hasMotto = false
    public var place: String?
    /// "18/7/2024", "7/2024" or "2024", as the document gives it.
    public var date: String?
    public var year: Int?
    public var title: String?
    public var addressees: [String] = []
    public var recipients: [String] = []
    public var signerAuthority: String?
    public var signerTitle: String?
    public var signerName: String?
}

/// `plansite import plan.docx`: a whole plan from a Word document, into a plan folder.
public struct DocxImporter {
    public struct Options: Sendable {
        public var index: IndexKind?
        public var locality: String?

        public init(index: IndexKind? = nil, locality: String? = nil) {
            self.index = index
            self.locality = locality
        }
    }

    /// What the import gives: the files of the plan folder and the report.
    public struct Result: Sendable {
        public var header = DocxHeader()
        public var locality: String?
        public var indices: [IndexKind] = []
        /// plan.md's text; nil when the document could not be read.
        public var planText: String?
        /// phu-luc-<n>.yaml → text.
        public var appendixFiles: [(name: String, text: String)] = []
        public var appendices: [ImportedAppendix] = []
        /// Every part that could not be mapped, each name missing from the registry, and every
        /// failure, with its place in the document.
        public var diagnostics: [Diagnostic] = []
        /// Readings to confirm (a name found inside a sentence, a missing title …), not failures:
        /// notes at their place.
        public var readings: [Diagnostic] = []
        /// Department names the registry does not know, as written, once each.
        public var unknownDepartments: [String] = []

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var registry: Registry?
    public var options: Options
    var limits = DocxReader.Limits()

    public init(registry: Registry?, options: Options = Options()) {
        self.registry = registry
        self.options = options
    }

    /// Reads `url`; `name` is how the report names the file ("plan.docx"). Never throws: a
    /// document that cannot be read gives an error diagnostic and no plan text.
    public func importDocument(_ url: URL, name: String) -> Result {
        var result = Result()
        let document: DocxDocument
        do {
            document = try DocxReader.read(url: url, limits: limits)
        } catch let error as DocxError {
            result.diagnostics.append(
                Diagnostic(.error, .unreadableDocument, error.description, at: SourceLocation(file: name)))
            return result
        } catch {
            result.diagnostics.append(
                Diagnostic(
                    .error, .unreadableDocument, "không đọc được văn bản: \(error.localizedDescription)",
                    at: SourceLocation(file: name)))
            return result
        }
        return convert(document, name: name)
    }

    func convert(_ document: DocxDocument, name: String) -> Result {
        var result = Result()
        func report(_ severity: Severity, _ code: DiagnosticCode, _ place: DocxPlace, _ message: String) {
            result.diagnostics.append(Diagnostic(severity, code, message, at: place.location(in: name)))
        }
        for finding in document.findings { report(.warning, .unmappedContent, finding.place, finding.message) }

        let blocks = document.blocks
        var header = DocxHeader()
        var used = Set<Int>()  // block offsets consumed as header fields

        // 1. The header: a borderless two-column table at the start (or the same lines as paragraphs).
        var start = 0
        while start < blocks.count, case .paragraph(let p) = blocks[start], p.plainText.trimmingWhitespace().isEmpty {
            start += 1
        }
        if start < blocks.count, case .table(let table) = blocks[start], Self.isHeaderTable(table) {
            let columns = Self.columnLines(table)
            readHeaderLines(columns.left, into: &header, left: true)
            readHeaderLines(columns.right, into: &header, left: false)
            used.insert(start)
            start += 1
        }
        // Leading paragraphs that are header lines ("Số: …", "<nơi>, ngày …", the motto).
        var offset = start
        while offset < blocks.count, case .paragraph(let p) = blocks[offset] {
            let lines = p.plainText.split(separator: "\n").map { String($0).trimmingWhitespace() }
            if lines.allSatisfy({ $0.isEmpty }) {
                offset += 1
                continue
            }
            guard lines.allSatisfy({ $0.isEmpty || Self.isHeaderLine($0) }) else { break }
            readHeaderLines(lines, into: &header, left: false)
            used.insert(offset)
            offset += 1
        }

        // 2. The appendix tables, through the text importer's finder and converter.
        var items: [SourceItem] = []
        var places: [Int: DocxPlace] = [:]
        var itemBlock: [Int: Int] = [:]
        func add(_ content: SourceItem.Content, _ place: DocxPlace, block: Int, cells: [DocxPlace] = []) {
            let line = items.count + 1
            items.append(
                SourceItem(
                    line: line, content: content, place: place.location(in: name),
                    cellPlaces: cells.map { $0.location(in: name) }))
            places[line] = place
            itemBlock[line] = block
        }
        let signerBlock = blocks.indices.first { index in
            guard !used.contains(index) else { return false }
            switch blocks[index] {
            case .table(let table): return Self.isSignerTable(table)
            case .paragraph(let p): return Self.isRecipientsHeading(p.plainText)
            }
        }
        for (index, block) in blocks.enumerated() where !used.contains(index) && index != signerBlock {
            switch block {
            case .paragraph(let p):
                for line in p.lines(html: false) where !line.isEmpty {
                    add(.text(p.isListItem ? "- " + line : line), .paragraph(p.number), block: index)
                }
            case .table(let table):
                if let signerBlock, index > signerBlock, Self.isSignerTable(table) { continue }
                for (rowOffset, row) in table.grid.enumerated() {
                    let cells = row.map(\.text)
                    let place = DocxPlace.row(table: table.number, row: rowOffset + 1)
                    if cells.allSatisfy({ CellFragments($0).plainText.isEmpty }) {
                        add(.blank, place, block: index)
                    } else {
                        let cellPlaces = cells.indices.map {
                            DocxPlace.cell(table: table.number, row: rowOffset + 1, column: $0 + 1)
                        }
                        add(.row(cells), place, block: index, cells: cellPlaces)
                    }
                }
            }
        }
        var (tables, finderNotes) = TableFinder.find(in: items)
        let locality =
            options.locality ?? localityFromHeader(header)
            ?? registry?.bestLocality(for: tables.flatMap(\.departmentEntries))
        var appendices: [ImportedAppendix] = []
        for (offset, table) in tables.enumerated() {
            var converter = TableConverter(
                table: table, tableNumber: offset + 1,
                departments: DepartmentCellReader(registry: registry, locality: locality), index: options.index)
            appendices.append(converter.convert())
        }
        tables = []
        let appendixBlocks = Set(
            appendices.flatMap { appendix in appendix.lines.compactMap { itemBlock[$0] } })

        // 3. The body: every block before the signer block but the appendix tables and the prose
        // naming each ("Phụ lục 1", its title, "(Kèm theo …)": up to 6 paragraphs above the table).
        let bodyEnd = signerBlock ?? blocks.count
        var preambleBlocks = Set<Int>()
        for block in appendixBlocks where block > 0 && !appendixBlocks.contains(block - 1) {
            var candidate = block - 1
            var seen = 0
            while candidate >= 0, seen < 6, !used.contains(candidate), case .paragraph(let p) = blocks[candidate] {
                if Self.isAppendixPreamble(p.plainText) {
                    preambleBlocks.formUnion(candidate..<block)
                    break
                }
                if !p.plainText.trimmingWhitespace().isEmpty { seen += 1 }
                candidate -= 1
            }
        }
        var body: [String] = []
        var index = 0
        var expectTitleAfterKind = false
        while index < bodyEnd {
            defer { index += 1 }
            guard !used.contains(index), !preambleBlocks.contains(index) else { continue }
            switch blocks[index] {
            case .table(let table):
                if appendixBlocks.contains(index) { continue }
                body.append(Self.markdownTable(table))
            case .paragraph(let p):
                let plain = p.plainText.replacingOccurrences(of: "\n", with: " ").collapsingWhitespace
                if plain.isEmpty { continue }
                if header.title == nil, VietnameseText.fold(plain).hasPrefix("v/v") {
                    header.title = plain
                    if header.kind == nil { header.kind = .letter }
                    continue
                }
                if header.kind == nil || expectTitleAfterKind == false, body.isEmpty,
                    let kind = DocumentKind(rawValue: plain.lowercased().precomposedStringWithCanonicalMapping),
                    plain == plain.uppercased()
                {
                    header.kind = kind
                    expectTitleAfterKind = true
                    continue
                }
                if expectTitleAfterKind, header.title == nil, document.headingLevel(p) == nil {
                    header.title = plain
                    expectTitleAfterKind = false
                    continue
                }
                expectTitleAfterKind = false
                let folded = VietnameseText.fold(plain)
                if folded.hasPrefix("kinh gui") {
                    var rest = String(plain.drop { $0 != ":" }.dropFirst()).trimmingWhitespace()
                    if !rest.isEmpty {
                        rest = Self.cleanListEntry(rest)
                        header.addressees = rest.isEmpty ? [] : [rest]
                    } else {
                        // "Kính gửi:" then the list.
                        while index + 1 < bodyEnd, case .paragraph(let next) = blocks[index + 1],
                            next.isListItem || next.plainText.trimmingWhitespace().hasPrefix("-")
                        {
                            let entry = Self.cleanListEntry(next.plainText)
                            if !entry.isEmpty { header.addressees.append(entry) }
                            index += 1
                        }
                    }
                    continue
                }
                body.append(markdown(p, document: document))
            }
        }

        // 4. The signer block and "Nơi nhận".
        if let signerBlock {
            switch blocks[signerBlock] {
            case .table(let table):
                let columns = Self.columnLines(table)
                header.recipients = columns.left.dropFirst().map(Self.cleanListEntry).filter { !$0.isEmpty }
                readSigner(columns.right, into: &header)
            case .paragraph:
                var next = signerBlock + 1
                while next < blocks.count, case .paragraph(let p) = blocks[next],
                    p.isListItem || p.plainText.trimmingWhitespace().hasPrefix("-")
                {
                    header.recipients.append(Self.cleanListEntry(p.plainText))
                    next += 1
                }
                var signer: [String] = []
                while next < blocks.count, signer.count < 5, case .paragraph(let p) = blocks[next],
                    !Self.isAppendixPreamble(p.plainText)
                {
                    signer += p.plainText.split(separator: "\n").map { String($0).trimmingWhitespace() }
                    next += 1
                }
                readSigner(signer.filter { !$0.isEmpty }, into: &header)
            }
        }

        // 5. What the finder and the converter could not place, and the paragraphs after the
        // signer that belong to no appendix.
        // Already at their paragraph or cell; readings to confirm are kept apart, skipped lines dropped.
        // Word places do not sort by themselves (a table's rows count from 1): by item, then cell.
        var order: [SourceLocation: Int] = [:]
        for item in items {
            for place in [item.place] + item.cellPlaces where order[place] == nil { order[place] = item.line }
        }
        let notes = (finderNotes + appendices.flatMap(\.diagnostics)).enumerated().sorted { a, b in
            let left = (order[a.element.location] ?? 0, a.element.location.column, a.offset)
            let right = (order[b.element.location] ?? 0, b.element.location.column, b.offset)
            return left < right
        }
        for note in notes.map(\.element) {
            switch note.code {
            case .importReading: result.readings.append(note)
            case .skippedLine: continue
            default: result.diagnostics.append(note)
            }
        }
        finderNotes = []
        for name in appendices.flatMap(\.unknownDepartments) where !result.unknownDepartments.contains(name) {
            result.unknownDepartments.append(name)
        }
        if let signerBlock {
            var pending: [DocxParagraph] = []
            for index in (signerBlock + 1)..<max(signerBlock + 1, blocks.count) {
                switch blocks[index] {
                case .paragraph(let p):
                    if !p.plainText.trimmingWhitespace().isEmpty, !signerParagraph(p, after: signerBlock, blocks) {
                        pending.append(p)
                    }
                case .table:
                    if appendixBlocks.contains(index) { pending = [] }
                }
            }
            for p in pending {
                report(
                    .warning, .unmappedContent, .paragraph(p.number),
                    "đoạn sau phần ký không thuộc phụ lục nào, không được chuyển: «\(p.plainText.prefix(120))»")
            }
        }

        // 6. Locality, indices, year, issuer: what the front matter needs.
        result.locality = locality
        if locality == nil {
            report(
                .error, .unknownLocality, .document,
                "không xác định được địa phương của văn bản trong danh mục đơn vị; ghi rõ bằng --locality")
        }
        var indices = Set(appendices.compactMap(\.index))
        if let index = options.index { indices.insert(index) }
        for index in Self.indices(in: header.title ?? "") { indices.insert(index) }
        result.indices = indices.sorted()
        if result.indices.isEmpty {
            report(
                .error, .unknownIndex, .document,
                "không nhận ra chỉ số (PAR INDEX, PAPI, SIPAS) từ trích yếu hay phụ lục; ghi rõ bằng --index")
        }
        if header.issuer == nil, let locality, let name = registry?.localities[locality] {
            header.issuer = "UBND \(name)"
            report(
                .warning, .unmappedContent, .document,
                "không đọc được cơ quan ban hành ở đầu văn bản; tạm ghi '\(header.issuer ?? "")', hãy kiểm tra lại")
        }
        if header.place == nil, let locality, let name = registry?.localities[locality] {
            header.place = PlanScaffold.placeName(name)
            report(
                .warning, .unmappedContent, .document,
                "không đọc được nơi ban hành (dòng \"…, ngày … tháng … năm …\"); tạm ghi '\(header.place ?? "")'")
        }
        for (field, value) in [
            ("loại văn bản", header.kind?.rawValue), ("trích yếu", header.title), ("ngày ban hành", header.date),
        ] where value == nil {
            report(.error, .missingField, .document, "không đọc được \(field) của văn bản; hãy ghi vào plan.md")
        }
        result.header = header
        result.appendices = appendices
        let numbers = appendices.map(\.number)
        for appendix in appendices {
            let number = numbers.filter { $0 == appendix.number }.count > 1 ? appendix.tableNumber : appendix.number
            let first = places[appendix.lines.lowerBound]?.description ?? ""
            let comment =
                "# Nhập từ \(YAMLWriter.comment(name)) (\(first)) bằng `plansite import`.\n"
                + "# Kiểm tra lại với `plansite check`; xem docs/import.md.\n"
            result.appendixFiles.append(
                (name: "phu-luc-\(number).yaml", text: comment + ((try? appendix.yaml(source: nil)) ?? "")))
        }
        result.planText = planText(header, locality: locality, indices: result.indices, body: body, name: name)
        return result
    }

    private func signerParagraph(_ p: DocxParagraph, after signer: Int, _ blocks: [DocxBlock]) -> Bool {
        // Paragraphs read as the signer (the paragraph form of the block): the first few after it.
        guard case .paragraph = blocks[signer] else { return false }
        return p.runs.allSatisfy { $0.bold || $0.isBreak || $0.text.trimmingWhitespace().isEmpty }
            || p.isListItem || p.plainText.trimmingWhitespace().hasPrefix("-")
    }

    // MARK: - Header

    static func isHeaderLine(_ line: String) -> Bool {
        let folded = VietnameseText.fold(line)
        return folded.hasPrefix("so:") || folded.hasPrefix("so :") || folded.hasPrefix("cong hoa xa hoi")
            || folded.hasPrefix("doc lap") || dateLine(line) != nil
    }

    /// "Đắk Nông, ngày 18 tháng 7 năm 2024" → ("Đắk Nông", "18/7/2024", 2024); blanks allowed.
    static func dateLine(_ line: String) -> (place: String, date: String, year: Int)? {
        let pattern = #"^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})"#
        let numeric = #"^(.+?),\s*ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"#
        var found: NSTextCheckingResult?
        for candidate in [pattern, numeric] {
            guard let regex = try? NSRegularExpression(pattern: candidate, options: [.caseInsensitive]) else {
                continue
            }
            found = regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
            if found != nil { break }
        }
        guard let match = found else { return nil }
        func group(_ n: Int) -> String? {
            Range(match.range(at: n), in: line).map { String(line[$0]).trimmingWhitespace() }
        }
        guard let place = group(1), let yearText = group(4), let year = Int(yearText) else { return nil }
        let day = group(2)
        let month = group(3)
        var date = yearText
        if let month {
            date = "\(Int(month) ?? 0)/\(yearText)"
            if let day { date = "\(Int(day) ?? 0)/" + date }
        }
        return (place, date, year)
    }

    private func readHeaderLines(_ lines: [String], into header: inout DocxHeader, left: Bool) {
        var issuer: [String] = []
        var inTitle = false
        for line in lines.map({ $0.trimmingWhitespace() }) where !line.isEmpty {
            let folded = VietnameseText.fold(line)
            // The rule drawn under the issuer or the motto ("-------", "___").
            if line.allSatisfy({ "-_=–—.*".contains($0) || $0 == " " }) { continue }
            if folded.hasPrefix("v/v") {
                // A letter's subject under its number, in the left column; it may go on for lines.
                header.title = line
                if header.kind == nil { header.kind = .letter }
                inTitle = true
                continue
            }
            if inTitle, let title = header.title, !Self.isHeaderLine(line) {
                header.title = title + " " + line
                continue
            }
            inTitle = false
            if folded.hasPrefix("so:") || folded.hasPrefix("so :") {
                let number = String(line.drop { $0 != ":" }.dropFirst()).trimmingWhitespace()
                header.number = number.isEmpty ? nil : number
            } else if folded.hasPrefix("cong hoa xa hoi") || folded.hasPrefix("doc lap") {
                header.hasMotto = true
            } else if let date = Self.dateLine(line) {
                header.place = date.place
                header.date = date.date
                header.year = date.year
            } else if left {
                issuer.append(line)
            }
        }
        if !issuer.isEmpty {
            header.issuerLines = issuer
            header.issuer = Self.issuerName(issuer)
        }
    }

    /// "UBND TỈNH ĐẮK NÔNG" / "VĂN PHÒNG" → "Văn phòng UBND tỉnh Đắk Nông";
    /// "ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK" → "UBND tỉnh Đắk Lắk".
    static func issuerName(_ lines: [String]) -> String {
        let localityWords = ["tinh ", "huyen ", "thanh pho ", "thi xa ", "quan ", "xa ", "phuong ", "thi tran "]
        var ordered = lines
        if lines.count == 2, !localityWords.contains(where: { VietnameseText.fold(lines[1]).hasPrefix($0) }) {
            ordered = [lines[1], lines[0]]  // the unit under its parent: "VĂN PHÒNG" of "UBND TỈNH …"
        }
        let acronyms: Set<String> = ["UBND", "HĐND", "MTTQ", "TW", "VN", "UB"]
        var words: [String] = []
        var capitalise = false
        for word in ordered.joined(separator: " ").split(separator: " ").map(String.init) {
            if acronyms.contains(word) {
                words.append(word)
                continue
            }
            var lower = word.lowercased()
            if capitalise || words.isEmpty { lower = lower.prefix(1).uppercased() + lower.dropFirst() }
            words.append(lower)
            let folded = VietnameseText.fold(lower)
            if ["tinh", "huyen", "pho", "quan", "xa", "phuong", "tran"].contains(folded) {
                capitalise = true
            }
        }
        // The short forms every plan writes: "Ủy ban nhân dân tỉnh …" → "UBND tỉnh …".
        var name = words.joined(separator: " ")
        for (long, short) in [("ủy ban nhân dân", "UBND"), ("uỷ ban nhân dân", "UBND"), ("hội đồng nhân dân", "HĐND")] {
            name = name.replacingOccurrences(of: long, with: short, options: [.caseInsensitive])
        }
        return name
    }

    private func readSigner(_ lines: [String], into header: inout DocxHeader) {
        let lines = lines.map { $0.trimmingWhitespace() }.filter { line in
            let folded = VietnameseText.fold(line).trimmingCharacters(in: CharacterSet(charactersIn: "()[]. "))
            return !line.isEmpty && !["da ky", "da ky va dong dau", "ky ten", "ky, ghi ro ho ten"].contains(folded)
        }
        switch lines.count {
        case 0: break
        case 1: header.signerName = lines[0]
        case 2:
            header.signerTitle = lines[0]
            header.signerName = lines[1]
        default:
            // "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / name.
            header.signerAuthority = lines[..<(lines.count - 2)].joined(separator: "\n")
            header.signerTitle = lines[lines.count - 2]
            header.signerName = lines[lines.count - 1]
        }
    }

    private func localityFromHeader(_ header: DocxHeader) -> String? {
        guard let registry else { return nil }
        let candidates = [header.place, header.issuer].compactMap { $0 }.map(VietnameseText.fold)
        for (id, name) in registry.localities.sorted(by: { $0.key < $1.key }) {
            let short = VietnameseText.fold(PlanScaffold.placeName(name))
            if candidates.contains(where: { $0 == short || $0.hasSuffix(" " + short) }) { return id }
        }
        return registry.localities.count == 1 ? registry.localities.keys.first : nil
    }

    static func isHeaderTable(_ table: DocxTable) -> Bool {
        guard table.rows.count <= 3, let width = table.grid.map(\.count).max(), width == 2 else { return false }
        let text = VietnameseText.fold(table.grid.flatMap { $0.map { CellFragments($0.text).plainText } }.joined())
        return text.contains("cong hoa xa hoi") || text.contains("so:") || text.contains("ngay")
    }

    static func isRecipientsHeading(_ text: String) -> Bool {
        VietnameseText.fold(text.trimmingWhitespace()).hasPrefix("noi nhan")
    }

    static func isSignerTable(_ table: DocxTable) -> Bool {
        guard table.rows.count <= 3, let first = table.rows.first?.first else { return false }
        return isRecipientsHeading(first.paragraphs.map(\.plainText).joined(separator: "\n"))
    }

    static func isAppendixPreamble(_ text: String) -> Bool {
        PreambleParser.pieces(of: [text]).contains { PreambleParser.appendixNumber($0) != nil }
    }

    /// The lines of the left and right columns of a one-row, two-column table.
    static func columnLines(_ table: DocxTable) -> (left: [String], right: [String]) {
        var left: [String] = []
        var right: [String] = []
        for row in table.grid {
            for cell in row {
                let lines = (cell.source?.paragraphs ?? []).flatMap {
                    $0.plainText.split(separator: "\n").map { String($0).trimmingWhitespace() }
                }
                if cell.column == 1 { left += lines } else { right += lines }
            }
        }
        return (left.filter { !$0.isEmpty }, right.filter { !$0.isEmpty })
    }

    static func cleanListEntry(_ text: String) -> String {
        var entry = text.replacingOccurrences(of: "\n", with: " ").collapsingWhitespace
        while entry.hasPrefix("-") || entry.hasPrefix("•") || entry.hasPrefix("+") {
            entry = String(entry.dropFirst()).trimmingWhitespace()
        }
        while let last = entry.last, ";.,".contains(last) { entry.removeLast() }
        return entry.trimmingWhitespace()
    }

    /// Every index a title names, in any order ("… PAPI, SIPAS, Par index …").
    static func indices(in title: String) -> [IndexKind] {
        let folded = VietnameseText.fold(title)
        var found: [IndexKind] = []
        if folded.contains("par index") || folded.contains("cchc") || folded.contains("cai cach hanh chinh") {
            found.append(.parIndex)
        }
        if folded.contains("papi") || folded.contains("quan tri va hanh chinh cong") { found.append(.papi) }
        if folded.contains("sipas") || folded.contains("hai long") { found.append(.sipas) }
        return found
    }

    // MARK: - Body

    private func markdown(_ p: DocxParagraph, document: DocxDocument) -> String {
        let lines = p.lines(html: false).filter { !$0.isEmpty }
        if let level = document.headingLevel(p) {
            let plain = p.plainText.replacingOccurrences(of: "\n", with: " ").collapsingWhitespace
            return String(repeating: "#", count: min(level + 1, 6)) + " " + plain
        }
        let plain = p.plainText.trimmingWhitespace()
        if !p.runs.isEmpty, p.runs.allSatisfy({ $0.bold || $0.isBreak || $0.text.trimmingWhitespace().isEmpty }),
            plain.count <= 150, plain.range(of: #"^[IVXLC]+\.\s"#, options: .regularExpression) != nil
        {
            // "I. MỤC ĐÍCH, YÊU CẦU" in bold, without a heading style: a section heading.
            return "## " + plain.replacingOccurrences(of: "\n", with: " ").collapsingWhitespace
        }
        if p.isListItem {
            let text = lines.joined(separator: " ")
            return text.hasPrefix("- ") ? text : "- " + text
        }
        // A line break inside a paragraph is a Markdown hard break (two spaces).
        return lines.joined(separator: "  \n")
    }

    static func markdownTable(_ table: DocxTable) -> String {
        let grid = table.grid.map { row in
            row.map { CellFragments($0.text).plainText.replacingOccurrences(of: "|", with: "\\|") }
        }
        guard let width = grid.map(\.count).max(), width > 0 else { return "" }
        let rows = grid.map { $0 + Array(repeating: "", count: width - $0.count) }
        var lines = ["| " + rows[0].joined(separator: " | ") + " |"]
        lines.append("|" + Array(repeating: " --- |", count: width).joined())
        for row in rows.dropFirst() { lines.append("| " + row.joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }

    private func planText(
        _ header: DocxHeader, locality: String?, indices: [IndexKind], body: [String], name: String
    ) -> String {
        let y = YAMLWriter.inline
        typealias K = ContentKey.PlanFrontMatter
        typealias S = ContentKey.Signer
        var text =
            "---\n# Nhập từ \(YAMLWriter.comment(name)) bằng `plansite import`; kiểm tra lại với `plansite check`.\n"
        text += "\(K.kind): \(y(header.kind?.rawValue ?? DocumentKind.plan.rawValue))\n"
        if let number = header.number { text += "\(K.number): \(y(number))\n" }
        text += "\(K.issuer): \(y(header.issuer ?? ""))\n"
        if header.issuerLines.isEmpty {
            text += "\(K.header): false\n"
        } else {
            text += "\(K.header):\n" + header.issuerLines.map { "  - \(y($0))\n" }.joined()
        }
        if !header.hasMotto { text += "\(K.motto): false\n" }
        text += "\(K.locality): \(y(locality ?? ""))\n"
        text += "\(K.place): \(y(header.place ?? ""))\n"
        text += "\(K.date): \(y(header.date ?? ""))\n"
        text += "\(K.title): \(y(header.title ?? ""))\n"
        if !header.addressees.isEmpty {
            text += "\(K.addressees):\n" + header.addressees.map { "  - \(y($0))\n" }.joined()
        }
        if !header.recipients.isEmpty {
            text += "\(K.recipients):\n" + header.recipients.map { "  - \(y($0))\n" }.joined()
        }
        if header.signerName != nil || header.signerTitle != nil {
            text += "\(K.signer):\n"
            if let authority = header.signerAuthority {
                let lines = authority.split(separator: "\n").map(String.init)
                if lines.count == 1 {
                    text += "  \(S.authority): \(y(lines[0]))\n"
                } else {
                    text += "  \(S.authority):\n" + lines.map { "    - \(y($0))\n" }.joined()
                }
            }
            if let title = header.signerTitle { text += "  \(S.title): \(y(title))\n" }
            if let signer = header.signerName { text += "  \(S.name): \(y(signer))\n" }
        }
        text += "\(K.indices): [" + indices.map(\.rawValue).joined(separator: ", ") + "]\n"
        text += "\(K.year): \(header.year.map(String.init) ?? "")\n"
        text += "---\n\n"
        text += body.filter { !$0.isEmpty }.joined(separator: "\n\n") + "\n"
        return text
    }
}

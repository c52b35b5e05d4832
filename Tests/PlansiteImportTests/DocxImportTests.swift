import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteImport
import PlansiteModel
import TestSupport
import Testing
import ZIPFoundation

/// `plansite import plan.docx`: the seed documents as genuine .docx files
/// (Fixtures/docx/make-docx.py, python-docx) into plan folders that `check` accepts, with the
/// appendices of the hand transcription; the report's places; hostile packages refused quickly.
@Suite struct DocxImportTests {
    static let docx = TestPaths.fixtures.appendingPathComponent("docx")
    static let registry = Registry.load(folder: TestPaths.content.appendingPathComponent("departments")).registry

    /// Seed → the plan folder of its hand transcription in Content/.
    static let seeds: [(seed: String, slug: String)] = [
        ("000", "2024-dak-nong-van-phong-phan-cong"), ("001", "2022-dak-lak-de-xuat-giai-phap"),
        ("002", "2023-hon-quan-nang-cao-chi-so"), ("003", "2022-quang-nam-par-sipas"),
        ("004", "2024-dak-nong-papi-474"),
    ]

    static func importSeed(_ seed: String) -> DocxImporter.Result {
        DocxImporter(registry: registry).importDocument(
            docx.appendingPathComponent("\(seed).docx"), name: "\(seed).docx")
    }

    /// Writes a result as a plan folder `plans/<slug>` of `content`, in place of the hand one.
    static func write(_ result: DocxImporter.Result, slug: String, into folder: TemporaryFolder) throws {
        let plan = folder.path("content/plans/\(slug)")
        try FileManager.default.removeItem(at: plan)
        try folder.write(try #require(result.planText), to: "content/plans/\(slug)/plan.md")
        for file in result.appendixFiles { try folder.write(file.text, to: "content/plans/\(slug)/\(file.name)") }
    }

    /// Each seed's .docx, written in place of its hand transcription in a copy of Content/,
    /// checks with no error, and gives no kind of finding the hand transcription does not.
    @Test(arguments: seeds.map(\.seed)) func seedDocxImportsToAPlanFolderThatChecks(seed: String) throws {
        let slug = try #require(Self.seeds.first { $0.seed == seed }?.slug)
        let result = Self.importSeed(seed)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.content, at: "content")
        try Self.write(result, slug: slug, into: folder)
        let (site, diagnostics) = checkContent(folder.path("content"))
        #expect(site != nil, "\(diagnostics)")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let (_, hand) = checkContent(TestPaths.content)
        let mine = Set(diagnostics.filter { $0.location.file.contains("/\(slug)/") }.map(\.code))
        let theirs = Set(hand.filter { $0.location.file.contains("/\(slug)/") }.map(\.code))
        #expect(mine.subtracting(theirs).isEmpty, "\(diagnostics.filter { $0.location.file.contains("/\(slug)/") })")
        // And the portal builds from it, with the imported plan's page.
        let options = SiteBuilder.Options(
            content: folder.path("content"), templates: TestPaths.templates, output: folder.path("public"),
            displayContent: "content", displayTemplates: "templates", incremental: false, tool: "test")
        let outcome = SiteBuilder(options: options).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics.filter { $0.severity == .error })")
        #expect(FileManager.default.fileExists(atPath: folder.path("public/ke-hoach/\(slug)/index.html").path))
    }

    /// Differences between the imported header fields and the hand transcription's: none. (003
    /// and 004 print no issuer block; the issuer is compared only where the document prints one.)
    static let explainedHeaderDifferences: Set<String> = []

    @Test func headerFieldsEqualTheHandTranscription() throws {
        var differences: Set<String> = []
        for (seed, slug) in Self.seeds {
            let header = Self.importSeed(seed).header
            let hand = try #require(defaultSite.plans.first { $0.slug.rawValue == slug })
            func check(_ what: String, _ mine: String?, _ theirs: String?) {
                if (mine ?? "") != (theirs ?? "") {
                    differences.insert("\(seed) \(what): \(mine ?? "–") ≠ \(theirs ?? "–")")
                }
            }
            check("kind", header.kind?.rawValue, hand.kind.rawValue)
            check("number", header.number, hand.printedNumber ?? hand.number)
            check("place", header.place, hand.place)
            check("title", header.title, hand.title)
            check("addressees", header.addressees.joined(separator: "; "), hand.addressees.joined(separator: "; "))
            check("recipients", header.recipients.joined(separator: "; "), hand.recipients.joined(separator: "; "))
            check("signer", header.signerName, hand.signer?.name)
            check("signer title", header.signerTitle, hand.signer?.title)
            if !header.issuerLines.isEmpty { check("issuer", header.issuer, hand.issuer) }
        }
        #expect(differences.subtracting(Self.explainedHeaderDifferences).isEmpty, "\(differences.sorted())")
    }

    /// Seeds 000, 001 and 004: every appendix of the .docx, validated, equals the hand-typed one
    /// criterion by criterion and task by task — the same result the text importer gives.
    @Test func appendicesEqualTheHandTranscription() throws {
        var differences: [String] = []
        for (seed, slug) in Self.seeds where ["000", "001", "004"].contains(seed) {
            let result = Self.importSeed(seed)
            let folder = try TemporaryFolder()
            try folder.overlay(TestPaths.content, at: "content")
            try Self.write(result, slug: slug, into: folder)
            let (site, diagnostics) = checkContent(folder.path("content"))
            let plan = try #require(site?.plans.first { $0.slug.rawValue == slug }, "\(diagnostics)")
            let hand = try #require(defaultSite.plans.first { $0.slug.rawValue == slug })
            #expect(plan.appendices.count == hand.appendices.count, "\(seed)")
            #expect(!hand.appendices.isEmpty)
            for theirs in hand.appendices {
                let mine = try #require(plan.appendices.first { $0.number == theirs.number }, "\(seed)")
                differences += AppendixDiff.compare(mine, theirs, label: "\(seed) phụ lục \(theirs.number)")
            }
        }
        // No difference remains (see docs/import.md); a new one fails here.
        #expect(differences == [])
    }

    // MARK: - The report

    /// A small .docx made here, entry by entry.
    static func makeDocx(
        _ folder: TemporaryFolder, name: String = "ke-hoach.docx", body: String, extra: [(String, Data)] = []
    ) throws -> URL {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """
        return try makeZip(folder, name: name, entries: [("word/document.xml", Data(document.utf8))] + extra)
    }

    static func makeZip(_ folder: TemporaryFolder, name: String, entries: [(String, Data)]) throws -> URL {
        let url = folder.path(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return url
    }

    static func p(_ text: String, bold: Bool = false, style: String? = nil) -> String {
        let styleXML = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return "<w:p>\(styleXML)<w:r>\(run)<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
    }

    static func cell(_ text: String, merge: String? = nil, span: Int? = nil) -> String {
        var props = ""
        if let span { props += "<w:gridSpan w:val=\"\(span)\"/>" }
        if let merge { props += merge == "continue" ? "<w:vMerge/>" : "<w:vMerge w:val=\"restart\"/>" }
        return "<w:tc><w:tcPr>\(props)</w:tcPr>\(p(text))</w:tc>"
    }

    static func row(_ cells: String...) -> String { "<w:tr>" + cells.joined() + "</w:tr>" }

    static let header =
        "<w:tbl>"
        + row(
            "<w:tc>\(p("UBND TỈNH ĐẮK NÔNG"))\(p("Số: 12/KH-UBND"))</w:tc>",
            "<w:tc>\(p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))\(p("Đắk Nông, ngày 5 tháng 3 năm 2025"))</w:tc>")
        + "</w:tbl>"

    /// A picture, a text box, a cell under an unknown heading, an unknown department and a
    /// paragraph after the signer that belongs to no appendix: each is in the report, with its place.
    @Test func theReportNamesEveryUnmappedPartWithItsPlace() throws {
        let folder = try TemporaryFolder()
        let body =
            Self.header + Self.p("KẾ HOẠCH", bold: true) + Self.p("Nâng cao Chỉ số PAPI năm 2025")
            + Self.p("I. MỤC ĐÍCH", style: "Heading1")
            + "<w:p><w:r><w:drawing><w:t>ảnh</w:t></w:drawing></w:r></w:p>"
            + "<w:p><w:r><w:t>Có khung: </w:t></w:r><w:r><w:txbxContent><w:p><w:r><w:t>chữ trong khung</w:t></w:r></w:p></w:txbxContent></w:r></w:p>"
            + "<w:tbl>" + Self.row(Self.cell("Nơi nhận:"), Self.cell("CHỦ TỊCH")) + "</w:tbl>"
            + Self.p("Phụ lục 1", bold: true) + Self.p("NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI")
            + "<w:tbl>"
            + Self.row(Self.cell("STT"), Self.cell("Nội dung"), Self.cell("Cơ quan chủ trì"), Self.cell("Màu sắc"))
            + Self.row(Self.cell("1"), Self.cell("Công khai"), Self.cell(""), Self.cell(""))
            + Self.row(Self.cell("1.1"), Self.cell("Niêm yết"), Self.cell("Sở Du hành Vũ trụ"), Self.cell("xanh"))
            + Self.row(Self.cell("1.2"), Self.cell("Tiếp dân"), Self.cell("Sở Nội vụ", merge: "restart"), Self.cell(""))
            + Self.row(Self.cell("1.3"), Self.cell("Đối thoại"), Self.cell("", merge: "continue"), Self.cell(""))
            + "</w:tbl>"
            + Self.p("Đoạn lạc sau bảng")
        let url = try Self.makeDocx(folder, body: body)
        let result = DocxImporter(registry: Self.registry).importDocument(url, name: "ke-hoach.docx")
        let lines = result.diagnostics.map(\.description)
        func has(_ code: DiagnosticCode, _ place: String, _ words: String) -> Bool {
            result.diagnostics.contains {
                $0.code == code && ($0.location.cell ?? "").hasPrefix(place) && $0.message.contains(words)
            }
        }
        #expect(has(.unmappedContent, "đoạn 4", "hình ảnh"), "\(lines)")
        #expect(has(.unmappedContent, "đoạn 5", "khung chữ"), "\(lines)")
        #expect(has(.unmappedContent, "bảng 3, dòng 1", "Màu sắc"), "\(lines)")
        #expect(has(.unmappedContent, "bảng 3, dòng 3", "xanh"), "\(lines)")
        #expect(has(.unknownDepartment, "bảng 3, dòng 3", "Sở Du hành Vũ trụ"), "\(lines)")
        #expect(has(.unmappedContent, "đoạn 8", "Đoạn lạc sau bảng"), "\(lines)")
        #expect(result.unknownDepartments == ["Sở Du hành Vũ trụ"])
        // A cell's finding is at the cell (line = table row, column = cell); the heading's at its cell too.
        let row = try #require(result.diagnostics.first { $0.code == .unknownDepartment })
        #expect(row.location == SourceLocation(file: "ke-hoach.docx", line: 3, column: 3, cell: "bảng 3, dòng 3, ô 3"))
        #expect(row.description.hasPrefix("ke-hoach.docx:bảng 3, dòng 3, ô 3: warning: "), "\(row)")
        #expect(has(.unmappedContent, "bảng 3, dòng 1, ô 4", "Màu sắc"), "\(lines)")
        #expect(has(.unmappedContent, "bảng 3, dòng 3, ô 4", "xanh"), "\(lines)")
        let plan = try #require(result.planText)
        #expect(
            plan.contains("number: 12/KH-UBND") && plan.contains("date: 5/3/2025") && plan.contains("## I. MỤC ĐÍCH"))
        #expect(!plan.contains("chữ trong khung"))
        // The vertical merge reads as "same as above", as the text importer reads a blank cell.
        let appendix = try #require(result.appendices.first)
        let rows = appendix.rows
        #expect(rows.map(\.title) == ["Công khai", "Niêm yết", "Tiếp dân", "Đối thoại"])
        #expect(rows.map { $0.tasks.map(\.lead) } == [[], [["Sở Du hành Vũ trụ"]], [["Sở Nội vụ"]], [["Sở Nội vụ"]]])
    }

    /// An office's layout: the subject ("V/v") under the number in the header's left column,
    /// rules under the issuer and the motto, a numeric date, text typed as "Unicode tổ hợp"
    /// (combining marks), a bold section heading without a heading style, "(Đã ký)" in the
    /// signer block.
    @Test func anOfficeLayoutReadsTheSameFields() throws {
        let folder = try TemporaryFolder()
        let decomposed = "Pho\u{0300}ng No\u{0302}\u{0323}i vu\u{0323}"  // "Phòng Nội vụ", combining marks
        let header =
            "<w:tbl>"
            + Self.row(
                "<w:tc>\(Self.p("ỦY BAN NHÂN DÂN"))\(Self.p("HUYỆN HỚN QUẢN"))\(Self.p("-------"))"
                    + "\(Self.p("Số: 15/UBND-NC"))\(Self.p("V/v nâng cao Chỉ số"))\(Self.p("PAPI năm 2025"))</w:tc>",
                "<w:tc>\(Self.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))\(Self.p("Độc lập - Tự do - Hạnh phúc"))"
                    + "\(Self.p("---------------"))\(Self.p("Hớn Quản, ngày 05/3/2025"))</w:tc>") + "</w:tbl>"
        let body =
            header + Self.p("Kính gửi: Các cơ quan chuyên môn thuộc UBND huyện.") + Self.p("II. NHIỆM VỤ", bold: true)
            + Self.p("Giao \(decomposed) theo dõi.")
            + "<w:tbl>"
            + Self.row(
                "<w:tc>\(Self.p("Nơi nhận:", bold: true))\(Self.p("- Như trên;"))\(Self.p("- Lưu: VT."))</w:tc>",
                "<w:tc>\(Self.p("KT. CHỦ TỊCH"))\(Self.p("PHÓ CHỦ TỊCH"))\(Self.p("(Đã ký)"))\(Self.p("Nguyễn Văn A"))</w:tc>"
            )
            + "</w:tbl>"
            + Self.p("Phụ lục", bold: true) + Self.p("NHIỆM VỤ NÂNG CAO CHỈ SỐ PAPI")
            + "<w:tbl>" + Self.row(Self.cell("STT"), Self.cell("Nội dung"), Self.cell("Cơ quan chủ trì"))
            + Self.row(Self.cell("1"), Self.cell("Công khai"), Self.cell(decomposed)) + "</w:tbl>"
        let url = try Self.makeDocx(folder, body: body)
        let result = DocxImporter(registry: Self.registry).importDocument(url, name: "ke-hoach.docx")
        let h = result.header
        #expect(h.kind == .letter && h.title == "V/v nâng cao Chỉ số PAPI năm 2025" && h.number == "15/UBND-NC")
        #expect(h.issuerLines == ["ỦY BAN NHÂN DÂN", "HUYỆN HỚN QUẢN"] && h.issuer == "UBND huyện Hớn Quản")
        #expect(h.place == "Hớn Quản" && h.date == "5/3/2025" && h.year == 2025 && h.hasMotto)
        #expect(h.addressees == ["Các cơ quan chuyên môn thuộc UBND huyện"] && h.recipients == ["Như trên", "Lưu: VT"])
        #expect(
            h.signerAuthority == "KT. CHỦ TỊCH" && h.signerTitle == "PHÓ CHỦ TỊCH" && h.signerName == "Nguyễn Văn A")
        #expect(result.locality == "hon-quan" && result.indices == [.papi])
        let plan = try #require(result.planText)
        #expect(plan.contains("## II. NHIỆM VỤ") && plan.contains("Giao Phòng Nội vụ theo dõi."))
        #expect(result.unknownDepartments == [], "\(result.diagnostics)")
        #expect(result.appendices.first?.tasks.map(\.lead) == [["Phòng Nội vụ"]])
        #expect(!result.hasErrors, "\(result.diagnostics)")
    }

    /// An appendix table inside the body, no signer block: the prose before and after it stays
    /// in plan.md, the "Phụ lục" block above it goes to the appendix only.
    @Test func aTableInTheBodyKeepsTheProseAroundIt() throws {
        let folder = try TemporaryFolder()
        let body =
            Self.header + Self.p("KẾ HOẠCH") + Self.p("Nâng cao Chỉ số PAPI năm 2025")
            + Self.p("I. MỤC ĐÍCH", style: "Heading1") + Self.p("Đoạn trước bảng.")
            + Self.p("Phụ lục 1", bold: true) + Self.p("NHIỆM VỤ PAPI") + Self.p("(Kèm theo Kế hoạch số 12/KH-UBND)")
            + "<w:tbl>" + Self.row(Self.cell("STT"), Self.cell("Nội dung"), Self.cell("Cơ quan chủ trì"))
            + Self.row(Self.cell("1"), Self.cell("Công khai"), Self.cell("Sở Nội vụ")) + "</w:tbl>"
            + Self.p("III. TỔ CHỨC THỰC HIỆN", style: "Heading1") + Self.p("Đoạn sau bảng.")
        let url = try Self.makeDocx(folder, body: body)
        let result = DocxImporter(registry: Self.registry).importDocument(url, name: "ke-hoach.docx")
        let plan = try #require(result.planText)
        let text = try #require(plan.components(separatedBy: "---\n").last)
        #expect(
            text == "\n## I. MỤC ĐÍCH\n\nĐoạn trước bảng.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nĐoạn sau bảng.\n", "\(plan)")
        #expect(result.header.kind == .plan && result.header.title == "Nâng cao Chỉ số PAPI năm 2025")
        let appendix = try #require(result.appendices.first)
        #expect(appendix.title == "NHIỆM VỤ PAPI" && appendix.reference == "Kèm theo Kế hoạch số 12/KH-UBND")
        #expect(!result.hasErrors, "\(result.diagnostics)")
    }

    // MARK: - Hostile packages

    static func unreadable(_ url: URL) -> (DocxImporter.Result, TimeInterval) {
        let start = Date()
        let result = DocxImporter(registry: registry).importDocument(url, name: url.lastPathComponent)
        return (result, Date().timeIntervalSince(start))
    }

    @Test func aFileThatIsNotAZipIsRefusedWithAMessage() throws {
        let folder = try TemporaryFolder()
        try folder.write("Đây là văn bản thường, không phải .docx\n", to: "gia.docx")
        let (result, seconds) = Self.unreadable(folder.path("gia.docx"))
        #expect(result.planText == nil)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("không phải văn bản Word .docx") == true)
        #expect(seconds < 5)
    }

    @Test func aPackageWithoutDocumentXMLIsRefused() throws {
        let folder = try TemporaryFolder()
        let url = try Self.makeZip(folder, name: "rong.docx", entries: [("[Content_Types].xml", Data("<Types/>".utf8))])
        let (result, _) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("word/document.xml") == true)
    }

    /// 40 MB of zeros deflate to about 40 kB: refused from the central directory's size,
    /// before anything is inflated.
    @Test func aZipBombIsRefusedBeforeItIsInflated() throws {
        let folder = try TemporaryFolder()
        let zeros = Data(count: 40 * 1024 * 1024)
        let url = try Self.makeZip(folder, name: "bom.docx", entries: [("word/document.xml", zeros)])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size < 1024 * 1024)
        let (result, seconds) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("quá lớn") == true)
        #expect(seconds < 2)
    }

    /// The same bomb whose headers claim 1 000 bytes: stopped while inflating, at the limit.
    @Test func aZipBombWithLyingSizesIsStoppedWhileInflating() throws {
        let folder = try TemporaryFolder()
        let url = try Self.makeZip(folder, name: "doi.docx", entries: [("word/document.xml", Data(count: 40 << 20))])
        var bytes = [UInt8](try Data(contentsOf: url))
        func patch(signature: [UInt8], offset: Int) {
            guard let start = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == signature }) else {
                return
            }
            for (index, byte) in [0xE8, 0x03, 0x00, 0x00].enumerated() { bytes[start + offset + index] = UInt8(byte) }
        }
        patch(signature: [0x50, 0x4B, 0x03, 0x04], offset: 22)  // local header: uncompressed size
        patch(signature: [0x50, 0x4B, 0x01, 0x02], offset: 24)  // central directory: uncompressed size
        try Data(bytes).write(to: url)
        let (result, seconds) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("quá lớn") == true, "\(result.diagnostics)")
        #expect(seconds < 5)
    }

    @Test func tooManyEntriesAreRefused() throws {
        let folder = try TemporaryFolder()
        let entries = (0..<1100).map { ("word/media/image\($0).png", Data([0])) }
        let url = try Self.makeZip(folder, name: "nhieu.docx", entries: entries)
        let (result, _) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("quá nhiều phần") == true)
    }

    @Test func deepNestingIsRefusedQuickly() throws {
        let folder = try TemporaryFolder()
        let deep =
            String(repeating: "<w:sdt><w:sdtContent>", count: 5000)
            + String(repeating: "</w:sdtContent></w:sdt>", count: 5000)
        let url = try Self.makeDocx(folder, name: "sau.docx", body: deep)
        let (result, seconds) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("lồng nhau quá sâu") == true)
        #expect(seconds < 5)
    }

    @Test func brokenXMLGivesADiagnosticNotACrash() throws {
        let folder = try TemporaryFolder()
        let url = try Self.makeDocx(folder, name: "hong.docx", body: "<w:p><w:r><w:t>chưa đóng")
        let (result, _) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("bị hỏng") == true)
    }

    /// A byte that is not UTF-8 in an element name made FoundationXML trap (found by mutating
    /// the seed .docx): now a diagnostic.
    @Test func anElementNameThatIsNotUTF8GivesADiagnosticNotACrash() throws {
        let folder = try TemporaryFolder()
        var xml = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document><w:body><w:p><w:".utf8)
        xml.append(contentsOf: [0xC3, 0x28])
        xml.append(Data("/></w:p></w:body></w:document>".utf8))
        let url = try Self.makeZip(folder, name: "byte.docx", entries: [("word/document.xml", xml)])
        let (result, _) = Self.unreadable(url)
        #expect(result.diagnostics.map(\.code) == [.unreadableDocument])
        #expect(result.diagnostics.first?.message.contains("UTF-8") == true)
    }

    // MARK: - .doc and .odt

    @Test func legacyFormatsWithoutLibreOfficeGiveAClearMessage() throws {
        #expect(DocxLegacy.findOffice(searchPath: "/khong-co-thu-muc-nay") == nil)
        let folder = try TemporaryFolder()
        try folder.write("cũ", to: "cu.doc")
        let conversion = DocxLegacy.convert(folder.path("cu.doc"), in: folder.url, name: "cu.doc", office: nil)
        guard case .failure(let diagnostic) = conversion else {
            Issue.record("converted without LibreOffice")
            return
        }
        #expect(diagnostic.code == .unreadableDocument)
        #expect(diagnostic.message.contains("chưa cài LibreOffice") && diagnostic.message.contains(".docx"))
    }

    @Test func theCommandWritesAPlanFolderAndRefusesADocWithoutLibreOffice() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.content.appendingPathComponent("departments"), at: "Content/departments")
        let source = Self.docx.appendingPathComponent("004.docx").path
        let run = try runPlansite(["import", source, "--out", "Content/plans/2024-dak-nong-papi-moi"], in: folder.url)
        #expect(run.status == 0, "\(run.output)")
        #expect(
            FileManager.default.fileExists(atPath: folder.path("Content/plans/2024-dak-nong-papi-moi/plan.md").path))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.path("Content/plans/2024-dak-nong-papi-moi/phu-luc-1.yaml").path))
        // Again without --force: refused, nothing overwritten.
        let again = try runPlansite(
            ["import", source, "--out", "Content/plans/2024-dak-nong-papi-moi"], in: folder.url)
        #expect(again.status != 0 && again.output.contains("--force"))
        if DocxLegacy.findOffice() == nil {
            try folder.write("cũ", to: "cu.doc")
            let legacy = try runPlansite(["import", "cu.doc", "--out", "Content/plans/2024-cu"], in: folder.url)
            #expect(legacy.status != 0 && legacy.output.contains("chưa cài LibreOffice"), "\(legacy.output)")
        }
    }
}

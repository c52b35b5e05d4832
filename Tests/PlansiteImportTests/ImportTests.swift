import Foundation
import PlansiteDiagnostics
import PlansiteModel
import TestSupport
import Testing

@testable import PlansiteImport

@Suite struct ImportFragmentTests {
    @Test func listItemsBecomeAMarkdownList() {
        let cell = #"<ul style="list-style-type: none"> <li>- Không tham mưu;</li> <li>- Đưa ra kiến nghị.</li> </ul>"#
        #expect(CellFragments(cell).markdown == "- Không tham mưu;\n- Đưa ra kiến nghị.\n")
    }

    @Test func paragraphsWithDashesBecomeAList() {
        let cell = "<p>- Tăng cường tuyên truyền;</p> <p>- Đăng tải “hỏi - đáp” đầy đủ.</p>"
        #expect(CellFragments(cell).markdown == "- Tăng cường tuyên truyền;\n- Đăng tải “hỏi - đáp” đầy đủ.\n")
    }

    @Test func aListFlattenedIntoOneLineIsSplitAtItsMarkers() {
        #expect(
            CellFragments(#"<ul style="x"> - Một; - Hai, kinh tế - xã hội. '- Ba.  "#).markdown
                == "- Một;\n- Hai, kinh tế - xã hội.\n- Ba.\n")
        #expect(
            CellFragments("Kinh tế - xã hội; - không phải danh sách").markdown
                == "Kinh tế - xã hội; - không phải danh sách")
    }

    @Test func boldIsStrippedAndAnOpeningBoldIsKept() {
        let fragments = CellFragments("<b>Chỉ số nội dung Thủ tục:</b> Thủ trưởng các cơ quan")
        #expect(fragments.plainText == "Chỉ số nội dung Thủ tục: Thủ trưởng các cơ quan")
        #expect(fragments.leadingBold == "Chỉ số nội dung Thủ tục:")
        #expect(CellFragments("Văn bản <b>đậm</b> giữa câu").leadingBold == nil)
    }

    @Test func entitiesAndLiteralAngleBracketsAreText() {
        #expect(CellFragments("Tỷ lệ &lt; 5% &amp; &#7889;").plainText == "Tỷ lệ < 5% & ố")
        #expect(CellFragments("Tỷ lệ < 5% và >95%").plainText == "Tỷ lệ < 5% và >95%")
    }

    @Test func unknownTagsAreRemovedAndNamed() {
        let fragments = CellFragments(#"<table><tr>Nội dung</tr></table> <span class="x">giữ</span>"#)
        #expect(fragments.plainText == "Nội dung giữ")
        #expect(fragments.unknownTags == ["<table>", "<tr>", "</tr>", "</table>"])
    }
}

/// A cell's place in a test file: line `line`, column 5.
func testCell(_ line: Int) -> PlansiteDiagnostics.SourceLocation {
    PlansiteDiagnostics.SourceLocation(file: "bang.txt", line: line, column: 5)
}

@Suite struct ImportReadingTests {
    static let registry: Registry = {
        var registry = Registry()
        registry.add(
            yaml: """
                locality: {id: tinh, name: tỉnh Mẫu}
                departments:
                  - {id: tinh-snv, name: Sở Nội vụ tỉnh Mẫu, short-name: Sở Nội vụ,
                     aliases: [Giám đốc Sở Nội vụ, SNV]}
                  - {id: tinh-stc, name: Sở Tài chính tỉnh Mẫu, short-name: Sở Tài chính,
                     aliases: [Giám đốc Sở Tài chính]}
                  - {id: tinh-sxd, name: Sở Xây dựng tỉnh Mẫu, short-name: Sở Xây dựng, aliases: [Giám đốc Sở Xây dựng]}
                  - {id: tinh-tt, name: "Thủ trưởng các sở, ban, ngành"}
                  - {id: tinh-cth, name: Chủ tịch UBND cấp huyện}
                  - {id: tinh-ctx, name: Chủ tịch UBND cấp xã}
                  - {id: tinh-hcqt, name: Phòng Hành chính - Quản trị, aliases: [HCQT]}
                  - {id: tinh-th, name: Phòng Tổng hợp, aliases: [Phòng TH]}
                  - {id: tinh-cpcm, name: Các phòng chuyên môn}
                """, path: "tinh.yaml")
        return registry
    }()

    let reader = DepartmentCellReader(registry: registry, locality: "tinh")

    @Test func semicolonsListsAndDashesSeparateNames() {
        #expect(
            reader.read("Chủ tịch UBND cấp huyện; Chủ tịch UBND cấp xã", at: testCell(1)).names == [
                "Chủ tịch UBND cấp huyện", "Chủ tịch UBND cấp xã",
            ])
        #expect(reader.read("- SNV; - HCQT", at: testCell(1)).names == ["SNV", "HCQT"])
        #expect(reader.read("<ul><li>- SNV</li><li>- HCQT</li></ul>", at: testCell(1)).names == ["SNV", "HCQT"])
        #expect(
            reader.read("- Phòng TH - Các phòng chuyên môn", at: testCell(1)).names == [
                "Phòng TH", "Các phòng chuyên môn",
            ])
        #expect(
            reader.read("- Phòng Hành chính - Quản trị - SNV", at: testCell(1)).names == [
                "Phòng Hành chính - Quản trị", "SNV",
            ])
    }

    @Test func commasSplitOnlyWhereEveryPartIsAName() {
        #expect(
            reader.read("Thủ trưởng các sở, ban, ngành, Chủ tịch UBND cấp huyện", at: testCell(1)).names
                == ["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND cấp huyện"])
    }

    @Test func sharedPrefixListsAreExpanded() {
        #expect(
            reader.read("Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND cấp xã", at: testCell(1)).names
                == ["Giám đốc Sở Tài chính", "Giám đốc Sở Xây dựng", "Chủ tịch UBND cấp xã"])
        #expect(reader.read("Các Sở: Nội vụ, Tài chính", at: testCell(1)).names == ["Sở Nội vụ", "Sở Tài chính"])
    }

    @Test func namesInsideASentenceAreFoundAndTheSentenceKeptAsANote() {
        let reading = reader.read("Phòng TH chịu trách nhiệm chung, các phòng chuyên môn theo dõi", at: testCell(7))
        #expect(reading.names == ["Phòng TH", "Các phòng chuyên môn"])
        #expect(reading.note == "Phòng TH chịu trách nhiệm chung, các phòng chuyên môn theo dõi")
        #expect(reading.notes.map(\.code) == [.importReading])
    }

    @Test func unknownNamesAreKeptAndReportedWithASuggestion() {
        let reading = reader.read("Sở Nôi vụ; Sở Du lịch", at: testCell(9))
        #expect(reading.names == ["Sở Nôi vụ", "Sở Du lịch"])
        #expect(reading.notes.map(\.code) == [.unknownDepartment, .unknownDepartment])
        #expect(reading.unknown == ["Sở Nôi vụ", "Sở Du lịch"])
        #expect(reading.notes[0].message.contains("'Sở Nội vụ'"))
        #expect(reading.notes.allSatisfy { $0.location == testCell(9) })
    }

    @Test(arguments: [
        ("STT", ColumnRole.code), ("TT", .code), ("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", .criterion),
        ("Chỉ số nội dung", .criterion), ("Điểm theo bộ tiêu chí", .max), ("Điểm 2023", .last),
        ("Mục tiêu năm 2024", .target), ("Nhiệm vụ/giải pháp", .task), ("Phòng chủ trì", .lead),
        ("Cơ quan thực hiện", .lead), ("Cơ quan chủ trì tham mưu", .lead), ("Cơ quan phối hợp", .cooperating),
        ("Cơ quan hướng dẫn theo dõi, giám sát", .monitoring), ("Thời gian thực hiện", .time), ("Ghi chú", .note),
    ])
    func headersAreRecognised(header: String, role: ColumnRole) {
        #expect(ColumnRole.classify(header) == role)
    }

    @Test func longCellsAreNeverHeaders() {
        #expect(ColumnRole.classify("Thực hiện nhiệm vụ được CP, TTg giao") == nil)
        #expect(ColumnRole.classify(String(repeating: "Nhiệm vụ ", count: 12)) == nil)
    }

    @Test func preambleGivesNumberTitleAndReference() {
        let result = PreambleParser.parse([
            "**Phụ lục 2****NHIỆM VỤ, GIẢI PHÁP NĂM 2024***(Kèm theo Công văn số: /NPUBND-HCQT ngày /7/2024)*"
        ])
        #expect(
            result
                == .init(
                    number: 2, title: "NHIỆM VỤ, GIẢI PHÁP NĂM 2024",
                    reference: "Kèm theo Công văn số: /NPUBND-HCQT ngày /7/2024"))
        let multiline = PreambleParser.parse([
            "Văn bản giao tại Phụ lục kèm theo.", "Phụ lục", "PHÂN CÔNG CÁC CƠ QUAN,", "THEO DÕI",
            "(Kèm theo Công văn số /UBND ngày / /2022", "của UBND tỉnh)",
        ])
        #expect(
            multiline
                == .init(
                    number: nil, title: "PHÂN CÔNG CÁC CƠ QUAN, THEO DÕI",
                    reference: "Kèm theo Công văn số /UBND ngày / /2022 của UBND tỉnh"))
    }

    @Test func rowNumbers() {
        #expect(RowNumber.read("2.2.1") == .code("2.2.1"))
        #expect(RowNumber.read("3.") == .code("3"))
        #expect(RowNumber.read("-") == .marker)
        #expect(RowNumber.read("1.1 Đối thoại") == .codeAndTitle("1.1", "Đối thoại"))
        #expect(RowNumber.read("a)") == .other)
    }

    @Test func pointsKeepTheirDecimalComma() {
        #expect(PointsReader.read("1,4888") == "1,4888")
        #expect(PointsReader.read("0,5 điểm") == "0,5")
        #expect(PointsReader.read("95%") == "95")
        #expect(PointsReader.read("khoảng 1") == nil)
    }
}

@Suite struct ImportTableTests {
    let registry = ImportReadingTests.registry

    func importText(_ text: String, format: SourceFormat = .wordText, index: IndexKind? = nil) -> ImportResult {
        AppendixImporter(registry: registry, options: .init(index: index, locality: "tinh")).importText(
            text, format: format)
    }

    static let wordTable = """
        Phụ lục
        KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2025
        (Kèm theo Kế hoạch số 1/KH-UBND)

        STT\tLĩnh vực/Tiêu chí\tĐiểm tối đa\tNhiệm vụ\tChủ trì\tThời gian thực hiện
        (1)\t(2)\t(3)\t(4)\t(5)\t(6)
        1\t<b>CÔNG TÁC CHỈ ĐẠO</b>\t\t\t\t
        1.1\tKế hoạch CCHC\t1,5\tBan hành kế hoạch\tSNV\tHằng năm
        \t\t\tKiểm tra kế hoạch\t\t
        1.2\tBáo cáo\t0,5\tBáo cáo quý\tHCQT\ttrước ngày 20/6/2025
        -\tTuyên truyền\t\tTuyên truyền CCHC\tSNV\tThường xuyên

        STT\tLĩnh vực/Tiêu chí\tĐiểm tối đa\tNhiệm vụ\tChủ trì\tThời gian thực hiện
        1.2.1\tBáo cáo quý\t0,25\t\t\t
        2\tCẢI CÁCH\t\t\t\t
        """

    @Test func aWordTableBecomesACriteriaTree() throws {
        let result = importText(Self.wordTable)
        let appendix = try #require(result.appendices.first)
        #expect(result.tablesFound == 1)
        #expect(appendix.index == .parIndex)
        #expect(appendix.title == "KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAR INDEX NĂM 2025")
        #expect(appendix.reference == "Kèm theo Kế hoạch số 1/KH-UBND")
        // A "-" row belongs to the numbered row above it; 1.2.1, after the repeated header, to 1.2.
        #expect(appendix.rows.map { $0.code ?? "-" } == ["1", "1.1", "1.2", "-", "1.2.1", "2"])
        let first = appendix.criteria[0]
        #expect(first.children.map { $0.code ?? $0.title } == ["1.1", "1.2"])
        #expect(first.children[1].children.map { $0.code ?? $0.title } == ["Tuyên truyền", "1.2.1"])
        // The row with a blank number and title is a second task of 1.1, same department and time.
        let tasks = first.children[0].tasks
        #expect(tasks.map(\.text) == ["Ban hành kế hoạch", "Kiểm tra kế hoạch"])
        #expect(tasks.map(\.lead) == [["SNV"], ["SNV"]])
        #expect(tasks.map(\.time) == ["Hằng năm", "Hằng năm"])
        #expect(first.children[0].max == "1,5")
        #expect(appendix.columns.map(\.key.rawValue) == ["criterion", "max", "task", "lead", "time"])
        #expect(result.diagnostics.map(\.code) == [.skippedLine, .skippedLine])
    }

    @Test func theYAMLReadsBackThroughYams() throws {
        let appendix = try #require(importText(Self.wordTable).appendices.first)
        let yaml = try appendix.yaml(source: "mau.txt")
        #expect(yaml.hasPrefix("# Nhập từ mau.txt, bảng 1"))
        #expect(yaml.contains(#"code: "1.2.1""#))
        #expect(yaml.contains("max: 1,5"))
        #expect(yaml.contains("time: trước ngày 20/6/2025"))
    }

    @Test func csvWithBOMSemicolonsAndQuotedLineBreaks() throws {
        let csv =
            "\u{FEFF}Phụ lục 2;;;\r\nKẾ HOẠCH CẢI THIỆN CHỈ SỐ PAPI;;;\r\nSTT;Tiêu chí;Nhiệm vụ;Chủ trì\r\n"
            + "1;Lĩnh vực;;\r\n1.1;\"Tiêu chí; có dấu chấm phẩy\";\"- Một;\n- Hai\";SNV\r\n1.2;Tiêu chí 2;Ba;SNV\r\n"
        let result = importText(csv, format: SourceFormat.detect(fileName: "bang.csv", text: csv))
        let appendix = try #require(result.appendices.first)
        #expect(SourceFormat.detect(fileName: "bang.csv", text: csv) == .csv(delimiter: ";"))
        #expect(appendix.number == 2)
        #expect(appendix.title == "KẾ HOẠCH CẢI THIỆN CHỈ SỐ PAPI")
        #expect(appendix.index == .papi)
        #expect(appendix.rows.map(\.title) == ["Lĩnh vực", "Tiêu chí; có dấu chấm phẩy", "Tiêu chí 2"])
        #expect(appendix.tasks.map(\.text) == ["- Một;\n- Hai\n", "Ba"])
        // A line break inside a quoted cell does not shift the line numbers of later rows.
        #expect(appendix.tasks.map(\.line) == [5, 7])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func tsvFromExcel() throws {
        let tsv = "TT\tNhiệm vụ/ Giải pháp\tPhòng chủ trì\n<b>Tiếp cận dịch vụ</b>\t\"Bố trí ghế, bàn\"\tSNV\n"
        let appendix = try #require(importText(tsv, format: .tsv, index: .sipas).appendices.first)
        #expect(appendix.rows.map(\.title) == ["Tiếp cận dịch vụ"])
        #expect(appendix.rows.map(\.code) == [nil])
        #expect(appendix.columns.first == ImportedColumn(key: .criterion, label: "TT"))
        #expect(appendix.tasks.map(\.text) == ["Bố trí ghế, bàn"])
    }

    @Test func whatCannotBeReadIsReportedAtTheLineAndColumnOfItsCell() throws {
        let text = """
            STT\tTiêu chí\tĐiểm tối đa\tChủ trì\tCột lạ
            1\tLĩnh vực\tmột điểm\tSở Du lịch\tgiá trị lạ\tthừa
            giữa bảng
            1.1\tTiêu chí\t1\tSNV\t
            """
        let result = importText(text, index: .parIndex)
        // "line:column code «text»", the column where the cell starts (counted in characters).
        let notes = result.diagnostics.map { diagnostic in
            let quoted = diagnostic.message.split(separator: "«").dropFirst().first.map { "«" + $0 } ?? ""
            return "\(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.code.rawValue) \(quoted)"
        }
        #expect(
            notes == [
                "1:1 import-reading ", "1:34 unmapped-content «Cột lạ»", "2:12 unmapped-content «một điểm»",
                "2:21 unknown-department «Sở Du lịch»", "2:32 unmapped-content «giá trị lạ»",
                "2:43 unmapped-content «thừa»", "3:1 unmapped-content «giữa bảng»",
            ])
        #expect(result.diagnostics.allSatisfy { $0.location.file == "input" })
        // The unknown name is kept in the output.
        #expect(result.appendices[0].tasks.first?.lead == ["Sở Du lịch"])
    }
}

@Suite struct DelimitedTextTests {
    @Test func cellsKeepTheLineAndColumnWhereTheyStartAcrossQuotedLineBreaks() {
        let text = "STT;\"Tiêu chí; có \"\"ngoặc\"\"\";Chủ trì\n1;\"Hai\ndòng\";Sở Đặc biệt\n;;\n"
        let records = DelimitedText.records(text, delimiter: ";")
        #expect(
            records.map(\.cells) == [
                ["STT", "Tiêu chí; có \"ngoặc\"", "Chủ trì"], ["1", "Hai\ndòng", "Sở Đặc biệt"], ["", "", ""],
            ])
        #expect(
            records.map { $0.starts.map { "\($0.line):\($0.column)" } } == [
                ["1:1", "1:5", "1:30"], ["2:1", "2:3", "3:7"], ["4:1", "4:2", "4:3"],
            ])
    }

    @Test func aCSVFindingIsAtTheCellOnTheLineAQuotedBreakPushedItTo() throws {
        let csv = "STT,Nội dung,Chủ trì\n1,\"Niêm yết\nhai dòng\",Sở Không Có\n"
        let result = AppendixImporter(registry: ImportReadingTests.registry, options: .init(locality: "tinh"))
            .importText(csv, format: .csv(delimiter: ","), file: "bang.csv")
        let unknown = try #require(result.diagnostics.first { $0.code == .unknownDepartment })
        #expect(unknown.location == PlansiteDiagnostics.SourceLocation(file: "bang.csv", line: 3, column: 11))
        #expect(unknown.description.hasPrefix("bang.csv:3:11: warning: "))
    }

    @Test func anUnclosedQuoteRunsToTheEndAndNothingIsLost() {
        let records = DelimitedText.records("a,\"b,c\nd", delimiter: ",")
        #expect(records.map(\.cells) == [["a", "b,c\nd"]])
    }
}

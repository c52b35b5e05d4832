import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteImport
import PlansiteModel
import PlansiteXLSX
import TestSupport
import Testing

/// `plansite new report --xlsx` and `plansite import report`: an Excel form for a department's
/// tasks, filled in with openpyxl as a clerk would in Excel, turned back into a report that
/// checks clean and shows on the portal; every mistake in the form named at its cell.
@Suite(.serialized) struct ReportFormTests {
    static let slug = "2024-dak-nong-papi-474"
    static let date = CalendarDate(parsing: "16/12/2024")!

    static func form() throws -> (file: String, data: Data) {
        try ReportForm.make(
            site: defaultSite, plan: slug, department: "Sở Y tế", period: "Quý IV/2024", date: date)
    }

    /// Runs a Python snippet with openpyxl on `file` (as `path`); returns its standard output.
    static func python(_ script: String, file: URL) throws -> String {
        guard toolExists("python3") else { throw ExportTestError("python3 is required to fill the form") }
        let probe = try runTool("python3", ["-c", "import openpyxl"])
        guard probe.status == 0 else {
            throw ExportTestError("openpyxl is required: scripts/install-deps --test (\(probe.error))")
        }
        let prelude = "import sys, json, openpyxl\npath = sys.argv[1]\n"
        let result = try runTool("python3", ["-c", prelude + script, file.path])
        guard result.status == 0 else { throw ExportTestError("python failed: \(result.error)") }
        return result.output
    }

    /// The form written to a temporary folder, then edited by `edits` (Python, with `ws` the sheet).
    static func filledForm(_ edits: String, in folder: TemporaryFolder, name: String = "bao-cao.xlsx") throws -> URL {
        let url = folder.path(name)
        try form().data.write(to: url)
        _ = try python("wb = openpyxl.load_workbook(path)\nws = wb.active\n" + edits + "\nwb.save(path)\n", file: url)
        return url
    }

    static let fill = """
        ws['B6'] = 'Báo cáo số 45/BC-SYT'
        ws['E9'] = 'đang thực hiện'; ws['F9'] = 40
        ws['G9'] = 'Đã hướng dẫn **3/8** huyện.\\nCòn "5" huyện.'
        ws['H9'] = 'Công văn số 12/SYT-VP; https://syt.daknong.gov.vn/'
        ws['E10'] = 'hoàn thành'; ws['F10'] = 100
        ws['E13'] = 'không áp dụng'
        ws['E14'] = 'chưa thực hiện'; ws['F14'] = 0
        """

    @Test func formHasLockedTaskCellsAStatusDropDownAndAPrintSetup() throws {
        let folder = try TemporaryFolder()
        let (name, data) = try Self.form()
        #expect(name == "bao-cao-2024-q4-so-y-te.xlsx")
        let url = folder.path(name)
        try data.write(to: url)
        let output = try Self.python(
            """
            wb = openpyxl.load_workbook(path); ws = wb.active
            validations = {str(v.sqref): [v.type, v.formula1, v.formula2] for v in ws.data_validations.dataValidation}
            print(json.dumps({
              'sheet': ws.title, 'protected': ws.protection.sheet, 'password': ws.protection.password,
              'freeze': ws.freeze_panes, 'orientation': ws.page_setup.orientation, 'paper': ws.page_setup.paperSize,
              'header': [c.value for c in ws[8]], 'references': [ws.cell(r, 1).value for r in range(9, ws.max_row + 1)],
              'plan': ws['B2'].value, 'department': ws['B3'].value, 'period': ws['B4'].value, 'date': ws['B5'].value,
              'locked': [ws[a].protection.locked for a in ['A9', 'B9', 'C9', 'D9', 'B2', 'B3']],
              'unlocked': [not ws[a].protection.locked for a in ['E9', 'F9', 'G9', 'H14', 'B4', 'B5', 'B6']],
              'validations': validations, 'created': wb.properties.created.isoformat(),
              'widthB': ws.column_dimensions['B'].width, 'wrap': ws['B9'].alignment.wrap_text,
              'printTitles': ws.print_title_rows}, ensure_ascii=False))
            """, file: url)
        let form = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(form["sheet"] as? String == "Sheet1")
        #expect(form["protected"] as? Bool == true)
        #expect(form["password"] is NSNull)
        #expect(form["freeze"] as? String == "A9")
        #expect(form["orientation"] as? String == "landscape")
        #expect(form["paper"] as? Int == 9)
        #expect(form["header"] as? [String] == ReportForm.headers)
        #expect(
            form["references"] as? [String] == ["III.2.a", "III.2.b", "III.2.c", "PL1/4.2/2", "PL1/6.1/1", "PL1/6.1/2"])
        #expect(form["plan"] as? String == Self.slug)
        #expect(form["department"] as? String == "dak-nong-so-y-te")
        #expect(form["period"] as? String == "Quý IV/2024")
        #expect(form["date"] as? String == "16/12/2024")
        #expect(form["locked"] as? [Bool] == Array(repeating: true, count: 6))
        #expect(form["unlocked"] as? [Bool] == Array(repeating: true, count: 7))
        let validations = try #require(form["validations"] as? [String: [Any]])
        #expect(validations["E9:E14"]?[0] as? String == "list")
        #expect(
            validations["E9:E14"]?[1] as? String == "\"chưa thực hiện,đang thực hiện,hoàn thành,không áp dụng\"")
        #expect(validations["F9:F14"]?[0] as? String == "whole")
        #expect(validations["F9:F14"]?[1] as? String == "0")
        #expect(validations["F9:F14"]?[2] as? String == "100")
        #expect(form["created"] as? String == "2024-12-16T08:00:00")
        #expect((form["widthB"] as? Double ?? 0) > 50)
        #expect(form["wrap"] as? Bool == true)
        #expect(form["printTitles"] as? String == "$8:$8")
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let first = try Self.form().data
        Thread.sleep(forTimeInterval: 1.1)
        let second = try Self.form().data
        #expect(first == second)
        let other = try ReportForm.make(
            site: defaultSite, plan: Self.slug, department: "Sở Y tế", period: "Quý IV/2024",
            date: CalendarDate(parsing: "17/12/2024")!
        ).data
        #expect(other != first, "the date is in the form and its creation time")
    }

    @Test func filledFormImportsChecksCleanAndShowsOnThePortal() throws {
        let folder = try TemporaryFolder()
        let url = try Self.filledForm(Self.fill, in: folder)
        let result = ReportFormImport.read(
            data: try Data(contentsOf: url), name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.reported == 4)
        #expect(result.skipped == 2)
        let yaml = try #require(result.yaml)
        let file = try #require(result.file)
        #expect(file == "plans/\(Self.slug)/bao-cao-2024-q4-so-y-te.yaml")
        #expect(yaml.contains("period: \"Quý IV/2024\"\ndepartment: \"dak-nong-so-y-te\"\ndate: 16/12/2024\n"))
        #expect(yaml.contains("document: \"Báo cáo số 45/BC-SYT\"\n"))
        #expect(
            yaml.contains(
                """
                  - task: "III.2.a"
                    status: đang thực hiện
                    percent: 40
                    note: "Đã hướng dẫn **3/8** huyện.\\nCòn \\"5\\" huyện."
                    evidence:
                      - "Công văn số 12/SYT-VP"
                      - "https://syt.daknong.gov.vn/"
                """))
        #expect(!yaml.contains("\"III.2.c\""), "a row without a status is not reported")

        try folder.overlay(TestPaths.content, at: "content")
        try folder.write(yaml, to: "content/" + file)
        let (site, diagnostics) = checkContent(folder.path("content"))
        #expect(diagnostics.filter { $0.location.file.hasSuffix(file) }.isEmpty, "\(diagnostics)")
        let plan = try #require(site?.plans.first { $0.slug.rawValue == Self.slug })
        let rules = site!.settings.progressRules
        let statuses = ["III.2.a", "III.2.b", "PL1/6.1/1", "PL1/6.1/2"].map { reference in
            plan.progress(
                of: (plan.tasks + plan.appendices.flatMap(\.tasks)).first { $0.reference == reference }!, rules: rules
            )
            .latest?.status
        }
        #expect(statuses == [.inProgress, .done, .notApplicable, .notStarted])

        let output = folder.path("Public")
        let outcome = SiteBuilder(
            options: .init(content: folder.path("content"), templates: TestPaths.templates, output: output)
        ).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        let page = try String(
            contentsOf: output.appendingPathComponent("ke-hoach/\(Self.slug)/index.html"), encoding: .utf8)
        #expect(page.contains("45/BC-SYT"))
        #expect(page.contains("<strong>3/8</strong> huyện"))
    }

    @Test func csvSavedFromExcelWithSemicolonsOrCommasImportsTheSameReport() throws {
        let folder = try TemporaryFolder()
        let url = try Self.filledForm(Self.fill, in: folder)
        let expected = ReportFormImport.read(
            data: try Data(contentsOf: url), name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug
        ).yaml
        #expect(expected != nil)
        for (delimiter, bom) in [(";", true), (",", false), (",", true), (";", false)] {
            let csv = folder.path("bao-cao.csv")
            _ = try Self.python(
                """
                import csv
                ws = openpyxl.load_workbook(path).active
                with open(path[:-5] + '.csv', 'w', encoding='\(bom ? "utf-8-sig" : "utf-8")', newline='') as out:
                    writer = csv.writer(out, delimiter='\(delimiter)', lineterminator='\\r\\n')
                    for row in ws.iter_rows(values_only=True):
                        writer.writerow(['' if v is None else v for v in row])
                """, file: url)
            let result = ReportFormImport.read(
                data: try Data(contentsOf: csv), name: "bao-cao.csv", site: defaultSite, plan: Self.slug)
            #expect(result.diagnostics.isEmpty, "\(delimiter) \(bom): \(result.diagnostics)")
            #expect(result.yaml == expected, "separator \(delimiter), byte-order mark \(bom)")
        }
        // A mistake in a CSV is named by its cell, without a sheet.
        let text = try String(contentsOf: folder.path("bao-cao.csv"), encoding: .utf8)
            .replacingOccurrences(of: ";hoàn thành;100;", with: ";hoàn thànhh;100;")
        let result = ReportFormImport.read(
            data: Data(text.utf8), name: "bao-cao.csv", site: defaultSite, plan: Self.slug)
        #expect(result.diagnostics.map(\.location.description) == ["bao-cao.csv:E10"])
    }

    /// One mistake per case: the Python edit, then the diagnostics as "code cell".
    static let mistakes: [(String, String, [String], String)] = [
        ("unknown status", "ws['E9'] = 'hoàn thàn'", ["unknown-value Sheet1!E9"], "có phải ý bạn là 'hoàn thành'"),
        (
            "percent above 100", "ws['E10'] = 'đang thực hiện'; ws['F10'] = 150", ["percent-out-of-range Sheet1!F10"],
            "0–100"
        ),
        (
            "percent in words", "ws['E11'] = 'đang thực hiện'; ws['F11'] = 'bốn mươi'", ["malformed-number Sheet1!F11"],
            "không phải là số"
        ),
        (
            "percent with a fraction", "ws['E11'] = 'đang thực hiện'; ws['F11'] = 40.5",
            ["malformed-number Sheet1!F11"], "số nguyên"
        ),
        (
            "reference not in the plan", "ws['A12'] = 'III.9.z'",
            ["form-row-removed Sheet1!A8", "unknown-task Sheet1!A12"], "không có nhiệm vụ mã 'III.9.z'"
        ),
        ("locked task text edited", "ws['B13'] = 'Việc khác'", ["locked-cell-edited Sheet1!B13"], "đã bị sửa"),
        ("task row removed", "ws.delete_rows(14)", ["form-row-removed Sheet1!A8"], "'PL1/6.1/2'"),
        ("period missing", "ws['B4'] = None", ["missing-field Sheet1!B4"], "kỳ báo cáo"),
        ("date not a day", "ws['B5'] = '32/13/2024'", ["malformed-date Sheet1!B5"], "ngày/tháng/năm"),
        (
            "a note without a status", "ws['E9'] = None; ws['G9'] = 'ghi chú'", ["missing-field Sheet1!E9"],
            "chưa chọn trạng thái"
        ),
        ("form of another plan", "ws['B2'] = '2024-khac'", ["locked-cell-edited Sheet1!B2"], "không phải '\(slug)'"),
    ]

    @Test("a wrong cell is named with its address and a plain message", arguments: mistakes.indices)
    func wrongCell(_ index: Int) throws {
        let (name, edit, expected, words) = Self.mistakes[index]
        let folder = try TemporaryFolder()
        // Every case also fills one row correctly, so that only the mistake is reported.
        let url = try Self.filledForm("ws['E9'] = 'hoàn thành'; ws['F9'] = 100\n" + edit, in: folder)
        let result = ReportFormImport.read(
            data: try Data(contentsOf: url), name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug)
        #expect(result.yaml == nil, "\(name)")
        #expect(result.diagnostics.map { "\($0.code.rawValue) \($0.location.cell ?? "")" } == expected, "\(name)")
        #expect(result.diagnostics.contains { $0.message.contains(words) }, "\(name): \(result.diagnostics)")
        #expect(
            result.diagnostics.allSatisfy { $0.severity == .error && $0.description.hasPrefix("bao-cao.xlsx:Sheet1!") })
    }

    @Test func aPercentContradictingTheStatusIsAWarningAtItsCell() throws {
        let folder = try TemporaryFolder()
        let url = try Self.filledForm(
            "ws['E9'] = 'hoàn thành'; ws['F9'] = 60\nws['E10'] = 'chưa thực hiện'; ws['F10'] = 5", in: folder)
        let result = ReportFormImport.read(
            data: try Data(contentsOf: url), name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug)
        #expect(
            result.diagnostics.map { "\($0.severity.rawValue) \($0.code.rawValue) \($0.location)" } == [
                "warning percent-contradicts-status bao-cao.xlsx:Sheet1!F9",
                "warning percent-contradicts-status bao-cao.xlsx:Sheet1!F10",
            ])
        #expect(result.yaml?.contains("percent: 60") == true, "a warning does not stop the import")
    }

    @Test func inlineStringsRichTextRunsAndNumbersAreReadByAddress() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("tay.xlsx")
        // A workbook written by hand, as other programs write them: inline strings, rich-text
        // runs with a phonetic guide, a formula's cached text, a number, cells without `r`.
        _ = try Self.python(
            """
            import zipfile
            files = {
              '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
              'xl/workbook.xml': '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Tờ 1" sheetId="1" r:id="rId7"/></sheets></workbook>',
              'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/tam.xml"/></Relationships>',
              'xl/sharedStrings.xml': '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>một</t></si><si><r><t>hoàn </t></r><r><rPr><b/></rPr><t>thành</t></r><rPh><t>ふりがな</t></rPh></si></sst>',
              'xl/worksheets/tam.xml': '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Sở &amp; Ban</t></is></c><c t="s"><v>1</v></c><c r="D2"><v>40.5</v></c></row><row><c t="str"><f>A2</f><v>tính</v></c><c r="B3" t="s"><v>0</v></c><c r="C3" t="b"><v>1</v></c></row></sheetData></worksheet>',
            }
            with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
                for name, text in files.items(): z.writestr(name, text)
            """, file: url)
        let document = try XLSXDocument(data: try Data(contentsOf: url))
        let sheet = try #require(document.sheets.first)
        #expect(sheet.name == "Tờ 1")
        let cells = sheet.cells.map { "\($0.key.address)=\($0.value.text)" }.sorted()
        #expect(cells == ["A2=Sở & Ban", "A3=tính", "B2=hoàn thành", "B3=một", "C3=TRUE", "D2=40.5"])
    }

    @Test func aWorkbookWhoseXMLIsNotUTF8IsOneDiagnosticNotATrap() throws {
        let folder = try TemporaryFolder()
        let url = folder.path("hong.xlsx")
        // FoundationXML on Linux traps on an element name that is not UTF-8: the reader must
        // refuse such a part before the parser sees it (as the .docx reader does).
        _ = try Self.python(
            """
            import zipfile
            files = {
              'xl/workbook.xml': b'<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
              'xl/_rels/workbook.xml.rels': b'<Relationships><Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>',
              'xl/worksheets/s.xml': b'<worksheet><sheetData><row><c\\xff\\xfe r="A1"><v>1</v></c></row></sheetData></worksheet>',
            }
            with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
                for name, data in files.items(): z.writestr(name, data)
            """, file: url)
        let result = ReportFormImport.read(
            data: try Data(contentsOf: url), name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug)
        #expect(result.yaml == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.contains("UTF-8") == true, "\(result.diagnostics)")
    }

    @Test func aDateTypedAsAnExcelDateIsRead() throws {
        let folder = try TemporaryFolder()
        let url = try Self.filledForm(
            "import datetime\nws['B5'] = datetime.date(2024, 12, 20)\nws['E9'] = 'hoàn thành'", in: folder)
        let result = ReportFormImport.read(
            data: try Data(contentsOf: url), name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.yaml?.contains("date: 20/12/2024\n") == true)
    }

    @Test func notAWorkbookIsOneDiagnosticForTheFile() {
        for data in [Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), Data("xin chào; không phải biểu mẫu\n".utf8)] {
            let result = ReportFormImport.read(data: data, name: "bao-cao.xlsx", site: defaultSite, plan: Self.slug)
            #expect(result.yaml == nil)
            #expect(result.diagnostics.count == 1)
            #expect(result.diagnostics.first?.location.description == "bao-cao.xlsx")
        }
    }

    @Test func commandsWriteTheFormAndImportItIntoTheContent() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.content, at: "Content")
        let made = try runPlansite(
            [
                "new", "report", "--xlsx", "--plan", Self.slug, "--department", "Sở Y tế", "--period", "Quý IV/2024",
                "--date", "16/12/2024",
            ], in: folder.url)
        #expect(made.status == 0, "\(made.output)")
        let form = folder.path("bao-cao-2024-q4-so-y-te.xlsx")
        #expect(try Data(contentsOf: form) == Self.form().data)
        _ = try Self.python(
            "wb = openpyxl.load_workbook(path); ws = wb.active\n" + Self.fill + "\nwb.save(path)", file: form)
        let imported = try runPlansite(
            ["import", "report", form.lastPathComponent, "--plan", Self.slug], in: folder.url)
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains("Đã kiểm tra"))
        let written = folder.path("Content/plans/\(Self.slug)/bao-cao-2024-q4-so-y-te.yaml")
        #expect(FileManager.default.fileExists(atPath: written.path))
        let again = try runPlansite(["import", "report", form.lastPathComponent, "--plan", Self.slug], in: folder.url)
        #expect(again.status != 0 && again.output.contains("không ghi đè"))
        _ = try Self.python(
            "wb = openpyxl.load_workbook(path); ws = wb.active\nws['F9'] = 400\nwb.save(path)", file: form)
        let wrong = try runPlansite(
            ["import", "report", form.lastPathComponent, "--plan", Self.slug, "--out", "-"], in: folder.url)
        #expect(wrong.status != 0)
        #expect(wrong.output.contains("bao-cao-2024-q4-so-y-te.xlsx:Sheet1!F9: error: "))
    }
}

import Foundation
import PlansiteBuild
import PlansiteExport
import PlansiteModel
import PlansiteSiteMap
import PlansiteSupport
import PlansiteWording
import TestSupport
import Testing

/// `don-vi/<id>/nhiem-vu.xlsx`: each department's tasks across plans, read back with openpyxl,
/// listed in the data manifest, linked from the department page, the same bytes every build.
@Suite struct XLSXExportTests {
    func build(into folder: TemporaryFolder, name: String) throws -> URL {
        let output = folder.path(name)
        let outcome = SiteBuilder(
            options: .init(content: TestPaths.content, templates: TestPaths.templates, output: output)
        ).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        return output
    }

    @Test func departmentWorkbookHoldsItsTasksAcrossPlansAndIsListedAndLinked() throws {
        let folder = try TemporaryFolder()
        let output = try build(into: folder, name: "Public")
        let site = defaultSite
        let department: DepartmentID = "dak-nong-so-y-te"
        let path = SiteMap.departmentTasksXLSX(department)
        #expect(path == "don-vi/\(department)/nhiem-vu.xlsx")
        let workbook = output.appendingPathComponent(path)
        guard toolExists("python3"), (try runTool("python3", ["-c", "import openpyxl"])).status == 0 else {
            throw ExportTestError("python3 with openpyxl is required: scripts/install-deps --test")
        }
        let read = try runTool(
            "python3",
            [
                "-c",
                "import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).active\n"
                    + "print(json.dumps([[c if c is not None else '' for c in r] for r in ws.iter_rows(min_row=2, values_only=True)], ensure_ascii=False))",
                workbook.path,
            ])
        #expect(read.status == 0, "\(read.error)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(read.output.utf8)) as? [[String]])
        #expect(rows.first == ["Kế hoạch", "Mã báo cáo", "Nhiệm vụ", "Vai trò", "Thời gian thực hiện", "Trạng thái"])
        // Every assignment of the department, plan by plan in document order.
        var expected: [[String]] = []
        for plan in site.plans {
            let progress = PlanProgress(plan, rules: site.settings.progressRules)
            for task in plan.tasks + plan.appendices.flatMap(\.tasks) {
                for (id, role) in task.assignments where id == department {
                    expected.append([
                        task.reference, role.label, task.timeFrame?.text ?? "", progress[task].status.label,
                    ])
                }
            }
        }
        #expect(!expected.isEmpty)
        #expect(rows.dropFirst().map { [$0[1], $0[3], $0[4], $0[5]] } == expected)
        #expect(rows.dropFirst().allSatisfy { $0[0].contains("Kế hoạch số") && !$0[2].isEmpty })

        let manifest = try String(contentsOf: output.appendingPathComponent(SiteMap.manifest), encoding: .utf8)
        let data = try Data(contentsOf: workbook)
        #expect(manifest.contains("\"path\" : \"\(path)\""))
        #expect(manifest.contains(SHA256Digest.hex(of: data)))
        #expect(manifest.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        let page = try String(
            contentsOf: output.appendingPathComponent("don-vi/\(department)/index.html"), encoding: .utf8)
        #expect(
            page.contains("<a href=\"nhiem-vu.xlsx\" download>Tải danh sách nhiệm vụ (Excel)</a>")
                || page.contains("nhiem-vu.xlsx\" download>Tải danh sách nhiệm vụ (Excel)</a>"))
    }

    @Test func sameContentGivesTheSameWorkbookBytes() throws {
        let folder = try TemporaryFolder()
        let first = try build(into: folder, name: "a")
        Thread.sleep(forTimeInterval: 1.1)
        let second = try build(into: folder, name: "b")
        let paths = defaultSite.departments.map { SiteMap.departmentTasksXLSX($0.id) }
        #expect(!paths.isEmpty)
        for path in paths {
            let a = try Data(contentsOf: first.appendingPathComponent(path))
            let b = try Data(contentsOf: second.appendingPathComponent(path))
            #expect(!a.isEmpty && a == b, "\(path)")
        }
    }
}

import Foundation
import TestSupport
import Testing

/// The built `plansite` executable as a clerk runs it: help, exit codes, the summary line, and
/// what a mistyped option or value prints.
@Suite struct CommandLineTests {
    /// The fixture site (no diagnostic), copied so that a test may change it.
    func fixtureCopy() throws -> TemporaryFolder {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        return temporary
    }

    @Test func helpDescribesThePortalAndEachCommandInVietnamese() throws {
        let temporary = try TemporaryFolder()
        let run = try runPlansite(["--help"], in: temporary.url)
        #expect(run.status == 0)
        #expect(run.output.contains("Dựng cổng thông tin tĩnh về các kế hoạch cải thiện chỉ số"))
        #expect(run.output.contains("USAGE: plansite <subcommand>"))
        for line in [
            "  check                   Kiểm tra nội dung và in mọi chỗ sai theo dạng",
            "  build                   Kiểm tra nội dung, rồi dựng cổng thông tin.",
        ] {
            #expect(run.output.contains(line), "\(line)")
        }
    }

    @Test func checkOfValidContentExitsZeroWithANoProblemSummary() throws {
        let temporary = try fixtureCopy()
        let run = try runPlansite(["check", "--content", "content"], in: temporary.url)
        #expect(run.status == 0)
        #expect(run.output == "0 lỗi, 0 cảnh báo\n")
    }

    @Test func checkWithOnlyAWarningExitsZeroAndCountsIt() throws {
        let temporary = try fixtureCopy()
        try temporary.write("ghi chú\n", to: "content/ghi-chu.txt")
        let run = try runPlansite(["check", "--content", "content"], in: temporary.url)
        #expect(run.status == 0)
        #expect(
            run.output == """
                content/ghi-chu.txt: warning: tệp này không thuộc định dạng nội dung nên không được đọc (xem docs/content-format.md) [unexpected-file]
                0 lỗi, 1 cảnh báo

                """)
    }

    @Test func checkWithAnErrorExitsOneAndPrintsItsLineThenTheSummary() throws {
        let temporary = try fixtureCopy()
        try temporary.write("title: Cổng mẫu\n", to: "content/site.yaml")
        let run = try runPlansite(["check", "--content", "content"], in: temporary.url)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.last == "\(lines.count - 1 - lines.filter { $0.hasPrefix("    note:") }.count) lỗi, 0 cảnh báo")
        #expect(lines.first?.hasPrefix("content/site.yaml") == true, "\(lines)")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("content/") || $0.hasPrefix("    note: ") }, "\(lines)")
        #expect(lines.contains { $0.contains(": error: ") && $0.hasSuffix("[missing-field]") }, "\(lines)")
    }

    @Test func checkOfAMissingFolderExitsOneNamingIt() throws {
        let temporary = try TemporaryFolder()
        let run = try runPlansite(["check", "--content", "khong-co"], in: temporary.url)
        #expect(run.status == 1)
        #expect(run.output == "khong-co: error: không tìm thấy thư mục nội dung [unreadable-file]\n1 lỗi, 0 cảnh báo\n")
    }

    @Test(arguments: ["31/02/2024", "2024-12-31", "hôm qua", ""])
    func buildWithAMalformedAsOfExitsOneWithTheFormatToWrite(_ value: String) throws {
        let temporary = try fixtureCopy()
        let run = try runPlansite(
            ["build", "--content", "content", "--output", "Public", "--as-of", value], in: temporary.url)
        #expect(run.status == 1)
        #expect(
            run.output
                == "--as-of '\(value)' không đọc được; viết ngày dạng dd/mm/yyyy, ví dụ 31/12/2024, hoặc 'today'.\n")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("Public").path), "nothing is built")
    }

    /// ArgumentParser's own words (English): the option is named and the usage shown, exit 64.
    @Test func anUnknownOptionExitsWithUsageErrorNamingIt() throws {
        let temporary = try TemporaryFolder()
        let run = try runPlansite(["check", "--khong-co"], in: temporary.url)
        #expect(run.status == 64)
        #expect(
            run.output.hasPrefix("Error: Unknown option '--khong-co'\nUsage: plansite check [--content <content>]\n"))
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteModel
import TestSupport
import Testing

/// How the validator resolves what content names: one test for each way a department name is
/// found (or not), on the fixture site with a second lead written after the first task's
/// `lead: SNV` in phu-luc-1.yaml (SNV reports on that task), and the printed diagnostic when it
/// is not found.
@Suite struct ReferenceResolutionTests {
    static let appendix = "plans/2024-mau-par-index/phu-luc-1.yaml"

    /// The fixture site with `lead` as the first task's second lead, and `extra` files added.
    func check(lead: String, extra: [String: String] = [:]) throws -> (lead: [DepartmentID]?, printed: [String]) {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let file = temporary.path("content/\(Self.appendix)")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("            lead: SNV\n"))
        try text.replacingOccurrences(of: "            lead: SNV\n", with: "            lead: [SNV, \(lead)]\n")
            .write(to: file, atomically: true, encoding: .utf8)
        for (path, contents) in extra { try temporary.write(contents, to: "content/\(path)") }
        let content = temporary.path("content")
        let (site, diagnostics) = checkContent(content)
        let task = site?.plans.first { $0.slug == "2024-mau-par-index" }?.allTasks.first {
            $0.text == "Tổ chức đối thoại."
        }
        return (task?.lead, printed(diagnostics, root: content.path))
    }

    static let otherLocality = [
        "departments/tinh-khac.yaml": """
        locality:
          id: tinh-khac
          name: tỉnh Khác
        departments:
          - id: tinh-khac-so-y-te
            name: Sở Y tế tỉnh Khác
            short-name: Sở Y tế
            level: sở
          - id: tinh-khac-so-tu-phap
            name: Sở Tư pháp tỉnh Khác
            short-name: Sở Tư pháp
            level: sở

        """
    ]

    @Test func anAliasResolvesToItsDepartmentAndTwoNamesOfOneDepartmentCountOnce() throws {
        let result = try check(lead: "Giám đốc Sở Nội vụ")
        #expect(result.printed.isEmpty)
        #expect(result.lead == ["tinh-mau-so-noi-vu"])
    }

    @Test func aShortNameResolvesToItsDepartment() throws {
        let result = try check(lead: "Sở Tư pháp")
        #expect(result.printed.isEmpty)
        #expect(result.lead == ["tinh-mau-so-noi-vu", "tinh-mau-so-tu-phap"])
    }

    @Test func theIdResolvesToItsDepartment() throws {
        let result = try check(lead: "tinh-mau-trung-tam-phuc-vu-hanh-chinh-cong")
        #expect(result.printed.isEmpty)
        #expect(result.lead == ["tinh-mau-so-noi-vu", "tinh-mau-trung-tam-phuc-vu-hanh-chinh-cong"])
    }

    @Test func aNameInOtherLettersCaseAndSpacingResolvesToTheSameDepartment() throws {
        let result = try check(lead: "\"sở   TƯ pháp\"")
        #expect(result.printed.isEmpty)
        #expect(result.lead == ["tinh-mau-so-noi-vu", "tinh-mau-so-tu-phap"])
    }

    @Test func aNameFoundOnlyInAnotherLocalityResolvesThere() throws {
        let result = try check(lead: "Sở Y tế", extra: Self.otherLocality)
        #expect(result.printed.isEmpty)
        #expect(result.lead == ["tinh-mau-so-noi-vu", "tinh-khac-so-y-te"])
    }

    @Test func theOwnLocalityWinsOverAnotherWithTheSameName() throws {
        let result = try check(lead: "Sở Tư pháp", extra: Self.otherLocality)
        #expect(result.printed.isEmpty)
        #expect(result.lead == ["tinh-mau-so-noi-vu", "tinh-mau-so-tu-phap"])
    }

    @Test func aNameOfTwoOtherLocalitiesIsAnErrorNamingBoth() throws {
        var extra = Self.otherLocality
        extra["departments/tinh-ba.yaml"] = """
            locality:
              id: tinh-ba
              name: tỉnh Ba
            departments:
              - id: tinh-ba-so-y-te
                name: Sở Y tế tỉnh Ba
                short-name: Sở Y tế
                level: sở

            """
        let result = try check(lead: "Sở Y tế", extra: extra)
        #expect(result.lead == nil)
        #expect(
            result.printed == [
                "\(Self.appendix):19:25: error: tên 'Sở Y tế' ứng với nhiều đơn vị ở các địa phương khác nhau: tinh-ba-so-y-te, tinh-khac-so-y-te; ghi mã đơn vị [unknown-department]"
            ])
    }

    @Test func anUnknownNameIsAnErrorWithTheClosestNamesSuggested() throws {
        let result = try check(lead: "Sở Nội vu")
        #expect(result.lead == nil)
        #expect(
            result.printed == [
                "\(Self.appendix):19:25: error: không có đơn vị 'Sở Nội vu' trong danh mục (Content/departments/); có phải ý bạn là 'Sở Nội vụ'? [unknown-department]"
            ])
    }
}

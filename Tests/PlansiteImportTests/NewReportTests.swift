import Foundation
import PlansiteImport
import PlansiteModel
import TestSupport
import Testing

/// `plansite new report`: the department's tasks listed with their references, the status
/// left for the author; once filled in, the report checks clean and counts.
@Suite struct NewReportTests {
    static let slug = "2024-dak-nong-papi-474"

    @Test func listsTheDepartmentsTasksAndChecksOnceFilledIn() throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.content, at: "content")
        let site = defaultSite
        let (file, yaml) = try ReportScaffold.make(
            site: site, plan: Self.slug, department: "Giám đốc Sở Y tế", period: "quý 4/2024",
            date: CalendarDate(parsing: "16/12/2024")!)
        #expect(file == "plans/\(Self.slug)/bao-cao-2024-q4-so-y-te.yaml")
        let references = yaml.split(separator: "\n").filter { $0.hasPrefix("  - task: ") }
            .map { $0.dropFirst("  - task: ".count).trimmingCharacters(in: ["\""]) }
        #expect(references == ["III.2.a", "III.2.b", "III.2.c", "PL1/4.2/2", "PL1/6.1/1", "PL1/6.1/2"])
        #expect(yaml.contains("period: \"Quý IV/2024\"\ndepartment: \"dak-nong-so-y-te\"\ndate: 16/12/2024\n"))

        // As written, each empty status is an error at its task.
        try folder.write(yaml, to: "content/" + file)
        let (unfinished, problems) = checkContent(folder.path("content"))
        #expect(unfinished == nil)
        #expect(
            problems.filter { $0.location.file.hasSuffix(file) }.map(\.code)
                == Array(repeating: .missingField, count: 6))

        // Filled in, it checks clean and the tasks take its statuses.
        try folder.write(
            yaml.replacingOccurrences(of: "    status:\n", with: "    status: hoàn thành\n"), to: "content/" + file)
        let (checked, diagnostics) = checkContent(folder.path("content"))
        let plan = try #require(checked?.plans.first { $0.slug.rawValue == Self.slug })
        #expect(diagnostics.allSatisfy { !$0.location.file.hasSuffix(file) })
        let task = try #require(plan.tasks.first { $0.reference == "III.2.b" })
        #expect(plan.reports(for: task).map(\.department) == ["dak-nong-so-y-te"])
        #expect(plan.progress(of: task, rules: checked!.settings.progressRules).status == .done)
    }

    @Test func explainsWhatItCannotDo() {
        let site = defaultSite
        let date = CalendarDate(parsing: "1/10/2024")!
        #expect(throws: ReportScaffold.Failure.self) {
            try ReportScaffold.make(
                site: site, plan: "2024-dak-nong", department: "Sở Y tế", period: "Quý IV/2024", date: date)
        }
        #expect(throws: ReportScaffold.Failure.unknownDepartment("Sở Y té", suggestions: ["Sở Y tế"])) {
            try ReportScaffold.make(
                site: site, plan: Self.slug, department: "Sở Y té", period: "Quý IV/2024", date: date)
        }
        #expect(throws: ReportScaffold.Failure.malformedPeriod("Quý 5/2024")) {
            try ReportScaffold.make(
                site: site, plan: Self.slug, department: "Sở Y tế", period: "Quý 5/2024", date: date)
        }
        #expect(
            throws: ReportScaffold.Failure.periodOutsidePlan("Quý I/2024", start: "18/07/2024", end: "31/12/2024")
        ) {
            try ReportScaffold.make(
                site: site, plan: Self.slug, department: "Sở Y tế", period: "Quý I/2024", date: date)
        }
        #expect(throws: ReportScaffold.Failure.noTasks(department: "Phòng Kinh tế", plan: Self.slug)) {
            try ReportScaffold.make(
                site: site, plan: Self.slug, department: "Phòng Kinh tế", period: "Quý IV/2024", date: date)
        }
    }
}

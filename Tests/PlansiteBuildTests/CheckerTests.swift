import Foundation
import PlansiteBuild
import TestSupport
import Testing

/// TestSupport's `checkContent` runs the loader and the validator without PlansiteBuild, for
/// the stage tests: it must give what `Checker` (`plansite check`) gives.
@Suite struct CheckerTests {
    static let cases = ["site", "invalid/unknown-department", "invalid/unknown-field", "invalid/yaml-syntax"]

    @Test(arguments: cases)
    func checkerAndTestSupportGiveTheSameSiteAndDiagnostics(_ fixture: String) throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        if fixture != "site" {
            try temporary.overlay(TestPaths.fixtures.appendingPathComponent("\(fixture)/content"), at: "content")
        }
        let content = temporary.path("content")
        let checker = Checker(content: content, displayContent: content.path).check()
        let (site, diagnostics) = checkContent(content)
        #expect(checker.diagnostics == diagnostics)
        #expect(checker.site?.plans.map(\.slug) == site?.plans.map(\.slug))
        #expect(checker.site?.departments == site?.departments)
        #expect(checker.site?.plans.map(\.allTasks.count) == site?.plans.map(\.allTasks.count))
        #expect((site == nil) == (fixture != "site"))
    }
}

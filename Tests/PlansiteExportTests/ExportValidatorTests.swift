import Foundation
import PlansiteExport
import PlansiteModel
import PlansiteRender
import PlansiteSiteMap
import TestSupport
import Testing

/// scripts/validate-exports.py — independent parsers (Python's icalendar, jsonschema, xml.etree,
/// csv) — on a portal built from the default content and from the fixture site: the pages,
/// rendered through the templates, and every export.
@Suite struct ExportValidatorTests {
    static let validator = TestPaths.exportValidator

    func requirePackages() throws { try requireExportValidatorPackages() }

    func validate(_ site: Site) throws {
        try requirePackages()
        let folder = try TemporaryFolder()
        try ExportFixture.write(ExportFixture.portal(site), to: folder.url)
        let result = try runTool("python3", [Self.validator.path, folder.url.path])
        #expect(result.status == 0, "validate-exports.py:\n\(result.output)\(result.error)")
        #expect(result.output.contains("0 problem(s)"), "\(result.output)")
    }

    @Test func defaultContentExportsAreValid() throws {
        try validate(ExportFixture.site(defaultSite, baseURL: ExportFixture.baseURL))
    }

    @Test func defaultContentWithoutBaseURLIsValid() throws {
        try validate(defaultSite)
    }

    @Test func fixtureSiteExportsAreValid() throws {
        try validate(ExportFixture.site(ExportFixture.fixtureSite, baseURL: ExportFixture.baseURL))
    }

    /// A plan with progress reports: task statuses, reports and the reports CSV.
    @Test func progressExportsAreValid() throws {
        try validate(ExportFixture.progressSite())
    }

    /// The validator is not a rubber stamp: broken exports make it fail.
    @Test func validatorRejectsBrokenExports() throws {
        try requirePackages()
        let folder = try TemporaryFolder()
        var files = ExportFixture.portal(ExportFixture.site(ExportFixture.fixtureSite, baseURL: ExportFixture.baseURL))
        files = files.map { file in
            switch file.path {
            case "ke-hoach/2024-mau-par-index/du-lieu/phu-luc-1.csv":
                // A table line lost.
                var lines = String(decoding: file.data, as: UTF8.self).components(separatedBy: "\r\n")
                lines.remove(at: 2)
                return OutputFile(path: file.path, data: Data(lines.joined(separator: "\r\n").utf8))
            case "don-vi/tinh-mau-so-noi-vu/lich.ics":
                // An unfolded long line.
                let text = String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
                return OutputFile(path: file.path, data: Data(text.utf8))
            case "ke-hoach/2023-mau-papi/du-lieu/ke-hoach.json":
                // The plan JSON is compact: `"kind":"…"`.
                let original = String(decoding: file.data, as: UTF8.self)
                let text = original.replacingOccurrences(of: "\"kind\":\"công văn\"", with: "\"kind\":\"thư\"")
                #expect(text != original, "the plan JSON's kind was not found to corrupt")
                return OutputFile(path: file.path, data: Data(text.utf8))
            default:
                return file
            }
        }
        try ExportFixture.write(files, to: folder.url)
        let result = try runTool("python3", [Self.validator.path, folder.url.path])
        #expect(result.status == 1)
        #expect(result.output.contains("phu-luc-1.csv"), "\(result.output)")
        #expect(result.output.contains("octets"), "\(result.output)")
        #expect(result.output.contains("schema"), "\(result.output)")
        #expect(result.output.contains("SHA-256 differs"), "\(result.output)")
    }
}

import Foundation
import PlansiteDiagnostics
import PlansiteModel
import TestSupport
import Testing

/// The operator's identity in site.yaml: read into `SiteSettings.identity`, each bad value
/// reported at its own line and column, the decree's missing items in one warning.
@Suite struct SiteIdentityTests {
    static let base = """
        title: Cổng kế hoạch mẫu
        issuer: Sở Nội vụ tỉnh Mẫu
        as-of: 15/6/2024

        """

    private func check(_ settings: String) throws -> (Site?, [Diagnostic], TemporaryFolder) {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "")
        try folder.write(settings, to: "site.yaml")
        let (site, diagnostics) = checkContent(folder.url)
        return (site, diagnostics, folder)
    }

    @Test func everyIdentityKeyIsReadIntoTheSettings() throws {
        let (site, diagnostics, _) = try check(
            Self.base + """
                description: Mô tả cổng.
                agency: Sở Nội vụ tỉnh Mẫu
                agency-parent: Ủy ban nhân dân tỉnh Mẫu
                responsible-person: Người Phụ Trách Mẫu
                responsible-title: Giám đốc
                address: Số 1 đường Mẫu
                phone: 0200 3000 000
                email: lien-he@example.gov.vn
                content-licence: CC BY 4.0
                content-licence-url: https://creativecommons.org/licenses/by/4.0/deed.vi
                data-licence: CC0 1.0

                """)
        #expect(diagnostics.filter { $0.severity == .error || $0.code == .missingOperatorInfo }.isEmpty)
        let settings = try #require(site?.settings)
        #expect(settings.description == "Mô tả cổng.")
        #expect(
            settings.identity
                == SiteOperator(
                    agency: "Sở Nội vụ tỉnh Mẫu", agencyParent: "Ủy ban nhân dân tỉnh Mẫu",
                    responsiblePerson: "Người Phụ Trách Mẫu", responsibleTitle: "Giám đốc", address: "Số 1 đường Mẫu",
                    phone: "0200 3000 000", email: "lien-he@example.gov.vn",
                    contentLicence: Licence(
                        name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/deed.vi"),
                    dataLicence: Licence(name: "CC0 1.0", url: nil)))
    }

    @Test func eachMalformedContactIsAnErrorAtItsValue() throws {
        let (_, diagnostics, folder) = try check(
            Self.base + """
                agency: Sở Nội vụ tỉnh Mẫu
                responsible-person: Người Phụ Trách Mẫu
                address: Số 1 đường Mẫu
                email: "a@b.vn?bcc=c@d.vn"
                phone: "0200 <b>"
                content-licence: CC BY 4.0
                content-licence-url: "ftp://example.gov.vn/giay-phep"

                """)
        let lines = compact(diagnostics, root: folder.url.path).filter { $0.contains("malformed-contact") }
        #expect(
            lines == [
                "error malformed-contact site.yaml:7:8", "error malformed-contact site.yaml:8:8",
                "error malformed-contact site.yaml:10:22",
            ])
    }

    @Test func theDecreesMissingItemsAreOneWarningNamingEach() throws {
        let (site, diagnostics, _) = try check(Self.base + "email: lien-he@example.gov.vn\n")
        #expect(site != nil, "a warning does not stop the build")
        let warnings = diagnostics.filter { $0.code == .missingOperatorInfo }
        #expect(warnings.count == 1)
        let message = try #require(warnings.first).message
        for item in ["agency", "responsible-person", "address"] { #expect(message.contains("(\(item))")) }
        #expect(!message.contains("(email)"), "an e-mail address is enough contact")
        #expect(warnings.first?.severity == .warning)
    }

    @Test func theDefaultContentChecksWithNoErrorAndOnlyTheWarningTheSeedsCannotFill() throws {
        let (site, diagnostics) = checkContent(TestPaths.repository.appendingPathComponent("Content"))
        #expect(!diagnostics.contains { $0.severity == .error })
        let identity = try #require(site?.settings.identity)
        #expect(identity.agency == "Sở Nội vụ")
        #expect(identity.dataLicence?.name == "CC BY 4.0")
        #expect(identity.responsiblePerson == nil && identity.email == nil && identity.phone == nil)
        #expect(diagnostics.filter { $0.code == .missingOperatorInfo }.count == 1)
    }
}

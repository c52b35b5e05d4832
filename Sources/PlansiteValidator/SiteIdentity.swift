import PlansiteDiagnostics
import PlansiteLoader
import PlansiteModel

/// The operator's identity in `site.yaml` (`ContentKey.Site`): each contact checked for what
/// it must be (an e-mail address, a telephone number, an http/https link), and one warning
/// naming every item Nghị định 42/2022/NĐ-CP asks a state agency's portal to show that is
/// missing: the agency in charge (cơ quan chủ quản), the person responsible, the address, and
/// a telephone number or an e-mail address. Their absence does not stop a build: the portal
/// is published, and the clerk is told what to add.
enum SiteIdentityReader {
    static func identity(_ definition: SiteDefinition, bag: inout DiagnosticBag) -> SiteOperator {
        typealias K = ContentKey.Site
        var identity = SiteOperator()
        identity.agency = definition.agency?.value
        identity.agencyParent = definition.agencyParent?.value
        identity.responsiblePerson = definition.responsiblePerson?.value
        identity.responsibleTitle = definition.responsibleTitle?.value
        identity.address = definition.address?.value
        if let field = definition.email {
            if let problem = WebAddress.emailProblem(field.value) {
                bag.error(
                    .malformedContact,
                    "\(K.email) '\(Validator.shown(field.value))' không phải địa chỉ thư điện tử: \(problem)",
                    at: field.location)
            } else {
                identity.email = field.value
            }
        }
        if let field = definition.phone {
            if let problem = WebAddress.phoneProblem(field.value) {
                bag.error(
                    .malformedContact,
                    "\(K.phone) '\(Validator.shown(field.value))' không phải số điện thoại: \(problem)",
                    at: field.location)
            } else {
                identity.phone = field.value
            }
        }
        identity.contentLicence = licence(
            definition.contentLicence, definition.contentLicenceURL, nameKey: K.contentLicence, bag: &bag)
        identity.dataLicence = licence(
            definition.dataLicence, definition.dataLicenceURL, nameKey: K.dataLicence, bag: &bag)
        var missing: [String] = []
        if definition.agency == nil { missing.append("cơ quan chủ quản (\(K.agency))") }
        if definition.responsiblePerson == nil { missing.append("người chịu trách nhiệm (\(K.responsiblePerson))") }
        if definition.address == nil { missing.append("địa chỉ (\(K.address))") }
        if definition.phone == nil && definition.email == nil {
            missing.append("số điện thoại (\(K.phone)) hoặc thư điện tử (\(K.email))")
        }
        if !missing.isEmpty {
            bag.warning(
                .missingOperatorInfo,
                "site.yaml chưa ghi " + missing.joined(separator: ", ")
                    + ". Theo Nghị định 42/2022/NĐ-CP, cổng thông tin của cơ quan nhà nước phải cho biết cơ quan chủ"
                    + " quản, người chịu trách nhiệm, địa chỉ và cách liên hệ; chân trang sẽ thiếu các mục này",
                at: definition.location)
        }
        return identity
    }

    /// A licence's name and link; a link given without a name, or one that is not an absolute
    /// http/https address, is an error at its value.
    private static func licence(
        _ name: Located<String>?, _ url: Located<String>?, nameKey: ContentKey.Site, bag: inout DiagnosticBag
    ) -> Licence? {
        var link: String?
        if let url {
            if WebAddress.isAbsoluteWebURL(url.value) {
                link = url.value
            } else {
                bag.error(
                    .malformedContact,
                    "'\(Validator.shown(url.value))' không phải địa chỉ web đầy đủ của giấy phép: phải bắt đầu bằng"
                        + " http:// hoặc https://, ví dụ https://creativecommons.org/licenses/by/4.0/deed.vi",
                    at: url.location)
            }
            if name == nil {
                bag.error(
                    .malformedContact, "có đường dẫn giấy phép nhưng thiếu tên giấy phép (\(nameKey))",
                    at: url.location)
            }
        }
        guard let name else { return nil }
        return Licence(name: name.value, url: link)
    }
}

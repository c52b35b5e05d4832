import Foundation
import PlansiteModel
import PlansiteSiteMap

/// Who runs the portal, as the footer and the about page show it (`site.yaml`'s identity,
/// `SiteOperator`). Contact links are made only by `WebAddress.mailto` and `WebAddress.tel`.
struct IdentityView {
    let agency: String?
    let agencyParent: String?
    /// "Nguyễn Văn A, Giám đốc Sở Nội vụ", or the name alone.
    let responsible: String?
    let address: String?
    let phone: String?
    let phoneLink: String?
    let email: String?
    let emailLink: String?
    let hasContact: Bool
    let contentLicence: LicenceView?
    let dataLicence: LicenceView?
    let aboutURL: String
    let openDataURL: String
}

struct LicenceView {
    let name: String
    let url: String?
}

extension IdentityView {
    init(_ settings: SiteSettings, root: String) {
        let identity = settings.identity
        agency = identity.agency
        agencyParent = identity.agencyParent
        responsible = identity.responsiblePerson.map { name in
            identity.responsibleTitle.map { "\(name), \($0)" } ?? name
        }
        address = identity.address
        phone = identity.phone
        phoneLink = identity.phone.flatMap(WebAddress.tel)
        email = identity.email
        emailLink = identity.email.flatMap(WebAddress.mailto)
        hasContact = identity.phone != nil || identity.email != nil
        contentLicence = identity.contentLicence.map { LicenceView($0) }
        dataLicence = identity.dataLicence.map { LicenceView($0) }
        aboutURL = root + SiteMap.about
        openDataURL = root + SiteMap.openData
    }

    /// The same with its two links from `base` (the 404 page, served at any depth).
    func rebased(on base: String) -> IdentityView {
        IdentityView(
            agency: agency, agencyParent: agencyParent, responsible: responsible, address: address, phone: phone,
            phoneLink: phoneLink, email: email, emailLink: emailLink, hasContact: hasContact,
            contentLicence: contentLicence, dataLicence: dataLicence, aboutURL: base + aboutURL,
            openDataURL: base + openDataURL)
    }

    /// `description` of site.yaml, or a sentence made from the title and issuer.
    static func description(of settings: SiteSettings) -> String {
        if let description = settings.description, !description.isEmpty { return description }
        return "\(settings.title): các kế hoạch, nhiệm vụ và tiến độ thực hiện do \(settings.issuer) công khai."
    }

    /// The page's absolute address from `base-url`, or nil without one (or with one the
    /// checker refused): a share preview never names a relative or made-up address.
    static func absoluteURL(of page: String, settings: SiteSettings) -> String? {
        guard let url = settings.baseURL, !url.isEmpty, WebAddress.baseURLProblem(url) == nil else { return nil }
        let base = url.hasSuffix("/") ? url : url + "/"
        let path =
            page == SiteMap.home ? "" : (page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page)
        return base + path
    }
}

extension Chrome {
    /// The chrome with every link from `base` (the 404 page), and no page address.
    func rebased(on base: String) -> Chrome {
        Chrome(
            siteTitle: siteTitle, issuer: issuer, asOf: asOf, asOfISO: asOfISO,
            nav: nav.map { NavItem(label: $0.label, url: base + $0.url, current: false) },
            stylesheet: base + stylesheet, homeURL: base + homeURL, description: description, pageURL: nil,
            identity: identity.rebased(on: base))
    }
}

/// `gioi-thieu/index.html`.
struct AboutPage {
    let chrome: Chrome
    let root: String
    let title: String
    let siteTitle: String
    let issuer: String
    let identity: IdentityView
    let planCount: Int
    let taskCount: Int
    let departmentCount: Int
    let localities: String
    let asOf: String
    let asOfISO: String
    let directoryURL: String
}

/// `du-lieu/index.html`: every kind of open-data file, explained and linked.
struct OpenDataPage {
    let chrome: Chrome
    let root: String
    let title: String
    let licence: LicenceView?
    let asOf: String
    let asOfISO: String
    let kinds: [DataKindView]
}

/// One kind of file on the open-data page.
struct DataKindView {
    let id: String
    let heading: String
    let format: String
    let paragraphs: [String]
    let files: [DownloadLink]
    let hasFiles: Bool
}

extension LicenceView {
    /// The licence's link only when it is an http/https address (`WebAddress.isAbsoluteWebURL`).
    init(_ licence: Licence) {
        self.init(name: licence.name, url: licence.url.flatMap { WebAddress.isAbsoluteWebURL($0) ? $0 : nil })
    }
}

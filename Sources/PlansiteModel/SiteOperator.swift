/// Who runs the portal and under what terms its content and open data may be reused: the
/// identity Nghị định 42/2022/NĐ-CP asks a state agency's portal to show (the agency in
/// charge, the person responsible, how to reach them). Every field is optional here; the
/// validator warns about the ones the decree requires (`missing-operator-info`).
public struct SiteOperator: Hashable, Sendable {
    /// Cơ quan chủ quản.
    public var agency: String?
    /// The agency above it ("Ủy ban nhân dân tỉnh Đắk Nông").
    public var agencyParent: String?
    /// Người chịu trách nhiệm chính, and their title.
    public var responsiblePerson: String?
    public var responsibleTitle: String?
    public var address: String?
    /// A telephone number as written ("0261 3544 123"), checked by `ContactAddress.phoneProblem`.
    public var phone: String?
    /// An e-mail address, checked by `ContactAddress.emailProblem`.
    public var email: String?
    public var contentLicence: Licence?
    public var dataLicence: Licence?

    public init(
        agency: String? = nil, agencyParent: String? = nil, responsiblePerson: String? = nil,
        responsibleTitle: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil,
        contentLicence: Licence? = nil, dataLicence: Licence? = nil
    ) {
        self.agency = agency
        self.agencyParent = agencyParent
        self.responsiblePerson = responsiblePerson
        self.responsibleTitle = responsibleTitle
        self.address = address
        self.phone = phone
        self.email = email
        self.contentLicence = contentLicence
        self.dataLicence = dataLicence
    }
}

/// A licence: its name ("CC BY 4.0") and, when given, the link to its text (http/https only).
public struct Licence: Hashable, Sendable {
    public let name: String
    public let url: String?

    public init(name: String, url: String?) {
        self.name = name
        self.url = url
    }
}

/// The YAML keys of the content files, written once: the loader's readers and the importer's
/// readers, writers and scaffolds all name a key through here, so they cannot drift apart.
/// (So far the department registry, `departments/*.yaml`; the other files' keys are still
/// written where they are read and written.)
public enum ContentKey {
    /// `departments/*.yaml`: a locality and its departments.
    public enum Registry {
        public static let locality = "locality"
        public static let departments = "departments"
        /// The keys of the `locality` mapping.
        public static let localityID = "id"
        public static let localityName = "name"
        public static let all = [locality, departments]
        public static let localityKeys = [localityID, localityName]
    }

    /// One entry of a registry's `departments` list.
    public enum RegistryEntry {
        public static let id = "id"
        public static let name = "name"
        public static let shortName = "short-name"
        public static let aliases = "aliases"
        public static let level = "level"
        public static let parent = "parent"
        public static let all = [id, name, shortName, aliases, level, parent]
    }
}

extension ContentKey {
    /// `site.yaml`: the portal's settings, and who runs it (the operator's identity shown in
    /// every page's footer and on the about page; see docs/content-format.md).
    public enum Site {
        public static let title = "title"
        public static let issuer = "issuer"
        public static let locale = "locale"
        public static let basePath = "base-path"
        public static let baseURL = "base-url"
        public static let asOf = "as-of"
        public static let dueSoonDays = "due-soon-days"
        public static let reportDay = "report-day"
        /// A sentence describing the portal: the pages' `<meta name="description">`.
        public static let description = "description"
        /// Cơ quan chủ quản: the agency in charge of the portal.
        public static let agency = "agency"
        /// The agency above it (e.g. the provincial People's Committee), when shown.
        public static let agencyParent = "agency-parent"
        /// Người chịu trách nhiệm chính: the responsible person and their title.
        public static let responsiblePerson = "responsible-person"
        public static let responsibleTitle = "responsible-title"
        public static let address = "address"
        public static let phone = "phone"
        public static let email = "email"
        /// The licence of the pages' content and of the open data: a name and its link.
        public static let contentLicence = "content-licence"
        public static let contentLicenceURL = "content-licence-url"
        public static let dataLicence = "data-licence"
        public static let dataLicenceURL = "data-licence-url"
        public static let all = [
            title, issuer, locale, basePath, baseURL, asOf, dueSoonDays, reportDay, description, agency, agencyParent,
            responsiblePerson, responsibleTitle, address, phone, email, contentLicence, contentLicenceURL,
            dataLicence, dataLicenceURL,
        ]
    }
}

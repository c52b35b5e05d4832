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

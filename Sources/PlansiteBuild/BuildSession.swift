import Foundation
import PlansiteDiagnostics
import PlansiteModel
import PlansiteRender
import PlansiteSupport
import PlansiteWriter

/// What a builder that stays running (`serve`) keeps from one build to the next, so that a
/// rebuild does only the work of the edit while the user waits, and the rest after the page
/// is shown (`SiteBuilder.tidy`):
/// - the cache of the last build, in memory: the next build does not read it back from disk,
///   and it is saved to disk after the build instead of during it;
/// - the staging folder of the next update, hard-linked from the output ahead of it
///   (`PreparedCopy`);
/// - the previous sites that updates swapped out, deleted after the build instead of during it;
/// - the walk of the content and templates that `serve` made to see the change, so that the
///   build does not walk them again;
/// - the plans its builds changed, as they read them, so that the next edit of one of them
///   rebuilds only the departments the edited tasks name (`TaskEdits`);
/// - the templates as the last build loaded them, with the stamps of the shared inputs they
///   were loaded under: an incremental build has the same shared inputs (else it is cold), so
///   it uses them instead of reading and parsing the folder again.
///
/// Every build still checks the output's marker against the cache, so a build of another
/// process in between (which the lock orders) makes the next one read that build's cache from
/// disk, or build cold. What a kill leaves is what a killed build leaves: the output is the old
/// site or the new one, the rest beside it is removed by the next build.
///
/// `@unchecked Sendable`: every stored property is read and changed under `lock`.
public final class BuildSession: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: BuildManifest?
    private var unsaved = false
    private var prepared: PreparedCopy?
    private var retired: [String] = []
    private var walks: [String: [FileTree.File]] = [:]
    private var plans: [String: Plan] = [:]
    private var templates: LoadedTemplates?

    /// Templates as loaded from `folder` while the shared inputs had the stamps `shared`.
    struct LoadedTemplates: Sendable {
        let folder: String
        let shared: [FileStamp]
        let set: TemplateSet?
        let diagnostics: [Diagnostic]
    }

    public init() {}

    /// The templates of `folder` while the shared inputs (templates included) have the stamps
    /// `shared`: those the last build loaded under the very same stamps, else `load()`'s,
    /// kept for the next build.
    func templates(
        in folder: String, shared: [FileStamp], load: () -> (TemplateSet?, [Diagnostic])
    ) -> (TemplateSet?, [Diagnostic]) {
        if let kept = lock.withLock({ templates }), kept.folder == folder, kept.shared == shared {
            return (kept.set, kept.diagnostics)
        }
        let (set, diagnostics) = load()
        lock.withLock {
            templates = LoadedTemplates(folder: folder, shared: shared, set: set, diagnostics: diagnostics)
        }
        return (set, diagnostics)
    }

    /// The walks (`FileTree.walk`) of folders, by their standardized path, just made: the next
    /// build stamps its inputs from them.
    public func useWalks(_ walks: [String: [FileTree.File]]) { lock.withLock { self.walks = walks } }

    func takeWalks() -> [String: [FileTree.File]] {
        lock.withLock {
            defer { walks = [:] }
            return walks
        }
    }

    /// The last build's cache, when it describes the portal with this marker, and the plans
    /// this session's builds changed, as the portal shows them.
    func previous(describing portal: String?) -> (manifest: BuildManifest, plans: [String: Plan])? {
        lock.withLock {
            guard let manifest, manifest.buildID == portal else { return nil }
            return (manifest, plans)
        }
    }

    /// The cache of the build just made, saved later by `takeUnsaved`, and the plans an
    /// incremental build read anew (`changed`, replacing the kept ones; `removed` forgotten).
    /// A cold build passes nil: every kept plan is forgotten and none of its own kept (the
    /// memory a national site takes, for edits that touch a few).
    func keep(_ manifest: BuildManifest, changed: [Plan]?, removed: Set<String> = []) {
        lock.withLock {
            self.manifest = manifest
            unsaved = true
            guard let changed else {
                plans = [:]
                return
            }
            for slug in removed { plans[slug] = nil }
            for plan in changed { plans[plan.slug.rawValue] = plan }
        }
    }

    /// The cache not yet saved, once.
    func takeUnsaved() -> BuildManifest? {
        lock.withLock {
            defer { unsaved = false }
            return unsaved ? manifest : nil
        }
    }

    /// The prepared staging folder, once: an update uses it up, whether it is still current or not.
    func takePrepared() -> PreparedCopy? {
        lock.withLock {
            defer { prepared = nil }
            return prepared
        }
    }

    func setPrepared(_ copy: PreparedCopy?) { lock.withLock { prepared = copy } }

    /// The names beside the output this session still owns, which a build's clean-up keeps.
    var owned: Set<String> { lock.withLock { Set([prepared?.name].compactMap { $0 }) } }

    func addRetired(_ name: String) { lock.withLock { retired.append(name) } }

    func takeRetired() -> [String] {
        lock.withLock {
            defer { retired = [] }
            return retired
        }
    }
}

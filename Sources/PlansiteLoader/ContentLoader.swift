import Foundation
import PlansiteDiagnostics
import PlansiteSupport
import Yams

/// Stage 1: reads a content folder into definitions, with every problem as a diagnostic.
public struct ContentLoader: Sendable {
    public let root: URL
    /// How paths are shown in diagnostics: the folder as the user named it.
    public let displayRoot: String

    public init(root: URL, displayRoot: String? = nil) {
        self.root = root.standardizedFileURL
        self.displayRoot = displayRoot ?? root.path
    }

    /// Reads everything, or (for an incremental build) the site settings, the registries,
    /// the results and only the plans whose slug `plans` accepts. Each diagnostic comes
    /// attributed to its plan folder, or to none. `walked`: the folder's walk
    /// (`FileTree.walk`), when the caller has just made it.
    public func load(plans wanted: (@Sendable (String) -> Bool)? = nil, walked: [FileTree.File]? = nil) -> (
        ContentDefinition, AttributedDiagnostics
    ) {
        let report = Reporter()
        var content = ContentDefinition(root: displayRoot, site: nil, registries: [], plans: [], results: [])
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.error(.unreadableFile, "không tìm thấy thư mục nội dung", at: SourceLocation(file: displayRoot))
            return (content, AttributedDiagnostics(shared: report.bag.items))
        }
        var planFolders: [String: [FileTree.File]] = [:]
        var hasSettings = false
        for entry in walked ?? FileTree.walk(root.path) {
            let path = entry.path
            let place = ContentLayout.place(of: entry.components)
            // What is inside a plan folder is the plan's: reported when the plan is read, so
            // that an incremental build, which reads some plans only, reports it the same.
            if case .plan(let slug, _) = place {
                if wanted?(slug) ?? true { planFolders[slug, default: []].append(entry) }
                continue
            }
            if let special = entry.special {
                SpecialFiles.report(special, at: location(path), into: report)
                continue
            }
            switch place {
            case .settings:
                hasSettings = true
                content.site = readYAML(path, report: report).flatMap { reader(path, report).site($0) }
            case .results:
                content.results = readYAML(path, report: report).map { reader(path, report).results($0) } ?? []
            case .registry:
                if let node = readYAML(path, report: report), let registry = reader(path, report).registry(node) {
                    content.registries.append(registry)
                }
            case .plan, .other:
                unexpected(path, report: report)
            }
        }
        if content.site == nil, !hasSettings {
            report.error(
                .missingField, "thiếu tệp site.yaml (cài đặt của cổng)", at: location(ContentLayout.settingsFile))
        }
        var diagnostics = AttributedDiagnostics(shared: report.bag.items)
        for (plan, slug, planDiagnostics) in loadFolders(planFolders.keys.sorted().map { ($0, planFolders[$0]!) }) {
            if let plan { content.plans.append(plan) }
            diagnostics.append(contentsOf: planDiagnostics, plan: slug)
        }
        return (content, diagnostics)
    }

    // MARK: - Plans

    /// Reads only these plan folders (for an incremental build that already has the rest);
    /// every diagnostic is its plan's.
    public func loadPlans(_ slugs: [String]) -> ([PlanDefinition], AttributedDiagnostics) {
        let folders = slugs.sorted().map { slug in
            // The same walk as `load`'s, so both see the same files, special ones included.
            let folder = ContentLayout.planFolder(slug)
            let path = root.appendingPathComponent(ContentLayout.planPath(slug)).path
            return (slug, FileTree.walk(path).map { $0.prefixed(folder) })
        }
        var diagnostics = AttributedDiagnostics()
        var plans: [PlanDefinition] = []
        for (plan, slug, planDiagnostics) in loadFolders(folders) {
            if let plan { plans.append(plan) }
            diagnostics.append(contentsOf: planDiagnostics, plan: slug)
        }
        return (plans, diagnostics)
    }

    /// Plans are independent of each other: read and parse them on every core.
    private func loadFolders(_ folders: [(String, [FileTree.File])]) -> [(PlanDefinition?, String, [Diagnostic])] {
        Parallel.map(folders) { slug, entries in
            let report = Reporter()
            let plan = loadPlan(slug: slug, entries: entries, report: report)
            return (plan, slug, report.bag.items)
        }
    }

    /// One plan folder, from its entries (paths relative to the content folder, sorted).
    private func loadPlan(slug: String, entries: [FileTree.File], report: Reporter) -> PlanDefinition? {
        var files: [String] = []
        for entry in entries {
            if let special = entry.special {
                SpecialFiles.report(special, at: location(entry.path), into: report)
            } else if case .plan(_, let file?) = ContentLayout.place(of: entry.components) {
                files.append(file)
            } else {
                unexpected(entry.path, report: report)
            }
        }
        return loadPlan(slug: slug, files: files, report: report)
    }

    private func unexpected(_ path: String, report: Reporter) {
        report.warning(
            .unexpectedFile, "tệp này không thuộc định dạng nội dung nên không được đọc (xem docs/content-format.md)",
            at: location(path))
    }

    private func loadPlan(slug: String, files: [String], report: Reporter) -> PlanDefinition? {
        let folder = ContentLayout.planPath(slug)
        guard files.contains("plan.md") else {
            report.error(.missingField, "thư mục kế hoạch thiếu tệp plan.md", at: location(folder))
            return nil
        }
        let path = "\(folder)/plan.md"
        guard let text = SourceText.read(url(path), displayPath: display(path), report: report) else { return nil }
        guard let frontMatter = FrontMatter(splitting: text) else {
            report.error(
                .missingFrontMatter, "plan.md phải bắt đầu bằng phần đầu YAML giữa hai dòng '---'",
                at: SourceLocation(file: display(path), line: 1, column: 1))
            return nil
        }
        let planReader = DefinitionReader(file: display(path), lineOffset: frontMatter.yamlLineOffset, report: report)
        guard
            let node = YAMLDocument.parse(
                frontMatter.yaml, file: display(path), lineOffset: frontMatter.yamlLineOffset, into: report),
            var plan = planReader.planFrontMatter(
                node, slug: Located(slug, at: location(folder)), body: frontMatter.body)
        else { return nil }
        var reportFiles: [String] = []
        // The signed original: the file `original:` names, or van-ban-goc.pdf. The one binary
        // file a plan folder may hold; it is checked to be a PDF, never parsed.
        let originalName =
            plan.originalField?.value ?? (files.contains(Original.defaultName) ? Original.defaultName : nil)
        if let originalName {
            plan.original = Original.read(
                named: originalName, field: plan.originalField, in: folder, present: files.contains(originalName),
                url: url("\(folder)/\(originalName)"), location: location("\(folder)/\(originalName)"),
                report: report)
        }
        for file in files where file != "plan.md" && file != originalName {
            let filePath = "\(folder)/\(file)"
            if file == "nhiem-vu.yaml" {
                if let node = readYAML(filePath, report: report) {
                    plan.tasks = reader(filePath, report).taskList(node)
                }
            } else if let number = appendixNumber(file) {
                if let node = readYAML(filePath, report: report),
                    let appendix = reader(filePath, report).appendix(node, number: number)
                {
                    plan.appendices.append(appendix)
                }
            } else if file.hasPrefix("bao-cao-"), file.hasSuffix(".yaml") {
                reportFiles.append(filePath)
            } else {
                report.warning(
                    .unexpectedFile,
                    "tệp này không được đọc: trong thư mục kế hoạch chỉ có plan.md, phu-luc-<số>.yaml, nhiem-vu.yaml, bao-cao-<tên>.yaml và văn bản gốc van-ban-goc.pdf (hoặc tệp PDF ghi ở trường 'original')",
                    at: location(filePath))
            }
        }
        plan.appendices.sort { $0.number < $1.number }
        // Reports name tasks: when the tasks could not all be read, the validator must not
        // blame the reports for it.
        plan.tasksIncomplete = report.bag.hasErrors
        for filePath in reportFiles {
            if let node = readYAML(filePath, report: report), let progress = reader(filePath, report).report(node) {
                plan.reports.append(progress)
            }
        }
        return plan
    }

    /// "phu-luc-2.yaml" → 2.
    private func appendixNumber(_ file: String) -> Int? {
        guard file.hasPrefix("phu-luc-"), file.hasSuffix(".yaml") else { return nil }
        let digits = file.dropFirst("phu-luc-".count).dropLast(".yaml".count)
        guard let number = Int(digits), number > 0, String(number) == digits else { return nil }
        return number
    }

    // MARK: - Files

    private func readYAML(_ path: String, report: Reporter) -> Node? {
        guard let text = SourceText.read(url(path), displayPath: display(path), report: report) else { return nil }
        return YAMLDocument.parse(text, file: display(path), into: report)
    }

    private func reader(_ path: String, _ report: Reporter) -> DefinitionReader {
        DefinitionReader(file: display(path), lineOffset: 0, report: report)
    }

    private func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    private func display(_ path: String) -> String {
        displayRoot.hasSuffix("/") ? displayRoot + path : displayRoot + "/" + path
    }

    private func location(_ path: String) -> SourceLocation { SourceLocation(file: display(path)) }

}

import Foundation
import TestSupport
import Testing

@testable import PlansiteRender

/// The template contract (ViewModels/*Fields.swift): every stored property of a view model is
/// in its field table, the table names nothing else, and every field is used by some default
/// template — or is listed here as kept on purpose — so that no dead field lingers.
@Suite struct TemplateFieldsTests {
    static let folder = TestPaths.repository.appendingPathComponent("Sources/PlansiteRender/ViewModels")

    /// Fields no default template shows, each kept for a reason: all of these are promised to
    /// theme authors in docs/templates.md, so a theme of one's own may show them.
    static let intentionallyUnused: Set<String> = [
        "DepartmentLink.fullName", "DepartmentLink.isRole",  // the registry's name, a role
        "DepartmentPlanGroup.year",  // the plan's year on a department page
        "DirectoryEntry.fullName",  // the registry's name in the directory
        "IndexPage.unit",  // the index's unit ("điểm", "%")
        "ReportView.statusSlug", "StatusHeading.slug",  // CSS classes for a report's, a column's status
    ]

    /// `struct Name { let a: …; var b: … }` → [Name: [a, b]], from the view model files.
    static func structs(_ text: String) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("struct "),
                let name = line.dropFirst(7).split(whereSeparator: { " :{".contains($0) }).first
            {
                current = String(name)
                out[current!] = []
            } else if line.hasPrefix("}") {
                current = nil
            } else if let name = current, line.hasPrefix("    let ") || line.hasPrefix("    var ") {
                let field = line.dropFirst(8).prefix { $0 != ":" && $0 != " " }
                out[name]!.insert(String(field))
            }
        }
        return out
    }

    /// Every model reachable from the templates the renderer renders, through its fields.
    static func models() -> [String: any TemplateModel.Type] {
        var found: [String: any TemplateModel.Type] = [:]
        var pending = TemplateName.allCases.map(\.model)
        func models(in kind: ValueKind) -> [any TemplateModel.Type] {
            switch kind {
            case .model(let model): [model]
            case .list(let element): models(in: element)
            case .text, .flag, .html, .sequence: []
            }
        }
        while let model = pending.popLast() {
            guard found.updateValue(model, forKey: "\(model)") == nil else { continue }
            pending += model.fieldNames.compactMap { model.fieldKind($0) }.flatMap(models(in:))
        }
        return found
    }

    @Test func everyStoredPropertyIsInItsModelsFieldTableAndNothingElse() throws {
        var fields: [String: Set<String>] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: Self.folder.path) where file.hasSuffix(".swift")
        {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            fields.merge(Self.structs(text).filter { !$0.key.contains("<") }) { $0.union($1) }
        }
        let models = Self.models()
        #expect(models.count > 40, "the view models were not found: \(models.keys.sorted())")
        #expect(Set(fields.keys) == Set(models.keys), "structs without a field table, or tables without a struct")
        for (name, model) in models {
            let declared = Set(model.fieldNames)
            let stored = fields[name] ?? []
            #expect(
                stored.subtracting(declared).isEmpty,
                "\(name) does not declare \(stored.subtracting(declared).sorted())")
            #expect(
                declared.subtracting(stored).isEmpty,
                "\(name) declares unknown \(declared.subtracting(stored).sorted())")
            #expect(declared.count == model.fieldNames.count, "\(name) declares a field twice")
        }
    }

    @Test func everyDeclaredFieldIsUsedBySomeDefaultTemplate() throws {
        var outlines: [String: TemplateOutline] = [:]
        let root = TestPaths.templates.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(
            at: TestPaths.templates, includingPropertiesForKeys: nil)!
        where url.pathExtension == "mustache" {
            let name = String(url.standardizedFileURL.path.dropFirst(root.count).dropLast(".mustache".count))
            outlines[name] = TemplateOutline(try String(contentsOf: url, encoding: .utf8))
        }
        #expect(outlines["pages/plan"] != nil && outlines["layout"] != nil, "\(outlines.keys.sorted())")
        var keys = TemplateKeys(outlines: outlines, files: [:])
        keys.checkAll()
        #expect(keys.diagnostics.items.isEmpty)
        let used = keys.used
        var unused: Set<String> = []
        for (name, model) in Self.models() {
            for key in model.fieldNames where !used.contains(.init(model: name, key: key)) {
                unused.insert("\(name).\(key)")
            }
        }
        #expect(unused.subtracting(Self.intentionallyUnused).sorted() == [], "fields no template uses")
        #expect(Self.intentionallyUnused.subtracting(unused).sorted() == [], "listed as unused but used")
    }

    /// The table's look-up is what Mustache renders: a present optional gives its value, an
    /// absent one `Absent`, which stops the look-up (no optional field lets Mustache look further
    /// out, where another object's value of the same name would show in its place).
    @Test func lookUpFollowsEachFieldsKindAndNilRule() throws {
        let signer = SignerView(authority: ["UBND"], title: nil, name: "Nguyễn Văn A")
        #expect(signer.child(named: "name") as? String == "Nguyễn Văn A")
        #expect(signer.child(named: "title") is Absent)
        #expect(signer.child(named: "authority") as? [String] == ["UBND"])
        #expect(signer.child(named: "nonexistent") == nil)
        let evidence = EvidenceView(text: "Số 12/BC", url: nil)
        #expect(evidence.child(named: "url") is Absent)
        #expect(evidence.child(named: "text") as? String == "Số 12/BC")
    }
}

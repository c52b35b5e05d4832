import Foundation
import TestSupport
import Testing

/// Every stored property of a view model must be answered by its `child(named:)` switch
/// (ViewModels/TemplateFields.swift, ProgressFields.swift): a field left out renders as empty
/// text in every template, silently.
@Suite struct TemplateFieldsTests {
    static let folder = TestPaths.repository.appendingPathComponent("Sources/PlansiteRender/ViewModels")

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

    /// `extension Name: MustacheParent { … case "a": … }` → [Name: [a]].
    static func answered(_ text: String) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("extension "), line.contains(": MustacheParent") {
                current = String(line.dropFirst(10).prefix { $0 != ":" })
                out[current!] = []
            } else if let name = current, let start = line.range(of: "case \""),
                let end = line[start.upperBound...].firstIndex(of: "\"")
            {
                out[name]!.insert(String(line[start.upperBound..<end]))
            }
        }
        return out
    }

    @Test func everyFieldOfEveryViewModelIsAnswered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".swift")
        }
        var fields: [String: Set<String>] = [:]
        var answers: [String: Set<String>] = [:]
        for file in files {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
            fields.merge(Self.structs(text)) { $0.union($1) }
            answers.merge(Self.answered(text)) { $0.union($1) }
        }
        #expect(fields.count > 30, "the view models were not found: \(fields.keys.sorted())")
        for (model, names) in fields {
            let cases = try #require(answers[model], "\(model) has no child(named:) switch")
            #expect(names.subtracting(cases).isEmpty, "\(model) does not answer \(names.subtracting(cases).sorted())")
            #expect(cases.subtracting(names).isEmpty, "\(model) answers unknown \(cases.subtracting(names).sorted())")
        }
    }
}

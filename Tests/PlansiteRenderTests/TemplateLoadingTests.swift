import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import TestSupport
import Testing

@testable import PlansiteRender

/// Templates that would crash or render nothing are refused when they are loaded, each with
/// the template's file:line:column: partial cycles, missing partials, partials named from the
/// data, and sections nested too deep (which swift-mustache's recursive parser cannot take).
@Suite struct TemplateLoadingTests {
    /// The diagnostic codes these tests cover (templates are not content: no fixture folder).
    static let codes: Set<String> = ["template-cycle", "template-too-deep", "unknown-template-key"]

    /// The default templates with `changes` (path in Templates/ → text) written over them.
    func load(_ changes: [String: String]) throws -> (TemplateSet?, [String], [Diagnostic]) {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "templates")
        for (path, text) in changes { try temporary.write(text, to: "templates/" + path) }
        let (set, diagnostics) = TemplateSet.load(from: temporary.path("templates"), displayPath: "Templates")
        return (set, compact(diagnostics, root: "Templates"), diagnostics)
    }

    @Test func defaultTemplatesLoadWithoutDiagnostics() throws {
        let (set, lines, _) = try load([:])
        #expect(set != nil)
        #expect(lines.isEmpty)
    }

    @Test func partialIncludingItselfIsADiagnosticAtItsTag() throws {
        let (set, lines, diagnostics) = try load([
            "partials/footer.mustache": "<footer>\n  {{>partials/footer}}\n</footer>\n"
        ])
        #expect(set == nil)
        #expect(lines == ["error template-cycle partials/footer.mustache:2:3"])
        #expect(diagnostics.first?.message.contains("tự gọi lại chính nó") == true)
    }

    @Test func twoPartialsIncludingEachOtherAreOneDiagnosticNamingTheLoop() throws {
        let (set, lines, diagnostics) = try load([
            "partials/a.mustache": "A{{>partials/b}}", "partials/b.mustache": "B{{#x}}{{>partials/a}}{{/x}}",
        ])
        #expect(set == nil)
        #expect(lines == ["error template-cycle partials/b.mustache:1:8"])
        #expect(diagnostics.first?.message.contains("partials/a → partials/b → partials/a") == true)
    }

    @Test func longerCycleThroughALayoutIsFound() throws {
        let (set, lines, _) = try load([
            "partials/a.mustache": "{{>partials/b}}", "partials/b.mustache": "{{>partials/c}}",
            "partials/c.mustache": "{{<layout}}{{$main}}{{>partials/a}}{{/main}}{{/layout}}",
        ])
        #expect(set == nil)
        #expect(lines == ["error template-cycle partials/c.mustache:1:21"])
    }

    @Test func missingPartialIsADiagnosticNotAnEmptyRender() throws {
        let (set, lines, diagnostics) = try load([
            "pages/search.mustache": "{{% CONTENT_TYPE: HTML }}\n<p>{{>partials/heder}}</p>\n"
        ])
        #expect(set == nil)
        #expect(lines == ["error missing-template pages/search.mustache:2:4"])
        #expect(diagnostics.first?.message.contains("partials/heder.mustache") == true)
        #expect(diagnostics.first?.message.contains("partials/header") == true, "suggests the near name")
    }

    @Test func partialNamedFromTheDataIsRefused() throws {
        let (set, lines, _) = try load(["partials/footer.mustache": "{{>*which}}"])
        #expect(set == nil)
        #expect(lines == ["error template-syntax partials/footer.mustache:1:1"])
    }

    @Test func tenThousandNestedSectionsAreADiagnosticNotAStackOverflow() throws {
        let text = String(repeating: "{{#a}}\n", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        let (set, lines, _) = try load(["partials/footer.mustache": text])
        #expect(set == nil)
        let tag = TemplateOutline.depthLimit + 1
        #expect(lines == ["error template-too-deep partials/footer.mustache:\(tag):1"])
    }

    @Test func nestingAcrossPartialsCountsTogether() throws {
        let half = TemplateOutline.depthLimit / 2 + 1
        let nested = String(repeating: "{{#a}}", count: half) + "x" + String(repeating: "{{/a}}", count: half)
        let (set, lines, _) = try load([
            "partials/deep.mustache": nested,
            "partials/footer.mustache": String(repeating: "{{#b}}", count: half) + "{{>partials/deep}}"
                + String(repeating: "{{/b}}", count: half),
        ])
        #expect(set == nil)
        #expect(lines == ["error template-too-deep partials/footer.mustache:1:\(6 * half + 1)"])
    }

    @Test func deepTransformChainIsADiagnosticNotAStackOverflow() throws {
        let text = "{{" + String(repeating: "f(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + "}}"
        let (set, lines, _) = try load(["partials/footer.mustache": text])
        #expect(set == nil)
        #expect(lines == ["error template-syntax partials/footer.mustache:1:1"])
    }

    /// Delimiters changed with `{{=<% %>=}}` are followed: sections and partials after it count.
    @Test func changedDelimitersAreFollowed() throws {
        let (set, lines, _) = try load(["partials/footer.mustache": "{{=<% %>=}}\n<%#a%><%>partials/footer%><%/a%>"])
        #expect(set == nil)
        #expect(lines == ["error template-cycle partials/footer.mustache:2:7"])
    }

    /// Tags inside a comment are not tags.
    @Test func tagsInsideCommentsAreIgnored() throws {
        let (set, lines, _) = try load(["partials/footer.mustache": "{{! {{>partials/footer {{#a }}<footer></footer>"])
        #expect(set != nil)
        #expect(lines.isEmpty)
    }

    /// Templates at exactly the limit load and render on the build's worker threads: a page
    /// inherits the layout (1), which includes the footer (1), nested `limit - 2` deep.
    @Test func nestingAtTheLimitRendersOnWorkerThreads() throws {
        let limit = TemplateOutline.depthLimit
        let deep =
            String(repeating: "{{#chrome}}", count: limit - 3) + "{{chrome.siteTitle}}"
            + String(repeating: "{{/chrome}}", count: limit - 3)
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "templates")
        try temporary.write(
            "<footer>{{#chrome}}" + deep + "{{/chrome}}</footer>\n", to: "templates/partials/footer.mustache")
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let outcome = SiteBuilder(
            options: .init(
                content: temporary.path("content"), templates: temporary.path("templates"),
                output: temporary.path("Public"))
        ).build()
        #expect(outcome.filesWritten != nil, "\(outcome.diagnostics)")
        let home = try String(contentsOf: temporary.path("Public/index.html"), encoding: .utf8)
        #expect(home.contains("<footer>Cổng kế hoạch mẫu</footer>"))
    }

    /// A template refused at load stops the build, and the previous output is left as it was.
    @Test func buildWithACyclicPartialWritesNothing() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "templates")
        try temporary.write("{{>partials/footer}}", to: "templates/partials/footer.mustache")
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        let outcome = SiteBuilder(
            options: .init(
                content: temporary.path("content"), templates: temporary.path("templates"),
                output: temporary.path("Public"))
        ).build()
        #expect(outcome.filesWritten == nil)
        #expect(outcome.diagnostics.map(\.code) == [.templateCycle])
        #expect(!FileManager.default.fileExists(atPath: temporary.path("Public").path))
    }
}

extension TemplateLoadingTests {
    /// One more level than the test above is refused, so that test is at the limit.
    @Test func oneLevelBeyondTheLimitIsRefused() throws {
        let limit = TemplateOutline.depthLimit
        let deep =
            String(repeating: "{{#chrome}}", count: limit - 2) + "{{chrome.siteTitle}}"
            + String(repeating: "{{/chrome}}", count: limit - 2)
        let (set, lines, _) = try load([
            "partials/footer.mustache": "<footer>{{#chrome}}" + deep + "{{/chrome}}</footer>\n"
        ])
        #expect(set == nil)
        // Every page has the footer (the screen layout and the print layout alike), so each goes
        // one level too deep, at its `{{<layout}}` or `{{<print-layout}}`.
        let pages = try FileManager.default.contentsOfDirectory(
            atPath: TestPaths.templates.appendingPathComponent("pages").path
        ).sorted()
        #expect(pages.count == 11)
        #expect(lines == pages.map { "error template-too-deep pages/\($0):2:1" })
    }
}

extension TemplateLoadingTests {
    /// Where HTML escaping is not enough, a value is refused at its tag: an unquoted attribute
    /// value, an event handler or style attribute, a script or style element.
    @Test(arguments: [
        ("<a href={{url}}>x</a>", "1:9"), ("<a class=\"x\" title= {{title}}>x</a>", "1:21"),
        ("<p onclick=\"go('{{url}}')\">x</p>", "1:17"), ("<p style=\"color: {{{color}}}\">x</p>", "1:18"),
        ("<script>var x = \"{{title}}\";</script>", "1:18"), ("<STYLE>p { color: {{&c}} }</STYLE>", "1:19"),
    ])
    func valuesWhereEscapingIsNotEnoughAreRefused(_ text: String, _ position: String) throws {
        let (set, lines, _) = try load(["partials/footer.mustache": text])
        #expect(set == nil)
        #expect(lines == ["error template-syntax partials/footer.mustache:\(position)"])
    }

    /// Quoted attributes, text after a script has closed, and a tag after `=` in text are fine.
    @Test func valuesInQuotedAttributesAndTextAreAccepted() throws {
        let text = "<script src=\"{{root}}a.js\"></script><p title='{{title}}' class=\"a\">x = {{root}}</p>"
        let (set, lines, _) = try load(["partials/footer.mustache": text])
        #expect(set != nil)
        #expect(lines.isEmpty)
    }
}

/// Every key a template uses is checked against the fields of the model it is rendered with
/// (`unknown-template-key`), through partials, layouts and sections, at the tag's line:column.
extension TemplateLoadingTests {
    /// The default template at `path` with the first `original` replaced by `replacement`, and
    /// the line:column where the replacement starts.
    func misspelt(_ path: String, _ original: String, _ replacement: String) throws -> (String, String) {
        let text = try String(contentsOf: TestPaths.templates.appendingPathComponent(path), encoding: .utf8)
        let range = try #require(text.range(of: original), "\(path) no longer has \(original)")
        let before = text[..<range.lowerBound]
        let line = before.filter(\.isNewline).count + 1
        let column =
            before.count
            - (before.lastIndex(where: \.isNewline).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0)
            + 1
        return (text.replacingCharacters(in: range, with: replacement), "\(line):\(column)")
    }

    @Test func misspeltKeyInAPageIsReportedAtItsTagWithTheKeysAndANearName() throws {
        let (text, position) = try misspelt("pages/plan.mustache", "{{{bodyHTML}}}", "{{{bodyHMTL}}}")
        let (set, lines, diagnostics) = try load(["pages/plan.mustache": text])
        #expect(set == nil)
        #expect(lines == ["error unknown-template-key pages/plan.mustache:\(position)"])
        let message = try #require(diagnostics.first?.message)
        #expect(message.contains("`bodyHMTL` mà trang kế hoạch không có"), "\(message)")
        #expect(message.contains("các khoá có: chrome, root, title, document, bodyHTML"), "\(message)")
        #expect(message.contains("có phải ý bạn là 'bodyHTML'?"), "\(message)")
    }

    /// A key inside `{{#appendices}}` is looked up in the appendix, then in the page.
    @Test func keyInsideASectionIsCheckedAgainstTheElementAndTheModelsAroundIt() throws {
        let (text, position) = try misspelt("pages/plan.mustache", "{{indexName}}", "{{indexNam}}")
        let (set, lines, diagnostics) = try load(["pages/plan.mustache": text])
        #expect(set == nil)
        #expect(lines == ["error unknown-template-key pages/plan.mustache:\(position)"])
        let message = try #require(diagnostics.first?.message)
        #expect(message.contains("mà phụ lục không có (kể cả các phần bao ngoài)"), "\(message)")
        #expect(message.contains("'indexName'"), "\(message)")
        // The page's own keys and the appendix's are both fine there.
        let fine = text.replacingOccurrences(
            of: "{{indexNam}}", with: "{{indexName}} {{bodyHTML}} {{chrome.siteTitle}}")
        #expect(try load(["pages/plan.mustache": fine]).1.isEmpty)
    }

    /// A partial is checked with the context of the tag that includes it; a misspelt
    /// partial key is reported once, in the partial, with which page it was rendered for.
    @Test func keyInAPartialIsCheckedWhereItIsIncluded() throws {
        let (text, position) = try misspelt("partials/task-roles.mustache", "{{name}}", "{{nmae}}")
        let (set, lines, diagnostics) = try load(["partials/task-roles.mustache": text])
        #expect(set == nil)
        #expect(lines == ["error unknown-template-key partials/task-roles.mustache:\(position)"])
        #expect(diagnostics.first?.message.contains("liên kết đơn vị không có") == true)
        #expect(diagnostics.first?.notes.first?.contains("partials/task-roles") == true)
    }

    @Test func dottedKeyIsCheckedSegmentBySegment() throws {
        let (text, position) = try misspelt("layout.mustache", "{{chrome.siteTitle}}", "{{chrome.siteTitel}}")
        let (set, lines, diagnostics) = try load(["layout.mustache": text])
        #expect(set == nil)
        #expect(lines == ["error unknown-template-key layout.mustache:\(position)"])
        let message = try #require(diagnostics.first?.message)
        #expect(message.contains("`chrome.siteTitel` (phần `siteTitel`)"), "\(message)")
        #expect(message.contains("có phải ý bạn là 'siteTitle'?"), "\(message)")
    }

    /// `.`, `.name`, swift-mustache's transforms and a list's position are understood.
    @Test func mustacheNamesThatAreNotKeysAreNotFlagged() throws {
        let text = """
            {{% CONTENT_TYPE: HTML }}
            {{<layout}}{{$main}}<p>{{.title}} {{count(chrome.nav)}} {{uppercased(title)}}</p>
            {{#chrome.nav}}{{#first()}}<b>{{index()}}</b>{{/first()}}{{label}}{{/chrome.nav}}
            {{#first(chrome.nav)}}{{url}}{{/first(chrome.nav)}}{{#title}}{{.}}{{/title}}{{^empty(chrome.nav)}}x{{/empty(chrome.nav)}}
            {{/main}}{{/layout}}
            """
        let (set, lines, _) = try load(["pages/search.mustache": text])
        #expect(lines == [])
        #expect(set != nil)
    }

    @Test func transformThatDoesNotApplyIsReported() throws {
        let text = "{{% CONTENT_TYPE: HTML }}\n{{<layout}}{{$main}}{{count(title)}} {{.label}}{{/main}}{{/layout}}\n"
        let (set, lines, _) = try load(["pages/search.mustache": text])
        #expect(set == nil)
        // `label` is NavItem's, not the page's: `.label` looks only in the page.
        #expect(
            lines == [
                "error unknown-template-key pages/search.mustache:2:21",
                "error unknown-template-key pages/search.mustache:2:38",
            ])
    }

    /// Every template the renderer renders by name must be there: no empty fragment.
    @Test func missingRequiredPartialIsADiagnosticAtTheTemplatesFolder() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "templates")
        try FileManager.default.removeItem(at: temporary.path("templates/partials/task-progress.mustache"))
        let (set, diagnostics) = TemplateSet.load(from: temporary.path("templates"), displayPath: "Templates")
        #expect(set == nil)
        #expect(compact(diagnostics, root: "Templates").contains("error missing-template Templates"))
        #expect(diagnostics.contains { $0.message.contains("thiếu mẫu con 'partials/task-progress.mustache'") })
    }
    /// Templates/ is walked as the content is (FileTree.files): a link is never followed, even to
    /// a readable file or folder outside, and a FIFO is never opened (the load would block on
    /// it); each is an error at its path, and the other templates are still read.
    @Test func linksAndFIFOsInTemplatesAreSpecialFilesNeverFollowedOrOpened() throws {
        let temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.templates, at: "templates")
        try temporary.write("SECRET-OUTSIDE", to: "outside/secret.css")
        try temporary.write("SECRET-PARTIAL", to: "outside/partials/x.mustache")
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(
            at: temporary.path("templates/assets/linked.css"), withDestinationURL: temporary.path("outside/secret.css"))
        try fileManager.createSymbolicLink(
            at: temporary.path("templates/assets/linked-folder"), withDestinationURL: temporary.path("outside"))
        try fileManager.createSymbolicLink(
            at: temporary.path("templates/partials/linked.mustache"),
            withDestinationURL: temporary.path("outside/partials/x.mustache"))
        #expect(mkfifo(temporary.path("templates/partials/pipe.mustache").path, 0o644) == 0)
        #expect(mkfifo(temporary.path("templates/assets/pipe.css").path, 0o644) == 0)

        let (set, diagnostics) = TemplateSet.load(from: temporary.path("templates"), displayPath: "Templates")
        #expect(set == nil)
        #expect(
            compact(diagnostics, root: "Templates") == [
                "error special-file assets/linked-folder", "error special-file assets/linked.css",
                "error special-file assets/pipe.css", "error special-file partials/linked.mustache",
                "error special-file partials/pipe.mustache",
            ])
        let link = try #require(diagnostics.first { $0.location.file.hasSuffix("linked.css") })
        #expect(link.message.contains("liên kết (symbolic link)"))
        let fifo = try #require(diagnostics.first { $0.location.file.hasSuffix("pipe.mustache") })
        #expect(fifo.message.contains("ống dẫn có tên (FIFO)") && fifo.message.contains("thư mục mẫu"))
        #expect(!diagnostics.contains { $0.message.contains("SECRET") })

        // Without them the same folder loads, and nothing from outside is among the assets.
        for name in ["assets/linked.css", "assets/linked-folder", "partials/linked.mustache"] {
            try fileManager.removeItem(at: temporary.path("templates/" + name))
        }
        for name in ["partials/pipe.mustache", "assets/pipe.css"] {
            try fileManager.removeItem(at: temporary.path("templates/" + name))
        }
        let (clean, none) = TemplateSet.load(from: temporary.path("templates"), displayPath: "Templates")
        #expect(none.isEmpty, "\(none)")
        let shipped = try fileManager.contentsOfDirectory(
            atPath: TestPaths.templates.appendingPathComponent("assets").path)
        #expect(clean?.assets.map(\.path) == shipped.sorted().map { "assets/" + $0 })
    }
}

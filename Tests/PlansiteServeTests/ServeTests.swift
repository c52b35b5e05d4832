import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import Testing

@testable import PlansiteServe
import TestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `plansite serve` on a free loopback port: a change shows in the next responses, a broken
/// file gives the error page, and fixing it brings the page back. Every wait is a bounded poll.
@Suite(.serialized) struct ServeTests {
    struct Fetched: Sendable {
        var status: Int
        var type: String
        var body: String
        var url: URL?
    }

    static func fetch(_ url: URL) async throws -> Fetched {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 5
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        return try await withCheckedThrowingContinuation { continuation in
            session.dataTask(with: url) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                    return
                }
                let http = response as? HTTPURLResponse
                continuation.resume(
                    returning: Fetched(
                        status: http?.statusCode ?? 0, type: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
                        body: String(decoding: data ?? Data(), as: UTF8.self), url: http?.url))
            }.resume()
        }
    }

    /// Fetches until `accept` holds: at most 50 tries, 200 ms apart.
    static func poll(_ url: URL, until accept: (Fetched) -> Bool) async throws -> Fetched? {
        for _ in 0..<50 {
            if let fetched = try? await fetch(url), accept(fetched) { return fetched }
            try await Task.sleep(for: .milliseconds(200))
        }
        return nil
    }

    /// A server over a copy of the fixture site, stopped whatever the body does.
    static func withServer(_ body: (URL, TemporaryFolder) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try folder.overlay(TestPaths.templates, at: "templates")
        let server = PreviewServer(
            options: .init(
                build: .init(
                    content: folder.path("content"), templates: folder.path("templates"),
                    output: folder.path("public"), displayContent: "content", displayTemplates: "templates"),
                host: "127.0.0.1", port: 0, pollInterval: .milliseconds(100)))
        let url = try await server.start()
        #expect(url.host == "127.0.0.1")
        do {
            try await body(url, folder)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func editsShowAndBrokenContentGivesTheErrorPageUntilFixed() async throws {
        try await Self.withServer { url, folder in
            let first = try await Self.fetch(url)
            #expect(first.status == 200)
            #expect(first.type == "text/html; charset=utf-8")
            #expect(first.body.contains(LiveReload.versionPath))
            // The script is added when serving, never written into the build output.
            let written = try String(contentsOf: folder.path("public/index.html"), encoding: .utf8)
            #expect(!written.contains(LiveReload.versionPath))

            let site = folder.path("content/site.yaml")
            let original = try String(contentsOf: site, encoding: .utf8)
            let title = try #require(original.split(separator: "\n").first { $0.hasPrefix("title:") })
            let edited = original.replacingOccurrences(of: String(title), with: "title: Cổng xem trước đã sửa <&>")
            try edited.write(to: site, atomically: true, encoding: .utf8)
            let changed = try await Self.poll(url) {
                $0.status == 200 && $0.body.contains("Cổng xem trước đã sửa &lt;&amp;&gt;")
            }
            #expect(changed != nil, "the edit did not show within 10 s")

            try (edited + "results: [\n").write(to: site, atomically: true, encoding: .utf8)
            let broken = try await Self.poll(url) { $0.status == 500 }
            let page = try #require(broken, "no error page within 10 s")
            #expect(page.body.contains("Nội dung có lỗi"))
            #expect(page.body.contains("content/site.yaml:"))
            #expect(page.body.contains("[yaml-syntax]"))
            #expect(page.body.contains(LiveReload.versionPath))
            // Every page shows the errors, not stale output.
            let other = try await Self.fetch(url.appendingPathComponent("don-vi/"))
            #expect(other.status == 500)

            try edited.write(to: site, atomically: true, encoding: .utf8)
            let fixed = try await Self.poll(url) { $0.status == 200 && $0.body.contains("Cổng xem trước đã sửa") }
            #expect(fixed != nil, "the page did not come back within 10 s")
        }
    }

    @Test func filesHaveTheirTypesAndMissingPagesThePortal404() async throws {
        try await Self.withServer { url, folder in
            let css = try await Self.fetch(url.appendingPathComponent("assets/style.css"))
            #expect(css.status == 200)
            #expect(css.type == "text/css; charset=utf-8")
            #expect(!css.body.contains(LiveReload.versionPath))

            let missing = try await Self.fetch(url.appendingPathComponent("khong-co/trang-nay.html"))
            #expect(missing.status == 404)
            #expect(missing.type == "text/html; charset=utf-8")
            let portal404 = try String(contentsOf: folder.path("public/404.html"), encoding: .utf8)
            #expect(missing.body.hasPrefix(String(portal404.prefix(200))))

            let version = try await Self.fetch(url.appendingPathComponent("__plansite/version"))
            #expect(Int(version.body) == 1)

            // A folder without its slash is redirected, so that relative links work.
            let folder = try await Self.fetch(url.appendingPathComponent("don-vi"))
            #expect(folder.status == 200)
            #expect(folder.url?.absoluteString.hasSuffix("/don-vi/") == true)
        }
    }

    @Test func pathsCannotLeaveTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("<html></html>", to: "public/index.html")
        try folder.write("secret", to: "content/site.yaml")
        try folder.write("x", to: "public/.hidden")
        let root = folder.path("public")
        guard case .file(let index) = PreviewRouter.resolve("/", in: root) else {
            Issue.record("/ is not index.html")
            return
        }
        #expect(index.lastPathComponent == "index.html")
        #expect(PreviewRouter.resolve("/../content/site.yaml", in: root) == .badPath)
        #expect(PreviewRouter.resolve("/a/../../content/site.yaml", in: root) == .badPath)
        #expect(PreviewRouter.resolve("/..\\content", in: root) == .badPath)
        #expect(PreviewRouter.resolve("/.hidden", in: root) == .notFound)
        #expect(PreviewRouter.resolve("/khong-co", in: root) == .notFound)
    }

    @Test func contentTypes() {
        let expected = [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "svg": "image/svg+xml",
            "json": "application/json", "xml": "application/xml", "ics": "text/calendar; charset=utf-8",
            "csv": "text/csv; charset=utf-8", "js": "text/javascript; charset=utf-8", "png": "image/png",
        ]
        for (ext, type) in expected { #expect(ContentType.forExtension(ext) == type) }
    }

    @Test func errorPageEscapesEverything() {
        let page = ErrorPage.render(
            [
                .init(
                    .error, .yamlSyntax, "sai <script>alert('x')</script> & \"y\"",
                    at: .init(file: "content/<b>.yaml", line: 3, column: 7), notes: ["<i>ghi chú</i>"])
            ], version: 4)
        #expect(page.contains("content/&lt;b&gt;.yaml:3:7"))
        #expect(page.contains("sai &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"))
        #expect(page.contains("&lt;i&gt;ghi chú&lt;/i&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("[yaml-syntax]"))
    }

    @Test func scriptGoesBeforeTheClosingBody() {
        let page = String(
            decoding: LiveReload.inject(into: Data("<html><body>x</body></html>".utf8), version: 3), as: UTF8.self)
        #expect(page.hasPrefix("<html><body>x<script>"))
        #expect(page.hasSuffix("</script>\n</body></html>"))
        #expect(page.contains("var served = \"3\";"))
    }
}

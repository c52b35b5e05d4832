import FlyingFox
import Foundation
import PlansiteDiagnostics

/// Answers every request of `plansite serve`: the build counter, files of the output folder
/// (HTML with the live-reload script added), the portal's 404 page, and the error page while
/// the content does not build.
struct PreviewHandler: HTTPHandler {
    let output: URL
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let snapshot = await state.snapshot()
        guard request.method == .GET || request.method == .HEAD else {
            return response(.methodNotAllowed, type: "text/plain; charset=utf-8", body: Data("405\n".utf8), request)
        }
        // The path as the client sent it, before FlyingFox removes dot segments: a ".." is refused.
        let rawPath = request.target.path(percentEncoded: false)
        if rawPath == LiveReload.versionPath {
            return response(.ok, type: "text/plain; charset=utf-8", body: Data("\(snapshot.version)".utf8), request)
        }
        let resolution = PreviewRouter.resolve(rawPath, in: output)
        if snapshot.failed, resolution.isHTML {
            let page = ErrorPage.render(snapshot.diagnostics, version: snapshot.version)
            return response(.internalServerError, type: ContentType.html, body: Data(page.utf8), request)
        }
        switch resolution {
        case .forbidden:
            return response(
                .forbidden, type: "text/plain; charset=utf-8", body: Data("403: đường dẫn không hợp lệ\n".utf8),
                request)
        case .redirect(let location):
            var headers = HTTPHeaders()
            // Absolute when the Host is known: some clients mishandle a relative Location.
            let host = request.headers[.host].flatMap { $0.isEmpty || $0.contains("/") ? nil : $0 }
            headers[.location] =
                host.map { "http://\($0)\(Self.percentEncoded(location))" } ?? Self.percentEncoded(location)
            headers[.cacheControl] = "no-store"
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return await notFound(request, snapshot) }
            let type = ContentType.forExtension(url.pathExtension)
            let body = type == ContentType.html ? LiveReload.inject(into: data, version: snapshot.version) : data
            return response(.ok, type: type, body: body, request)
        case .notFound:
            return await notFound(request, snapshot)
        }
    }

    static func percentEncoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// The portal's own 404.html with status 404, or a plain message when there is none.
    private func notFound(_ request: HTTPRequest, _ snapshot: PreviewState.Snapshot) async -> HTTPResponse {
        let page = output.appendingPathComponent("404.html")
        if let data = try? Data(contentsOf: page) {
            return response(
                .notFound, type: ContentType.html, body: LiveReload.inject(into: data, version: snapshot.version),
                request)
        }
        return response(
            .notFound, type: "text/plain; charset=utf-8", body: Data("404: không có trang này\n".utf8), request)
    }

    private func response(_ status: HTTPStatusCode, type: String, body: Data, _ request: HTTPRequest) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

/// Maps a request path to a file of the output folder.
enum PreviewRouter {
    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash: relative links need it.
        case redirect(String)
        case notFound
        /// ".." or another path that tries to leave the output folder.
        case forbidden

        /// Whether the answer is a page (so the error page replaces it while the build fails).
        var isHTML: Bool {
            switch self {
            case .file(let url): ContentType.forExtension(url.pathExtension) == ContentType.html
            case .notFound: true
            case .redirect, .forbidden: false
            }
        }
    }

    /// `path` is percent-decoded, as the client sent it.
    static func resolve(_ path: String, in root: URL) -> Resolution {
        guard path.hasPrefix("/") else { return .forbidden }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            if part == ".." || part.contains("\\") || part.contains("\0") { return .forbidden }
        }
        if parts.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        let base = root.standardizedFileURL
        var url = base
        for part in parts { url.appendPathComponent(String(part)) }
        let wantsFolder = path.hasSuffix("/") || parts.isEmpty
        if wantsFolder { url.appendPathComponent("index.html") }
        let standard = url.standardizedFileURL.path
        guard standard.hasPrefix(base.path + "/") else { return .forbidden }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: standard, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            return wantsFolder ? .notFound : .redirect(path + "/")
        }
        return .file(URL(fileURLWithPath: standard))
    }
}

/// Content-Type of the files a portal has.
enum ContentType {
    static let html = "text/html; charset=utf-8"

    static func forExtension(_ ext: String) -> String {
        switch ext.lowercased() {
        case "html", "htm": html
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "xml": "application/xml"
        case "atom": "application/atom+xml"
        case "rss": "application/rss+xml"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "webmanifest": "application/manifest+json"
        default: "application/octet-stream"
        }
    }
}

/// The script that reloads the tab after a rebuild: it asks for the build counter every
/// second and reloads when it differs from the one the page was served with.
enum LiveReload {
    static let versionPath = "/__plansite/version"

    static func script(version: Int) -> String {
        """
        <script>/* plansite serve: tải lại trang khi nội dung thay đổi */
        (function () {
          var served = "\(version)";
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (r) { return r.text(); })
              .then(function (v) { if (v !== served) { location.reload(); } else { setTimeout(poll, 1000); } })
              .catch(function () { setTimeout(poll, 1000); });
          }
          setTimeout(poll, 1000);
        })();
        </script>

        """
    }

    /// The page with the script before its last `</body>` (or at its end).
    static func inject(into data: Data, version: Int) -> Data {
        let script = Data(script(version: version).utf8)
        let marker = Data("</body>".utf8)
        let upper = Data("</BODY>".utf8)
        let range = data.range(of: marker, options: .backwards) ?? data.range(of: upper, options: .backwards)
        var out = data
        if let range {
            out.insert(contentsOf: script, at: range.lowerBound)
        } else {
            out.append(script)
        }
        return out
    }
}

/// The page every HTML request gets while the content has an error.
enum ErrorPage {
    static func render(_ diagnostics: [Diagnostic], version: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.count - errors.count
        var items = ""
        for diagnostic in errors + diagnostics.filter({ $0.severity != .error }) {
            let severity = diagnostic.severity == .error ? "lỗi" : "cảnh báo"
            var notes = ""
            for note in diagnostic.notes { notes += "<br><span class=\"note\">ghi chú: \(escape(note))</span>" }
            items += "<li class=\"\(diagnostic.severity.rawValue)\">"
            items += "<code class=\"where\">\(escape(diagnostic.location.description))</code> "
            items += "<strong>\(severity)</strong>: \(escape(diagnostic.message)) "
            items += "<code class=\"code\">[\(escape(diagnostic.code.rawValue))]</code>\(notes)</li>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Nội dung có lỗi — plansite serve</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
            h1 { color: #a40000; font-size: 1.5rem; }
            ol { padding-left: 1.5rem; }
            li { margin: 0.6rem 0; line-height: 1.5; }
            li.warning { color: #6a4a00; }
            code.where { background: #f3f3f3; padding: 0.1rem 0.3rem; }
            code.code { color: #555; }
            .note { color: #444; font-size: 0.95em; }
            </style>
            </head>
            <body>
            <h1>Nội dung có lỗi: chưa xây dựng lại được cổng thông tin</h1>
            <p>\(errors.count) lỗi, \(warnings) cảnh báo. Sửa các tệp dưới đây rồi lưu lại: trang này tự tải lại \
            khi nội dung xây dựng được.</p>
            <ol>
            \(items)</ol>
            \(LiveReload.script(version: version))</body>
            </html>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(char)
            }
        }
        return out
    }
}

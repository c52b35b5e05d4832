import Foundation
import PlansiteDiagnostics
import PlansiteModel
import PlansiteSiteMap

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answers every request of `plansite serve`: the build counter, files of the output folder
/// (HTML with the live-reload script added), the portal's 404 page, and the error page while
/// the content does not build. Nothing of the request's `Host` is written back into an answer:
/// a redirect's `Location` is the server's own bound address and a path built from the output
/// folder's own names.
struct PreviewHandler: Sendable {
    let output: URL
    let state: PreviewState
    let hosts: HostPolicy
    /// `http://127.0.0.1:8000`: where redirects point (absolute, as some clients mishandle a
    /// path alone, Foundation's URLSession on Linux among them). nil when listening on every
    /// address: the redirect is then a path.
    let origin: String?

    func respond(to request: RequestHead) async -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(.methodNotAllowed, "chỉ nhận GET và HEAD", headers: [("Allow", "GET, HEAD")])
        }
        guard hosts.accepts(request.header("host")) else {
            return .text(.misdirectedRequest, "máy chủ xem trước chỉ trả lời địa chỉ 127.0.0.1 hoặc localhost")
        }
        guard let path = RequestTarget.path(of: request.target) else {
            return .text(.badRequest, "đường dẫn không hợp lệ")
        }
        let snapshot = await state.snapshot()
        if path == LiveReload.versionPath {
            return HTTPResponse(.ok, type: "text/plain; charset=utf-8", body: Data("\(snapshot.version)".utf8))
        }
        let resolution = PreviewRouter.resolve(path, in: output)
        if snapshot.failed, resolution.isHTML {
            let page = ErrorPage.render(snapshot.diagnostics, version: snapshot.version)
            return HTTPResponse(.internalServerError, type: ContentType.html, body: Data(page.utf8))
        }
        switch resolution {
        case .badPath:
            return .text(.badRequest, "đường dẫn không hợp lệ")
        case .redirect(let location):
            // Never a host name from the request.
            return HTTPResponse(.movedPermanently, headers: [("Location", (origin ?? "") + location)])
        case .file(let url):
            guard let data = try? Data(contentsOf: url) else { return notFound(snapshot) }
            let type = ContentType.forExtension(url.pathExtension)
            let body = type == ContentType.html ? LiveReload.inject(into: data, version: snapshot.version) : data
            return HTTPResponse(.ok, type: type, body: body)
        case .notFound:
            return notFound(snapshot)
        }
    }

    /// The portal's own 404.html with status 404, or a plain message when there is none.
    private func notFound(_ snapshot: PreviewState.Snapshot) -> HTTPResponse {
        if case .file(let page) = PreviewRouter.resolve("/" + SiteMap.notFound, in: output),
            let data = try? Data(contentsOf: page)
        {
            return HTTPResponse(
                .notFound, type: ContentType.html, body: LiveReload.inject(into: data, version: snapshot.version))
        }
        return .text(.notFound, "không có trang này")
    }
}

/// Which `Host` values the server answers. Listening on a loopback address, only loopback
/// names: a web page elsewhere whose own name is made to point at 127.0.0.1 (DNS rebinding)
/// cannot read the preview through the visitor's browser. Listening on another address (the
/// user opened the preview to the network with `--host`), any.
struct HostPolicy: Sendable {
    var loopbackOnly: Bool

    init(listeningOn host: String) {
        loopbackOnly = Self.isLoopback(host)
    }

    func accepts(_ host: String?) -> Bool {
        guard loopbackOnly, let host else { return true }
        var name = host.lowercased()
        if name.hasPrefix("[") {
            guard let close = name.firstIndex(of: "]") else { return false }
            let after = name[name.index(after: close)...]
            guard after.isEmpty || (after.first == ":" && after.dropFirst().allSatisfy(\.isASCIIDigitCharacter)) else {
                return false
            }
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            guard name[name.index(after: colon)...].allSatisfy(\.isASCIIDigitCharacter) else { return false }
            name = String(name[..<colon])
        }
        return Self.isLoopback(name)
    }

    /// `localhost` (and names under it), `127.x.x.x`, `::1`.
    static func isLoopback(_ name: String) -> Bool {
        let name = name.hasSuffix(".") ? String(name.dropLast()) : name
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127"
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigitCharacter) }
    }
}

/// The path of a request target: `/a%20b/?q=1` → `/a b/`.
enum RequestTarget {
    /// nil when it cannot name a file: not a path, bad percent-encoding, not UTF-8.
    static func path(of target: String) -> String? {
        var raw = Substring(target)
        if let cut = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<cut] }
        // Absolute form (`http://name/path`, RFC 9112 §3.2.2): the name is ignored.
        for scheme in ["http://", "https://"] where raw.lowercased().hasPrefix(scheme) {
            let authority = raw.dropFirst(scheme.count)
            raw = authority.firstIndex(of: "/").map { authority[$0...] } ?? "/"
        }
        guard raw.hasPrefix("/") else { return nil }
        var bytes: [UInt8] = []
        var utf8 = Array(raw.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst())
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Maps a request path to a file of the output folder.
enum PreviewRouter {
    enum Resolution: Equatable {
        case file(URL)
        /// A folder asked for without its trailing slash (relative links need it): the path to send in `Location`.
        case redirect(String)
        case notFound
        /// `..`, `.`, a backslash or a control character in a segment: not a path to a file (400).
        case badPath

        /// Whether the answer is a page (so the error page replaces it while the build fails).
        var isHTML: Bool {
            switch self {
            case .file(let url): ContentType.forExtension(url.pathExtension) == ContentType.html
            case .notFound: true
            case .redirect, .badPath: false
            }
        }
    }

    /// `path` is percent-decoded. A file is served only when its real path (symbolic links
    /// followed) is inside the real path of `root`, and it is a regular file.
    static func resolve(_ path: String, in root: URL) -> Resolution {
        guard path.hasPrefix("/") else { return .badPath }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts where part == ".." || part == "." || part.contains(where: isForbidden) {
            return .badPath
        }
        if parts.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let base = realPath(root.path) else { return .notFound }
        let wantsFolder = path.hasSuffix("/") || parts.isEmpty
        var candidate = root.path
        for part in parts { candidate += "/" + part }
        if wantsFolder { candidate += "/" + SiteMap.folderIndex }
        guard let real = realPath(candidate), real.hasPrefix(base == "/" ? "/" : base + "/") else { return .notFound }
        let type = (try? FileManager.default.attributesOfItem(atPath: real))?[.type] as? FileAttributeType
        switch type {
        case .typeRegular?:
            return .file(URL(fileURLWithPath: real))
        case .typeDirectory? where !wantsFolder:
            return .redirect("/" + parts.map { percentEncoded(String($0)) }.joined(separator: "/") + "/")
        default:
            return .notFound
        }
    }

    /// Segments with these are refused outright, whatever the file system would make of them.
    private static func isForbidden(_ char: Character) -> Bool {
        char == "\\" || char.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// A segment for `Location`: unreserved characters as they are, every other byte encoded.
    static func percentEncoded(_ segment: String) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
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

    /// The diagnostics page's text, through the one HTML encoding of the portal.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}

import Foundation

/// The statuses the preview server answers with.
struct HTTPStatus: Sendable, Equatable, CustomStringConvertible {
    var code: Int
    var reason: String

    static let ok = HTTPStatus(code: 200, reason: "OK")
    static let movedPermanently = HTTPStatus(code: 301, reason: "Moved Permanently")
    static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    static let requestTimeout = HTTPStatus(code: 408, reason: "Request Timeout")
    static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    static let misdirectedRequest = HTTPStatus(code: 421, reason: "Misdirected Request")
    static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    static let internalServerError = HTTPStatus(code: 500, reason: "Internal Server Error")
    static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    static let httpVersionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")

    var description: String { "\(code) \(reason)" }
}

/// One answer of the preview server. `Content-Length` and `Connection` are added when it is sent.
struct HTTPResponse: Sendable {
    var status: HTTPStatus
    /// In the order sent; names as written here.
    var headers: [(name: String, value: String)]
    var body: Data

    init(_ status: HTTPStatus, type: String? = nil, headers: [(name: String, value: String)] = [], body: Data = Data())
    {
        self.status = status
        var all: [(name: String, value: String)] = []
        if let type { all.append(("Content-Type", type)) }
        all.append(("Cache-Control", "no-store"))
        all.append(("X-Content-Type-Options", "nosniff"))
        self.headers = all + headers
        self.body = body
    }

    /// A short plain-text answer, for errors.
    static func text(_ status: HTTPStatus, _ message: String, headers: [(name: String, value: String)] = [])
        -> HTTPResponse
    {
        HTTPResponse(
            status, type: "text/plain; charset=utf-8", headers: headers, body: Data("\(status.code): \(message)\n".utf8)
        )
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The bytes on the wire: the status line, the headers, and the body unless `head` (a HEAD
    /// request gets the same headers, `Content-Length` included, without the body).
    func encoded(head: Bool, keepAlive: Bool) -> Data {
        var text = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        // No line break inside a value, whatever it came from: one header stays one header.
        for (name, value) in headers { text += "\(name): \(value.filter { $0 != "\r" && $0 != "\n" })\r\n" }
        text += "Content-Length: \(body.count)\r\n"
        text += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(text.utf8)
        if !head { data.append(body) }
        return data
    }
}

/// The bounds every connection of the preview server keeps to. A client that goes past one gets
/// a short error answer and the connection is closed; nothing a client sends makes the server
/// hold more than `maxRequestLine + maxHeaderBytes` bytes of it, or spend more than a pass over
/// those bytes.
public struct HTTPLimits: Sendable, Equatable {
    /// The request line (`GET /path HTTP/1.1`), without its line ending: past it, 414.
    public var maxRequestLine: Int
    /// The header lines together, line endings included: past it, 431.
    public var maxHeaderBytes: Int
    /// The number of header lines: past it, 431.
    public var maxHeaderCount: Int
    /// From the moment the server waits for a request (a new connection, or the previous
    /// response sent) to the end of its header: past it, the connection is closed (408 when
    /// part of a request had come).
    public var headerTimeout: Duration
    /// The time to send one response: past it (a client that does not read), the connection is closed.
    public var writeTimeout: Duration
    /// After an error answer, how long the server keeps reading and discarding what the client
    /// still sends, so that the client reads the answer instead of a reset connection.
    public var lingerTimeout: Duration
    /// The most bytes discarded that way.
    public var maxLingerBytes: Int
    /// Connections open at once: a further one is closed at once.
    public var maxConnections: Int

    public init(
        maxRequestLine: Int = 8 * 1024, maxHeaderBytes: Int = 32 * 1024, maxHeaderCount: Int = 100,
        headerTimeout: Duration = .seconds(10), writeTimeout: Duration = .seconds(30),
        lingerTimeout: Duration = .seconds(2), maxLingerBytes: Int = 4 * 1024 * 1024, maxConnections: Int = 256
    ) {
        self.maxRequestLine = maxRequestLine
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.headerTimeout = headerTimeout
        self.writeTimeout = writeTimeout
        self.lingerTimeout = lingerTimeout
        self.maxLingerBytes = maxLingerBytes
        self.maxConnections = maxConnections
    }
}

/// A request's line and headers, as read off the connection (the preview server reads no body).
struct RequestHead: Sendable, Equatable {
    /// As sent, case kept: `GET`, `HEAD`, `POST`, …
    var method: String
    /// The request target as sent, still percent-encoded: `/don-vi/?q=1`.
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    /// Names lowercased, in the order sent.
    var headers: [(name: String, value: String)]

    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.minorVersion == rhs.minorVersion
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    /// The first value of a header (names are compared lowercased).
    func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }

    /// Whether a body follows the header: the server does not read it, so it closes the connection after answering.
    var hasBody: Bool {
        if header("transfer-encoding") != nil { return true }
        if let length = header("content-length") { return length != "0" }
        return false
    }

    /// Whether the client wants the connection kept for another request.
    var keepAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if tokens.contains("close") { return false }
        return minorVersion >= 1 || tokens.contains("keep-alive")
    }
}

/// Reads a request's line and headers from the bytes as they arrive, in one pass over them,
/// and stops at the first limit passed: the bytes kept never exceed the limits (plus one read).
struct RequestHeadReader {
    enum Outcome: Equatable {
        /// The head is not complete yet.
        case needMore
        /// The head, and the bytes received after it (a pipelined next request).
        case complete(RequestHead, leftover: [UInt8])
        /// Answer with this status and close the connection.
        case reject(HTTPStatus)
    }

    let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// Where the search for the next line feed goes on.
    private var scanned = 0
    /// Where the current line starts.
    private var lineStart = 0
    /// The end of the request line (index of its line feed), once found.
    private var requestLineEnd: Int?
    private var headerCount = 0
    private var emptyLinesBefore = 0
    private var finished: Outcome?

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// Whether any byte of a request has come.
    var hasStarted: Bool { !buffer.isEmpty }

    mutating func append(_ bytes: some Collection<UInt8>) -> Outcome {
        if let finished { return finished }
        buffer.append(contentsOf: bytes)
        let outcome = scan()
        if outcome != .needMore {
            finished = outcome
            buffer = []
        }
        return outcome
    }

    private mutating func scan() -> Outcome {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            let lineEnd = scanned - 1
            var contentEnd = lineEnd
            if contentEnd > lineStart, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let length = contentEnd - lineStart
            if let requestLineEnd {
                if lineEnd - requestLineEnd > limits.maxHeaderBytes + 2 { return .reject(.requestHeaderFieldsTooLarge) }
                if length == 0 { return finish(headEnd: scanned) }
                headerCount += 1
                if headerCount > limits.maxHeaderCount { return .reject(.requestHeaderFieldsTooLarge) }
            } else if length == 0 {
                // Empty lines before a request line are ignored (RFC 9112 §2.2), a few of them.
                emptyLinesBefore += 1
                if emptyLinesBefore > 8 { return .reject(.badRequest) }
            } else {
                if length > limits.maxRequestLine { return .reject(.uriTooLong) }
                requestLineEnd = lineEnd
            }
            lineStart = scanned
        }
        if let requestLineEnd {
            if buffer.count - requestLineEnd - 1 > limits.maxHeaderBytes + 2 {
                return .reject(.requestHeaderFieldsTooLarge)
            }
        } else if buffer.count - lineStart > limits.maxRequestLine + 1 {
            return .reject(.uriTooLong)
        }
        return .needMore
    }

    private func finish(headEnd: Int) -> Outcome {
        let leftover = Array(buffer[headEnd...])
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for index in 0..<headEnd where buffer[index] == UInt8(ascii: "\n") {
            var end = index
            if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            lines.append(buffer[start..<end])
            start = index + 1
        }
        // Leading empty lines, then the request line, the headers and the empty line that ends them.
        let content = lines.drop { $0.isEmpty }.dropLast()
        guard let requestLine = content.first else { return .reject(.badRequest) }
        switch Self.parseRequestLine(requestLine) {
        case .refused(let status): return .reject(status)
        case .line(let method, let target, let minor):
            var headers: [(name: String, value: String)] = []
            for line in content.dropFirst() {
                guard let header = Self.parseHeader(line) else { return .reject(.badRequest) }
                headers.append(header)
            }
            let head = RequestHead(method: method, target: target, minorVersion: minor, headers: headers)
            // Ambiguous framing or authority (request smuggling): refused.
            for name in ["host", "content-length"] where headers.filter({ $0.name == name }).count > 1 {
                return .reject(.badRequest)
            }
            if let length = head.header("content-length"),
                length.isEmpty || !length.allSatisfy({ $0.isASCII && $0.isNumber })
            {
                return .reject(.badRequest)
            }
            return .complete(head, leftover: leftover)
        }
    }

    enum RequestLine: Equatable {
        case line(method: String, target: String, minorVersion: Int)
        case refused(HTTPStatus)
    }

    /// `METHOD SP request-target SP HTTP/1.x`, single spaces, printable ASCII only.
    static func parseRequestLine(_ line: ArraySlice<UInt8>) -> RequestLine {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].allSatisfy(isTokenByte),
            parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return .refused(.badRequest) }
        let version = Array(parts[2])
        let prefix = Array("HTTP/".utf8)
        guard version.count == 8, version.starts(with: prefix), version[6] == UInt8(ascii: "."),
            version[5].isDigit, version[7].isDigit
        else { return .refused(.badRequest) }
        guard version[5] == UInt8(ascii: "1"), version[7] <= UInt8(ascii: "1") else {
            return .refused(.httpVersionNotSupported)
        }
        return .line(
            method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
            minorVersion: Int(version[7] - UInt8(ascii: "0")))
    }

    /// `name: value`: a token name right before the colon, a value of visible characters,
    /// spaces and tabs (no control character, no folded line).
    static func parseHeader(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        let name = line[line.startIndex..<colon]
        guard name.allSatisfy(isTokenByte) else { return nil }
        var value = line[(colon + 1)...]
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { return nil }
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self))
    }

    /// RFC 9110 `tchar`.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: tokenPunctuation.contains(byte)
        }
    }

    private static let tokenPunctuation = Set("!#$%&'*+-.^_`|~".utf8)
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP client to 127.0.0.1 for the preview server's tests, sending exactly the bytes
/// it is given. Every call runs on a thread of its own (`RawConnection.onThread`), never on the
/// Swift concurrency pool that the server under test needs, and every socket call has a timeout.
package struct RawConnection: Sendable {
    package let fd: Int32

    package struct Reply: Sendable {
        package var bytes: [UInt8]
        /// The server closed the connection (end of stream or reset).
        package var closed: Bool
        package var elapsed: Duration

        package var text: String { String(decoding: bytes, as: UTF8.self) }
        /// 0 when no status line came.
        package var status: Int {
            let line = text.split(separator: "\r\n", maxSplits: 1).first ?? ""
            let parts = line.split(separator: " ")
            return parts.count >= 2 && parts[0].hasPrefix("HTTP/") ? Int(parts[1]) ?? 0 : 0
        }
        /// The header lines of the first response, names lowercased.
        package var headers: [(name: String, value: String)] {
            guard let end = text.range(of: "\r\n\r\n") else { return [] }
            return text[..<end.lowerBound].split(separator: "\r\n").dropFirst().compactMap { line in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (
                    line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                )
            }
        }
        package func header(_ name: String) -> String? { headers.first { $0.name == name.lowercased() }?.value }
        package var body: String {
            guard let end = text.range(of: "\r\n\r\n") else { return "" }
            return String(text[end.upperBound...])
        }
    }

    /// Runs blocking work on a new thread.
    package static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: body()) }.start()
        }
    }

    /// Connects to 127.0.0.1:`port`; each later send or receive gives up after `timeout` seconds.
    package static func open(port: UInt16, timeout: Int = 10) -> RawConnection? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            _ = systemClose(fd)
            return nil
        }
        return RawConnection(fd: fd)
    }

    /// Sends everything it can; false when the server stopped taking bytes (closed, or the timeout).
    @discardableResult
    package func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let flags = Int32(MSG_NOSIGNAL)
            #else
                let flags: Int32 = 0
            #endif
            let sent = bytes[offset...].withUnsafeBytes { systemSend(fd, $0.baseAddress, $0.count, flags) }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    @discardableResult
    package func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until one whole response has come (its header and `Content-Length` bytes), the
    /// server closes, or nothing comes for the timeout.
    package func readResponse() -> Reply { read(untilClosed: false) }

    /// Reads until the server closes the connection (or nothing comes for the timeout).
    package func readUntilClosed() -> Reply { read(untilClosed: true) }

    private func read(untilClosed: Bool) -> Reply {
        let started = ContinuousClock.now
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return Reply(bytes: bytes, closed: true, elapsed: ContinuousClock.now - started)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return Reply(bytes: bytes, closed: false, elapsed: ContinuousClock.now - started)
            }
            bytes += buffer[0..<count]
            if !untilClosed, Self.isComplete(bytes) {
                return Reply(bytes: bytes, closed: false, elapsed: ContinuousClock.now - started)
            }
        }
    }

    /// Whether `bytes` hold a whole response to a GET (a HEAD's has no body: see `Reply`).
    package static func isComplete(_ bytes: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("\r\n\r\n".utf8)
        guard bytes.count >= 4,
            let end = (0...(bytes.count - 4)).first(where: { bytes[$0..<($0 + 4)].elementsEqual(marker) })
        else { return false }
        let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        let length =
            head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return bytes.count - end - 4 >= length
    }

    package func close() { _ = systemClose(fd) }

    /// One request on a new connection: sends `bytes`, reads one response.
    package static func exchange(port: UInt16, _ bytes: [UInt8], timeout: Int = 10) async -> Reply? {
        await onThread {
            guard let connection = open(port: port, timeout: timeout) else { return nil }
            defer { connection.close() }
            let started = ContinuousClock.now
            connection.send(bytes)
            var reply = connection.readResponse()
            reply.elapsed = ContinuousClock.now - started
            return reply
        }
    }

    package static func exchange(port: UInt16, _ text: String, timeout: Int = 10) async -> Reply? {
        await exchange(port: port, Array(text.utf8), timeout: timeout)
    }

    /// `GET path` with a loopback Host, the connection closed after the answer.
    package static func get(port: UInt16, _ path: String, timeout: Int = 10) async -> Reply? {
        await exchange(
            port: port, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n",
            timeout: timeout)
    }
}

// The C calls under names that do not clash with RawConnection's own methods.
#if canImport(Glibc)
    private func systemSend(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
        Glibc.send(fd, buffer, count, flags)
    }
    private func systemClose(_ fd: Int32) -> Int32 { Glibc.close(fd) }
#else
    private func systemSend(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
        Darwin.send(fd, buffer, count, flags)
    }
    private func systemClose(_ fd: Int32) -> Int32 { Darwin.close(fd) }
#endif

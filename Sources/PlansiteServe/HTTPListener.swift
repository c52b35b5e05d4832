import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTTP/1.1 for the preview server, on FlyingSocks' non-blocking sockets and event pool
/// (epoll on Linux, kqueue on macOS).
///
/// FlyingFox's own HTTP layer has no bound on the request line or the headers (a line is
/// gathered byte by byte, each byte compared against the whole line so far: minutes of CPU for
/// a 1 MB line) and no read timeout, and its decoder and connection loop are internal, so this
/// small layer reads the requests instead. Each connection keeps to `HTTPLimits`: a request's
/// head is read in one pass over at most `maxRequestLine + maxHeaderBytes` bytes and within
/// `headerTimeout`; a response is written within `writeTimeout`; a connection past
/// `maxConnections` is closed at once. The server reads no request body: a request that has
/// one is answered, then the connection is closed.
struct HTTPListener: Sendable {
    typealias Respond = @Sendable (RequestHead) async -> HTTPResponse

    let socket: Socket
    let limits: HTTPLimits
    let io: SocketIO

    /// Binds and listens now, so that a port in use is reported at once.
    static func bind(to address: some SocketAddress, limits: HTTPLimits, pool: some AsyncSocketPool) throws
        -> HTTPListener
    {
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.setFlags(.nonBlocking)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        return HTTPListener(socket: socket, limits: limits, io: SocketIO(pool: pool))
    }

    /// The bound address (with the port picked, when 0 was asked for).
    var address: Socket.Address? { try? socket.sockname() }

    /// The origin clients reach the server at (`http://127.0.0.1:8000`), or nil when it listens
    /// on every address (0.0.0.0, ::) and so has no one name.
    var origin: String? {
        switch address {
        case .ip4(let host, let port) where host != "0.0.0.0": "http://\(host):\(port)"
        case .ip6(let host, let port) where host != "::": "http://[\(host)]:\(port)"
        default: nil
        }
    }

    /// Accepts and serves connections, each request answered by `respond`, until the task is
    /// cancelled; then closes the listening socket.
    func run(_ respond: @escaping Respond) async throws {
        defer { try? socket.close() }
        try await io.pool.prepare()
        let open = ConnectionCount(limit: limits.maxConnections)
        try await withThrowingDiscardingTaskGroup { group in
            let pool = io.pool
            group.addTask { try await pool.run() }
            while !Task.isCancelled {
                let client: Socket
                do {
                    client = try await io.accept(on: socket)
                } catch is CancellationError {
                    break
                } catch {
                    // Out of file descriptors or an aborted connection: wait a little, go on.
                    try? await Task.sleep(for: .milliseconds(50))
                    continue
                }
                guard await open.enter() else {
                    // Too many at once (a flood of slow clients): refused, the others go on.
                    try? client.close()
                    continue
                }
                group.addTask {
                    await serve(client, respond)
                    await open.leave()
                }
            }
            group.cancelAll()
        }
    }

    /// One connection: requests one after the other while the client keeps it.
    func serve(_ client: Socket, _ respond: Respond) async {
        defer { try? client.close() }
        guard (try? client.setFlags(.nonBlocking)) != nil else { return }
        var pending: [UInt8] = []
        while !Task.isCancelled {
            var reader = RequestHeadReader(limits: limits)
            let deadline = ContinuousClock.now + limits.headerTimeout
            var outcome = reader.append(pending)
            do {
                while outcome == .needMore {
                    outcome = reader.append(try await io.read(from: client, before: deadline))
                }
            } catch SocketIO.Failure.timedOut {
                // Half a request after the time allowed: told so and closed. An idle kept
                // connection is closed without a word.
                if reader.hasStarted {
                    let answer = HTTPResponse.text(.requestTimeout, "yêu cầu gửi quá chậm")
                    await finish(client, with: answer.encoded(head: false, keepAlive: false))
                }
                return
            } catch {
                return
            }
            switch outcome {
            case .needMore:
                return
            case .reject(let status):
                let answer = HTTPResponse.text(status, Self.message(for: status))
                await finish(client, with: answer.encoded(head: false, keepAlive: false))
                return
            case .complete(let head, let leftover):
                let response = await respond(head)
                let keepAlive = head.keepAlive && !head.hasBody
                let bytes = response.encoded(head: head.method == "HEAD", keepAlive: keepAlive)
                guard keepAlive else {
                    await finish(client, with: bytes)
                    return
                }
                do {
                    try await io.write(bytes, to: client, before: ContinuousClock.now + limits.writeTimeout)
                } catch {
                    return
                }
                pending = leftover
            }
        }
    }

    /// Sends a last answer, then closes gracefully: stops sending, and reads and discards what
    /// the client still sends (a bounded time and amount), so that the client reads the answer
    /// instead of losing it to a reset when unread bytes are left behind.
    private func finish(_ client: Socket, with bytes: Data) async {
        guard (try? await io.write(bytes, to: client, before: ContinuousClock.now + limits.writeTimeout)) != nil
        else { return }
        _ = shutdown(client.file.rawValue, Int32(SHUT_WR))
        let deadline = ContinuousClock.now + limits.lingerTimeout
        var discarded = 0
        while discarded < limits.maxLingerBytes {
            guard let bytes = try? await io.read(from: client, before: deadline) else { return }
            discarded += bytes.count
        }
    }

    static func message(for status: HTTPStatus) -> String {
        switch status.code {
        case 414: "dòng yêu cầu quá dài"
        case 431: "phần đầu yêu cầu quá lớn"
        case 505: "chỉ hỗ trợ HTTP/1.0 và HTTP/1.1"
        default: "yêu cầu không hợp lệ"
        }
    }
}

/// Non-blocking socket calls that wait in the event pool, each until a deadline.
struct SocketIO: Sendable {
    enum Failure: Error {
        case timedOut
    }

    let pool: any AsyncSocketPool

    func accept(on socket: Socket) async throws -> Socket {
        while true {
            try Task.checkCancellation()
            do {
                return Socket(file: try socket.accept().file)
            } catch SocketError.blocked {
                try await pool.suspendSocket(socket, untilReadyFor: .connection)
            }
        }
    }

    /// Some bytes (at most `limit`); throws `SocketError.disconnected` at the end of the stream.
    func read(from socket: Socket, before deadline: ContinuousClock.Instant, limit: Int = 16 * 1024) async throws
        -> [UInt8]
    {
        while true {
            do {
                return try socket.read(atMost: limit)
            } catch SocketError.blocked {
                try await wait(socket, for: .read, before: deadline)
            }
        }
    }

    func write(_ data: Data, to socket: Socket, before deadline: ContinuousClock.Instant) async throws {
        var index = data.startIndex
        while index < data.endIndex {
            do {
                index = try socket.write(data, from: index)
            } catch SocketError.blocked {
                try await wait(socket, for: .write, before: deadline)
            }
        }
    }

    /// Until the socket is ready, or `Failure.timedOut` at the deadline.
    private func wait(_ socket: Socket, for events: Socket.Events, before deadline: ContinuousClock.Instant)
        async throws
    {
        guard ContinuousClock.now < deadline else { throw Failure.timedOut }
        let pool = pool
        let ready = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await pool.suspendSocket(socket, untilReadyFor: events)
                return true
            }
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return false
            }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
        guard ready else { throw Failure.timedOut }
    }
}

/// The connections open at once, up to a limit.
actor ConnectionCount {
    let limit: Int
    private(set) var open = 0

    init(limit: Int) {
        self.limit = limit
    }

    func enter() -> Bool {
        guard open < limit else { return false }
        open += 1
        return true
    }

    func leave() { open -= 1 }
}

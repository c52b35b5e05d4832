import FlyingSocks
import Foundation
import PlansiteBuild
import Testing

@testable import PlansiteServe
import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The preview server against clients that misbehave, over raw sockets to 127.0.0.1: oversized
/// and slow requests, other methods, hostile `Host` values and paths that try to leave the
/// output folder. Every client call has a timeout and every loop a bound.
@Suite(.serialized) struct ServeSafetyTests {
    /// A listener over a small hand-written output folder (no build), stopped whatever the body does.
    static func withListener(
        limits: HTTPLimits = HTTPLimits(), _ body: (UInt16, TemporaryFolder) async throws -> Void
    ) async throws {
        let folder = try TemporaryFolder()
        try folder.write("<html><body>trang chủ</body></html>", to: "public/index.html")
        try folder.write("<html><body>đơn vị</body></html>", to: "public/don-vi/index.html")
        try folder.write("<html><body>không có</body></html>", to: "public/404.html")
        try folder.write("body {}", to: "public/assets/style.css")
        let listener = try HTTPListener.bind(
            to: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), limits: limits,
            pool: SocketPool<Poll>.make(maxEvents: 64))
        guard case .ip4(_, let port) = listener.address else {
            try? listener.socket.close()
            Issue.record("no port")
            return
        }
        let handler = PreviewHandler(
            output: folder.path("public"), state: PreviewState(), hosts: HostPolicy(listeningOn: "127.0.0.1"),
            origin: listener.origin)
        let task = serverTask { try? await listener.run { await handler.respond(to: $0) } }
        do {
            try await body(port, folder)
        } catch {
            task.cancel()
            _ = await task.result
            throw error
        }
        task.cancel()
        _ = await task.result
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func requestLine(pathLength: Int) -> [UInt8] {
        Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: pathLength)
            + Array(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
    }

    static func header(valueLength: Int) -> [UInt8] {
        Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ".utf8)
            + [UInt8](repeating: UInt8(ascii: "b"), count: valueLength) + Array("\r\n\r\n".utf8)
    }

    // MARK: - Sizes

    @Test func requestLinesOf100KBAnd1MBGet414WithinASecond() async throws {
        try await Self.withListener { port, _ in
            for length in [100_000, 1_000_000] {
                let reply = try #require(await RawConnection.exchange(port: port, Self.requestLine(pathLength: length)))
                #expect(reply.status == 414, "\(length) bytes")
                #expect(reply.header("connection") == "close")
                #expect(Self.seconds(reply.elapsed) < 1, "\(length) bytes: \(reply.elapsed)")
            }
            // Just below the bound, the request is read (the file does not exist: 404).
            let longest = try #require(await RawConnection.exchange(port: port, Self.requestLine(pathLength: 8000)))
            #expect(longest.status == 404)
        }
    }

    @Test func aHeaderOf2MBGets431WithinASecond() async throws {
        try await Self.withListener { port, _ in
            let reply = try #require(await RawConnection.exchange(port: port, Self.header(valueLength: 2_000_000)))
            #expect(reply.status == 431)
            #expect(reply.header("connection") == "close")
            #expect(Self.seconds(reply.elapsed) < 1, "\(reply.elapsed)")
            // Many small header lines, too many together.
            var many = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            for index in 0..<101 { many += "X-\(index): 1\r\n" }
            let count = try #require(await RawConnection.exchange(port: port, many + "\r\n"))
            #expect(count.status == 431)
            var hundred = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            for index in 0..<98 { hundred += "X-\(index): 1\r\n" }
            let allowed = try #require(await RawConnection.exchange(port: port, hundred + "\r\n"))
            #expect(allowed.status == 200)
        }
    }

    @Test func theHeadReaderStopsAtEachBoundAndKeepsNoMore() {
        let limits = HTTPLimits(maxRequestLine: 100, maxHeaderBytes: 200, maxHeaderCount: 5)
        func outcome(_ text: String) -> RequestHeadReader.Outcome {
            var reader = RequestHeadReader(limits: limits)
            return reader.append(Array(text.utf8))
        }
        let line100 = "GET /" + String(repeating: "a", count: 100 - 14) + " HTTP/1.1"
        #expect(line100.utf8.count == 100)
        if case .complete = outcome(line100 + "\r\n\r\n") {} else { Issue.record("a line of 100 is allowed") }
        #expect(
            outcome("GET /a" + String(repeating: "a", count: 100 - 14) + " HTTP/1.1\r\n\r\n") == .reject(.uriTooLong))
        // Without a line end yet: refused as soon as the line is longer than the bound.
        #expect(outcome("GET /" + String(repeating: "a", count: 200)) == .reject(.uriTooLong))
        #expect(
            outcome("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 300))
                == .reject(.requestHeaderFieldsTooLarge))
        #expect(
            outcome("GET / HTTP/1.1\r\n" + String(repeating: "A: 1\r\n", count: 6) + "\r\n")
                == .reject(.requestHeaderFieldsTooLarge))
        if case .complete = outcome("GET / HTTP/1.1\r\n" + String(repeating: "A: 1\r\n", count: 5) + "\r\n") {
        } else {
            Issue.record("5 headers are allowed")
        }
    }

    @Test func theHeadReaderGivesTheSameHeadByteByByteAndKeepsAPipelinedRequest() throws {
        let text = "\r\nGET /a%20b?q=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Thing:  giá trị \r\n\r\nGET /next HTTP/1.1\r\n"
        var whole = RequestHeadReader(limits: HTTPLimits())
        let once = whole.append(Array(text.utf8))
        var slow = RequestHeadReader(limits: HTTPLimits())
        var outcome = RequestHeadReader.Outcome.needMore
        for byte in Array(text.utf8) where outcome == .needMore { outcome = slow.append([byte]) }
        guard case .complete(let head, let leftover) = once else {
            Issue.record("\(once)")
            return
        }
        #expect(head.method == "GET")
        #expect(head.target == "/a%20b?q=1")
        #expect(head.minorVersion == 1)
        #expect(head.header("x-thing") == "giá trị")
        #expect(String(decoding: leftover, as: UTF8.self) == "GET /next HTTP/1.1\r\n")
        // Byte by byte, the reader stops at the end of the head: the rest is the next request's.
        guard case .complete(let slowHead, let slowLeftover) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(slowHead == head)
        #expect(slowLeftover.isEmpty)
    }

    @Test func malformedHeadsAreRefusedWith400Or505() {
        let cases: [(String, HTTPStatus)] = [
            ("GET  / HTTP/1.1\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1 extra\r\n\r\n", .badRequest),
            ("G(T / HTTP/1.1\r\n\r\n", .badRequest),
            ("GET / HTTP/2.0\r\n\r\n", .httpVersionNotSupported),
            ("GET / HTTQ/1.1\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nNo colon\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nName : value\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nA: 1\r\n folded\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nA: x\u{0}y\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", .badRequest),
            ("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", .badRequest),
            ("GET /\u{7F} HTTP/1.1\r\n\r\n", .badRequest),
            (String(repeating: "\r\n", count: 20) + "GET / HTTP/1.1\r\n\r\n", .badRequest),
        ]
        for (text, status) in cases {
            var reader = RequestHeadReader(limits: HTTPLimits())
            #expect(reader.append(Array(text.utf8)) == .reject(status), "\(text.debugDescription)")
        }
    }

    // MARK: - Time

    @Test func aHalfSentRequestGets408AndIsClosedAfterTheTimeout() async throws {
        try await Self.withListener(limits: HTTPLimits(headerTimeout: .seconds(1))) { port, _ in
            let reply = await RawConnection.onThread { () -> RawConnection.Reply? in
                guard let connection = RawConnection.open(port: port) else { return nil }
                defer { connection.close() }
                connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                return connection.readUntilClosed()
            }
            let closed = try #require(reply)
            #expect(closed.closed)
            #expect(closed.status == 408)
            let seconds = Self.seconds(closed.elapsed)
            #expect(seconds > 0.8 && seconds < 4, "closed after \(seconds) s")
        }
    }

    @Test func aClientTricklingItsHeaderIsClosedAtTheDeadlineNotKeptByEachByte() async throws {
        try await Self.withListener(limits: HTTPLimits(headerTimeout: .seconds(1))) { port, _ in
            let reply = await RawConnection.onThread { () -> (closedAfter: Double, sent: Int)? in
                guard let connection = RawConnection.open(port: port, timeout: 1) else { return nil }
                defer { connection.close() }
                let started = ContinuousClock.now
                // One byte every 100 ms, for at most 8 s: the server must stop it at about 1 s.
                for (index, byte)
                    in (Array("GET / HTTP/1.1\r\nX-Slow: ".utf8) + repeatElement(UInt8(ascii: "z"), count: 60))
                    .enumerated()
                {
                    guard connection.send([byte]) else {
                        return (ServeSafetyTests.seconds(ContinuousClock.now - started), index)
                    }
                    var probe = pollfd(fd: connection.fd, events: Int16(POLLIN), revents: 0)
                    if poll(&probe, 1, 100) > 0 {
                        _ = connection.readUntilClosed()
                        return (ServeSafetyTests.seconds(ContinuousClock.now - started), index)
                    }
                }
                return nil
            }
            let (closedAfter, sent) = try #require(reply, "still open after 8 s of trickling")
            #expect(closedAfter > 0.8 && closedAfter < 4, "closed after \(closedAfter) s, \(sent) bytes")
        }
    }

    @Test func aConnectionThatSendsNothingIsClosedAfterTheTimeoutWithoutAnAnswer() async throws {
        try await Self.withListener(limits: HTTPLimits(headerTimeout: .milliseconds(500))) { port, _ in
            let reply = await RawConnection.onThread { () -> RawConnection.Reply? in
                guard let connection = RawConnection.open(port: port) else { return nil }
                defer { connection.close() }
                return connection.readUntilClosed()
            }
            let idle = try #require(reply)
            #expect(idle.closed)
            #expect(idle.bytes.isEmpty)
            #expect(Self.seconds(idle.elapsed) < 4)
        }
    }

    @Test func aClientThatDoesNotReadIsDroppedAfterTheWriteTimeout() async throws {
        try await Self.withListener(limits: HTTPLimits(writeTimeout: .seconds(1))) { port, folder in
            // Far more than the socket buffers of both ends hold.
            try Data(count: 48 << 20).write(to: folder.path("public/big.csv"))
            let reply = await RawConnection.onThread { () -> RawConnection.Reply? in
                guard let connection = RawConnection.open(port: port) else { return nil }
                defer { connection.close() }
                connection.send("GET /big.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                Thread.sleep(forTimeInterval: 3)
                return connection.readUntilClosed()
            }
            let dropped = try #require(reply)
            #expect(dropped.closed)
            #expect(dropped.bytes.count < 48 << 20, "the whole file came: the server waited for the reader")
            let other = try #require(await RawConnection.get(port: port, "/"))
            #expect(other.status == 200)
        }
    }

    /// What the testers saw: three oversized requests froze the server for minutes.
    @Test func otherClientsAreAnsweredWithinASecondWhileOversizedAndSlowClientsAreOpen() async throws {
        try await Self.withListener(limits: HTTPLimits(headerTimeout: .seconds(8))) { port, _ in
            // Ten slow clients, each with half a request, held open during the whole test.
            let slow = await RawConnection.onThread { () -> [RawConnection] in
                (0..<10).compactMap { _ in
                    let connection = RawConnection.open(port: port)
                    connection?.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ")
                    return connection
                }
            }
            defer { for connection in slow { connection.close() } }
            #expect(slow.count == 10)
            async let oversized = withTaskGroup(of: Int.self) { group in
                for bytes in [
                    Self.requestLine(pathLength: 100_000), Self.requestLine(pathLength: 1_000_000),
                    Self.header(valueLength: 2_000_000),
                ] {
                    group.addTask { await RawConnection.exchange(port: port, bytes)?.status ?? 0 }
                }
                return await group.reduce(into: []) { $0.append($1) }.sorted()
            }
            var slowest = 0.0
            for _ in 0..<10 {
                let reply = try #require(await RawConnection.get(port: port, "/", timeout: 2))
                #expect(reply.status == 200)
                slowest = max(slowest, Self.seconds(reply.elapsed))
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(slowest < 1, "slowest answer \(slowest) s")
            #expect(await oversized == [414, 414, 431])
        }
    }

    @Test func connectionsPastTheLimitAreClosedAtOnceAndTheServerRecovers() async throws {
        try await Self.withListener(limits: HTTPLimits(headerTimeout: .seconds(8), maxConnections: 3)) { port, _ in
            let held = await RawConnection.onThread { () -> [RawConnection] in
                (0..<3).compactMap { _ in
                    let connection = RawConnection.open(port: port)
                    connection?.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    return connection
                }
            }
            #expect(held.count == 3)
            // Give the server the time to take the three in (bounded poll on a fourth one).
            var refused: RawConnection.Reply?
            for _ in 0..<20 {
                let reply = try #require(await RawConnection.get(port: port, "/", timeout: 2))
                if reply.closed && reply.bytes.isEmpty {
                    refused = reply
                    break
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(refused != nil, "a fourth connection was served")
            for connection in held { connection.close() }
            var recovered = false
            for _ in 0..<40 where !recovered {
                recovered = await RawConnection.get(port: port, "/", timeout: 2)?.status == 200
                if !recovered { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(recovered, "no answer after the held connections closed")
        }
    }

    /// Blocks the calling thread, as a long synchronous job does.
    static func holdThread(seconds: Double) { Thread.sleep(forTimeInterval: seconds) }

    @Test func theServerAnswersWhileEveryThreadOfTheConcurrencyPoolIsBlocked() async throws {
        try await Self.withListener { port, _ in
            // Twice as many blocking jobs as the pool has threads, for 3 s each.
            let blockers = (0..<(2 * ProcessInfo.processInfo.activeProcessorCount)).map { _ in
                Task.detached { Self.holdThread(seconds: 3) }
            }
            let elapsed = await RawConnection.onThread { () -> (Int, Double)? in
                Thread.sleep(forTimeInterval: 0.3)
                guard let connection = RawConnection.open(port: port, timeout: 5) else { return nil }
                defer { connection.close() }
                let started = ContinuousClock.now
                connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                let reply = connection.readResponse()
                return (reply.status, ServeSafetyTests.seconds(ContinuousClock.now - started))
            }
            for blocker in blockers { await blocker.value }
            let (status, seconds) = try #require(elapsed)
            #expect(status == 200)
            #expect(seconds < 1, "answered after \(seconds) s")
        }
    }

    @Test func requestsOnOneKeptConnectionAreAnsweredInOrder() async throws {
        try await Self.withListener { port, _ in
            let replies = await RawConnection.onThread { () -> [RawConnection.Reply] in
                guard let connection = RawConnection.open(port: port) else { return [] }
                defer { connection.close() }
                var replies: [RawConnection.Reply] = []
                for path in ["/", "/assets/style.css", "/don-vi/"] {
                    connection.send("GET \(path) HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
                    replies.append(connection.readResponse())
                }
                return replies
            }
            #expect(replies.map(\.status) == [200, 200, 200])
            #expect(replies.map { $0.header("connection") } == ["keep-alive", "keep-alive", "keep-alive"])
            #expect(replies[1].body == "body {}")
            #expect(replies[2].body.contains("đơn vị"))
        }
    }

    // MARK: - Methods

    @Test func everyMethodButGetAndHeadGets405WithAllow() async throws {
        try await Self.withListener { port, _ in
            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "FOO", "get"] {
                let reply = try #require(
                    await RawConnection.exchange(
                        port: port, "\(method) / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                #expect(reply.status == 405, "\(method)")
                #expect(reply.header("allow") == "GET, HEAD", "\(method)")
            }
            // With a body, which the server does not read: answered, then closed.
            let post = try #require(
                await RawConnection.onThread { () -> RawConnection.Reply? in
                    guard let connection = RawConnection.open(port: port) else { return nil }
                    defer { connection.close() }
                    connection.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello")
                    return connection.readUntilClosed()
                })
            #expect(post.status == 405)
            #expect(post.closed)
            let head = try #require(
                await RawConnection.onThread { () -> RawConnection.Reply? in
                    guard let connection = RawConnection.open(port: port) else { return nil }
                    defer { connection.close() }
                    connection.send("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    return connection.readUntilClosed()
                })
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(Int(head.header("content-length") ?? "") ?? 0 > 0)
        }
    }

    // MARK: - Host

    @Test func redirectsPointAtTheBoundAddressAndNeverCarryTheRequestHost() async throws {
        try await Self.withListener { port, _ in
            let requests = [
                "GET /don-vi HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n",
                "GET /don-vi HTTP/1.0\r\n\r\n",
                "GET http://evil.example/don-vi HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                // A protocol-relative path must not become a redirect to another site.
                "GET //don-vi HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            ]
            for request in requests {
                let reply = try #require(await RawConnection.exchange(port: port, request))
                #expect(reply.status == 301, "\(request.debugDescription)")
                #expect(reply.header("location") == "http://127.0.0.1:\(port)/don-vi/", "\(request.debugDescription)")
                #expect(!reply.text.contains("evil"))
            }
        }
    }

    @Test func listeningOnEveryAddressARedirectIsAPathOnly() async throws {
        let folder = try TemporaryFolder()
        try folder.write("<html></html>", to: "public/don-vi/index.html")
        let handler = PreviewHandler(
            output: folder.path("public"), state: PreviewState(), hosts: HostPolicy(listeningOn: "0.0.0.0"),
            origin: nil)
        let request = RequestHead(
            method: "GET", target: "/don-vi", minorVersion: 1, headers: [("host", "evil.example:8000")])
        let response = await handler.respond(to: request)
        #expect(response.status == .movedPermanently)
        #expect(response.header("location") == "/don-vi/")
    }

    @Test func aForeignHostIsRefusedAndNotEchoed() async throws {
        try await Self.withListener { port, _ in
            for host in [
                "evil.example", "evil.example:\(port)", "127.0.0.1.evil.example", "localhost.evil.example",
                "[::1].evil.example", "127.0.0.1:80@evil.example",
            ] {
                let reply = try #require(
                    await RawConnection.exchange(
                        port: port, "GET /don-vi HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"))
                #expect(reply.status == 421, "\(host)")
                #expect(!reply.text.contains("evil"), "\(host)")
            }
        }
    }

    @Test func loopbackHostNamesAreAccepted() {
        let policy = HostPolicy(listeningOn: "127.0.0.1")
        for host in [
            "127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:8000", "[::1]:8000", "127.1.2.3", "a.localhost",
        ] {
            #expect(policy.accepts(host), "\(host)")
        }
        for host in ["evil.example", "127.0.0.1.nip.io", "127.0.0.1:x", "[::1]x", "0.0.0.0", "1.2.3.4", ""] {
            #expect(!policy.accepts(host), "\(host)")
        }
        #expect(HostPolicy(listeningOn: "0.0.0.0").accepts("may-cua-dong-nghiep.local"))
    }

    // MARK: - Paths

    @Test func traversalAttemptsGet400Or404AndNeverAFileOutsideTheOutput() async throws {
        try await Self.withListener { port, folder in
            let marker = "BI-MAT-\(UUID().uuidString)"
            try folder.write(marker, to: "secret.txt")
            try folder.write(marker, to: "outside/page.html")
            let manager = FileManager.default
            try manager.createSymbolicLink(
                atPath: folder.path("public/link-file.html").path, withDestinationPath: folder.path("secret.txt").path)
            try manager.createSymbolicLink(
                atPath: folder.path("public/link-folder").path, withDestinationPath: folder.path("outside").path)
            try manager.createSymbolicLink(
                atPath: folder.path("public/link-relative.txt").path, withDestinationPath: "../secret.txt")
            // A link that stays inside the output is served as any file.
            try manager.createSymbolicLink(
                atPath: folder.path("public/inside.css").path, withDestinationPath: "assets/style.css")
            let targets = [
                "/../secret.txt", "/../../secret.txt", "/don-vi/../../secret.txt", "/%2e%2e/secret.txt",
                "/%2E%2E/secret.txt", "/%2e%2e%2fsecret.txt", "/don-vi/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/.%2e/secret.txt", "/%252e%252e/secret.txt", "/..\\secret.txt", "/..%5csecret.txt",
                "/%5c..%5csecret.txt", "/secret.txt%00.html", "/%00", "/index.html%00", "/link-file.html",
                "/link-folder/page.html", "/link-folder/", "/link-relative.txt", "http://127.0.0.1/../secret.txt",
                "/./../secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%", "/%zz", "/don-vi/..", "/..", "/.",
                "..", "*", "/%ff",
            ]
            for target in targets {
                let reply = try #require(
                    await RawConnection.exchange(
                        port: port, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                #expect([400, 404].contains(reply.status), "\(target): \(reply.status)")
                #expect(!reply.text.contains(marker), "\(target) served a file outside the output")
            }
            let inside = try #require(await RawConnection.get(port: port, "/inside.css"))
            #expect(inside.status == 200)
            #expect(inside.body == "body {}")
        }
    }

    @Test func theRouterRefusesEverySegmentThatCouldLeaveTheFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("<html></html>", to: "public/index.html")
        try folder.write("x", to: "public/.hidden")
        try folder.write("secret", to: "content/site.yaml")
        let root = folder.path("public")
        for path in [
            "/..", "/../content/site.yaml", "/a/../../content/site.yaml", "/.", "/./index.html", "/..\\content",
            "/a\u{0}b", "/a\u{1F}b",
        ] {
            #expect(PreviewRouter.resolve(path, in: root) == .badPath, "\(path.debugDescription)")
        }
        #expect(PreviewRouter.resolve("/.hidden", in: root) == .notFound)
        #expect(PreviewRouter.resolve("/khong-co", in: root) == .notFound)
        #expect(RequestTarget.path(of: "/a%2Fb%20c?x=%zz") == "/a/b c")
        #expect(RequestTarget.path(of: "/%e1%bb%") == nil)
        #expect(RequestTarget.path(of: "/%ff") == nil)
        #expect(RequestTarget.path(of: "HTTP://Evil.Example") == "/")
        #expect(RequestTarget.path(of: "evil.example/x") == nil)
        #expect(PreviewRouter.percentEncoded("đơn vị/") == "%C4%91%C6%A1n%20v%E1%BB%8B%2F")
    }

    // MARK: - Builds and start

    static func threadID() -> UInt {
        #if canImport(Glibc)
            UInt(pthread_self())
        #else
            UInt(bitPattern: pthread_self())
        #endif
    }

    @Test func blockingWorkRunsInOrderOnItsOwnThreadWhileThePoolGoesOn() async throws {
        let worker = BlockingWorker(name: "plansite serve: build")
        defer { worker.stop() }
        let order = OrderLog()
        async let slow = worker.run { () -> UInt in
            order.append("slow started")
            Thread.sleep(forTimeInterval: 1)
            order.append("slow")
            return Self.threadID()
        }
        // The second job is given once the first runs (bounded wait).
        for _ in 0..<100 where !order.entries.contains("slow started") { try await Task.sleep(for: .milliseconds(50)) }
        async let second = worker.run { () -> UInt in
            order.append("second")
            return Self.threadID()
        }
        // A job on the concurrency pool meanwhile runs on another thread.
        let onPool = await Task.detached { Self.threadID() }.value
        let (first, next) = await (slow, second)
        #expect(first == next, "one thread for every job")
        #expect(first != onPool, "the job ran on the concurrency pool")
        #expect(order.entries == ["slow started", "slow", "second"])
        worker.stop()
        // After stop, a job still runs (on the caller's thread) rather than waiting forever.
        #expect(await worker.run { 7 } == 7)
    }

    /// Entries appended from any thread.
    final class OrderLog: @unchecked Sendable {  // `items` only with `lock` held
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ entry: String) { lock.withLock { items.append(entry) } }
        var entries: [String] { lock.withLock { items } }
    }

    @Test func aPortInUseIsReportedBeforeAnyBuild() async throws {
        let taken = try HTTPListener.bind(
            to: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), limits: HTTPLimits(),
            pool: SocketPool<Poll>.make(maxEvents: 4))
        defer { try? taken.socket.close() }
        guard case .ip4(_, let port) = taken.address else {
            Issue.record("no port")
            return
        }
        let folder = try TemporaryFolder()
        try folder.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        try folder.overlay(TestPaths.templates, at: "templates")
        let server = PreviewServer(
            options: .init(
                build: .init(
                    content: folder.path("content"), templates: folder.path("templates"),
                    output: folder.path("public"), displayContent: "content", displayTemplates: "templates"),
                host: "127.0.0.1", port: port))
        await #expect(throws: PreviewError.self) { _ = try await server.start() }
        #expect(!FileManager.default.fileExists(atPath: folder.path("public").path))
    }
}

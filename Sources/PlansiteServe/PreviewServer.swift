import FlyingSocks
import Foundation
import PlansiteBuild
import PlansiteDiagnostics
import PlansiteSupport

/// `plansite serve`: builds the portal, serves the output folder on a loopback address,
/// rebuilds when a file of the content or the templates changes, and reloads the open browser
/// tab. While the content has an error, every page shows the diagnostics instead of stale
/// output, and the tab recovers by itself once the file is fixed.
///
/// The live-reload script is added to HTML responses here, when they are served; the files
/// `build` writes never contain it. Builds and folder scans run on a thread of their own, never
/// on the Swift concurrency pool that answers the requests.
public actor PreviewServer {
    public struct Options: Sendable {
        public var build: SiteBuilder.Options
        /// The address to listen on: loopback unless the user asks otherwise.
        public var host: String
        /// 0 picks a free port.
        public var port: UInt16
        /// How often the watched folders are scanned for changes.
        public var pollInterval: Duration
        /// The bounds every connection keeps to (sizes, timeouts, connections at once).
        public var limits: HTTPLimits
        /// Where progress lines go (the terminal in the CLI, nowhere in tests).
        public var log: @Sendable (String) -> Void

        public init(
            build: SiteBuilder.Options, host: String = "127.0.0.1", port: UInt16 = 8000,
            pollInterval: Duration = .milliseconds(300), limits: HTTPLimits = HTTPLimits(),
            log: @escaping @Sendable (String) -> Void = { _ in }
        ) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
            self.limits = limits
            self.log = log
        }
    }

    public let options: Options
    let state = PreviewState()
    /// What one build leaves for the next (the cache in memory, the next update's staging
    /// folder) and for after its page is shown (see `BuildSession`).
    let session = BuildSession()
    private var worker: BlockingWorker?
    private var listenTask: Task<Void, Never>?
    private var watchTask: Task<Void, Never>?

    public init(options: Options) {
        self.options = options
    }

    /// The refusal of an unsafe output folder (`SiteBuilder.outputProblems`), checked on a
    /// thread of its own: it reads the file system, which must not hold the concurrency pool.
    public static func outputProblems(of build: SiteBuilder.Options) async -> [Diagnostic] {
        let worker = BlockingWorker(name: "plansite serve: check")
        defer { worker.stop() }
        return await worker.run { SiteBuilder(options: build).outputProblems() }
    }

    /// The number of builds so far: the live-reload script reloads the page when it changes.
    public var buildCount: Int {
        get async { await state.snapshot().version }
    }

    /// Takes the address (a port in use is reported before any build), builds, then answers and
    /// watches; returns the portal's address ("http://127.0.0.1:8000/"). Browsers that connect
    /// during the first build wait for it.
    public func start() async throws -> URL {
        guard worker == nil else { throw PreviewError.alreadyStarted }
        let address = try Self.socketAddress(host: options.host, port: options.port)
        let listener: HTTPListener
        do {
            listener = try HTTPListener.bind(
                to: address, limits: options.limits, pool: SocketPool<Poll>.make(maxEvents: 64))
        } catch {
            throw PreviewError.cannotListen(host: options.host, port: options.port)
        }
        let url: URL
        switch listener.address {
        case .ip4(let host, let port): url = URL(string: "http://\(host):\(port)/")!
        case .ip6(let host, let port): url = URL(string: "http://[\(host)]:\(port)/")!
        case .unix, nil:
            try? listener.socket.close()
            throw PreviewError.cannotListen(host: options.host, port: options.port)
        }
        let worker = BlockingWorker(name: "plansite serve: build")
        self.worker = worker
        let folders = [options.build.content, options.build.templates]
        let initial = await worker.run { FolderSnapshot.take(folders) }
        await rebuild(seen: initial)
        let handler = PreviewHandler(
            output: options.build.output, state: state, hosts: HostPolicy(listeningOn: options.host),
            origin: listener.origin)
        let log = options.log
        listenTask = serverTask {
            do {
                try await listener.run { await handler.respond(to: $0) }
            } catch {
                // Stopping ends the listener with an error of its own; anything else is told.
                if !Task.isCancelled { log("lỗi máy chủ xem trước: \(error)") }
            }
        }
        let interval = options.pollInterval
        watchTask = Task { [weak self] in
            var snapshot = initial
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { return }
                let now = await worker.run { FolderSnapshot.take(folders) }
                guard now != snapshot else { continue }
                snapshot = now
                await self?.rebuild(seen: now)
            }
        }
        return url
    }

    /// Stops watching (after a build in progress completes) and listening.
    public func stop() async {
        watchTask?.cancel()
        await watchTask?.value
        watchTask = nil
        listenTask?.cancel()
        await listenTask?.value
        listenTask = nil
        if let worker {
            let builder = SiteBuilder(options: options.build)
            let session = session
            await worker.run { builder.close(session) }
        }
        worker?.stop()
        worker = nil
    }

    /// Builds now, on the build thread, and records the outcome for the pages; then, while
    /// the browser reloads, does what the build left for later (`SiteBuilder.tidy`). `seen`:
    /// the folders as just walked, which the build stamps its inputs from.
    func rebuild(seen: FolderSnapshot? = nil) async {
        guard let worker else { return }
        if let seen { session.useWalks(seen.walks) }
        let builder = SiteBuilder(options: options.build)
        let session = session
        let started = ContinuousClock.now
        let outcome = await worker.run { builder.build(session: session) }
        let elapsed = ContinuousClock.now - started
        let version = await state.record(outcome)
        worker.submit { builder.tidy(session) }
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        let warnings = outcome.diagnostics.count - errors
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        if let written = outcome.filesWritten {
            options.log(
                "[\(version)] đã xây dựng \(written) tệp trong \(milliseconds) ms"
                    + (warnings > 0 ? ", \(warnings) cảnh báo" : "") + (outcome.incremental ? " (tăng dần)" : ""))
        } else {
            var text =
                "[\(version)] nội dung có lỗi (\(errors) lỗi, \(warnings) cảnh báo): trình duyệt hiển thị danh sách lỗi"
            for diagnostic in outcome.diagnostics { text += "\n" + diagnostic.description }
            options.log(text)
        }
    }

    static func socketAddress(host: String, port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        do {
            if name.contains(":") {
                return try sockaddr_in6.inet6(
                    ip6: name.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
            }
            return try sockaddr_in.inet(ip4: name, port: port)
        } catch {
            throw PreviewError.badHost(host)
        }
    }
}

public enum PreviewError: Error, CustomStringConvertible {
    case alreadyStarted
    case badHost(String)
    case cannotListen(host: String, port: UInt16)

    public var description: String {
        switch self {
        case .alreadyStarted: "máy chủ xem trước đã chạy"
        case .badHost(let host): "địa chỉ '\(host)' không hợp lệ; dùng một địa chỉ IP như 127.0.0.1"
        case .cannotListen(let host, let port):
            "không mở được \(host):\(port) (cổng đang được dùng?); thử --port khác, hoặc --port 0 để chọn cổng trống"
        }
    }
}

/// What the pages need to know about the latest build.
actor PreviewState {
    struct Snapshot: Sendable {
        var version: Int
        var failed: Bool
        var diagnostics: [Diagnostic]
    }

    private var current = Snapshot(version: 0, failed: false, diagnostics: [])

    func record(_ outcome: SiteBuilder.Outcome) -> Int {
        current = Snapshot(
            version: current.version + 1, failed: outcome.filesWritten == nil, diagnostics: outcome.diagnostics)
        return current.version
    }

    func snapshot() -> Snapshot { current }
}

/// Every file under some folders, with its size and modification time, as the build's walk
/// lists them (`FileTree.walk`, special files included): compared every poll, it tells that
/// something changed without any platform-specific file watching, so anything the build
/// would see differently (a file added, a FIFO, a link) starts a build; and the build stamps
/// its inputs from it instead of walking the folders again (`BuildSession.useWalks`).
struct FolderSnapshot: Equatable {
    /// Each folder's walk, by its standardized path.
    var walks: [String: [FileTree.File]] = [:]

    static func take(_ folders: [URL]) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        for folder in folders {
            let root = folder.standardizedFileURL.path
            snapshot.walks[root] = FileTree.walk(root)
        }
        return snapshot
    }
}

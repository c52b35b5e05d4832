import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One build at a time per output folder: an exclusive `flock(2)` on `.NAME.lock` beside the
/// output, held from the cache read to the cache save. The lock goes with the process: a
/// killed build never leaves a stale lock. The file itself stays (removing it would let two
/// builds lock two different files).
///
/// `@unchecked Sendable`: the only mutable state, the descriptor, is read and changed under
/// `guardLock`, so `release()` may come from any thread.
public final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32
    private let guardLock = NSLock()
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { release() }

    /// The lock file of an output folder.
    public static func path(for output: URL) -> String {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock").path
    }

    public enum LockError: Error, CustomStringConvertible {
        /// Another build held the lock for the whole wait.
        case busy
        case cannotOpen(String, Int32)

        public var description: String {
            switch self {
            case .busy: "một bản dựng khác đang ghi vào thư mục này"
            case .cannotOpen(let path, let code): "không mở được tệp khoá \(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Takes the lock of `output`, waiting at most `timeout` for another build to finish.
    public static func acquire(for output: URL, timeout: Duration) throws -> OutputLock {
        let path = path(for: output)
        let deadline = ContinuousClock.now + timeout
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw LockError.cannotOpen(path, errno) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                // The file locked must still be the one at the path (it is never removed by
                // plansite, but a user may have).
                var opened = stat()
                var current = stat()
                if fstat(descriptor, &opened) == 0, stat(path, &current) == 0, opened.st_ino == current.st_ino,
                    opened.st_dev == current.st_dev
                {
                    return OutputLock(descriptor: descriptor, path: path)
                }
                close(descriptor)
                continue
            }
            let code = errno
            close(descriptor)
            guard code == EWOULDBLOCK || code == EINTR else { throw LockError.cannotOpen(path, code) }
            guard ContinuousClock.now < deadline else { throw LockError.busy }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Lets the next build in (also done when the value is released, or the process ends).
    public func release() {
        guardLock.withLock {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }
}

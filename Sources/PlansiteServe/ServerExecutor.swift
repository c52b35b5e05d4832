import Foundation

/// A thread of its own that runs every task of the preview server's connections (and the
/// actors they call), instead of the Swift concurrency pool: that pool has as many threads as
/// the machine has cores (2 here), and anything else in the process that holds them (a long
/// synchronous job, a test suite running beside) would otherwise stop the server from
/// answering. Its tasks do little each (parse a header, read a file, write), so one thread
/// answers many clients.
///
/// `@unchecked Sendable`: `jobs` is read and written only with `condition` locked.
@available(macOS 15.0, *)
final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    /// One for the process: it lives as long as the process, so that no job is ever left unrun.
    static let shared = ServerExecutor(name: "plansite serve: http")

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: executor) }
        }
    }
}

/// Starts `operation` on the server's own thread (where the platform has task executors).
func serverTask<T: Sendable>(_ operation: sending @escaping () async -> T) -> Task<T, Never> {
    if #available(macOS 15.0, *) {
        return Task(executorPreference: ServerExecutor.shared, operation: operation)
    }
    return Task(operation: operation)
}

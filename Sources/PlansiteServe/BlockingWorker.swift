import Foundation

/// A thread of its own for blocking work (builds, folder scans): a build that takes seconds
/// never holds one of the few threads of the Swift concurrency pool, which answer the requests.
/// Jobs run one after the other, in the order given.
///
/// `@unchecked Sendable`: `jobs` and `stopped` are read and written only with `condition` locked.
final class BlockingWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopped = false

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Runs `job` on the worker's thread and returns its result; after `stop()`, on the caller's.
    func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: job()) }
        }
    }

    /// Queues `job` after the jobs given so far, without waiting for it; after `stop()`, runs
    /// it on the caller's thread.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        if stopped {
            condition.unlock()
            job()
            return
        }
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// The thread ends once the jobs given so far are done.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            guard !jobs.isEmpty else {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}

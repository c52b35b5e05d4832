import Foundation
import PlansiteModel

/// Statuses of a plan's tasks on past days (quarter ends), for the progress charts: worked out
/// once per plan and day, however many department pages draw them.
final class StatusHistory: @unchecked Sendable {
    private var cache: [String: [TaskStatus]] = [:]
    private let lock = NSLock()

    /// The statuses in `progress.items` order.
    func statuses(_ progress: PlanProgress, on day: CalendarDate) -> [TaskStatus] {
        let key = "\(progress.plan.slug)|\(day.iso)"
        if let known = lock.withLock({ cache[key] }) { return known }
        let statuses = progress.statuses(on: day)
        lock.withLock { cache[key] = statuses }
        return statuses
    }
}

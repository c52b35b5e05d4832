import Dispatch

/// Data-parallel helpers for the build's independent pieces of work (files to read, pages
/// to render, files to write). Results keep the order of the input, so output never depends
/// on scheduling.
public enum Parallel {
    /// `items.map(transform)`, spread over the machine's cores.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.store(transform(items[index]), at: index)
        }
        return slots.collect()
    }
}

/// One slot per result, in a buffer allocated once: each index is written by exactly one
/// iteration (no two threads touch the same memory, and nothing is reallocated), and read
/// only after `concurrentPerform` has returned, which orders every write before the reads.
private final class Slots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = .allocate(capacity: count)
    }

    deinit {
        buffer.baseAddress?.deinitialize(count: count)
        buffer.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        (buffer.baseAddress! + index).initialize(to: value)
    }

    func collect() -> [Value] { Array(buffer) }
}

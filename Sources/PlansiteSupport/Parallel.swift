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

    /// Runs `body` for every item, spread over the machine's cores.
    public static func forEach<Item: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Void) {
        DispatchQueue.concurrentPerform(iterations: items.count) { index in body(items[index]) }
    }
}

/// One slot per result; each index is written by exactly one iteration, and read only after
/// `concurrentPerform` has returned, which orders every write before the reads.
private final class Slots<Value>: @unchecked Sendable {
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        values.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func collect() -> [Value] { values.map { $0! } }
}

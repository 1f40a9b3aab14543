import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` across all cores. Order is kept; each element is transformed exactly once.
    /// The first error thrown (by index) is rethrown after all work has stopped.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        guard count > 1 else { return try map(transform) }
        let results = ResultSlots<T>(count: count)
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<Swift.min(elements.count, (c + 1) * chunk) {
                    results.set(i, Result { try transform(elements[i]) })
                }
            }
        }
        return try results.values()
    }
}

/// One slot per index, each written by exactly one worker, so no two writes share a slot.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<T, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, Error>) {
        slots.withUnsafeMutableBufferPointer { $0[index] = result }
    }

    func values() throws -> [T] { try slots.map { try $0!.get() } }
}

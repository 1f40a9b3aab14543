import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` across all cores. Order is kept; each element is transformed exactly once.
    /// The first error thrown (by index) is rethrown after all work has stopped.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        let results = ResultSlots<T>(count: count)
        forEachInParallel { i, element in results.set(i, Result { try transform(element) }) }
        return try results.values()
    }

    /// `map` across all cores, for work that cannot fail. Each result is put straight into
    /// the array's storage, each index by one worker, not into slots of results copied out
    /// after: a rebuild with nothing changed at 50,000 articles took 1,300 page faults (5 MB)
    /// fewer.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard !isEmpty else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let results = buffer.baseAddress!
            forEachInParallel { i, element in (results + i).initialize(to: transform(element)) }
            initialized = count
        }
    }

    /// Runs `body` once for every element, in chunks spread over the cores. Small chunks
    /// (64 a core) keep the cores busy to the end: with 8 a core, the core that drew the
    /// last chunk of pages rendered on alone for about 0.2 s at 10,000 articles
    /// (idle core-seconds in the render stage: 0.21 → 0.07; 1.01 → 0.51 at 50,000).
    private func forEachInParallel(_ body: @Sendable (Int, Element) -> Void) {
        let chunk = Swift.max(1, count / (cores * 64))
        let chunks = (count + chunk - 1) / chunk
        withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let elements = elements
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<Swift.min(elements.count, (c + 1) * chunk) { body(i, elements[i]) }
            }
        }
    }
}

/// One slot per index, each written by exactly one worker. The slots live in a buffer
/// allocated once: writing through an array property from several threads would let
/// copy-on-write run concurrently and corrupt the heap.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let count: Int
    private let slots: UnsafeMutablePointer<Result<T, Error>?>

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: Swift.max(1, count))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Result<T, Error>) { slots[index] = result }

    func values() throws -> [T] { try (0..<count).map { try slots[$0]!.get() } }
}

/// Work started on another thread at once, whose value is waited for when it is needed:
/// for independent work (a wait on the disk, a table to build, a plan) that would otherwise
/// come one after the other on the build's path while a core stands idle.
///
/// The work has a thread of its own, not one of Dispatch's: Dispatch keeps one worker a
/// core, and does not add one when a worker blocks. Run there, the work held a worker for
/// as long as it ran, and the build, waiting for it, held the other, so that a
/// `parallelMap` on either side ran on its own thread alone: checking the site's 16,500
/// pages, while the seeds were stated, ran on one core for its whole length.
final class Pending<T: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the worker before `done` is left; read only after waiting for it.
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        Thread {
            // Named for profiles (`perf`, `top -H`), where it would show under the name of
            // the thread that started it. Through /proc: Foundation's `Thread.name` names
            // the system's thread only once the starting thread has recorded it, and a
            // thread that runs at once may find it not yet recorded (5 to 11 in 2,000 did,
            // and kept their starter's name; a test failed so).
            Self.nameThisThread("sitegen pending")
            self.result = work()
            self.done.leave()
        }.start()
    }

    var value: T {
        done.wait()
        return result!
    }

    /// Sets the calling thread's name as Linux keeps it (15 bytes at most).
    private static func nameThisThread(_ name: String) {
        let file = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard file >= 0 else { return }
        defer { close(file) }
        _ = name.withCString { write(file, $0, strlen($0)) }
    }
}

/// A value made the first time it is asked for, on the thread that asks (another asking
/// meanwhile waits for it), and kept: for a table that only some builds need.
final class Once<Value: Sendable>: Sendable {
    private let made = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        made.withLock { made in
            if let value = made { return value }
            let value = make()
            made = value
            return value
        }
    }
}

/// Lets go of `value` on another thread: freeing a structure of tens of thousands of
/// strings and arrays takes milliseconds that the build need not wait for.
func releaseInBackground<T>(_ value: consuming T) {
    let held = Held(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
}

/// A value handed to another thread only to be let go of there.
private final class Held<T>: @unchecked Sendable {
    let value: T
    init(_ value: consuming T) { self.value = value }
}

/// The cores to spread work over, asked once: Foundation reads the control group's quota
/// files on every call (two opens and reads each, twenty times in a rebuild after an edit).
private let cores = ProcessInfo.processInfo.activeProcessorCount

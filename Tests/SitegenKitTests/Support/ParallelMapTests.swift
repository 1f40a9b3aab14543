import Dispatch
import Foundation
import Synchronization
import Testing
@testable import SitegenKit

@Suite("Parallel work")
struct ParallelMapTests {
    @Test("parallelMap keeps the order and transforms each element once, and rethrows the first error")
    func orderAndErrors() throws {
        let numbers = Array(0..<10_000)
        #expect(numbers.parallelMap { $0 * 2 } == numbers.map { $0 * 2 })
        struct Odd: Error, Equatable { let n: Int }
        #expect(throws: Odd(n: 7)) {
            try numbers.parallelMap { n throws -> Int in
                if n == 7 || n == 9_999 { throw Odd(n: n) }
                return n
            }
        }
    }

    /// Dispatch keeps one worker a core and names each after its queue
    /// (`com.apple.root.default-qos`, cut to the 15 characters Linux keeps). Work that holds
    /// one of them while the build waits for it leaves a `parallelMap` inside it no worker
    /// to share with: checking the site's pages ran on one core.
    @Test("a Pending's work has a thread of its own, not one of Dispatch's workers, named for profiles")
    func pendingThread() {
        let name = Pending { Self.threadName() }.value
        #expect(!name.contains("qos"), "\(name)")
        // Named every time: Foundation's `Thread.name` left 1 in 200 to 2,000 threads with
        // the name of the thread that started them (here a worker's).
        let names = (0..<2_000).map { _ in Pending { Self.threadName() } }.map(\.value)
        #expect(names.allSatisfy { $0 == "sitegen pending\n" }, "\(Set(names))")
        // What a worker is called, so that the check above can tell.
        let worker = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var workerName = ""
        DispatchQueue.global().async {
            workerName = Self.threadName()
            worker.signal()
        }
        worker.wait()
        #expect(workerName.contains("qos"), "\(workerName)")
    }

    @Test("a Once value is made once, by the first to ask, however many threads ask at once, and not before")
    func onceValue() {
        let made = Mutex(0)
        let once = Once { () -> [Int] in
            made.withLock { $0 += 1 }
            return Array(0..<1_000)
        }
        #expect(made.withLock { $0 } == 0)
        let values = Array(0..<2_000).parallelMap { _ in once.value.count }
        #expect(values.allSatisfy { $0 == 1_000 })
        #expect(made.withLock { $0 } == 1)
        // The gazetteer's aliases, made on first use, are the same whoever asks first.
        let resolver = RegionResolver(gazetteer: .shared)
        let resolved = Array(0..<64).parallelMap { _ in resolver.resolve(title: "永登县召开民族团结进步创建推进会", source: nil, lead: "", body: "")?.region.code }
        #expect(Set(resolved) == [RegionCode("620121")])
    }

    /// The calling thread's name, as Linux keeps it.
    static func threadName() -> String {
        (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
    }
}

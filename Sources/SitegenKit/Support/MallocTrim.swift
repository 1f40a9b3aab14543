import Foundation

/// Hands memory the build has freed back to the system. glibc keeps freed blocks in the
/// arena of the thread that freed them, where other threads' allocations may not reuse
/// them: after import lets go of every article body (300 MB at 50,000 articles), the
/// search stage would otherwise grow the process by as much again. `malloc_trim` is not
/// in Swift's Glibc module, so it is looked up by name; where it does not exist (not
/// glibc) this does nothing. The sitegen executable links jemalloc, which hands memory
/// back by itself, and this then trims only glibc's empty arenas; it matters where
/// SitegenKit runs on glibc's malloc (the tests, other programs).
public enum MallocTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: Trim.self) }

    public static func releaseFreedMemory() {
        _ = trim?(0)
    }
}

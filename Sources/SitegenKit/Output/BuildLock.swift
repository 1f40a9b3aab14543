#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Keeps two builds of the same output from running at once: the second waits for the
/// first (flock on a file beside the output, released by the kernel if a build dies).
final class BuildLock {
    private let descriptor: Int32

    init(for output: URL) throws {
        let lockFile = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).lock")
        try? FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        descriptor = open(lockFile.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SitegenError(path: lockFile.path, message: "the build lock cannot be created",
                               fix: "check that the output's parent folder is writable")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(descriptor)
            throw SitegenError(path: lockFile.path, message: "the build lock cannot be taken", fix: "try the build again")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import CFileSwap
import Foundation

/// Publishes a new version of the site in one step.
///
/// Files go into a staging folder beside the output; a file whose bytes are unchanged is
/// hard-linked from the current site instead of being written again (so its inode and
/// time stamp stay). When everything is in place the staging folder and the output are
/// exchanged atomically, so a reader or an interrupted build never sees a half-written
/// site, and files that no longer belong to the site are simply not carried over.
public final class OutputWriter: @unchecked Sendable {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public let output: URL
    let staging: URL
    private let lock = NSLock()
    private var report = Report()
    private var paths: Set<OutputPath> = []
    private let fm = FileManager.default

    /// Starts a new version of the site at `output` (created on commit if missing).
    public init(output: URL) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.removeLeftovers(of: name, in: parent)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw SitegenError(path: self.output.path, message: "the output folder cannot be prepared",
                               fix: "check that its parent folder exists and is writable", causes: [error.localizedDescription])
        }
    }

    /// Puts one file into the new version. Safe to call from several threads at once.
    public func write(_ path: OutputPath, _ bytes: [UInt8]) throws {
        let target = staging.appendingPathComponent(path.rawValue)
        let current = output.appendingPathComponent(path.rawValue)
        lock.withLock { _ = paths.insert(path) }
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let old = fm.contents(atPath: current.path), old.elementsEqual(bytes),
               (try? fm.linkItem(at: current, to: target)) != nil {
                lock.withLock { report.unchanged += 1 }
                return
            }
            try Data(bytes).write(to: target)
            lock.withLock { report.written += 1 }
        } catch {
            throw SitegenError(path: current.path, message: "the page cannot be written",
                               fix: "check free disk space and permissions", causes: [error.localizedDescription])
        }
    }

    /// Makes the new version the site. Returns what changed.
    public func commit() throws -> Report {
        lock.lock()
        defer { lock.unlock() }
        report.removed = countStale()
        do {
            if fm.fileExists(atPath: output.path) {
                if sitegen_exchange_paths(staging.path, output.path) != 0 {
                    // No atomic exchange on this system: two renames, the gap as short as can be.
                    let old = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".old")
                    try fm.moveItem(at: output, to: old)
                    try fm.moveItem(at: staging, to: output)
                    try fm.removeItem(at: old)
                    return report
                }
                try fm.removeItem(at: staging)
            } else {
                try fm.moveItem(at: staging, to: output)
            }
        } catch {
            throw SitegenError(path: output.path, message: "the new site could not be put in place",
                               fix: "check permissions on the output folder", causes: [error.localizedDescription])
        }
        return report
    }

    /// Drops the staging folder: the current site stays as it was.
    public func abandon() {
        try? fm.removeItem(at: staging)
    }
}

private extension OutputWriter {
    /// Files in the current site that the new version does not have.
    func countStale() -> Int {
        guard let enumerator = fm.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey]) else { return 0 }
        var stale = 0
        let base = output.path.hasSuffix("/") ? output.path : output.path + "/"
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            if let path = OutputPath(relative), paths.contains(path) { continue }
            stale += 1
        }
        return stale
    }

    /// Staging folders of builds that were killed: the site they were building never went live.
    static func removeLeftovers(of name: String, in parent: URL) {
        let fm = FileManager.default
        let prefix = ".\(name).staging-"
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            let pid = Int32(entry.dropFirst(prefix.count).prefix { $0.isNumber }) ?? 0
            if pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) != 0 {
                try? fm.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }
}

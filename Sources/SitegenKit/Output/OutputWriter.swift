import Foundation
import Synchronization

/// Publishes a new version of the site, changing only the files whose bytes change.
///
/// Changed files are written into a staging folder beside the output, so while pages are
/// rendered (most of a build) the site stays exactly as it was; a build that fails or is
/// killed then leaves it untouched. Once every file is staged, a journal naming the
/// staging folder and the files to delete is written, and the staged files are renamed
/// into place, each rename atomic. If a build is killed during those renames, the next
/// build finds the journal and finishes them before it does anything else. A first build
/// renames the whole staging folder into place in one step.
///
/// With the last build's manifest, an unchanged file is recognised by its hash without
/// reading it, and a page whose inputs did not change is `kept` without being rendered.
public final class OutputWriter: Sendable {
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// One file of the new site: what it holds, and whether this build wrote it.
    struct Placed: Sendable {
        var path: OutputPath
        var file: BuildManifest.File
        var isWritten: Bool
        /// Where the previous manifest has the file (nil: it has none), found when the file
        /// was placed: the commit then looks up no path (31,000 of them).
        var previousIndex: Int?
    }

    public let output: URL
    let staging: URL
    private let cache: URL
    private let previous: BuildManifest?
    /// Where each of the previous manifest's files is in it, by path.
    private let previousPositions: PathPositions
    /// Whether the output folder exists: a first build has no files to compare with.
    private let outputExists: Bool
    /// The folders this build has made in the staging folder ("" is the staging folder),
    /// relative to it. The staging folder starts empty, so a folder not in here is made
    /// before its first file is opened: a clean build of 10,000 articles otherwise tried
    /// and failed to open a file 14,300 times (every page of its own folder), each
    /// failure a walk down the path in the kernel.
    private let madeFolders = Mutex<Set<Substring>>([])

    /// Starts a new version of the site at `output`; `previous` is the manifest of the
    /// output as it is (nil when unknown: every file is then compared byte for byte).
    init(output: URL, cache: URL, previous: BuildManifest?) throws {
        self.output = output.standardizedFileURL
        self.cache = cache
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            try Self.recover(output: self.output, cache: cache)
        } catch {
            throw SitegenError(path: self.output.path, message: "the output folder cannot be prepared",
                               fix: "check that its parent folder exists and is writable", causes: [error.localizedDescription])
        }
        outputExists = FileManager.default.fileExists(atPath: self.output.path)
        self.previous = outputExists ? previous : nil
        previousPositions = PathPositions(self.previous?.paths ?? [])
    }

    /// What the previous manifest recorded of `path`, and where.
    private func previousFile(_ path: OutputPath) -> (index: Int, file: BuildManifest.File)? {
        previousPositions[path].map { ($0, previous!.files[$0]) }
    }

    /// The previous manifest's `i`-th file, kept as it is.
    private func keptAsIs(at i: Int) -> Placed {
        Placed(path: previous!.paths[i], file: previous!.files[i], isWritten: false, previousIndex: i)
    }

    /// Cleans up after a build that was killed: finishes the renames of one killed while
    /// putting its files in place, removes the staging folders of the others. Every build
    /// does this first, under the build lock.
    static func recover(output: URL, cache: URL) throws {
        let output = output.standardizedFileURL
        try finishInterruptedCommit(output: output, cache: cache)
        removeLeftovers(of: output.lastPathComponent, in: output.deletingLastPathComponent())
    }

    /// The manifest of the output as it is now, when it can be trusted.
    static func manifest(output: URL, cache: URL) -> BuildManifest? {
        storedManifest(cache: cache)?.decoded()
    }

    /// The same, its files not decoded yet (`BuildManifest.Stored`).
    static func storedManifest(cache: URL) -> BuildManifest.Stored? {
        BuildManifest.Stored.read(from: cache.appendingPathComponent(manifestName), generator: GeneratorStamp.current)
    }

    /// Puts one file into the new version: into the staging folder when its bytes differ
    /// from the current site's. Touches nothing shared, so pages are written in parallel.
    func write(_ path: OutputPath, _ bytes: [UInt8], pageFingerprint: UInt64 = 0) throws -> Placed {
        let file = BuildManifest.File(contentHash: StableHasher.hash(bytes), size: bytes.count, pageFingerprint: pageFingerprint)
        let current = output.path + "/" + path.rawValue
        let isUnchanged: Bool
        let recorded = previousFile(path)
        if previous != nil {
            isUnchanged = recorded.map { $0.file.contentHash == file.contentHash && $0.file.size == file.size } ?? false
        } else if outputExists {
            isUnchanged = FileManager.default.contents(atPath: current).map { $0.elementsEqual(bytes) } ?? false
        } else {
            isUnchanged = false
        }
        guard !isUnchanged else { return Placed(path: path, file: file, isWritten: false, previousIndex: recorded?.index) }
        do {
            try makeStagingFolder(of: path.rawValue)
            try Self.writeFile(bytes, to: staging.path + "/" + path.rawValue)
        } catch {
            throw SitegenError(path: current, message: "the page cannot be written",
                               fix: "check free disk space and permissions", causes: [error.localizedDescription])
        }
        return Placed(path: path, file: file, isWritten: true, previousIndex: recorded?.index)
    }

    /// A page of the current site kept as it is, when its inputs have not changed since the
    /// build recorded in `previous`; nil when there is no such record (render it).
    func kept(_ path: OutputPath, pageFingerprint: UInt64) -> Placed? {
        guard pageFingerprint != 0, let (index, file) = previousFile(path), file.pageFingerprint == pageFingerprint else { return nil }
        return Placed(path: path, file: file, isWritten: false, previousIndex: index)
    }

    /// A file of the current site that the build knows is unchanged.
    func keptAsIs(_ path: OutputPath) -> Placed? {
        previousPositions[path].map(keptAsIs(at:))
    }

    /// The files of the current site in `folder` (ending in `/`) whose names below it
    /// `keeps` accepts, but those named in `excluded`, as kept: taken from the previous
    /// manifest in order, none looked up by path. (Its paths are sorted by their bytes, so a
    /// folder's are together, and the few excluded are found by halving.) Each name is cut
    /// from its path by bytes: dropping the folder's Characters, which walks them through
    /// grapheme breaking, and looking each name up among the excluded took 5 ms for the
    /// search index's 14,400 files, on the path of a rebuild after an edit.
    func keptAsIs(inFolder folder: String, excluding excluded: [String], where keeps: (Substring) -> Bool) -> [Placed] {
        guard let previous else { return [] }
        let range = previous.positions(inFolder: folder)
        let left = Set(excluded.compactMap { name -> Int? in
            let path = folder + name
            let i = previous.paths.firstPosition(notBefore: path, by: \.rawValue)
            return i < range.upperBound && String.sameBytes(previous.paths[i].rawValue, path) ? i : nil
        })
        let skipped = folder.utf8.count
        return range.compactMap { i in
            !left.contains(i) && keeps(Substring(previous.paths[i].rawValue.utf8.dropFirst(skipped))) ? keptAsIs(at: i) : nil
        }
    }

    /// The pages of the current site (the files the previous manifest has a page
    /// fingerprint for) but those at `excluded`, as kept: taken from the manifest in order,
    /// none looked up by path.
    func keptPagesAsIs(excluding excluded: [OutputPath]) -> [Placed] {
        guard let previous else { return [] }
        let left = Set(excluded.compactMap { previousPositions[$0] })
        return previous.files.indices.compactMap { i in
            previous.files[i].pageFingerprint == 0 || left.contains(i) ? nil : keptAsIs(at: i)
        }
    }

    /// Makes `files` the site, and records them in the manifest. Returns what changed.
    func commit(_ placed: [Placed], record: (inout BuildManifest) -> Void) throws -> Report {
        let fm = FileManager.default
        var manifest = BuildManifest()
        // The files of the current site the new version does not have, relative to the
        // output: from the manifest, or else by listing the output (where a file whose name
        // no page could have, a hidden one, is stale too).
        let removals: [String]
        if let previous {
            // The new version file by file against the previous one, by position: one
            // lookup by path for each file.
            var kept = [BuildManifest.File?](repeating: nil, count: previous.paths.count)
            var added: [OutputPath: BuildManifest.File] = [:]
            for item in placed {
                if let i = item.previousIndex { kept[i] = item.file } else { added[item.path] = item.file }
            }
            manifest.record(kept: kept, of: previous, added: added)
            // (A damaged manifest may name a file twice: only the place the table gives it counts.)
            removals = previous.paths.indices.filter { kept[$0] == nil && kept[previousPositions[previous.paths[$0]]!] == nil }
                .map { previous.paths[$0].rawValue }
        } else {
            var files: [OutputPath: BuildManifest.File] = [:]
            files.reserveCapacity(placed.count)
            for item in placed { files[item.path] = item.file }
            manifest.record(files: files)
            removals = staleFiles(keeping: files)
        }
        record(&manifest)
        let staged = placed.filter(\.isWritten).map(\.path)
        let report = Report(written: staged.count, unchanged: placed.count - staged.count, removed: removals.count)
        let manifestURL = cache.appendingPathComponent(Self.manifestName)
        do {
            if !fm.fileExists(atPath: output.path) {
                try? fm.removeItem(at: manifestURL)
                if fm.fileExists(atPath: staging.path) {
                    try fm.moveItem(at: staging, to: output)
                } else {
                    try fm.createDirectory(at: output, withIntermediateDirectories: true)
                }
            } else if !staged.isEmpty || !removals.isEmpty {
                // From here the output changes: the old manifest no longer describes it.
                try? fm.removeItem(at: manifestURL)
                let journal = Journal(staging: staging.lastPathComponent, staged: staged.map(\.rawValue), removals: removals)
                try journal.write(to: cache.appendingPathComponent(Self.journalName))
                try journal.apply(output: output)
                try fm.removeItem(at: cache.appendingPathComponent(Self.journalName))
            }
            try? fm.removeItem(at: staging)
            // Taken now that nothing more goes into the folder (see `isIntact`).
            manifest.listedFolderStamp = FileStamp(path: output.appendingPathComponent(BuildManifest.listedFolder).path)
            try manifest.write(to: manifestURL, generator: GeneratorStamp.current)
        } catch {
            throw SitegenError(path: output.path, message: "the new site could not be put in place",
                               fix: "check permissions on the output folder, then build again", causes: [error.localizedDescription])
        }
        return report
    }

    /// Makes the folder of `path` (relative to the staging folder) and those above it that
    /// this build has not made yet. Two threads may make the same folder: the second
    /// finds it there.
    private func makeStagingFolder(of path: String) throws {
        let folder = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
        try makeStagingFolder(folder)
    }

    private func makeStagingFolder(_ folder: Substring) throws {
        if madeFolders.withLock({ $0.contains(folder) }) { return }
        if !folder.isEmpty { try makeStagingFolder(folder.lastIndex(of: "/").map { folder[..<$0] } ?? "") }
        let path = folder.isEmpty ? staging.path : staging.path + "/" + folder
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        _ = madeFolders.withLock { $0.insert(folder) }
    }

    /// Writes a file with plain system calls, the bytes without a copy (tens of thousands of
    /// files per build). Its folder is made when missing, as when one was removed while the
    /// build ran.
    private static func writeFile(_ bytes: [UInt8], to path: String) throws {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try AtomicFile.writeAll(bytes, to: descriptor)
    }

    /// Drops the staging folder: the current site stays as it was.
    public func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    static let manifestName = "manifest.bin"
    static let journalName = "journal.json"
}

/// The list of renames and deletions that turns the old site into the new one.
private struct Journal: Codable {
    var staging: String
    var staged: [String]
    var removals: [String]

    func write(to url: URL) throws {
        try JSONEncoder().encode(self).write(to: url, options: .atomic)
    }

    /// Idempotent: a file already moved or removed is skipped, so it can run again after
    /// an interruption.
    func apply(output: URL) throws {
        let fm = FileManager.default
        let stagingURL = output.deletingLastPathComponent().appendingPathComponent(staging)
        for path in staged {
            let from = stagingURL.appendingPathComponent(path)
            let to = output.appendingPathComponent(path)
            guard fm.fileExists(atPath: from.path) else { continue }
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard rename(from.path, to.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to.path])
            }
        }
        for path in removals {
            let url = output.appendingPathComponent(path)
            try? fm.removeItem(at: url)
            // Folders left empty (an article's own folder) go too, up to the output.
            var folder = url.deletingLastPathComponent()
            while folder.path.count > output.path.count, rmdir(folder.path) == 0 {
                folder = folder.deletingLastPathComponent()
            }
        }
    }
}

private extension OutputWriter {
    /// Files in the output that are not `files`, relative to it, found by listing it.
    func staleFiles(keeping files: [OutputPath: BuildManifest.File]) -> [String] {
        var stale: [String] = []
        Self.walkFiles(in: output.path, prefix: "") { relative in
            if let path = OutputPath(relative), files[path] != nil { return }
            stale.append(relative)
        }
        return stale.sorted()
    }

    /// Calls `body` with the path (below `folder`) of every regular file under `folder`,
    /// links not followed. `FolderEntries`, the types read off the entries: Foundation's
    /// enumerator, asking each file for its type, took 1.7 s on a 31,000-file site.
    private static func walkFiles(in folder: String, prefix: String, _ body: (String) -> Void) {
        for entry in FolderEntries.read(folder) ?? [] {
            let path = folder + "/" + entry.name
            var type = entry.type
            if type == Int32(DT_UNKNOWN) {
                // The file system does not say: ask it.
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
            }
            if type == Int32(DT_DIR) {
                walkFiles(in: path, prefix: prefix + entry.name + "/", body)
            } else if type == Int32(DT_REG) {
                body(prefix + entry.name)
            }
        }
    }

    /// A build killed while renaming its files into place: finish the job it started.
    static func finishInterruptedCommit(output: URL, cache: URL) throws {
        let url = cache.appendingPathComponent(journalName)
        guard let data = FileManager.default.contents(atPath: url.path) else { return }
        if let journal = try? JSONDecoder().decode(Journal.self, from: data) {
            try journal.apply(output: output)
            try? FileManager.default.removeItem(at: output.deletingLastPathComponent().appendingPathComponent(journal.staging))
        }
        try FileManager.default.removeItem(at: url)
    }

    /// Staging folders of builds that were killed before their commit: the site they were
    /// building never went live.
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

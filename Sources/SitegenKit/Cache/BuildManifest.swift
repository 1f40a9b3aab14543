import Foundation

/// What the last build left in the output, kept in the output's cache folder: for every
/// file its content hash and size, and for every page the fingerprint of what it was
/// rendered from (`SiteRenderer.fingerprint`). Plus one fingerprint of all the build's
/// inputs, so a rebuild with nothing changed can stop after reading the seeds' stamps.
///
/// It is deleted before a build changes the output and written again once the output is
/// complete: a manifest on disk always describes the output as it is.
struct BuildManifest: Sendable {
    struct File: Sendable, Equatable {
        var contentHash: UInt64
        var size: Int
        /// 0 for files that are not rendered pages (search index, assets).
        var pageFingerprint: UInt64
    }

    var inputs: UInt64 = 0
    /// The part of `inputs` that is not the articles (`Build.frameFingerprint`).
    var frame: UInt64 = 0
    /// The search index's manifest, which the search page names.
    var searchManifest: String = ""
    /// Hash of what the search index was built from, and the files it made.
    var searchInputs: UInt64 = 0
    /// Every file, sorted by path, with what was recorded of it. Arrays, not a table by
    /// path: a rebuild with nothing changed only walks them (`PathPositions` makes the table).
    private(set) var paths: [OutputPath] = []
    private(set) var files: [File] = []
    /// The last build's warnings and errors about the articles, shown again when nothing changed.
    var diagnostics: [Diagnostic] = []
    var articleCount = 0
    /// The campaign names' pinyin slugs (`SlugMemo.remembered`): with them, a rebuild
    /// after an edit loads no ICU rules to name the campaigns' pages again.
    var campaignSlugs: [String: Slug] = [:]
    /// The stamp of the folder `isIntact` lists, taken once the build had put its files
    /// in place (`OutputWriter.commit`).
    var listedFolderStamp: FileStamp?

    func write(to url: URL, generator: UInt64) throws {
        try BinaryWriter.write(to: url) { writer in
            writer.write(Self.magic)
            writer.write(generator)
            writer.write(inputs)
            writer.write(frame)
            writer.write(searchManifest)
            writer.write(searchInputs)
            writer.write(articleCount)
            writer.write(diagnostics)
            let slugs = campaignSlugs.sorted { $0.key < $1.key }
            writer.write(slugs.map(\.key))
            writer.write(slugs.map(\.value.rawValue))
            writer.write(listedFolderStamp != nil)
            if let stamp = listedFolderStamp {
                writer.write(Int(stamp.size))
                writer.write(Int(stamp.modified))
                writer.write(stamp.inode)
            }
            writer.write(files.count)
            for (path, file) in zip(paths, files) {
                writer.write(path.rawValue)
                writer.write(file.contentHash)
                writer.write(file.size)
                writer.write(file.pageFingerprint)
            }
        }
    }

    /// The positions of the paths in `folder` (which ends in "/"): one run of the sorted
    /// paths, from the first not before `folder` to the first not before the name that
    /// follows all of its paths ("search/" → "search0"), both found by halving.
    func positions(inFolder folder: String) -> Range<Int> {
        precondition(folder.hasSuffix("/"), "a folder's paths begin with its name and a slash")
        func firstNotBefore(_ bound: String) -> Int { paths.firstPosition(notBefore: bound, by: \.rawValue) }
        return firstNotBefore(folder)..<firstNotBefore(folder.dropLast() + "0")
    }

    /// The folder `isIntact` lists rather than stats.
    static let listedFolder = SearchIndexWriter.folder

    /// How many of the files are pages (a page has a fingerprint).
    var pageCount: Int { files.reduce(0) { $0 + ($1.pageFingerprint != 0 ? 1 : 0) } }

    /// Records `table` as the files, sorted by path.
    mutating func record(files table: [OutputPath: File]) {
        let sorted = table.sortedByKeyBytes(\.rawValue)
        paths = sorted.map(\.key)
        files = sorted.map(\.value)
    }

    /// Records the files of a build that began from `previous`: `kept[i]` is what the
    /// build made of the previous build's i-th file (nil: it is gone), `added` the files it
    /// did not have. Those kept are in order already, so only the new ones are sorted and
    /// merged in. Sorting all of a site's 31,000 paths took 15 ms of an edit's 0.4 s, and
    /// looking each up by path, three times, 17 ms of its 0.25 s.
    mutating func record(kept: [File?], of previous: BuildManifest, added: [OutputPath: File]) {
        let newPaths = added.keys.sorted()
        paths = []
        files = []
        paths.reserveCapacity(kept.count + newPaths.count)
        files.reserveCapacity(kept.count + newPaths.count)
        var (i, j) = (0, 0)
        while i < kept.count || j < newPaths.count {
            if i < kept.count, kept[i] == nil {
                i += 1
            } else if j == newPaths.count || (i < kept.count && previous.paths[i] < newPaths[j]) {
                paths.append(previous.paths[i])
                files.append(kept[i]!)
                i += 1
            } else {
                paths.append(newPaths[j])
                files.append(added[newPaths[j]]!)
                j += 1
            }
        }
    }

    private static let magic: UInt64 = 0x7369_7465_6D61_6E04  // "sitemani" + format 4
}

extension BuildManifest {
    /// The manifest file read as far as a rebuild with nothing changed needs it: every
    /// field but the files decoded, the files' table left as the file's bytes, where
    /// `isIntact` reads each path to stat it. Decoding the 31,000 paths of 10,000 articles
    /// into values (`decoded()`), and freeing them again, took 6 ms of that rebuild's 50.
    struct Stored: Sendable {
        /// The manifest's fields; no files.
        let header: BuildManifest
        /// How many files there are, and how many of them are pages.
        let fileCount: Int
        let pageCount: Int
        /// The file, mapped.
        private let data: Data
        /// Where each file's entry begins in `data`: its path (a count and the bytes), then
        /// its content hash, size and page fingerprint, eight bytes each.
        private let entries: [UInt32]
        /// The entries in `listedFolder`: one run of them, the paths being sorted. (Were the
        /// file not sorted, a path inside the run but not in the folder would be looked for
        /// there, not found, and the output taken as not intact.)
        private let listed: Range<Int>

        static func read(from url: URL, generator: UInt64) -> Stored? {
            guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.count < Int(UInt32.max) else { return nil }
            return BinaryReader.read(data) { reader in
                guard try reader.uint64() == magic, try reader.uint64() == generator else { throw BinaryReader.Malformed() }
                var header = BuildManifest()
                header.inputs = try reader.uint64()
                header.frame = try reader.uint64()
                header.searchManifest = try reader.string()
                header.searchInputs = try reader.uint64()
                header.articleCount = try reader.int()
                header.diagnostics = try reader.diagnostics()
                let (texts, slugs) = (try reader.strings(), try reader.strings())
                guard texts.count == slugs.count else { throw BinaryReader.Malformed() }
                for (text, slug) in zip(texts, slugs) {
                    guard let slug = Slug(slug) else { throw BinaryReader.Malformed() }
                    header.campaignSlugs[text] = slug
                }
                if try reader.bool() {
                    header.listedFolderStamp = FileStamp(size: Int64(try reader.int()), modified: Int64(try reader.int()), inode: try reader.uint64())
                }
                let count = try reader.int()
                guard count >= 0, count <= data.count / 32 else { throw BinaryReader.Malformed() }
                var entries: [UInt32] = []
                entries.reserveCapacity(count)
                var pageCount = 0
                var listed: Range<Int>?
                let prefix = Array(listedFolder.utf8)
                try data.withUnsafeBytes { bytes in
                    for i in 0..<count {
                        let path = try reader.skipBytes()
                        entries.append(UInt32(path.offset - 8))
                        _ = try reader.uint64()
                        _ = try reader.int()
                        if try reader.uint64() != 0 { pageCount += 1 }
                        if path.count > prefix.count, bytes[path.offset..<path.offset + prefix.count].elementsEqual(prefix) {
                            listed = (listed?.lowerBound ?? i)..<(i + 1)
                        }
                    }
                }
                return Stored(header: header, fileCount: count, pageCount: pageCount, data: data, entries: entries, listed: listed ?? 0..<0)
            }
        }

        /// The manifest with its files; nil when a path is not a safe output path.
        func decoded() -> BuildManifest? {
            var manifest = header
            manifest.paths.reserveCapacity(fileCount)
            manifest.files.reserveCapacity(fileCount)
            let complete = data.withUnsafeBytes { bytes in
                for i in 0..<fileCount {
                    guard let path = OutputPath(String(decoding: pathBytes(i, in: bytes), as: UTF8.self)) else { return false }
                    manifest.paths.append(path)
                    manifest.files.append(file(i, in: bytes))
                }
                return true
            }
            return complete ? manifest : nil
        }

        /// Whether every file is still in the output with its recorded size (someone may have
        /// deleted or edited the output by hand since). The search index's folder is listed
        /// once instead: half the site's files, and a stat each was most of a rebuild with
        /// nothing changed. Nobody edits those files by hand; what can happen to them is that
        /// they are deleted, and the listing sees that. And it is listed only when the folder
        /// is not as the last build left it: deleting, adding or renaming a file in a folder
        /// sets its modification time (in the file system's clock, which ticks every few
        /// milliseconds: a file deleted by hand within that tick of the build's end would go
        /// unseen), and listing its 14,400 names took 5 ms of a 69 ms rebuild with nothing
        /// changed.
        func isIntact(in output: URL) -> Bool {
            let folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0, fileCount > 0 else { return false }
            defer { close(folder) }
            if !listed.isEmpty, header.listedFolderStamp == nil || FileStamp(path: listedFolder, relativeTo: folder) != header.listedFolderStamp {
                guard let names = FolderEntries.read(listedFolder, in: folder).map({ Set($0.map(\.name)) }) else { return false }
                let allThere = data.withUnsafeBytes { bytes in
                    listed.allSatisfy { names.contains(String(decoding: pathBytes($0, in: bytes).dropFirst(listedFolder.utf8.count), as: UTF8.self)) }
                }
                guard allThere else { return false }
            }
            let stated = Array(0..<listed.lowerBound) + Array(listed.upperBound..<fileCount)
            return !stated.parallelMap { i in
                data.withUnsafeBytes { bytes in
                    // The path as the C string fstatat takes, copied out of the file's bytes;
                    // one that would leave the output is not looked for.
                    let path = pathBytes(i, in: bytes)
                    guard OutputPath.isSafe(path) else { return false }
                    let size = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: path.count + 1) { buffer in
                        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: path)
                        buffer[path.count] = 0
                        return buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count + 1) {
                            FileStamp(path: $0, relativeTo: folder)?.size
                        }
                    }
                    return size == Int64(file(i, in: bytes).size)
                }
            }.contains(false)
        }

        /// The bytes of the `i`-th file's path, in the file's `bytes`.
        private func pathBytes(_ i: Int, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
            let offset = Int(entries[i])
            let count = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
            return UnsafeRawBufferPointer(rebasing: bytes[offset + 8..<offset + 8 + count])
        }

        /// What the manifest recorded of the `i`-th file.
        private func file(_ i: Int, in bytes: UnsafeRawBufferPointer) -> File {
            let path = pathBytes(i, in: bytes)
            let at = path.baseAddress! - bytes.baseAddress! + path.count
            func number(_ k: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 8 * k, as: UInt64.self)) }
            return File(contentHash: number(0), size: Int(Int64(bitPattern: number(1))), pageFingerprint: number(2))
        }
    }
}

/// Identifies the sitegen that made a cache: the executable's size and modification
/// time. A rebuilt sitegen may render differently, so it starts from an empty cache.
enum GeneratorStamp {
    static let current: UInt64 = {
        var hasher = StableHasher()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        hasher.combine(executable)
        if let stamp = FileStamp(path: executable) {
            hasher.combine(Int(stamp.size))
            hasher.combine(Int(stamp.modified))
        }
        return hasher.finalize()
    }()
}

import Foundation

/// One article's input in `seeds/`: a raw page, or an authored Markdown file.
public struct SeedFile: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case rawPage, authored }

    public var kind: Kind
    /// The seeds folder's name and the file's: `seeds/003_….txt`, wherever sitegen runs
    /// from. Messages name the seed by it, it is the article's `origin`, and the caches know
    /// the seed by it: a build run from another folder finds them all still good.
    public var path: String
    /// Where it is on disk.
    public var filePath: String
    public var url: URL { URL(fileURLWithPath: filePath, isDirectory: false) }
}

/// Lists the seeds: every `.txt` and `.md`, where an `.md` beside a `.txt` of the same
/// name replaces it (that is how an editor corrects an import).
public enum SeedScanner {
    /// Names each seed `<folder name>/<file>` (`SeedFile.path`); the folder's own name by
    /// default.
    public static func scan(directory: URL, folderName: String? = nil) throws -> (seeds: [SeedFile], diagnostics: [Diagnostic]) {
        let listing = try list(directory, folderName: folderName, kept: nil).listing
        return (listing.seeds, listing.diagnostics)
    }

    /// The seeds, as `scan` finds them: `kept` itself when the folder is as it was when
    /// `kept` was listed (`listed` is then false), else a new listing.
    static func list(_ directory: URL, folderName: String? = nil, kept: SeedListing?) throws -> (listing: SeedListing, listed: Bool) {
        let folderPath = directory.path
        let descriptor = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(directory) }
        defer { close(descriptor) }
        let base = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
        let folder = folderName ?? directory.standardizedFileURL.lastPathComponent
        let prefix = folder.isEmpty || folder == "/" ? "" : folder + "/"
        // Stamped before it is listed: a name added while it is listed changes the stamp
        // the next build compares.
        guard let stamp = FolderStamp(of: descriptor) else { throw unreadable(directory) }
        let stampedAt = FolderStamp.now()
        if let kept, kept.base == base, kept.prefix == prefix, kept.folder == stamp, kept.isSettled {
            return (kept, false)
        }
        guard let entries = entries(of: descriptor, at: directory) else { throw unreadable(directory) }
        var diagnostics: [Diagnostic] = []
        // The articles' names, with their kinds and the length of their stems.
        var names: [String] = []
        var kinds: [(kind: SeedFile.Kind, stemLength: Int)] = []
        names.reserveCapacity(entries.count)
        kinds.reserveCapacity(entries.count)
        for (name, isFolder, _) in entries where !isFolder && name.utf8.first != UInt8(ascii: ".") {
            var name = name
            let (kind, stemLength) = name.withUTF8(Self.classify)
            guard let kind else {
                diagnostics.append(.warning(prefix + name, "not an article (only .txt pages and .md articles are read)",
                                            fix: "rename it to .txt if it is a saved page, or move it out of the seeds folder"))
                continue
            }
            names.append(name)
            kinds.append((kind, stemLength))
        }
        // Entries come in no particular order: they are taken by name, so that of two files
        // of one kind and stem (`a.md`, `a.markdown`) the one whose name sorts last is read,
        // on every machine.
        let order = String.positionsSortedByBytes(names)
        // Most folders have no two seeds of one stem, and one pass over their stems' hashes
        // shows it: only the names whose stem's hash is not alone are looked at by stem. (A
        // table of every stem took a quarter of listing 50,000 seeds, each lookup a wait on
        // memory.)
        let stems = names.indices.map { Stem(name: names[$0], length: kinds[$0].stemLength) }
        let shared = Self.repeated(stems.map(\.hash))
        var chosen: [Stem: Int] = [:]
        var isChosen = [Bool](repeating: true, count: names.count)
        for i in order where shared.contains(stems[i].hash) {
            let stem = stems[i]
            if let other = chosen[stem] {
                // An .md replaces a .txt; of one kind, this name sorts after the other's.
                if kinds[other].kind == .authored && kinds[i].kind == .rawPage {
                    isChosen[i] = false
                    continue
                }
                isChosen[other] = false
            }
            chosen[stem] = i
        }
        let seeds = order.filter { isChosen[$0] }.map { i in
            SeedFile(kind: kinds[i].kind, path: prefix + names[i], filePath: base + names[i])
        }
        // A link's target can turn from a file into a folder, or back, with the folder
        // unchanged: a folder with links in it (or whose entries do not say what they are) is
        // listed every time.
        let byTypeAlone = entries.allSatisfy { !$0.askedFileSystem }
        return (SeedListing(base: base, prefix: prefix, folder: stamp, stampedAt: byTypeAlone ? stampedAt : nil,
                            seeds: seeds, diagnostics: diagnostics.sorted { $0.file < $1.file }), true)
    }

    private static func unreadable(_ directory: URL) -> SitegenError {
        SitegenError(path: Build.displayPath(directory), message: "the seeds folder cannot be read",
                     fix: "create it and put articles in it, or pass --seeds DIR", causes: [String(cString: strerror(errno))])
    }

    /// What a file's name says it is (an article's kind, or nil for no article), and the
    /// length of its part before the extension. On the bytes: Foundation's path methods, and
    /// even Swift's search through a string's views, cost more than the rest of the scan.
    private static func classify(_ name: UnsafeBufferPointer<UInt8>) -> (kind: SeedFile.Kind?, stemLength: Int) {
        let dot = name.lastIndex(of: UInt8(ascii: "."))
        let ext = UnsafeBufferPointer(rebasing: name[(dot.map { $0 + 1 } ?? name.count)...])
        // In any case, compared as ASCII bytes (lowercasing a String for each took longer).
        func isExtension(_ wanted: StaticString) -> Bool {
            ext.count == wanted.utf8CodeUnitCount
                && zip(ext, UnsafeBufferPointer(start: wanted.utf8Start, count: wanted.utf8CodeUnitCount)).allSatisfy { $0 | 0x20 == $1 }
        }
        let kind: SeedFile.Kind? = isExtension("md") || isExtension("markdown") ? .authored
            : isExtension("txt") || isExtension("text") ? .rawPage : nil
        return (kind, dot ?? name.count)
    }

    /// The values found more than once in `hashes` (mixed well, as `StableHasher`'s are):
    /// one pass, each put in an open-addressing table of twice as many slots.
    static func repeated(_ hashes: [UInt64]) -> Set<UInt64> {
        var size = 16
        while size < hashes.count * 2 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)  // 0: an empty slot, so 0 itself is counted apart
        let mask = size - 1
        var zeros = 0
        var repeated = Set<UInt64>()
        for hash in hashes {
            guard hash != 0 else {
                zeros += 1
                if zeros == 2 { repeated.insert(0) }
                continue
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 && slots[slot] != hash { slot = (slot + 1) & mask }
            if slots[slot] == hash { repeated.insert(hash) } else { slots[slot] = hash }
        }
        return repeated
    }

    /// A name's part before its extension, hashed once over its bytes: no string is made
    /// for it, and a table of them hashes one integer rather than the stem's bytes.
    private struct Stem: Hashable {
        let name: String
        let length: Int
        let hash: UInt64

        init(name: String, length: Int) {
            var name = name
            hash = name.withUTF8 { bytes in
                var hasher = StableHasher()
                hasher.combine(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(length))))
                return hasher.finalize()
            }
            (self.name, self.length) = (name, length)
        }

        static func == (a: Stem, b: Stem) -> Bool {
            a.hash == b.hash && a.length == b.length && a.name.utf8.prefix(a.length).elementsEqual(b.name.utf8.prefix(b.length))
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    }

    /// The names in the open folder, each saying whether it is a folder and whether the file
    /// system had to be asked, from one pass over its entries: their types say so, and a
    /// folder of ten thousand seeds is not stat'ed file by file. Nil when it cannot be read.
    private static func entries(of descriptor: Int32, at directory: URL) -> [(name: String, isFolder: Bool, askedFileSystem: Bool)]? {
        FolderEntries.read(".", in: descriptor)?.map { entry in
            switch entry.type {
            case Int32(DT_DIR): return (entry.name, true, false)
            case Int32(DT_UNKNOWN), Int32(DT_LNK):
                // The file system does not say, or a link: ask it.
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: directory.appendingPathComponent(entry.name).path, isDirectory: &isDirectory)
                return (entry.name, exists && isDirectory.boolValue, true)
            default: return (entry.name, false, false)
            }
        }
    }
}

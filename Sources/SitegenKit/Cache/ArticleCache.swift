import Foundation

/// What the last build imported from each seed, by the hash of the seed's bytes. A seed
/// whose bytes are unchanged is not parsed again: its article (and its warnings, which
/// are shown again) come from here.
struct ArticleCache: Sendable {
    struct Entry: Sendable {
        var contentHash: UInt64
        var imported: Imported<Article>
        /// `DuplicateFinder`'s key of the body, 0 when too short to compare.
        var textKey: UInt64
        /// The title's pinyin slug when the import made it ("" otherwise): importing the
        /// seed again with the same title then needs no transliteration (`SlugMemo`).
        var titleSlug = ""
    }

    private(set) var entries: [String: Entry] = [:]
    /// Whether this cache was read from a file, which `append` may then add to.
    private(set) var isFromFile = false
    /// How many entries its file's patches held (`append`): what rewriting it would drop.
    private(set) var patched = 0

    init() {}

    subscript(path: String) -> Entry? {
        get { entries[path] }
        set { entries[path] = newValue }
    }

    /// The cache at `url`, or an empty one when it is missing, damaged (a patch cut short
    /// by a killed build too), or was written by another version of sitegen. The articles'
    /// bodies stay in the file, read when asked for (`ArticleBody`): most of a rebuild's
    /// articles are never read again.
    ///
    /// The file is the whole cache, then each patch a later build appended: each of them
    /// its entries' bodies, then the entries, which say where their bodies are. Reading
    /// the entries then touches a tenth of the file. (With each body beside its entry,
    /// mapping in and out the pages around 10,000 entries was a quarter of reading them.)
    /// The whole cache's entries come in parts of `partSize`, read on all cores.
    static func load(from url: URL, generator: UInt64) -> ArticleCache {
        // Opened before it is read: the descriptor is what the bodies are read through.
        guard let bodies = BodyFile(reading: url.path) else { return ArticleCache() }
        return BinaryReader.read(url) { reader in
            var cache = ArticleCache()
            guard try reader.uint64() == magic, try reader.uint64() == generator else { throw BinaryReader.Malformed() }
            _ = try reader.skipBytes()
            let shared = try SharedValues.read(&reader)
            // The entries, in parts read on all cores (one core took 21 ms for 10,000, the
            // longest step of a rebuild after an edit), then put in the table in order.
            let count = max(0, try reader.int())
            let partCount = try reader.int()
            guard partCount >= 0, partCount <= count else { throw BinaryReader.Malformed() }
            let parts = try (0..<partCount).map { _ in
                let entries = try reader.int()
                guard entries >= 0 else { throw BinaryReader.Malformed() }
                return (entries: entries, reader: reader.part(try reader.skipBytes()))
            }
            guard parts.reduce(0, { $0 + $1.entries }) == count else { throw BinaryReader.Malformed() }
            let read = try parts.parallelMap { part -> [(path: String, entry: Entry)] in
                var reader = part.reader
                let entries = try (0..<part.entries).map { _ in
                    let path = try reader.string()
                    return (path, try readEntry(&reader, path: path, shared: shared, bodies: bodies))
                }
                guard reader.isAtEnd else { throw BinaryReader.Malformed() }
                return entries
            }
            // Room for them all at once: grown one entry at a time, the table hashed every
            // path again at each doubling.
            cache.entries.reserveCapacity(min(count, 1 << 24))
            for (path, entry) in read.joined() { cache.entries[path] = entry }
            // The patches later builds appended, oldest first.
            while !reader.isAtEnd {
                guard try reader.uint64() == patchMagic else { throw BinaryReader.Malformed() }
                _ = try reader.skipBytes()
                let shared = try SharedValues.read(&reader)
                for _ in 0..<max(0, try reader.int()) {
                    let path = try reader.string()
                    cache.entries[path] = try reader.bool() ? try readEntry(&reader, path: path, shared: shared, bodies: bodies) : nil
                    cache.patched += 1
                }
            }
            cache.isFromFile = true
            return cache
        } ?? ArticleCache()
    }

    func write(to url: URL, generator: UInt64) throws {
        try BinaryWriter.write(to: url) { writer in
            writer.write(Self.magic)
            writer.write(generator)
            let sorted = entries.sortedByKeyBytes()
            let offsets = Self.writeBodies(of: sorted.map(\.value), into: &writer)
            var shared = SharedValues()
            let numbers = sorted.map { shared.numbers(of: $0.value) }
            shared.write(into: &writer)
            writer.write(entries.count)
            // In parts of `partSize` entries, each its count and length first, so that
            // `load` can hand each part to a core without reading the ones before it.
            let parts = stride(from: 0, to: sorted.count, by: Self.partSize).map { $0..<min($0 + Self.partSize, sorted.count) }
            writer.write(parts.count)
            for part in parts {
                let bytes = BinaryWriter.bytes { writer in
                    for i in part {
                        writer.write(sorted[i].key)
                        Self.write(sorted[i].value, path: sorted[i].key, bodyAt: offsets[i], numbers: numbers[i], into: &writer)
                    }
                }
                writer.write(part.count)
                writer.write(bytes.count)
                writer.write(raw: bytes)
            }
        }
    }

    /// Adds `changes` (each seed's new entry, or nil for a seed gone) to the end of the
    /// cache file at `url`, which `load` read: a build that imported a few seeds writes
    /// their entries, not the whole cache again (70 MB for 10,000 articles).
    static func append(_ changes: [(path: String, entry: Entry?)], to url: URL) throws {
        try BinaryWriter.append(to: url) { writer in
            writer.write(patchMagic)
            let offsets = writeBodies(of: changes.compactMap(\.entry), into: &writer)
            var shared = SharedValues()
            let numbers = changes.map { $0.entry.map { shared.numbers(of: $0) } }
            shared.write(into: &writer)
            writer.write(changes.count)
            var next = offsets.makeIterator()
            for ((path, entry), numbers) in zip(changes, numbers) {
                writer.write(path)
                writer.write(entry != nil)
                if let entry, let numbers { write(entry, path: path, bodyAt: next.next()!, numbers: numbers, into: &writer) }
            }
        }
    }

    /// Writes the bodies of `entries` as one run of bytes, its length first (what
    /// `BinaryReader.skipBytes` skips), and says where in the file each entry's body starts.
    private static func writeBodies(of entries: [Entry], into writer: inout BinaryWriter) -> [Int] {
        let bodies = entries.map(\.imported.value?.body)
        writer.write(bodies.reduce(0) { $0 + ($1?.utf8Count ?? 0) })
        var offsets: [Int] = []
        for body in bodies {
            offsets.append(writer.position)
            if let body { writer.write(raw: body.utf8Bytes) }
        }
        return offsets
    }

    /// Whether `changes` should be appended to the file this cache was read from rather
    /// than the cache written whole: until its patches hold a sixteenth as many entries as
    /// it has (at least 64), so that the file never grows much past what it holds.
    func appends(_ changes: Int) -> Bool {
        isFromFile && patched + changes <= max(64, entries.count / 16)
    }

    /// Entries in a part of the file: 20 parts for 10,000 articles, enough for both
    /// cores to finish together.
    static let partSize = 512

    private static let magic: UInt64 = 0x7369_7465_6765_6E0A  // "sitegen" + format 10
    private static let patchMagic: UInt64 = 0x7061_7463_6865_7303  // "patches" + format 3
}

/// Each seed's file stamp and content hash at the last build: a seed whose stamp is
/// unchanged is not even read. A small file of its own, so that a rebuild with nothing
/// changed reads this and not the articles.
///
/// Kept in the order of the paths' bytes, the order `SeedScanner` lists the seeds in: a
/// build pairs seeds and stamps in one pass over both (`positions(of:)`), and the stamps
/// it records next come out in that order already. A table by path hashed every path once
/// to be made and again to be looked up, and was copied and sorted to record one change.
struct SeedStamps: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var stamp: FileStamp
        var contentHash: UInt64
    }

    /// Every recorded seed's path (`SeedFile.path`), in the order of their bytes, and its entry.
    private(set) var paths: [String] = []
    private(set) var entries: [Entry] = []

    init() {}

    /// The stamps of `pairs`, put in the order of their paths' bytes if they are not in it.
    init(_ pairs: [(path: String, entry: Entry)]) {
        let inOrder = zip(pairs, pairs.dropFirst()).allSatisfy { String.precedesByBytes($0.path, $1.path) }
        let ordered = inOrder ? pairs : String.positionsSortedByBytes(pairs.map(\.path)).map { pairs[$0] }
        paths = ordered.map(\.path)
        entries = ordered.map(\.entry)
    }

    var count: Int { paths.count }

    /// The entry recorded for `path`.
    subscript(path: String) -> Entry? {
        let i = firstNotBefore(path)
        return i < paths.count && String.sameBytes(paths[i], path) ? entries[i] : nil
    }

    /// For each of `seeds`, the position of its entry, or nil when it has none: one pass
    /// over both when the seeds come in the order of their paths' bytes, as `SeedScanner`
    /// lists them. A seed out of that order is looked for by halving.
    func positions(of seeds: [SeedFile]) -> [Int?] {
        var next = 0
        var previous: String?
        return seeds.map { seed in
            if let previous, String.precedesByBytes(seed.path, previous) { next = firstNotBefore(seed.path) }
            previous = seed.path
            while next < paths.count, String.precedesByBytes(paths[next], seed.path) { next += 1 }
            return next < paths.count && String.sameBytes(paths[next], seed.path) ? next : nil
        }
    }

    /// The position of the first path not before `path`, found by halving.
    private func firstNotBefore(_ path: String) -> Int { paths.firstPosition(notBefore: path) { $0 } }

    static func load(from url: URL) -> SeedStamps {
        BinaryReader.read(url) { reader in
            guard try reader.uint64() == magic else { throw BinaryReader.Malformed() }
            let count = try reader.int()
            guard count >= 0, count <= 1 << 24 else { throw BinaryReader.Malformed() }
            var pairs: [(path: String, entry: Entry)] = []
            pairs.reserveCapacity(count)
            for _ in 0..<count {
                let path = try reader.string()
                let stamp = FileStamp(size: Int64(try reader.int()), modified: Int64(try reader.int()), inode: try reader.uint64())
                pairs.append((path, Entry(stamp: stamp, contentHash: try reader.uint64())))
            }
            return SeedStamps(pairs)
        } ?? SeedStamps()
    }

    func write(to url: URL) throws {
        try BinaryWriter.write(to: url) { writer in
            writer.write(Self.magic)
            writer.write(paths.count)
            for (path, entry) in zip(paths, entries) {
                writer.write(path)
                writer.write(Int(entry.stamp.size))
                writer.write(Int(entry.stamp.modified))
                writer.write(entry.stamp.inode)
                writer.write(entry.contentHash)
            }
        }
    }

    private static let magic: UInt64 = 0x7365_6564_7374_6D01  // "seedstm" + format 1
}

/// Enough of a file's metadata to tell, without reading it, that it has not changed.
struct FileStamp: Sendable, Equatable {
    var size: Int64
    var modified: Int64
    var inode: UInt64

    init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    init?(path: String) {
        self.init(path: path, relativeTo: AT_FDCWD)
    }

    /// The stamp of `path` inside the open folder `folder`: for many files of one folder,
    /// the kernel then walks only the path below it.
    init?(path: String, relativeTo folder: Int32) {
        guard let stamp = path.withCString({ FileStamp(path: $0, relativeTo: folder) }) else { return nil }
        self = stamp
    }

    init?(path: UnsafePointer<CChar>, relativeTo folder: Int32) {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0 else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

private extension ArticleCache {
    /// `entry`, the entry of `path`, whose body `writeBodies` wrote at `bodyOffset` and
    /// whose shared values are `numbers` in the section's table.
    static func write(_ entry: Entry, path: String, bodyAt bodyOffset: Int, numbers: SharedValues.Numbers, into writer: inout BinaryWriter) {
        writer.write(entry.contentHash)
        writer.write(entry.textKey)
        writer.write(entry.titleSlug)
        writer.write(entry.imported.diagnostics)
        writer.write(entry.imported.value != nil)
        guard let a = entry.imported.value else { return }
        writer.write(a.title)
        write(a.date, into: &writer)
        writer.write(numbers.source)
        writer.write(numbers.region)
        writer.write(numbers.regions)
        writer.write(numbers.campaigns)
        writer.write(numbers.mentions)
        // Most often the seed's path and the pinyin of its title: then not written again.
        let originIsPath = String.sameBytes(a.origin, path)
        writer.write(originIsPath)
        if !originIsPath { writer.write(a.origin) }
        let slugIsTitles = String.sameBytes(a.slug.rawValue, entry.titleSlug)
        writer.write(slugIsTitles)
        if !slugIsTitles { writer.write(a.slug.rawValue) }
        writer.write(a.summary)
        writer.write(a.body.hash)
        writer.write(bodyOffset)
        writer.write(a.body.utf8Count)
        writer.write(a.republished.count)
        for (r, source) in zip(a.republished, numbers.republishedSources) {
            writer.write(source)
            writer.write(r.origin)
            write(r.date, into: &writer)
        }
        writer.write(a.contentHash)
        writer.write(a.indexHash)
    }

    static func write(_ date: ArticleDate, into writer: inout BinaryWriter) {
        writer.write(date.year)
        writer.write(date.month)
        writer.write(date.day)
        writer.write(date.hour ?? -1)
        writer.write(date.minute ?? -1)
    }

    static func readEntry(_ reader: inout BinaryReader, path: String, shared: SharedValues, bodies: BodyFile) throws -> Entry {
        let contentHash = try reader.uint64()
        let textKey = try reader.uint64()
        let titleSlug = try reader.string()
        let diagnostics = try reader.diagnostics()
        guard try reader.bool() else {
            return Entry(contentHash: contentHash, imported: Imported(nil, diagnostics: diagnostics), textKey: textKey, titleSlug: titleSlug)
        }
        let title = try reader.string()
        let date = try readDate(&reader)
        let source = try shared.optionalString(try reader.int())
        let region = try shared.optionalString(try reader.int()).map { code -> RegionCode in
            guard let region = RegionCode(code) else { throw BinaryReader.Malformed() }
            return region
        }
        let regions = try shared.list(try reader.int())
        let campaigns = try shared.list(try reader.int())
        let mentions = try shared.list(try reader.int())
        let origin = try reader.bool() ? path : try reader.string()
        guard let slug = Slug(try reader.bool() ? titleSlug : try reader.string()) else { throw BinaryReader.Malformed() }
        var article = Article(title: title, date: date, source: source, region: region, regions: regions,
                              campaigns: campaigns, mentions: mentions, origin: origin, slug: slug,
                              summary: try reader.string(), body: "")
        let bodyHash = try reader.uint64()
        let body = try reader.span()
        article.body = ArticleBody(in: bodies, offset: body.offset, count: body.count, hash: bodyHash)
        for _ in 0..<max(0, try reader.int()) {
            let source = try shared.optionalString(try reader.int())
            let origin = try reader.string()
            article.republished.append(Republication(source: source, origin: origin, date: try readDate(&reader)))
        }
        article.record(contentHash: try reader.uint64(), indexHash: try reader.uint64())
        return Entry(contentHash: contentHash, imported: Imported(article, diagnostics: diagnostics), textKey: textKey, titleSlug: titleSlug)
    }

    static func readDate(_ reader: inout BinaryReader) throws -> ArticleDate {
        let (y, m, d, h, min) = (try reader.int(), try reader.int(), try reader.int(), try reader.int(), try reader.int())
        guard let date = ArticleDate(year: y, month: m, day: d, hour: h < 0 ? nil : h, minute: min < 0 ? nil : min) else {
            throw BinaryReader.Malformed()
        }
        return date
    }
}

/// The values many of a section's entries share (the whole cache, or a patch): a county's
/// names, a campaign, a source, a division's code, and the lists of them. Each is written
/// once at the section's head and named by its number in the entries, so reading 10,000
/// entries makes each of them once, and every article that has it shares it.
struct SharedValues {
    /// The numbers of one entry's shared values; -1 for a value it does not have.
    struct Numbers {
        var source = -1
        var region = -1
        var regions = 0
        var campaigns = 0
        var mentions = 0
        var republishedSources: [Int] = []
    }

    /// The strings, by number.
    private(set) var strings: [String] = []
    /// The lists as read: each as its strings.
    private(set) var lists: [[String]] = []
    /// While writing: each list as the numbers of its strings, and the number of each
    /// string and list given so far.
    private var listNumbers: [[Int]] = []
    private var stringNumber: [String: Int] = [:]
    private var listNumber: [[Int]: Int] = [:]

    init() {}

    /// Numbers `entry`'s shared values, adding those new to the table.
    mutating func numbers(of entry: ArticleCache.Entry) -> Numbers {
        guard let a = entry.imported.value else { return Numbers() }
        return Numbers(source: a.source.map { number($0) } ?? -1, region: a.region.map { number($0.rawValue) } ?? -1,
                       regions: number(a.regions), campaigns: number(a.campaigns), mentions: number(a.mentions),
                       republishedSources: a.republished.map { copy in copy.source.map { number($0) } ?? -1 })
    }

    private mutating func number(_ string: String) -> Int {
        // Found by the string, kept only if the bytes are the same: Swift's == takes texts
        // that are canonically equivalent (é composed or not) as equal, and the cache must
        // give back the bytes it was given.
        if let n = stringNumber[string], String.sameBytes(strings[n], string) { return n }
        strings.append(string)
        stringNumber[string] = strings.count - 1
        return strings.count - 1
    }

    private mutating func number(_ list: [String]) -> Int {
        let numbers = list.map { number($0) }
        if let n = listNumber[numbers] { return n }
        listNumbers.append(numbers)
        listNumber[numbers] = listNumbers.count - 1
        return listNumbers.count - 1
    }

    func write(into writer: inout BinaryWriter) {
        writer.write(strings)
        writer.write(listNumbers.count)
        for list in listNumbers { writer.write(list) }
    }

    static func read(_ reader: inout BinaryReader) throws -> SharedValues {
        var shared = SharedValues()
        shared.strings = try reader.strings()
        let count = try reader.int()
        guard count >= 0, count <= 1 << 24 else { throw BinaryReader.Malformed() }
        shared.lists = try (0..<count).map { _ in try reader.ints().map { try shared.string($0) } }
        return shared
    }

    /// The string numbered `n`; a number outside the table is a damaged file.
    func string(_ n: Int) throws -> String {
        guard strings.indices.contains(n) else { throw BinaryReader.Malformed() }
        return strings[n]
    }

    /// The string numbered `n`, or nil for -1.
    func optionalString(_ n: Int) throws -> String? { n == -1 ? nil : try string(n) }

    func list(_ n: Int) throws -> [String] {
        guard lists.indices.contains(n) else { throw BinaryReader.Malformed() }
        return lists[n]
    }
}

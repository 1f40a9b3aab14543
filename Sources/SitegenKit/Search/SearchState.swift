import Foundation

/// What the next build needs to patch a search index rather than build it again: which
/// article each document was, and the names of the files that hold the rest. The postings
/// themselves are not kept here: they are read back from the index's own files.
struct SearchState: Sendable, Equatable {
    /// `manifest-<hash>.json`, relative to the index's folder: the index this state is of.
    var manifest: String
    var layout: SearchLayout
    /// How many terms the index has (the number of buckets follows from it).
    var termCount: Int
    /// `Article.contentHash` of each document's article, oldest first.
    var articleHashes: [UInt64]
    /// The hash of each document's bytes (6 bytes), oldest first: its group's name is made
    /// of them.
    var documentHashes: [[UInt8]]
    /// Each document's field lengths, oldest first: `layout` is made of them, and a patch
    /// checks it against the new articles' by working out only the changed ones' (counting
    /// the characters of every article's title, campaigns and regions again was 3 % of the
    /// CPU of a rebuild after an edit, in perf).
    var fieldLengths: [SearchLayout.FieldLengths]
    /// Each bucket's name, by number.
    var bucketNames: [[UInt8]]
    /// The terms with files of their own: key, the FNV-1a hash of the term, the file's name.
    var ownFiles: [OwnFile]
    /// Each document's province and year, which the table lists: kept here so that a patch
    /// reads only the changed articles' (reading every article's region and date again,
    /// scattered over memory, took 4 ms of an edit's patch, in perf).
    var places: Places

    /// The province names (`Article.regions.first`) the documents have, in no particular
    /// order, and each document's, oldest first, as a position in them (-1: none), with its year.
    struct Places: Sendable, Equatable {
        var provinceNames: [String] = []
        var provinces: [Int32] = []
        var years: [Int32] = []

        init(_ ordered: [Article]) {
            var numbers: [String: Int32] = [:]
            provinces.reserveCapacity(ordered.count)
            years.reserveCapacity(ordered.count)
            for article in ordered {
                provinces.append(number(of: article.regions.first, in: &numbers))
                years.append(Int32(clamping: article.date.year))
            }
        }

        init(provinceNames: [String], provinces: [Int32], years: [Int32]) {
            (self.provinceNames, self.provinces, self.years) = (provinceNames, provinces, years)
        }

        /// The last `count` documents gone.
        mutating func removeLast(_ count: Int) {
            provinces.removeLast(count)
            years.removeLast(count)
        }

        /// A document added after the others, which is `article`.
        mutating func append(_ article: Article) {
            provinces.append(-1)
            years.append(0)
            set(provinces.count - 1, to: article)
        }

        /// Document `document` is now `article`.
        mutating func set(_ document: Int, to article: Article) {
            var numbers = Dictionary(uniqueKeysWithValues: provinceNames.enumerated().map { ($1, Int32($0)) })
            provinces[document] = number(of: article.regions.first, in: &numbers)
            years[document] = Int32(clamping: article.date.year)
        }

        private mutating func number(of province: String?, in numbers: inout [String: Int32]) -> Int32 {
            guard let province else { return -1 }
            if let number = numbers[province] { return number }
            provinceNames.append(province)
            numbers[province] = Int32(provinceNames.count - 1)
            return Int32(provinceNames.count - 1)
        }
    }

    struct OwnFile: Sendable, Equatable {
        var key: UInt64
        var termHash: UInt32
        var name: [UInt8]

        /// `t-<term hash>-<name>.bin`, relative to the index's folder.
        var fileName: String { SearchIndexWriter.ownFileName(termHash: termHash, name: name) }
    }

    /// The documents (numbers, oldest first) whose article changed since this state, each
    /// with the article it was: `articles` and their `hashes` (`Article.contentHash`) are
    /// newest first, as the site lists them; `previous` gives an article's old version by
    /// origin. Nil when the articles are not as many as the documents, or a changed one's
    /// old version is not in `previous` or is not the one this state recorded.
    func changes(in articles: [Article], hashes: [UInt64], previous: [String: Article]) -> [(document: Int, before: Article)]? {
        guard articles.count == articleHashes.count, hashes.count == articles.count else { return nil }
        let (changes, kept) = editsInPlace(in: articles, hashes: hashes, previous: previous)
        return kept == articles.count ? changes : nil
    }

    /// The documents whose article was edited in place, up to the first one whose article
    /// is neither this state's nor an edit of it (`kept`: the number of documents before it).
    private func editsInPlace(in articles: [Article], hashes: [UInt64], previous: [String: Article])
        -> (changes: [(document: Int, before: Article)], kept: Int) {
        let (count, total) = (articleHashes.count, articles.count)
        var changes: [(document: Int, before: Article)] = []
        // Document `document` is article `total - 1 - document`: the articles are newest first.
        for document in 0..<min(count, total) where hashes[total - 1 - document] != articleHashes[document] {
            guard let old = previous[articles[total - 1 - document].origin], old.contentHash == articleHashes[document] else {
                return (changes, document)
            }
            changes.append((document, old))
        }
        return (changes, min(count, total))
    }

    /// The same, where articles may also have come or gone. Up to the first document whose
    /// article is neither this state's nor an edit of it, the documents keep their numbers
    /// (`changes`); from there on every number moves (an article added or deleted there),
    /// so each of this state's documents from there is `removed`, with the article it was,
    /// and each from there to the last is `added`. Articles are dated, and an editor adds
    /// mostly recent ones: then few documents, or none, come after. A removed document's
    /// article is found by its content hash among the articles, `gone` (those of the seeds
    /// deleted) and `previous`. Nil when one is not found, or when more than `limit`
    /// documents would change.
    func documentChanges(in articles: [Article], hashes: [UInt64], previous: [String: Article], gone: [Article], limit: Int = .max)
        -> (changes: [(document: Int, before: Article)], added: Range<Int>, removed: [(document: Int, before: Article)])? {
        let (count, total) = (articleHashes.count, articles.count)
        guard hashes.count == total else { return nil }
        let (changes, kept) = editsInPlace(in: articles, hashes: hashes, previous: previous)
        guard changes.count + (count - kept) + (total - kept) <= limit else { return nil }
        var candidates: [UInt64: Article] = [:]
        for article in gone + Array(previous.values) + (kept..<total).map({ articles[total - 1 - $0] }) { candidates[article.contentHash] = article }
        var removed: [(document: Int, before: Article)] = []
        for document in kept..<count {
            guard let article = candidates[articleHashes[document]] else { return nil }
            removed.append((document, article))
        }
        return (changes, kept..<total, removed)
    }

    /// The name of each group of documents, by number.
    var groupNames: [[UInt8]] {
        stride(from: 0, to: documentHashes.count, by: SearchIndexWriter.documentGroupSize).map {
            SearchIndexWriter.groupName(documentHashes, of: $0)
        }
    }

    static func load(from url: URL, generator: UInt64) -> SearchState? {
        BinaryReader.read(url) { reader in
            guard try reader.uint64() == magic, try reader.uint64() == generator else { throw BinaryReader.Malformed() }
            let manifest = try reader.string()
            let layout = SearchLayout(campaignsBase: try reader.int(), regionsBase: try reader.int(), bodyBase: try reader.int())
            let termCount = try reader.int()
            let count = try reader.int()
            guard (0...10_000_000).contains(count) else { throw BinaryReader.Malformed() }
            let articleHashes = try (0..<count).map { _ in try reader.uint64() }
            let documentHashes = try (0..<count).map { _ in bytes(try reader.uint64(), 6) }
            let fieldLengths = try (0..<count).map { _ in
                let packed = try reader.uint64()
                return SearchLayout.FieldLengths(titleEnd: Int32(truncatingIfNeeded: packed >> 42), campaigns: Int32(truncatingIfNeeded: packed >> 21 & 0x1F_FFFF),
                                                 regions: Int32(truncatingIfNeeded: packed & 0x1F_FFFF))
            }
            let buckets = try reader.int()
            guard (0...1 << 20).contains(buckets) else { throw BinaryReader.Malformed() }
            let bucketNames = try (0..<buckets).map { _ in bytes(try reader.uint64(), 6) }
            let owned = try reader.int()
            guard (0...100_000_000).contains(owned) else { throw BinaryReader.Malformed() }
            let ownFiles = try (0..<owned).map { _ in
                OwnFile(key: try reader.uint64(), termHash: UInt32(truncatingIfNeeded: try reader.uint64()), name: bytes(try reader.uint64(), SearchIndexWriter.ownNameSize))
            }
            let provinceNames = try reader.strings()
            let provinces = try (0..<count).map { _ in
                let number = try reader.int()
                guard (-1..<provinceNames.count).contains(number) else { throw BinaryReader.Malformed() }
                return Int32(number)
            }
            let years = try (0..<count).map { _ in Int32(clamping: try reader.int()) }
            guard SearchLayout(lengths: fieldLengths) == layout else { throw BinaryReader.Malformed() }
            return SearchState(manifest: manifest, layout: layout, termCount: termCount, articleHashes: articleHashes,
                               documentHashes: documentHashes, fieldLengths: fieldLengths, bucketNames: bucketNames, ownFiles: ownFiles,
                               places: Places(provinceNames: provinceNames, provinces: provinces, years: years))
        }
    }

    func write(to url: URL, generator: UInt64) throws {
        try BinaryWriter.write(to: url) { writer in
            writer.write(Self.magic)
            writer.write(generator)
            writer.write(manifest)
            writer.write(layout.campaignsBase)
            writer.write(layout.regionsBase)
            writer.write(layout.bodyBase)
            writer.write(termCount)
            writer.write(articleHashes.count)
            for hash in articleHashes { writer.write(hash) }
            for hash in documentHashes { writer.write(Self.number(hash)) }
            // 21 bits a length (2 million characters), the title's highest.
            for field in fieldLengths {
                let (t, c, r) = (UInt64(min(max(0, field.titleEnd), 0x1F_FFFF)), UInt64(min(max(0, field.campaigns), 0x1F_FFFF)), UInt64(min(max(0, field.regions), 0x1F_FFFF)))
                writer.write(t << 42 | c << 21 | r)
            }
            writer.write(bucketNames.count)
            for name in bucketNames { writer.write(Self.number(name)) }
            writer.write(ownFiles.count)
            for file in ownFiles {
                writer.write(file.key)
                writer.write(UInt64(file.termHash))
                writer.write(Self.number(file.name))
            }
            writer.write(places.provinceNames)
            for province in places.provinces { writer.write(Int(province)) }
            for year in places.years { writer.write(Int(year)) }
        }
    }

    /// A name of up to 8 bytes as a number, first byte highest, and back.
    static func number(_ bytes: [UInt8]) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
    static func bytes(_ number: UInt64, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: number >> (8 * UInt64(count - 1 - $0))) }
    }

    private static let magic: UInt64 = 0x7369_7465_7365_6105  // "sitesea" + format 5
}

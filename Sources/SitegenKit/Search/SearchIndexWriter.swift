import Foundation

/// Writes a search index as static files a browser fetches piece by piece. Every name
/// carries a hash of the file's bytes, so a server may cache it forever and a file whose
/// bytes did not change keeps its name and is not rewritten. All but the manifest are
/// compressed (raw DEFLATE; the browser inflates them with `DecompressionStream`).
///
/// - `manifest-<hash>.json`: the field layout and the names of the table and of the
///   folding file; the search page names it.
/// - `a-<hash>.bin`, the table, fetched with the page: the name of every bucket and of
///   every article's document, each article's province and year (for the filters), and
///   the terms with postings in a file of their own (by a hash of the term) with its name.
/// - `b-<hash>.bin`, one per bucket: the terms whose FNV-1a hash falls in it, each with its
///   postings inline or, when they are large, the name and size of a file of their own
///   (`t-<term hash>-<hash>.bin`, which starts with its term). A query fetches the own files of its
///   terms that the table names, and the buckets of the others.
/// - `d-<number>-<hash>.bin`, one per article: slug, date, place, title and text, for
///   showing a result and cutting its snippet; fetched only for the results shown. The
///   hash is of the bytes of the 16 documents of its group (numbers 0–15, 16–31, …): the
///   table names groups, not documents, which keeps it small (a fixed cost of every first
///   query), and an edit renames only the documents of its group.
/// - `fold-<hash>.bin`: the Traditional → Simplified table, fetched only when a query has a
///   term the index lacks (as every term with a Traditional character is).
///
/// So the first query of a page waits for two rounds of fetches: the postings of its terms
/// (own files, or buckets), and the documents of the first page of results. (Own files
/// named only in their buckets cost a third round.)
public enum SearchIndexWriter {
    /// Every file of the index is under this folder.
    static let folder = "search/"
    /// Postings larger than this are stored in a file of their own.
    public static let ownFileThreshold = 2048

    /// DEFLATE levels for the two big kinds of file; the table and the buckets (1 MB at
    /// 10,000 articles) keep Deflate's level 6. Measured on the 10,000-article index with
    /// libdeflate, one core: the documents (44 MB of text) take 0.27 s at level 1 against
    /// 0.47 s at 6, for 1.4 % more bytes; the own files (49 MB of postings) 0.41 s at
    /// level 4 against 0.56 s, for 0.4 % more.
    static let documentLevel: Int32 = 1
    static let ownFileLevel: Int32 = 4

    /// The index's files, all held in memory (for tests and small sites).
    public static func files(for articles: [Article], ownFileThreshold: Int = ownFileThreshold) throws -> (files: [(OutputPath, [UInt8])], manifest: OutputPath) {
        let written = try write(for: articles, ownFileThreshold: ownFileThreshold) { path, bytes in (path, bytes) }
        return (written.placed, written.manifest)
    }

    /// Hands each file of the index to `emit` as soon as it is made (in parallel, each path
    /// once), so that the index is never held whole: at 50,000 articles its files are
    /// 280 MB. Returns what `emit` returned, the manifest's path, and what a later build
    /// needs to patch the index (`update`).
    public static func write<Placed: Sendable>(for articles: [Article], ownFileThreshold: Int = ownFileThreshold,
                                              emit: @Sendable (OutputPath, [UInt8]) throws -> Placed) throws -> (placed: [Placed], manifest: OutputPath) {
        let written = try writeWithState(for: articles, ownFileThreshold: ownFileThreshold, emit: emit)
        return (written.placed, written.manifest)
    }

    static func writeWithState<Placed: Sendable>(for articles: [Article], ownFileThreshold: Int = ownFileThreshold,
                                                 emit: @Sendable (OutputPath, [UInt8]) throws -> Placed) throws -> Written<Placed> {
        // Oldest first: see SearchIndex.
        let ordered = Array(articles.reversed())
        let fieldLengths = ordered.map(SearchLayout.FieldLengths.init(article:))
        let layout = SearchLayout(lengths: fieldLengths)
        var output = Output<Placed>()
        // A batch at a time: each article's text, its document (named, and written at
        // once), and its terms for the index.
        let builder = SearchIndexBuilder(layout: layout)
        var documentHashes: [[UInt8]] = []
        var articleHashes: [UInt64] = []
        for start in stride(from: 0, to: ordered.count, by: SearchIndexBuilder.batchSize) {
            let batch = Array(ordered[start..<min(ordered.count, start + SearchIndexBuilder.batchSize)]).parallelMap { article in
                let text = SearchText(article: article)
                let document = documentFile(article, text)
                return (terms: DocumentTerms(text: text, layout: layout), document: document, hash: hash(document),
                        articleHash: article.contentHash)
            }
            builder.add(batch.map(\.terms))
            articleHashes += batch.map(\.articleHash)
            documentHashes += batch.map(\.hash)
            // A batch holds whole groups (its size is a multiple of theirs): its documents
            // can be named at once.
            let groups = stride(from: start, to: documentHashes.count, by: documentGroupSize).map { groupName(documentHashes, of: $0) }
            try output.add(batch.indices.map { i in
                (documentFileName(start + i, group: groups[i / documentGroupSize]), batch[i].document)
            }, emit)
        }
        var index = builder.finish()

        // Buckets, with the large postings in files of their own; a wave of buckets at a
        // time, each term's postings let go once encoded.
        let keys = index.payloads.keys.sorted()
        let buckets = bucketCount(terms: keys.count)
        var members = Array(repeating: [(key: UInt64, term: [UInt8])](), count: buckets)
        for key in keys {
            let term = Array(index.term(for: key).utf8)
            members[Int(fnv1a32(term) & UInt32(buckets - 1))].append((key, term))
        }
        var bucketNames: [[UInt8]] = []
        var ownFiles: [SearchState.OwnFile] = []
        let wave = 64
        for first in stride(from: 0, to: buckets, by: wave) {
            let inWave = members[first..<min(buckets, first + wave)]
            let work: [[BucketEntry]] = inWave.map { terms in
                terms.map { BucketEntry(key: $0.key, term: $0.term, payload: index.removePayload(for: $0.key)!) }
            }
            let encoded = work.parallelMap { encodeBucket($0, ownFileThreshold: ownFileThreshold) }
            try output.add(encoded.flatMap { $0.own.map { ($0.fileName, $0.bytes) } }, emit)
            ownFiles += encoded.flatMap { $0.own.map(\.file) }
            for entry in encoded { bucketNames.append(try output.add("b", entry.bucket, ext: "bin", emit)) }
        }
        let state = SearchState(manifest: "", layout: layout, termCount: keys.count, articleHashes: articleHashes,
                                documentHashes: documentHashes, fieldLengths: fieldLengths, bucketNames: bucketNames, ownFiles: ownFiles,
                                places: SearchState.Places(ordered))
        return try finish(ordered, state, output: output, emit)
    }

    /// An index's files with what it took to make them.
    struct Written<Placed: Sendable> {
        var placed: [Placed]
        var manifest: OutputPath
        var state: SearchState
        /// The files of the last index kept as they are (by a patch, `update`).
        var kept: [Placed] = []
    }

    /// 64 to 128 terms a bucket: a query of two pairs fetches the least (their two
    /// buckets, and 6 bytes a bucket in the table).
    static func bucketCount(terms: Int) -> Int {
        var buckets = 1
        while buckets < 4096 && buckets * 64 < terms { buckets *= 2 }
        return buckets
    }

    struct BucketEntry: Sendable {
        var key: UInt64
        var term: [UInt8]
        var postings: Postings

        enum Postings: Sendable {
            /// Stored inline when small, else in a file of their own.
            case payload([UInt8])
            /// A file of their own already written (its name and size), kept as it is.
            case own(name: [UInt8], size: Int)
        }

        init(key: UInt64, term: [UInt8], postings: Postings) {
            self.key = key
            self.term = term
            self.postings = postings
        }

        init(key: UInt64, term: [UInt8], payload: [UInt8]) {
            self.init(key: key, term: term, postings: .payload(payload))
        }
    }

    /// A bucket's bytes (compressed) and the files of its terms with large postings.
    static func encodeBucket(_ entries: [BucketEntry], ownFileThreshold: Int)
        -> (bucket: [UInt8], own: [(fileName: String, bytes: [UInt8], file: SearchState.OwnFile)]) {
        var bucket: [UInt8] = []
        var own: [(fileName: String, bytes: [UInt8], file: SearchState.OwnFile)] = []
        for entry in entries {
            Varint.append(entry.term.count, to: &bucket)
            bucket += entry.term
            switch entry.postings {
            case .payload(let payload) where payload.count > ownFileThreshold:
                // The file starts with its term: the table finds it by a hash of the term,
                // which another term may share.
                var content: [UInt8] = []
                Varint.append(entry.term.count, to: &content)
                let file = Deflate.compress(content + entry.term + payload, level: ownFileLevel)
                let name = Array(hash(file).prefix(ownNameSize))
                let ownFile = SearchState.OwnFile(key: entry.key, termHash: fnv1a32(entry.term), name: name)
                own.append((ownFile.fileName, file, ownFile))
                Varint.append(1, to: &bucket)
                bucket += name
                Varint.append(file.count, to: &bucket)
            case .payload(let payload):
                Varint.append(0, to: &bucket)
                Varint.append(payload.count, to: &bucket)
                bucket += payload
            case .own(let name, let size):
                Varint.append(1, to: &bucket)
                bucket += name
                Varint.append(size, to: &bucket)
            }
        }
        return (Deflate.compress(bucket), own)
    }

    /// Writes the table, the folding file and the manifest of the index `state` describes
    /// (all but its manifest's name), and returns it all.
    static func finish<Placed: Sendable>(_ ordered: [Article], _ state: SearchState, output: Output<Placed>,
                                         _ emit: @Sendable (OutputPath, [UInt8]) throws -> Placed) throws -> Written<Placed> {
        var output = output
        // The table: buckets and groups of documents by number, and each article's
        // province (numbered from 1 in order of first appearance; 0 for none) and year,
        // from the state's record of them (`SearchState.Places`), not from the articles.
        let places = state.places
        precondition(places.provinces.count == ordered.count && places.years.count == ordered.count, "the search state's places are its documents'")
        var numbers = [Int](repeating: 0, count: places.provinceNames.count)
        var provinceNames: [String] = []
        let provinceNumbers = places.provinces.map { province -> Int in
            guard province >= 0 else { return 0 }
            if numbers[Int(province)] == 0 {
                provinceNames.append(places.provinceNames[Int(province)])
                numbers[Int(province)] = provinceNames.count
            }
            return numbers[Int(province)]
        }
        let years = places.years.map(Int.init)
        let firstYear = years.min() ?? 0
        var table: [UInt8] = []
        Varint.append(state.bucketNames.count, to: &table)
        table += state.bucketNames.joined()
        table += state.groupNames.joined()
        Varint.append(provinceNames.count, to: &table)
        for name in provinceNames {
            Varint.append(name.utf8.count, to: &table)
            table += Array(name.utf8)
        }
        Varint.append(firstYear, to: &table)
        for number in provinceNumbers { Varint.append(number, to: &table) }
        for year in years { Varint.append(year - firstYear, to: &table) }
        // The terms with files of their own, by the FNV-1a hash of the term (ascending, as
        // gaps) and the file's name: a query fetches their postings without the bucket first.
        // (Two such terms with one hash are left to their buckets.)
        let byHash = state.ownFiles.sorted { $0.termHash < $1.termHash }
        let named = byHash.indices.filter { i in
            (i == 0 || byHash[i - 1].termHash != byHash[i].termHash) && (i + 1 == byHash.count || byHash[i + 1].termHash != byHash[i].termHash)
        }.map { byHash[$0] }
        Varint.append(named.count, to: &table)
        var previousHash: UInt32 = 0
        for file in named {
            Varint.append(Int(file.termHash - previousHash), to: &table)
            previousHash = file.termHash
        }
        for file in named { table += file.name }
        let tableHash = try output.add("a", Deflate.compress(table), ext: "bin", emit)

        let folding = HanFolding.table
        let foldText = String(String.UnicodeScalarView(folding.map(\.traditional))) + "\n" + String(String.UnicodeScalarView(folding.map(\.simplified)))
        let foldHash = try output.add("fold", Deflate.compress(Array(foldText.utf8)), ext: "bin", emit)

        let layout = state.layout
        let manifest = json([
            "version": 4,
            "count": ordered.count,
            "group": documentGroupSize,
            "layout": [layout.campaignsBase, layout.regionsBase, layout.bodyBase],
            "article": [articleAddress.prefix, articleAddress.suffix],
            "table": "a-\(hex(tableHash)).bin",
            "fold": "fold-\(hex(foldHash)).bin",
        ] as [String: Any])
        let manifestName = "manifest-\(hex(hash(manifest))).json"
        try output.add([(manifestName, manifest)], emit)
        var state = state
        state.manifest = manifestName
        return Written(placed: output.placed, manifest: OutputPath(folder + manifestName)!, state: state)
    }

    /// Bytes of content hash in the name of a file of postings of its own, after the hash
    /// of its term (`t-<term hash>-<content hash>.bin`): the two together keep names apart,
    /// and the table, which names every such file, is 8 KB smaller for 10,000 articles than
    /// with 6 bytes of content hash alone.
    static let ownNameSize = 4

    static func ownFileName(termHash: UInt32, name: [UInt8]) -> String {
        "t-\(hex((0..<4).map { UInt8(truncatingIfNeeded: termHash >> (24 - 8 * $0)) }))-\(hex(name)).bin"
    }

    /// Documents a group: the table names each group by 4 bytes (2.5 KB for 10,000 articles,
    /// not 40 KB for a name each); an edit renames, and writes again, the 15 others of its
    /// group.
    static let documentGroupSize = 16

    /// The name of document `number` (oldest first) whose group is named `group`: the
    /// number keeps names apart when two groups' hashes agree.
    static func documentFileName(_ number: Int, group: [UInt8]) -> String {
        "d-\(number)-\(hex(group)).bin"
    }

    /// The name of the group of document `number`: 4 bytes of a hash of the hashes of its
    /// group's documents, each of which must be in `documentHashes`.
    static func groupName(_ documentHashes: [[UInt8]], of number: Int) -> [UInt8] {
        let first = number - number % documentGroupSize
        let members = documentHashes[first..<min(documentHashes.count, first + documentGroupSize)]
        return Array(hash(Array(members.joined())).prefix(4))
    }

    /// An article's address around its slug (`articles/` and `/index.html`): documents hold
    /// only the slug, which saves 280 KB of the 10,000-article index.
    static let articleAddress: (prefix: String, suffix: String) = {
        let probe = "x"
        let path = SitePaths.article(Slug(probe)!).rawValue
        let at = path.range(of: "/\(probe)/")!
        return (String(path[..<at.lowerBound]) + "/", "/" + String(path[at.upperBound...]))
    }()

    /// An article's document file as written: its bytes, compressed. (The same for a
    /// clean build and a patch, which must give the same bytes.)
    static func documentFile(_ article: Article, _ text: SearchText) -> [UInt8] {
        Deflate.compress(documentBytes(article, text), level: documentLevel)
    }

    /// What a result shows, one field a line: slug, date, place, title, then the text the
    /// snippet is cut from (the body as searched, so its positions line up). In
    /// UTF-16LE: compressed, Han text takes 6 % fewer bytes so than in UTF-8.
    static func documentBytes(_ article: Article, _ text: SearchText) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.original.count * 2 + 512)
        func append<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
            for scalar in scalars {
                for unit in UTF16.encode(scalar)! {
                    out.append(UInt8(truncatingIfNeeded: unit))
                    out.append(UInt8(truncatingIfNeeded: unit >> 8))
                }
            }
        }
        for line in [article.slug.rawValue, article.date.isoDate, article.regions.joined(separator: " · ")] {
            append(line.unicodeScalars)
            append(CollectionOfOne("\n"))
        }
        append(text.original[0..<max(0, text.titleEnd - 1)])
        append(CollectionOfOne("\n"))
        append(text.original[text.regionsEnd...])
        return out
    }

    /// What `emit` returned for the files so far, each path once (two empty buckets have
    /// the same bytes and name).
    struct Output<Placed: Sendable> {
        private(set) var placed: [Placed] = []
        private var seen: Set<String> = []

        /// Emits those of `files` not emitted yet, in parallel.
        mutating func add(_ files: [(name: String, bytes: [UInt8])], _ emit: @Sendable (OutputPath, [UInt8]) throws -> Placed) throws {
            let new = files.filter { seen.insert($0.name).inserted }
            placed += try new.parallelMap { try emit(OutputPath(folder + $0.name)!, $0.bytes) }
        }

        /// Emits `<prefix>-<hash>.<ext>` and returns the hash.
        @discardableResult
        mutating func add(_ prefix: String, _ bytes: [UInt8], ext: String,
                          _ emit: @Sendable (OutputPath, [UInt8]) throws -> Placed) throws -> [UInt8] {
            let name = hash(bytes)
            try add([("\(prefix)-\(hex(name)).\(ext)", bytes)], emit)
            return name
        }
    }

    /// FNV-1a, 32 bits: the bucket of a term. `search.js` computes the same.
    static func fnv1a32(_ bytes: [UInt8]) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for b in bytes { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return h
    }

    /// The top 48 bits of `StableHasher` over the bytes: enough to name a file by its
    /// content. (It reads eight bytes a step; FNV-1a, one a step, was a hundredth of a
    /// clean build, hashing the 57 MB of a 10,000-article index.)
    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        let h = StableHasher.hash(bytes)
        return (0..<6).map { UInt8(truncatingIfNeeded: h >> (56 - 8 * UInt64($0))) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func json(_ value: Any) -> [UInt8] {
        [UInt8]((try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
    }
}

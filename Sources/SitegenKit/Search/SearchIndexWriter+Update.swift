import Foundation

extension SearchIndexWriter {
    /// The most documents a patch changes, in an index of `documents`: those edited, and
    /// those removed and added again (an article added or deleted among the others moves
    /// the number of every document after it). Past it the index is written whole. A
    /// patched document costs about 0.55 ms, and a whole index grows with the articles: at
    /// 10,000, an article added 1,000 documents back (2,001 changed) was patched in 0.99 s
    /// against 1.32 s whole, 1,500 back in 1.21 s, 1,900 back in 1.48 s. So a fifth of
    /// them, and 64 at least. (A limit of 64 rebuilt the whole index for an article dated
    /// two weeks before the newest of 10,000.)
    static func mostChangedForUpdate(documents: Int) -> Int { max(64, documents / 5) }

    /// Patches the index of the last build, which `state` describes, into the index of
    /// `articles`, giving the same files a clean build gives. Only the postings of the
    /// changed articles' terms (old and new) are read back from the last index's files
    /// (`read`, by name), patched and written again, with their buckets, the changed
    /// articles' documents, the table and the manifest; every other file is kept.
    ///
    /// Articles newer than all the last index's may have been added: they become the
    /// documents after its others, which keep their numbers, and their terms' postings
    /// are patched likewise (publishing today's article rebuilt the whole index: 2 s of a
    /// 2.8 s rebuild at 10,000 articles). Likewise its newest documents may have gone
    /// with their seeds (`gone`: the articles they were), and an article added or deleted
    /// among the others moves the numbers of those after it (`SearchState.documentChanges`),
    /// which are patched too while they are not too many (`mostChangedForUpdate`).
    ///
    /// Nil, having emitted nothing, when a patch cannot give a clean build's files: the
    /// articles are not in the same places (but for the newest), with the same field layout;
    /// too many changed; the article a changed document was is not in `previous` (by
    /// origin); a file cannot be read; or the number of buckets would come out otherwise.
    /// `keep` gives, as kept, every file in the last index's folder whose name (below the
    /// folder) it is told to keep, but those it is given by name; the kept ones come back in
    /// `Written.kept`.
    static func update<Placed: Sendable>(_ state: SearchState, for articles: [Article], hashes: [UInt64], previous: [String: Article], gone: [Article] = [],
                                         ownFileThreshold: Int = ownFileThreshold,
                                         read: @Sendable (String) -> [UInt8]?, keep: (_ excluded: [String], _ keeps: (Substring) -> Bool) -> [Placed],
                                         emit: @Sendable (OutputPath, [UInt8]) throws -> Placed) throws -> Written<Placed>? {
        let ordered = Array(articles.reversed())
        let limit = mostChangedForUpdate(documents: articles.count)
        guard let (changes, added, removed) = state.documentChanges(in: articles, hashes: hashes, previous: previous, gone: gone, limit: limit),
              !changes.isEmpty || !added.isEmpty || !removed.isEmpty, changes.count + added.count + removed.count <= limit
        else { return nil }
        let layout = state.layout
        let edited = changes.map(\.document)
        // The documents whose rows are new: those edited and those added (after the others);
        // and those whose rows go: those edited and those removed (the last ones). (An
        // article among the last ones added or deleted: those after it are removed and
        // added again under their new numbers.)
        let changed = edited + added
        let (outgoing, before) = (edited + removed.map(\.document), changes.map(\.before) + removed.map(\.before))
        // The unchanged articles' lengths are as recorded: only the changed ones' are counted.
        var fieldLengths = Array(state.fieldLengths.prefix(added.lowerBound)) + added.map { SearchLayout.FieldLengths(article: ordered[$0]) }
        for document in edited { fieldLengths[document] = SearchLayout.FieldLengths(article: ordered[document]) }
        guard SearchLayout(lengths: fieldLengths) == layout else { return nil }

        // The terms of each outgoing document before, and of each changed one after.
        let terms = (before + changed.map { ordered[$0] }).parallelMap { DocumentTerms(text: SearchText(article: $0), layout: layout) }
        let (old, new) = (Array(terms[..<outgoing.count]), Array(terms[outgoing.count...]))
        var words: [UInt64: String] = [:]
        for document in terms { for (key, word) in document.words { words[key] = word } }
        // Key → the changed documents' rows, in document order, before and after. Only the
        // terms whose rows differ are patched: text added at the end of an article changes
        // only the terms it adds.
        func rows(_ terms: [DocumentTerms], of documents: [Int]) -> [UInt64: [(document: Int, positions: ArraySlice<UInt32>)]] {
            var rows: [UInt64: [(document: Int, positions: ArraySlice<UInt32>)]] = [:]
            for (document, terms) in zip(documents, terms) {
                for (key, positions) in terms.termPositions { rows[key, default: []].append((document, positions)) }
            }
            return rows
        }
        let (rowsBefore, rowsAfter) = (rows(old, of: outgoing), rows(new, of: changed))
        let affected = Set(rowsBefore.keys).union(rowsAfter.keys).filter { key in
            let (a, b) = (rowsBefore[key] ?? [], rowsAfter[key] ?? [])
            return a.count != b.count || zip(a, b).contains { $0.document != $1.document || !$0.positions.elementsEqual($1.positions) }
        }
        let changedSet = Set(changed + outgoing)

        // The affected terms by bucket.
        let buckets = state.bucketNames.count
        var byBucket: [Int: [(key: UInt64, term: [UInt8])]] = [:]
        for key in affected {
            let term = Array(SearchIndex.term(for: key, words: words).utf8)
            byBucket[Int(fnv1a32(term) & UInt32(buckets - 1)), default: []].append((key, term))
        }
        let newRows = rowsAfter
        let patched = byBucket.sorted { $0.key < $1.key }.parallelMap { bucket, terms -> PatchedBucket? in
            patch(bucket: bucket, terms: terms, state: state, rows: newRows, changed: changedSet,
                  ownFileThreshold: ownFileThreshold, read: read)
        }
        guard !patched.contains(where: { $0 == nil }) else { return nil }
        let rewritten = patched.compactMap { $0 }
        let termCount = state.termCount + rewritten.reduce(0) { $0 + $1.termsAdded - $1.termsRemoved }
        guard bucketCount(terms: termCount) == buckets else { return nil }

        // The documents of the changed and removed ones' groups: their group's name changes
        // with them. (A group of removed documents only, past the new last one, has no
        // documents now: its files go, below.)
        var documentHashes = Array(state.documentHashes.prefix(added.lowerBound)) + added.map { _ in [UInt8]() }
        let size = documentGroupSize
        let groups = Set((changed + outgoing).map { $0 / size })
        let regrouped = groups.filter { $0 * size < ordered.count }.sorted().flatMap { ($0 * size)..<min(ordered.count, ($0 + 1) * size) }
        let documents = regrouped.parallelMap { document -> [UInt8] in
            documentFile(ordered[document], SearchText(article: ordered[document]))
        }
        for (document, bytes) in zip(regrouped, documents) { documentHashes[document] = hash(bytes) }
        let groupNames = Dictionary(uniqueKeysWithValues: Set(regrouped.map { $0 / size }).map { ($0, groupName(documentHashes, of: $0 * size)) })
        let documentFiles = zip(regrouped, documents).map { (documentFileName($0, group: groupNames[$0 / size]!), $1) }

        var next = state
        next.articleHashes = hashes.reversed()
        next.termCount = termCount
        next.documentHashes = documentHashes
        next.fieldLengths = fieldLengths
        next.places.removeLast(removed.count)
        for document in edited { next.places.set(document, to: ordered[document]) }
        for document in added { next.places.append(ordered[document]) }
        next.ownFiles.removeAll { affected.contains($0.key) }
        for bucket in rewritten {
            next.bucketNames[bucket.number] = bucket.name
            next.ownFiles += bucket.own.map(\.file)
        }
        // The last index's buckets, documents and terms' own files are kept but those
        // written again and those the patch replaced: taken from the folder as the writer
        // has it, not named one by one (making and looking up the names of 10,000
        // documents was a third of a patch). The table, the folding file and the manifest
        // are written by `finish`. What is kept must be what the new index names.
        var made = Set(documentFiles.map(\.0))
        for bucket in rewritten {
            made.insert("b-\(hex(bucket.name)).bin")
            for own in bucket.own { made.insert(own.fileName) }
        }
        var replaced = made
        for bucket in rewritten { replaced.insert("b-\(hex(state.bucketNames[bucket.number])).bin") }
        for own in state.ownFiles where affected.contains(own.key) { replaced.insert(own.fileName) }
        // (A group of added documents only was not there before.)
        for group in groups where group * size < state.documentHashes.count {
            let name = groupName(state.documentHashes, of: group * size)
            for document in group * size..<min(state.documentHashes.count, (group + 1) * size) { replaced.insert(documentFileName(document, group: name)) }
        }
        // The kinds by their first two bytes (`hasPrefix` compares Characters).
        let kept = keep(Array(replaced)) { name in
            let kind = name.utf8.prefix(2)
            return kind.elementsEqual("b-".utf8) || kind.elementsEqual("d-".utf8) || kind.elementsEqual("t-".utf8)
        }
        guard kept.count + made.count == next.bucketNames.count + next.ownFiles.count + next.documentHashes.count else { return nil }

        var output = Output<Placed>()
        try output.add(documentFiles, emit)
        try output.add(rewritten.flatMap { $0.own.map { ($0.fileName, $0.bytes) } }, emit)
        try output.add(rewritten.map { ("b-\(hex($0.name)).bin", $0.bytes) }, emit)
        var written = try finish(ordered, next, output: output, emit)
        written.kept = kept
        return written
    }

    /// A bucket written again.
    struct PatchedBucket: Sendable {
        var number: Int
        var bytes: [UInt8]
        /// The hash its file is named by.
        var name: [UInt8]
        var own: [(fileName: String, bytes: [UInt8], file: SearchState.OwnFile)]
        var termsAdded = 0
        var termsRemoved = 0
    }

    /// Bucket `number` with the postings of `terms` patched: the rows of the `changed`
    /// documents taken out, and their new `rows` put in. Nil when a file cannot be read.
    static func patch(bucket number: Int, terms: [(key: UInt64, term: [UInt8])], state: SearchState,
                      rows: [UInt64: [(document: Int, positions: ArraySlice<UInt32>)]], changed: Set<Int>,
                      ownFileThreshold: Int, read: (String) -> [UInt8]?) -> PatchedBucket? {
        guard let file = read("b-\(hex(state.bucketNames[number])).bin"), let bytes = Deflate.decompress(file) else { return nil }
        let wanted = Dictionary(terms.map { ($0.key, $0.term) }, uniquingKeysWith: { a, _ in a })
        var entries: [BucketEntry] = []
        var found = Set<UInt64>()
        var removed = 0
        var reader = VarintReader(bytes)
        while !reader.isAtEnd {
            let term = Array(reader.bytes(reader.next()))
            let key = SearchTokenizer.key(String(decoding: term, as: UTF8.self))
            let stored: BucketEntry.Postings
            if reader.next() == 1 {
                let name = Array(reader.bytes(ownNameSize))
                stored = .own(name: name, size: reader.next())
            } else {
                stored = .payload(Array(reader.bytes(reader.next())))
            }
            guard wanted[key] != nil else {
                entries.append(BucketEntry(key: key, term: term, postings: stored))
                continue
            }
            found.insert(key)
            let payload: [UInt8]
            switch stored {
            case .payload(let bytes): payload = bytes
            case .own(let name, _):
                guard let file = read(ownFileName(termHash: fnv1a32(term), name: name)), let content = Deflate.decompress(file) else { return nil }
                var own = VarintReader(content)
                guard Array(own.bytes(own.next())) == term else { return nil }
                payload = Array(content[own.at...])
            }
            guard let postings = patched(payload, removing: changed, adding: rows[key] ?? []) else { return nil }
            if postings.isEmpty { removed += 1 } else { entries.append(BucketEntry(key: key, term: term, payload: postings)) }
        }
        var added = 0
        for (key, term) in terms where !found.contains(key) {
            guard let postings = patched([0], removing: [], adding: rows[key] ?? []) else { return nil }
            guard !postings.isEmpty else { continue }
            entries.append(BucketEntry(key: key, term: term, payload: postings))
            added += 1
        }
        // In key order, as a clean build lists a bucket's terms.
        entries.sort { $0.key < $1.key }
        let encoded = encodeBucket(entries, ownFileThreshold: ownFileThreshold)
        return PatchedBucket(number: number, bytes: encoded.bucket, name: hash(encoded.bucket), own: encoded.own,
                             termsAdded: added, termsRemoved: removed)
    }

    /// The postings `payload` encodes without the rows of `removing`, with `adding` (in
    /// document order) put in place; empty when no row is left, nil when `payload` is
    /// damaged. The rows before the first document removed or added are kept as they are
    /// encoded, and only those from it on are decoded and encoded again: a common term's
    /// postings hold thousands of rows, and decoding and encoding all of them for every
    /// term of an article published (its rows come after all the others) was most of its
    /// patch.
    static func patched(_ payload: [UInt8], removing: Set<Int>,
                        adding: [(document: Int, positions: ArraySlice<UInt32>)]) -> [UInt8]? {
        let cut = min(removing.min() ?? .max, adding.first?.document ?? .max)
        guard let columns = SearchPostings.Columns(of: payload, before: cut) else { return nil }
        var builder = SearchPostings.Builder(after: columns)
        var count = columns.count
        var next = adding.makeIterator()
        var pending = next.next()
        func flush(before document: Int) {
            while let row = pending, row.document < document {
                builder.add(document: row.document, positions: row.positions)
                count += 1
                pending = next.next()
            }
        }
        for row in columns.rest {
            flush(before: row.document)
            guard !removing.contains(row.document) else { continue }
            builder.add(document: row.document, positions: row.positions[...])
            count += 1
        }
        flush(before: Int.max)
        return count == 0 ? [] : builder.payload(after: payload, columns)
    }
}

extension DocumentTerms {
    /// Each term's key (as `SearchIndex` keys it) with its positions.
    var termPositions: [(key: UInt64, positions: ArraySlice<UInt32>)] {
        var result: [(key: UInt64, positions: ArraySlice<UInt32>)] = []
        result.reserveCapacity(keys.count)
        var at = 0
        for (mixed, count) in zip(keys, counts) {
            result.append((Self.unmix(mixed), positions[at..<(at + Int(count))]))
            at += Int(count)
        }
        return result
    }
}

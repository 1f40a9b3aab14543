/// The search index of a site: every term with the articles and positions it occurs at,
/// and how a query is answered. The browser's `search.js` answers from the same data, in
/// the same way; the tests of this type (also run on an index read back from the files
/// the build writes) are the tests of that logic.
///
/// Articles are numbered oldest first, so that publishing a new one leaves every other
/// number, and the postings of every term it does not use, unchanged. Positions are laid
/// out by `SearchLayout`: the position says which field a match is in.
public struct SearchIndex: Sendable {
    /// The other orders of a phrase are looked for only when it has fewer exact matches
    /// than this (`search.js` has the same number).
    public static let fewExactMatches = 20

    public struct Hit: Sendable, Equatable {
        /// The article's number (oldest first).
        public var document: Int
        public var score: Int
        /// False for a match in other word order only (石榴红 for 红石榴).
        public var isExact: Bool = true
        /// Where the first match of the first part starts, for the snippet.
        public var firstMatch: Int
    }

    /// Term → postings as stored (`SearchPostings`). Terms are keyed by number (two Han
    /// characters, or a word's hash), because hashing non-ASCII Swift strings normalises
    /// them first and costs more than the whole rest of indexing.
    public private(set) var payloads: [UInt64: [UInt8]]
    /// The text of each word term (bigram keys spell their own text).
    private(set) var words: [UInt64: String]
    public let layout: SearchLayout
    public let count: Int

    /// Texts in document order (oldest first).
    public init(texts: [SearchText], layout: SearchLayout) {
        let builder = SearchIndexBuilder(layout: layout)
        for start in stride(from: 0, to: texts.count, by: SearchIndexBuilder.batchSize) {
            builder.add(texts[start..<min(texts.count, start + SearchIndexBuilder.batchSize)].map { $0 }
                .parallelMap { DocumentTerms(text: $0, layout: layout) })
        }
        self = builder.finish()
    }

    /// The seeds' or a test's articles as a site lists them (newest first).
    public init(articles: [Article]) {
        self.init(texts: articles.reversed().map(SearchText.init(article:)), layout: SearchLayout(articles: articles))
    }

    init(payloads: [UInt64: [UInt8]], words: [UInt64: String], layout: SearchLayout, count: Int) {
        self.payloads = payloads
        self.words = words
        self.layout = layout
        self.count = count
    }

    /// Hands over a term's payload and forgets it: the writer lets each go once stored.
    mutating func removePayload(for key: UInt64) -> [UInt8]? {
        payloads.removeValue(forKey: key)
    }

    /// The postings of a term as text (a bigram or a word).
    public func postings(for term: String) -> SearchPostings? {
        payloads[SearchTokenizer.key(term)].map(SearchPostings.init(decoding:))
    }

    /// A term's text from its key.
    public func term(for key: UInt64) -> String {
        Self.term(for: key, words: words)
    }

    /// A term's text from its key: a word's from `words`, a pair's from the key itself.
    static func term(for key: UInt64, words: [UInt64: String]) -> String {
        if let word = words[key] { return word }
        var scalars = String.UnicodeScalarView()
        scalars.append(Unicode.Scalar(UInt32(key >> 32))!)
        scalars.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
        return String(scalars)
    }

    /// Articles matching every part of the query, best first: a match in the title, then
    /// in the campaigns, then in the regions; then how often and how close together the
    /// parts occur; then the newest. After them, for a one-phrase query of three or four
    /// characters whose exact matches do not fill a page, the articles that have the same
    /// characters in another order (石榴红 for 红石榴), marked as not exact.
    public func search(_ query: String) -> [Hit] {
        let parts = SearchTokenizer.query(query)
        let exact = search(parts)
        guard parts.count == 1, case let .phrase(phrase) = parts[0], (3...4).contains(phrase.count),
              exact.count < Self.fewExactMatches
        else { return exact }
        var seen = Set(exact.map(\.document))
        var similar: [Hit] = []
        for order in Self.reorderings(of: phrase) {
            for var hit in search([.phrase(order)]) where !seen.contains(hit.document) {
                seen.insert(hit.document)
                hit.isExact = false
                similar.append(hit)
            }
        }
        return exact + similar.sorted(by: Self.ranked)
    }

    static func ranked(_ a: Hit, _ b: Hit) -> Bool {
        a.score != b.score ? a.score > b.score : a.document > b.document
    }

    /// Every other order of the characters, without repeats.
    static func reorderings(of phrase: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var result: [[Unicode.Scalar]] = []
        func permute(_ prefix: [Unicode.Scalar], _ rest: [Unicode.Scalar]) {
            if rest.isEmpty {
                if prefix != phrase, !result.contains(prefix) { result.append(prefix) }
                return
            }
            for i in rest.indices {
                var remaining = rest
                let next = remaining.remove(at: i)
                permute(prefix + [next], remaining)
            }
        }
        permute([], phrase)
        return result
    }

    func search(_ parts: [SearchTokenizer.QueryPart]) -> [Hit] {
        guard !parts.isEmpty else { return [] }
        var matches: [[Int: [Int]]] = []
        for part in parts {
            let found = starts(of: part)
            if found.isEmpty { return [] }
            matches.append(found)
        }
        var documents = Set(matches[0].keys)
        for found in matches.dropFirst() { documents.formIntersection(found.keys) }
        return documents.map { document in
            let starts = matches.map { $0[document]! }
            return Hit(document: document, score: score(starts), firstMatch: starts[0].min()!)
        }.sorted(by: Self.ranked)
    }

    /// For each document, the positions where the part occurs whole, in order.
    func starts(of part: SearchTokenizer.QueryPart) -> [Int: [Int]] {
        let terms = part.terms
        var lists: [SearchPostings] = []
        for term in terms {
            guard let postings = postings(for: term.term) else { return [:] }
            lists.append(postings)
        }
        let rarest = lists.indices.min { lists[$0].documents.count < lists[$1].documents.count }!
        let byDocument = lists.map { list in Dictionary(uniqueKeysWithValues: list.documents.enumerated().map { ($1, $0) }) }
        var result: [Int: [Int]] = [:]
        for (i, document) in lists[rarest].documents.enumerated() {
            let rows = byDocument.map { $0[document] }
            if rows.contains(where: { $0 == nil }) { continue }
            let sets = zip(lists, rows).map { Set($0.positions(of: $1!)) }
            var found: [Int] = []
            for position in lists[rarest].positions(of: i) {
                let start = Int(position) - terms[rarest].offset
                if zip(terms, sets).allSatisfy({ $1.contains(Int32(start + $0.offset)) }) { found.append(start) }
            }
            if !found.isEmpty { result[Int(document)] = found }
        }
        return result
    }

    func score(_ starts: [[Int]]) -> Int {
        var score = 0
        for positions in starts {
            if positions.contains(where: { $0 < layout.campaignsBase }) { score += 1000 }
            if positions.contains(where: { $0 >= layout.campaignsBase && $0 < layout.regionsBase }) { score += 500 }
            if positions.contains(where: { $0 >= layout.regionsBase && $0 < layout.bodyBase }) { score += 200 }
            score += min(positions.count, 20)
        }
        if starts.count > 1 {
            // Parts that occur near each other (within a sentence or so) rank higher.
            var closest = Int.max
            for a in starts[0].prefix(50) { for other in starts.dropFirst() { for b in other.prefix(50) { closest = min(closest, abs(a - b)) } } }
            if closest < 30 { score += 50 - closest }
        }
        return score
    }
}

// MARK: - Building

/// Builds an index a batch of documents at a time, so that only one batch's terms are
/// held at once (all of them took 170 MB on the 10,000-article corpus). Each merge group
/// appends the batch's terms of its group to their postings, the groups in parallel.
final class SearchIndexBuilder {
    /// A multiple of `SearchIndexWriter.documentGroupSize`: the writer names a batch's
    /// documents by whole groups.
    static let batchSize = 512
    let layout: SearchLayout
    private let groups = (0..<DocumentTerms.groups).map(MergeGroup.init)
    private var words: [UInt64: String] = [:]
    private var count = 0

    init(layout: SearchLayout) {
        self.layout = layout
    }

    /// The next documents, in order.
    func add(_ batch: [DocumentTerms]) {
        let first = count
        _ = groups.parallelMap { $0.add(batch, first: first) }
        for document in batch { for (key, word) in document.words { words[key] = word } }
        count += batch.count
    }

    func finish() -> SearchIndex {
        var payloads: [UInt64: [UInt8]] = [:]
        for group in groups { group.drain { payloads[$0] = $1 } }
        return SearchIndex(payloads: payloads, words: words, layout: layout, count: count)
    }

    /// The terms of one group. Only one worker at a time touches a group.
    private final class MergeGroup: @unchecked Sendable {
        let group: Int
        /// Each term's number: its builder's place in `builders`.
        private var terms = MixedKeyNumbers(capacity: 1024)
        private var builders: [SearchPostings.Builder] = []

        init(_ group: Int) {
            self.group = group
        }

        func add(_ documents: [DocumentTerms], first: Int) {
            // Worked on as locals: a class's stored properties are checked for exclusive
            // access at every use, and this is every term of every document.
            var terms = self.terms, builders = self.builders
            (self.terms, self.builders) = (MixedKeyNumbers(capacity: 0), [])
            defer { (self.terms, self.builders) = (terms, builders) }
            for (offset, document) in documents.enumerated() {
                var at = Int(document.groupPositions[group])
                for t in Int(document.groupStarts[group])..<Int(document.groupStarts[group + 1]) {
                    let n = Int(document.counts[t])
                    let (slot, isNew) = terms.number(of: document.keys[t])
                    if isNew { builders.append(SearchPostings.Builder()) }
                    builders[Int(slot)].add(document: first + offset, positions: document.positions[at..<(at + n)])
                    at += n
                }
            }
        }

        /// Hands over every term's payload and forgets them, each as it goes: the
        /// payloads and the builders are never all held at once.
        func drain(_ body: (UInt64, [UInt8]) -> Void) {
            let keys = terms.keys
            terms = MixedKeyNumbers(capacity: 0)
            for slot in builders.indices {
                body(DocumentTerms.unmix(keys[slot]), builders[slot].payload)
                builders[slot] = SearchPostings.Builder()
            }
            builders = []
        }
    }
}

/// One document's terms, ready to merge: each distinct term once with its positions,
/// sorted by merge group (so that groups can be merged in parallel). Keys are kept
/// mixed (multiplied by an odd constant, which can be undone): the top bits of a mixed
/// key are its group, and sorting mixed keys sorts by group.
struct DocumentTerms: Sendable {
    static let groups = 16
    static let mixer: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// The inverse of `mixer` modulo 2⁶⁴ (Newton's iteration doubles the good bits).
    static let unmixer: UInt64 = {
        var inverse = mixer
        for _ in 0..<6 { inverse = inverse &* (2 &- mixer &* inverse) }
        return inverse
    }()

    @inline(__always) static func mix(_ key: UInt64) -> UInt64 { key &* mixer }
    @inline(__always) static func unmix(_ mixed: UInt64) -> UInt64 { mixed &* unmixer }
    @inline(__always) static func group(mixed: UInt64) -> Int { Int(mixed >> 60) }

    /// Mixed keys, ascending.
    var keys: [UInt64] = []
    var counts: [Int32] = []
    /// Every term's positions in the order of `keys`, each term's ascending.
    var positions: [UInt32] = []
    /// Where each group starts in `keys` and in `positions` (`groups + 1` entries).
    var groupStarts: [Int32] = []
    var groupPositions: [Int32] = []
    var words: [(UInt64, String)] = []

    /// `pairs` by key, for keys spread evenly over 64 bits as mixed keys are: one
    /// counting pass puts each in its bucket by its top bits (about one pair a bucket),
    /// then an insertion sort puts the few of each bucket in order. A fifth of the time
    /// of `sort`, which was an eighth of the search stage.
    static func sortedBySpreadKey(_ pairs: [(UInt64, Int32)]) -> [(UInt64, Int32)] {
        guard pairs.count > 16 else { return pairs.sorted { $0.0 < $1.0 } }
        var bits = 1
        while 1 << bits < pairs.count { bits += 1 }
        let shift = UInt64(64 - bits)
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        for pair in pairs { starts[Int(pair.0 >> shift) + 1] += 1 }
        for bucket in 0..<(1 << bits) { starts[bucket + 1] += starts[bucket] }
        var sorted = pairs
        sorted.withUnsafeMutableBufferPointer { out in
            for pair in pairs {
                let bucket = Int(pair.0 >> shift)
                out[starts[bucket]] = pair
                starts[bucket] += 1
            }
            // Every pair is in its bucket and the buckets are in order: no pair moves
            // past the start of its own.
            for i in 1..<out.count {
                let pair = out[i]
                var j = i
                while j > 0 && out[j - 1].0 > pair.0 {
                    out[j] = out[j - 1]
                    j -= 1
                }
                out[j] = pair
            }
        }
        return sorted
    }

    init(text: SearchText, layout: SearchLayout) {
        var terms = MixedKeyNumbers(capacity: text.folded.count)
        var occurrences: [Int32] = []
        var occurrencePositions: [UInt32] = []
        occurrences.reserveCapacity(text.folded.count)
        occurrencePositions.reserveCapacity(text.folded.count)
        var words: [(UInt64, String)] = []
        SearchTokenizer.keys(text.folded) { key, word, i in
            let (id, isNew) = terms.number(of: Self.mix(key))
            if isNew, let word { words.append((key, word)) }
            occurrences.append(id)
            occurrencePositions.append(UInt32(layout.position(i, in: text)))
        }
        self.words = words
        let termKeys = terms.keys
        var termCounts = [Int32](repeating: 0, count: termKeys.count)
        for id in occurrences { termCounts[Int(id)] += 1 }
        let order = Self.sortedBySpreadKey(termKeys.enumerated().map { ($0.element, Int32($0.offset)) })
        var fill = [Int32](repeating: 0, count: termKeys.count)
        var total: Int32 = 0
        for (_, id) in order { fill[Int(id)] = total; total += termCounts[Int(id)] }
        positions = [UInt32](repeating: 0, count: occurrences.count)
        for (k, id) in occurrences.enumerated() {
            positions[Int(fill[Int(id)])] = occurrencePositions[k]
            fill[Int(id)] += 1
        }
        keys = order.map(\.0)
        counts = order.map { termCounts[Int($0.1)] }
        groupStarts = [Int32](repeating: Int32(keys.count), count: Self.groups + 1)
        groupPositions = [Int32](repeating: Int32(positions.count), count: Self.groups + 1)
        var position: Int32 = 0
        var next = 0
        for (t, key) in keys.enumerated() {
            let group = Self.group(mixed: key)
            while next <= group { groupStarts[next] = Int32(t); groupPositions[next] = position; next += 1 }
            position += counts[t]
        }
    }
}

/// Numbers for mixed keys (`DocumentTerms.mix`, spread evenly over 64 bits), 0, 1, 2… in
/// the order first seen: an open-addressing table, as Dictionary's hashing of each key
/// cost more than the rest of the work it served (every term of every document).
struct MixedKeyNumbers {
    /// The keys by number.
    private(set) var keys: [UInt64] = []
    /// -1, or the number of the key whose probe sequence reaches here first.
    private var slots: [Int32]
    private var mask: Int

    /// Room for `capacity` keys before the table grows.
    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
    }

    /// The key's number, and whether the key is new.
    @inline(__always)
    mutating func number(of mixed: UInt64) -> (Int32, isNew: Bool) {
        var slot = Self.slot(of: mixed, mask: mask)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if keys[Int(id)] == mixed { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(keys.count)
        slots[slot] = id
        keys.append(mixed)
        if keys.count * 2 > slots.count { grow() }
        return (id, true)
    }

    @inline(__always)
    private static func slot(of mixed: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (mixed ^ (mixed >> 31)) >> 7) & mask
    }

    /// Twice the slots, every key placed again: at most half of them are ever in use.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (id, mixed) in keys.enumerated() {
            var slot = Self.slot(of: mixed, mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}

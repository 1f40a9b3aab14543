/// The search index of a site: every term with the articles and positions it occurs at,
/// and how a query is answered. The browser's `search.js` answers from the same data,
/// in the same way; the tests of this type are the tests of that logic.
public struct SearchIndex: Sendable {
    public struct Posting: Sendable, Equatable {
        /// Index into the site's articles (newest first).
        public var document: Int32
        public var positions: [Int32]
    }

    public struct Document: Sendable {
        public var titleEnd: Int
        public var campaignsEnd: Int
        public var regionsEnd: Int
        public var length: Int
    }

    public struct Hit: Sendable, Equatable {
        public var document: Int
        public var score: Int
        /// False for a match in other word order only (石榴红 for 红石榴).
        public var isExact: Bool = true
        /// Where the first match of the first part starts, for the snippet.
        public var firstMatch: Int
    }

    /// Term → postings, by document. Terms are keyed by number (two Han characters, or
    /// a word's hash), because hashing non-ASCII Swift strings normalises them first and
    /// costs more than the whole rest of indexing.
    public private(set) var postings: [UInt64: [Posting]] = [:]
    /// The text of each word term (bigram keys spell their own text).
    private(set) var words: [UInt64: String] = [:]
    public private(set) var documents: [Document] = []

    public init(texts: [SearchText]) {
        // Each article's terms in parallel; then one merge, in article order.
        let local: [(terms: [UInt64: [Int32]], words: [UInt64: String])] = texts.parallelMap { text in
            var terms: [UInt64: [Int32]] = [:]
            var words: [UInt64: String] = [:]
            SearchTokenizer.keys(text.folded) { key, word, position in
                terms[key, default: []].append(Int32(position))
                if let word { words[key] = word }
            }
            return (terms, words)
        }
        var postings: [UInt64: [Posting]] = [:]
        for (index, entry) in local.enumerated() {
            for (key, positions) in entry.terms {
                postings[key, default: []].append(Posting(document: Int32(index), positions: positions))
            }
            words.merge(entry.words) { first, _ in first }
        }
        self.postings = postings
        documents = texts.map {
            Document(titleEnd: $0.titleEnd, campaignsEnd: $0.campaignsEnd, regionsEnd: $0.regionsEnd, length: $0.folded.count)
        }
    }

    /// The postings of a term as text (a bigram or a word).
    public func postings(for term: String) -> [Posting]? {
        postings[SearchTokenizer.key(term)]
    }

    /// A term's text from its key.
    public func term(for key: UInt64) -> String {
        if let word = words[key] { return word }
        var scalars = String.UnicodeScalarView()
        scalars.append(Unicode.Scalar(UInt32(key >> 32))!)
        scalars.append(Unicode.Scalar(UInt32(key & 0xFFFF_FFFF))!)
        return String(scalars)
    }

    /// Articles matching every part of the query, best first: a match in the title, then
    /// in the campaigns, then in the regions; then how often and how close together the
    /// parts occur; then the newest. After them, for a one-phrase query of three or four
    /// characters, the articles that have the same characters in another order (石榴红
    /// for 红石榴), marked as not exact.
    public func search(_ query: String) -> [Hit] {
        let parts = SearchTokenizer.query(query)
        let exact = search(parts)
        guard parts.count == 1, case let .phrase(phrase) = parts[0], (3...4).contains(phrase.count) else { return exact }
        var seen = Set(exact.map(\.document))
        var similar: [Hit] = []
        for order in Self.reorderings(of: phrase) {
            for var hit in search([.phrase(order)]) where !seen.contains(hit.document) {
                seen.insert(hit.document)
                hit.isExact = false
                similar.append(hit)
            }
        }
        return exact + similar.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
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
            return Hit(document: document, score: score(document, starts), firstMatch: starts[0].min()!)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
    }

    /// For each document, the positions where the part occurs whole.
    func starts(of part: SearchTokenizer.QueryPart) -> [Int: [Int]] {
        let terms = part.terms
        guard let rarest = terms.min(by: { (postings(for: $0.term)?.count ?? 0) < (postings(for: $1.term)?.count ?? 0) }),
              let anchor = postings(for: rarest.term)
        else { return [:] }
        let lists = terms.map { term in postings(for: term.term).map { Dictionary(uniqueKeysWithValues: $0.map { ($0.document, $0.positions) }) } }
        if lists.contains(where: { $0 == nil }) { return [:] }
        var result: [Int: [Int]] = [:]
        for posting in anchor {
            let sets = lists.map { Set($0![posting.document] ?? []) }
            var found: [Int] = []
            for position in posting.positions {
                let start = Int(position) - rarest.offset
                if zip(terms, sets).allSatisfy({ $1.contains(Int32(start + $0.offset)) }) { found.append(start) }
            }
            if !found.isEmpty { result[Int(posting.document)] = found }
        }
        return result
    }

    func score(_ document: Int, _ starts: [[Int]]) -> Int {
        let d = documents[document]
        var score = 0
        for positions in starts {
            if positions.contains(where: { $0 < d.titleEnd }) { score += 1000 }
            if positions.contains(where: { $0 >= d.titleEnd && $0 < d.campaignsEnd }) { score += 500 }
            if positions.contains(where: { $0 >= d.campaignsEnd && $0 < d.regionsEnd }) { score += 200 }
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

/// 转载: the same article text published twice, often by a county and again by its city.
/// The build keeps one page (the earliest publication) and lists the other sources on it.
enum DuplicateFinder {
    /// Articles with duplicates folded in, in the order given, and a warning for each copy
    /// that was folded, in date order. `keys[i]` is `key(of: articles[i].body)`, computed
    /// when the article was imported.
    ///
    /// Only the articles whose text another one has are put in date order: sorting all of
    /// them, and then the articles kept back into seed order, was a third of taking 50,000
    /// articles from the cache.
    static func fold(_ articles: [Article], keys: [UInt64]) -> (articles: [Article], diagnostics: [Diagnostic]) {
        var firstWithKey: [UInt64: Int] = [:]
        firstWithKey.reserveCapacity(articles.count)
        var isShared = [Bool](repeating: false, count: articles.count)
        for (i, key) in keys.enumerated() where key != 0 {
            if let first = firstWithKey[key] {
                (isShared[first], isShared[i]) = (true, true)
            } else {
                firstWithKey[key] = i
            }
        }
        var shared = articles.indices.filter { isShared[$0] }
        guard !shared.isEmpty else { return (articles, []) }

        // Earliest first, so the original keeps the page; of one date, by seed (as
        // `positionsByDate` orders them).
        shared.sort { a, b in
            let (x, y) = (articles[a], articles[b])
            return x.date.sortKey != y.date.sortKey ? x.date.sortKey < y.date.sortKey : x.origin < y.origin
        }
        var original: [UInt64: Int] = [:]
        var copies: [Int: [Republication]] = [:]
        var folded = Set<Int>()
        var diagnostics: [Diagnostic] = []
        for i in shared {
            guard let first = original[keys[i]] else {
                original[keys[i]] = i
                continue
            }
            let copy = articles[i]
            copies[first, default: []].append(Republication(source: copy.source, origin: copy.origin, date: copy.date))
            folded.insert(i)
            diagnostics.append(.warning(copy.origin, "the same text as \(articles[first].origin) (published twice)",
                fix: "it is shown once, with both sources; delete one of the files if that is not what you want"))
        }
        var kept: [Article] = []
        kept.reserveCapacity(articles.count - folded.count)
        for i in articles.indices where !folded.contains(i) {
            var article = articles[i]
            if let copies = copies[i] { article.republished += copies }
            kept.append(article)
        }
        return (kept, diagnostics)
    }

    /// A hash of the body's letters and digits only, Traditional folded to Simplified:
    /// the same text whatever the punctuation, spacing or markup each site gave it. 0 when
    /// there are fewer than 50 of them (too short to call two articles the same).
    static func key(of body: String) -> UInt64 {
        var letters: [UInt32] = []
        letters.reserveCapacity(body.utf8.count / 3)
        for scalar in body.unicodeScalars where isLetterOrDigit(scalar) {
            letters.append(HanFolding.simplified(scalar).value)
        }
        guard letters.count >= 50 else { return 0 }
        var hasher = StableHasher()
        letters.withUnsafeBytes { hasher.combine($0) }
        return max(1, hasher.finalize())
    }

    /// Unicode's letters and digits; the common cases (ASCII, CJK ideographs, Chinese and
    /// full-width punctuation, quotation marks) without looking up character properties,
    /// which was most of the time spent here.
    @inline(__always)
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: return true
        case 0..<0x80, 0xB7, 0x2010...0x2027, 0x3000...0x3004, 0x3008...0x3020, 0xFF01...0xFF0F, 0xFF1A...0xFF20: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}

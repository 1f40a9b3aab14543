/// 转载: the same article text published twice, often by a county and again by its city.
/// The build keeps one page (the earliest publication) and lists the other sources on it.
enum DuplicateFinder {
    /// Articles with duplicates folded in, and a warning for each copy that was folded.
    /// `keys[i]` is `key(of: articles[i].body)`, computed when the article was imported.
    static func fold(_ articles: [Article], keys: [UInt64]) -> (articles: [Article], diagnostics: [Diagnostic]) {
        var firstByText: [UInt64: Int] = [:]
        var kept: [Article] = []
        var diagnostics: [Diagnostic] = []
        // Earliest first, so the original keeps the page.
        let order = articles.positionsByDate(newestFirst: false)
        for (article, key) in order.lazy.map({ (articles[$0], keys[$0]) }) {
            guard key != 0 else { kept.append(article); continue }
            if let index = firstByText[key] {
                kept[index].republished.append(Republication(source: article.source, origin: article.origin, date: article.date))
                diagnostics.append(.warning(article.origin, "the same text as \(kept[index].origin) (published twice)",
                    fix: "it is shown once, with both sources; delete one of the files if that is not what you want"))
            } else {
                firstByText[key] = kept.count
                kept.append(article)
            }
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

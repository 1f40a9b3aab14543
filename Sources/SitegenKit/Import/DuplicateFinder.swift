/// 转载: the same article text published twice, often by a county and again by its city.
/// The build keeps one page (the earliest publication) and lists the other sources on it.
enum DuplicateFinder {
    /// Articles with duplicates folded in, and a warning for each copy that was folded.
    /// `keys[i]` is `key(of: articles[i].body)`, computed when the article was imported.
    static func fold(_ articles: [Article], keys: [UInt64]) -> (articles: [Article], diagnostics: [Diagnostic]) {
        var firstByText: [UInt64: Int] = [:]
        var kept: [Article] = []
        var diagnostics: [Diagnostic] = []
        // Earliest first, so the original keeps the page; origin breaks ties the same way every build.
        let ordered = zip(articles, keys).sorted(by: { a, b in
            a.0.date != b.0.date ? a.0.date < b.0.date : a.0.origin < b.0.origin
        })
        for (article, key) in ordered {
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

    /// A hash of the body's `fingerprint`, or 0 when the body is too short to compare.
    static func key(of body: String) -> UInt64 {
        let text = fingerprint(of: body)
        return text.isEmpty ? 0 : max(1, StableHasher.hash(text))
    }

    /// The body's letters and digits only: the same text whatever the punctuation,
    /// spacing or markup each site gave it.
    static func fingerprint(of body: String) -> String {
        var text = String.UnicodeScalarView()
        for scalar in body.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            text.append(HanFolding.table[scalar] ?? scalar)
        }
        return text.count >= 50 ? String(text) : ""
    }
}

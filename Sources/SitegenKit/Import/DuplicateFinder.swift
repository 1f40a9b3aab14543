/// 转载: the same article text published twice, often by a county and again by its city.
/// The build keeps one page (the earliest publication) and lists the other sources on it.
enum DuplicateFinder {
    /// Articles with duplicates folded in, and a warning for each copy that was folded.
    static func fold(_ articles: [Article]) -> (articles: [Article], diagnostics: [Diagnostic]) {
        var firstByText: [String: Int] = [:]
        var kept: [Article] = []
        var diagnostics: [Diagnostic] = []
        // Earliest first, so the original keeps the page; origin breaks ties the same way every build.
        let ordered = articles.sorted(by: { $0.date != $1.date ? $0.date < $1.date : $0.origin < $1.origin })
        let fingerprints = ordered.parallelMap { fingerprint(of: $0.body) }
        for (article, key) in zip(ordered, fingerprints) {
            guard !key.isEmpty else { kept.append(article); continue }
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

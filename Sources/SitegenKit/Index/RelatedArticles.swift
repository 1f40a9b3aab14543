/// 相关文章: for each article, the articles that share its campaigns and region.
///
/// Scores like Hugo's `.Related` (a shared campaign counts 100, the same division 80), and
/// falls back on what a reader would follow next: the same city (40), an initiative both
/// name (30), the same province (20). It never compares every pair: each article looks only at its
/// neighbours in time within the lists it is on (an inverted index over campaigns and
/// regions), so the work is O(N·k) however popular a campaign is.
enum RelatedArticles {
    /// How many neighbours on each side of an article, in each list, are considered.
    static let window = 12

    /// Key kinds: campaign, region, city, named initiative, province.
    static let weights: [Character: Int] = ["c": 100, "r": 80, "t": 40, "n": 30, "p": 20]

    static func compute(for articles: [Article], count: Int) -> [[Int]] {
        var lists: [String: [Int]] = [:]
        // Each article's lists: the key, and where in that list the article sits.
        var listsOf: [[(key: String, position: Int)]] = Array(repeating: [], count: articles.count)
        for (index, article) in articles.enumerated() {
            var keys = article.campaigns.map { "c:" + $0 }
            keys += Set(article.campaigns + article.mentions).sorted().map { "n:" + $0 }
            if let region = article.region {
                keys.append("r:" + region.rawValue)
                if region.level == .county { keys.append("t:" + region.cityCode.rawValue) }
                if region.level != .province { keys.append("p:" + region.provinceCode.rawValue) }
            }
            for key in keys { lists[key, default: []].append(index) }
            // Its last place in each: this article's are the last entries of its lists.
            listsOf[index] = keys.map { ($0, lists[$0]!.count - 1) }
        }

        let (allLists, placesOf) = (lists, listsOf)
        return Array(articles.indices).parallelMap { index in
            var scores: [Int: Int] = [:]
            for (key, p) in placesOf[index] {
                guard let list = allLists[key] else { continue }
                let weight = Self.weights[key.first!] ?? 0
                for q in max(0, p - window)...min(list.count - 1, p + window) where list[q] != index {
                    scores[list[q], default: 0] += weight
                }
            }
            // The best `count`, in order: kept sorted as candidates come, not all sorted.
            let date = articles[index].date
            func better(_ a: (key: Int, value: Int), _ b: (key: Int, value: Int)) -> Bool {
                if a.value != b.value { return a.value > b.value }
                let (da, db) = (distance(articles[a.key].date, date), distance(articles[b.key].date, date))
                return da != db ? da < db : a.key < b.key
            }
            var best: [(key: Int, value: Int)] = []
            best.reserveCapacity(count + 1)
            for candidate in scores where best.count < count || better(candidate, best[best.count - 1]) {
                let at = best.firstIndex { better(candidate, $0) } ?? best.count
                best.insert(candidate, at: at)
                if best.count > count { best.removeLast() }
            }
            return best.map(\.key)
        }
    }

    /// A rough distance in days, enough to prefer articles close in time.
    private static func distance(_ a: ArticleDate, _ b: ArticleDate) -> Int {
        abs((a.year - b.year) * 372 + (a.month - b.month) * 31 + (a.day - b.day))
    }
}

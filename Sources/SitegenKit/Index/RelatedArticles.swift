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

    /// A list's kind: campaign, region, city, named initiative, province, each with its weight.
    enum Kind: UInt8 {
        case campaign, region, city, named, province

        var weight: Int {
            switch self {
            case .campaign: 100
            case .region: 80
            case .city: 40
            case .named: 30
            case .province: 20
            }
        }
    }

    /// A list: its kind and what its articles share (a campaign's name, a division's code).
    private struct Key: Hashable {
        var kind: Kind
        var value: String
    }

    static func compute(for articles: [Article], count: Int) -> [[Int]] {
        // The lists by number, and each article's lists with where in them it sits.
        var numbers: [Key: Int] = [:]
        var lists: [[Int]] = []
        var weights: [Int] = []
        var listsOf: [[(list: Int, position: Int)]] = Array(repeating: [], count: articles.count)
        for (index, article) in articles.enumerated() {
            var keys = article.campaigns.map { Key(kind: .campaign, value: $0) }
            keys += Set(article.campaigns + article.mentions).sorted().map { Key(kind: .named, value: $0) }
            if let region = article.region {
                keys.append(Key(kind: .region, value: region.rawValue))
                if region.level == .county { keys.append(Key(kind: .city, value: region.cityCode.rawValue)) }
                if region.level != .province { keys.append(Key(kind: .province, value: region.provinceCode.rawValue)) }
            }
            listsOf[index].reserveCapacity(keys.count)
            for key in keys {
                let list = numbers[key] ?? {
                    numbers[key] = lists.count
                    lists.append([])
                    weights.append(key.kind.weight)
                    return lists.count - 1
                }()
                // Its last place in each: this article's are the last entries of its lists.
                lists[list].append(index)
                listsOf[index].append((list, lists[list].count - 1))
            }
        }

        let (allLists, allWeights, placesOf) = (lists, weights, listsOf)
        // A run of articles at a time, each run with its own table of scores by article
        // (all zero between articles): adding up a few dozen neighbours' weights there
        // beats a dictionary or a sort.
        let run = 256
        let runs = Array(stride(from: 0, to: articles.count, by: run)).parallelMap { first -> [[Int]] in
            var scores = [Int](repeating: 0, count: articles.count)
            var touched: [Int] = []
            return (first..<min(articles.count, first + run)).map { index in
                for (list, p) in placesOf[index] {
                    let members = allLists[list], weight = allWeights[list]
                    for q in max(0, p - window)...min(members.count - 1, p + window) where members[q] != index {
                        if scores[members[q]] == 0 { touched.append(members[q]) }
                        scores[members[q]] += weight
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
                for key in touched {
                    let candidate = (key: key, value: scores[key])
                    scores[key] = 0
                    guard best.count < count || better(candidate, best[best.count - 1]) else { continue }
                    let at = best.firstIndex { better(candidate, $0) } ?? best.count
                    best.insert(candidate, at: at)
                    if best.count > count { best.removeLast() }
                }
                touched.removeAll(keepingCapacity: true)
                return best.map(\.key)
            }
        }
        return runs.flatMap { $0 }
    }

    /// A rough distance in days, enough to prefer articles close in time.
    private static func distance(_ a: ArticleDate, _ b: ArticleDate) -> Int {
        abs((a.year - b.year) * 372 + (a.month - b.month) * 31 + (a.day - b.day))
    }
}

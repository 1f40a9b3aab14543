/// 时间线: the years that have articles, each with its months.
public struct Timeline: Sendable, Equatable {
    public struct Month: Sendable, Equatable {
        public var month: Int
        /// Newest first.
        public var articles: [Int]
    }

    public struct Year: Sendable, Equatable {
        public var year: Int
        /// Latest month first.
        public var months: [Month]
        public var articleCount: Int { months.reduce(0) { $0 + $1.articles.count } }
        /// All the year's articles, newest first.
        public var articles: [Int] { months.flatMap(\.articles) }
    }

    /// Latest year first.
    public let years: [Year]

    /// `articles` must be newest first, as `SiteIndex` keeps them.
    /// The timeline as `IndexCache` kept it.
    init(years: [Year]) { self.years = years }

    init(articles: [Article]) {
        var years: [Year] = []
        for (index, article) in articles.enumerated() {
            let (y, m) = (article.date.year, article.date.month)
            if years.last?.year != y { years.append(Year(year: y, months: [])) }
            if years[years.count - 1].months.last?.month != m {
                years[years.count - 1].months.append(Month(month: m, articles: []))
            }
            let last = years[years.count - 1].months.count - 1
            years[years.count - 1].months[last].articles.append(index)
        }
        self.years = years
    }
}

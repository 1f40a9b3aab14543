/// Everything the pages need to know about the whole site, computed once: articles in a
/// stable order, the regions that have articles, the campaigns, the timeline, related
/// articles and previous/next links.
public struct SiteIndex: Sendable {
    /// Newest first; ties broken by origin path, so two builds agree.
    public let articles: [Article]
    public let regions: RegionTree
    /// By name, in the order of how many articles run them (most first), then name.
    public let campaigns: [Campaign]
    public let timeline: Timeline
    /// For each article, up to `relatedCount` related articles (indices), best first.
    public let related: [[Int]]

    public static let relatedCount = 5

    private let campaignIndex: [String: Int]

    /// `slugs` gives the campaigns' slugs when it knows them (see `SlugMemo`).
    public init(articles unsorted: [Article], gazetteer: Gazetteer) {
        self.init(articles: unsorted, gazetteer: gazetteer, slugs: SlugMemo())
    }

    init(articles unsorted: [Article], gazetteer: Gazetteer, slugs: SlugMemo) {
        let articles = SiteIndex.sorted(unsorted)
        self.init(sorted: articles, derived: Derived(articles: articles, gazetteer: gazetteer, slugs: slugs))
    }

    /// The index of `articles` (sorted newest first) with everything else in `derived`,
    /// which must have been made from articles with the same `Derived.key`.
    init(sorted articles: [Article], derived: Derived) {
        self.articles = articles
        regions = derived.regions
        campaigns = derived.campaigns
        campaignIndex = Dictionary(uniqueKeysWithValues: campaigns.enumerated().map { ($1.name, $0) })
        timeline = derived.timeline
        related = derived.related
    }

    /// Newest first.
    static func sorted(_ articles: [Article]) -> [Article] {
        articles.positionsByDate(newestFirst: true).map { articles[$0] }
    }

    /// What the index works out from the articles: it reads only their dates, origins,
    /// regions, campaigns and mentions, so a build in which only other fields changed (a
    /// body edited, a title corrected) can take it from the last build (`IndexCache`).
    struct Derived: Sendable, Equatable {
        var regions: RegionTree
        var campaigns: [Campaign]
        var timeline: Timeline
        var related: [[Int]]

        /// Works it out; `articles` sorted newest first.
        init(articles: [Article], gazetteer: Gazetteer, slugs: SlugMemo) {
            // Related articles (the most work, itself in parallel) while the rest is built here.
            let related = Pending { RelatedArticles.compute(for: articles, count: SiteIndex.relatedCount) }
            regions = RegionTree(articles: articles, gazetteer: gazetteer)
            campaigns = SiteIndex.campaigns(of: articles, slugs: slugs)
            timeline = Timeline(articles: articles)
            self.related = related.value
        }

        init(regions: RegionTree, campaigns: [Campaign], timeline: Timeline, related: [[Int]]) {
            (self.regions, self.campaigns, self.timeline, self.related) = (regions, campaigns, timeline, related)
        }

        /// A hash of all that it is worked out from: each article's date, origin, region,
        /// campaigns and mentions (`Article.indexHash`), in order.
        static func key(of articles: [Article]) -> UInt64 {
            var hasher = StableHasher()
            hasher.combine(articles.count)
            for article in articles { hasher.combine(article.indexHash) }
            return hasher.finalize()
        }
    }

    /// The campaign of this name, if any article runs it.
    public func campaign(named name: String) -> Campaign? {
        campaignIndex[name].map { campaigns[$0] }
    }

    /// The article published just before (older) and after (newer) this one.
    public func neighbours(of index: Int) -> (older: Int?, newer: Int?) {
        (index + 1 < articles.count ? index + 1 : nil, index > 0 ? index - 1 : nil)
    }
}

// MARK: - Campaigns

private extension SiteIndex {
    static func campaigns(of articles: [Article], slugs memo: SlugMemo) -> [Campaign] {
        var running: [String: [Int]] = [:]
        var mentioning: [String: [Int]] = [:]
        var regions: [String: Set<RegionCode>] = [:]
        for (index, article) in articles.enumerated() {
            for name in article.campaigns {
                running[name, default: []].append(index)
                if let region = article.region { regions[name, default: []].insert(region) }
            }
            for name in article.mentions where !article.campaigns.contains(name) {
                mentioning[name, default: []].append(index)
            }
        }
        let names = running.keys.sorted {
            let (a, b) = (running[$0]!.count, running[$1]!.count)
            return a != b ? a > b : $0 < $1
        }
        var slugs = SlugRegistry()
        return names.map { name in
            Campaign(name: name, slug: slugs.unique(for: name, memo: memo), articles: running[name]!,
                     mentioned: mentioning[name] ?? [], regions: (regions[name] ?? []).sorted())
        }
    }
}

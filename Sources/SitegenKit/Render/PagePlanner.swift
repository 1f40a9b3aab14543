/// Lists every file of the site for an index: one line per kind of page.
public enum PagePlanner {
    /// Lists longer than this paginate.
    public static let pageSize = 20

    public static func plan(_ index: SiteIndex) -> [PlannedPage] {
        var pages: [PlannedPage] = [
            PlannedPage(path: SitePaths.home, kind: .home),
            PlannedPage(path: SitePaths.regions, kind: .regionIndex),
            PlannedPage(path: SitePaths.campaigns, kind: .campaignIndex),
            PlannedPage(path: SitePaths.timeline, kind: .timeline),
            PlannedPage(path: SitePaths.search, kind: .search),
            PlannedPage(path: SitePaths.notFound, kind: .notFound),
            PlannedPage(path: SitePaths.feed, kind: .siteFeed),
            PlannedPage(path: SitePaths.sitemap, kind: .sitemap),
            PlannedPage(path: SitePaths.robots, kind: .robots),
        ]
        for (i, article) in index.articles.enumerated() {
            pages.append(PlannedPage(path: SitePaths.article(article.slug), kind: .article(i)))
        }
        for code in index.regions.nodes.keys.sorted() {
            let count = index.regions[code]?.all.count ?? 0
            for page in 1...pageCount(count) {
                pages.append(PlannedPage(path: SitePaths.region(code, page: page), kind: .region(code, page: page)))
            }
            pages.append(PlannedPage(path: SitePaths.regionFeed(code), kind: .regionFeed(code)))
        }
        for (i, campaign) in index.campaigns.enumerated() {
            for page in 1...pageCount(campaign.articles.count + campaign.mentioned.count) {
                pages.append(PlannedPage(path: SitePaths.campaign(campaign.slug, page: page), kind: .campaign(i, page: page)))
            }
            pages.append(PlannedPage(path: SitePaths.campaignFeed(campaign.slug), kind: .campaignFeed(i)))
        }
        for year in index.timeline.years {
            for page in 1...pageCount(year.articleCount) {
                pages.append(PlannedPage(path: SitePaths.year(year.year, page: page), kind: .year(year.year, page: page)))
            }
        }
        return pages
    }

    /// The pages of `plan(index)` that may show the bodies of `articles` (numbers;
    /// `PlannedPage.mayShowBody`), in its order, without planning the others: when only
    /// bodies changed, the rest are the last build's. (Planning all 16,500 pages of a
    /// 10,000-article site took 13 ms of CPU in a rebuild after an edit.)
    public static func pages(showingBodiesOf articles: Set<Int>, in index: SiteIndex) -> [PlannedPage] {
        [PlannedPage(path: SitePaths.search, kind: .search), PlannedPage(path: SitePaths.notFound, kind: .notFound)]
            + articles.filter(index.articles.indices.contains).sorted().map {
                PlannedPage(path: SitePaths.article(index.articles[$0].slug), kind: .article($0))
            }
    }

    /// The pages that may show anything of `articles` (numbers) but their bodies, when the
    /// site index is as it was (the same articles in the same order, the same regions,
    /// campaigns, timeline and related lists): their own pages; the pages whose cards, links
    /// or feed entries name them (their neighbours in time, the articles that list them as
    /// related, the home page and site feed for the newest twenty, the region, campaign and
    /// year pages that list them and the feeds of those regions and campaigns); the search
    /// and not-found pages, which name the search index; and the sitemap when `slugsChanged`.
    /// Every other page shows only what the index gives (names, counts, page numbers), so
    /// when just those articles changed it comes out as the last build wrote it.
    public static func kinds(showing articles: Set<Int>, slugsChanged: Bool, in index: SiteIndex) -> Set<PlannedPage.Kind> {
        var kinds: Set<PlannedPage.Kind> = [.search, .notFound]
        if slugsChanged { kinds.insert(.sitemap) }
        func shows(_ list: some Sequence<Int>) -> Bool { list.contains(where: articles.contains) }
        // The pages of a list that show them, twenty to a page.
        func listing(_ list: some Sequence<Int>, page: (Int) -> PlannedPage.Kind) {
            for (position, i) in list.enumerated() where articles.contains(i) { kinds.insert(page(position / pageSize + 1)) }
        }
        for i in articles {
            kinds.insert(.article(i))
            let (older, newer) = index.neighbours(of: i)
            for neighbour in [older, newer].compactMap({ $0 }) { kinds.insert(.article(neighbour)) }
        }
        // The home page and the site feed show the newest twenty, each feed its list's first.
        if articles.contains(where: { $0 < pageSize }) { kinds.formUnion([.home, .siteFeed]) }
        for (i, related) in index.related.enumerated() where shows(related) { kinds.insert(.article(i)) }
        for (code, node) in index.regions.nodes {
            listing(node.all, page: { .region(code, page: $0) })
            if shows(node.all.prefix(pageSize)) { kinds.insert(.regionFeed(code)) }
        }
        for (i, campaign) in index.campaigns.enumerated() {
            // Its pages run through the articles that run it, then those that mention it; its
            // feed shows those that run it.
            listing(campaign.articles + campaign.mentioned, page: { .campaign(i, page: $0) })
            if shows(campaign.articles.prefix(pageSize)) { kinds.insert(.campaignFeed(i)) }
        }
        for year in index.timeline.years {
            listing(year.months.lazy.flatMap(\.articles), page: { .year(year.year, page: $0) })
        }
        return kinds
    }

    /// Where deleted articles were in the last build's index: the regions (by code),
    /// campaigns (by name) and years whose lists had them, and the articles (this build's
    /// numbers) on either side of them in time.
    public struct Deleted: Sendable {
        public var regions: Set<RegionCode> = []
        public var campaigns: Set<String> = []
        public var years: Set<Int> = []
        public var neighbours: Set<Int> = []
        public init() {}
    }

    /// The pages that may differ when `added` (numbers) are new articles, the `deleted` are
    /// gone, and every other article is as the last build had it, in the same order, with
    /// the same campaigns (names and slugs); `relatedChanged`, the articles whose related
    /// list is not the last build's. Those of `kinds(showing:)` for the new articles; every
    /// page of each list that one joins or leaves, whose count and page numbers move (its
    /// region and the regions around it, with their chips; its campaigns, with the regions
    /// that run them; its year), with the feeds of those lists; the neighbours in time of
    /// the deleted; the pages of counts (home, the region and campaign indexes, the
    /// timeline) and the site feed; and the articles whose related list changed (an
    /// article joining or leaving a list moves which neighbours each one near it looks at).
    /// No other page shows anything that an added or deleted article changes.
    public static func kinds(added: Set<Int>, deleted: Deleted, relatedChanged: Set<Int>, in index: SiteIndex) -> Set<PlannedPage.Kind> {
        var kinds = kinds(showing: added, slugsChanged: true, in: index)
        kinds.formUnion([.home, .regionIndex, .campaignIndex, .timeline, .siteFeed])
        kinds.formUnion(relatedChanged.union(deleted.neighbours).map { .article($0) })
        func has(_ list: some Sequence<Int>) -> Bool { list.contains(where: added.contains) }
        for (code, node) in index.regions.nodes where has(node.all) || deleted.regions.contains(code) {
            kinds.formUnion((1...pageCount(node.all.count)).map { .region(code, page: $0) })
            if deleted.regions.contains(code) { kinds.insert(.regionFeed(code)) }
        }
        for (i, campaign) in index.campaigns.enumerated() where has(campaign.articles) || has(campaign.mentioned) || deleted.campaigns.contains(campaign.name) {
            kinds.formUnion((1...pageCount(campaign.articles.count + campaign.mentioned.count)).map { .campaign(i, page: $0) })
            if deleted.campaigns.contains(campaign.name) { kinds.insert(.campaignFeed(i)) }
        }
        for year in index.timeline.years where year.months.contains(where: { has($0.articles) }) || deleted.years.contains(year.year) {
            kinds.formUnion((1...pageCount(year.articleCount)).map { .year(year.year, page: $0) })
        }
        return kinds
    }

    /// At least one page, so an empty list still has a page that says so.
    public static func pageCount(_ items: Int) -> Int {
        max(1, (items + pageSize - 1) / pageSize)
    }
}

// The values the Mustache templates see. Templates are logic-less, so everything a page
// shows (relative URLs, dates as Chinese readers write them, breadcrumbs, counts) is
// computed here. Field names are the template's vocabulary: keep them stable.

/// A titled link.
struct Link: Sendable {
    var title: String
    /// nil for the current page's own crumb, or a name with no page.
    var url: String?
    /// A count to show beside it (articles in a region, a campaign…), if any.
    var count: Int?
}

struct NavItem: Sendable {
    var title: String
    var url: String
    var isCurrent: Bool
}

/// What every page's frame needs: `layout.mustache` reads these.
struct Layout: Sendable {
    let lang = "zh-CN"
    var siteName: String
    /// The full `<title>`: page title and site name.
    var documentTitle: String
    var description: String
    /// Relative prefix to the site root (`../../`), for the stylesheet and the nav.
    var root: String
    var home: String
    var stylesheet: String
    var searchPage: String
    var canonical: String?
    var feed: String?
    var nav: [NavItem]
    var breadcrumbs: [Link]
    var hasBreadcrumbs: Bool { !breadcrumbs.isEmpty }
}

/// An article in a list.
struct ArticleCard: Sendable {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var place: String?
    var summary: String
    var campaigns: [Link]
    var hasCampaigns: Bool { !campaigns.isEmpty }
}

struct PageLink: Sendable {
    var number: Int
    var url: String
    var isCurrent: Bool
}

struct Pagination: Sendable {
    var pages: [PageLink]
    var previous: String?
    var next: String?
    var isPaginated: Bool { pages.count > 1 }
    var current: Int
    var total: Int
}

struct HomePage: Sendable {
    var layout: Layout
    var latest: [ArticleCard]
    var provinces: [Link]
    var campaigns: [Link]
    var years: [Link]
    var articleCount: Int
    var regionCount: Int
    var campaignCount: Int
    var moreArticles: String
}

struct TableOfContentsEntry: Sendable {
    var id: String
    var text: String
}

struct ArticlePage: Sendable {
    var layout: Layout
    var title: String
    var date: String
    var isoDate: String
    var source: String?
    var regions: [Link]
    var hasRegions: Bool { !regions.isEmpty }
    var campaigns: [Link]
    var hasCampaigns: Bool { !campaigns.isEmpty }
    var mentions: [Link]
    var hasMentions: Bool { !mentions.isEmpty }
    var toc: [TableOfContentsEntry]
    var hasToc: Bool { toc.count >= 2 }
    var body: String
    var related: [ArticleCard]
    var hasRelated: Bool { !related.isEmpty }
    var older: Link?
    var newer: Link?
}

/// One division in the region tree, with its children (rendered by a recursive partial).
struct RegionTreeNode: Sendable {
    var name: String
    var url: String
    var count: Int
    var children: [RegionTreeNode]
    var hasChildren: Bool { !children.isEmpty }
}

struct RegionIndexPage: Sendable {
    var layout: Layout
    var provinces: [RegionTreeNode]
}

struct RegionPage: Sendable {
    var layout: Layout
    var name: String
    var level: String
    var count: Int
    var children: [Link]
    var hasChildren: Bool { !children.isEmpty }
    var campaigns: [Link]
    var hasCampaigns: Bool { !campaigns.isEmpty }
    var articles: [ArticleCard]
    var pagination: Pagination
    var feed: String
}

struct CampaignIndexPage: Sendable {
    var layout: Layout
    var campaigns: [Link]
    var count: Int { campaigns.count }
}

struct CampaignPage: Sendable {
    var layout: Layout
    var name: String
    var runCount: Int
    var mentionCount: Int
    var articles: [ArticleCard]
    var hasArticles: Bool { !articles.isEmpty }
    var mentions: [ArticleCard]
    var hasMentions: Bool { !mentions.isEmpty }
    var regions: [Link]
    var hasRegions: Bool { !regions.isEmpty }
    var pagination: Pagination
    var feed: String
}

struct MonthGroup: Sendable {
    var title: String
    var id: String
    var articles: [ArticleCard]
}

struct YearSummary: Sendable {
    var year: Int
    var url: String
    var count: Int
    var months: [Link]
}

struct TimelinePage: Sendable {
    var layout: Layout
    var years: [YearSummary]
}

struct YearPage: Sendable {
    var layout: Layout
    var year: Int
    var count: Int
    var months: [MonthGroup]
    var pagination: Pagination
}

struct SimplePage: Sendable {
    var layout: Layout
    var regions: String
    var campaigns: String
    var timeline: String
}

/// An Atom feed.
struct FeedContext: Sendable {
    var title: String
    var author: String
    var id: String
    var selfURL: String
    var pageURL: String
    var updated: String
    var entries: [FeedEntry]
}

struct FeedEntry: Sendable {
    var title: String
    var url: String
    var updated: String
    var summary: String
    var source: String?
    var categories: [String]
}

struct SitemapContext: Sendable {
    var urls: [String]
}

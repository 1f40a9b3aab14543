import Mustache

// The values the Mustache templates see. Templates are logic-less, so everything a page
// shows (relative URLs, dates as Chinese readers write them, breadcrumbs, counts) is
// computed here. Field names are the template's vocabulary: keep them stable.
// Mustache reads these through Mirror, which sees stored properties only: no computed
// properties here. Templates test lists with `{{^empty(list)}}…{{/empty(list)}}`.

/// A titled link.
struct Link: Sendable, Encodable {
    var title: String
    /// nil for the current page's own crumb, or a name with no page.
    var url: String?
    /// A count to show beside it (articles in a region, a campaign…), if any.
    var count: Int?
}

struct NavItem: Sendable, Encodable {
    var title: String
    var url: String
    var isCurrent: Bool
}

/// What a page's header and footer show (`header.mustache`, `footer.mustache`): the same
/// on every page at one folder depth in one section of the nav, so each pair is rendered
/// once and shared (`SiteRenderer.frames`). Every page rendering them was a fifth of
/// rendering.
///
/// A page's fingerprint takes the frame's own, made once with the frame, rather than every
/// field again: hashing them for each of 16,500 pages, and making the frame, was a fifth
/// of a page's fingerprint.
struct SiteFrame: Sendable, Encodable {
    struct Fields: Sendable, Encodable {
        let lang = "zh-CN"
        var siteName: String
        /// Relative prefix to the site root (`../../`).
        var root: String
        var home: String
        var stylesheet: String
        var favicon: String
        var searchPage: String
        var nav: [NavItem]
    }

    let fields: Fields
    /// The hash of `fields`.
    let fingerprint: UInt64

    init(_ fields: Fields) {
        self.fields = fields
        fingerprint = HashingEncoder.hash(fields)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fingerprint)
    }
}

/// HTML rendered once and shared by many pages. It adds nothing to a page's fingerprint:
/// it follows from the layout's other fields and the templates, both of which count.
struct SharedHTML: Sendable, Encodable, MustacheCustomRenderable {
    let html: String
    var renderText: String { html }
    var isNull: Bool { false }
    func encode(to encoder: any Encoder) throws {}
}

/// What every page's frame needs: `layout.mustache` reads these, and the frame's fields
/// by their own names (`layout.siteName`, `layout.root`…).
struct Layout: Sendable, Encodable {
    var frame: SiteFrame
    /// The full `<title>`: page title and site name.
    var documentTitle: String
    var description: String
    var canonical: String?
    var feed: String?
    var breadcrumbs: [Link]
    /// `breadcrumbs` rendered with `breadcrumb.mustache`, when the layout places it.
    var breadcrumb: SharedFragment
    /// The header and footer, rendered from `frame`.
    var header: SharedHTML
    var footer: SharedHTML
}

/// What `breadcrumb.mustache` sees: the trail, from the home page to the page itself.
struct BreadcrumbTrail: Sendable {
    var breadcrumbs: [Link]
}

/// HTML that pages share, made when a template places it (so a context made only to be
/// fingerprinted never renders it) and then kept for the next page (`SharedTable`). It
/// counts nothing in a fingerprint: what it is rendered from is in the context's other
/// fields.
struct SharedFragment: Sendable, Encodable, MustacheCustomRenderable {
    let make: @Sendable () -> String
    var renderText: String { make() }
    var isNull: Bool { false }
    func encode(to encoder: any Encoder) throws {}
}

/// An article in a list.
struct ArticleCard: Sendable, Encodable {
    var title: String
    var url: String
    var date: String
    var isoDate: String
    var place: String?
    var summary: String
    var campaigns: [Link]
}

/// An article's card as HTML, rendered from `card.mustache` once per folder depth and
/// reused on every page that lists the article (templates insert it with `{{{html}}}`).
struct RenderedCard: Sendable, Encodable {
    /// Empty in a context made only to be fingerprinted.
    var html: String
    /// The card's fingerprint (a hash of what it is rendered from): what a page's
    /// fingerprint takes of the card in place of its HTML, which it then need not render.
    /// Empty in a context made only to be rendered.
    var fingerprint: String

    func encode(to encoder: any Encoder) throws {
        assert(!fingerprint.isEmpty, "a card rendered without its fingerprint was fingerprinted")
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fingerprint, forKey: .fingerprint)
    }

    private enum CodingKeys: String, CodingKey { case fingerprint }
}

struct PageLink: Sendable, Encodable {
    var number: Int
    var url: String
    var isCurrent: Bool
    /// Pages are left out between the one shown before and this one (the pager shows …).
    var gapBefore: Bool
}

struct Pagination: Sendable, Encodable {
    var pages: [PageLink]
    var previous: String?
    var next: String?
    var current: Int
    var total: Int
    var isPaginated: Bool
}

struct HomePage: Sendable, Encodable {
    var layout: Layout
    var latest: [RenderedCard]
    var provinces: [Link]
    var campaigns: [Link]
    var years: [Link]
    var articleCount: Int
    var regionCount: Int
    var campaignCount: Int
    var moreArticles: String
}

struct TableOfContentsEntry: Sendable, Encodable {
    var id: String
    var text: String
}

struct ArticlePage: Sendable, Encodable {
    var layout: Layout
    var title: String
    var date: String
    var isoDate: String
    var source: String?
    /// Other sources that published the same text (转载), with their dates, if any.
    var republished: String?
    var regions: [Link]
    var campaigns: [Link]
    var mentions: [Link]
    var toc: [TableOfContentsEntry]
    var body: String
    var related: [RenderedCard]
    var older: Link?
    var newer: Link?
}

/// One division in the region tree, with its children (rendered by a recursive partial).
struct RegionTreeNode: Sendable, Encodable {
    var name: String
    var url: String
    var count: Int
    var children: [RegionTreeNode]
}

struct RegionIndexPage: Sendable, Encodable {
    var layout: Layout
    var provinces: [RegionTreeNode]
}

struct RegionPage: Sendable, Encodable {
    var layout: Layout
    var name: String
    var level: String
    var count: Int
    var children: [Link]
    var campaigns: [Link]
    var articles: [RenderedCard]
    var pagination: Pagination
    var feed: String
}

struct CampaignIndexPage: Sendable, Encodable {
    var layout: Layout
    var campaigns: [Link]
    var count: Int
}

struct CampaignPage: Sendable, Encodable {
    var layout: Layout
    var name: String
    var runCount: Int
    var mentionCount: Int
    var articles: [RenderedCard]
    var mentions: [RenderedCard]
    var regions: [Link]
    var pagination: Pagination
    var feed: String
}

struct MonthGroup: Sendable, Encodable {
    var title: String
    var id: String
    var articles: [RenderedCard]
}

struct YearSummary: Sendable, Encodable {
    var year: Int
    var url: String
    var count: Int
    var months: [Link]
}

struct TimelinePage: Sendable, Encodable {
    var layout: Layout
    var years: [YearSummary]
}

struct YearPage: Sendable, Encodable {
    var layout: Layout
    var year: Int
    var count: Int
    var months: [MonthGroup]
    var pagination: Pagination
}

struct SimplePage: Sendable, Encodable {
    var layout: Layout
    var regions: String
    var campaigns: String
    var timeline: String
    /// The search index's manifest and the script that reads it (search page only).
    var searchManifest: String?
    var searchScript: String
}

/// An Atom feed.
struct FeedContext: Sendable, Encodable {
    var title: String
    var author: String
    var id: String
    var selfURL: String
    var pageURL: String
    var updated: String
    var entries: [FeedEntry]
}

struct FeedEntry: Sendable, Encodable {
    var title: String
    var url: String
    var updated: String
    var summary: String
    var source: String?
    var categories: [String]
    /// The entry rendered with `feed_entry.mustache`: the same in every feed that has the
    /// article, so rendered once.
    var html = SharedFragment { "" }
}

struct SitemapContext: Sendable, Encodable {
    var urls: [String]
}

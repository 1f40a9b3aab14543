/// 文章: one published news article, as every stage after import sees it.
public struct Article: Sendable, Equatable, Encodable {
    /// Clean title, without site column prefixes or markers such as `(图)`.
    public var title: String
    public var date: ArticleDate
    /// The organisation credited as source (来源).
    public var source: String?
    /// The most specific division the article is about.
    public var region: RegionCode?
    /// Names from province down to `region`, e.g. `[甘肃省, 兰州市, 永登县]`.
    public var regions: [String]
    /// Named work models (示范创建 campaigns), primary first, without quote marks.
    public var campaigns: [String]
    /// Other named initiatives the body refers to.
    public var mentions: [String]
    /// The seed file it came from, relative to the project (`seeds/…`).
    public var origin: String
    public var slug: Slug
    /// One or two sentences for lists and feeds.
    public var summary: String
    /// The body as normalised CommonMark (`body.markdown`), in memory or read from disk.
    public var body: ArticleBody
    /// The same text published again by others (转载): their sources and seed files. Set by
    /// the build, which keeps one page for a republished article; never in front matter.
    public var republished: [Republication] = []

    public init(
        title: String, date: ArticleDate, source: String?, region: RegionCode?,
        regions: [String], campaigns: [String], mentions: [String], origin: String,
        slug: Slug, summary: String, body: String
    ) {
        self.title = title
        self.date = date
        self.source = source
        self.region = region
        self.regions = regions
        self.campaigns = campaigns
        self.mentions = mentions
        self.origin = origin
        self.slug = slug
        self.summary = summary
        self.body = ArticleBody(body)
    }
}

/// One more publication of the same text (转载), by another source.
public struct Republication: Sendable, Equatable, Encodable {
    public var source: String?
    public var origin: String
    public var date: ArticleDate
}

extension Article {
    /// A hash of every field (the body by its hash): two articles hash the same only when
    /// equal, in any process. Written out field by field rather than through
    /// `HashingEncoder`, which cost a rebuild tens of milliseconds for 10,000 articles.
    /// (A field added to `Article` must be added here.)
    var contentHash: UInt64 {
        var hasher = StableHasher()
        func combine(_ string: String) {
            hasher.combine(string.utf8.count)
            hasher.combine(string)
        }
        func combine(_ string: String?) {
            hasher.combine(string == nil ? 0 : 1)
            if let string { combine(string) }
        }
        func combine(_ strings: [String]) {
            hasher.combine(strings.count)
            for string in strings { combine(string) }
        }
        func combine(_ date: ArticleDate) {
            for part in [date.year, date.month, date.day, date.hour ?? -1, date.minute ?? -1] { hasher.combine(part) }
        }
        combine(title)
        combine(date)
        combine(source)
        combine(region?.rawValue)
        combine(regions)
        combine(campaigns)
        combine(mentions)
        combine(origin)
        combine(slug.rawValue)
        combine(summary)
        hasher.combine(body.hash)
        hasher.combine(body.utf8Count)
        hasher.combine(republished.count)
        for copy in republished {
            combine(copy.source)
            combine(copy.origin)
            combine(copy.date)
        }
        return hasher.finalize()
    }
}

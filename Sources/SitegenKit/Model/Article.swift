/// 文章: one published news article, as every stage after import sees it.
///
/// Its fields live in one box shared by its copies until one of them is changed: an
/// article is copied many times on its way through a build (into the cache, lists sorted
/// by date, the index, the search index), and copying a box is one reference count, not
/// one for each of its dozen strings and arrays (a sixth of an edit's time).
public struct Article: Sendable, Equatable {
    /// Clean title, without site column prefixes or markers such as `(图)`.
    public var title: String {
        get { box.fields.title }
        set { unique().fields.title = newValue }
    }
    public var date: ArticleDate {
        get { box.fields.date }
        set { unique().fields.date = newValue }
    }
    /// The organisation credited as source (来源).
    public var source: String? {
        get { box.fields.source }
        set { unique().fields.source = newValue }
    }
    /// The most specific division the article is about.
    public var region: RegionCode? {
        get { box.fields.region }
        set { unique().fields.region = newValue }
    }
    /// Names from province down to `region`, e.g. `[甘肃省, 兰州市, 永登县]`.
    public var regions: [String] {
        get { box.fields.regions }
        set { unique().fields.regions = newValue }
    }
    /// Named work models (示范创建 campaigns), primary first, without quote marks.
    public var campaigns: [String] {
        get { box.fields.campaigns }
        set { unique().fields.campaigns = newValue }
    }
    /// Other named initiatives the body refers to.
    public var mentions: [String] {
        get { box.fields.mentions }
        set { unique().fields.mentions = newValue }
    }
    /// The seed file it came from, relative to the project (`seeds/…`).
    public var origin: String {
        get { box.fields.origin }
        set { unique().fields.origin = newValue }
    }
    public var slug: Slug {
        get { box.fields.slug }
        set { unique().fields.slug = newValue }
    }
    /// One or two sentences for lists and feeds.
    public var summary: String {
        get { box.fields.summary }
        set { unique().fields.summary = newValue }
    }
    /// The body in CommonMark (`body.markdown`), in memory or read from disk: normalised
    /// when imported from a page, as written when authored.
    public var body: ArticleBody {
        get { box.fields.body }
        set { unique().fields.body = newValue }
    }
    /// The same text published again by others (转载): their sources and seed files. Set by
    /// the build, which keeps one page for a republished article; never in front matter.
    public var republished: [Republication] {
        get { box.fields.republished }
        set { unique().fields.republished = newValue }
    }

    private var box: Box

    public init(
        title: String, date: ArticleDate, source: String?, region: RegionCode?,
        regions: [String], campaigns: [String], mentions: [String], origin: String,
        slug: Slug, summary: String, body: String
    ) {
        box = Box(Fields(title: title, date: date, source: source, region: region, regions: regions, campaigns: campaigns,
                         mentions: mentions, origin: origin, slug: slug, summary: summary, body: ArticleBody(body)))
    }

    /// The box, copied first when another article shares it, about to be changed: the
    /// hashes recorded of its fields no longer hold.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        (box.contentHash, box.indexHash) = (nil, nil)
        return box
    }

    /// Records `contentHash` and `indexHash` as computed before, when the article was
    /// written to the article cache with these fields: hashing 10,000 articles' fields
    /// again took 11 and 2.5 ms of a rebuild after an edit (44 and 20 ms at 50,000). Any
    /// change to a field forgets them.
    mutating func record(contentHash: UInt64, indexHash: UInt64) {
        let box = unique()
        (box.contentHash, box.indexHash) = (contentHash, indexHash)
    }

    public static func == (a: Article, b: Article) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    /// Changed only through `unique()`, when no other article holds it: never while shared.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        /// `Article.contentHash` and `Article.indexHash` of `fields`, when recorded
        /// (`record(contentHash:indexHash:)`).
        var contentHash: UInt64?
        var indexHash: UInt64?
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Equatable {
        var title: String
        var date: ArticleDate
        var source: String?
        var region: RegionCode?
        var regions: [String]
        var campaigns: [String]
        var mentions: [String]
        var origin: String
        var slug: Slug
        var summary: String
        var body: ArticleBody
        var republished: [Republication] = []
    }
}

/// One more publication of the same text (转载), by another source.
public struct Republication: Sendable, Equatable {
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
        box.contentHash ?? computedContentHash
    }

    /// A hash of the fields the site index reads (`SiteIndex.Derived`): the date, origin,
    /// region, campaigns and mentions.
    var indexHash: UInt64 {
        box.indexHash ?? computedIndexHash
    }

    /// `indexHash` worked out from the fields.
    var computedIndexHash: UInt64 {
        var hasher = StableHasher()
        hasher.combine(date)
        hasher.combine(origin)
        hasher.combine(region?.rawValue ?? "")
        hasher.combine(campaigns.count)
        for name in campaigns { hasher.combine(name) }
        hasher.combine(mentions.count)
        for name in mentions { hasher.combine(name) }
        return hasher.finalize()
    }

    /// `contentHash` worked out from the fields.
    var computedContentHash: UInt64 {
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
        combine(title)
        hasher.combine(date)
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
            hasher.combine(copy.date)
        }
        return hasher.finalize()
    }
}

private extension StableHasher {
    /// A date's parts, an hour and minute not given as -1: the same in both hashes above.
    mutating func combine(_ date: ArticleDate) {
        for part in [date.year, date.month, date.day, date.hour ?? -1, date.minute ?? -1] { combine(part) }
    }
}

extension [Article] {
    /// The articles' positions by date, newest or oldest first, and by origin among those of
    /// one date, the same way on every build. Numbers are sorted, not the articles (moving
    /// those was most of the sort's time), on keys taken out first (through the articles,
    /// the comparisons took 3 ms of an edit's CPU).
    func positionsByDate(newestFirst: Bool) -> [Int] {
        let dates = map(\.date.sortKey), origins = map(\.origin)
        return indices.sorted { a, b in
            dates[a] != dates[b] ? (dates[a] > dates[b]) == newestFirst : origins[a] < origins[b]
        }
    }
}

/// One file the site will have, and what goes into it. Planning is cheap and keeps no
/// rendered text, so a page's content is built only when it is written.
public struct PlannedPage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case home
        case article(Int)
        case regionIndex
        case region(RegionCode, page: Int)
        case campaignIndex
        case campaign(Int, page: Int)
        case timeline
        case year(Int, page: Int)
        case search
        case notFound
        case siteFeed
        case regionFeed(RegionCode)
        case campaignFeed(Int)
        case sitemap
        case robots
    }

    public var path: OutputPath
    public var kind: Kind

    /// Whether the page shows article cards in bulk (related articles, lists); the home
    /// page's few are rendered on the spot.
    var listsCards: Bool {
        switch kind {
        case .article, .region, .campaign, .year: return true
        default: return false
        }
    }

    /// Whether the page may change when only the bodies of `articles` (numbers) change:
    /// their own pages, and the pages that name the search index, which changes with them.
    /// Every other page shows no article's body (cards and feeds show the summary).
    func mayShowBody(of articles: Set<Int>) -> Bool {
        switch kind {
        case let .article(i): return articles.contains(i)
        case .search, .notFound: return true
        default: return false
        }
    }

    public init(path: OutputPath, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// The site's URL scheme in one place: where each page of the site lives.
public enum SitePaths {
    public static let home = OutputPath("index.html")!
    public static let regions = OutputPath.page("regions")
    public static let campaigns = OutputPath.page("campaigns")
    public static let timeline = OutputPath.page("timeline")
    public static let search = OutputPath.page("search")
    public static let notFound = OutputPath("404.html")!
    public static let feed = OutputPath("feed.xml")!
    public static let sitemap = OutputPath("sitemap.xml")!
    public static let robots = OutputPath("robots.txt")!
    public static let stylesheet = OutputPath("assets/style.css")!
    public static let searchScript = OutputPath("assets/search.js")!
    public static let favicon = OutputPath("assets/favicon.svg")!

    public static func article(_ slug: Slug) -> OutputPath { .page("articles", slug.rawValue) }

    public static func region(_ code: RegionCode, page: Int = 1) -> OutputPath {
        page == 1 ? .page("regions", code.rawValue) : .page("regions", code.rawValue, "page", String(page))
    }

    public static func regionFeed(_ code: RegionCode) -> OutputPath { OutputPath("regions/\(code.rawValue)/feed.xml")! }

    public static func campaign(_ slug: Slug, page: Int = 1) -> OutputPath {
        page == 1 ? .page("campaigns", slug.rawValue) : .page("campaigns", slug.rawValue, "page", String(page))
    }

    public static func campaignFeed(_ slug: Slug) -> OutputPath { OutputPath("campaigns/\(slug.rawValue)/feed.xml")! }

    public static func year(_ year: Int, page: Int = 1) -> OutputPath {
        page == 1 ? .page("timeline", String(year)) : .page("timeline", String(year), "page", String(page))
    }
}

import Foundation

/// Turns a planned page into its bytes: builds the page's context from the index, then
/// renders it with the page's template.
public struct SiteRenderer: Sendable {
    public let index: SiteIndex
    public let config: SiteConfig
    public let templates: TemplateLibrary
    /// The search index's manifest, which the search page loads.
    public let searchManifest: OutputPath?
    /// How list pages get their articles' cards.
    var cards: CardSource = .rendered(nil)
    /// The frame, header and footer of each depth and section, each breadcrumb trail's HTML
    /// (by `trailKey`) and each article's feed entry, made on first use.
    let frames = SharedTable<FrameKey, (SiteFrame, SharedHTML, SharedHTML)>()
    let trails = SharedTable<[UInt8], String>()
    let feedEntries = SharedTable<Int, String>()

    struct FrameKey: Hashable, Sendable {
        let depth: Int
        let section: Section
    }

    enum CardSource: Sendable {
        /// Rendered: from the table when it has the card, else rendered on the spot.
        case rendered(CardTable?)
        /// For page fingerprints: a hash of the card's context stands in for its HTML,
        /// from the table when it has the card.
        case fingerprinted(CardTable?)
        /// Both, for pages rendered and fingerprinted from one context.
        case renderedAndFingerprinted(CardTable?, CardTable?)
    }

    public init(index: SiteIndex, config: SiteConfig, templates: TemplateLibrary, searchManifest: OutputPath? = nil) {
        self.index = index
        self.config = config
        self.templates = templates
        self.searchManifest = searchManifest
    }

    /// The page's bytes.
    public func render(_ page: PlannedPage) throws -> [UInt8] {
        try render(content(of: page, body: renderedBody))
    }

    /// A hash of everything the page is rendered from: its template and the values the
    /// template sees. Equal fingerprints give equal bytes, so an incremental build renders
    /// only the pages whose fingerprint changed. An article's body counts by the hash of
    /// its Markdown (its HTML and table of contents follow from it), so nothing is
    /// converted to HTML just to be compared; a card counts by its own fingerprint.
    public func fingerprint(_ page: PlannedPage) -> UInt64 {
        var renderer = self
        if case .rendered = cards { renderer.cards = .fingerprinted(nil) }
        return fingerprint(of: renderer.content(of: page) { _ in RenderedBody(html: "", headings: []) }, page: page)
    }

    /// The page's bytes and its fingerprint, from one context: for a build that renders
    /// every page (a first one), where making each context twice, once to fingerprint the
    /// page and once to render it, was a tenth of the render stage. The cards must come
    /// `renderedAndFingerprinted` (`sharingCards(on:for:)`).
    public func renderedAndFingerprinted(_ page: PlannedPage) throws -> (bytes: [UInt8], fingerprint: UInt64) {
        let content = content(of: page, body: renderedBody)
        return (try render(content), fingerprint(of: content, page: page))
    }

    private func renderedBody(_ i: Int) -> RenderedBody {
        HTMLRenderer.render(body: index.articles[i].body)
    }

    private func render(_ content: PageContent) throws -> [UInt8] {
        switch content {
        case let .template(name, context, nil): return Array(try templates.render(context, with: name).utf8)
        case let .template(name, context, body?):
            // The template saw the marker wherever it places the body, and the body's bytes
            // go there as they are: a string of them would be checked as UTF-8 again, a
            // twentieth of the time of an article page.
            let page = Array(try templates.render(context, with: name).utf8)
            var out: [UInt8] = []
            out.reserveCapacity(page.count + body.count)
            page.withUnsafeBufferPointer { page in
                Self.bodyMarkerBytes.withUnsafeBufferPointer { page.append(replacing: $0, with: body, to: &out) }
            }
            return out
        case let .text(text): return Array(text.utf8)
        }
    }

    /// What an article page's context gives the template for its body when the templates
    /// only ever place it whole (`TemplateLibrary.placesBodyWhole`); `render` puts the
    /// body's HTML wherever it is. No article's text can hold it: it is drawn at random
    /// when the process starts.
    static let bodyMarker = "\u{1}body-\(UInt64.random(in: 0...UInt64.max))-\(UInt64.random(in: 0...UInt64.max))\u{1}"
    /// Its bytes, made once rather than for every article page.
    private static let bodyMarkerBytes = Array(bodyMarker.utf8)

    /// The fingerprint of `page` from its content, whatever body it was made with: an
    /// article's body and table of contents stand by its Markdown's hash.
    private func fingerprint(of content: PageContent, page: PlannedPage) -> UInt64 {
        switch content {
        case let .template(name, context, _):
            let seed = templates.fingerprint(of: name)
            guard case let .article(i) = page.kind, var article = context as? ArticlePage else { return HashingEncoder.hash(context, seed: seed) }
            article.body = String(index.articles[i].body.hash, radix: 16)
            article.toc = []
            return HashingEncoder.hash(article, seed: seed)
        case let .text(text): return StableHasher.hash(text)
        }
    }

    enum PageContent {
        /// The template and its context; for an article, the body's HTML, which goes where
        /// the context says `bodyMarker`.
        case template(String, any Encodable & Sendable, body: [UInt8]? = nil)
        /// A page with no template (robots.txt).
        case text(String)
    }

    /// The page's template and its context; `body` gives an article's rendered body.
    func content(of page: PlannedPage, body: (Int) -> RenderedBody) -> PageContent {
        let here = page.path
        switch page.kind {
        case .home: return .template("home", homePage(here))
        case let .article(i):
            let rendered = body(i)
            return .template("article", articlePage(i, here, body: rendered), body: templates.placesBodyWhole ? rendered.htmlBytes : nil)
        case .regionIndex: return .template("regions", regionIndexPage(here))
        case let .region(code, n): return .template("region", regionPage(code, n, here))
        case .campaignIndex: return .template("campaigns", campaignIndexPage(here))
        case let .campaign(i, n): return .template("campaign", campaignPage(i, n, here))
        case .timeline: return .template("timeline", timelinePage(here))
        case let .year(y, n): return .template("year", yearPage(y, n, here))
        case .search: return .template("search", simplePage("搜索", here))
        case .notFound: return .template("404", simplePage("页面未找到", here))
        case .siteFeed:
            return .template("feed", feed(title: config.siteName, articles: Array(index.articles.indices), page: SitePaths.home, at: here))
        case let .regionFeed(code):
            let node = index.regions[code]
            return .template("feed", feed(title: "\(node?.region.name ?? code.rawValue) · \(config.siteName)",
                                          articles: node?.all ?? [], page: SitePaths.region(code), at: here))
        case let .campaignFeed(i):
            let campaign = index.campaigns[i]
            return .template("feed", feed(title: "“\(campaign.name)” · \(config.siteName)",
                                          articles: campaign.articles, page: SitePaths.campaign(campaign.slug), at: here))
        case .sitemap: return .template("sitemap", sitemap())
        case .robots: return .text("User-agent: *\nAllow: /\nSitemap: \(config.baseURL)sitemap.xml\n")
        }
    }
}

/// What many pages share, each made once, the first time a page asks, and shared by the
/// threads that render: the frame of each folder depth and nav section with the header and
/// footer it renders to (they depend on nothing else of the page); each breadcrumb trail
/// (every article of a region, at one folder depth, has the same; rendering it was a sixth
/// of an article page's time); each article's feed entry (the same in every feed).
final class SharedTable<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [Key: Value] = [:]

    func value(_ key: Key, make: () -> Value) -> Value {
        if let value = lock.withLock({ made[key] }) { return value }
        // Two threads may both make it the first time; they make the same.
        let value = make()
        lock.withLock { made[key] = value }
        return value
    }
}

/// Each article's card rendered once per folder depth (a card's links depend on nothing
/// else of the page it is on).
struct CardTable: Sendable {
    let byDepth: [Int: [String]]

    func html(of article: Int, depth: Int) -> String? { byDepth[depth]?[article] }
}

// MARK: - Frame

extension SiteRenderer {
    enum Section { case home, regions, campaigns, timeline, search, none }

    func layout(title: String?, description: String? = nil, at here: OutputPath, section: Section,
                breadcrumbs: [Link] = [], feed: OutputPath? = nil) -> Layout {
        let (frame, header, footer) = frames.value(FrameKey(depth: here.depth, section: section)) {
            let frame = self.frame(at: here, section: section)
            return (frame, sharedHTML(frame, with: "header"), sharedHTML(frame, with: "footer"))
        }
        let crumbs = breadcrumbs.isEmpty ? [] : [Link(title: "首页", url: here.link(to: SitePaths.home))] + breadcrumbs
        return Layout(
            frame: frame,
            documentTitle: title.map { "\($0) - \(config.siteName)" } ?? config.siteName,
            description: description ?? config.description,
            canonical: here == SitePaths.notFound ? nil : config.absoluteURL(here),
            feed: feed.map { here.link(to: $0) },
            breadcrumbs: crumbs, breadcrumb: SharedFragment { [self] in breadcrumbHTML(crumbs) }, header: header, footer: footer)
    }

    /// The trail rendered with `breadcrumb.mustache`.
    func breadcrumbHTML(_ trail: [Link]) -> String {
        trails.value(Self.trailKey(trail)) { renderedForOwnLine(BreadcrumbTrail(breadcrumbs: trail), with: "breadcrumb") }
    }

    /// The trail's fields as UTF-8, each closed by a byte no UTF-8 text has. Hashing the
    /// links themselves hashes their text as Unicode, normalizing every Chinese title: that
    /// took most of what the table saves.
    static func trailKey(_ trail: [Link]) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(trail.count * 64)
        for link in trail {
            key += link.title.utf8
            key.append(0xFF)
            if let url = link.url { key += url.utf8 }
            key.append(link.url == nil ? 0xFE : 0xFF)
            if let count = link.count { key += String(count).utf8 }
            key.append(link.count == nil ? 0xFE : 0xFF)
        }
        return key
    }

    func frame(at here: OutputPath, section: Section) -> SiteFrame {
        let nav: [(String, OutputPath, Section)] = [
            ("首页", SitePaths.home, .home), ("地区", SitePaths.regions, .regions),
            ("创建模式", SitePaths.campaigns, .campaigns), ("时间线", SitePaths.timeline, .timeline),
            ("搜索", SitePaths.search, .search),
        ]
        return SiteFrame(SiteFrame.Fields(
            siteName: config.siteName,
            root: String(repeating: "../", count: here.depth),
            home: here.link(to: SitePaths.home),
            stylesheet: here.link(to: SitePaths.stylesheet),
            favicon: here.link(to: SitePaths.favicon),
            searchPage: here.link(to: SitePaths.search),
            nav: nav.map { NavItem(title: $0.0, url: here.link(to: $0.1), isCurrent: $0.2 == section) }))
    }

    /// A part of the frame, on a line of its own in `layout.mustache`. A missing template
    /// renders as nothing, as a missing partial does.
    private func sharedHTML(_ frame: SiteFrame, with name: String) -> SharedHTML {
        SharedHTML(html: renderedForOwnLine(frame, with: name))
    }

    /// `context` rendered with `name` (nothing when it cannot be), without its closing
    /// line breaks: the page's template puts it on a line of its own.
    func renderedForOwnLine(_ context: Any, with name: String) -> String {
        var html = (try? templates.render(context, with: name)) ?? ""
        while html.last?.isNewline == true { html.removeLast() }
        return html
    }

    func card(_ i: Int, at here: OutputPath) -> ArticleCard {
        let article = index.articles[i]
        return ArticleCard(
            title: article.title, url: here.link(to: SitePaths.article(article.slug)),
            date: article.date.chinese, isoDate: article.date.isoDate,
            place: article.regions.isEmpty ? nil : article.regions.joined(separator: " · "),
            summary: article.summary, campaigns: campaignLinks(article.campaigns, at: here))
    }

    func renderedCard(_ i: Int, at here: OutputPath) -> RenderedCard {
        func html(_ table: CardTable?) -> String { table?.html(of: i, depth: here.depth) ?? renderCard(i, at: here) }
        func fingerprint(_ table: CardTable?) -> String { table?.html(of: i, depth: here.depth) ?? cardFingerprint(i) }
        return switch cards {
        case let .fingerprinted(table): RenderedCard(html: "", fingerprint: fingerprint(table))
        case let .rendered(table): RenderedCard(html: html(table), fingerprint: "")
        case let .renderedAndFingerprinted(rendered, fingerprints): RenderedCard(html: html(rendered), fingerprint: fingerprint(fingerprints))
        }
    }

    /// What a card is made from, the same at every depth: a card differs between depths
    /// only by its way up to the root, which the page showing it fixes.
    private func cardFingerprint(_ i: Int) -> String {
        String(HashingEncoder.hash(card(i, at: Self.atRoot), seed: templates.fingerprint(of: "card")), radix: 16)
    }

    private func renderCard(_ i: Int, at here: OutputPath) -> String {
        // "card" is a required template, so rendering cannot fail.
        renderedForOwnLine(card(i, at: here), with: "card")
    }

    /// This renderer, taking cards from `table`.
    func with(cards table: CardTable) -> SiteRenderer {
        var renderer = self
        renderer.cards = .rendered(table)
        return renderer
    }

    /// This renderer with every card, or for fingerprints every card's fingerprint, made
    /// once per folder depth of `pages`: when enough of them show cards for that to pay,
    /// since each card shows on several pages. Else each card is made where a page shows it.
    public func sharingCards(on pages: [PlannedPage], forFingerprints: Bool = false) -> SiteRenderer {
        sharingCards(on: pages, for: forFingerprints ? .fingerprinted(nil) : .rendered(nil))
    }

    /// The same, for cards as `use` takes them (its tables are left out).
    func sharingCards(on pages: [PlannedPage], for use: CardSource) -> SiteRenderer {
        var renderer = self
        renderer.cards = use
        let listing = pages.filter(\.listsCards)
        guard listing.count > index.articles.count / 4 else { return renderer }
        let depths = Set(listing.map(\.path.depth))
        renderer.cards = switch use {
        case .rendered: .rendered(cardTable(depths: depths))
        case .fingerprinted: .fingerprinted(cardFingerprints(depths: depths))
        case .renderedAndFingerprinted: .renderedAndFingerprinted(cardTable(depths: depths), cardFingerprints(depths: depths))
        }
        return renderer
    }

    /// Every article's card at each of `depths` (folders below the root), in parallel.
    /// A card's links differ between depths only by their way up to the root (`../../`),
    /// so each card is rendered once, with a marker where that goes, and each depth's copy
    /// puts its own in: rendering every card at each depth was a twentieth of a clean
    /// build. A card whose text has the marker (a private-use character) is rendered at
    /// each depth, and so is every card if the card template itself has it.
    func cardTable(depths: Set<Int>) -> CardTable {
        let marker = Self.rootMarker
        @Sendable func hasMarker(_ text: String) -> Bool { text.unicodeScalars.contains(marker) }
        let emptyCard = ArticleCard(title: "", url: "", date: "", isoDate: "", place: nil, summary: "", campaigns: [])
        guard !hasMarker(renderedForOwnLine(emptyCard, with: "card")) else { return cardsRenderedAtEachDepth(depths) }
        let marked: [String?] = Array(index.articles.indices).parallelMap { i in
            var card = card(i, at: Self.atRoot)
            let texts = [card.title, card.date, card.isoDate, card.place ?? "", card.summary] + card.campaigns.map(\.title)
            guard !texts.contains(where: hasMarker) else { return nil }
            card.url = String(marker) + card.url
            card.campaigns = card.campaigns.map { Link(title: $0.title, url: $0.url.map { String(marker) + $0 }, count: $0.count) }
            return renderedForOwnLine(card, with: "card")
        }
        var table: [Int: [String]] = [:]
        for depth in depths {
            let here = Self.placeholder(depth: depth), up = String(repeating: "../", count: depth)
            table[depth] = Array(marked.indices).parallelMap { i in
                marked[i].map { Self.replacing(marker, with: up, in: $0) } ?? renderCard(i, at: here)
            }
        }
        return CardTable(byDepth: table)
    }

    /// Where the way up to the root goes in a card rendered for every depth.
    static let rootMarker: Unicode.Scalar = "\u{E000}"

    /// `text` with every `marker` replaced, on the UTF-8 bytes (Foundation's
    /// `replacingOccurrences` took longer than rendering the card).
    static func replacing(_ marker: Unicode.Scalar, with replacement: String, in text: String) -> String {
        let marker = String(marker)
        var out: [UInt8] = []
        text.withUTF8Bytes { bytes in
            marker.withUTF8Bytes { marker in
                out.reserveCapacity(bytes.count + 4 * replacement.utf8.count)
                bytes.append(replacing: marker, with: replacement.utf8, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The home page: links from it have no way up in front.
    static let atRoot = OutputPath("index.html")!

    /// A page at `depth` folders below the root: what a card at that depth links from.
    static func placeholder(depth: Int) -> OutputPath {
        OutputPath(String(repeating: "x/", count: depth) + "index.html")!
    }

    /// Every article's card fingerprint, made once for all `depths`.
    private func cardFingerprints(depths: Set<Int>) -> CardTable {
        let fingerprints = Array(index.articles.indices).parallelMap(cardFingerprint)
        return CardTable(byDepth: Dictionary(uniqueKeysWithValues: depths.map { ($0, fingerprints) }))
    }

    /// Every article's card rendered at each of `depths`.
    private func cardsRenderedAtEachDepth(_ depths: Set<Int>) -> CardTable {
        var table: [Int: [String]] = [:]
        for depth in depths {
            let here = Self.placeholder(depth: depth)
            table[depth] = Array(index.articles.indices).parallelMap { i in renderCard(i, at: here) }
        }
        return CardTable(byDepth: table)
    }

    func campaignLinks(_ names: [String], at here: OutputPath) -> [Link] {
        names.compactMap { name in
            index.campaign(named: name).map { Link(title: $0.name, url: here.link(to: SitePaths.campaign($0.slug))) }
        }
    }

    func pagination(page: Int, items: Int, at here: OutputPath, path: (Int) -> OutputPath) -> Pagination {
        let total = PagePlanner.pageCount(items)
        return Pagination(
            pages: Self.pagerNumbers(current: page, total: total).map {
                PageLink(number: $0.number, url: here.link(to: path($0.number)), isCurrent: $0.number == page, gapBefore: $0.gapBefore)
            },
            previous: page > 1 ? here.link(to: path(page - 1)) : nil,
            next: page < total ? here.link(to: path(page + 1)) : nil,
            current: page, total: total, isPaginated: total > 1)
    }

    /// The page numbers a pager shows: the first, the last, and two either side of the
    /// current one, each saying whether pages are left out before it (a single page left
    /// out is shown instead). A province's list runs to over a hundred pages: numbering
    /// every one filled a phone's screen and made most of the page's rendering.
    static func pagerNumbers(current: Int, total: Int) -> [(number: Int, gapBefore: Bool)] {
        let around = 2
        var shown = Set([1, total])
        shown.formUnion(max(1, current - around)...min(total, current + around))
        for n in shown.sorted() where shown.contains(n + 2) && !shown.contains(n + 1) { shown.insert(n + 1) }
        var previous = 0
        return shown.sorted().map { n in
            defer { previous = n }
            return (n, n - previous > 1)
        }
    }

    func slice(_ items: [Int], page: Int) -> ArraySlice<Int> {
        items[Self.positions(onPage: page, of: items.count)]
    }

    /// The positions, among `count` items, that page `page` (from 1) lists.
    static func positions(onPage page: Int, of count: Int) -> Range<Int> {
        let start = min(count, (page - 1) * PagePlanner.pageSize)
        return start..<min(count, start + PagePlanner.pageSize)
    }

    func pageTitle(_ title: String, page: Int) -> String {
        page > 1 ? "\(title)（第\(page)页）" : title
    }
}

/// Turns a planned page into its bytes: builds the page's context from the index, then
/// renders it with the page's template.
public struct SiteRenderer: Sendable {
    public let index: SiteIndex
    public let config: SiteConfig
    public let templates: TemplateLibrary
    /// The search index's manifest, which the search page loads.
    public let searchManifest: OutputPath?

    public init(index: SiteIndex, config: SiteConfig, templates: TemplateLibrary, searchManifest: OutputPath? = nil) {
        self.index = index
        self.config = config
        self.templates = templates
        self.searchManifest = searchManifest
    }

    public func render(_ page: PlannedPage) throws -> [UInt8] {
        let here = page.path
        let text: String
        switch page.kind {
        case .home: text = try templates.render(homePage(here), with: "home")
        case let .article(i): text = try templates.render(articlePage(i, here), with: "article")
        case .regionIndex: text = try templates.render(regionIndexPage(here), with: "regions")
        case let .region(code, n): text = try templates.render(regionPage(code, n, here), with: "region")
        case .campaignIndex: text = try templates.render(campaignIndexPage(here), with: "campaigns")
        case let .campaign(i, n): text = try templates.render(campaignPage(i, n, here), with: "campaign")
        case .timeline: text = try templates.render(timelinePage(here), with: "timeline")
        case let .year(y, n): text = try templates.render(yearPage(y, n, here), with: "year")
        case .search: text = try templates.render(simplePage("搜索", here), with: "search")
        case .notFound: text = try templates.render(simplePage("页面未找到", here), with: "404")
        case .siteFeed: text = try templates.render(feed(title: config.siteName, articles: Array(index.articles.indices), page: SitePaths.home, at: here), with: "feed")
        case let .regionFeed(code):
            let node = index.regions[code]
            text = try templates.render(feed(title: "\(node?.region.name ?? code.rawValue) · \(config.siteName)",
                                             articles: node?.all ?? [], page: SitePaths.region(code), at: here), with: "feed")
        case let .campaignFeed(i):
            let campaign = index.campaigns[i]
            text = try templates.render(feed(title: "“\(campaign.name)” · \(config.siteName)",
                                             articles: campaign.articles, page: SitePaths.campaign(campaign.slug), at: here), with: "feed")
        case .sitemap: text = try templates.render(sitemap(), with: "sitemap")
        case .robots: text = "User-agent: *\nAllow: /\nSitemap: \(config.baseURL)sitemap.xml\n"
        }
        return Array(text.utf8)
    }
}

// MARK: - Frame

extension SiteRenderer {
    enum Section { case home, regions, campaigns, timeline, search, none }

    func layout(title: String?, description: String? = nil, at here: OutputPath, section: Section,
                breadcrumbs: [Link] = [], feed: OutputPath? = nil) -> Layout {
        let nav: [(String, OutputPath, Section)] = [
            ("首页", SitePaths.home, .home), ("地区", SitePaths.regions, .regions),
            ("创建模式", SitePaths.campaigns, .campaigns), ("时间线", SitePaths.timeline, .timeline),
            ("搜索", SitePaths.search, .search),
        ]
        let crumbs = breadcrumbs.isEmpty ? [] : [Link(title: "首页", url: here.link(to: SitePaths.home))] + breadcrumbs
        return Layout(
            siteName: config.siteName,
            documentTitle: title.map { "\($0) - \(config.siteName)" } ?? config.siteName,
            description: description ?? config.description,
            root: String(repeating: "../", count: here.depth),
            home: here.link(to: SitePaths.home),
            stylesheet: here.link(to: SitePaths.stylesheet),
            favicon: here.link(to: SitePaths.favicon),
            searchPage: here.link(to: SitePaths.search),
            canonical: here == SitePaths.notFound ? nil : config.absoluteURL(here),
            feed: feed.map { here.link(to: $0) },
            nav: nav.map { NavItem(title: $0.0, url: here.link(to: $0.1), isCurrent: $0.2 == section) },
            breadcrumbs: crumbs)
    }

    func card(_ i: Int, at here: OutputPath) -> ArticleCard {
        let article = index.articles[i]
        return ArticleCard(
            title: article.title, url: here.link(to: SitePaths.article(article.slug)),
            date: article.date.chinese, isoDate: article.date.isoDate,
            place: article.regions.isEmpty ? nil : article.regions.joined(separator: " · "),
            summary: article.summary, campaigns: campaignLinks(article.campaigns, at: here))
    }

    func campaignLinks(_ names: [String], at here: OutputPath) -> [Link] {
        names.compactMap { name in
            index.campaign(named: name).map { Link(title: $0.name, url: here.link(to: SitePaths.campaign($0.slug))) }
        }
    }

    func pagination(page: Int, items: Int, at here: OutputPath, path: (Int) -> OutputPath) -> Pagination {
        let total = PagePlanner.pageCount(items)
        return Pagination(
            pages: (1...total).map { PageLink(number: $0, url: here.link(to: path($0)), isCurrent: $0 == page) },
            previous: page > 1 ? here.link(to: path(page - 1)) : nil,
            next: page < total ? here.link(to: path(page + 1)) : nil,
            current: page, total: total, isPaginated: total > 1)
    }

    func slice(_ items: [Int], page: Int) -> ArraySlice<Int> {
        let start = min(items.count, (page - 1) * PagePlanner.pageSize)
        return items[start..<min(items.count, start + PagePlanner.pageSize)]
    }

    func pageTitle(_ title: String, page: Int) -> String {
        page > 1 ? "\(title)（第\(page)页）" : title
    }
}

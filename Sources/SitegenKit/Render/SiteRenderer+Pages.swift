// The context of each kind of page. Which articles each kind shows anything of (cards,
// links, feed entries) is said again in `PagePlanner.kinds(showing:slugsChanged:in:)`,
// which a rebuild trusts to leave the other pages unlooked at: a page that comes to show
// an article's fields must be named there too (the incremental tests compare with a
// clean build).

extension SiteRenderer {
    func homePage(_ here: OutputPath) -> HomePage {
        let provinces = index.regions.roots.compactMap { index.regions[$0] }
        return HomePage(
            layout: layout(title: nil, at: here, section: .home, feed: SitePaths.feed),
            latest: index.articles.indices.prefix(PagePlanner.pageSize).map { renderedCard($0, at: here) },
            provinces: provinces.map { Link(title: $0.region.name, url: here.link(to: SitePaths.region($0.region.code)), count: $0.all.count) },
            campaigns: index.campaigns.prefix(40).map {
                Link(title: $0.name, url: here.link(to: SitePaths.campaign($0.slug)), count: $0.articles.count)
            },
            years: index.timeline.years.map { Link(title: "\($0.year)年", url: here.link(to: SitePaths.year($0.year)), count: $0.articleCount) },
            articleCount: index.articles.count, regionCount: index.regions.nodes.count,
            campaignCount: index.campaigns.count,
            moreArticles: here.link(to: SitePaths.timeline))
    }

    func articlePage(_ i: Int, _ here: OutputPath, body: RenderedBody) -> ArticlePage {
        let article = index.articles[i]
        let chain = article.region.map { index.regions.chain(to: $0) } ?? []
        let regionLinks = chain.map { Link(title: $0.name, url: here.link(to: SitePaths.region($0.code))) }
        let (older, newer) = index.neighbours(of: i)
        func neighbour(_ j: Int?) -> Link? {
            j.map { Link(title: index.articles[$0].title, url: here.link(to: SitePaths.article(index.articles[$0].slug))) }
        }
        return ArticlePage(
            layout: layout(title: article.title, description: article.summary, at: here, section: .none,
                           breadcrumbs: regionLinks.isEmpty ? [Link(title: "文章", url: here.link(to: SitePaths.timeline))] : regionLinks),
            title: article.title, date: article.date.chinese, isoDate: article.date.isoDate,
            source: article.source,
            republished: article.republished.isEmpty ? nil
                : article.republished.map { "\($0.source ?? "另一来源")（\($0.date.chinese)）" }.joined(separator: "、"),
            regions: regionLinks,
            campaigns: campaignLinks(article.campaigns, at: here),
            mentions: article.mentions.map { name in
                index.campaign(named: name).map { Link(title: name, url: here.link(to: SitePaths.campaign($0.slug))) }
                    ?? Link(title: name, url: nil)
            },
            toc: body.headings.map { TableOfContentsEntry(id: $0.id, text: $0.text) },
            // Where the templates only place the body whole, it goes in as bytes (`render`).
            body: templates.placesBodyWhole ? Self.bodyMarker : body.html,
            related: index.related[i].map { renderedCard($0, at: here) },
            older: neighbour(older), newer: neighbour(newer))
    }

    func regionIndexPage(_ here: OutputPath) -> RegionIndexPage {
        func node(_ code: RegionCode) -> RegionTreeNode? {
            guard let n = index.regions[code] else { return nil }
            return RegionTreeNode(name: n.region.name, url: here.link(to: SitePaths.region(code)),
                                  count: n.all.count, children: n.children.compactMap(node))
        }
        return RegionIndexPage(
            layout: layout(title: "地区", at: here, section: .regions, breadcrumbs: [Link(title: "地区", url: nil)]),
            provinces: index.regions.roots.compactMap(node))
    }

    func regionPage(_ code: RegionCode, _ page: Int, _ here: OutputPath) -> RegionPage {
        let node = index.regions[code]!
        let chain = index.regions.chain(to: code)
        var crumbs = [Link(title: "地区", url: here.link(to: SitePaths.regions))]
        crumbs += chain.map { Link(title: $0.name, url: $0.code == code && page == 1 ? nil : here.link(to: SitePaths.region($0.code))) }
        return RegionPage(
            layout: layout(title: pageTitle(node.region.name, page: page), description: "\(node.region.name)民族团结进步示范创建工作动态",
                           at: here, section: .regions, breadcrumbs: crumbs, feed: SitePaths.regionFeed(code)),
            name: node.region.name, level: levelName(node.region.level), count: node.all.count,
            children: node.children.compactMap { index.regions[$0] }.map {
                Link(title: $0.region.name, url: here.link(to: SitePaths.region($0.region.code)), count: $0.all.count)
            },
            campaigns: node.topCampaigns.compactMap { top in
                index.campaign(named: top.name).map { Link(title: top.name, url: here.link(to: SitePaths.campaign($0.slug)), count: top.count) }
            },
            articles: slice(node.all, page: page).map { renderedCard($0, at: here) },
            pagination: pagination(page: page, items: node.all.count, at: here) { SitePaths.region(code, page: $0) },
            feed: here.link(to: SitePaths.regionFeed(code)))
    }

    func campaignIndexPage(_ here: OutputPath) -> CampaignIndexPage {
        CampaignIndexPage(
            layout: layout(title: "创建模式", at: here, section: .campaigns, breadcrumbs: [Link(title: "创建模式", url: nil)]),
            campaigns: index.campaigns.map { Link(title: $0.name, url: here.link(to: SitePaths.campaign($0.slug)), count: $0.articles.count) },
            count: index.campaigns.count)
    }

    /// Articles that run the campaign come first, then those that only mention it; the
    /// pages cut through both lists in that order.
    func campaignPage(_ i: Int, _ page: Int, _ here: OutputPath) -> CampaignPage {
        let campaign = index.campaigns[i]
        // The page's part of each list, by position: no page copies or hashes the whole
        // campaign (a campaign of 5,000 articles has 250 pages).
        let total = campaign.articles.count + campaign.mentioned.count
        let onPage = Self.positions(onPage: page, of: total)
        let (start, end) = (onPage.lowerBound, onPage.upperBound)
        let runs = campaign.articles.count
        let articles = campaign.articles[min(start, runs)..<min(end, runs)]
        let mentions = campaign.mentioned[max(start, runs) - runs..<max(end, runs) - runs]
        var regionNames: [Link] = []
        // Only the first page lists the regions.
        for code in page == 1 ? campaign.regions : [] {
            if let node = index.regions[code] {
                let names = index.regions.chain(to: code).map(\.name).joined(separator: " · ")
                regionNames.append(Link(title: names, url: here.link(to: SitePaths.region(node.region.code))))
            }
        }
        return CampaignPage(
            layout: layout(title: pageTitle("“\(campaign.name)”", page: page), description: "以“\(campaign.name)”推进民族团结进步创建的各地做法",
                           at: here, section: .campaigns,
                           breadcrumbs: [Link(title: "创建模式", url: here.link(to: SitePaths.campaigns)), Link(title: campaign.name, url: nil)],
                           feed: SitePaths.campaignFeed(campaign.slug)),
            name: campaign.name, runCount: campaign.articles.count, mentionCount: campaign.mentioned.count,
            articles: articles.map { renderedCard($0, at: here) },
            mentions: mentions.map { renderedCard($0, at: here) },
            regions: page == 1 ? regionNames : [],
            pagination: pagination(page: page, items: total, at: here) { SitePaths.campaign(campaign.slug, page: $0) },
            feed: here.link(to: SitePaths.campaignFeed(campaign.slug)))
    }

    func timelinePage(_ here: OutputPath) -> TimelinePage {
        TimelinePage(
            layout: layout(title: "时间线", at: here, section: .timeline, breadcrumbs: [Link(title: "时间线", url: nil)]),
            years: index.timeline.years.map { year in
                YearSummary(year: year.year, url: here.link(to: SitePaths.year(year.year)), count: year.articleCount,
                            months: year.months.map { month in
                                Link(title: "\(month.month)月", url: here.link(to: SitePaths.year(year.year, page: pageOf(month, in: year))) + "#m\(month.month)",
                                     count: month.articles.count)
                            })
            })
    }

    func yearPage(_ y: Int, _ page: Int, _ here: OutputPath) -> YearPage {
        let year = index.timeline.years.first { $0.year == y }!
        // Each month's part of the page, by position: no page copies or hashes the whole
        // year (thousands of articles, hundreds of pages).
        let onPage = Self.positions(onPage: page, of: year.articleCount)
        let (start, end) = (onPage.lowerBound, onPage.upperBound)
        var first = 0  // the month's first article's position in the year
        var cards: [[RenderedCard]] = []
        for month in year.months {
            let from = max(start, first), to = min(end, first + month.articles.count)
            cards.append(from < to ? month.articles[(from - first)..<(to - first)].map { renderedCard($0, at: here) } : [])
            first += month.articles.count
        }
        return YearPage(
            layout: layout(title: pageTitle("\(y)年", page: page), at: here, section: .timeline,
                           breadcrumbs: [Link(title: "时间线", url: here.link(to: SitePaths.timeline)), Link(title: "\(y)年", url: nil)]),
            year: y, count: year.articleCount,
            months: zip(year.months, cards).compactMap { month, cards in
                cards.isEmpty ? nil : MonthGroup(title: "\(y)年\(month.month)月", id: "m\(month.month)", articles: cards)
            },
            pagination: pagination(page: page, items: year.articleCount, at: here) { SitePaths.year(y, page: $0) })
    }

    func simplePage(_ title: String, _ here: OutputPath) -> SimplePage {
        SimplePage(
            layout: layout(title: title, at: here, section: here == SitePaths.search ? .search : .none,
                           breadcrumbs: [Link(title: title, url: nil)]),
            regions: here.link(to: SitePaths.regions), campaigns: here.link(to: SitePaths.campaigns),
            timeline: here.link(to: SitePaths.timeline),
            searchManifest: searchManifest.map { here.link(to: $0) }, searchScript: here.link(to: SitePaths.searchScript))
    }

    func feed(title: String, articles: [Int], page: OutputPath, at here: OutputPath) -> FeedContext {
        let latest = articles.prefix(PagePlanner.pageSize)
        return FeedContext(
            title: title, author: config.siteName, id: config.absoluteURL(page), selfURL: config.baseURL + here.rawValue,
            pageURL: config.absoluteURL(page),
            updated: latest.first.map { index.articles[$0].date.rfc3339 } ?? "2000-01-01T00:00:00+08:00",
            entries: latest.map { i in
                let article = index.articles[i]
                var entry = FeedEntry(title: article.title, url: config.absoluteURL(SitePaths.article(article.slug)),
                                      updated: article.date.rfc3339, summary: article.summary, source: article.source,
                                      categories: article.campaigns)
                let fields = entry
                entry.html = SharedFragment { [self] in feedEntries.value(i) { renderedForOwnLine(fields, with: "feed_entry") } }
                return entry
            })
    }

    func sitemap() -> SitemapContext {
        SitemapContext(urls: PagePlanner.plan(index).compactMap { page in
            page.path.rawValue.hasSuffix("index.html") ? config.absoluteURL(page.path) : nil
        })
    }

    private func levelName(_ level: RegionLevel) -> String {
        switch level {
        case .province: return "省级"
        case .city: return "地级"
        case .county: return "县级"
        }
    }

    private func pageOf(_ month: Timeline.Month, in year: Timeline.Year) -> Int {
        guard let first = month.articles.first, let position = year.articles.firstIndex(of: first) else { return 1 }
        return position / PagePlanner.pageSize + 1
    }
}

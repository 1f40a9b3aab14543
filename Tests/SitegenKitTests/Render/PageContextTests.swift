import Foundation
import Mustache
import Testing
@testable import SitegenKit

@Suite("Template contexts")
struct PageContextTests {
    /// One value of every context type, built from the seeds.
    static func samples() throws -> [Any] {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let index = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared)
        let renderer = SiteRenderer(index: index, config: SiteConfig(),
                                    templates: try TemplateLibrary(directory: Fixtures.packageRoot.appendingPathComponent("Templates").path))
        let here = SitePaths.home
        // 003 has headings (a table of contents), related articles and a campaign.
        let i = try #require(index.articles.firstIndex { $0.origin.hasPrefix("seeds/003") })
        let article = renderer.articlePage(i, SitePaths.article(index.articles[i].slug), body: HTMLRenderer.render(markdown: index.articles[i].body.markdown))
        let region = renderer.regionPage(index.regions.roots[0], 1, here)
        let campaign = renderer.campaignPage(0, 1, here)
        let timeline = renderer.timelinePage(here)
        let year = renderer.yearPage(index.timeline.years[0].year, 1, here)
        let feed = renderer.feed(title: "t", articles: [0], page: here, at: SitePaths.feed)
        return [article, article.layout, article.layout.frame.fields.nav[0], article.related[0], article.toc[0], region, region.pagination,
                region.pagination.pages[0], campaign, renderer.campaignIndexPage(here), timeline, timeline.years[0], year,
                year.months[0], renderer.regionIndexPage(here), renderer.regionIndexPage(here).provinces[0],
                renderer.homePage(here), renderer.simplePage("x", here), feed, feed.entries[0], renderer.sitemap(),
                article.campaigns[0], renderer.card(i, at: here), article.layout.frame, article.layout.frame.fields]
    }

    @Test("pages rendered with the card table are byte for byte those rendered card by card")
    func cardTable() throws {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let index = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared)
        let renderer = SiteRenderer(index: index, config: SiteConfig(),
                                    templates: try TemplateLibrary(directory: Fixtures.packageRoot.appendingPathComponent("Templates").path))
        let plan = PagePlanner.plan(index)
        let withTable = renderer.with(cards: renderer.cardTable(depths: Set(plan.map(\.path.depth))))
        #expect(plan.filter(\.listsCards).count > 10)
        for page in plan {
            #expect(try withTable.render(page) == renderer.render(page), "\(page.path)")
        }
    }

    @Test("a page rendered and fingerprinted from one context (a first build's pages) has the bytes of rendering it and the fingerprint later builds give it, with cards shared or not",
          arguments: [true, false])
    func renderedAndFingerprinted(sharingCards: Bool) throws {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let index = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared)
        let renderer = SiteRenderer(index: index, config: SiteConfig(),
                                    templates: try TemplateLibrary(directory: Fixtures.packageRoot.appendingPathComponent("Templates").path))
        let plan = PagePlanner.plan(index)
        let both = renderer.sharingCards(on: sharingCards ? plan : [], for: .renderedAndFingerprinted(nil, nil))
        if case let .renderedAndFingerprinted(rendered, fingerprints) = both.cards {
            #expect((rendered != nil) == sharingCards && (fingerprints != nil) == sharingCards)
        } else {
            Issue.record("the cards are not both rendered and fingerprinted")
        }
        // An article with a table of contents and related articles: its body and cards
        // count in its fingerprint as they do when it alone is fingerprinted.
        let withContents = try #require(plan.first { page in
            guard case let .article(i) = page.kind else { return false }
            return index.articles[i].origin.hasPrefix("seeds/003")
        })
        #expect(try String(decoding: renderer.render(withContents), as: UTF8.self).contains("class=\"toc\""))
        #expect(plan.contains { $0.listsCards })
        for page in plan {
            let (bytes, fingerprint) = try both.renderedAndFingerprinted(page)
            #expect(bytes == (try renderer.render(page)), "\(page.path)")
            #expect(fingerprint == renderer.fingerprint(page), "\(page.path)")
        }
    }

    @Test("cards rendered once for every depth are those rendered at each depth, a card whose text has the marker too")
    func cardsForEveryDepth() throws {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        var articles = ArticleLoader.load(scan.seeds).articles
        articles[1].title += String(SiteRenderer.rootMarker) + "标记"
        let renderer = SiteRenderer(index: SiteIndex(articles: articles, gazetteer: .shared), config: SiteConfig(),
                                    templates: try TemplateLibrary(directory: Fixtures.packageRoot.appendingPathComponent("Templates").path))
        let depths = [0, 1, 2, 4]
        let table = renderer.with(cards: renderer.cardTable(depths: Set(depths)))
        for depth in depths {
            for i in articles.indices {
                let here = SiteRenderer.placeholder(depth: depth)
                let html = table.renderedCard(i, at: here).html
                #expect(html == renderer.renderedCard(i, at: here).html, "article \(i) at depth \(depth)")
                #expect(html.contains("href=\"" + String(repeating: "../", count: depth) + "articles/"))
            }
        }
    }

    @Test("campaign and year pages cut their lists twenty to a page, runs before mentions and month by month")
    func listPagesCutAtPageBoundaries() throws {
        // 13 articles run the campaign and 30 only mention it (its pages: 13 + 7, 20, 3); the
        // 43 fall in three months of one year (its pages cut through months).
        let articles = (0..<43).map { n in
            Article(title: "第\(n)篇", date: ArticleDate(year: 2024, month: 3 - n / 15, day: 28 - n % 15)!, source: nil, region: nil,
                    regions: [], campaigns: n < 13 ? ["党建+"] : [], mentions: n < 13 ? [] : ["党建+"],
                    origin: "seeds/\(n).md", slug: Slug("a\(n)")!, summary: "", body: "正文。")
        }
        let index = SiteIndex(articles: articles, gazetteer: .shared)
        let renderer = SiteRenderer(index: index, config: SiteConfig(),
                                    templates: try TemplateLibrary(directory: Fixtures.packageRoot.appendingPathComponent("Templates").path))
        let here = SitePaths.home
        func cards(_ positions: some Sequence<Int>) -> [String] { positions.map { renderer.renderedCard($0, at: here).html } }

        let c = try #require(index.campaigns.firstIndex { $0.name == "党建+" })
        let campaign = index.campaigns[c]
        #expect(campaign.articles.count == 13 && campaign.mentioned.count == 30)
        let both = campaign.articles + campaign.mentioned
        for page in 1...3 {
            let onPage = both[(page - 1) * 20..<min(both.count, page * 20)]
            let context = renderer.campaignPage(c, page, here)
            #expect(context.articles.map(\.html) == cards(onPage.filter(campaign.articles.contains)), "page \(page)")
            #expect(context.mentions.map(\.html) == cards(onPage.filter(campaign.mentioned.contains)), "page \(page)")
            #expect(context.pagination.pages.count == 3)
        }
        #expect(renderer.campaignPage(c, 2, here).articles.isEmpty)

        let year = index.timeline.years[0]
        #expect(year.months.map(\.articles.count) == [15, 15, 13])
        for page in 1...3 {
            let onPage = Set(year.articles[(page - 1) * 20..<min(year.articles.count, page * 20)])
            let expected = year.months.map { cards($0.articles.filter(onPage.contains)) }.filter { !$0.isEmpty }
            #expect(renderer.yearPage(2024, page, here).months.map { $0.articles.map(\.html) } == expected, "page \(page)")
        }
        #expect(renderer.yearPage(2024, 2, here).months.map(\.title) == ["2024年2月", "2024年1月"])
    }

    /// A copy of the project's templates, for a test to change one.
    static func projectTemplates(_ name: String) throws -> TemporaryDirectory {
        let templates = try TemporaryDirectory(name)
        let source = Fixtures.packageRoot.appendingPathComponent("Templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: templates.file(file))
        }
        return templates
    }

    /// The seeds' index and a renderer with `templates`.
    static func seedsSite(templates: TemporaryDirectory) throws -> (SiteIndex, SiteRenderer) {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let index = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared)
        return (index, SiteRenderer(index: index, config: SiteConfig(), templates: try TemplateLibrary(directory: templates.url.path)))
    }

    @Test("each page's header, shared among pages, is that of its own depth and section")
    func sharedFrame() throws {
        let templates = try Self.projectTemplates("frame-templates")
        try "<p id=probe>{{root}}|{{#nav}}{{#isCurrent}}{{title}}{{/isCurrent}}{{/nav}}</p>"
            .write(to: templates.file("header.mustache"), atomically: true, encoding: .utf8)
        let (index, renderer) = try Self.seedsSite(templates: templates)
        var seen = Set<String>()
        for page in PagePlanner.plan(index) {
            let section: String
            switch page.kind {
            case .home: section = "首页"
            case .regionIndex, .region: section = "地区"
            case .campaignIndex, .campaign: section = "创建模式"
            case .timeline, .year: section = "时间线"
            case .search: section = "搜索"
            case .article, .notFound: section = ""
            case .siteFeed, .regionFeed, .campaignFeed, .sitemap, .robots: continue
            }
            let probe = "<p id=probe>\(String(repeating: "../", count: page.path.depth))|\(section)</p>"
            let html = String(decoding: try renderer.render(page), as: UTF8.self)
            #expect(html.contains("<body>\n\(probe)\n<div class=\"page\">"), "\(page.path)")
            seen.insert(probe)
        }
        #expect(seen.count >= 6)
    }

    @Test("each page's breadcrumb, shared among pages with the same trail, is rendered from its own trail")
    func sharedBreadcrumbs() throws {
        let templates = try Self.projectTemplates("crumb-templates")
        try "<p id=crumbs>{{#breadcrumbs}}[{{title}}|{{#url}}{{.}}{{/url}}{{^url}}-{{/url}}|{{count}}]{{/breadcrumbs}}</p>\n"
            .write(to: templates.file("breadcrumb.mustache"), atomically: true, encoding: .utf8)
        func probe(_ trail: [Link]) -> String {
            "<p id=crumbs>" + trail.map { "[\($0.title)|\($0.url ?? "-")|\($0.count.map(String.init) ?? "")]" }.joined() + "</p>"
        }

        // Trails that differ in one field, or only in where one field ends and the next
        // begins, each get their own.
        let trails: [[Link]] = [
            [Link(title: "首页", url: "../index.html"), Link(title: "永登县", url: nil)],
            [Link(title: "首页", url: "../index.html"), Link(title: "永登县", url: "")],
            [Link(title: "首页", url: "../index.html"), Link(title: "永登县", url: nil, count: 3)],
            [Link(title: "首页", url: "../index.html"), Link(title: "永登", url: "县")],
            [Link(title: "首页", url: "../index.html"), Link(title: "永登县", url: "../regions/620121/index.html")],
            [Link(title: "首页", url: "../../index.html"), Link(title: "永登县", url: "../regions/620121/index.html")],
            [Link(title: "首页", url: "../index.html")],
        ]
        let (index, renderer) = try Self.seedsSite(templates: templates)
        for _ in 0..<2 {
            for trail in trails { #expect(renderer.breadcrumbHTML(trail) == probe(trail)) }
        }

        // Every page of the seeds shows its own trail.
        var shown = 0
        for page in PagePlanner.plan(index) {
            guard case let .template(_, context, _) = renderer.content(of: page, body: { _ in RenderedBody(html: "", headings: []) }),
                  let layout = (context as? MustacheParent)?.child(named: "layout") as? Layout, !layout.breadcrumbs.isEmpty else { continue }
            let html = String(decoding: try renderer.render(page), as: UTF8.self)
            #expect(html.contains("<div class=\"page\">\n\(probe(layout.breadcrumbs))\n<main"), "\(page.path)")
            shown += 1
        }
        #expect(shown >= 20)
    }

    @Test("an article's feed entry, rendered once, is the same in every feed that has it")
    func sharedFeedEntries() throws {
        let templates = try Self.projectTemplates("entry-templates")
        try "<entry>{{title}}|{{url}}|{{updated}}|{{#categories}}{{.}},{{/categories}}</entry>\n"
            .write(to: templates.file("feed_entry.mustache"), atomically: true, encoding: .utf8)
        let (index, renderer) = try Self.seedsSite(templates: templates)
        var feeds = 0
        for page in PagePlanner.plan(index) {
            guard case let .template("feed", context, _) = renderer.content(of: page, body: { _ in RenderedBody(html: "", headings: []) }),
                  let feed = context as? FeedContext else { continue }
            let entries = feed.entries.map { "<entry>\($0.title)|\($0.url)|\($0.updated)|\($0.categories.map { $0 + "," }.joined())</entry>\n" }
            let xml = String(decoding: try renderer.render(page), as: UTF8.self)
            #expect(xml.contains("</author>\n" + entries.joined() + "</feed>"), "\(page.path)")
            feeds += 1
        }
        #expect(feeds >= 10)
    }

    @Test("a page's fingerprint takes its frame's fields, hashed once with the frame: frames that differ in any field hash apart")
    func frameFingerprint() {
        let fields = SiteFrame.Fields(siteName: "民族团结进步示范创建", root: "../", home: "../index.html", stylesheet: "../assets/style.css",
                                      favicon: "../assets/favicon.svg", searchPage: "../search/index.html",
                                      nav: [NavItem(title: "首页", url: "../index.html", isCurrent: true)])
        var other = fields
        other.nav[0].isCurrent = false
        #expect(SiteFrame(fields).fingerprint == HashingEncoder.hash(fields))
        #expect(HashingEncoder.hash(SiteFrame(fields)) == HashingEncoder.hash(SiteFrame(fields)))
        #expect(HashingEncoder.hash(SiteFrame(fields)) != HashingEncoder.hash(SiteFrame(other)))
        other = fields
        other.stylesheet = "../assets/other.css"
        #expect(HashingEncoder.hash(SiteFrame(fields)) != HashingEncoder.hash(SiteFrame(other)))
    }

    @Test("every stored field of every context is visible to the templates")
    func fieldsVisible() throws {
        for sample in try Self.samples() {
            let parent = try #require(sample as? MustacheParent, "\(type(of: sample)) has no direct lookup")
            for child in Mirror(reflecting: sample).children {
                let label = try #require(child.label)
                let expected = Self.unwrapped(child.value)
                let found = parent.child(named: label)
                // A nil optional reads as absent, as Mirror's lookup has it; every other field as itself.
                #expect((found == nil) == (expected == nil), "\(type(of: sample)).\(label) is invisible to templates")
                #expect(found.map { String(describing: $0) } == expected.map { String(describing: $0) },
                        "\(type(of: sample)).\(label) reads as another value")
            }
        }
    }

    @Test("the head's canonical and feed links come from the layout alone, never from a field of the page of the same name")
    func headLinksFromLayout() throws {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let index = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared)
        let templates = try TemplateLibrary(directory: Fixtures.packageRoot.appendingPathComponent("Templates").path)
        let renderer = SiteRenderer(index: index, config: SiteConfig(), templates: templates)
        var page = renderer.regionPage(index.regions.roots[0], 1, SitePaths.home)
        #expect(try templates.render(page, with: "region").contains("application/atom+xml"))
        // The page names its feed in its body; with none in the layout, the head has none.
        page.layout.feed = nil
        page.layout.canonical = nil
        let html = try templates.render(page, with: "region")
        #expect(!html.contains("application/atom+xml") && !html.contains("rel=\"canonical\""))
        #expect(html.contains("href=\"\(page.feed)\">订阅"))
    }

    @Test("text and numbers render as themselves: escaped, unescaped, as sections and inverted sections")
    func textAndNumbers() throws {
        // What swift-mustache gives any value through String(describing:), which these
        // types' own rendering (PageContexts+Mustache) skips.
        let template = try MustacheTemplate(string: """
            {{% CONTENT_TYPE: HTML }}{{s}}|{{{s}}}|{{#s}}[{{.}}]{{/s}}|{{^s}}none{{/s}}|{{#e}}[{{.}}]{{/e}}|{{^e}}none{{/e}}|\
            {{n}}|{{#z}}[{{.}}]{{/z}}|{{^z}}none{{/z}}|{{#missing}}x{{/missing}}{{^missing}}absent{{/missing}}|{{k.title}}
            """)
        let context: [String: Any] = ["s": "<a href=\"x\">&甘肃</a>", "e": "", "n": -42, "z": 0,
                                      "k": Link(title: "“党建+”<b>", url: nil)]
        #expect(template.render(context) == """
            &lt;a href=&quot;x&quot;&gt;&amp;甘肃&lt;/a&gt;|<a href="x">&甘肃</a>|[&lt;a href=&quot;x&quot;&gt;&amp;甘肃&lt;/a&gt;]||[]||\
            -42|[0]||absent|“党建+”&lt;b&gt;
            """)
        #expect(("" as Any) is MustacheCustomRenderable && (0 as Any) is MustacheCustomRenderable)
    }

    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}

import Mustache

// Direct field lookup for the templates. swift-mustache otherwise finds fields through
// Mirror, which costs more than all the rest of rendering together. Each case is the
// property of the same name; a nil optional is "not found", as with Mirror.

extension Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "count": self.count
        default: nil
        }
    }
}

extension NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "isCurrent": self.isCurrent
        default: nil
        }
    }
}

extension Layout: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "frame": self.frame
        case "documentTitle": self.documentTitle
        case "description": self.description
        case "canonical": self.canonical
        case "feed": self.feed
        case "breadcrumbs": self.breadcrumbs
        case "breadcrumb": self.breadcrumb
        case "header": self.header
        case "footer": self.footer
        default: frame.child(named: name)
        }
    }
}

extension BreadcrumbTrail: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "breadcrumbs": self.breadcrumbs
        default: nil
        }
    }
}

extension SiteFrame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "fields": self.fields
        case "fingerprint": self.fingerprint
        default: fields.child(named: name)
        }
    }
}

extension SiteFrame.Fields: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": self.lang
        case "siteName": self.siteName
        case "root": self.root
        case "home": self.home
        case "stylesheet": self.stylesheet
        case "favicon": self.favicon
        case "searchPage": self.searchPage
        case "nav": self.nav
        default: nil
        }
    }
}

extension RenderedCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "html": self.html
        case "fingerprint": self.fingerprint
        default: nil
        }
    }
}

extension ArticleCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "date": self.date
        case "isoDate": self.isoDate
        case "place": self.place
        case "summary": self.summary
        case "campaigns": self.campaigns
        default: nil
        }
    }
}

extension PageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "url": self.url
        case "isCurrent": self.isCurrent
        case "gapBefore": self.gapBefore
        default: nil
        }
    }
}

extension Pagination: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "pages": self.pages
        case "previous": self.previous
        case "next": self.next
        case "current": self.current
        case "total": self.total
        case "isPaginated": self.isPaginated
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "latest": self.latest
        case "provinces": self.provinces
        case "campaigns": self.campaigns
        case "years": self.years
        case "articleCount": self.articleCount
        case "regionCount": self.regionCount
        case "campaignCount": self.campaignCount
        case "moreArticles": self.moreArticles
        default: nil
        }
    }
}

extension TableOfContentsEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "text": self.text
        default: nil
        }
    }
}

extension ArticlePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "date": self.date
        case "isoDate": self.isoDate
        case "source": self.source
        case "republished": self.republished
        case "regions": self.regions
        case "campaigns": self.campaigns
        case "mentions": self.mentions
        case "toc": self.toc
        case "body": self.body
        case "related": self.related
        case "older": self.older
        case "newer": self.newer
        default: nil
        }
    }
}

extension RegionTreeNode: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "count": self.count
        case "children": self.children
        default: nil
        }
    }
}

extension RegionIndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "provinces": self.provinces
        default: nil
        }
    }
}

extension RegionPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "name": self.name
        case "level": self.level
        case "count": self.count
        case "children": self.children
        case "campaigns": self.campaigns
        case "articles": self.articles
        case "pagination": self.pagination
        case "feed": self.feed
        default: nil
        }
    }
}

extension CampaignIndexPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "campaigns": self.campaigns
        case "count": self.count
        default: nil
        }
    }
}

extension CampaignPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "name": self.name
        case "runCount": self.runCount
        case "mentionCount": self.mentionCount
        case "articles": self.articles
        case "mentions": self.mentions
        case "regions": self.regions
        case "pagination": self.pagination
        case "feed": self.feed
        default: nil
        }
    }
}

extension MonthGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "id": self.id
        case "articles": self.articles
        default: nil
        }
    }
}

extension YearSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "year": self.year
        case "url": self.url
        case "count": self.count
        case "months": self.months
        default: nil
        }
    }
}

extension TimelinePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "years": self.years
        default: nil
        }
    }
}

extension YearPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "year": self.year
        case "count": self.count
        case "months": self.months
        case "pagination": self.pagination
        default: nil
        }
    }
}

extension SimplePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "regions": self.regions
        case "campaigns": self.campaigns
        case "timeline": self.timeline
        case "searchManifest": self.searchManifest
        case "searchScript": self.searchScript
        default: nil
        }
    }
}

extension FeedContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "author": self.author
        case "id": self.id
        case "selfURL": self.selfURL
        case "pageURL": self.pageURL
        case "updated": self.updated
        case "entries": self.entries
        default: nil
        }
    }
}

extension FeedEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "updated": self.updated
        case "summary": self.summary
        case "source": self.source
        case "categories": self.categories
        case "html": self.html
        default: nil
        }
    }
}

extension SitemapContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "urls": self.urls
        default: nil
        }
    }
}

// Text and numbers render as themselves. Said here, swift-mustache takes that from one
// check of each variable's value, where otherwise it asks whether the value is a lambda or
// a wrapped optional and then goes through `String(describing:)`, each a lookup of a
// protocol conformance at run time.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

extension Int: @retroactive MustacheCustomRenderable {
    public var renderText: String { String(self) }
    public var isNull: Bool { false }
}

/// Where each field of an article starts in the positions the index stores: the title at
/// 0, then the campaigns, the regions and the body each at a fixed base shared by every
/// article of the site. A position alone then says which field a match is in, so ranking
/// needs no table of field bounds per article; and fields stay far apart, so no phrase
/// can match across two of them.
public struct SearchLayout: Sendable, Equatable {
    public var campaignsBase: Int
    public var regionsBase: Int
    public var bodyBase: Int

    public init(campaignsBase: Int, regionsBase: Int, bodyBase: Int) {
        self.campaignsBase = campaignsBase
        self.regionsBase = regionsBase
        self.bodyBase = bodyBase
    }

    public init(articles: [Article]) {
        self.init(lengths: articles.map(FieldLengths.init(article:)))
    }

    /// Each slot is a power of two (at least 256) above the longest such field of the
    /// site, so that one longer title rarely moves every other article's positions.
    init(lengths: [FieldLengths]) {
        func slot(_ longest: Int32) -> Int {
            var size = 256
            while size <= longest { size *= 2 }
            return size
        }
        campaignsBase = slot(lengths.map(\.titleEnd).max() ?? 0)
        regionsBase = campaignsBase + slot(lengths.map(\.campaigns).max() ?? 0)
        bodyBase = regionsBase + slot(lengths.map(\.regions).max() ?? 0)
    }

    /// The lengths the layout is made from, of one article's text (`SearchText`): where its
    /// title line ends, and how long its campaign and region lines are.
    struct FieldLengths: Sendable, Equatable {
        var titleEnd: Int32
        var campaigns: Int32
        var regions: Int32

        init(titleEnd: Int32, campaigns: Int32, regions: Int32) {
            (self.titleEnd, self.campaigns, self.regions) = (titleEnd, campaigns, regions)
        }

        init(article: Article) {
            let fields = SearchText.fieldEnds(title: article.title, campaigns: article.campaigns, regions: article.regions)
            self.init(titleEnd: Int32(clamping: fields.title), campaigns: Int32(clamping: fields.campaigns - fields.title),
                      regions: Int32(clamping: fields.regions - fields.campaigns))
        }
    }

    /// The stored position of index `i` of a text.
    @inline(__always)
    public func position(_ i: Int, in text: SearchText) -> Int {
        if i < text.titleEnd { return i }
        if i < text.campaignsEnd { return campaignsBase + i - text.titleEnd }
        if i < text.regionsEnd { return regionsBase + i - text.campaignsEnd }
        return bodyBase + i - text.regionsEnd
    }
}

extension SearchText {
    /// Where the title, campaign and region lines of such a text end (each with its line
    /// break), without building it.
    public static func fieldEnds(title: String, campaigns: [String], regions: [String]) -> (title: Int, campaigns: Int, regions: Int) {
        let titleEnd = title.unicodeScalars.count + 1
        let campaignsEnd = titleEnd + campaigns.reduce(max(0, campaigns.count - 1)) { $0 + $1.unicodeScalars.count } + 1
        let regionsEnd = campaignsEnd + regions.reduce(max(0, regions.count - 1)) { $0 + $1.unicodeScalars.count } + 1
        return (titleEnd, campaignsEnd, regionsEnd)
    }
}

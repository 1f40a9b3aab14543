/// 创建模式: a named work model, with the articles where it is primary and where it is mentioned.
public struct Campaign: Sendable, Equatable {
    public var name: String
    public var slug: Slug
    /// Articles that run it (one of their campaigns), as indices into `SiteIndex.articles`, newest first.
    public var articles: [Int]
    /// Articles that only mention it, newest first.
    public var mentioned: [Int]
    /// The divisions whose articles run it (primary or further campaign), by code.
    public var regions: [RegionCode]

    public init(name: String, slug: Slug, articles: [Int], mentioned: [Int], regions: [RegionCode]) {
        self.name = name
        self.slug = slug
        self.articles = articles
        self.mentioned = mentioned
        self.regions = regions
    }
}

/// What the site says about itself, and where it will live.
public struct SiteConfig: Sendable, Equatable, Encodable {
    public var siteName: String
    public var description: String
    /// Absolute URL of the site root, ending in `/`; used only where a URL must be
    /// absolute (feeds, sitemap, canonical links). Every other link is relative.
    public var baseURL: String

    public static let defaultBaseURL = "http://localhost:8080/"

    public init(
        siteName: String = "民族团结进步示范创建",
        description: String = "各地民族团结进步示范创建工作动态：按地区、创建模式和时间浏览。",
        baseURL: String = SiteConfig.defaultBaseURL
    ) {
        self.siteName = siteName
        self.description = description
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// The absolute URL of a page, pretty (`…/articles/x/`).
    public func absoluteURL(_ path: OutputPath) -> String { baseURL + path.prettyURL }
}

import Foundation
import Testing
@testable import SitegenKit

@Suite("The site index kept for the next build")
struct IndexCacheTests {
    static func seedArticles() throws -> [Article] {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        return SiteIndex.sorted(ArticleLoader.load(scan.seeds).articles)
    }

    @Test("what is kept reads back as it was worked out, with the key of the articles it was worked out from")
    func roundTrip() throws {
        let dir = try TemporaryDirectory("index-cache")
        let url = dir.file(IndexCache.fileName)
        let articles = try Self.seedArticles()
        let derived = SiteIndex.Derived(articles: articles, gazetteer: .shared, slugs: SlugMemo())
        #expect(!derived.related.isEmpty && !derived.campaigns.isEmpty && !derived.timeline.years.isEmpty)
        let key = SiteIndex.Derived.key(of: articles)
        try IndexCache.write(derived, key: key, to: url)
        // Read with the key it was kept for, which a build compares with its articles' key.
        let kept = try #require(IndexCache.load(from: url, gazetteer: .shared))
        #expect(kept.key == key && kept.derived == derived)
        #expect(IndexCache.load(from: url, gazetteer: .shared, generator: GeneratorStamp.current &+ 1) == nil, "another sitegen")
        // Cut short: not used.
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count - 3).write(to: url)
        #expect(IndexCache.load(from: url, gazetteer: .shared) == nil)
    }

    @Test("the key changes with what the index reads (date, origin, region, campaigns, mentions) and with nothing else")
    func key() throws {
        let articles = try Self.seedArticles()
        let key = SiteIndex.Derived.key(of: articles)
        func changed(_ change: (inout Article) -> Void) -> UInt64 {
            var copy = articles
            change(&copy[1])
            return SiteIndex.Derived.key(of: copy)
        }
        #expect(changed { $0.campaigns.append("新模式") } != key)
        #expect(changed { $0.mentions.append("新提法") } != key)
        #expect(changed { $0.date = ArticleDate(year: 2001, month: 1, day: 1)! } != key)
        #expect(changed { $0.region = nil } != key)
        #expect(changed { $0.origin += "x" } != key)
        #expect(SiteIndex.Derived.key(of: Array(articles.dropLast())) != key)
        // What the index does not read: the key stays, and so does what it worked out.
        #expect(changed { $0.title += "（更正）" } == key)
        #expect(changed { $0.summary += "。" } == key)
        #expect(changed { $0.regions.append("某地") } == key)
        var edited = articles
        edited[1].title += "（更正）"
        edited[1].summary += "。"
        #expect(SiteIndex.Derived(articles: edited, gazetteer: .shared, slugs: SlugMemo())
            == SiteIndex.Derived(articles: articles, gazetteer: .shared, slugs: SlugMemo()))
    }
}

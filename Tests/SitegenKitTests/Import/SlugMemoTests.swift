import Foundation
import Testing
@testable import SitegenKit

@Suite("Slugs remembered: titles in the article cache, campaigns in the manifest")
struct SlugMemoTests {
    @Test("a memo gives what transliteration gives, and what it was told")
    func memo() {
        let memo = SlugMemo(known: ["已知标题": Slug("given")!])
        #expect(memo.slug(for: "已知标题") == Slug("given"))
        #expect(memo.known("永登县民族团结") == nil)
        #expect(memo.slug(for: "永登县民族团结") == Slug(transliterating: "永登县民族团结"))
        #expect(memo.known("永登县民族团结") == Slug(transliterating: "永登县民族团结"))
    }

    /// A seed imported again with the title it had takes the slug the cache kept for that
    /// title: a made-up one here shows that no transliteration was done.
    @Test("a seed edited but for its title is imported with the slug the cache kept; a new title is transliterated")
    func fromTheCache() throws {
        let folder = try TemporaryDirectory("slug-memo")
        let seed = folder.file("a.md")
        func write(title: String, body: String) throws {
            try "---\ntitle: \"\(title)\"\ndate: 2024-01-02\n---\n\n\(body)\n".write(to: seed, atomically: true, encoding: .utf8)
        }
        try write(title: "永登县民族团结", body: "正文。")
        let seeds = [SeedFile(kind: .authored, path: "seeds/a.md", filePath: seed.path)]
        let first = ArticleLoader.load(ArticleLoader.states(of: seeds, stamps: SeedStamps()), cache: ArticleCache())
        var entry = try #require(first.cache["seeds/a.md"])
        #expect(entry.titleSlug == Slug(transliterating: "永登县民族团结")?.rawValue)
        entry.titleSlug = "made-up"
        var cache = first.cache
        cache["seeds/a.md"] = entry

        try write(title: "永登县民族团结", body: "正文，改过。")
        let second = ArticleLoader.load(ArticleLoader.states(of: seeds, stamps: SeedStamps()), cache: cache)
        #expect(second.imported == 1)
        #expect(second.articles.first?.slug.rawValue == "made-up")
        #expect(second.cache["seeds/a.md"]?.titleSlug == "made-up")

        try write(title: "永登县新标题", body: "正文。")
        let third = ArticleLoader.load(ArticleLoader.states(of: seeds, stamps: SeedStamps()), cache: second.cache)
        #expect(third.articles.first?.slug == Slug(transliterating: "永登县新标题"))
    }

    /// The manifest keeps the campaigns' slugs, and the index takes them from a memo: a
    /// made-up one shows that the memo is asked before ICU.
    @Test("the campaigns' slugs are kept in the manifest, and the site index takes them from the memo it is given")
    func campaignSlugs() throws {
        let articles = ArticleLoader.load(try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds").seeds).articles
        let memo = SlugMemo()
        let index = SiteIndex(articles: articles, gazetteer: .shared, slugs: memo)
        #expect(index.campaigns.map(\.slug) == SiteIndex(articles: articles, gazetteer: .shared).campaigns.map(\.slug))
        let party = try #require(index.campaign(named: "党建+"))
        #expect(party.slug.rawValue == "dang-jian-plus")
        #expect(memo.remembered["党建 plus "] == party.slug)

        let told = SiteIndex(articles: articles, gazetteer: .shared, slugs: SlugMemo(known: ["党建 plus ": Slug("made-up")!]))
        #expect(told.campaign(named: "党建+")?.slug.rawValue == "made-up")

        let project = try TemporaryDirectory("campaign-slugs")
        var options = BuildOptions.project(at: Fixtures.packageRoot)
        options.output = project.file("public")
        options.markdown = project.file("markdown")
        _ = try Build.run(options, log: { _ in })
        let manifest = try #require(OutputWriter.manifest(output: options.output, cache: options.cache))
        #expect(manifest.campaignSlugs == memo.remembered)
    }
}

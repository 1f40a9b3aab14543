import Foundation
import Testing
@testable import SitegenKit

@Suite("Titles' slugs remembered")
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
}

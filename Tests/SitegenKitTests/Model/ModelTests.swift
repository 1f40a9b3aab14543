import Testing
@testable import SitegenKit

@Suite("Model values")
struct ModelTests {
    @Test("a slug made from a Chinese title is its toneless pinyin")
    func pinyinSlug() {
        #expect(Slug(transliterating: "康巴什区:处处盛开民族团结之花")?.rawValue
            == "kang-ba-shen-qu-chu-chu-sheng-kai-min-zu-tuan-jie-zhi-hua")
    }

    @Test("a title of only punctuation and emoji has no slug")
    func noSlug() {
        #expect(Slug(transliterating: "“”《》🎉") == nil)
    }

    @Test("a slug cannot hold a path separator or dots", arguments: ["../x", "a/b", "a..b", "A", "", "-a", "a-", "-", "a--b", "yong deng", "永登",
                                                                  String(repeating: "a", count: 121)])
    func rejectsUnsafe(text: String) {
        #expect(Slug(text) == nil)
    }

    @Test("a clean slug is taken as it is", arguments: ["a", "yong-deng", "yong-deng-2", "2024", String(repeating: "a", count: 120)])
    func acceptsClean(text: String) {
        #expect(Slug(text)?.rawValue == text)
    }

    @Test("an output path cannot leave the output or hide a file", arguments: [
        "", "/etc/passwd", "../x", "a/../../x", "a/./b", "a//b", "a/", ".hidden", "a/.x/b", "a\\b", "a\u{1}b", "a\u{7F}",
    ])
    func rejectsUnsafePath(text: String) {
        #expect(OutputPath(text) == nil)
    }

    @Test("ordinary output paths are accepted", arguments: ["index.html", "articles/kang-ba-shen/index.html", "search/s1-0a1b.bin", "地区/x.y"])
    func acceptsPath(text: String) {
        #expect(OutputPath(text)?.rawValue == text)
    }

    @Test("region levels are read off the code", arguments: [
        ("620000", RegionLevel.province), ("620900", .city), ("620121", .county), ("150603", .county),
    ])
    func levels(code: String, level: RegionLevel) {
        #expect(RegionCode(code)?.level == level)
    }

    @Test("a code's province and prefecture are read off its digits", arguments: [
        ("620121", "620000", "620100"), ("110101", "110000", "110100"), ("620900", "620000", "620900"), ("620000", "620000", "620000"),
    ])
    func parentCodes(code: String, province: String, city: String) throws {
        let code = try #require(RegionCode(code))
        #expect(code.provinceCode == RegionCode(province))
        #expect(code.cityCode == RegionCode(city))
        #expect(code.provinceCode.level == .province)
    }

    @Test("impossible dates are refused", arguments: ["2023-02-30", "2023-13-01", "2023-00-10", "20230704"])
    func badDates(text: String) {
        #expect(ArticleDate(frontMatter: text) == nil)
    }

    @Test("front-matter dates round-trip", arguments: ["2023-07-04", "2025-04-09 11:27"])
    func dateRoundTrip(text: String) {
        #expect(ArticleDate(frontMatter: text)?.description == text)
    }

    @Test("a date's sort key orders dates as < does, and is equal only for equal dates")
    func dateSortKey() throws {
        // Every day of two years (a leap year's end and the next start), at no time, midnight,
        // and the last minute of the day; and the ends of the range of years.
        var dates: [ArticleDate] = []
        for year in [1900, 2023, 2024, 2999] {
            for month in [1, 2, 12] {
                for day in 1...31 {
                    guard let date = ArticleDate(year: year, month: month, day: day) else { continue }
                    dates += [date, try #require(ArticleDate(year: year, month: month, day: day, hour: 0, minute: 0)),
                              try #require(ArticleDate(year: year, month: month, day: day, hour: 0, minute: 1)),
                              try #require(ArticleDate(year: year, month: month, day: day, hour: 23, minute: 59))]
                }
            }
        }
        #expect(dates.count == 4 * 4 * (31 + 28 + 31) + 4)
        for a in dates {
            for b in dates {
                #expect((a.sortKey < b.sortKey) == (a < b) && (a.sortKey == b.sortKey) == (a == b), "\(a) \(b)")
            }
        }
    }

    @Test("an article's content hash changes with every field, and names them all")
    func contentHash() throws {
        let base = Article(title: "永登县民族团结", date: ArticleDate(year: 2024, month: 1, day: 2)!, source: "永登县",
                           region: RegionCode("620121"), regions: ["甘肃省", "兰州市", "永登县"], campaigns: ["党建+"],
                           mentions: ["百场万人"], origin: "seeds/1.md", slug: Slug("yong-deng")!, summary: "摘要", body: "正文")
        var changes: [(inout Article) -> Void] = []
        func variant(_ change: @escaping (inout Article) -> Void) { changes.append(change) }
        variant { $0.title += "。" }
        variant { $0.date = ArticleDate(year: 2024, month: 1, day: 3)! }
        variant { $0.date = ArticleDate(year: 2024, month: 1, day: 2, hour: 8, minute: 0)! }
        variant { $0.source = nil }
        variant { $0.source = "" }
        variant { $0.region = nil }
        variant { $0.regions.removeLast() }
        variant { $0.campaigns = ["党建", "+"] }
        variant { $0.mentions = [] }
        variant { $0.origin = "seeds/2.md" }
        variant { $0.slug = Slug("yong-deng-2")! }
        variant { $0.summary = "" }
        variant { $0.body = ArticleBody("正文。") }
        variant { $0.republished = [Republication(source: nil, origin: "seeds/3.md", date: base.date)] }
        let variants = changes.map { change in
            var a = base
            change(&a)
            return a
        }
        let hashes = [base.contentHash] + variants.map(\.contentHash)
        #expect(Set(hashes).count == hashes.count)
        #expect(base.contentHash == base.contentHash)
        // Each variant changed a copy: the fields the copies shared are as they were.
        #expect(variants.allSatisfy { $0 != base })
        #expect(base.title == "永登县民族团结" && base.regions.count == 3 && base.republished.isEmpty)
        // A hash recorded with the fields (as the article cache does) is forgotten by any
        // change: to an article that holds its fields alone, and to a copy of one that
        // shares them (whose original keeps it).
        var recorded = base
        recorded.record(contentHash: base.contentHash, indexHash: base.indexHash)
        for (change, variant) in zip(changes, variants) {
            var alone = base
            alone.record(contentHash: base.contentHash, indexHash: base.indexHash)
            change(&alone)
            var copy = recorded
            change(&copy)
            for a in [alone, copy] {
                #expect(a.contentHash == variant.contentHash && a.contentHash == a.computedContentHash)
                #expect(a.indexHash == variant.indexHash && a.indexHash == a.computedIndexHash)
            }
        }
        #expect(recorded.contentHash == base.contentHash && recorded.indexHash == base.indexHash)
        // A field added to Article must be hashed too: this count (of the fields in its box)
        // is the reminder.
        let box = try #require(Mirror(reflecting: base).children.first?.value)
        let fields = try #require(Mirror(reflecting: box).children.first?.value)
        #expect(Mirror(reflecting: fields).children.count == 12, "add the new field to Article.contentHash, then here")
    }
}

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

    @Test("a slug cannot hold a path separator or dots", arguments: ["../x", "a/b", "a..b", "A", "", "-a"])
    func rejectsUnsafe(text: String) {
        #expect(Slug(text) == nil)
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

    @Test("impossible dates are refused", arguments: ["2023-02-30", "2023-13-01", "2023-00-10", "20230704"])
    func badDates(text: String) {
        #expect(ArticleDate(frontMatter: text) == nil)
    }

    @Test("front-matter dates round-trip", arguments: ["2023-07-04", "2025-04-09 11:27"])
    func dateRoundTrip(text: String) {
        #expect(ArticleDate(frontMatter: text)?.description == text)
    }
}

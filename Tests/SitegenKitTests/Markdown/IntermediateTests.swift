import Testing
@testable import SitegenKit

@Suite("Reading and writing intermediates")
struct IntermediateTests {
    static func article(title: String) -> Article {
        Article(title: title, date: ArticleDate(year: 2023, month: 7, day: 4)!, source: "甘肃省酒泉市民宗委",
                region: RegionCode("620900"), regions: ["甘肃省", "酒泉市"], campaigns: ["党建+"], mentions: ["百场万人"],
                origin: "seeds/x.txt", slug: Slug("x")!, summary: "一句话。", body: "正文。\n")
    }

    @Test("tricky titles survive the round trip", arguments: [
        "标题: 带冒号", "带\"引号\"和'单引号'", "# 井号开头", "<script>alert(1)</script>", "表情🎉标题", "../../etc/passwd", "[方括号] 开头", "yes",
    ])
    func roundTrip(title: String) throws {
        let article = Self.article(title: title)
        let parsed = try #require(Intermediate.parse(Intermediate.text(for: article), file: "x.md").value)
        #expect(parsed == article)
    }

    @Test("a field is read as Yams's mapping[name] finds it: quoted or tagged as text, never a key of another tag; a repeated key is an error")
    func fieldKeys() throws {
        func parsed(_ frontMatter: String) -> Article? {
            Intermediate.parse("---\n" + frontMatter + "\n---\n正文", file: "seeds/a.md").value
        }
        #expect(parsed("title: 一\ndate: 2023-07-04\ntitle: 二") == nil)
        #expect(parsed("\"title\": 引号\ndate: 2023-07-04")?.title == "引号")
        #expect(parsed("!!str title: 文本标签\ndate: 2023-07-04")?.title == "文本标签")
        #expect(parsed("title: 标题\ndate: 2023-07-04\nsource: 甲\n!custom source: 乙")?.source == "甲")
        #expect(parsed("!custom title: 其他标签\ndate: 2023-07-04") == nil, "no title")
        #expect(parsed("title: 标题\n? [date]\n: 2023-07-04") == nil, "no date")
        #expect(parsed("title: 标题\ndate: 2023-07-04\nregions: [甘肃省, 酒泉市]\nsource: 甲")?.regions == ["甘肃省", "酒泉市"])
    }

    @Test("an authored body is kept as written from its first line of text, and renders as its normalised form does")
    func authoredBodyAsWritten() throws {
        let body = "__加粗__的开头\n* 一项\n* 两项\n\n\n\n## 小标题\n正文 *强调*\n"
        let article = try #require(Intermediate.parse("---\ntitle: 标题\ndate: 2023-07-04\n---\n\n \n" + body, file: "seeds/a.md").value)
        #expect(article.body.markdown == body)
        let normalised = CommonMark.normalise(body)
        #expect(normalised != body)
        #expect(HTMLRenderer.render(markdown: body) == HTMLRenderer.render(markdown: normalised))
    }

    @Test("problems name the line in the original file", arguments: [
        ("---\ntitle: 标题\ndate: 2023/13/01\n---\n正文", "seeds/a.md:3: error: date \"2023/13/01\" is not a date; write it as YYYY-MM-DD"),
        ("---\ndate: 2023-07-04\n---\n正文", "seeds/a.md:2: error: no title; add title: 标题 to the front matter"),
        ("正文，没有前言", "seeds/a.md:1: error: no front matter (the file must start with a --- line); start it with ---, then title: and date: lines, then ---"),
        ("---\ntitle: 标题\ndate: 2023-07-04\n正文", "seeds/a.md:1: error: the front matter is never closed; add a --- line after the last field"),
        ("---\ntitle: 标题\ndate: 2023-07-04\nsource: \"未闭合\n---\n正文", "seeds/a.md:4: error: the front matter is not valid YAML (found unexpected end of stream); check quotes and colons on that line; quote values that contain a colon"),
    ])
    func diagnostics(text: String, line: String) {
        let result = Intermediate.parse(text, file: "seeds/a.md")
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description) == [line])
    }

    @Test("an unknown field is a warning on its own line, and the article still loads")
    func unknownField() {
        let result = Intermediate.parse("---\ntitle: 标题\ndate: 2023-07-04\nauthor: 张三\n---\n正文", file: "seeds/a.md")
        #expect(result.value?.title == "标题")
        #expect(result.diagnostics.map(\.description)
            == ["seeds/a.md:4: warning: unknown field \"author\" is ignored; use one of: title, date, source, region, regions, campaigns, mentions, origin, slug, summary"])
    }

    @Test("an editor's unquoted values are read as the text they are, whatever YAML type they look like")
    func plainScalarsAreText() throws {
        let text = "---\ntitle: 2024\ndate: 2023-07-04 09:30\nsource: true\nregion: 620121\ncampaigns: [1.5, null, ~, 党建+]\nslug: yes\nsummary: 0x1F\n---\n正文"
        let article = try #require(Intermediate.parse(text, file: "seeds/a.md").value)
        #expect(article.title == "2024")
        #expect(article.date.description == "2023-07-04 09:30")
        #expect(article.source == "true")
        #expect(article.region == RegionCode("620121"))
        #expect(article.campaigns == ["1.5", "null", "~", "党建+"])
        #expect(article.slug == Slug("yes"))
        #expect(article.summary == "0x1F")
    }

    @Test("values are trimmed of the spaces pages indent with: full-width, no-break, zero-width, BOM")
    func valuesTrimmed() throws {
        let text = "---\ntitle: \"\u{200B}\u{3000}标题\u{00A0}\u{FEFF}\"\ndate: 2023-07-04\nsource: \" \u{200B} \"\n---\n正文"
        let article = try #require(Intermediate.parse(text, file: "seeds/a.md").value)
        #expect(article.title == "标题")
        #expect(article.source == nil)
    }
}

import Testing
@testable import SitegenKit

@Suite("CommonMark through cmark's AST")
struct CommonMarkTests {
    @Test("a bold lead-in reads back as bold, whatever punctuation ends it", arguments: [
        "一是深化理论武装。",
        "二是持续打造民族地区人才“高地”。",
        "一、坚持政治引领为核心，强化民族工作向心力。",
        "四是“党建+志愿服务活动”，积极发挥党员干部先锋模范作用。",
    ])
    func leadInRoundTrip(leadIn: String) {
        let markdown = CommonMark.markdown(for: [.paragraph(leadIn: leadIn, text: "将铸牢中华民族共同体意识教育纳入学习。")])
        #expect(CommonMark.normalise(markdown) == markdown)
        let html = HTMLRenderer.render(markdown: markdown).html
        #expect(html.hasPrefix("<p><strong>"))
        #expect(!html.contains("**"))
    }

    @Test("text that looks like Markdown stays text", arguments: [
        "# 不是标题", "1. 不是列表", "*星号*与_下划线_", "[链接](http://example.com)", "<script>alert(1)</script>", "反斜杠\\和`反引号`",
    ])
    func escaping(text: String) {
        let markdown = CommonMark.markdown(for: [.paragraph(leadIn: nil, text: text)])
        #expect(CommonMark.normalise(markdown) == markdown)
        let html = HTMLRenderer.render(markdown: markdown).html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<h1>"))
        #expect(!html.contains("<a "))
        #expect(!html.contains("<em>"))
    }

    @Test("the imported seeds' bodies are fixed points of normalisation", arguments: ["000", "001", "002", "003", "004"])
    func seedBodies(seed: String) throws {
        let markdown = CommonMark.markdown(for: try Fixtures.extraction(ofSeed: seed).blocks)
        #expect(CommonMark.normalise(markdown) == markdown)
    }

    @Test("safe mode drops raw HTML and javascript: links from authored Markdown")
    func safeMode() {
        let html = HTMLRenderer.render(markdown: "正文<script>alert(1)</script>\n\n<iframe src=x></iframe>\n\n[点我](javascript:alert(1))").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("javascript:"))
    }

    @Test("a body reads the same from a string and from its stored bytes, a NUL in it too (cmark makes it U+FFFD)")
    func sameFromStringAndBytes() {
        for markdown in ["## 标题\n\n正文。\n", "前半\u{0}后半。\n", ""] {
            #expect(HTMLRenderer.render(markdown: markdown) == HTMLRenderer.render(body: ArticleBody(markdown)))
            #expect(CommonMark.plainText(markdown) == CmarkDocument(body: ArticleBody(markdown)).plainText())
        }
        #expect(HTMLRenderer.render(markdown: "前半\u{0}后半。").html == "<p>前半\u{FFFD}后半。</p>\n")
    }

    @Test("headings get unique anchors in order, nested ones too")
    func headingAnchors() {
        let body = HTMLRenderer.render(markdown: "## 一\n\n正文\n\n> ## 引文里的标题\n\n## 二\n\n正文")
        #expect(body.headings.map(\.id) == ["s1", "s2", "s3"])
        #expect(body.headings.map(\.text) == ["一", "引文里的标题", "二"])
        #expect(body.html.contains("<h2 id=\"s1\">一</h2>"))
        #expect(body.html.contains("<h2 id=\"s3\">二</h2>"))
    }

    @Test("numbered lines become an ordered list")
    func orderedList() {
        let markdown = CommonMark.markdown(for: [.orderedList(["第一项。", "第二项。"])])
        #expect(markdown == "1.  第一项。\n2.  第二项。\n")
        #expect(CommonMark.normalise(markdown) == markdown)
    }
}

import Foundation
import Testing
@testable import SitegenKit

@Suite("sitegen check")
struct SiteCheckerTests {
    @Test("the seeds pass with no problem")
    func seedsPass() throws {
        let report = try SiteChecker.check(.project(at: Fixtures.packageRoot), today: ArticleDate(year: 2026, month: 11, day: 22)!)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.articles == 5 && report.pages == 48 && report.links > 500)
    }

    @Test("finds missing fields, future dates, republished text, broken links and broken markup")
    func problems() throws {
        let dir = try TemporaryDirectory("check")
        let seeds = dir.file("seeds"), templates = dir.file("Templates")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("seeds"), to: seeds)
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates"), to: templates)
        // The same text as 003 again, from another source.
        let copy = try Fixtures.seed("003")
        let text = String(decoding: copy.bytes, as: UTF8.self).replacingOccurrences(of: "来源:康巴什区委统战部", with: "来源:鄂尔多斯市民委")
        try Data(text.utf8).write(to: seeds.appendingPathComponent("005_republished.txt"))
        try Data("---\ntitle: 没有地区也没有模式\ndate: 2031-01-01\n---\n\n这篇文章既没有地区，也没有创建模式，日期还在将来，用来检查规则是否生效。\n".utf8)
            .write(to: seeds.appendingPathComponent("006_bare.md"))
        // A template with a dead link and an unclosed element.
        let search = templates.appendingPathComponent("search.mustache")
        let page = try String(contentsOf: search, encoding: .utf8)
        try page.replacingOccurrences(of: "<h1>搜索</h1>", with: "<h1>搜索</h1><a href=\"nowhere/index.html\">x</a><div><p>未闭合")
            .write(to: search, atomically: true, encoding: .utf8)
        // A feed template whose title element is closed by another name.
        let feed = templates.appendingPathComponent("feed.mustache")
        try String(contentsOf: feed, encoding: .utf8).replacingOccurrences(of: "<title>{{title}}</title>", with: "<title>{{title}}</titel>")
            .write(to: feed, atomically: true, encoding: .utf8)
        var options = BuildOptions.project(at: dir.url)
        options.output = dir.file("public")
        let report = try SiteChecker.check(options, today: ArticleDate(year: 2026, month: 11, day: 22)!)
        // Paths are shown relative to the working directory when inside it; this project is not.
        let lines = report.diagnostics.map { $0.description.replacingOccurrences(of: dir.url.standardizedFileURL.path + "/", with: "") }
        let expected = [
            "seeds/005_republished.txt: warning: the same text as seeds/003_d00c2f80b039083e.txt (published twice)",
            "seeds/006_bare.md: error: no division of China found in the headline, source or text",
            "seeds/006_bare.md: error: no campaign (work model) named in the headline",
            "seeds/006_bare.md: error: dated 2031-01-01, which is in the future",
            "public/search/index.html: error: links to nowhere/index.html, which is not in the site",
            "public/search/index.html: error: the page is not well formed: </main> closes <p>",
            "public/feed.xml: error: the page is not well-formed XML (line 3: Opening and ending tag mismatch: title line 3 and titel)",
        ]
        for line in expected {
            #expect(lines.contains { $0.hasPrefix(line) }, "missing: \(line)\nin: \(lines)")
        }
        #expect(!lines.contains { $0.hasPrefix("public/sitemap.xml") }, "the sitemap's template is whole")
        #expect(report.errorCount >= 5)
        #expect(report.articles == 6, "the republished copy is folded into the original")
    }

    @Test("sitegen check and build sum up in words that agree with the counts: 1 article, 0 errors")
    func summaryLines() throws {
        let dir = try TemporaryDirectory("check-one")
        try FileManager.default.createDirectory(at: dir.file("seeds"), withIntermediateDirectories: true)
        try Data(Fixtures.seed("003").bytes).write(to: dir.file("seeds/003.txt"))
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates"), to: dir.file("Templates"))
        func summary(_ arguments: [String]) throws -> String {
            let (status, output) = try KeepImportTests.run(arguments, in: dir.url)
            #expect(status == 0, "\(output)")
            return try #require(output.split(separator: "\n").last.map(String.init))
        }
        let checked = try summary(["check"])
        #expect(checked.firstMatch(of: /^Checked 1 article, \d+ pages, \d+ links: 0 errors, 0 warnings$/) != nil, "\(checked)")
        let built = try summary(["build"])
        #expect(built.firstMatch(of: /^Built 1 article into public\/: \d+ pages, \d+ files written, 0 unchanged, 0 removed, in \d/) != nil, "\(built)")
    }

    @Test("a republished article keeps one page that lists both sources")
    func republished() throws {
        let dir = try TemporaryDirectory("republished")
        let seeds = dir.file("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let original = try Fixtures.seed("003")
        try Data(original.bytes).write(to: seeds.appendingPathComponent("a.txt"))
        let text = String(decoding: original.bytes, as: UTF8.self)
            .replacingOccurrences(of: "2022-09-13 10:40", with: "2022-09-15 08:00")
            .replacingOccurrences(of: "来源:康巴什区委统战部", with: "来源:鄂尔多斯市民委")
        try Data(text.utf8).write(to: seeds.appendingPathComponent("b.txt"))
        let options = dir.buildOptions(seeds: seeds)
        let report = try Build.run(options, log: { _ in })
        #expect(report.articles == 1)
        let pages = dir.files(under: "public/articles")
        #expect(pages.count == 1)
        let html = try #require(dir.read(pages[0]))
        #expect(html.contains("来源：康巴什区委统战部"))
        #expect(html.contains("<span>同时刊发：鄂尔多斯市民委（2022年9月15日）</span>"))
    }
}

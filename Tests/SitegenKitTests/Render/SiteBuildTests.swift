import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SitegenKit

@Suite("Building the seeds into a site")
struct SiteBuildTests {
    let site = SiteFixture.seeds

    @Test("the build publishes all five seeds without a problem")
    func report() {
        #expect(site.report.articles == 5)
        #expect(site.report.diagnostics.isEmpty, "\(site.report.diagnostics)")
        #expect(site.articlePages.count == 5)
    }

    @Test("every page of the design exists", arguments: [
        "index.html", "regions/index.html", "campaigns/index.html", "timeline/index.html", "search/index.html",
        "404.html", "feed.xml", "sitemap.xml", "robots.txt", "assets/style.css",
        "timeline/2019/index.html", "timeline/2022/index.html", "timeline/2023/index.html", "timeline/2025/index.html",
        "campaigns/dang-jian-plus/index.html", "campaigns/dang-jian-plus/feed.xml", "regions/620000/feed.xml",
    ])
    func pageExists(path: String) {
        #expect(site.page(path) != nil, "missing \(path)")
    }

    @Test("every article has its page")
    func articlePages() {
        for (seed, path) in site.articlePages { #expect(site.page(path) != nil, "no page for seed \(seed)") }
    }

    @Test("every internal link and anchor resolves to a file in the output")
    func links() throws {
        let pages = site.directory.files(under: "public").filter { $0.hasSuffix(".html") }
        // 5 articles, 10 regions, 5 campaigns, 4 years, and home, regions, campaigns, timeline, search, 404.
        #expect(pages.count == 30)
        var checked = 0
        for page in pages {
            let html = try #require(site.directory.read(page))
            for target in Self.attributes(["href", "src", "action"], in: html) {
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                #expect(!target.hasPrefix("/"), "\(page) links to a root path \(target), which breaks under file:// and sub-paths")
                let (path, anchor) = Self.split(target)
                let file = path.isEmpty ? page : Self.resolve(path, from: page)
                let content = site.directory.read(file)
                #expect(content != nil, "\(page) links to \(target), which is not in the output")
                if let anchor, let content {
                    #expect(content.contains("id=\"\(anchor)\""), "\(page) links to \(target), but \(file) has no such anchor")
                }
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test("region pages list their own and their descendants' articles", arguments: [
        ("620000", ["000", "001", "004"]), ("620900", ["000"]), ("620100", ["001"]), ("620121", ["001"]),
        ("620500", ["004"]), ("620525", ["004"]), ("150000", ["002", "003"]), ("150400", ["002"]),
        ("150600", ["003"]), ("150603", ["003"]),
    ])
    func regionPages(code: String, seeds: [String]) throws {
        let html = try #require(site.page("regions/\(code)/index.html"))
        for seed in ["000", "001", "002", "003", "004"] {
            let slug = try #require(site.articlePages[seed]).split(separator: "/")[1]
            #expect(html.contains("/\(slug)/index.html") == seeds.contains(seed), "region \(code) and seed \(seed)")
        }
    }

    @Test("the 党建+ page lists 000 as running it and 002 as mentioning it")
    func campaignPage() throws {
        let html = try #require(site.page("campaigns/dang-jian-plus/index.html"))
        let slug000 = try #require(site.articlePages["000"]).split(separator: "/")[1]
        let slug002 = try #require(site.articlePages["002"]).split(separator: "/")[1]
        let runs = try #require(html.range(of: "id=\"runs-h\""))
        let mentions = try #require(html.range(of: "id=\"mentions-h\""))
        let at000 = try #require(html.range(of: "/\(slug000)/index.html"))
        let at002 = try #require(html.range(of: "/\(slug002)/index.html"))
        #expect(runs.upperBound < at000.lowerBound && at000.upperBound < mentions.lowerBound)
        #expect(mentions.upperBound < at002.lowerBound)
    }

    @Test("the timeline has 2025, 2023, 2022 (two articles) and 2019")
    func timeline() throws {
        let html = try #require(site.page("timeline/index.html"))
        let years = Self.matches(of: #"<h2><a href="[^"]*">(\d{4})年</a> <span class="count">(\d+) 篇</span>"#, in: html)
        #expect(years.map { "\($0[0]):\($0[1])" } == ["2025:1", "2023:1", "2022:2", "2019:1"])
        let y2022 = try #require(site.page("timeline/2022/index.html"))
        for seed in ["002", "003"] {
            let slug = try #require(site.articlePages[seed]).split(separator: "/")[1]
            #expect(y2022.contains("/\(slug)/index.html"))
        }
    }

    @Test("feeds and the sitemap are well-formed XML with absolute URLs")
    func xml() throws {
        let files = site.directory.files(under: "public").filter { $0.hasSuffix(".xml") }
        #expect(files.count >= 1 + 10 + 5 + 1)
        for file in files {
            let data = try #require(site.directory.read(file)).data(using: .utf8)!
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(file) is not well-formed XML: \(String(describing: parser.parserError))")
        }
        let sitemap = try #require(site.page("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.gov.cn/mzgz/regions/620121/</loc>"))
        let feed = try #require(site.page("feed.xml"))
        #expect(Self.matches(of: "<entry>", in: feed).count == 5)
    }

    @Test("pages say they are Chinese and carry the region breadcrumb")
    func pageBasics() throws {
        let path = try #require(site.articlePages["001"])
        let html = try #require(site.page(path))
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains(">甘肃省</a>") && html.contains(">兰州市</a>") && html.contains(">永登县</a>"))
        #expect(html.contains("来源：永登县委统战部"))
        #expect(html.contains("<a class=\"skip\" href=\"#main\">"))
    }
}

// MARK: - HTML helpers

extension SiteBuildTests {
    static func attributes(_ names: [String], in html: String) -> [String] {
        names.flatMap { name in matches(of: "\\s\(name)=\"([^\"]*)\"", in: html).map { $0[0] } }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func split(_ target: String) -> (String, String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        return (String(target[..<hash]), String(target[target.index(after: hash)...]))
    }

    /// `../../regions/620000/index.html` from `public/articles/x/index.html` → `public/regions/620000/index.html`.
    static func resolve(_ relative: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/") {
            if component == ".." { parts.removeLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    static func matches(of pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<max(1, match.numberOfRanges)).map { ns.substring(with: match.range(at: $0)) }
        }
    }
}

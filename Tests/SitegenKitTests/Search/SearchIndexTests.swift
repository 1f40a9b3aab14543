import Foundation
import Testing
@testable import SitegenKit

@Suite("Search for Chinese")
struct SearchIndexTests {
    /// The seeds, in the site's order, and their index.
    static let site: (articles: [Article], index: SearchIndex) = {
        let scan = try! SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), displayPrefix: "seeds")
        let articles = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared).articles
        return (articles, SearchIndex(texts: articles.map(SearchText.init(article:))))
    }()

    func seeds(for query: String, exactOnly: Bool = false) -> [String] {
        Self.site.index.search(query).filter { $0.isExact || !exactOnly }
            .map { String(Self.site.articles[$0.document].origin.dropFirst("seeds/".count).prefix(3)) }
    }

    @Test("phrases find exactly the articles that contain them", arguments: [
        ("百场万人", ["000", "001", "004"]),
        ("红石榴", ["000", "001", "003"]),
        ("乌兰牧骑", ["003"]),
        ("牛肉面", ["004"]),
        ("马鬃山", ["000"]),
        ("甘肃 党建", ["000", "001"]),
    ])
    func phrases(query: String, expected: [String]) {
        #expect(seeds(for: query).sorted() == expected)
    }

    @Test("the same characters in another order come after the exact matches, marked as such")
    func reordered() {
        // 001 says 石榴红, the same brand as 红石榴 in other words.
        #expect(seeds(for: "红石榴", exactOnly: true).sorted() == ["000", "003"])
        #expect(seeds(for: "红石榴").last == "001")
    }

    @Test("the result set is what a plain text search of the seeds finds", arguments: ["百场万人", "红石榴", "乌兰牧骑", "铸牢", "民族团结", "石榴", "五个认同"])
    func exact(query: String) {
        let grep = Self.site.articles.filter { article in
            (article.title + article.campaigns.joined() + article.regions.joined() + CommonMark.plainText(article.body)).contains(query)
        }.map { String($0.origin.dropFirst("seeds/".count).prefix(3)) }
        #expect(seeds(for: query, exactOnly: true).sorted() == grep.sorted())
    }

    @Test("Traditional characters find what Simplified ones find")
    func traditional() {
        #expect(seeds(for: "鑄牢") == seeds(for: "铸牢"))
        #expect(!seeds(for: "鑄牢").isEmpty)
    }

    @Test("an empty or one-character query finds nothing, quickly and without error", arguments: ["", " ", "民", "a", "，", "县 "])
    func tooShort(query: String) {
        #expect(seeds(for: query).isEmpty || query == "a")
    }

    @Test("a match in the title ranks above a match in the text")
    func titleFirst() {
        // 四聚焦 is 001's headline; 党建 is in 000's and 002's headlines but in others' text too.
        #expect(seeds(for: "四聚焦").first == "001")
        let party = seeds(for: "党建")
        #expect(Set(party.prefix(2)) == ["000", "002"])
    }

    @Test("the tokenizer makes bigrams of Han text and words of Latin letters and digits")
    func tokenizer() {
        var terms: [String] = []
        SearchTokenizer.terms(SearchText(title: "甘肃LOGO 2024年", campaigns: [], regions: [], body: "").folded) { term, _ in terms.append(term) }
        #expect(terms == ["甘肃", "logo", "2024"])
    }
}

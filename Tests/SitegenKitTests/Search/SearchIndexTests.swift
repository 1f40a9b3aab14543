import Foundation
import Testing
@testable import SitegenKit

@Suite("Search for Chinese")
struct SearchIndexTests {
    /// The seeds, in the site's order, and their index.
    static let site: (articles: [Article], index: SearchIndex) = {
        let scan = try! SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), displayPrefix: "seeds")
        let articles = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared).articles
        return (articles, SearchIndex(articles: articles))
    }()

    /// The same index as the build writes it, read back from its files.
    static let written: SearchIndex = {
        let output = try! SearchIndexWriter.files(for: site.articles)
        let files = Dictionary(uniqueKeysWithValues: output.files.map { ($0.0.rawValue, $0.1) })
        return SearchIndex(manifest: files[output.manifest.rawValue]!) { files["search/" + $0] }!
    }()

    /// Seed numbers of the results; documents are numbered oldest first.
    func seeds(for query: String, exactOnly: Bool = false, in index: SearchIndex = site.index) -> [String] {
        index.search(query).filter { $0.isExact || !exactOnly }
            .map { String(Self.site.articles[Self.site.articles.count - 1 - $0.document].origin.dropFirst("seeds/".count).prefix(3)) }
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
        #expect(seeds(for: query, in: Self.written).sorted() == expected)
    }

    @Test("the index read back from the written files is the index that was written")
    func roundTrip() {
        #expect(Self.written.payloads == Self.site.index.payloads)
        #expect(Self.written.layout == Self.site.index.layout)
        #expect(Self.written.count == Self.site.articles.count)
        for query in ["红石榴", "党建", "民族团结 甘肃", "石榴红"] {
            #expect(Self.written.search(query) == Self.site.index.search(query), "\(query)")
        }
    }

    @Test("each article's document, found through its chunk table, gives its address, date, title and text")
    func documents() throws {
        let output = try SearchIndexWriter.files(for: Self.site.articles)
        let files = Dictionary(uniqueKeysWithValues: output.files.map { ($0.0.rawValue, $0.1) })
        let json = try JSONSerialization.jsonObject(with: Data(files[output.manifest.rawValue]!))
        let manifest = try #require(json as? [String: Any])
        let chunks = Array((manifest["chunks"] as! String).utf8), size = manifest["chunkSize"] as! Int
        let address = manifest["article"] as! [String]
        for (number, article) in Self.site.articles.reversed().enumerated() {
            let chunk = number / size
            let table = try #require(files["search/c-\(String(decoding: chunks[(chunk * 12)..<(chunk * 12 + 12)], as: UTF8.self)).bin"])
            let name = SearchIndexWriter.hex(Array(table[(number % size * 6)..<(number % size * 6 + 6)]))
            let file = try #require(files["search/d-\(name).bin"])
            let bytes = try #require(Deflate.decompress(file))
            let units = stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
            let lines = String(decoding: units, as: UTF16.self).split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false)
            #expect(address[0] + lines[0] + address[1] == SitePaths.article(article.slug).rawValue)
            #expect(lines[1] == article.date.isoDate)
            #expect(lines[3] == article.title)
            #expect(String(lines[4]) == CommonMark.plainText(article.body.markdown))
        }
    }

    @Test("a phrase does not match across two fields")
    func fieldsApart() {
        // The title ends in 工作 and the campaign begins with 党建: 作党 is in neither.
        let layout = SearchLayout(campaignsBase: 256, regionsBase: 512, bodyBase: 768)
        let text = SearchText(title: "推进工作", campaigns: ["党建+"], regions: ["甘肃省"], body: "正文")
        let index = SearchIndex(texts: [text], layout: layout)
        #expect(index.search("作党").isEmpty)
        #expect(index.search("工作").first?.firstMatch == 2)
        #expect(index.search("党建").first?.firstMatch == 256)
        #expect(index.search("正文").first?.firstMatch == 768)
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
            (article.title + article.campaigns.joined() + article.regions.joined() + CommonMark.plainText(article.body.markdown)).contains(query)
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

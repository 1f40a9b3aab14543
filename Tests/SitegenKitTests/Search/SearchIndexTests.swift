import Foundation
import Testing
@testable import SitegenKit

@Suite("Search for Chinese")
struct SearchIndexTests {
    /// The seeds, in the site's order, and their index.
    static let site: (articles: [Article], index: SearchIndex) = {
        let scan = try! SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
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

    @Test("large postings in files of their own, named in the table by their term's hash, read back the same")
    func ownFiles() throws {
        // The seeds' postings are small: with a low threshold, many have files of their own.
        let output = try SearchIndexWriter.files(for: Self.site.articles, ownFileThreshold: 30)
        var files = Dictionary(uniqueKeysWithValues: output.files.map { ($0.0.rawValue, $0.1) })
        let own = files.keys.filter { $0.hasPrefix("search/t-") }
        #expect(own.count > 10)
        let read = try #require(SearchIndex(manifest: files[output.manifest.rawValue]!) { files["search/" + $0] })
        #expect(read.payloads == Self.site.index.payloads)
        #expect(read.search("百场万人") == Self.site.index.search("百场万人"))
        // A file the table names that is not its term's is found out.
        let (first, second) = (own.sorted()[0], own.sorted()[1])
        files[first] = files[second]
        #expect(SearchIndex(manifest: files[output.manifest.rawValue]!) { files["search/" + $0] } == nil)
    }

    @Test("each article's document, named in the table, gives its address, date, title and text")
    func documents() throws {
        let output = try SearchIndexWriter.files(for: Self.site.articles)
        let files = Dictionary(uniqueKeysWithValues: output.files.map { ($0.0.rawValue, $0.1) })
        let json = try JSONSerialization.jsonObject(with: Data(files[output.manifest.rawValue]!))
        let manifest = try #require(json as? [String: Any])
        let address = manifest["article"] as! [String]
        let tableFile = try #require(files["search/" + (manifest["table"] as! String)])
        let table = try #require(Deflate.decompress(tableFile))
        var reader = VarintReader(table)
        _ = reader.bytes(reader.next() * 6)
        // The seeds are one group of documents.
        #expect(manifest["group"] as? Int == SearchIndexWriter.documentGroupSize)
        let group = SearchIndexWriter.hex(Array(reader.bytes(4)))
        for (number, article) in Self.site.articles.reversed().enumerated() {
            let file = try #require(files["search/d-\(number)-\(group).bin"])
            let bytes = try #require(Deflate.decompress(file))
            let units = stride(from: 0, to: bytes.count, by: 2).map { UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 }
            let lines = String(decoding: units, as: UTF16.self).split(separator: "\n", maxSplits: 4, omittingEmptySubsequences: false)
            #expect(address[0] + lines[0] + address[1] == SitePaths.article(article.slug).rawValue)
            #expect(lines[1] == article.date.isoDate)
            #expect(lines[3] == article.title)
            #expect(String(lines[4]) == CommonMark.plainText(article.body.markdown))
        }
    }

    @Test("adding an article renames only the documents of its group, and every change of a document renames it")
    func documentsKeepTheirNames() throws {
        let names = { (articles: [Article]) in
            Set(try! SearchIndexWriter.files(for: articles).files.map(\.0.rawValue).filter { $0.hasPrefix("search/d-") })
        }
        // Made-up articles past the seeds, so that there are two groups: the newest article
        // (the site lists it first) is the one added last, in the second group.
        let seeds = Self.site.articles
        let many = (0..<(SearchIndexWriter.documentGroupSize + 3)).map { i in
            var article = seeds[i % seeds.count]
            article.origin = "made-up-\(i).md"
            article.title += "（\(i)）"
            return article
        }
        let before = names(Array(many.dropFirst())), after = names(many)
        let number = { (path: String) in Int(path.dropFirst("search/d-".count).prefix { $0 != "-" })! }
        let firstOfLastGroup = (many.count - 1) / SearchIndexWriter.documentGroupSize * SearchIndexWriter.documentGroupSize
        #expect(before.count == many.count - 1 && after.count == many.count)
        #expect(before.filter { number($0) < firstOfLastGroup } == after.filter { number($0) < firstOfLastGroup })
        #expect(before.filter { number($0) >= firstOfLastGroup }.isDisjoint(with: after))
        // An edit of the oldest renames its group, not the other.
        var edited = many
        edited[edited.count - 1].title += "（更正）"
        let renamed = names(many).subtracting(names(edited))
        #expect(Set(renamed.map(number)) == Set(0..<SearchIndexWriter.documentGroupSize))
    }

    @Test("a phrase is looked up by every other pair and the last, which cover its characters")
    func phraseCover() {
        func offsets(_ phrase: String) -> [Int] { SearchTokenizer.query(phrase).first!.terms.map(\.offset) }
        #expect(SearchTokenizer.query("百场万人").first!.terms.map(\.term) == ["百场", "万人"])
        #expect(offsets("甘肃") == [0])
        #expect(offsets("红石榴") == [0, 1])
        #expect(offsets("民族团结进") == [0, 2, 3])
        #expect(offsets("民族团结进步") == [0, 2, 4])
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

    @Test("postings patched (the rows before the first change kept as encoded, the others encoded again) are those built whole: rows added after the last, removed or put back among them or at the end",
          arguments: [0, 1, 40])
    func patchedPostings(rows count: Int) {
        var generator = SystemRandomNumberGenerator()
        // Documents with gaps, positions past 127 (whose first goes on in the next column) and under.
        let rows: [(document: Int, positions: ArraySlice<UInt32>)] = (0..<count + 3).map { row in
            let first = UInt32.random(in: 0...400, using: &generator)
            return (row * 3 + Int.random(in: 0...2, using: &generator), ArraySlice([first] + (0..<Int.random(in: 0...4, using: &generator)).map { first + 10 * UInt32($0 + 1) }))
        }
        func built(_ rows: ArraySlice<(document: Int, positions: ArraySlice<UInt32>)>) -> [UInt8] {
            var builder = SearchPostings.Builder()
            for row in rows { builder.add(document: row.document, positions: row.positions) }
            return rows.isEmpty ? [] : builder.payload
        }
        let stored = count == 0 ? [0] : built(rows[..<count])
        let added = Array(rows[count...])
        #expect(SearchIndexWriter.patched(stored, removing: [], adding: added) == built(rows[...]))
        // Removing documents it does not have, after its last, changes nothing else.
        #expect(SearchIndexWriter.patched(stored, removing: [rows.last!.document + 1], adding: added) == built(rows[...]))
        guard count > 1 else { return }
        // A row removed and one put back among the others: decoded and built again.
        let middle = rows[count / 2]
        let without = Array(rows[..<(count / 2)] + rows[(count / 2 + 1)..<count])
        #expect(SearchIndexWriter.patched(stored, removing: [middle.document], adding: []) == built(without[...]))
        #expect(SearchIndexWriter.patched(built(without[...]), removing: [], adding: [middle]) == stored)
        // The last row removed (the newest article deleted), and the first.
        #expect(SearchIndexWriter.patched(stored, removing: [rows[count - 1].document], adding: []) == built(rows[..<(count - 1)]))
        #expect(SearchIndexWriter.patched(stored, removing: [rows[0].document], adding: []) == built(rows[1..<count]))
        // Every row removed: nothing left.
        #expect(SearchIndexWriter.patched(stored, removing: Set(rows[..<count].map(\.document)), adding: []) == [])
        // Cut short, or counting more rows or positions than it has bytes: damaged.
        #expect(SearchIndexWriter.patched(Array(stored.prefix(3)), removing: [], adding: added) == nil)
        #expect(SearchIndexWriter.patched([0xFF, 0xFF, 0x7F, 1, 1], removing: [], adding: added) == nil)
        #expect(SearchIndexWriter.patched([1, 1, 0xFF, 0xFF, 0x7F, 1], removing: [], adding: added) == nil)
    }

    @Test("a search state's newest documents are removed only as articles that were theirs, and moved when an article comes before them")
    func removedDocuments() throws {
        let articles = Self.site.articles  // newest first
        let state = try SearchIndexWriter.writeWithState(for: articles) { _, _ in () }.state
        let rest = Array(articles.dropFirst())
        func changes(gone: [Article]) -> (changes: [(document: Int, before: Article)], added: Range<Int>, removed: [(document: Int, before: Article)])? {
            state.documentChanges(in: rest, hashes: rest.map(\.contentHash), previous: [:], gone: gone)
        }
        let found = try #require(changes(gone: [articles[1], articles[0]]))
        #expect(found.changes.isEmpty && found.added.isEmpty)
        #expect(found.removed.map(\.document) == [articles.count - 1] && found.removed.map(\.before.origin) == [articles[0].origin])
        #expect(changes(gone: [articles[1]]) == nil)
        #expect(changes(gone: []) == nil)
        // An article put before the newest: the newest's document is removed and added
        // again after it, the others keep theirs; within a limit of changes.
        var added = articles[1]
        added.title += "（另一篇）"
        let moved = [articles[0], added] + articles.dropFirst()
        let found2 = try #require(state.documentChanges(in: moved, hashes: moved.map(\.contentHash), previous: [:], gone: []))
        #expect(found2.changes.isEmpty && found2.added == (articles.count - 1)..<(articles.count + 1))
        #expect(found2.removed.map(\.document) == [articles.count - 1] && found2.removed.map(\.before.origin) == [articles[0].origin])
        #expect(state.documentChanges(in: moved, hashes: moved.map(\.contentHash), previous: [:], gone: [], limit: 2) == nil)
    }

    @Test("pairs sorted by spread keys come out as a sort by key gives them: small and large counts, keys equal and at the ends", arguments: [0, 1, 17, 300, 5000])
    func spreadKeySort(count: Int) {
        var generator = SystemRandomNumberGenerator()
        var pairs = (0..<count).map { (DocumentTerms.mix(UInt64.random(in: 0...UInt64.max, using: &generator)), Int32($0)) }
        if count > 3 {
            pairs[0].0 = 0
            pairs[1].0 = .max
            pairs[2].0 = pairs[3].0
        }
        let sorted = DocumentTerms.sortedBySpreadKey(pairs)
        #expect(sorted.map(\.0) == pairs.map(\.0).sorted())
        #expect(Set(sorted.map(\.1)) == Set(pairs.map(\.1)))
    }
}

@Suite("Numbering search terms")
struct MixedKeyNumbersTests {
    @Test("keys are numbered in the order first seen, and keep their numbers as the table grows")
    func numbersThroughGrowth() {
        var table = MixedKeyNumbers(capacity: 4)
        // Mixed keys of 1…5000, and three that share their slot bits, each seen three times.
        let keys = (1...5000).map { DocumentTerms.mix(UInt64($0)) } + [1 << 40, 2 << 40, 3 << 40]
        #expect(Set(keys).count == keys.count)
        for round in 0..<3 {
            for (n, key) in keys.enumerated() {
                let (number, isNew) = table.number(of: key)
                #expect(number == Int32(n) && isNew == (round == 0), "key \(n), round \(round)")
            }
        }
        #expect(table.keys == keys)
    }
}

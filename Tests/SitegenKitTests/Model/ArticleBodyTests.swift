import Foundation
import Testing
@testable import SitegenKit

@Suite("Article bodies spilled to disk")
struct ArticleBodyTests {
    static func article(_ n: Int, body: String) -> Article {
        Article(title: "第\(n)篇", date: ArticleDate(year: 2024, month: 1, day: n)!, source: nil, region: nil,
                regions: [], campaigns: [], mentions: [], origin: "seeds/\(n).md", slug: Slug("a\(n)")!,
                summary: "", body: body)
    }

    @Test("a spilled body reads back byte for byte, with its hash, and equals the one in memory")
    func roundTrip() throws {
        let directory = try TemporaryDirectory("spill")
        let folder = directory.file("cache")
        // Empty, CJK, a 4-byte scalar, and one longer than the spill's 1 MB write buffer.
        let bodies = ["", "酒泉市“党建+”模式。\n\n## 小标题\n\n正文𠀀。", String(repeating: "民族团结进步示范创建，", count: 40_000), "x"]
        let articles = bodies.enumerated().map { Self.article($0.offset + 1, body: $0.element) }
        // A spill file a killed build left behind is removed.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: folder.appendingPathComponent(".bodies-AbC123"))
        let spill = try #require(BodyFile(folder: folder))
        let spilled = try #require(spill.spill(articles))
        for (before, after) in zip(articles, spilled) {
            #expect(after.body.isStored)
            #expect(after.body.markdown == before.body.markdown)
            #expect(after.body.hash == StableHasher.hash(before.body.markdown))
            #expect(after == before)
        }
        // Unlinked at once: nothing is left behind in the cache folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("bodies from the article cache stay in its file, read back byte for byte, also after the cache is replaced")
    func fromTheCache() throws {
        let directory = try TemporaryDirectory("cache-bodies")
        let url = directory.file("articles.bin")
        let bodies = ["", "酒泉市“党建+”模式。\n\n正文𠀀。", String(repeating: "民族团结进步示范创建，", count: 40_000)]
        var cache = ArticleCache()
        for (n, body) in bodies.enumerated() {
            cache["seeds/\(n).md"] = ArticleCache.Entry(contentHash: UInt64(n + 1), imported: Imported(Self.article(n + 1, body: body)), textKey: 0)
        }
        try cache.write(to: url, generator: 7)
        let loaded = ArticleCache.load(from: url, generator: 7)
        for (n, body) in bodies.enumerated() {
            let article = try #require(loaded["seeds/\(n).md"]?.imported.value)
            #expect(article.body.isStored)
            #expect(article.body.markdown == body)
            #expect(article.body.hash == StableHasher.hash(body))
            // Its hash as recorded in the cache is the one its fields give.
            #expect(article.contentHash == article.computedContentHash && article.indexHash == article.computedIndexHash)
        }
        // Written again from the loaded cache (its bodies read from the old file), then
        // replaced by a cache of other bodies: the loaded articles still read their own.
        try loaded.write(to: directory.file("copy.bin"), generator: 7)
        #expect(try Data(contentsOf: directory.file("copy.bin")) == (try Data(contentsOf: url)))
        var other = ArticleCache()
        other["seeds/0.md"] = ArticleCache.Entry(contentHash: 9, imported: Imported(Self.article(1, body: "另一篇")), textKey: 0)
        try other.write(to: url, generator: 7)
        #expect(loaded["seeds/2.md"]?.imported.value?.body.markdown == bodies[2])
        #expect(ArticleCache.load(from: url, generator: 7)["seeds/0.md"]?.imported.value?.body.markdown == "另一篇")
        // Another generator's cache is not read.
        #expect(ArticleCache.load(from: url, generator: 8)["seeds/0.md"] == nil)
    }

    @Test("entries appended to the cache's file replace, add and remove entries; a patch cut short discards the cache")
    func patches() throws {
        let directory = try TemporaryDirectory("cache-patches")
        let url = directory.file("articles.bin")
        let entry = { (n: Int, body: String) in
            ArticleCache.Entry(contentHash: UInt64(n), imported: Imported(Self.article(n, body: body)), textKey: UInt64(n))
        }
        var cache = ArticleCache()
        for n in 1...3 { cache["seeds/\(n).md"] = entry(n, "第\(n)篇的正文。") }
        try cache.write(to: url, generator: 7)
        let written = ArticleCache.load(from: url, generator: 7)
        #expect(written.isFromFile && written.patched == 0)

        // Between two bodies of one patch, a seed gone and a seed that could not be read
        // (an entry without an article, so without a body).
        let unreadable = ArticleCache.Entry(contentHash: 0, imported: Imported(nil, diagnostics: [.error("seeds/5.md", "the file cannot be read", fix: "check its permissions")]), textKey: 0)
        try ArticleCache.append([("seeds/2.md", entry(20, "改过的正文𠀀。")), ("seeds/3.md", nil), ("seeds/5.md", unreadable),
                                 ("seeds/4.md", entry(4, "新的一篇。"))], to: url)
        try ArticleCache.append([("seeds/2.md", entry(21, "又改了一次。"))], to: url)
        let patched = ArticleCache.load(from: url, generator: 7)
        #expect(patched.patched == 5)
        #expect(Set(patched.entries.keys) == ["seeds/1.md", "seeds/2.md", "seeds/4.md", "seeds/5.md"])
        #expect(patched["seeds/5.md"]?.imported.value == nil && patched["seeds/5.md"]?.imported.diagnostics.count == 1)
        #expect(patched["seeds/1.md"]?.imported.value?.body.markdown == "第1篇的正文。")
        #expect(patched["seeds/2.md"]?.contentHash == 21)
        #expect(patched["seeds/2.md"]?.imported.value?.body.markdown == "又改了一次。")
        #expect(patched["seeds/4.md"]?.imported.value?.body.markdown == "新的一篇。")
        #expect(patched["seeds/4.md"]?.imported.value?.title == "第4篇")
        // Appended to until its patches hold a sixteenth of its entries (at least 64).
        #expect(patched.appends(59) && !patched.appends(60))
        #expect(!ArticleCache().appends(1))

        // A build killed while appending leaves a patch cut short: nothing of the file is used.
        let bytes = try Data(contentsOf: url)
        try bytes.dropLast(3).write(to: url)
        let damaged = ArticleCache.load(from: url, generator: 7)
        #expect(damaged.entries.isEmpty && !damaged.isFromFile)
    }

    @Test("values articles share (sources, places, campaigns, lists of them) come back as written, from the cache and from its patches; a number outside the table discards the cache")
    func sharedValues() throws {
        let directory = try TemporaryDirectory("cache-shared")
        let url = directory.file("articles.bin")
        func article(_ n: Int, source: String?, region: String?, regions: [String], campaigns: [String], mentions: [String] = [],
                     origin: String? = nil, slug: String? = nil, copies: [Republication] = []) -> ArticleCache.Entry {
            var article = Article(title: "第\(n)篇", date: ArticleDate(year: 2024, month: 1, day: n)!, source: source,
                                  region: region.flatMap(RegionCode.init), regions: regions, campaigns: campaigns, mentions: mentions,
                                  origin: origin ?? "seeds/\(n).md", slug: Slug(slug ?? "di-\(n)-pian")!, summary: "摘要\(n)。", body: "第\(n)篇的正文。")
            article.republished = copies
            return ArticleCache.Entry(contentHash: UInt64(n), imported: Imported(article), textKey: UInt64(n), titleSlug: "di-\(n)-pian")
        }
        let gansu = ["甘肃省", "兰州市", "永登县"]
        let entries = [
            article(1, source: "永登县人民政府网站", region: "620121", regions: gansu, campaigns: ["四聚焦", "党建+"], mentions: ["两学一做"]),
            article(2, source: "永登县人民政府网站", region: "620121", regions: gansu, campaigns: ["四聚焦"]),
            // Its origin is not its seed's path, nor its slug its title's pinyin.
            article(3, source: nil, region: nil, regions: [], campaigns: [], origin: "seeds/其他.md", slug: "ling-yi-pian"),
            // Two sources that Swift's == takes as equal (é composed, and e with an accent).
            article(4, source: "Caf\u{E9}", region: nil, regions: [], campaigns: []),
            article(5, source: "Cafe\u{301}", region: nil, regions: [], campaigns: []),
            article(6, source: "兰州市民委", region: "620100", regions: ["甘肃省", "兰州市"], campaigns: ["四聚焦", "党建+"],
                    copies: [Republication(source: "永登县人民政府网站", origin: "seeds/9.md", date: ArticleDate(year: 2024, month: 2, day: 1)!),
                             Republication(source: nil, origin: "seeds/10.md", date: ArticleDate(year: 2024, month: 2, day: 2)!)]),
        ]
        var cache = ArticleCache()
        for (n, entry) in entries.enumerated() { cache["seeds/\(n + 1).md"] = entry }
        try cache.write(to: url, generator: 7)
        // A patch with values of its own and values of the cache's.
        let patch = article(7, source: "新来源", region: "620121", regions: gansu, campaigns: ["五结合五防止"], mentions: ["两学一做"])
        try ArticleCache.append([("seeds/\(entries.count + 1).md", patch)], to: url)
        let loaded = ArticleCache.load(from: url, generator: 7)
        #expect(loaded.entries.count == entries.count + 1)
        for (n, entry) in (entries + [patch]).enumerated() {
            let read = try #require(loaded["seeds/\(n + 1).md"]?.imported.value)
            let written = try #require(entry.imported.value)
            #expect(read == written, "entry \(n + 1)")
            #expect(Array((read.source ?? "").utf8) == Array((written.source ?? "").utf8), "entry \(n + 1)")
            #expect(read.computedContentHash == written.contentHash && read.computedIndexHash == written.indexHash, "entry \(n + 1)")
            #expect(loaded["seeds/\(n + 1).md"]?.titleSlug == entry.titleSlug)
        }

        // A table whose list names a string it does not have.
        var damaged = BinaryWriter.bytes { writer in
            writer.write(["甘肃省"])
            writer.write(1)
            writer.write([0, 1])
        }
        #expect(BinaryReader.read(Data(damaged)) { try SharedValues.read(&$0) } == nil)
        damaged = BinaryWriter.bytes { writer in
            writer.write(["甘肃省"])
            writer.write(1)
            writer.write([0, 0])
        }
        let table = try #require(BinaryReader.read(Data(damaged)) { try SharedValues.read(&$0) })
        #expect(try table.list(0) == ["甘肃省", "甘肃省"] && (try table.optionalString(-1)) == nil)
        #expect(throws: BinaryReader.Malformed.self) { try table.list(1) }
        #expect(throws: BinaryReader.Malformed.self) { try table.string(-2) }
    }

    @Test("a cache of several parts (read on all cores) reads back every entry; a part cut short or miscounted discards the cache")
    func parts() throws {
        let directory = try TemporaryDirectory("cache-parts")
        let url = directory.file("articles.bin")
        let count = ArticleCache.partSize * 2 + 7
        var cache = ArticleCache()
        for n in 1...count {
            var article = Self.article(n % 28 + 1, body: "第\(n)篇的正文。")
            article.title = "第\(n)篇"
            cache["seeds/\(n).md"] = ArticleCache.Entry(contentHash: UInt64(n), imported: Imported(article), textKey: UInt64(n), titleSlug: "di-\(n)-pian")
        }
        try cache.write(to: url, generator: 7)
        let loaded = ArticleCache.load(from: url, generator: 7)
        #expect(loaded.entries.count == count)
        for n in [1, ArticleCache.partSize, ArticleCache.partSize + 1, count] {
            let entry = try #require(loaded["seeds/\(n).md"])
            #expect(entry.contentHash == UInt64(n) && entry.textKey == UInt64(n) && entry.titleSlug == "di-\(n)-pian")
            #expect(entry.imported.value?.title == "第\(n)篇" && entry.imported.value?.body.markdown == "第\(n)篇的正文。")
        }

        // The first part's count of entries one too many: it then reads into its length.
        let bytes = try Data(contentsOf: url)
        // (Found as the words after the bodies: the entries, 3 parts, the first part's count.)
        let words = [count, 3, ArticleCache.partSize].flatMap { withUnsafeBytes(of: UInt64($0).littleEndian, Array.init) }
        let header = try #require(bytes.range(of: Data(words)))
        var miscounted = bytes
        miscounted[header.upperBound - 8] &+= 1
        try miscounted.write(to: url)
        #expect(ArticleCache.load(from: url, generator: 7).entries.isEmpty)
        // Cut short inside the last part.
        try bytes.dropLast(5).write(to: url)
        #expect(ArticleCache.load(from: url, generator: 7).entries.isEmpty)
    }

    @Test("bodies of different text are not equal, and a folder that cannot be made gives no spill")
    func differences() {
        #expect(ArticleBody("甲") != ArticleBody("乙"))
        #expect(BodyFile(folder: URL(fileURLWithPath: "/proc/sitegen-no-such-folder")) == nil)
    }
}

@Suite("Loading seeds through the article cache")
struct ArticleLoaderCacheTests {
    @Test("what a load changes in the cache: seeds imported, seeds gone (also when as many are new), nothing when nothing changed")
    func changes() throws {
        let folder = try TemporaryDirectory("loader-changes")
        func seed(_ name: String, _ title: String) throws -> SeedFile {
            let file = folder.file(name)
            try "---\ntitle: \"\(title)\"\ndate: 2024-01-02\n---\n\n正文。\n".write(to: file, atomically: true, encoding: .utf8)
            return SeedFile(kind: .authored, path: "seeds/" + name, filePath: file.path)
        }
        let (a, b, c) = (try seed("a.md", "甲篇"), try seed("b.md", "乙篇"), try seed("c.md", "丙篇"))
        let load = { (seeds: [SeedFile], cache: ArticleCache) in
            ArticleLoader.load(ArticleLoader.states(of: seeds, stamps: SeedStamps()), cache: cache)
        }
        let first = load([a, b], ArticleCache())
        #expect(first.imported == 2 && first.changes.map(\.path) == ["seeds/a.md", "seeds/b.md"])
        let again = load([a, b], first.cache)
        #expect(again.imported == 0 && again.changes.isEmpty && again.articles == first.articles)
        // b gone, c new: as many seeds as before, and b's entry goes.
        let swapped = load([a, c], first.cache)
        #expect(swapped.imported == 1)
        #expect(swapped.changes.map(\.path) == ["seeds/c.md", "seeds/b.md"] && swapped.changes[1].entry == nil)
        #expect(Set(swapped.cache.entries.keys) == ["seeds/a.md", "seeds/c.md"])
        #expect(swapped.articles.map(\.title) == ["甲篇", "丙篇"])
        // b gone alone.
        let fewer = load([a], first.cache)
        #expect(fewer.imported == 0 && fewer.changes.map(\.path) == ["seeds/b.md"])
        #expect(Set(fewer.cache.entries.keys) == ["seeds/a.md"])
    }

    @Test("a seed the records do not have is read once, by the import, which gives its hash; one gone meanwhile is not recorded")
    func readOnce() throws {
        let folder = try TemporaryDirectory("loader-read-once")
        let seeds = try ["a.md", "b.md"].map { name -> SeedFile in
            let file = folder.file(name)
            try "---\ntitle: \"\(name)\"\ndate: 2024-01-02\n---\n\n正文。\n".write(to: file, atomically: true, encoding: .utf8)
            return SeedFile(kind: .authored, path: "seeds/" + name, filePath: file.path)
        }
        let states = ArticleLoader.states(of: seeds, stamps: SeedStamps())
        #expect(states.allSatisfy { $0.contentHash == nil && $0.stamp != nil })
        try FileManager.default.removeItem(at: folder.file("b.md"))
        let loaded = ArticleLoader.load(states, cache: ArticleCache())
        let bytes = [UInt8](try Data(contentsOf: folder.file("a.md")))
        #expect(loaded.states[0].contentHash == ArticleLoader.contentHash(of: bytes) && loaded.states[0].stamp != nil)
        #expect(loaded.states[1].contentHash == 0 && loaded.states[1].stamp == nil)
        #expect(ArticleLoader.stamps(of: loaded.states).paths == ["seeds/a.md"])
        #expect(loaded.articles.map(\.title) == ["a.md"])
    }
}

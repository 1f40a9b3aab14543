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
        let spill = try #require(BodySpill(folder: folder))
        let spilled = try #require(spill.spill(articles))
        for (before, after) in zip(articles, spilled) {
            #expect(after.body.isSpilled)
            #expect(after.body.markdown == before.body.markdown)
            #expect(after.body.hash == StableHasher.hash(before.body.markdown))
            #expect(after == before)
        }
        // Unlinked at once: nothing is left behind in the cache folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("bodies of different text are not equal, and a folder that cannot be made gives no spill")
    func differences() {
        #expect(ArticleBody("甲") != ArticleBody("乙"))
        #expect(BodySpill(folder: URL(fileURLWithPath: "/proc/sitegen-no-such-folder")) == nil)
    }
}

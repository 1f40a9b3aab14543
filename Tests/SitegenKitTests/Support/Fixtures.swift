import Foundation
import Testing
@testable import SitegenKit

/// Files of the package itself: the real seeds and the test fixtures, found from this
/// source file's path so tests run the same from any working directory.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtureDirectory = packageRoot.appendingPathComponent("Tests/SitegenKitTests/Fixtures")

    /// `seeds/NNN_….txt` as raw bytes, by its three-digit number.
    static func seed(_ number: String) throws -> SourceFile {
        let seeds = packageRoot.appendingPathComponent("seeds")
        let name = try FileManager.default.contentsOfDirectory(atPath: seeds.path)
            .first { $0.hasPrefix(number + "_") && $0.hasSuffix(".txt") }
        let file = try #require(name, "no seed \(number)")
        return try source(seeds.appendingPathComponent(file), as: "seeds/\(file)")
    }

    static func fixture(_ name: String) throws -> SourceFile {
        try source(fixtureDirectory.appendingPathComponent(name), as: "Fixtures/\(name)")
    }

    static func source(_ url: URL, as path: String) throws -> SourceFile {
        SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
    }

    /// Writes 45 authored articles into `seeds` (`a0.md`…`a44.md`), all in one county
    /// (永登县, 620121), one campaign (四聚焦) and one year (2024), each list three pages of
    /// 20, 20 and 5. Each has a date of its own (no two articles tie), so by date, newest
    /// first, a11 is the second, a30 the twenty-first (the first card of each list's second
    /// page), a3 and a4 the thirty-third and thirty-fourth.
    static func writeLongLists(to seeds: URL) throws {
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let base = try #require(ArticleImporter(resolver: RegionResolver(gazetteer: .shared)).importPage(try seed("001")).value)
        for i in 0..<45 {
            var article = base
            article.title = "永登县第\(i + 1)篇：“四聚焦”推进民族团结进步事业"
            article.slug = Slug("article-\(i + 1)")!
            article.origin = "seeds/a\(i).md"
            article.date = ArticleDate(year: 2024, month: 1 + i % 12, day: 1 + i % 28)!
            article.body = ArticleBody("第\(i + 1)篇。" + base.body.markdown)
            try Data(Intermediate.text(for: article).utf8).write(to: seeds.appendingPathComponent("a\(i).md"))
        }
    }

    /// Writes `count` short authored articles into `seeds` (`d0.md`…), one a day from
    /// 2024-01-01, each with words of its own, in one county (永登县, 620121).
    static func writeDaily(_ count: Int, to seeds: URL) throws {
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let first = try #require(calendar.date(from: DateComponents(year: 2024, month: 1, day: 1)))
        for i in 0..<count {
            let day = calendar.dateComponents([.year, .month, .day], from: try #require(calendar.date(byAdding: .day, value: i, to: first)))
            try """
            ---
            title: "永登县第\(i + 1)天民族团结进步创建工作动态"
            date: \(String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!))
            region: "620121"
            ---

            永登县第\(i + 1)天开展民族团结进步宣讲，词语Daily\(i)只在这一篇出现。
            """.write(to: seeds.appendingPathComponent("d\(i).md"), atomically: true, encoding: .utf8)
        }
    }

    /// Decodes and extracts a seed, failing the test if it does not decode.
    static func extraction(ofSeed number: String) throws -> Extraction {
        let decoded = SourceDecoder.decode(try seed(number))
        return ArticleExtractor.extract(try #require(decoded.value))
    }
}

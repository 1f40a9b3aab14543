import Testing
@testable import SitegenKit

@Suite("Importing the seeds into articles")
struct ArticleImporterTests {
    static let importer = ArticleImporter(resolver: RegionResolver(gazetteer: .shared))

    struct Row: Sendable, CustomTestStringConvertible {
        var seed: String
        var title: String
        var date: String
        var source: String
        var region: String
        var regions: [String]
        var campaign: String
        var testDescription: String { seed }
    }

    /// The table of the import issue.
    static let table: [Row] = [
        Row(seed: "000", title: "甘肃酒泉“党建+”模式推动民族团结进步创建工作提质增效", date: "2023-07-04",
            source: "甘肃省酒泉市民宗委", region: "620900", regions: ["甘肃省", "酒泉市"], campaign: "党建+"),
        Row(seed: "001", title: "永登县:“四聚焦”推进民族团结进步事业 高质量发展", date: "2025-04-09",
            source: "永登县委统战部", region: "620121", regions: ["甘肃省", "兰州市", "永登县"], campaign: "四聚焦"),
        Row(seed: "002", title: "内蒙古赤峰市实施党建聚力引领行动促进民族团结进步工作", date: "2022-06-21",
            source: "内蒙古自治区民委", region: "150400", regions: ["内蒙古自治区", "赤峰市"], campaign: "党建聚力引领"),
        Row(seed: "003", title: "康巴什区:处处盛开民族团结之花", date: "2022-09-13",
            source: "康巴什区委统战部", region: "150603", regions: ["内蒙古自治区", "鄂尔多斯市", "康巴什区"], campaign: "民族团结进步活动月"),
        Row(seed: "004", title: "张家川县“五结合五防止”持续深入推进民族团结进步创建工作", date: "2019-05-26",
            source: "张家川县融媒体中心", region: "620525", regions: ["甘肃省", "天水市", "张家川回族自治县"], campaign: "五结合五防止"),
    ]

    static func article(_ seed: String) throws -> Article {
        let result = importer.importPage(try Fixtures.seed(seed))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.value)
    }

    @Test("every field matches the table", arguments: table)
    func fields(row: Row) throws {
        let article = try Self.article(row.seed)
        #expect(article.title == row.title)
        #expect(article.date.isoDate == row.date)
        #expect(article.source == row.source)
        #expect(article.region?.rawValue == row.region)
        #expect(article.regions == row.regions)
        #expect(article.campaigns.first == row.campaign)
        #expect(article.origin.hasPrefix("seeds/\(row.seed)_"))
        #expect(!article.summary.isEmpty && article.summary.count <= 122)
    }

    @Test("importing twice gives byte-identical intermediates", arguments: ["000", "001", "002", "003", "004"])
    func idempotent(seed: String) throws {
        let first = Intermediate.text(for: try Self.article(seed))
        let second = Intermediate.text(for: try Self.article(seed))
        #expect(first == second)
        // And reading the intermediate back gives the same article, which writes the same bytes.
        let reread = try #require(Intermediate.parse(first, file: "x.md").value)
        #expect(Intermediate.text(for: reread) == first)
    }

    @Test("the intermediate of 003 is as recorded")
    func golden() throws {
        try GoldenFile.check(Intermediate.text(for: try Self.article("003")), against: "intermediates/003.md")
    }

    @Test("bad pages each get one clear line and no article", arguments: [
        ("chrome-only.txt", "Fixtures/chrome-only.txt: error: no article text found (only site menus, links and footer); check that the file holds the article's page, or write Fixtures/chrome-only.md by hand"),
        ("no-date.txt", "Fixtures/no-date.txt:1: error: no publication date found (looked for lines like 日期：2023-07-04 or 发布时间:2023-07-04); add a dateline such as 发布时间：YYYY-MM-DD under the headline, or write Fixtures/no-date.md with date: YYYY-MM-DD"),
        ("us-date.txt", "Fixtures/us-date.txt:1: error: the date \"07/04/2023\" could be day/month or month/day; add a dateline such as 发布时间：YYYY-MM-DD under the headline, or write Fixtures/us-date.md with date: YYYY-MM-DD"),
    ])
    func badPages(fixture: String, line: String) throws {
        let result = Self.importer.importPage(try Fixtures.fixture(fixture))
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description) == [line])
    }
}

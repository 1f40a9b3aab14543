import Testing
@testable import SitegenKit

@Suite("Finding campaigns and mentions")
struct CampaignFinderTests {
    @Test("the primary campaign is the one the headline names", arguments: [
        ("000", "党建+"), ("001", "四聚焦"), ("002", "党建聚力引领"), ("003", "民族团结进步活动月"), ("004", "五结合五防止"),
    ])
    func primary(seed: String, campaign: String) throws {
        let e = try Fixtures.extraction(ofSeed: seed)
        let campaigns = CampaignFinder.campaigns(title: e.title ?? "", tag: e.titleTag, paragraphs: e.paragraphs)
        #expect(campaigns.first == campaign)
    }

    @Test("mentions catch the initiatives that run across articles", arguments: [
        ("000", ["百场万人", "民族团结进步宣传月", "八进", "三抓三促"]),
        ("001", ["百场万人", "民族团结进步宣传月"]),
        ("002", ["党建+", "民族团结进步活动月"]),
        ("004", ["百场万人", "八进"]),
    ])
    func mentions(seed: String, expected: [String]) throws {
        let e = try Fixtures.extraction(ofSeed: seed)
        let campaigns = CampaignFinder.campaigns(title: e.title ?? "", tag: e.titleTag, paragraphs: e.paragraphs)
        let mentions = CampaignFinder.mentions(in: e.paragraphs, excluding: campaigns)
        for name in expected { #expect(mentions.contains(name), "\(seed) should mention \(name)") }
        for campaign in campaigns { #expect(!mentions.contains(campaign)) }
    }

    @Test("a quoted model in the headline outranks the site's column tag")
    func quotedBeforeTag() {
        let campaigns = CampaignFinder.campaigns(title: "某县:“九进九促”处处盛开民族团结之花", tag: "民族团结进步活动月", paragraphs: [])
        #expect(campaigns == ["九进九促", "民族团结进步活动月"])
    }

    @Test("a site column tag is not a campaign", arguments: ["图片新闻", "工作动态", "要闻"])
    func columnTags(tag: String) {
        #expect(CampaignFinder.campaigns(title: "某县召开民族团结进步创建推进会", tag: tag, paragraphs: []).isEmpty)
    }

    @Test("Traditional names fold to their Simplified form")
    func traditional() {
        #expect(CampaignFinder.campaigns(title: "某縣“鑄牢共同體”行動", tag: nil, paragraphs: []) == ["铸牢共同体"])
    }

    @Test("dates and common words in quotes are not initiatives")
    func notInitiatives() {
        let mentions = CampaignFinder.mentions(in: ["在“七一”“十一”等节点，“一把手”带头，“两委”干部参加“三抓三促”行动。"], excluding: [])
        #expect(mentions == ["三抓三促"])
    }

    @Test("quoted terms: the first mark of any pair opens, its own pair's next mark closes, and a mark left open is passed over", arguments: [
        ("实施“党建聚力引领”行动和「五结合五防止」工作", ["党建聚力引领", "五结合五防止"]),
        ("“七一”“十一”", ["七一", "十一"]),
        // An opening mark with no closing one is passed over; a later pair still counts.
        ("“没有结尾的引号和『四聚焦』", ["四聚焦"]),
        // Marks of another pair inside a term are part of it; the term ends at its own pair's mark.
        ("“开展『八进』活动”后", ["开展『八进』活动"]),
        ("\"3+N\"模式和\"党建+\"", ["3+N", "党建+"]),
        ("“ 百场万人 ”", ["百场万人"]),
        // A slogan, a term too long or too short: none.
        ("“中华民族一家亲，同心共筑中国梦”“一”", []),
        ("", []), ("”「」“", []), ("末尾“", []),
    ])
    func quoted(text: String, expected: [String]) {
        #expect(CampaignFinder.quotedTerms(in: text) == expected)
    }
}

import Testing
@testable import SitegenKit

@Suite("Extracting the article from a scraped page")
struct ArticleExtractorTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var seed: String
        var title: String
        var date: String
        var source: String
        var firstSentence: String
        var lastSentence: String
        var testDescription: String { seed }
    }

    static let seeds: [Expected] = [
        Expected(seed: "000", title: "甘肃酒泉“党建+”模式推动民族团结进步创建工作提质增效", date: "2023-07-04",
                 source: "甘肃省酒泉市民宗委",
                 firstSentence: "酒泉市坚持把党建工作与民族工作“双推进，同加强”",
                 lastSentence: "实现了单位、社区党建工作和业务相互促进、共同发展。"),
        Expected(seed: "001", title: "永登县:“四聚焦”推进民族团结进步事业 高质量发展", date: "2025-04-09 11:27",
                 source: "永登县委统战部",
                 firstSentence: "2024年,永登县深入学习贯彻习近平总书记关于加强和改进民族工作的重要思想",
                 lastSentence: "促进各族群众精神相系、情感相依。"),
        Expected(seed: "002", title: "内蒙古赤峰市实施党建聚力引领行动促进民族团结进步工作", date: "2022-06-21",
                 source: "内蒙古自治区民委",
                 firstSentence: "近年来，赤峰市全面贯彻落实习近平总书记关于加强和改进民族工作的重要思想",
                 lastSentence: "切实把实事办到各族群众心坎上。"),
        Expected(seed: "003", title: "康巴什区:处处盛开民族团结之花", date: "2022-09-13 10:40",
                 source: "康巴什区委统战部",
                 firstSentence: "康巴什地处内蒙古自治区鄂尔多斯高原腹地",
                 lastSentence: "共同谱写着民族团结进步、经济繁荣发展、社会和谐稳定的华美乐章!"),
        Expected(seed: "004", title: "张家川县“五结合五防止”持续深入推进民族团结进步创建工作", date: "2019-05-26 11:08",
                 source: "张家川县融媒体中心",
                 firstSentence: "张家川县开展创建全国民族团结进步示范县工作以来",
                 lastSentence: "为坚决打赢脱贫攻坚战、决胜全面建成小康社会作出积极贡献。"),
    ]

    /// Lines of site chrome from the five seeds; none may reach the body.
    static let chrome = ["请输入关键字", "当前位置", "字号", "版权所有", "ICP备", "公网安备", "网站维护", "官方微信",
                         "中央统战部", "次浏览", "编辑/", "责编/", "主编/", "来源/", "省委常委会", "巡视组", "住房保障",
                         "上一篇", "下一篇", "杭锦旗", "达拉特旗", "您所在的位置", "打印本页", "天水在线编辑",
                         "摄影相关图片", "烟铺大樱桃", "政府网站", "找错", "](#)", "视听甘肃", "【民族团结进步活动月】", "(图)"]

    @Test("finds title, date and source", arguments: seeds)
    func fields(expected: Expected) throws {
        let extraction = try Fixtures.extraction(ofSeed: expected.seed)
        #expect(extraction.title == expected.title)
        #expect(extraction.date?.description == expected.date)
        #expect(extraction.source == expected.source)
    }

    @Test("the body runs from the first sentence to the last, with no chrome", arguments: seeds)
    func body(expected: Expected) throws {
        let extraction = try Fixtures.extraction(ofSeed: expected.seed)
        let body = extraction.plainBody
        #expect(body.hasPrefix(expected.firstSentence))
        #expect(body.hasSuffix(expected.lastSentence))
        for line in Self.chrome {
            #expect(!body.contains(line), "chrome \"\(line)\" survived in seed \(expected.seed)")
        }
    }

    @Test("001's date is the publication time, not the year its first sentence names")
    func publicationNotNarrativeYear() throws {
        let extraction = try Fixtures.extraction(ofSeed: "001")
        #expect(extraction.date == ArticleDate(year: 2025, month: 4, day: 9, hour: 11, minute: 27))
        #expect(extraction.dateLine == 2)
    }

    @Test("003's 【…】 tag is kept apart from its title")
    func titleTag() throws {
        #expect(try Fixtures.extraction(ofSeed: "003").titleTag == "民族团结进步活动月")
    }

    @Test("003's two-line section titles become one heading each")
    func twoLineHeadings() throws {
        let headings = try Fixtures.extraction(ofSeed: "003").blocks.compactMap {
            if case let .heading(text) = $0 { return text }
            return nil
        }
        #expect(headings == [
            "政治责任“制度化” 指导创建工作迈上“新站位”",
            "宣传模式“多元化” 引导各族群众共绘“同心圆”",
            "统筹推进“一体化” 构建联动格局下好“一盘棋”",
            "一线贯穿“全域化” 守望和谐家园塑造“新标杆”",
        ])
    }

    @Test("numbered and parallel openings become lead-ins", arguments: [
        ("002", "一、坚持政治引领为核心，强化民族工作向心力。"),
        ("002", "一是深化理论武装。"),
        ("001", "聚焦统筹部署,强化组织之力。"),
        ("004", "把经常性宣传教育与促进各民族交往交流交融相结合,防止创建基础“夯不实”。"),
        ("000", "四是“党建+志愿服务活动”，积极发挥党员干部先锋模范作用。"),
    ])
    func leadIns(seed: String, leadIn: String) throws {
        let leadIns = try Fixtures.extraction(ofSeed: seed).blocks.compactMap {
            if case let .paragraph(lead, _) = $0 { return lead }
            return nil
        }
        #expect(leadIns.contains(leadIn))
    }

    @Test("a first sentence that opens no parallel series stays plain")
    func noLoneLeadIn() throws {
        let first = try Fixtures.extraction(ofSeed: "004").blocks.first
        guard case let .paragraph(leadIn, _) = first else {
            Issue.record("004 should open with a paragraph")
            return
        }
        #expect(leadIn == nil)
    }
}

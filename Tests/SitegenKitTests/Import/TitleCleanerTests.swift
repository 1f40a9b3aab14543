import Testing
@testable import SitegenKit

@Suite("Cleaning a headline")
struct TitleCleanerTests {
    @Test("a column name of ten characters or fewer before 丨 goes, when six or more follow", arguments: [
        ("视听甘肃丨永登县:“四聚焦”推进民族团结进步事业", "永登县:“四聚焦”推进民族团结进步事业"),
        ("一二三四五六七八九十丨民族团结进步创建", "民族团结进步创建"),
        ("一二三四五六七八九十一丨民族团结进步创建", "一二三四五六七八九十一丨民族团结进步创建"),
        ("栏目｜甲乙丙丁戊", "栏目｜甲乙丙丁戊"),
        ("栏目|甲乙丙丁戊己", "甲乙丙丁戊己"),
        ("栏目丨 甲乙丙丁戊己 ", "甲乙丙丁戊己"),
        ("这是一个很长的栏目名称丨标题|更多内容在这里", "这是一个很长的栏目名称丨标题|更多内容在这里"),
        ("丨民族团结进步创建工作", "民族团结进步创建工作"),
    ])
    func column(line: String, title: String) {
        #expect(TitleCleaner.clean(line).title == title)
    }

    @Test("a 【tag】, heading marks and picture markers come off")
    func tagAndMarkers() {
        let cleaned = TitleCleaner.clean("【民族团结进步活动月】康巴什区:处处盛开民族团结之花")
        #expect(cleaned.title == "康巴什区:处处盛开民族团结之花" && cleaned.tag == "民族团结进步活动月")
        #expect(TitleCleaner.clean("## 永登县推进民族团结进步工作(图)").title == "永登县推进民族团结进步工作")
        #expect(TitleCleaner.clean("民族团结一家亲（组图）（视频）").title == "民族团结一家亲")
    }
}

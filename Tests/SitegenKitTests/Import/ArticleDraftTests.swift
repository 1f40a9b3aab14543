import Testing
@testable import SitegenKit

@Suite("sitegen new")
struct ArticleDraftTests {
    static let day = ArticleDate(year: 2024, month: 3, day: 1)!

    @Test("a draft has complete front matter that reads back, with the region's chain")
    func draft() throws {
        let draft = try ArticleDraft.make(title: "永登县召开民族团结进步创建推进会", region: "永登县", campaigns: ["四聚焦"],
                                          date: Self.day, seedsFolder: "seeds")
        #expect(draft.fileName == "yong-deng-xian-zhao-kai-min-zu-tuan-jie-jin-bu-chuang-jian-tui-jin-hui.md")
        for field in Intermediate.fields { #expect(draft.text.contains("\n\(field): "), "no \(field)") }
        let article = try #require(Intermediate.parse(draft.text, file: "seeds/\(draft.fileName)").value)
        #expect(article.region?.rawValue == "620121")
        #expect(article.regions == ["甘肃省", "兰州市", "永登县"])
        #expect(article.campaigns == ["四聚焦"])
        #expect(article.date == Self.day)
    }

    @Test("a name several divisions share must be given as a code", arguments: [
        ("鼓楼区", "\"鼓楼区\" names 4 divisions; give the code of the one you mean: 320106 江苏省 南京市 鼓楼区; 320302 江苏省 徐州市 鼓楼区; 350102 福建省 福州市 鼓楼区; 410204 河南省 开封市 鼓楼区"),
        ("火星县", "no division of China is called \"火星县\"; give its full name (永登县) or its six-digit code (620121)"),
    ])
    func badRegion(region: String, message: String) {
        #expect {
            try ArticleDraft.make(title: "标题", region: region, campaigns: [], date: Self.day, seedsFolder: "seeds")
        } throws: { error in
            (error as? SitegenError).map { "\($0.message); \($0.fix)" } == message
        }
    }
}

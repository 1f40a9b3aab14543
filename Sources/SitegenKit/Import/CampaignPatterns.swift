/// The shapes by which articles name their work models (示范创建 campaigns) and other
/// initiatives. Every Chinese literal the campaign finder matches on lives here.
enum CampaignPatterns {
    /// Quotation marks around a named model: “党建+”, 「五个一」, "十进".
    static let quotePairs: [(open: Character, close: Character)] = [("“", "”"), ("「", "」"), ("『", "』"), ("\"", "\"")]

    /// Tails that make a 【…】 tag a site column (图片新闻, 工作动态), not a campaign.
    static let columnTagTails = ["新闻", "动态", "要闻", "快讯", "头条", "视频", "图片", "专栏", "关注", "聚焦",
                                 "播报", "资讯", "报道", "通知", "公告", "一线", "基层", "地方", "时评"]

    /// Characters that open a numbered model: 百场万人, 八进, 三抓三促, 五个认同.
    static let numerals: Set<Character> = ["一", "二", "两", "双", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万"]

    /// Named events that need no quotes: 民族团结进步宣传月, 民族法治宣传周.
    static let eventSuffixes = ["宣传月", "活动月", "宣传周", "活动周"]

    /// Words that open a scope, not a name: 全市第20个民族团结进步宣传月 names 民族团结进步宣传月.
    static let eventStops: Set<Character> = ["个", "第", "届", "次", "年", "的", "在", "是", "开", "展", "与", "和", "及",
                                             "暨", "为", "以", "期", "全", "市", "县", "区", "省", "州", "旗"]

    /// Generic endings that a numbered name carries in running text: “八进活动” is 八进.
    static let genericTails = ["活动", "工作"]

    /// Quoted numbered phrases that are ordinary words, not initiatives.
    static let commonWords: Set<String> = ["一把手", "两委", "一家亲", "一盘棋", "一体化", "一阵风", "两张皮",
                                           "一带一路", "十四五", "十三五", "十二五", "一站式", "一条龙"]

    /// The longest and shortest names we take.
    static let nameLength = 2...16
    /// Mentions are names, not activity titles (“一把手谈铸牢中华民族共同体意识” is the latter).
    static let mentionLength = 2...12
}

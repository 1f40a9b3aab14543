/// The words by which Chinese government sites mark their chrome (站点框架), bylines and
/// datelines. Every Chinese literal the importer matches on lives here, so a new site's
/// quirk is one table row, never a new branch in the logic.
enum ChromePatterns {
    /// Labels in front of the publication date.
    static let dateLabels = ["发布时间", "发布日期", "发表时间", "发表日期", "发稿时间", "更新时间",
                             "日期", "时间", "发布于"]

    /// Labels in front of the source organisation.
    static let sourceLabels = ["文章来源", "稿件来源", "信息来源", "新闻来源", "来源"]

    /// Other byline labels; a source name ends where one of these begins.
    static let bylineLabels = ["字号", "作者", "浏览", "点击", "阅读", "打印", "责任编辑", "编辑",
                               "访问量", "分享", "选择字号", "字体", "视力保护色", "发布时间", "发布日期",
                               "日期", "时间", "关闭", "收藏", "次浏览", "阅读量"]

    /// Lines (or their beginnings) that say where the page sits in the site: 面包屑.
    static let breadcrumbMarkers = ["当前位置", "您所在的位置", "您的位置", "您现在的位置", "所在位置",
                                    "当前所在位置", "现在位置"]

    /// Markers sites append to a title to say it has pictures or video: not title text.
    static let titleMarkers = ["(图)", "（图）", "(组图)", "（组图）", "(视频)", "（视频）", "(图文)",
                               "（图文）", "(附图)", "（附图）", "[图]", "【图】", "[组图]", "【组图】",
                               "[视频]", "【视频】"]

    /// Separators between a column or programme name and the title (视听甘肃丨…).
    static let columnSeparators: [Character] = ["丨", "｜", "|"]

    /// A line beginning with one of these ends the article: what follows is the site's.
    static let articleEndPrefixes = ["上一篇", "下一篇", "上一条", "下一条", "相关新闻", "相关阅读",
                                     "相关链接", "相关文章", "相关图片", "相关稿件", "相关报道",
                                     "摄影相关图片", "推荐阅读", "延伸阅读", "热点新闻", "热门文章", "热门推荐",
                                     "猜你喜欢", "更多新闻", "往期回顾", "扫一扫", "分享到", "相关附件",
                                     "【相关", "[相关", "网友评论", "我要评论", "发表评论"]

    /// Credit lines at the end of an article (编辑/王珺茹, 责任编辑：…), when followed by `/`, `:`, `：`.
    static let creditLabels = ["责任编辑", "值班编辑", "编辑", "责编", "主编", "审核", "审校", "校对",
                               "终审", "初审", "复审", "二审", "三审", "编审", "监制", "签发", "制作", "审签"]

    /// Separators that follow a credit label.
    static let creditSeparators: [Character] = ["/", ":", "：", "丨", "|", "｜"]

    /// Phrases that only a site's footer or frame contains. A short line holding one is chrome.
    static let footerPhrases = ["版权所有", "ICP备", "ICP证", "公网安备", "网站维护", "网站地图", "联系我们",
                                "建议使用", "浏览器", "主办单位", "承办单位", "技术支持", "官方微信", "官方微博",
                                "网站标识码", "分辨率", "关于我们", "政府网站", "找错", "返回顶部", "Copyright",
                                "copyright", "All Rights Reserved", "主办：", "承办：", "维护单位"]

    /// Page furniture that may stand anywhere and is simply dropped (font size, print, share).
    static let noisePhrases = ["打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]", "打印此页",
                               "请输入关键字", "请输入关键词", "字号：", "字号:", "【字体", "[字体", "分享至",
                               "收藏本页", "加入收藏", "设为首页", "无障碍", "长者模式", "返回首页"]

    /// A line that is only the current day in the site header (今天是…星期二) is no dateline.
    static let headerDateMarkers = ["星期", "今天是", "今天："]

    /// Sentence-final and clause punctuation: a line without any is a heading candidate.
    static let headingBreakers: Set<Character> = ["。", "！", "？", "；", "…", "，", ",", ";", "!", "?", "：", "、"]

    /// Ends of a sentence, for lead-ins and summaries.
    static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", "；"]

    /// Ordinal markers that open a numbered lead-in: 一、 一是 （一） 1. 第一，
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Whether the character is one of `ChromePatterns.sentenceEnds`: by scalar value
    /// when, as now, each of them is a single scalar (hashing the character was a third
    /// of making a summary, and of cutting lead-ins), else by the set.
    @inline(__always)
    static func endsSentence(_ character: Character) -> Bool {
        guard let ends = sentenceEndScalars else { return ChromePatterns.sentenceEnds.contains(character) }
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return ends.contains(scalar.value)
    }

    private static let sentenceEndScalars: [UInt32]? = {
        let ends = ChromePatterns.sentenceEnds.map(\.unicodeScalars)
        return ends.allSatisfy { $0.count == 1 } ? ends.map { $0.first!.value } : nil
    }()
}

/// How Chinese division names are shortened in running text. Every literal the
/// gazetteer's aliases are made from lives here.
enum RegionPatterns {
    /// The 56 recognised ethnic groups; autonomous divisions carry one or more in their
    /// names (积石山保安族东乡族撒拉族自治县), which short forms drop.
    static let ethnicGroups = [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族",
        "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "拉祜族", "水族", "东乡族", "纳西族",
        "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
        "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "高山族",
    ]
    /// The same, as scalars (see `Gazetteer.aliases`).
    static let ethnicGroupScalars = ethnicGroups.map { Array($0.unicodeScalars) }

    /// Suffixes of the level, longest first: 甘肃省 → 甘肃, 阿拉善盟 → 阿拉善.
    static let suffixes = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "州", "盟", "县", "区", "旗"]
    /// The same, as scalars (see `Gazetteer.aliases`).
    static let suffixScalars = suffixes.map { Array($0.unicodeScalars) }

    /// Generic district names that are ordinary words in running text; matched only
    /// together with their city (阳泉市城区), never alone.
    static let genericNames: Set<String> = ["城区", "郊区", "矿区", "市中区", "新区", "开发区", "高新区"]

    /// Short forms that are also everyday words (长治久安, 白银, 来宾, 安康, 大庆): not
    /// matched bare, only with their suffix (长治市).
    static let commonWordStems: Set<String> = ["长治", "白银", "来宾", "玉树", "黄山", "中山", "大同", "安康", "大庆",
                                               "吉安", "永康", "和平", "城关", "新城", "长安", "通化", "普兰", "东方",
                                               "五指山", "海门", "兴安", "朝阳", "宁安", "太平", "江山", "合作", "都安"]

    /// A county's bare stem is matched only from this length: three-character stems
    /// (张家川, 康巴什, 阿克塞) are names; two-character ones are too often words.
    static let minimumBareCountyStem = 3
}

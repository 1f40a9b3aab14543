/// Finds an article's campaigns (the work models it is about) and mentions (other named
/// initiatives its body refers to).
///
/// A campaign is named in the headline: quoted (永登县:“四聚焦”推进…), as a `X+` model
/// (党建+), as the 【…】 tag the site files the article under, or as a term the body quotes
/// and the headline repeats unquoted (实施“党建聚力引领”行动 / 实施党建聚力引领行动).
/// Matching runs on text folded to Simplified, so 鑄牢 and 铸牢 are one name.
public enum CampaignFinder {
    public static func campaigns(title: String, tag: String?, paragraphs: [String]) -> [String] {
        var found: [String] = []
        func add(_ name: String) {
            let name = HanFolding.simplified(name)
            if CampaignPatterns.nameLength.contains(name.characterCount), !found.contains(name) { found.append(name) }
        }
        quotedTerms(in: title).forEach(add)
        plusModels(in: title).forEach(add)
        if let tag, isCampaignTag(tag) { add(tag) }
        let foldedTitle = HanFolding.simplified(title)
        for paragraph in paragraphs.prefix(2) {
            for term in quotedTerms(in: paragraph) where term.count >= 3 && foldedTitle.contains(HanFolding.simplified(term)) {
                add(term)
            }
        }
        return found
    }

    /// Numbered models (“百场万人”, “八进”), `X+` models (“党建+”) and named events
    /// (民族团结进步宣传月) in the body, in order of first appearance, without the campaigns.
    public static func mentions(in paragraphs: [String], excluding campaigns: [String]) -> [String] {
        var found: [String] = []
        var plusCounts: [String: Int] = [:]
        // 四个聚焦 in the body is the campaign 四聚焦 again, not another initiative.
        let campaignKeys = Set(campaigns.map(variantKey))
        func add(_ name: String) {
            let name = HanFolding.simplified(name)
            if CampaignPatterns.mentionLength.contains(name.characterCount), !campaignKeys.contains(variantKey(name)),
               !found.contains(name) {
                found.append(name)
            }
        }
        for paragraph in paragraphs {
            for term in quotedTerms(in: paragraph) {
                if let numbered = numberedName(term) { add(numbered) }
                // “党建+服务” “党建+产业” name the model 党建+ (counted below); “党建+” names it outright.
                if let plus = term.firstIndex(of: "+"), term[..<plus].allSatisfy(\.isHan), term[..<plus].count >= 2 {
                    let model = String(term[...plus])
                    plusCounts[model, default: 0] += term.hasSuffix("+") ? 2 : 1
                    if plusCounts[model, default: 0] >= 2 { add(model) }
                }
                if CampaignPatterns.eventSuffixes.contains(where: term.hasSuffix) { add(term) }
            }
            eventNames(in: paragraph).forEach(add)
        }
        return found
    }
}

// MARK: - Shapes

extension CampaignFinder {
    /// Terms between quotation marks, trimmed; terms with clause punctuation inside are
    /// slogans (“中华民族一家亲，同心共筑中国梦”), not names.
    static func quotedTerms(in text: String) -> [String] {
        // On the UTF-8 bytes: every quotation mark is one scalar, whose bytes match only
        // where it stands. Walking the scalars, looking each up among the marks, was a third
        // of finding a page's mentions (and walking graphemes, before, a quarter of the
        // time an import took).
        let spans = text.withUTF8Bytes { bytes -> [Range<Int>] in
            var spans: [Range<Int>] = []
            func find(_ mark: [UInt8], from start: Int) -> Int? {
                mark.withUnsafeBufferPointer { bytes.firstIndex(of: $0, from: start) }
            }
            var i = 0
            // Where each pair's opening mark next occurs, at or after `i`.
            var opens = quoteBytes.map { find($0.open, from: 0) }
            while true {
                var next: (at: Int, pair: Int)?
                for k in opens.indices {
                    if let at = opens[k], at < i { opens[k] = find(quoteBytes[k].open, from: i) }
                    if let at = opens[k], at < next?.at ?? .max { next = (at, k) }
                }
                guard let (at, k) = next else { return spans }
                let after = at + quoteBytes[k].open.count
                if let close = find(quoteBytes[k].close, from: after) {
                    spans.append(after..<close)
                    i = close + quoteBytes[k].close.count
                } else {
                    i = after
                }
            }
        }
        return spans.compactMap { span in
            let term = text[text.utf8Range(span.lowerBound, count: span.count)].trimmedPageText
            guard CampaignPatterns.nameLength.contains(term.characterCount),
                  !term.unicodeScalars.contains(where: { clausePunctuation.contains($0) }) else { return nil }
            return term
        }
    }

    /// Each pair of quotation marks as UTF-8.
    private static let quoteBytes: [(open: [UInt8], close: [UInt8])] = CampaignPatterns.quotePairs.map {
        (Array(String($0.open).utf8), Array(String($0.close).utf8))
    }

    private static let clausePunctuation = Set("，,。、；;：:！!？?".unicodeScalars)

    /// Unquoted `X+` models in a headline: 党建+.
    static func plusModels(in text: String) -> [String] {
        let chars = Array(text)
        var models: [String] = []
        for (i, c) in chars.enumerated() where c == "+" || c == "＋" {
            var start = i
            while start > 0, chars[start - 1].isHan, i - start < 4 { start -= 1 }
            if i - start >= 2 { models.append(String(chars[start..<i]) + "+") }
        }
        return models
    }

    /// A numbered name: opens with a numeral or digits (百场万人, 三抓三促, 13610, 4+12),
    /// with generic tails dropped (八进活动 → 八进).
    static func numberedName(_ term: String) -> String? {
        guard let first = term.first,
              CampaignPatterns.numerals.contains(first) || first.isASCIIDigit,
              !CampaignPatterns.commonWords.contains(term)
        else { return nil }
        var name = term
        for tail in CampaignPatterns.genericTails where name.hasSuffix(tail) && name.count - tail.count >= 2 {
            name = String(name.dropLast(tail.count))
        }
        // A digits-only name must be a code of several digits, not a count; numerals
        // alone (“七一”, “十一”) are dates.
        if name.allSatisfy(\.isASCIIDigit), name.count < 4 { return nil }
        if name.allSatisfy({ CampaignPatterns.numerals.contains($0) }) { return nil }
        return CampaignPatterns.commonWords.contains(name) ? nil : name
    }

    /// Named events written without quotes: the Han run ending in 宣传月/活动月/…, cut at
    /// the first scope word (全市第20个民族团结进步宣传月 → 民族团结进步宣传月).
    static func eventNames(in text: String) -> [String] {
        var names: [String] = []
        for suffix in CampaignPatterns.eventSuffixes {
            // On the bytes: see `byteRanges`.
            for range in text.byteRanges(of: suffix) {
                var start = range.lowerBound
                var length = 0
                while start > text.startIndex {
                    let previous = text.index(before: start)
                    let c = text[previous]
                    guard c.isHan, !CampaignPatterns.eventStops.contains(c), length < 10 else { break }
                    start = previous
                    length += 1
                }
                if length >= 2 { names.append(String(text[start..<range.upperBound])) }
            }
        }
        return names
    }

    /// 四个聚焦 and 四聚焦 are one model: the measure word 个 is optional in these names.
    static func variantKey(_ name: String) -> String {
        name.filter { $0 != "个" }
    }

    static func isCampaignTag(_ tag: String) -> Bool {
        !CampaignPatterns.columnTagTails.contains(where: tag.hasSuffix) && tag.contains(where: \.isHan)
    }
}

/// What a line of a scraped page is, judged from the line alone.
enum LineKind: Equatable {
    /// Article text: a paragraph or a heading.
    case content
    /// Page furniture dropped wherever it stands (打印本页, font-size widget, images).
    case noise
    /// An end-of-article credit: 编辑/王珺茹, 来源/永登县委统战部, (天水在线编辑:李俊锋).
    case credit
    /// Previous/next links and related-news lists (上一篇, 相关新闻…).
    case articleEnd
    /// The site footer (版权所有, ICP备…).
    case footer
    /// A line of links only: a menu or the footer's link bar.
    case navigation

    static func classify(_ text: String) -> LineKind {
        if isNoise(text) || isBreadcrumb(text) { return .noise }
        if isCredit(text) { return .credit }
        if ChromePatterns.articleEndPrefixes.contains(where: text.hasBytePrefix) { return .articleEnd }
        if isFooter(text) { return .footer }
        if isNavigation(text) { return .navigation }
        return .content
    }

    static func isNoise(_ text: String) -> Bool {
        if text.hasAtMost(40), ChromePatterns.noisePhrases.contains(where: text.containsBytes) { return true }
        // Markdown images, lone bullets and separators, bare view counters.
        if text.hasBytePrefix("![") { return true }
        if text.allSatisfy({ !$0.isLetter && !$0.isNumber }) { return true }
        return false
    }

    /// A byline: source, date or author labels, or a date, on a short line.
    static func isByline(_ text: String) -> Bool {
        text.hasAtMost(120) && (ChromePatterns.sourceLabels.contains(where: text.containsBytes)
            || ChromePatterns.dateLabels.contains(where: text.containsBytes)
            || DateScanner.firstDate(in: text) != nil || DateScanner.ambiguousDate(in: text) != nil)
    }

    static func isBreadcrumb(_ text: String) -> Bool {
        if ChromePatterns.breadcrumbMarkers.contains(where: text.hasBytePrefix) { return true }
        // 首页 > 新闻中心 > 地方动态, 首页>>新闻中心>>正文
        return text.hasBytePrefix("首页") && (text.containsBytes(">") || text.containsBytes("»") || text.containsBytes("＞"))
    }

    static func isFooter(_ text: String) -> Bool {
        text.hasAtMost(120) && ChromePatterns.footerPhrases.contains(where: text.containsBytes)
    }

    /// `编辑/王珺茹`, `责任编辑：张三`, `来源/永登县委统战部`, `(天水在线编辑:李俊锋)`, `【编辑：…】`.
    static func isCredit(_ text: String) -> Bool {
        guard text.hasAtMost(60) else { return false }
        var inner = Substring(text)
        if let first = inner.first, "(（【[".contains(first) {
            inner = inner.dropFirst()
            if let last = inner.last, ")）】]".contains(last) { inner = inner.dropLast() }
        }
        let labels = ChromePatterns.creditLabels + ChromePatterns.sourceLabels
        for label in labels {
            guard let range = inner.firstByteRange(of: label) else { continue }
            // The label opens the line, or (inside brackets) follows a short site name.
            let lead = inner[..<range.lowerBound]
            guard lead.isEmpty || (text.first.map { "(（【[".contains($0) } ?? false && lead.count <= 8)
            else { continue }
            if let next = inner[range.upperBound...].first, ChromePatterns.creditSeparators.contains(next) {
                return true
            }
        }
        return false
    }

    /// Two or more Markdown links and almost nothing else: `[中央统战部](#)[中国政府网](#)…`.
    static func isNavigation(_ text: String) -> Bool {
        // Each link has a `](`: most lines have none, and walking them character by
        // character was a tenth of importing a page.
        guard text.byteRanges(of: "](").count >= 2 else { return false }
        var links = 0
        var rest = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "[", let close = text[index...].firstIndex(of: "]"),
               text.index(after: close) < text.endIndex, text[text.index(after: close)] == "(",
               let paren = text[close...].firstIndex(of: ")") {
                links += 1
                index = text.index(after: paren)
                continue
            }
            rest.append(text[index])
            index = text.index(after: index)
        }
        return links >= 2 && rest.filter(\.isHan).count < 8
    }
}

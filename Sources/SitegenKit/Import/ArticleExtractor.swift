import Foundation

/// Reads a scraped page and finds the article in it.
///
/// The dateline (日期：… 来源：…) is the anchor: on a government site's article page the
/// title stands just above it and the body begins just below it. Above the title are the
/// menus and breadcrumb; after the body come credits, previous/next links, related news
/// and the footer. The first of those ends the article.
public enum ArticleExtractor {
    public static func extract(_ source: SourceText) -> Extraction {
        let lines = PageLine.lines(of: source)
        var result = Extraction()

        let dateline = findDateline(in: lines)
        if let dateline {
            result.date = dateline.date
            result.dateLine = lines[dateline.index].number
            result.source = sourceName(in: lines[dateline.index].text)
        } else {
            result.ambiguousDate = lines.lazy.filter { $0.text.hasAtMost(200) }
                .compactMap { DateScanner.ambiguousDate(in: $0.text) }.first
        }

        let titleIndex = findTitle(in: lines, above: dateline?.index)
        if let titleIndex {
            let (title, tag) = TitleCleaner.clean(lines[titleIndex].text)
            result.title = title
            result.titleTag = tag
            result.titleLine = lines[titleIndex].number
        }

        // A byline on its own line beside the dateline (来源：… on the next line).
        if result.source == nil, let anchor = dateline?.index ?? titleIndex {
            for index in max(0, anchor - 2)...min(lines.count - 1, anchor + 2) where index != titleIndex {
                if let name = sourceName(in: lines[index].text), lines[index].text.hasAtMost(80) {
                    result.source = name
                    break
                }
            }
        }

        let bodyStart = max(dateline?.index ?? -1, titleIndex ?? -1) + 1
        let body = readBody(lines, from: bodyStart, title: result.title)
        result.blocks = BlockBuilder.blocks(from: body.content)
        if let first = body.content.first, let last = body.content.last {
            result.bodyLines = first.line.number...last.line.number
        }
        if result.source == nil { result.source = body.creditedSource }
        return result
    }
}

// MARK: - Dateline

private extension ArticleExtractor {
    struct Dateline {
        var index: Int
        var date: ArticleDate
    }

    /// The first short line with a date and a label (日期：, 发布时间:, 来源:), or failing
    /// that the first short line with a date. Long lines are running text: a paragraph's
    /// "2024年，永登县…" is never the publication date.
    static func findDateline(in lines: [PageLine]) -> Dateline? {
        var firstBare: Dateline?
        for (index, line) in lines.enumerated() where line.text.hasAtMost(160) {
            let text = line.text
            guard !ChromePatterns.headerDateMarkers.contains(where: text.containsBytes),
                  !text.containsBytes("。"),
                  let found = DateScanner.firstDate(in: text)
            else { continue }
            let labelled = ChromePatterns.dateLabels.contains(where: text.containsBytes)
                || ChromePatterns.sourceLabels.contains(where: text.containsBytes)
            if labelled { return Dateline(index: index, date: found.date) }
            if firstBare == nil { firstBare = Dateline(index: index, date: found.date) }
        }
        return firstBare
    }

    /// The organisation after 来源 in a byline: `来源：甘肃省酒泉市民宗委 字号：…` →
    /// `甘肃省酒泉市民宗委`. It ends at a space, a bracket or the next byline label.
    static func sourceName(in text: String) -> String? {
        for label in ChromePatterns.sourceLabels {
            guard let labelRange = text.firstByteRange(of: label) else { continue }
            var rest = text[labelRange.upperBound...].drop(while: { ":：/ 　丨|".contains($0) })
            if let stop = rest.firstIndex(where: { " 　\t[]【】|丨<>".contains($0) }) {
                rest = rest[..<stop]
            }
            var name = String(rest)
            for label in ChromePatterns.bylineLabels {
                if let r = name.firstByteRange(of: label) { name = String(name[..<r.lowerBound]) }
            }
            name = name.trimmingCharacters(in: .init(charactersIn: "()（）,，;；。.、-—"))
            if name.count >= 2 { return name }
        }
        return nil
    }
}

// MARK: - Title

private extension ArticleExtractor {
    /// The nearest title-like line above the dateline; with no dateline, the first
    /// title-like line that is followed by running text.
    static func findTitle(in lines: [PageLine], above datelineIndex: Int?) -> Int? {
        if let datelineIndex {
            var index = datelineIndex - 1
            var looked = 0
            while index >= 0, looked < 8 {
                let text = lines[index].text
                if !text.isEmpty {
                    if isTitleLike(text) { return index }
                    looked += 1
                }
                index -= 1
            }
        }
        for (index, line) in lines.enumerated() where isTitleLike(line.text) {
            let next = lines[(index + 1)...].prefix(8).first {
                !$0.text.isEmpty && !LineKind.isNoise($0.text) && !LineKind.isByline($0.text)
            }
            if let next, !next.text.hasAtMost(59) { return index }
        }
        return nil
    }

    static func isTitleLike(_ text: String) -> Bool {
        // The length first: counting the Han characters walks the whole line.
        guard text.hasAtMost(120) else { return false }
        let hanCount = text.reduce(0) { $0 + ($1.isHan ? 1 : 0) }
        // Menus, credits, previous/next links and footers are never headlines.
        guard hanCount >= 5, LineKind.classify(text) == .content,
              !ChromePatterns.sourceLabels.contains(where: text.containsBytes),
              DateScanner.firstDate(in: text) == nil
        else { return false }
        // A sentence that ends in 。 and runs long is a paragraph, not a headline.
        return !(text.hasSuffix("。") && !text.hasAtMost(50))
    }
}

// MARK: - Body

private extension ArticleExtractor {
    struct Body {
        var content: [BlockBuilder.Line] = []
        var creditedSource: String?
    }

    static func readBody(_ lines: [PageLine], from start: Int, title: String?) -> Body {
        var body = Body()
        var blankBefore = false
        guard start < lines.count else { return body }
        for line in lines[start...] {
            let text = line.text
            if text.isEmpty {
                blankBefore = true
                continue
            }
            let hasStarted = !body.content.isEmpty
            switch LineKind.classify(text) {
            case .noise:
                continue
            case .credit:
                if let name = sourceName(in: text) { body.creditedSource = body.creditedSource ?? name }
                if hasStarted { return body }
            case .articleEnd, .footer, .navigation:
                if hasStarted { return body }
            case .content:
                // Some pages repeat the headline as the first line of the body.
                if !hasStarted, let title, TitleCleaner.clean(text).title == title { continue }
                body.content.append(BlockBuilder.Line(line: line, blankBefore: blankBefore))
            }
            blankBefore = false
        }
        return body
    }
}

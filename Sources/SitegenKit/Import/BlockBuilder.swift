/// Groups the body's lines into headings and paragraphs, and finds each paragraph's lead-in.
///
/// Copied page text has one paragraph a line. A section heading is a short line with no
/// clause punctuation that introduces running text; a two-line heading (main line and
/// sub-line, as 政治责任“制度化” / 指导创建工作迈上“新站位”) becomes one heading.
enum BlockBuilder {
    struct Line: Equatable {
        var line: PageLine
        var blankBefore: Bool
    }

    /// The longest heading line; longer ones are paragraphs whatever their punctuation.
    static let maxHeadingLength = 40
    /// The longest lead-in sentence.
    static let maxLeadInLength = 48

    static func blocks(from lines: [Line]) -> [BodyBlock] {
        var blocks: [BodyBlock] = []
        var index = 0
        while index < lines.count {
            let text = lines[index].line.text
            if let marked = markedHeading(text) {
                blocks.append(.heading(marked))
                index += 1
                continue
            }
            let items = listItems(in: lines[index...])
            if items.count >= 2 {
                blocks.append(.orderedList(items))
                index += items.count
                continue
            }
            if isHeadingLine(text) {
                // Up to three heading lines in a row, directly above running text.
                var end = index + 1
                while end < lines.count, end - index < 3, !lines[end].blankBefore,
                      isHeadingLine(lines[end].line.text) {
                    end += 1
                }
                if end < lines.count, !isHeadingLine(lines[end].line.text) {
                    blocks.append(.heading(lines[index..<end].map(\.line.text).joined(separator: " ")))
                    index = end
                    continue
                }
            }
            blocks.append(.paragraph(leadIn: nil, text: text))
            index += 1
        }
        return withLeadIns(blocks)
    }
}

// MARK: - Headings

private extension BlockBuilder {
    /// A heading the page marked itself (`## 小标题`).
    static func markedHeading(_ text: String) -> String? {
        guard text.hasPrefix("#") else { return nil }
        let stripped = text.drop(while: { $0 == "#" })
        guard stripped.first == " " else { return nil }
        let heading = stripped.trimmedPageText
        return heading.isEmpty ? nil : heading
    }

    /// Short, with Han text, no sentence end inside and no punctuation at the end. A comma
    /// inside is allowed: 聚焦“五个融入”，凝聚奋进之魂 is a heading; 主要做法如下： is not.
    static func isHeadingLine(_ text: String) -> Bool {
        guard text.hasAtMost(maxHeadingLength), text.contains(where: \.isHan), let last = text.last,
              !ChromePatterns.headingBreakers.contains(last)
        else { return false }
        return !text.contains(where: ChromePatterns.endsSentence)
    }

    /// The items of a run of lines numbered 1, 2, 3… (`1.` `2、` `3．`), numbers removed.
    static func listItems(in lines: ArraySlice<Line>) -> [String] {
        var items: [String] = []
        for line in lines {
            let text = line.line.text
            let number = String(items.count + 1)
            guard text.hasPrefix(number) else { break }
            let rest = text.dropFirst(number.count)
            guard let mark = rest.first, ".、．".contains(mark) else { break }
            let item = rest.dropFirst().trimmedPageText
            guard !item.isEmpty else { break }
            items.append(item)
        }
        return items
    }
}

// MARK: - Lead-ins

private extension BlockBuilder {
    /// Marks lead-ins: numbered ones (一、 一是 （一） 1.) always; topical ones (聚焦统筹部署，
    /// 强化组织之力。) when at least three paragraphs open in parallel: same first
    /// character, a short first sentence with a comma in it. One opening like that is
    /// just a short sentence; three are the article's structure.
    static func withLeadIns(_ blocks: [BodyBlock]) -> [BodyBlock] {
        var parallelOpenings: [Character: Int] = [:]
        for case let .paragraph(_, text) in blocks {
            if let sentence = firstSentence(of: text), isParallelShape(sentence), let first = text.first {
                parallelOpenings[first, default: 0] += 1
            }
        }
        return blocks.map { block in
            guard case let .paragraph(_, text) = block, let sentence = firstSentence(of: text) else { return block }
            let isNumbered = numberedPrefixLength(text) > 0
            let isParallel = isParallelShape(sentence) && (text.first.map { parallelOpenings[$0, default: 0] >= 3 } ?? false)
            guard isNumbered || isParallel else { return block }
            let rest = String(text.dropFirst(sentence.count))
            if rest.trimmedPageText.isEmpty {
                // A numbered line that is all lead-in is a section heading.
                return sentence.count <= maxHeadingLength ? .heading(sentence) : block
            }
            return .paragraph(leadIn: sentence, text: rest)
        }
    }

    /// The text up to and including the first sentence end, if that is short enough to be a lead-in.
    static func firstSentence(of text: String) -> String? {
        var count = 0
        for character in text {
            count += 1
            if count > maxLeadInLength { return nil }
            if ChromePatterns.endsSentence(character) {
                return count >= 4 ? String(text.prefix(count)) : nil
            }
        }
        return nil
    }

    static func isParallelShape(_ sentence: String) -> Bool {
        sentence.hasAtMost(40) && (sentence.containsBytes("，") || sentence.containsBytes(","))
    }

    /// Length of an ordinal opening: `一、` `一是` `二要` `（一）` `(三)` `1.` `2、` `第一，`.
    static func numberedPrefixLength(_ text: String) -> Int {
        let chars = Array(text.prefix(8))
        guard !chars.isEmpty else { return 0 }
        var i = 0
        if chars[0] == "（" || chars[0] == "(" {
            i = 1
            while i < chars.count, ChromePatterns.chineseNumerals.contains(chars[i]) { i += 1 }
            return i > 1 && i < chars.count && (chars[i] == "）" || chars[i] == ")") ? i + 1 : 0
        }
        if chars[0] == "第" { i = 1 }
        let numeralStart = i
        while i < chars.count, ChromePatterns.chineseNumerals.contains(chars[i]) { i += 1 }
        if i > numeralStart, i < chars.count {
            if numeralStart == 0, "、是要".contains(chars[i]) { return i + 1 }
            if numeralStart == 1, "，,、".contains(chars[i]) { return i + 1 }
            return 0
        }
        while i < chars.count, chars[i].isASCIIDigit { i += 1 }
        if i > 0, i <= 2, i < chars.count, "、.．".contains(chars[i]) { return i + 1 }
        return 0
    }
}

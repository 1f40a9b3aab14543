/// 摘要: one or two sentences from the top of the article, for lists and feeds.
enum SummaryMaker {
    static let targetLength = 60
    static let maxLength = 120

    static func summary(of paragraphs: [String]) -> String {
        // At least 10 characters, counted no further than that (`count` read the whole
        // paragraph, character by character).
        guard let first = paragraphs.first(where: { $0.index($0.startIndex, offsetBy: 10, limitedBy: $0.endIndex) != nil })
            ?? paragraphs.first else { return "" }
        var summary = ""
        var sentence = ""
        for character in first {
            sentence.append(character)
            if ChromePatterns.endsSentence(character) {
                if summary.count + sentence.count > maxLength { break }
                summary += sentence
                sentence = ""
                if summary.count >= targetLength { break }
            }
        }
        if summary.isEmpty {
            // One long sentence: cut it at a comma near the limit.
            let head = String(first.prefix(maxLength - 1))
            if let comma = head.lastIndex(where: { "，,；、".contains($0) }), head.distance(from: head.startIndex, to: comma) >= targetLength {
                return String(head[..<comma]) + "……"
            }
            return first.count > maxLength ? head + "……" : first
        }
        return summary
    }
}

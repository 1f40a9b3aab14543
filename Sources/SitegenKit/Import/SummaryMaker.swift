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
            if endsSentence(character) {
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

    /// Whether the character is one of `ChromePatterns.sentenceEnds`: by scalar value
    /// when, as now, each of them is a single scalar (hashing the character was a third
    /// of making a summary), else by the set.
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

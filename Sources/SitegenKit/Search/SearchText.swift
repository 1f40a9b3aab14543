/// The text a search looks through for one article, and how it is read: a stream of
/// characters in which every position is one character of the original, so a match
/// found in the folded text can be shown and highlighted in the text as published.
public struct SearchText: Sendable, Equatable {
    /// As published: title, campaigns, regions and body, one field a line.
    public var original: [Unicode.Scalar]
    /// The same length: Traditional folded to Simplified, ASCII letters lowercased.
    public var folded: [Unicode.Scalar]
    /// Where the title, campaign and region fields end (exclusive), for ranking.
    public var titleEnd: Int
    public var campaignsEnd: Int
    public var regionsEnd: Int

    public init(title: String, campaigns: [String], regions: [String], body: String) {
        var original: [Unicode.Scalar] = []
        // At most a scalar a byte: one pass over the body, not one to count it and one to copy.
        original.reserveCapacity(title.utf8.count + campaigns.reduce(0) { $0 + $1.utf8.count + 1 }
            + regions.reduce(0) { $0 + $1.utf8.count + 1 } + body.utf8.count + 3)
        // One field a line: a line break inside a title or a name would shift the fields.
        func append(_ text: String) {
            original.append(contentsOf: text.unicodeScalars.lazy.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
            original.append("\n")
        }
        append(title)
        titleEnd = original.count
        append(campaigns.joined(separator: " "))
        campaignsEnd = original.count
        append(regions.joined(separator: " "))
        regionsEnd = original.count
        for scalar in body.unicodeScalars { original.append(scalar) }
        self.original = original
        folded = original.map(SearchText.fold)
    }

    /// One character to one character: the CJK table of `HanFolding`, and A–Z to a–z.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value >= 0x41 && value <= 0x5A { return Unicode.Scalar(value + 32)! }
        // By array lookup: a dictionary lookup for every character was a tenth of the search stage.
        return HanFolding.simplified(scalar)
    }

    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value)
    }
}

/// Splits folded text into index terms: each pair of adjacent Han characters (a bigram,
/// at the position of its first character), and each run of ASCII letters and digits (a
/// word, at its first position). Chinese has no spaces to split on; bigrams find any
/// phrase of two or more characters, and positions make a longer phrase match exactly.
public enum SearchTokenizer {
    /// The number a term is indexed under: a bigram's two scalars side by side; a word's
    /// FNV-1a hash with the top bit set (bigram keys never have it).
    public static func key(_ term: String) -> UInt64 {
        let scalars = Array(term.unicodeScalars)
        if scalars.count == 2, SearchText.isHan(scalars[0]), SearchText.isHan(scalars[1]) {
            return UInt64(scalars[0].value) << 32 | UInt64(scalars[1].value)
        }
        return wordKey(Array(term.utf8))
    }

    static func wordKey(_ utf8: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h | (1 << 63)
    }

    /// The terms of folded text by key, with a word's text (nil for bigrams) and position.
    public static func keys(_ folded: [Unicode.Scalar], _ body: (UInt64, String?, Int) -> Void) {
        var i = 0
        while i < folded.count {
            let scalar = folded[i]
            if SearchText.isHan(scalar) {
                if i + 1 < folded.count, SearchText.isHan(folded[i + 1]) {
                    body(UInt64(scalar.value) << 32 | UInt64(folded[i + 1].value), nil, i)
                }
                i += 1
            } else if SearchText.isWordCharacter(scalar) {
                var end = i
                while end < folded.count, SearchText.isWordCharacter(folded[end]) { end += 1 }
                let word = String(String.UnicodeScalarView(folded[i..<end]))
                body(wordKey(Array(word.utf8)), word, i)
                i = end
            } else {
                i += 1
            }
        }
    }

    public static func terms(_ folded: [Unicode.Scalar], _ body: (String, Int) -> Void) {
        var i = 0
        while i < folded.count {
            let scalar = folded[i]
            if SearchText.isHan(scalar) {
                if i + 1 < folded.count, SearchText.isHan(folded[i + 1]) {
                    var term = String.UnicodeScalarView()
                    term.append(scalar)
                    term.append(folded[i + 1])
                    body(String(term), i)
                }
                i += 1
            } else if SearchText.isWordCharacter(scalar) {
                var end = i
                while end < folded.count, SearchText.isWordCharacter(folded[end]) { end += 1 }
                body(String(String.UnicodeScalarView(folded[i..<end])), i)
                i = end
            } else {
                i += 1
            }
        }
    }

    /// A query as the parts that must all match: Han phrases of two or more characters
    /// and words. One Han character alone finds nothing (it is in almost every article).
    public static func query(_ text: String) -> [QueryPart] {
        let folded = text.unicodeScalars.map(SearchText.fold)
        var parts: [QueryPart] = []
        var i = 0
        while i < folded.count {
            if SearchText.isHan(folded[i]) {
                var end = i
                while end < folded.count, SearchText.isHan(folded[end]) { end += 1 }
                if end - i >= 2 { parts.append(.phrase(Array(folded[i..<end]))) }
                i = end
            } else if SearchText.isWordCharacter(folded[i]) {
                var end = i
                while end < folded.count, SearchText.isWordCharacter(folded[end]) { end += 1 }
                parts.append(.word(String(String.UnicodeScalarView(folded[i..<end]))))
                i = end
            } else {
                i += 1
            }
        }
        return parts
    }

    public enum QueryPart: Sendable, Equatable {
        case phrase([Unicode.Scalar])
        case word(String)

        /// The index terms the part needs, each with its offset in the phrase: for a phrase,
        /// every other pair and the last (百场 and 万人 for 百场万人), which cover each of its
        /// characters. Where they stand in a row the phrase is there whole, so the pairs in
        /// between (场万) need not be fetched.
        public var terms: [(term: String, offset: Int)] {
            switch self {
            case let .word(word): return [(word, 0)]
            case let .phrase(scalars):
                let offsets = Array(stride(from: 0, to: scalars.count - 2, by: 2)) + [scalars.count - 2]
                return offsets.map { (String(String.UnicodeScalarView(scalars[$0...($0 + 1)])), $0) }
            }
        }

        public var length: Int {
            switch self {
            case let .word(word): return word.unicodeScalars.count
            case let .phrase(scalars): return scalars.count
            }
        }
    }
}

extension SearchText {
    /// What a search reads of an article.
    public init(article: Article) {
        self.init(title: article.title, campaigns: article.campaigns, regions: article.regions,
                  body: CmarkDocument(body: article.body).plainText())
    }
}

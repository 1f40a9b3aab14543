extension StringProtocol {
    /// Every non-overlapping occurrence of `needle`, found on the UTF-8 bytes. A match of
    /// valid UTF-8 in valid UTF-8 always starts and ends on a character's scalars, so the
    /// ranges index the string itself. Foundation's `range(of:)` and the standard library's
    /// `ranges(of:)` compare character by character and were most of an import's time.
    func byteRanges(of needle: String) -> [Range<Index>] {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return [] }
        var ranges: [Range<Index>] = []
        var i = utf8.startIndex
        let end = utf8.endIndex
        while i != end {
            guard utf8[i] == first else {
                i = utf8.index(after: i)
                continue
            }
            var j = i
            var k = 0
            while k < pattern.count, j != end, utf8[j] == pattern[k] {
                j = utf8.index(after: j)
                k += 1
            }
            if k == pattern.count {
                ranges.append(i..<j)
                i = j
            } else {
                i = utf8.index(after: i)
            }
        }
        return ranges
    }
}

extension StringProtocol {
    /// The first occurrence of `needle`, found on the UTF-8 bytes (see `byteRanges(of:)`).
    func firstByteRange(of needle: String) -> Range<Index>? {
        var needle = needle
        return needle.withUTF8 { pattern -> Range<Index>? in
            guard let first = pattern.first else { return nil }
            var i = utf8.startIndex
            let end = utf8.endIndex
            while i != end {
                if utf8[i] == first {
                    var j = utf8.index(after: i)
                    var k = 1
                    while k < pattern.count, j != end, utf8[j] == pattern[k] {
                        j = utf8.index(after: j)
                        k += 1
                    }
                    if k == pattern.count { return i..<j }
                }
                i = utf8.index(after: i)
            }
            return nil
        }
    }

    /// Whether `needle` occurs, on the UTF-8 bytes: Foundation's `contains` folds each
    /// character cluster first and took a fifth of the time of importing a page.
    func containsBytes(_ needle: String) -> Bool {
        firstByteRange(of: needle) != nil
    }

    /// `count <= n`, without counting past `n` characters: a line's length is checked
    /// against a small limit for every line of every page, most of them paragraphs.
    func hasAtMost(_ n: Int) -> Bool {
        index(startIndex, offsetBy: n, limitedBy: endIndex).map { $0 == endIndex } ?? true
    }
}

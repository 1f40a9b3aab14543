import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// Where `needle` first occurs at or after `start`: `memchr` finds each place its last
    /// byte is, `memcmp` compares the rest. The one search every byte-level find and
    /// replace of the build goes through. By the last byte rather than the first: in
    /// Chinese text a character's first byte is one of a handful (0xE4–0xE9 for nearly
    /// every ideograph), so a needle's first byte turned up every few bytes, each a
    /// comparison; its last byte is one of 64.
    func firstIndex(of needle: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = baseAddress, let last = needle.last, start >= 0 else { return nil }
        let before = needle.count - 1
        // Where the needle's last byte would be.
        var end = start + before
        while end < count {
            guard let hit = memchr(base + end, Int32(last), count - end) else { return nil }
            end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + end - before, needle.baseAddress!, before) == 0 { return end - before }
            end += 1
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Appends these bytes to `out` with every non-overlapping `needle` in them replaced by
    /// `replacement`.
    func append(replacing needle: UnsafeBufferPointer<UInt8>, with replacement: some Collection<UInt8>, to out: inout [UInt8]) {
        var i = 0
        while let at = firstIndex(of: needle, from: i) {
            out += self[i..<at]
            out += replacement
            i = at + needle.count
        }
        out += self[i...]
    }
}

extension StringProtocol {
    /// The text's UTF-8 bytes, in place when the string stores them contiguously (as
    /// native strings do), else copied.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Every non-overlapping occurrence of `needle`, found on the UTF-8 bytes. A match of
    /// valid UTF-8 in valid UTF-8 always starts and ends on a character's scalars, so the
    /// ranges index the string itself. Foundation's `range(of:)` and the standard library's
    /// `ranges(of:)` compare character by character and were most of an import's time.
    func byteRanges(of needle: String) -> [Range<Index>] {
        let offsets = withUTF8Bytes { text in
            needle.withUTF8Bytes { pattern -> [Int] in
                var offsets: [Int] = []
                var i = 0
                while let at = text.firstIndex(of: pattern, from: i) {
                    offsets.append(at)
                    i = at + pattern.count
                }
                return offsets
            }
        }
        return offsets.map { utf8Range($0, count: needle.utf8.count) }
    }

    /// The first occurrence of `needle`, found on the UTF-8 bytes (see `byteRanges(of:)`).
    func firstByteRange(of needle: String) -> Range<Index>? {
        withUTF8Bytes { text in needle.withUTF8Bytes { text.firstIndex(of: $0) } }
            .map { utf8Range($0, count: needle.utf8.count) }
    }

    /// The range of `count` UTF-8 bytes from `offset`, as the string's indices (at no cost
    /// in a native string). Byte offsets found on the bytes must fall between scalars.
    func utf8Range(_ offset: Int, count: Int) -> Range<Index> {
        let start = utf8.index(utf8.startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: count)
    }

    /// Whether the text starts with `prefix`, on the UTF-8 bytes: the standard library's
    /// `hasPrefix` compares character by character unless both strings are ASCII, and
    /// classifying each line of a page against the lists of chrome prefixes took a
    /// twentieth of importing it.
    func hasBytePrefix(_ prefix: String) -> Bool {
        withUTF8Bytes { text in
            prefix.withUTF8Bytes { prefix in
                prefix.isEmpty || (prefix.count <= text.count && memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0)
            }
        }
    }

    /// Whether `needle` occurs, on the UTF-8 bytes: Foundation's `contains` folds each
    /// character cluster first and took a fifth of the time of importing a page.
    func containsBytes(_ needle: String) -> Bool {
        firstByteRange(of: needle) != nil
    }

    /// `count`, by scalar when every scalar is a character of its own (`standsAlone`, as
    /// in `hasAtMost`): the length of every quoted term of every page is checked.
    var characterCount: Int {
        var scalars = 0
        for scalar in unicodeScalars {
            guard standsAlone(scalar) else { return count }
            scalars += 1
        }
        return scalars
    }

    /// `count <= n`, without counting past `n` characters: a line's length is checked
    /// against a small limit for every line of every page, most of them paragraphs.
    ///
    /// Counted by scalar while the scalars are ones that are each a character of their
    /// own (`standsAlone`), as Chinese text's are: stepping character by character runs
    /// Unicode's grapheme rules on every Han character, and took a twentieth of importing
    /// a page. A character is one byte at least, so a text of `n` bytes or fewer passes
    /// at once.
    func hasAtMost(_ n: Int) -> Bool {
        if utf8.count <= n { return true }
        var scalars = 0
        for scalar in unicodeScalars {
            guard standsAlone(scalar) else {
                return index(startIndex, offsetBy: n, limitedBy: endIndex).map { $0 == endIndex } ?? true
            }
            scalars += 1
            // Between two such scalars there is always a character break.
            if scalars > n { return false }
        }
        return true
    }
}

/// Scalars that are a character of their own and never join the next: printable ASCII,
/// CJK ideographs, CJK punctuation (not the tone marks U+302A–302F), fullwidth ASCII and
/// the general punctuation of Chinese text (dashes, quotation marks, the ellipsis). None
/// of them is a combining mark, a joiner, a control or a prepended concatenation mark
/// (Unicode's grapheme cluster rules, UAX #29).
@inline(__always)
private func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x3030...0x303F,
         0xFF01...0xFF5E, 0x2010...0x2027, 0x2030...0x205E: true
    default: false
    }
}

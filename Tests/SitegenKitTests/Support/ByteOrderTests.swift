import Testing
@testable import SitegenKit

@Suite("Byte order")
struct ByteOrderTests {
    @Test("positions sorted by bytes: as comparing the strings gives, with long shared beginnings, non-ASCII and equal strings")
    func positionsSorted() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["articles/", "a-ba-cang-zu-qiang", "0", "00", "b", "b.md", ".", "-", "乌兰牧骑", "é", "z"]
        var strings = (0..<1_000).map { _ in
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        strings += ["", "", "articles/a-ba-cang-zu-qiang", "articles/a-ba-cang-zu-qiang"]
        let positions = String.positionsSortedByBytes(strings)
        #expect(positions.map { strings[$0] } == strings.sorted(by: String.precedesByBytes))
        // Equal strings keep their given order.
        for (a, b) in zip(positions, positions.dropFirst()) where strings[a] == strings[b] {
            #expect(a < b)
        }
        #expect(String.positionsSortedByBytes([]) == [])
    }

    @Test("same bytes and byte prefixes: as the UTF-8 views compared byte by byte give, é composed and decomposed told apart")
    func sameBytesAndPrefixes() {
        var generator = SystemRandomNumberGenerator()
        // Short strings are stored inline, long ones on the heap: both kinds are compared.
        let pieces = ["seeds/", "000123_dc122f0f93a44de4", ".md", "a", "", "乌兰牧骑", "\u{E9}", "e\u{301}", "/", "z"]
        var strings = (0..<600).map { _ in
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        strings += ["", "\u{E9}", "e\u{301}", "seeds/000123_dc122f0f93a44de4.md", "seeds/000123_dc122f0f93a44de4.mb"]
        for _ in 0..<20_000 {
            let a = strings.randomElement(using: &generator)!, b = strings.randomElement(using: &generator)!
            #expect(String.sameBytes(a, b) == a.utf8.elementsEqual(b.utf8))
            #expect(a.hasBytePrefix(b) == a.utf8.starts(with: b.utf8))
        }
        // Equal as Swift compares them, not the same bytes.
        #expect("\u{E9}" == "e\u{301}")
        #expect(!String.sameBytes("\u{E9}", "e\u{301}"))
        #expect(!"e\u{301}x".hasBytePrefix("\u{E9}"))
        #expect(String.sameBytes("", "") && "seeds/a.md".hasBytePrefix("") && "seeds/a.md".hasBytePrefix("seeds/"))
        #expect(!"seeds".hasBytePrefix("seeds/"))
    }
}

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
}

import Testing
@testable import SitegenKit

@Suite("Raw DEFLATE of the search files")
struct DeflateTests {
    @Test("compresses and inflates back byte for byte, large outputs included", arguments: [0, 1, 100, 70_000, 1_500_000])
    func roundTrip(size: Int) throws {
        // Text that compresses well (Han phrases) with a varying part, so the output size
        // cannot be guessed from the input's: the inflater must grow its buffer.
        let phrase = Array("铸牢中华民族共同体意识，民族团结进步示范创建。".utf8)
        let bytes = (0..<size).map { i in i % 97 == 0 ? UInt8(truncatingIfNeeded: i / 97) : phrase[i % phrase.count] }
        let compressed = Deflate.compress(bytes)
        #expect(size < 70_000 || compressed.count < bytes.count / 4)
        #expect(try #require(Deflate.decompress(compressed)) == bytes)
        #expect(Deflate.compress(bytes) == compressed)
    }

    @Test("bytes that are not a DEFLATE stream, or are cut short, give nil")
    func damaged() {
        let compressed = Deflate.compress(Array(repeating: 7, count: 10_000))
        #expect(Deflate.decompress(Array(compressed.dropLast(compressed.count / 2))) == nil)
        #expect(Deflate.decompress([0xFF, 0xFF, 0xFF, 0xFF]) == nil)
    }
}

import Foundation
import Testing
@testable import SitegenKit

@Suite("Decoding seed files")
struct SourceDecoderTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    @Test("a GB18030 copy of a seed decodes to the same lines as the UTF-8 original")
    func gb18030Copy() throws {
        let original = try Fixtures.seed("004")
        let text = try #require(String(bytes: original.bytes, encoding: .utf8))
        let gbBytes = try #require(text.data(using: Self.gb18030))
        let decoded = try #require(SourceDecoder.decode(SourceFile(path: "seeds/gbk.txt", bytes: [UInt8](gbBytes))).value)
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.lines == SourceDecoder.decode(original).value?.lines)
    }

    @Test("lines split on LF, CRLF and lone CR, as editors count them", arguments: [
        ("a\r\nb\rc\n\nd", ["a", "b", "c", "", "d"]), ("x\r\r", ["x", ""]), ("", []), ("\n", [""]),
        ("héllo\n世界\r\n", ["héllo", "世界"]), ("一\r\n\r\n二", ["一", "", "二"]),
    ])
    func lines(text: String, expected: [String]) {
        #expect(SourceDecoder.splitLines(text).map(String.init) == expected)
    }

    @Test("a CRLF copy keeps its line numbers and extracts the same article")
    func crlfCopy() throws {
        let original = try Fixtures.seed("003")
        let text = try #require(String(bytes: original.bytes, encoding: .utf8))
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let decoded = try #require(SourceDecoder.decode(SourceFile(path: "seeds/crlf.txt", bytes: Array(crlf.utf8))).value)
        let originalDecoded = try #require(SourceDecoder.decode(original).value)
        #expect(decoded.lines == originalDecoded.lines)
        #expect(ArticleExtractor.extract(decoded).blocks == ArticleExtractor.extract(originalDecoded).blocks)
    }

    @Test("UTF-8 with a BOM and UTF-16 with and without a BOM decode", arguments: [
        ([0xEF, 0xBB, 0xBF] + Array("甘肃\n酒泉".utf8), SourceEncoding.utf8BOM),
        ([0xFF, 0xFE] + utf16LE("甘肃\n酒泉"), .utf16LE),
        ([0xFE, 0xFF] + utf16BE("甘肃\n酒泉"), .utf16BE),
        (utf16LE("Gansu\nJiuquan 2023"), .utf16LE),
    ] as [([UInt8], SourceEncoding)])
    func encodings(bytes: [UInt8], encoding: SourceEncoding) throws {
        let decoded = try #require(SourceDecoder.decode(SourceFile(path: "x.txt", bytes: bytes)).value)
        #expect(decoded.encoding == encoding)
        #expect(decoded.lines.count == 2)
    }

    @Test("an empty file gets one clear line")
    func empty() {
        let result = SourceDecoder.decode(SourceFile(path: "seeds/empty.txt", bytes: Array(" \n\n".utf8)))
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.description)
            == ["seeds/empty.txt: error: the file is empty; paste the article's page text into it, or delete it"])
    }

    @Test("a binary file gets one clear line")
    func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]
        let result = SourceDecoder.decode(SourceFile(path: "seeds/photo.txt", bytes: png))
        #expect(result.value == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.description.hasPrefix("seeds/photo.txt: error: the file is not text") == true)
    }

    static func utf16LE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    static func utf16BE(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
}

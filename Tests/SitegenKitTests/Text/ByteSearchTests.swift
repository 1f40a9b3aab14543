import Testing
@testable import SitegenKit

@Suite("Searching text by bytes")
struct ByteSearchTests {
    @Test("finds every non-overlapping occurrence, as ranges of the string", arguments: [
        ("民族团结进步宣传月和宣传月", "宣传月", ["宣传月", "宣传月"]),
        ("aaaa", "aa", ["aa", "aa"]), ("aaa", "aa", ["aa"]),
        ("「宣传周」", "宣传周", ["宣传周"]), ("宣传", "宣传月", []), ("x", "", []), ("", "x", []),
        ("活动月活动周", "活动周", ["活动周"]),
    ])
    func ranges(text: String, needle: String, expected: [String]) {
        let found = text.byteRanges(of: needle)
        #expect(found.map { String(text[$0]) } == expected)
        #expect(found.count == (needle.isEmpty ? 0 : text.ranges(of: needle).count))
    }

    @Test("every non-overlapping occurrence replaced, as the standard library replaces them", arguments: [
        ("民族团结进步宣传月和宣传月", "宣传月", "活动"), ("aaaa", "aa", "b"), ("aaa", "aa", ""), ("宣传", "宣传月", "x"),
        ("", "x", "y"), ("\u{1}m\u{1}正文\u{1}m\u{1}", "\u{1}m\u{1}", "<p>正文</p>"),
    ])
    func replacing(text: String, needle: String, replacement: String) {
        var out: [UInt8] = []
        text.withUTF8Bytes { text in needle.withUTF8Bytes { text.append(replacing: $0, with: replacement.utf8, to: &out) } }
        #expect(String(decoding: out, as: UTF8.self) == text.replacing(needle, with: replacement))
    }

    @Test("the first occurrence and whether there is one, as the standard library finds them", arguments: [
        ("责任编辑：张三", "编辑"), ("（天水在线编辑:李俊锋）", "编辑:"), ("来源/永登县委统战部", "来源"),
        ("首页 > 新闻中心", ">"), ("首页＞新闻", "＞"), ("aab", "ab"), ("没有", "有无"), ("", "x"), ("x", ""),
        ("🇨🇳中国", "中国"), ("版权所有©2024", "版权所有"),
    ])
    func first(text: String, needle: String) {
        let expected = needle.isEmpty ? nil : text.firstRange(of: needle)
        #expect(text.firstByteRange(of: needle) == expected)
        #expect(text.containsBytes(needle) == (expected != nil))
    }

    @Test("a byte prefix is what hasPrefix finds, but for a combining mark after it", arguments: [
        ("上一篇：民族团结", "上一篇"), ("首页 > 新闻中心", "首页"), ("首", "首页"), ("", ""), ("a", ""), ("", "a"),
        ("![图](x.jpg)", "!["), ("🇨🇳中国", "🇨🇳"), ("相关新闻", "相关文章"), ("abc", "abc"), ("ab", "abc"),
    ])
    func bytePrefix(text: String, prefix: String) {
        #expect(text.hasBytePrefix(prefix) == text.hasPrefix(prefix))
        #expect(Substring(text).hasBytePrefix(prefix) == text.hasPrefix(prefix))
    }

    @Test("a byte prefix may end before a combining mark, which a character prefix may not")
    func bytePrefixBeforeMark() {
        #expect("e\u{301}x".hasBytePrefix("e") && !"e\u{301}x".hasPrefix("e"))
    }

    @Test("the byte search finds what a plain scan finds, from every start", arguments: [
        ("aab", "ab"), ("ab", "ab"), ("a", "ab"), ("", "a"), ("abcabc", "c"), ("xxxx", "xx"), ("<h2>a</h2><h2>", "<h2>"),
        ("民族团结\u{E000}articles/", "\u{E000}"), ("ab", ""), ("宣传宣传周宣传月活动月宣传月", "宣传月"), ("ababab", "bab"),
        ("cccab", "cab"), ("bbbb", "abbb"), ("月月月", "宣传月"), ("a\u{E000}b民族a\u{E000}c", "\u{E000}c"),
        ("café café!", "é!"), ("民\u{E000}\u{E000}族", "\u{E000}族"),
    ])
    func bufferSearch(text: String, needle: String) {
        let (bytes, pattern) = (Array(text.utf8), Array(needle.utf8))
        for start in 0...bytes.count + 1 {
            var expected: Int?
            if !pattern.isEmpty, start <= bytes.count {
                expected = (start..<max(start, bytes.count - pattern.count + 1)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
            }
            let found = bytes.withUnsafeBufferPointer { b in pattern.withUnsafeBufferPointer { b.firstIndex(of: $0, from: start) } }
            #expect(found == expected, "\(text) \(needle) from \(start)")
        }
    }

    @Test("a card's marker is replaced wherever it is, and nothing else changes", arguments: [
        ("", ""), ("\u{E000}", "../"), ("\u{E000}\u{E000}", "../../"), ("a\u{E000}b\u{E000}", "a../b../"),
        ("<a href=\"\u{E000}articles/民族/\">民族团结</a>", "<a href=\"../articles/民族/\">民族团结</a>"), ("\u{E001}x", "\u{E001}x"),
    ])
    func markerReplaced(text: String, expected: String) {
        #expect(SiteRenderer.replacing("\u{E000}", with: "../", in: text) == expected)
    }

    @Test("a length and a length bound are counted in characters, by scalar where each is one", arguments: [
        "", "一", "民族团结进步", "🇨🇳🇨🇳🇨🇳", "e\u{301}e\u{301}e\u{301}", "👨‍👩‍👧‍👦ab", String(repeating: "团", count: 200),
        // Chinese text with a scalar that joins its neighbour, early or late: a combining
        // mark, an ideographic tone mark, a variation selector, a joiner, CR LF, a prepended
        // mark, Hangul jamo, a halfwidth voiced mark.
        "民族e\u{301}团结", "团\u{302A}结进步", "团\u{FE00}结", "团\u{200D}结", "民族\r\n团结", "\u{0600}1团结",
        "\u{1100}\u{1161}\u{11A8}团", "ｶ\u{FF9E}团结", "民族团结进步示范e\u{301}", "“民族团结”，……——（一）ＡＢ１２　。",
    ])
    func bound(text: String) {
        #expect(text.characterCount == text.count)
        for n in 0...12 { #expect(text.hasAtMost(n) == (text.count <= n), "\(text) \(n)") }
        #expect(text.hasAtMost(200) == (text.count <= 200))
        #expect(text.hasAtMost(199) == (text.count <= 199))
    }
}

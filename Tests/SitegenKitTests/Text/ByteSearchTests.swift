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
}

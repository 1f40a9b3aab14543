import Testing
@testable import SitegenKit

@Suite("Finding dates in bylines")
struct DateScannerTests {
    @Test("a date in each way pages write one, with its time when one follows", arguments: [
        ("发布时间：2023-07-04", "2023-07-04", nil as Int?), ("2025-04-09 11:27:00 来源：永登县", "2025-04-09", 11),
        ("2019/5/26 11:08:34", "2019-05-26", 11), ("2022年9月13日 10时40分", "2022-09-13", 10), ("日期:2023.07.04", "2023-07-04", nil),
        ("浏览次数 12345 2021-01-02", "2021-01-02", nil),
    ])
    func found(line: String, iso: String, hour: Int?) throws {
        let found = try #require(DateScanner.firstDate(in: line))
        #expect(found.date.isoDate.hasPrefix(iso) && found.date.hour == hour)
        #expect(DateScanner.hasYearDigits(line))
    }

    @Test("no date without a year of four ASCII digits in a row", arguments: [
        "", "民族团结进步创建工作", "12年3月4日", "２０２３年７月４日", "202-07-04", "2\u{301}023-07-04", "第20个宣传月", "电话：0931-123",
    ])
    func none(line: String) {
        #expect(DateScanner.firstDate(in: line) == nil)
        #expect(DateScanner.ambiguousDate(in: line) == nil)
    }

    @Test("four digits in a row that are no date are looked at, and found not to be one")
    func digitsNoDate() {
        #expect(DateScanner.hasYearDigits("电话：0931-8888888"))
        #expect(DateScanner.firstDate(in: "电话：0931-8888888") == nil)
        #expect(DateScanner.ambiguousDate(in: "07/04/2023") == "07/04/2023")
    }
}

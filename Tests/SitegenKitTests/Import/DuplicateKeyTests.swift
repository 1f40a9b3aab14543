import Testing
@testable import SitegenKit

@Suite("Duplicate texts")
struct DuplicateKeyTests {
    @Test("the fast letter-or-digit test agrees with Unicode's properties on every BMP character")
    func lettersAndDigits() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(DuplicateFinder.isLetterOrDigit(scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test("the same text with other punctuation, spacing, markup or Traditional characters has the same key")
    func sameText() {
        let text = String(repeating: "民族团结进步示范创建工作取得新成效，各族群众交往交流交融。", count: 3)
        let key = DuplicateFinder.key(of: text)
        #expect(key != 0)
        #expect(DuplicateFinder.key(of: "**" + text.replacingOccurrences(of: "，", with: ", ") + "**\n") == key)
        #expect(DuplicateFinder.key(of: text.replacingOccurrences(of: "团结", with: "團結")) == key)
        #expect(DuplicateFinder.key(of: text.replacingOccurrences(of: "成效", with: "成果")) != key)
        #expect(DuplicateFinder.key(of: "民族团结") == 0, "too short to compare")
    }

    /// Three texts: one published three times (twice on its earliest date), one twice, and
    /// one too short to compare. Each text keeps the page of its earliest publication (of
    /// two on one date, the seed that sorts first), which lists the others, earliest first.
    @Test("copies fold into the earliest publication of their text, with a warning each, in date order")
    func folding() throws {
        func article(_ origin: String, _ day: Int) throws -> Article {
            Article(title: origin, date: try #require(ArticleDate(year: 2022, month: 9, day: day, hour: nil, minute: nil)),
                    source: "来源\(origin)", region: nil, regions: [], campaigns: [], mentions: [], origin: "seeds/\(origin).md",
                    slug: Slug(origin)!, summary: "", body: "")
        }
        let articles = [try article("a", 15), try article("b", 10), try article("c", 1), try article("d", 1),
                        try article("e", 1), try article("f", 12)]
        let keys: [UInt64] = [1, 2, 1, 0, 1, 2]
        let (kept, diagnostics) = DuplicateFinder.fold(articles, keys: keys)
        #expect(kept.map(\.origin) == ["seeds/b.md", "seeds/c.md", "seeds/d.md"], "in the order given")
        let byOrigin = Dictionary(uniqueKeysWithValues: kept.map { ($0.origin, $0) })
        #expect(byOrigin.keys.sorted() == ["seeds/b.md", "seeds/c.md", "seeds/d.md"])
        #expect(byOrigin["seeds/c.md"]?.republished.map(\.origin) == ["seeds/e.md", "seeds/a.md"])
        #expect(byOrigin["seeds/c.md"]?.republished.map(\.source) == ["来源e", "来源a"])
        #expect(byOrigin["seeds/b.md"]?.republished.map(\.origin) == ["seeds/f.md"])
        #expect(byOrigin["seeds/d.md"]?.republished.isEmpty == true)
        #expect(diagnostics.map(\.file) == ["seeds/e.md", "seeds/f.md", "seeds/a.md"])
        #expect(diagnostics.map(\.message) == ["the same text as seeds/c.md (published twice)", "the same text as seeds/b.md (published twice)",
                                              "the same text as seeds/c.md (published twice)"])
    }
}

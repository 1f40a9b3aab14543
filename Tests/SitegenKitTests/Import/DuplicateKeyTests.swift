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
}

import Testing
@testable import SitegenKit

@Suite("Summaries for lists and feeds")
struct SummaryMakerTests {
    @Test("the first paragraph of at least 10 characters is summarised; with none, the first")
    func firstLongParagraph() {
        #expect(SummaryMaker.summary(of: ["九个字的一段话而已", "一二三四五六七八九。", "后面一段不会用到的话。"]) == "一二三四五六七八九。")
        #expect(SummaryMaker.summary(of: ["短。", "也短。"]) == "短。")
        #expect(SummaryMaker.summary(of: []) == "")
    }

    @Test("whole sentences until 60 characters, never past 120")
    func wholeSentences() {
        let sentence = String(repeating: "团", count: 24) + "。"  // 25 characters
        #expect(SummaryMaker.summary(of: [String(repeating: sentence, count: 4)]) == String(repeating: sentence, count: 3))
        let long = String(repeating: "结", count: 99) + "！"
        #expect(SummaryMaker.summary(of: [sentence + long + sentence]) == sentence)
    }

    @Test("one long sentence is cut at a comma near the limit")
    func longSentence() {
        let text = String(repeating: "民", count: 70) + "，" + String(repeating: "族", count: 80) + "。"
        #expect(SummaryMaker.summary(of: [text]) == String(repeating: "民", count: 70) + "……")
    }

    @Test("a character ends a sentence exactly when the set of sentence ends has it")
    func sentenceEnds() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = Character(scalar)
            #expect(ChromePatterns.endsSentence(character) == ChromePatterns.sentenceEnds.contains(character), "U+\(String(value, radix: 16))")
        }
        #expect(!ChromePatterns.endsSentence("。\u{301}"))
    }
}

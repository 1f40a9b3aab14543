import Foundation
import Synchronization
import Testing
@testable import SitegenKit

@Suite("Pinyin readings kept between builds")
struct PinyinTests {
    /// A Pinyin that asks ICU through a counter.
    static func counted() -> (pinyin: Pinyin, calls: @Sendable () -> Int) {
        let calls = Mutex(0)
        let pinyin = Pinyin { lines in
            calls.withLock { $0 += 1 }
            return Pinyin.icuReadings(lines)
        }
        return (pinyin, { calls.withLock { $0 } })
    }

    @Test("answers kept in a folder are read by the next run, which then asks ICU only for pairs and characters they lack, and romanizes the same")
    func kept() throws {
        let dir = try TemporaryDirectory("pinyin-kept")
        let first = Self.counted()
        first.pinyin.keep(in: dir.url)
        let chongqing = first.pinyin.romanize("重庆市民族团结进步")
        #expect(first.calls() == 1)
        first.pinyin.saveKept()
        #expect(FileManager.default.fileExists(atPath: dir.file(Pinyin.keptFileName).path))

        // The next run: nothing asked of ICU for the same text, and the same readings
        // (重 read as chong beside 庆, not as zhong alone).
        let second = Self.counted()
        second.pinyin.keep(in: dir.url)
        #expect(second.pinyin.romanize("重庆市民族团结进步") == chongqing)
        #expect(chongqing.contains("chong") && !chongqing.contains("zhong"), "\(chongqing)")
        #expect(second.calls() == 0)
        // A title with a pair the file lacks: ICU once, and the answer kept too.
        let more = second.pinyin.romanize("永登县召开推进会")
        #expect(second.calls() == 1)
        #expect(more == Pinyin(askICU: Pinyin.icuReadings).romanize("永登县召开推进会"))
        second.pinyin.saveKept()
        let third = Self.counted()
        third.pinyin.keep(in: dir.url)
        #expect(third.pinyin.romanize("永登县召开推进会") == more && third.pinyin.romanize("重庆市") == Pinyin(askICU: Pinyin.icuReadings).romanize("重庆市"))
        #expect(third.calls() == 0)
    }

    @Test("a kept file that is damaged or from another sitegen is not read, and is written again")
    func damaged() throws {
        let dir = try TemporaryDirectory("pinyin-damaged")
        let file = dir.file(Pinyin.keptFileName)
        let first = Self.counted()
        first.pinyin.keep(in: dir.url)
        _ = first.pinyin.romanize("民族团结")
        first.pinyin.saveKept()
        #expect(Pinyin.readKept(file) != nil)
        try expectRefusesDamagedCopies(of: file) { Pinyin.readKept($0) != nil }

        // A folder without the file gets it from a run that had the answers already (as
        // `sitegen serve` has, building into its preview folder after public/).
        let elsewhere = try TemporaryDirectory("pinyin-elsewhere")
        first.pinyin.keep(in: elsewhere.url)
        _ = first.pinyin.romanize("民族团结")
        #expect(first.calls() == 1)
        first.pinyin.saveKept()
        #expect(Pinyin.readKept(elsewhere.file(Pinyin.keptFileName)) != nil)

        // Not read: ICU is asked, and the file written whole again.
        let next = Self.counted()
        next.pinyin.keep(in: dir.url)
        _ = next.pinyin.romanize("民族团结")
        #expect(next.calls() == 1)
        next.pinyin.saveKept()
        #expect(Pinyin.readKept(file) != nil)
    }
}

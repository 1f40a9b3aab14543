import Foundation
import Testing
@testable import SitegenKit

/// Random and mutated seed pages: the importer never crashes, never hangs, and never
/// publishes an article made of site chrome. Bounded in time; the seed of each run is
/// fixed, so a failure can be replayed.
@Suite("Importer under mutation")
struct ImporterFuzzTests {
    static let importer = ArticleImporter(resolver: RegionResolver(gazetteer: .shared))
    static let chromeLines = ["版权所有：中华人民共和国国家民族事务委员会 京ICP备05048973号", "上一篇: 【民族团结进步活动月】杭锦旗民族事务委员会开展...",
                              "编辑/王珺茹", "[中央统战部](#)[中国政府网](#)[国务院部门](#)", "当前位置：首页 > 新闻中心 > 地方动态", "请输入关键字",
                              "(天水在线编辑:李俊锋)", "日期：2023-07-04 来源：甘肃省酒泉市民宗委 字号：[[大](#) [中](#) [小](#)]", "-", "官方微信"]
    static let chromeMarkers = ["版权所有", "ICP备", "上一篇", "编辑/", "](#)", "当前位置", "请输入关键字", "天水在线编辑", "字号：", "官方微信"]

    typealias Generator = SplitMix64

    static func mutate(_ bytes: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !lines.isEmpty else { break }
            let i = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<9, using: &rng) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
            case 3: lines.insert(chromeLines.randomElement(using: &rng)!, at: i)
            case 4: lines = lines.filter { !$0.isEmpty }
            case 5: lines = [lines.joined(separator: " ")]
            case 6: lines[i] = String(lines[i].shuffled(using: &rng))
            case 7: lines.shuffle(using: &rng)
            default: lines[i] = String(lines[i].prefix(Int.random(in: 0...max(0, lines[i].count), using: &rng)))
            }
        }
        var result = Array(lines.joined(separator: "\n").utf8)
        if Int.random(in: 0..<6, using: &rng) == 0, !result.isEmpty {
            // Cut anywhere, even inside a character, or splice in raw bytes.
            let at = Int.random(in: 0..<result.count, using: &rng)
            if Bool.random(using: &rng) { result = Array(result[..<at]) } else {
                result.insert(contentsOf: (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
            }
        }
        return result
    }

    @Test("mutated seeds never crash, hang or publish chrome", arguments: [0x5EED_0001, 0x5EED_0002] as [UInt64])
    func mutatedSeeds(seed: UInt64) throws {
        var rng = Generator(state: seed)
        let originals = try ["000", "001", "002", "003", "004"].map { try Fixtures.seed($0) }
        let budget = Date().addingTimeInterval(4)
        var runs = 0, published = 0
        while Date() < budget {
            let original = originals[runs % originals.count]
            let bytes = Self.mutate(original.bytes, &rng)
            let started = Date()
            let result = Self.importer.importPage(SourceFile(path: "fuzz.txt", bytes: bytes))
            #expect(Date().timeIntervalSince(started) < 1, "run \(runs) of seed \(seed) took too long")
            if let article = result.value {
                published += 1
                #expect(!article.title.isEmpty)
                #expect(!Self.chromeMarkers.contains { article.title.contains($0) }, "run \(runs): chrome title \(article.title)")
                let paragraphs = article.body.markdown.components(separatedBy: "\n\n")
                #expect(paragraphs.contains { $0.count >= 20 && !Self.chromeMarkers.contains(where: $0.contains) },
                        "run \(runs) of seed \(seed) published chrome only: \(article.body.markdown.prefix(200))")
            } else {
                #expect(result.diagnostics.count == 1, "run \(runs): \(result.diagnostics)")
            }
            runs += 1
        }
        #expect(runs > 100, "only \(runs) runs in the time budget")
        #expect(published > runs / 4, "too few mutations still publish: \(published) of \(runs)")
    }

    @Test("random bytes never crash the importer")
    func noise() {
        var rng = Generator(state: 0xB17E5)
        for length in [1, 2, 3, 7, 64, 1000, 50_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let result = Self.importer.importPage(SourceFile(path: "noise.txt", bytes: bytes))
            #expect(result.value == nil)
            #expect(result.diagnostics.count == 1)
        }
    }
}

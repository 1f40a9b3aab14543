import Foundation
import Testing
@testable import SitegenKit

/// The pages whose bytes are reviewed when templates change on purpose:
/// `SITEGEN_RECORD_GOLDEN=1 swift test --filter GoldenPageTests`, then read the diff.
@Suite("Golden pages")
struct GoldenPageTests {
    let site = SiteFixture.seeds

    @Test("the article page of 003 is as recorded")
    func article() throws {
        let path = try #require(site.articlePages["003"])
        try GoldenFile.check(try #require(site.page(path)), against: "site/article-003.html")
    }

    @Test("the region page of 永登县 is as recorded")
    func region() throws {
        try GoldenFile.check(try #require(site.page("regions/620121/index.html")), against: "site/region-620121.html")
    }

    @Test("the site feed is as recorded")
    func feed() throws {
        try GoldenFile.check(try #require(site.page("feed.xml")), against: "site/feed.xml")
    }

    @Test("two builds of the same seeds are byte-identical, and the second writes nothing")
    func deterministic() throws {
        let dir = try TemporaryDirectory("again")
        var options = BuildOptions.project(at: Fixtures.packageRoot)
        options.output = dir.file("public")
        options.markdown = dir.file("markdown")
        options.config = SiteConfig(baseURL: "https://example.gov.cn/mzgz/")
        let first = try Build.run(options, log: { _ in })
        let second = try Build.run(options, log: { _ in })
        #expect(second.output.written == 0)
        #expect(second.output.unchanged == first.output.written)
        for file in dir.files(under: "public") {
            let built = dir.read(file)
            #expect(built == site.directory.read(file), "\(file) differs between two builds")
        }
    }

    @Test("deleting a seed removes its page on the next build")
    func prune() throws {
        let dir = try TemporaryDirectory("prune")
        let seeds = dir.file("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        for seed in ["003", "004"] {
            let file = try Fixtures.seed(seed)
            try Data(file.bytes).write(to: seeds.appendingPathComponent(String(file.path.dropFirst("seeds/".count))))
        }
        let options = dir.buildOptions(seeds: seeds)
        _ = try Build.run(options, log: { _ in })
        #expect(dir.read("public/regions/620525/index.html") != nil)
        let removed = try #require(try FileManager.default.contentsOfDirectory(atPath: seeds.path).first { $0.hasPrefix("004") })
        try FileManager.default.removeItem(at: seeds.appendingPathComponent(removed))
        let report = try Build.run(options, log: { _ in })
        #expect(report.output.removed > 0)
        #expect(dir.read("public/regions/620525/index.html") == nil)
        #expect(dir.files().allSatisfy { !$0.contains(".staging-") })
    }
}

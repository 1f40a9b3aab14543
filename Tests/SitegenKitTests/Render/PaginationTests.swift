import Foundation
import Testing
@testable import SitegenKit

@Suite("Long lists paginate")
struct PaginationTests {
    @Test("45 articles in one county, campaign and year make three pages of 20, 20 and 5, linked both ways")
    func threePages() throws {
        let dir = try TemporaryDirectory("pages")
        let seeds = dir.file("seeds")
        try Fixtures.writeLongLists(to: seeds)
        let options = dir.buildOptions(seeds: seeds)
        let report = try Build.run(options, log: { _ in })
        #expect(report.articles == 45)
        for list in ["regions/620121", "campaigns/si-ju-jiao", "timeline/2024"] {
            let first = try #require(dir.read("public/\(list)/index.html"), "\(list)")
            let second = try #require(dir.read("public/\(list)/page/2/index.html"), "\(list) page 2")
            let third = try #require(dir.read("public/\(list)/page/3/index.html"), "\(list) page 3")
            #expect(dir.read("public/\(list)/page/4/index.html") == nil)
            let cards = [first, second, third].map { $0.components(separatedBy: "<li class=\"card\">").count - 1 }
            #expect(cards == [20, 20, 5], "\(list): \(cards)")
            // Every link climbs to the site root and back down, the same from every page.
            #expect(first.contains("rel=\"next\" href=\"../../\(list)/page/2/index.html\""))
            #expect(second.contains("rel=\"prev\" href=\"../../../../\(list)/index.html\""))
            #expect(second.contains("rel=\"next\" href=\"../../../../\(list)/page/3/index.html\""))
            #expect(third.contains("<span aria-current=\"page\">3</span>") && !third.contains("rel=\"next\""))
            #expect(!first.contains("class=\"gap\""), "\(list): three pages are all shown")
        }
    }

    @Test("a long list's pager shows the first page, the last and two either side of the current one, … where pages are left out")
    func pagerWindow() {
        func shown(_ current: Int, of total: Int) -> String {
            SiteRenderer.pagerNumbers(current: current, total: total)
                .map { ($0.gapBefore ? "… " : "") + ($0.number == current ? "[\($0.number)]" : "\($0.number)") }
                .joined(separator: " ")
        }
        #expect(shown(1, of: 128) == "[1] 2 3 … 128")
        #expect(shown(60, of: 128) == "1 … 58 59 [60] 61 62 … 128")
        // One page left out is shown instead of …
        #expect(shown(4, of: 128) == "1 2 3 [4] 5 6 … 128")
        #expect(shown(5, of: 128) == "1 2 3 4 [5] 6 7 … 128")
        #expect(shown(6, of: 128) == "1 … 4 5 [6] 7 8 … 128")
        #expect(shown(125, of: 128) == "1 … 123 124 [125] 126 127 128")
        #expect(shown(128, of: 128) == "1 … 126 127 [128]")
        #expect(shown(3, of: 5) == "1 2 [3] 4 5")
        #expect(shown(1, of: 1) == "[1]")
    }
}

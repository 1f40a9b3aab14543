import Foundation
import Testing
@testable import SitegenKit

@Suite("Planning the pages")
struct PagePlannerTests {
    @Test("the pages that may show some articles' bodies are those of the whole plan that do, in its order")
    func pagesShowingBodies() throws {
        let scan = try SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let index = SiteIndex(articles: ArticleLoader.load(scan.seeds).articles, gazetteer: .shared)
        let plan = PagePlanner.plan(index)
        for changed: Set<Int> in [[], [0], [4, 1], Set(index.articles.indices)] {
            let pages = PagePlanner.pages(showingBodiesOf: changed, in: index)
            #expect(pages == plan.filter { $0.mayShowBody(of: changed) }, "\(changed)")
            #expect(pages.count == 2 + changed.count)
        }
        // An article number the index does not have names no page.
        #expect(PagePlanner.pages(showingBodiesOf: [index.articles.count], in: index).count == 2)
    }
}

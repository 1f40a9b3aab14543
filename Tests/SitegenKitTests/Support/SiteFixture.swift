import Foundation
@testable import SitegenKit

/// The five seeds built once into a temporary folder, shared by the site tests.
final class SiteFixture: @unchecked Sendable {
    static let seeds = SiteFixture()

    let directory: TemporaryDirectory
    let report: BuildReport
    /// Seed number (`000`) → the article's page, relative to the output (`articles/x/index.html`).
    let articlePages: [String: String]

    private init() {
        directory = try! TemporaryDirectory("site")
        var options = BuildOptions.project(at: Fixtures.packageRoot)
        options.output = directory.file("public")
        options.markdown = directory.file("markdown")
        options.config = SiteConfig(baseURL: "https://example.gov.cn/mzgz/")
        report = try! Build.run(options, log: { _ in })
        let scan = try! SeedScanner.scan(directory: Fixtures.packageRoot.appendingPathComponent("seeds"), folderName: "seeds")
        let articles = ArticleLoader.load(scan.seeds).articles
        var pages: [String: String] = [:]
        for article in articles {
            let number = String(article.origin.dropFirst("seeds/".count).prefix(3))
            pages[number] = SitePaths.article(article.slug).rawValue
        }
        articlePages = pages
    }

    func page(_ path: String) -> String? { directory.read("public/" + path) }
}

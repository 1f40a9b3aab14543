import Foundation
import Testing
@testable import SitegenKit

/// The search page in a real browser: `Tests/browser/search_test.py` serves the built seeds
/// on a loopback port and types queries into headless Chromium through Selenium (Debian's
/// chromium, chromium-driver and python3-selenium). CI installs them and sets
/// SITEGEN_REQUIRE_BROWSER=1; elsewhere the test is skipped when they are missing.
@Suite("Search in the browser")
struct BrowserSearchTests {
    static let python = "/usr/bin/python3"
    static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.isExecutableFile(atPath: python)
        && FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/selenium")
    static let isRequired = ProcessInfo.processInfo.environment["SITEGEN_REQUIRE_BROWSER"] == "1"

    @Test("queries typed into /search/ find the right articles, highlighted, with no console error",
          .enabled(if: isAvailable || isRequired))
    func searchPage() throws {
        let (status, output) = try Subprocess.run(URL(fileURLWithPath: Self.python), [
            Fixtures.packageRoot.appendingPathComponent("Tests/browser/search_test.py").path,
            SiteFixture.seeds.directory.file("public").path,
        ])
        #expect(status == 0, "browser test:\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "\(output)")
    }

    @Test("the results of a common word come a page at a time, a button adding the next; its postings come from files of their own",
          .enabled(if: isAvailable || isRequired))
    func moreResults() throws {
        let folder = try TemporaryDirectory("more-results")
        let seeds = folder.file("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        for n in 1...23 {
            try """
            ---
            title: "永登县第\(n)场宣讲活动"
            date: 2024-01-\(n < 10 ? "0" : "")\(n)
            region: "620121"
            ---

            第\(n)场宣讲走进\(n)个村社。\(String(repeating: "讲述民族团结进步的故事。", count: 100 + n))
            """.write(to: seeds.appendingPathComponent("\(n).md"), atomically: true, encoding: .utf8)
        }
        _ = try Build.run(folder.buildOptions(seeds: seeds), log: { _ in })
        // 民族团结's pairs occur so often that their postings are in files of their own: the
        // page finds those through the table.
        #expect(folder.files(under: "public/search").contains { $0.contains("/t-") })
        let (status, output) = try Subprocess.run(URL(fileURLWithPath: Self.python), [
            Fixtures.packageRoot.appendingPathComponent("Tests/browser/search_test.py").path,
            folder.file("public").path, "--more", "民族团结=23",
        ])
        #expect(status == 0, "browser test:\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "\(output)")
    }
}

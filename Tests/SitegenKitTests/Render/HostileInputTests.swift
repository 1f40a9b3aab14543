import Foundation
import Testing
@testable import SitegenKit

@Suite("Nothing an article contains escapes the output")
struct HostileInputTests {
    static let authored = """
    ---
    title: "<script>alert('x')</script>../../逃逸 & \\"引号\\""
    date: 2024-01-02
    region: "620121"
    campaigns: ["<b>党建+</b>", "../evil"]
    slug: "../../../etc/passwd"
    summary: "<img src=x onerror=alert(1)>"
    ---

    正文<script>alert(2)</script>，[点我](javascript:alert(3))。

    <iframe src="http://evil.example"></iframe>
    """

    static let raw = """
    ../../<script>alert(4)</script>永登县“四聚焦”推进民族团结进步事业
    发布时间:2025-04-09 11:27:00
    2024年,永登县深入学习贯彻习近平总书记关于加强和改进民族工作的重要思想,坚持以铸牢中华民族共同体意识为主线。
    """

    @Test("a title with <script> and ../ is escaped and its page stays inside public/")
    func escaped() throws {
        let dir = try TemporaryDirectory("hostile")
        let seeds = dir.file("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try Data(Self.authored.utf8).write(to: seeds.appendingPathComponent("evil.md"))
        try Data(Self.raw.utf8).write(to: seeds.appendingPathComponent("evil name ..txt"))
        var options = BuildOptions.project(at: Fixtures.packageRoot)
        options.seeds = seeds
        options.output = dir.file("out/public")
        options.markdown = dir.file("out/markdown")
        let report = try Build.run(options, log: { _ in })
        #expect(report.articles == 2)

        // Nothing was written outside the two output folders but the build's own lock file
        // and the eight files of its cache.
        let everything = dir.files()
        let cache = ["out/.public.cache/articles.bin", "out/.public.cache/manifest.bin", "out/.public.cache/seeds.bin",
                     "out/.public.cache/search.bin", "out/.public.cache/index.bin", "out/.public.cache/han-folding.bin",
                     "out/.public.cache/listing.bin", "out/.public.cache/pinyin.bin"]
        #expect(everything.allSatisfy { $0.hasPrefix("seeds/") || $0.hasPrefix("out/public/") || $0.hasPrefix("out/markdown/")
                    || $0 == "out/.public.lock" || cache.contains($0) }, "\(everything)")
        let pages = dir.files(under: "out/public").filter { $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
        for page in pages {
            let text = try #require(dir.read(page))
            // Live markup only: the same words escaped as text (&lt;img …&gt;) are harmless.
            for attack in ["<script>alert", "<img", "<iframe", "javascript:", "<b>"] {
                #expect(!text.contains(attack), "\(page) contains \(attack)")
            }
        }
        // The bad slug was refused with a warning, and the page has a safe address of its own.
        #expect(report.diagnostics.contains { $0.description.contains("slug \"../../../etc/passwd\" is not usable") })
        let articleDirs = dir.files(under: "out/public/articles").map { $0.split(separator: "/")[3] }
        #expect(Set(articleDirs).allSatisfy { Slug(String($0)) != nil })
        let home = try #require(dir.read("out/public/index.html"))
        #expect(home.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;../../逃逸 &amp; &quot;引号&quot;"))
    }
}

import Foundation
import Testing
@testable import SitegenKit

/// The bad inputs an editor's folder really gets. Each gives one clear line naming the
/// file, what is wrong and what to do, and every other article still publishes.
@Suite("Bad input loses nothing")
struct BadInputTests {
    /// Builds the five real seeds plus `extra` files into a temporary site.
    static func build(with extra: [String: [UInt8]]) throws -> (BuildReport, TemporaryDirectory) {
        let dir = try TemporaryDirectory("bad")
        let seeds = dir.file("seeds")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("seeds"), to: seeds)
        for (name, bytes) in extra { try Data(bytes).write(to: seeds.appendingPathComponent(name)) }
        let options = dir.buildOptions(seeds: seeds)
        return (try Build.run(options, log: { _ in }), dir)
    }

    static let page = String(decoding: try! Fixtures.seed("004").bytes, as: UTF8.self)

    /// The bytes of each bad file, made when the test runs (Swift Testing prints its
    /// arguments, and a 20 MB array is no argument to print).
    static func badFile(_ name: String) -> [UInt8] {
        switch name {
        case "empty.txt": return []
        case "binary.txt": return [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        case "latin1.txt": return Array("caf".utf8) + [0xE9, 0x20, 0xFF, 0xFE, 0x20, 0x80]
        case "chrome.txt": return Array("首页\n\n当前位置：首页 > 新闻中心\n\n版权所有：某某委员会 京ICP备05048973号\n".utf8)
        case "nodate.txt": return Array(page.replacingOccurrences(of: "(2019/5/26 11:08:34)", with: "").utf8)
        case "usdate.txt": return Array(page.replacingOccurrences(of: "(2019/5/26 11:08:34)", with: "(05/26/2019 11:08:34)").utf8)
        case "huge.txt": return Array(repeating: 0x41, count: 20 * 1024 * 1024)
        default: return Array(page.replacingOccurrences(of: "张家川", with: "某").replacingOccurrences(of: "天水", with: "某").utf8)
        }
    }

    @Test("each bad file gets exactly one line, and the five seeds still publish", arguments: [
        ("empty.txt", "error: the file is empty"),
        ("binary.txt", "error: the file is not text"),
        ("latin1.txt", "error: the file is not text"),
        ("chrome.txt", "error: no article text found"),
        ("nodate.txt", "error: no publication date found"),
        ("usdate.txt", "error: the date \"05/26/2019\" could be day/month or month/day"),
        ("huge.txt", "error: the file is 20.0 MB, too large to be one article's page"),
        ("nowhere.txt", "warning: no division of China found in the headline, source or text"),
    ])
    func oneLine(name: String, message: String) throws {
        let (report, _) = try Self.build(with: [name: Self.badFile(name)])
        let lines = report.diagnostics.map(\.description).filter { $0.hasSuffix(name) == false && $0.contains("/\(name)") }
        #expect(lines.count == 1, "\(report.diagnostics)")
        #expect(lines.first?.contains(": \(message)") == true, "\(lines)")
        #expect(lines.first?.contains("; ") == true, "the line says what to do")
        #expect(report.articles >= 5)
    }

    @Test("GB18030 and UTF-16 copies of a seed publish like the original", arguments: ["GB18030", "UTF-16"])
    func encodings(encoding: String) throws {
        let bytes: [UInt8] = encoding == "GB18030"
            ? [UInt8](Self.page.replacingOccurrences(of: "五结合五防止", with: "六结合六防止").data(using: String.Encoding(rawValue: 0x8000_0632))!)
            : [0xFF, 0xFE] + Self.page.replacingOccurrences(of: "五结合五防止", with: "六结合六防止").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (report, dir) = try Self.build(with: ["copy.txt": bytes])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.articles == 6)
        #expect(dir.read("public/campaigns/liu-jie-he-liu-fang-zhi/index.html") != nil)
    }

    @Test("a title with /, .., <, &, quotes and emoji publishes under a safe address")
    func oddTitle() throws {
        let title = "../张家川县/“五结合”<b>&'\"🎉..工作"
        // A different text under an odd title (the same text again would be folded as republished).
        let odd = Self.page.replacingOccurrences(of: "张家川县“五结合五防止”持续深入推进民族团结进步创建工作", with: title)
            .replacingOccurrences(of: "把长期建设与阶段性强力推进相结合", with: "把长期建设与短期推进相结合，再一次")
        let (report, dir) = try Self.build(with: ["odd.txt": Array(odd.utf8)])
        #expect(report.articles == 6)
        let pages = dir.files(under: "public/articles").filter { $0.hasSuffix("index.html") }
        #expect(pages.count == 6)
        #expect(pages.allSatisfy { Slug(String($0.split(separator: "/")[2])) != nil })
        let home = try #require(dir.read("public/index.html"))
        #expect(home.contains("../张家川县/“五结合”&lt;b&gt;&amp;&#39;&quot;🎉..工作"))
    }

    @Test("two files with the same title both publish, at different addresses")
    func sameTitle() throws {
        let other = Self.page.replacingOccurrences(of: "2019/5/26", with: "2020/6/1")
            .replacingOccurrences(of: "把长期建设与阶段性强力推进相结合", with: "把长期建设与短期推进相结合，又一次")
        let (report, dir) = try Self.build(with: ["004b.txt": Array(other.utf8)])
        #expect(report.articles == 6)
        let slugs = Set(dir.files(under: "public/articles").map { String($0.split(separator: "/")[2]) })
        #expect(slugs.contains("zhang-jia-chuan-xian-wu-jie-he-wu-fang-zhi-chi-xu-shen-ru-tui-jin-min-zu-tuan"))
        #expect(slugs.contains("zhang-jia-chuan-xian-wu-jie-he-wu-fang-zhi-chi-xu-shen-ru-tui-jin-min-zu-tuan-2"))
    }

    @Test("a broken template stops the build with its file and line")
    func brokenTemplate() throws {
        let dir = try TemporaryDirectory("template")
        let templates = dir.file("Templates")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates"), to: templates)
        try Data("<ul>\n{{#items}}\n<li>{{title}}</li>\n{{/things}}\n</ul>\n".utf8).write(to: templates.appendingPathComponent("home.mustache"))
        #expect {
            try TemplateLibrary(directory: templates.path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(templates.path)/home.mustache:4: error: the template does not parse (a section is closed with the wrong name)")
        }
    }

    /// A build reads the templates first and parses them only once it knows it has work to
    /// do: a template broken since the last build is still a change, and still reported.
    @Test("a template broken after a good build stops the next build with its file and line")
    func brokenTemplateOnRebuild() throws {
        let dir = try TemporaryDirectory("template-rebuild")
        var options = dir.buildOptions()
        options.templates = dir.file("Templates")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates"), to: options.templates)
        _ = try Build.run(options, log: { _ in })
        try Data("<ul>\n{{#items}}\n<li>{{title}}</li>\n{{/things}}\n</ul>\n".utf8).write(to: options.templates.appendingPathComponent("home.mustache"))
        #expect {
            try Build.run(options, log: { _ in })
        } throws: { error in
            "\(error)".hasPrefix("\(options.templates.path)/home.mustache:4: error: the template does not parse (a section is closed with the wrong name)")
        }
    }
}

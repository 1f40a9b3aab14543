import Foundation
import Testing
@testable import SitegenKit

/// Every build is incremental; these check that it redoes only what changed and that
/// what it leaves is exactly what a build from nothing gives.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// A project of its own: the seeds and templates copied, so a test can change them.
    final class Project {
        let dir: TemporaryDirectory
        var options: BuildOptions

        init(_ label: String) throws {
            dir = try TemporaryDirectory(label)
            let fm = FileManager.default
            try fm.copyItem(at: Fixtures.packageRoot.appendingPathComponent("seeds"), to: dir.file("seeds"))
            try fm.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates"), to: dir.file("Templates"))
            options = BuildOptions.project(at: dir.url)
        }

        @discardableResult
        func build() throws -> BuildReport { try Build.run(options, log: { _ in }) }

        /// Every file of the site with its bytes.
        func site() -> [String: Data] {
            Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, (try? Data(contentsOf: dir.file($0))) ?? Data()) })
        }

        /// Every file of the site with its inode: a file that was rewritten gets a new one.
        func inodes() -> [String: UInt64] {
            Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, FileStamp(path: dir.file($0).path)?.inode ?? 0) })
        }

        /// The same seeds and templates built from nothing, in another folder: its
        /// `public/` and `markdown/`.
        func cleanDirectory() throws -> TemporaryDirectory {
            let clean = try TemporaryDirectory("clean")
            var options = self.options
            options.output = clean.file("public")
            options.markdown = clean.file("markdown")
            options.cache = clean.file(".cache")
            _ = try Build.run(options, log: { _ in })
            return clean
        }

        /// The site of a build from nothing.
        func cleanBuild() throws -> [String: Data] {
            let clean = try cleanDirectory()
            return Dictionary(uniqueKeysWithValues: clean.files(under: "public").map { ($0, (try? Data(contentsOf: clean.file($0))) ?? Data()) })
        }

        func seed(_ prefix: String) throws -> URL {
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.file("seeds").path).first { $0.hasPrefix(prefix) })
            return dir.file("seeds/\(name)")
        }

        /// Replaces the first `old` in the file with `new`.
        func edit(_ url: URL, replacing old: String, with new: String) throws {
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = try #require(text.range(of: old))
            try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        }

        /// Builds, replaces `old` with `new` in the template `name`, builds again: the files
        /// the second build rewrote, and those that now show `new`.
        func rewrittenByEditing(template name: String, replacing old: String, with new: String) throws
            -> (rewritten: Set<String>, showing: Set<String>) {
            try build()
            let before = inodes()
            try edit(dir.file("Templates/\(name).mustache"), replacing: old, with: new)
            try build()
            let after = inodes()
            return (Set(after.keys.filter { before[$0] != after[$0] }), Set(after.keys.filter { (dir.read($0) ?? "").contains(new) }))
        }

    }

    @Test("a rebuild with nothing changed writes nothing and stops before rendering")
    func noChange() throws {
        let project = try Project("same")
        let first = try project.build()
        let before = project.inodes()
        let second = try project.build()
        #expect(second.output.written == 0)
        #expect(second.output.removed == 0)
        #expect(second.output.unchanged == first.output.written)
        #expect(second.articles == first.articles && second.pages == first.pages)
        #expect(second.diagnostics == first.diagnostics, "the last build's warnings are shown again")
        #expect(!second.stages.contains { $0.name.hasPrefix("Render") || $0.name.hasPrefix("Import") }, "nothing was imported or rendered")
        #expect(project.inodes() == before)
    }

    @Test("a rebuild run from another folder finds nothing changed: seeds are named by their folder, not by the working directory")
    func otherWorkingDirectory() throws {
        let project = try Project("cwd")
        let (built, log) = try KeepImportTests.run(["build"], in: project.dir.url)
        #expect(built == 0, "\(log)")
        let intermediates = project.dir.files(under: ".sitegen/markdown")
        let before = Dictionary(uniqueKeysWithValues: intermediates.map { ($0, project.dir.read($0) ?? "") })
        #expect(intermediates.count == 5 && before.values.allSatisfy { $0.contains("\norigin: \"seeds/") }, "\(intermediates)")

        // The same project from `/`, every folder given whole.
        let paths = ["--seeds", "seeds", "--templates", "Templates", "--output", "public", "--markdown", ".sitegen/markdown"]
        let absolute = paths.enumerated().map { $0.offset.isMultiple(of: 2) ? $0.element : project.dir.file($0.element).path }
        let (again, output) = try KeepImportTests.run(["build"] + absolute, in: URL(fileURLWithPath: "/"))
        #expect(again == 0, "\(output)")
        #expect(output.contains("Nothing changed since the last build"), "\(output)")
        let rewritten = intermediates.filter { project.dir.read($0) != before[$0] }
        #expect(rewritten.isEmpty, "the intermediates name their seeds as before: \(rewritten)")
    }

    @Test("editing, adding and deleting articles gives exactly the bytes of a clean build")
    func sameAsClean() throws {
        let project = try Project("edits")
        try project.build()
        try project.edit(try project.seed("003"), replacing: "乌兰牧骑", with: "乌兰牧骑小分队")
        try FileManager.default.removeItem(at: try project.seed("002"))
        // A new article of its own, not the deleted one under a new title.
        var added = try #require(ArticleImporter(resolver: RegionResolver(gazetteer: .shared))
            .importPage(try Fixtures.seed("002")).value).with(title: "赤峰市第二次党建聚力引领推进会召开")
        added.origin = "seeds/005_new.md"
        try Data(Intermediate.text(for: added).utf8).write(to: project.dir.file("seeds/005_new.md"))
        let report = try project.build()
        #expect(report.output.written > 0 && report.output.removed > 0)
        #expect(report.stages.contains { $0.name == "Index" }, "articles added and gone: the index is worked out again")
        let site = project.site()
        #expect(site.keys.sorted() == (try project.cleanBuild()).keys.sorted())
        // The intermediates too: the edited page's is rewritten, the deleted page's stays
        // (the folder is the editor's), the others are as a clean build writes them.
        let clean = try project.cleanDirectory()
        for name in clean.files(under: "markdown").map({ String($0.dropFirst("markdown/".count)) }) {
            #expect(project.dir.read(".sitegen/markdown/" + name) == clean.read("markdown/" + name), "\(name)")
        }

        // A deleted folder of intermediates is written again, though nothing else changed.
        try FileManager.default.removeItem(at: project.dir.file(".sitegen/markdown"))
        try project.build()
        #expect(project.dir.files(under: ".sitegen/markdown").count == clean.files(under: "markdown").count)
        for (path, bytes) in try project.cleanBuild() {
            #expect(site[path] == bytes, "\(path) differs from a clean build's")
        }
    }

    @Test("editing one article's text rewrites its page and the search files, nothing else")
    func editOne() throws {
        let project = try Project("one")
        try project.build()
        let before = project.inodes()
        try project.edit(try project.seed("001"), replacing: "聚焦文化引领,凝聚奋进之魂。", with: "聚焦文化引领,凝聚奋进之魂。本文已更正。")
        let cacheURL = project.options.cache.appendingPathComponent("articles.bin")
        let cacheBefore = try Data(contentsOf: cacheURL)
        let report = try project.build()
        // The article cache holds the edited seed as it is now, with its new text: added
        // to the end of its file, the rest of which is as it was.
        let cacheAfter = try Data(contentsOf: cacheURL)
        #expect(cacheAfter.count > cacheBefore.count && cacheAfter.prefix(cacheBefore.count) == cacheBefore)
        let cache = ArticleCache.load(from: cacheURL, generator: GeneratorStamp.current)
        #expect(cache.patched == 1)
        let seed = try project.seed("001")
        let entry = try #require(cache["seeds/" + seed.lastPathComponent])
        #expect(entry.contentHash == ArticleLoader.contentHash(of: [UInt8](try Data(contentsOf: seed))))
        #expect(entry.imported.value?.body.markdown.contains("本文已更正") == true)
        let after = project.inodes()
        let rewritten = after.keys.filter { before[$0] != after[$0] }.sorted()
        let article = rewritten.filter { !$0.hasPrefix("public/search/") }
        try #require(article.count == 1, "rewritten: \(article)")
        #expect(article[0].hasPrefix("public/articles/"))
        #expect(try #require(project.dir.read(article[0])).contains("本文已更正"))
        #expect(report.output.written == rewritten.count)
        #expect(report.stages.contains { $0.name == "Search index (patched)" }, "\(report.stages.map(\.name))")
        #expect(report.stages.contains { $0.name.hasSuffix("(only bodies changed)") }, "\(report.stages.map(\.name))")
        #expect(report.stages.contains { $0.name == "Index (kept)" }, "\(report.stages.map(\.name))")
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("when more than a body changes (here a title), more pages than its own are looked at, and the site is a clean build's")
    func notOnlyBodies() throws {
        let project = try Project("not-only-bodies")
        let first = try project.build()
        let article = try #require(project.dir.files(under: "public/articles").first)
        let title = try #require(project.dir.read(article)?.firstMatch(of: /<h1[^>]*>([^<]+)<\/h1>/)?.1)
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: project.dir.file("seeds").path)
            .map { project.dir.file("seeds/\($0)") }.first { (try? String(contentsOf: $0, encoding: .utf8))?.contains(String(title)) == true })
        try project.edit(seed, replacing: String(title), with: String(title) + "（更正）")
        let report = try project.build()
        #expect(!report.stages.contains { $0.name.hasSuffix("(only bodies changed)") }, "\(report.stages.map(\.name))")
        #expect(report.stages.contains { $0.name == "Index (kept)" }, "a title is not what the index is worked out from")
        #expect(report.output.written > 2, "the lists that show the title changed too")
        #expect(project.site() == (try project.cleanBuild()))
        #expect(first.articles == report.articles)
    }

    /// On `Fixtures.writeLongLists`' 45 articles: a30's card is the first of each list's
    /// second page, a11 is among the newest twenty, a3 and a4 swap their slugs.
    @Test("a title, a summary or a slug corrected: only the pages that can show the article are looked at, on any page of its lists, and the site is a clean build's",
          arguments: [
              [("a30", "title: \"永登县第31篇", "title: \"永登县第31篇（更正）")],
              [("a11", "summary: \"", "summary: \"更正："), ("a11", "slug: article-12", "slug: article-12-b")],
              // Two slugs swapped: the sitemap lists the same addresses in another order.
              [("a3", "slug: article-4", "slug: article-5"), ("a4", "slug: article-5", "slug: article-4")],
          ])
    func shownFieldsEdited(edits: [(String, String, String)]) throws {
        let (dir, seeds, options) = try Self.builtLongLists("shown-fields")
        func inodes() -> [String: UInt64] {
            Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, FileStamp(path: dir.file($0).path)?.inode ?? 0) })
        }
        let before = inodes()
        for (name, old, new) in edits {
            let url = seeds.appendingPathComponent(name + ".md")
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = try #require(text.range(of: old), "\(name): \(old)")
            try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        let report = try Build.run(options, log: { _ in })
        #expect(report.stages.contains { $0.name.hasSuffix("(only pages showing the changed articles)") }, "\(report.stages.map(\.name))")
        let after = inodes()
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] })
        if edits[0].0 == "a30" {
            // Its card is the first of each list's second page; it is not among the newest.
            for list in ["regions/620121", "campaigns/si-ju-jiao", "timeline/2024"] {
                #expect(rewritten.contains("public/\(list)/page/2/index.html"), "\(list): \(rewritten.sorted())")
                #expect(!rewritten.contains("public/\(list)/index.html"), "\(list)")
            }
            #expect(!rewritten.contains("public/index.html") && !rewritten.contains("public/feed.xml"))
        }
        try Self.expectCleanBuild(dir, options)
    }

    /// An article for `articlesAdded`: its name, date, county and campaigns.
    struct AddedArticle: Sendable, CustomStringConvertible {
        var name, date, region: String
        var campaigns: [String]
        var description: String { "\(name) \(date) \(region) \(campaigns)" }
    }

    /// A project of the 45 articles of `Fixtures.writeLongLists` (three pages to each of
    /// their lists), built once, with its cache beside it.
    static func builtLongLists(_ label: String) throws -> (dir: TemporaryDirectory, seeds: URL, options: BuildOptions) {
        let dir = try TemporaryDirectory(label)
        let seeds = dir.file("seeds")
        try Fixtures.writeLongLists(to: seeds)
        var options = dir.buildOptions(seeds: seeds)
        options.cache = dir.file(".cache")
        _ = try Build.run(options, log: { _ in })
        return (dir, seeds, options)
    }

    /// The site built in `dir` with `options` is byte for byte what a build from nothing gives.
    static func expectCleanBuild(_ dir: TemporaryDirectory, _ options: BuildOptions) throws {
        let clean = try TemporaryDirectory("clean")
        var cleanOptions = options
        (cleanOptions.output, cleanOptions.markdown, cleanOptions.cache) = (clean.file("public"), clean.file("markdown"), clean.file(".cache"))
        _ = try Build.run(cleanOptions, log: { _ in })
        #expect(dir.files(under: "public") == clean.files(under: "public"))
        for file in clean.files(under: "public") {
            #expect(dir.read(file) == clean.read(file), "\(file) differs from a clean build's")
        }
    }

    /// Writes an authored article `name.md` into `seeds`.
    static func writeArticle(_ name: String, title: String, date: String, region: String, campaigns: [String], body: String, to seeds: URL) throws {
        try """
        ---
        title: "\(title)"
        date: \(date)
        region: "\(region)"
        campaigns: [\(campaigns.map { "\"\($0)\"" }.joined(separator: ", "))]
        ---

        \(body)
        """.write(to: seeds.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }

    @Test("articles added (one deleted beside), every other as it was: only the pages that can show them, or whose lists and counts they join, are looked at, and the site is a clean build's",
          arguments: [
              // The newest, in the county and campaign of the 45 (three pages each).
              ([AddedArticle(name: "n1", date: "2025-06-01", region: "620121", campaigns: ["四聚焦"])], true),
              // Among the 45, on the second page of their lists: the first page's count moves.
              ([AddedArticle(name: "n2", date: "2024-04-03", region: "620121", campaigns: ["四聚焦"])], true),
              // In a county of its own (new pages), and one among the 45, at once.
              ([AddedArticle(name: "n3", date: "2024-09-09", region: "620102", campaigns: ["四聚焦"]),
                AddedArticle(name: "n4", date: "2023-12-31", region: "620121", campaigns: []),], true),
              // A campaign the 45 mention and none ran before: their mentions of it now link to it.
              ([AddedArticle(name: "n5", date: "2025-06-01", region: "620121", campaigns: ["五个融入"])], false),
              // Two added and one of the 45 deleted: its neighbours' links and lists change too.
              ([AddedArticle(name: "n6", date: "2025-06-01", region: "620102", campaigns: []),
                AddedArticle(name: "n7", date: "2025-06-02", region: "620102", campaigns: [])], true),
          ])
    func articlesAdded(added: [AddedArticle], narrowed: Bool) throws {
        let (dir, seeds, options) = try Self.builtLongLists("added")
        for article in added {
            try Self.writeArticle(article.name, title: "城关区\(article.name)民族团结进步宣讲活动", date: article.date, region: article.region,
                                  campaigns: article.campaigns, body: "宣讲活动，新词\(article.name)首次出现。", to: seeds)
            if article.name == "n6" { try FileManager.default.removeItem(at: seeds.appendingPathComponent("a30.md")) }
        }
        let report = try Build.run(options, log: { _ in })
        #expect(report.stages.contains { $0.name.hasSuffix("(only pages showing the added or deleted articles)") } == narrowed, "\(report.stages.map(\.name))")
        try Self.expectCleanBuild(dir, options)
    }

    @Test("articles deleted, every other as it was: only the pages of the lists they leave and of their neighbours are looked at, and the site is a clean build's; a campaign gone with its only article is not narrowed",
          arguments: [(["a30"], true), (["a0", "a44", "a12"], true), (["solo"], false)])
    func articlesDeleted(deleted: [String], narrowed: Bool) throws {
        let (dir, seeds, options) = try Self.builtLongLists("deleted")
        // An article of its own county and campaign, besides the 45.
        try Self.writeArticle("solo", title: "城关区独有模式宣讲", date: "2024-05-05", region: "620102", campaigns: ["独有模式"],
                              body: "城关区独有模式宣讲。", to: seeds)
        _ = try Build.run(options, log: { _ in })
        for name in deleted { try FileManager.default.removeItem(at: seeds.appendingPathComponent(name + ".md")) }
        let report = try Build.run(options, log: { _ in })
        #expect(report.stages.contains { $0.name.hasSuffix("(only pages showing the added or deleted articles)") } == narrowed, "\(report.stages.map(\.name))")
        try Self.expectCleanBuild(dir, options)
    }

    @Test("an article added moves another out of a list's window: a third article's related list changes without the new one, and back when it is deleted; its page is a clean build's")
    func relatedMovedByAnAddedArticle() throws {
        let dir = try TemporaryDirectory("related-moved")
        let seeds = dir.file("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        func write(_ name: String, _ date: String, _ campaigns: [String]) throws {
            try Self.writeArticle(name, title: "永登县\(name)民族团结进步创建动态", date: date, region: "620121", campaigns: campaigns,
                                  body: "永登县\(name)开展宣讲。", to: seeds)
        }
        // Z's related list: Y first (it shares both campaigns, and is the twelfth older one
        // in Z's lists, the last its window takes), then the four closest in time. An
        // article added between them takes Y's place in the window: Y drops to the others'
        // score and out of the list, for the fifth closest; the new one is further still.
        try write("Z", "2024-06-30", ["四聚焦", "七个一"])
        for day in 19...29 { try write("A\(day)", "2024-06-\(day)", ["四聚焦"]) }
        try write("Y", "2024-06-01", ["四聚焦", "七个一"])
        var options = dir.buildOptions(seeds: seeds)
        options.cache = dir.file(".cache")
        _ = try Build.run(options, log: { _ in })
        let page = try #require(dir.files(under: "public/articles").first { dir.read($0)?.contains("<h1>永登县Z民族团结进步创建动态</h1>") == true })
        let before = try #require(dir.read(page))
        #expect(before.contains("永登县Y民族团结进步创建动态"))
        try write("X", "2024-06-10", ["四聚焦"])
        let report = try Build.run(options, log: { _ in })
        #expect(report.stages.contains { $0.name.hasSuffix("(only pages showing the added or deleted articles)") }, "\(report.stages.map(\.name))")
        let after = try #require(dir.read(page))
        #expect(!after.contains("永登县Y民族团结进步创建动态") && !after.contains("永登县X民族团结进步创建动态"))
        try Self.expectCleanBuild(dir, options)
        // Deleted again: Y comes back into Z's window and list.
        try FileManager.default.removeItem(at: seeds.appendingPathComponent("X.md"))
        let again = try Build.run(options, log: { _ in })
        #expect(again.stages.contains { $0.name.hasSuffix("(only pages showing the added or deleted articles)") }, "\(again.stages.map(\.name))")
        #expect(dir.read(page) == before)
        try Self.expectCleanBuild(dir, options)
    }

    @Test("the search index is patched, not rebuilt, when articles' texts and titles change: terms come and go, and the files are a clean build's",
          arguments: [
              // A new pair and word (本文, ABC), and pairs that go (马鬃山 is in seed 000 only).
              [("000", "马鬃山", "本文ABC已更正")],
              // Two articles at once, one of them in its title.
              [("003", "乌兰牧骑", "乌兰牧骑小分队"), ("004", "牛肉面", "拉面")],
              // An article moved to a province no other has: the table's provinces change.
              [("005", "甘肃省", "新疆维吾尔自治区")],
          ])
    func patchedSearch(edits: [(String, String, String)]) throws {
        let project = try Project("patch")
        // An article long enough that its common pairs' postings have files of their own.
        try """
        ---
        title: "永登县民族团结进步宣讲活动"
        date: 2024-03-02
        region: "620121"
        regions: [甘肃省, 兰州市, 永登县]
        ---

        \(String(repeating: "讲述民族团结进步的故事，", count: 3000))
        """.write(to: project.dir.file("seeds/005_long.md"), atomically: true, encoding: .utf8)
        try project.build()
        #expect(project.dir.files(under: "public/search").contains { $0.contains("/t-") })
        for (seed, old, new) in edits + [("005", "讲述民族团结进步的故事，", "讲述民族团结的故事，")] {
            try project.edit(try project.seed(seed), replacing: old, with: new)
        }
        let report = try project.build()
        #expect(report.stages.contains { $0.name == "Search index (patched)" }, "\(report.stages.map(\.name))")
        let site = project.site(), clean = try project.cleanBuild()
        let (extra, missing) = (Set(site.keys).subtracting(clean.keys), Set(clean.keys).subtracting(site.keys))
        #expect(extra.isEmpty && missing.isEmpty, "not in a clean build: \(extra.sorted()); missing: \(missing.sorted())")
        for (path, bytes) in clean where site[path].map({ $0 != bytes }) == true { Issue.record("\(path) differs from a clean build's") }
        // And once more, from the patched index's own state.
        try project.edit(try project.seed(edits[0].0), replacing: edits[0].2, with: edits[0].1)
        #expect(try project.build().stages.contains { $0.name == "Search index (patched)" })
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("articles added or deleted among the newest (as an editor publishes the week's news) are patched into the search index, the few documents after them numbered anew; far back they are not; each gives a clean build's files")
    func addedArticlePatchesSearch() throws {
        let project = try Project("added")
        // 45 articles of 2024 besides the seeds (2019-2025): one added before them all
        // moves more documents than a patch takes.
        try Fixtures.writeLongLists(to: project.dir.file("seeds"))
        try project.build()
        func add(_ name: String, date: String, text: String) throws -> BuildReport {
            try """
            ---
            title: "\(text)宣讲活动"
            date: \(date)
            region: "620121"
            ---

            \(text)开展民族团结进步宣讲，新词XYZ\(name)首次出现。
            """.write(to: project.dir.file("seeds/\(name).md"), atomically: true, encoding: .utf8)
            return try project.build()
        }
        func delete(_ name: String) throws -> BuildReport {
            try FileManager.default.removeItem(at: project.dir.file("seeds/\(name).md"))
            return try project.build()
        }
        func expectClean(_ name: String) throws { try Self.expectCleanSiteAndSearchState(project, name) }
        // Two newest in a row, the second filling the first's group of documents further;
        // the newest deleted and added again; one before those two, and one of them deleted.
        let steps: [(String, () throws -> BuildReport)] = [
            ("newest", { try add("newest", date: "2026-11-20", text: "永登县") }), ("newer", { try add("newer", date: "2026-11-21", text: "红古区") }),
            ("newer deleted", { try delete("newer") }), ("newer again", { try add("newer", date: "2026-11-21", text: "红古区") }),
            ("before the newest", { try add("before", date: "2025-12-01", text: "城关区") }), ("newest deleted, newer after it", { try delete("newest") }),
        ]
        for (name, step) in steps {
            let report = try step()
            #expect(report.stages.contains { $0.name == "Search index (patched)" }, "\(name): \(report.stages.map(\.name))")
            try expectClean(name)
        }
        // Before every other article, added and deleted: each moves all 56 documents.
        for (name, step) in [("oldest", { try add("oldest", date: "2018-01-05", text: "西固区") }), ("oldest deleted", { try delete("oldest") })] {
            let report = try step()
            #expect(report.stages.contains { $0.name == "Search index" }, "\(name): \(report.stages.map(\.name))")
            try expectClean(name)
        }
    }

    @Test("articles deleted so that the last group of 16 documents goes whole (49 articles, the 49th alone in its group, and 47 left) are patched into the search index, and the site is a clean build's, and so after the next article",
          arguments: [["n1", "n2"], ["a10", "a20"], ["n4", "a30", "a31"]])
    func lastDocumentGroupGone(deleted: [String]) throws {
        let (dir, seeds, options) = try Self.builtLongLists("group-gone")
        for (i, name) in ["n1", "n2", "n3", "n4"].enumerated() {
            try Self.writeArticle(name, title: "城关区第\(i)次民族团结进步宣讲活动", date: "2025-07-0\(i + 1)", region: "620102",
                                  campaigns: [], body: "宣讲活动，新词\(name)首次出现。", to: seeds)
        }
        #expect(try Build.run(options, log: { _ in }).articles == 49)
        for name in deleted { try FileManager.default.removeItem(at: seeds.appendingPathComponent(name + ".md")) }
        // It stopped the process here: the range of the gone group's documents ran backwards.
        let report = try Build.run(options, log: { _ in })
        #expect(report.stages.contains { $0.name == "Search index (patched)" }, "\(report.stages.map(\.name))")
        try Self.expectCleanBuild(dir, options)
        // The state it left patches the next one: the newest added, into the group again.
        try Self.writeArticle("n9", title: "城关区民族团结进步宣讲活动又一次", date: "2025-08-01", region: "620102",
                              campaigns: [], body: "宣讲活动，新词n9首次出现。", to: seeds)
        let next = try Build.run(options, log: { _ in })
        #expect(next.stages.contains { $0.name == "Search index (patched)" }, "\(next.stages.map(\.name))")
        try Self.expectCleanBuild(dir, options)
    }

    @Test("an article added or deleted further back in a larger site, moving more documents than 64 but fewer than a fifth of them, is patched into the search index and gives a clean build's files; one before all the others is not")
    func addedFurtherBackPatchesSearch() throws {
        let project = try Project("further")
        // 400 articles a day apart, 2024-01-01 to 2025-02-03, besides the seeds (the
        // newest of which is 2025-04-09): one dated 2025-01-01 comes before some 34
        // documents, which are removed and added again, about 70 changed in all.
        try Fixtures.writeDaily(400, to: project.dir.file("seeds"))
        try project.build()
        let added = project.dir.file("seeds/added.md")
        func add(date: String) throws -> BuildReport {
            try """
            ---
            title: "城关区民族团结进步宣讲活动"
            date: \(date)
            region: "620102"
            ---

            城关区开展民族团结进步宣讲，新词Further首次出现。
            """.write(to: added, atomically: true, encoding: .utf8)
            return try project.build()
        }
        func delete() throws -> BuildReport {
            try FileManager.default.removeItem(at: added)
            return try project.build()
        }
        let steps: [(String, () throws -> BuildReport, patched: Bool)] = [
            ("added a month back", { try add(date: "2025-01-01") }, true), ("deleted", delete, true),
            ("added before all", { try add(date: "2018-01-05") }, false), ("deleted again", delete, false),
        ]
        for (name, step, patched) in steps {
            let report = try step()
            #expect(report.stages.contains { $0.name == (patched ? "Search index (patched)" : "Search index") }, "\(name): \(report.stages.map(\.name))")
            try Self.expectCleanSiteAndSearchState(project, name)
        }
    }

    /// The project's site is a clean build's, and so is its search state: what the next
    /// patch starts from is what a clean build records.
    static func expectCleanSiteAndSearchState(_ project: Project, _ name: String) throws {
        let clean = try project.cleanDirectory()
        #expect(project.site() == Dictionary(uniqueKeysWithValues: clean.files(under: "public").map { ($0, (try? Data(contentsOf: clean.file($0))) ?? Data()) }), "\(name)")
        let (patched, built) = (try #require(searchState(in: project.options.cache)), try #require(searchState(in: clean.file(".cache"))))
        #expect(patched.articleHashes == built.articleHashes && patched.documentHashes == built.documentHashes, "\(name)")
        #expect(patched.fieldLengths == built.fieldLengths && patched.layout == built.layout, "\(name)")
        #expect(patched.bucketNames == built.bucketNames && patched.termCount == built.termCount, "\(name)")
        #expect(Set(patched.ownFiles.map(\.fileName)) == Set(built.ownFiles.map(\.fileName)), "\(name)")
        func places(_ state: SearchState) -> [String] {
            zip(state.places.provinces, state.places.years).map { "\($0 < 0 ? "" : state.places.provinceNames[Int($0)]) \($1)" }
        }
        #expect(places(patched) == places(built), "\(name)")
    }

    @Test("two articles of one title (the second's slug numbered): either edited, the first deleted (the second's slug no longer numbered) and restored, the second deleted and restored, are patched into the search index, each giving a clean build's files")
    func sameTitlesPatchSearch() throws {
        let project = try Project("same-titles")
        try Fixtures.writeLongLists(to: project.dir.file("seeds"))
        func write(_ name: String, date: String, text: String) throws {
            try """
            ---
            title: "永登县召开民族团结进步创建推进会"
            date: \(date)
            region: "620121"
            ---

            \(text)
            """.write(to: project.dir.file("seeds/\(name).md"), atomically: true, encoding: .utf8)
        }
        let (first, second) = ("永登县召开推进会，部署第一季度创建工作。", "永登县再次召开推进会，总结上半年创建工作。")
        try write("pair-a", date: "2024-12-20", text: first)
        try write("pair-b", date: "2024-12-26", text: second)
        try project.build()
        #expect(project.site().keys.contains { $0.hasPrefix("public/articles/") && $0.hasSuffix("-2/index.html") })
        let steps: [(String, () throws -> Void)] = [
            ("the second edited", { try write("pair-b", date: "2024-12-26", text: second + "新增一句。") }),
            ("the first edited", { try write("pair-a", date: "2024-12-20", text: first + "新增一句。") }),
            ("the first deleted", { try FileManager.default.removeItem(at: project.dir.file("seeds/pair-a.md")) }),
            ("the first restored", { try write("pair-a", date: "2024-12-20", text: first) }),
            ("the second deleted", { try FileManager.default.removeItem(at: project.dir.file("seeds/pair-b.md")) }),
            ("the second restored", { try write("pair-b", date: "2024-12-26", text: second) }),
        ]
        for (name, step) in steps {
            try step()
            let report = try project.build()
            #expect(report.stages.contains { $0.name == "Search index (patched)" }, "\(name): \(report.stages.map(\.name))")
            try Self.expectCleanSiteAndSearchState(project, name)
        }
    }

    @Test("a copy of an article's text (转载) added and deleted again: the original, whose seed is unchanged, lists it and then not; each is patched into the search index and gives a clean build's files")
    func copyPatchesSearch() throws {
        let project = try Project("copy")
        try Fixtures.writeLongLists(to: project.dir.file("seeds"))
        try project.build()
        let original = try String(contentsOf: project.dir.file("seeds/a20.md"), encoding: .utf8)
        let copy = original.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasPrefix("origin:") ? "origin: \"seeds/copy.md\"" : line.hasPrefix("source:") ? "source: \"兰州市民族事务委员会\"" : line
        }.joined(separator: "\n")
        try copy.write(to: project.dir.file("seeds/copy.md"), atomically: true, encoding: .utf8)
        var report = try project.build()
        #expect(report.diagnostics.contains { $0.message.contains("published twice") })
        #expect(report.stages.contains { $0.name == "Search index (patched)" }, "added: \(report.stages.map(\.name))")
        try Self.expectCleanSiteAndSearchState(project, "added")
        try FileManager.default.removeItem(at: project.dir.file("seeds/copy.md"))
        report = try project.build()
        #expect(report.stages.contains { $0.name == "Search index (patched)" }, "deleted: \(report.stages.map(\.name))")
        try Self.expectCleanSiteAndSearchState(project, "deleted")
    }

    @Test("a seed deleted, with nothing else changed, leaves the article cache: the next build does not find it gone again, and one restored is imported as new")
    func deletedSeedLeavesCache() throws {
        let project = try Project("deleted-seed")
        try project.build()
        let cacheURL = project.options.cache.appendingPathComponent("articles.bin")
        let seed = try #require(try FileManager.default.contentsOfDirectory(atPath: project.dir.file("seeds").path).sorted().last)
        #expect(ArticleCache.load(from: cacheURL, generator: GeneratorStamp.current)["seeds/\(seed)"] != nil)
        let bytes = try Data(contentsOf: project.dir.file("seeds/\(seed)"))
        try FileManager.default.removeItem(at: project.dir.file("seeds/\(seed)"))
        try project.build()
        #expect(ArticleCache.load(from: cacheURL, generator: GeneratorStamp.current)["seeds/\(seed)"] == nil)
        try bytes.write(to: project.dir.file("seeds/\(seed)"))
        try project.build()
        #expect(ArticleCache.load(from: cacheURL, generator: GeneratorStamp.current)["seeds/\(seed)"] != nil)
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("a seed that gave no article (an error) deleted, alone or while another is edited: the next build finishes, and the site is a clean build's",
          arguments: [false, true])
    func brokenSeedDeleted(editingAnother: Bool) throws {
        let project = try Project("broken-seed-deleted")
        let broken = project.dir.file("seeds/broken.md")
        try Data().write(to: broken)
        let report = try project.build()
        #expect(report.diagnostics.contains { $0.file == "seeds/broken.md" && $0.severity == .error })
        try FileManager.default.removeItem(at: broken)
        if editingAnother { try project.edit(try project.seed("001"), replacing: "民族团结", with: "民族团结进步") }
        // It stopped the process here (a nil article of the cache's unwrapped), and every build after it.
        try project.build()
        #expect(project.site() == (try project.cleanBuild()))
        try project.build()
    }

    static func searchState(in cache: URL) -> SearchState? {
        SearchState.load(from: cache.appendingPathComponent("search.bin"), generator: GeneratorStamp.current)
    }

    @Test("a title that moves the search layout (past 256 characters, and back) is not patched in; one that does not move it is")
    func searchLayoutMoves() throws {
        let project = try Project("layout")
        let seed = project.dir.file("seeds/006_layout.md")
        func write(title: String) throws {
            try """
            ---
            title: "\(title)"
            date: 2024-03-02
            region: "620121"
            ---

            永登县开展民族团结进步宣讲活动。
            """.write(to: seed, atomically: true, encoding: .utf8)
        }
        try write(title: "永登县民族团结进步宣讲活动")
        try project.build()
        for (title, patched) in [(String(repeating: "宣讲", count: 150), false), ("永登县民族团结进步宣讲", false), ("永登县宣讲活动", true)] {
            try write(title: title)
            let report = try project.build()
            #expect(report.stages.contains { $0.name == (patched ? "Search index (patched)" : "Search index") }, "\(title.count): \(report.stages.map(\.name))")
            #expect(project.site() == (try project.cleanBuild()), "\(title.count)")
        }
    }

    @Test("a damaged or stale search state is not used: the index is written whole, as a clean build writes it")
    func damagedSearchState() throws {
        let project = try Project("search-state")
        try project.build()
        let state = project.options.cache.appendingPathComponent("search.bin")
        let good = try Data(contentsOf: state)
        for damage in [Data("garbage".utf8), good.prefix(good.count / 2), Data()] {
            try damage.write(to: state)
            try project.edit(try project.seed("001"), replacing: "聚焦文化引领", with: "聚焦文化引领\(damage.count)")
            let report = try project.build()
            #expect(report.stages.contains { $0.name == "Search index" }, "\(report.stages.map(\.name))")
            #expect(project.site() == (try project.cleanBuild()))
        }
        // The state of another index than the site's (left by a build that failed after it).
        let other = try Data(contentsOf: state)
        try project.edit(try project.seed("001"), replacing: "聚焦文化引领", with: "聚焦文化引领。")
        try project.build()
        try other.write(to: state)
        try project.edit(try project.seed("001"), replacing: "聚焦文化引领。", with: "聚焦文化引领！")
        #expect(try project.build().stages.contains { $0.name == "Search index" })
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("a template change re-renders the pages that use it, and only those")
    func templateChange() throws {
        let project = try Project("template")
        let first = try project.build()
        let before = project.inodes()
        try project.edit(project.dir.file("Templates/year.mustache"), replacing: "</h1>", with: "</h1><p>按月排列</p>")
        let report = try project.build()
        let after = project.inodes()
        let rewritten = after.keys.filter { before[$0] != after[$0] }
        #expect(!rewritten.isEmpty)
        #expect(rewritten.allSatisfy { $0.hasPrefix("public/timeline/2") }, "rewritten: \(rewritten.sorted())")
        #expect(report.output.written == rewritten.count && report.output.written < first.output.written)
        // Each file counted once: the search page, in the search index's folder, is a page
        // (rendered), not one of the index's files kept as they were.
        #expect(report.stages.contains { $0.name == "Search index (unchanged)" }, "\(report.stages.map(\.name))")
        #expect(report.output.written + report.output.unchanged == first.output.written)
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("a change to the card template re-renders the pages that show cards, and only those")
    func cardTemplateChange() throws {
        let project = try Project("card")
        let (rewritten, showCards) = try project.rewrittenByEditing(template: "card", replacing: "<li class=\"card\">", with: "<li class=\"card item\">")
        #expect(!showCards.isEmpty)
        #expect(rewritten == showCards)
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("a change to the header re-renders every page that has one, and only those")
    func headerChange() throws {
        let project = try Project("header")
        let (rewritten, withHeader) = try project.rewrittenByEditing(template: "header", replacing: "<header class=\"site-header\">",
                                                                      with: "<header class=\"site-header wide\">")
        #expect(withHeader.count > 20)
        #expect(rewritten == withHeader)
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("without a cache, files the site does not have (a hidden one, one in a folder deep down) are removed and counted")
    func strayFiles() throws {
        let project = try Project("stray")
        try project.build()
        try FileManager.default.removeItem(at: project.options.cache)
        try FileManager.default.createDirectory(at: project.dir.file("public/articles/old/deep"), withIntermediateDirectories: true)
        for stray in ["public/old.html", "public/.stray", "public/articles/old/deep/index.html"] {
            try Data("x".utf8).write(to: project.dir.file(stray))
        }
        let report = try project.build()
        #expect(report.output.written == 0)
        #expect(report.output.removed == 3)
        #expect(project.site() == (try project.cleanBuild()))
        #expect(!FileManager.default.fileExists(atPath: project.dir.file("public/.stray").path))
    }

    @Test("a damaged cache or a page deleted by hand is noticed, and the site comes out whole")
    func damagedCache() throws {
        let project = try Project("damaged")
        try project.build()
        for name in ["manifest.bin", "articles.bin", "seeds.bin"] {
            try Data("not a cache".utf8).write(to: project.options.cache.appendingPathComponent(name))
        }
        try project.edit(try project.seed("000"), replacing: "党建+", with: "党建＋")
        try project.build()
        #expect(project.site() == (try project.cleanBuild()))

        try FileManager.default.removeItem(at: project.dir.file("public/index.html"))
        let report = try project.build()
        #expect(report.output.written == 1)
        #expect(project.site() == (try project.cleanBuild()))

        // The search folder is listed rather than stat'ed file by file: a file deleted
        // there is noticed too. So is a page cut short.
        let searchFile = try #require(project.dir.files(under: "public/search").first)
        try FileManager.default.removeItem(at: project.dir.file(searchFile))
        let afterSearchFile = try project.build()
        #expect(afterSearchFile.output.written == 1)
        #expect(project.site() == (try project.cleanBuild()))
        try Data("<p>".utf8).write(to: project.dir.file("public/regions/index.html"))
        let afterPage = try project.build()
        #expect(afterPage.output.written == 1)
        #expect(project.site() == (try project.cleanBuild()))
    }

    @Test("the search folder is listed only when it is not as the last build left it: a file deleted, added or renamed there changes its stamp")
    func listedFolderStamp() throws {
        let project = try Project("folderstamp")
        try project.build()
        let output = project.options.output
        let folder = output.appendingPathComponent(BuildManifest.listedFolder).path
        let recorded = try #require(OutputWriter.manifest(output: output, cache: project.options.cache)?.listedFolderStamp)
        // Taken after the build's last file went in: an untouched folder is not listed.
        #expect(FileStamp(path: folder) == recorded)
        let file = try #require(project.dir.files(under: "public/search").first { !$0.hasSuffix("index.html") })
        let url = project.dir.file(file)
        try FileManager.default.moveItem(at: url, to: url.appendingPathExtension("moved"))
        #expect(FileStamp(path: folder) != recorded, "a rename")
        try FileManager.default.moveItem(at: url.appendingPathExtension("moved"), to: url)
        #expect(FileStamp(path: folder) != recorded, "renamed back")
        try FileManager.default.removeItem(at: url)
        #expect(FileStamp(path: folder) != recorded, "a deletion")
        // The deleted file is put back, and the stamp taken again.
        #expect(try project.build().output.written == 1)
        #expect(project.site() == (try project.cleanBuild()))
        let again = try #require(OutputWriter.manifest(output: output, cache: project.options.cache)?.listedFolderStamp)
        #expect(FileStamp(path: folder) == again)
    }
}

private extension Article {
    func with(title: String) -> Article {
        var copy = self
        copy.title = title
        copy.slug = Slug(transliterating: title)!
        return copy
    }
}

@Suite("Putting a build in place")
struct CommitRecoveryTests {
    @Test("a build killed while renaming its files into place is finished by the next one")
    func finishesJournal() throws {
        let dir = try TemporaryDirectory("journal")
        let fm = FileManager.default
        let output = dir.file("public"), cache = dir.file(".public.cache"), staging = dir.file(".public.staging-99999999")
        for folder in [output, cache, staging] { try fm.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true) }
        try Data("old".utf8).write(to: output.appendingPathComponent("a/index.html"))
        try Data("stale".utf8).write(to: output.appendingPathComponent("b.html"))
        try Data("new".utf8).write(to: staging.appendingPathComponent("a/index.html"))
        try Data("added".utf8).write(to: staging.appendingPathComponent("a/c.html"))
        let journal = #"{"staging":".public.staging-99999999","staged":["a/index.html","a/c.html"],"removals":["b.html"]}"#
        try Data(journal.utf8).write(to: cache.appendingPathComponent(OutputWriter.journalName))

        try OutputWriter.recover(output: output, cache: cache)

        #expect(dir.read("public/a/index.html") == "new")
        #expect(dir.read("public/a/c.html") == "added")
        #expect(!fm.fileExists(atPath: output.appendingPathComponent("b.html").path))
        #expect(!fm.fileExists(atPath: staging.path))
        #expect(!fm.fileExists(atPath: cache.appendingPathComponent(OutputWriter.journalName).path))
    }
}

import Foundation
import Testing
@testable import SitegenKit

@Suite("The output is never half written")
struct OutputIntegrityTests {
    /// The `sitegen` executable that `swift test` built beside the test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen")

    static func options(_ dir: TemporaryDirectory, seeds: URL? = nil) -> BuildOptions {
        dir.buildOptions(seeds: seeds)
    }

    /// Every file of the site with its bytes.
    static func snapshot(_ dir: TemporaryDirectory) -> [String: String] {
        Dictionary(uniqueKeysWithValues: dir.files(under: "public").map { ($0, dir.read($0) ?? "") })
    }

    /// `count` authored articles made from seed 001, so a build has real work to do.
    static func manySeeds(in dir: TemporaryDirectory, count: Int) throws -> URL {
        let seeds = dir.file("many")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let base = try #require(ArticleImporter(resolver: RegionResolver(gazetteer: .shared)).importPage(try Fixtures.seed("001")).value)
        for i in 0..<count {
            var article = base
            article.title = "永登县第\(i)篇：“四聚焦”推进民族团结进步事业"
            article.slug = Slug("article-\(i)")!
            article.date = ArticleDate(year: 2015 + i % 10, month: 1 + i % 12, day: 1 + i % 28)!
            try Data(Intermediate.text(for: article).utf8).write(to: seeds.appendingPathComponent("a\(i).md"))
        }
        return seeds
    }

    @Test("a build killed with SIGKILL mid-way leaves the previous site whole, and the next build cleans up")
    func killed() throws {
        let dir = try TemporaryDirectory("kill")
        _ = try Build.run(Self.options(dir), log: { _ in })
        let before = Self.snapshot(dir)
        #expect(before.count > 40)

        let seeds = try Self.manySeeds(in: dir, count: 3000)
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["build", "--seeds", seeds.path, "--output", dir.file("public").path,
                             "--markdown", dir.file("markdown").path, "--templates", Fixtures.packageRoot.appendingPathComponent("Templates").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it as soon as it starts writing the new site into its staging folder.
        let deadline = Date().addingTimeInterval(60)
        var staged = false
        while Date() < deadline, process.isRunning, !staged {
            staged = (try? FileManager.default.contentsOfDirectory(atPath: dir.url.path))?.contains { $0.hasPrefix(".public.staging-") } ?? false
            if !staged { Thread.sleep(forTimeInterval: 0.005) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(staged, "the build never reached the writing stage before it ended")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(Self.snapshot(dir) == before, "the site changed although the build was killed")

        _ = try Build.run(Self.options(dir), log: { _ in })
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).allSatisfy { !$0.contains(".staging-") })
        #expect(Self.snapshot(dir) == before)
    }

    @Test("two builds started at once both finish, one after the other, with the same site")
    func concurrent() async throws {
        let dir = try TemporaryDirectory("twice")
        let options = Self.options(dir)
        async let first = Task.detached { try Build.run(options, log: { _ in }) }.value
        async let second = Task.detached { try Build.run(options, log: { _ in }) }.value
        let reports = try await [first, second]
        #expect(reports.allSatisfy { $0.articles == 5 })
        #expect(reports.map(\.output.written).sorted() == [0, reports.map(\.output.written).max()!])
        let once = try TemporaryDirectory("once")
        _ = try Build.run(Self.options(once), log: { _ in })
        #expect(Self.snapshot(dir).count == Self.snapshot(once).count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).allSatisfy { !$0.contains(".staging-") })
    }

    @Test("files are staged in folders of any depth, in parallel, also when a folder the build made is removed while it runs")
    func stagedFolders() throws {
        let dir = try TemporaryDirectory("folders")
        let writer = try OutputWriter(output: dir.file("public"), cache: dir.file("cache"), previous: nil)
        let paths = ["index.html", "search/a.bin", "search/b.bin"] + (0..<40).flatMap { ["articles/a\($0)/index.html", "regions/\($0 % 3)/page/\($0)/index.html"] }
        var placed = try paths.parallelMap { try writer.write(OutputPath($0)!, Array($0.utf8)) }
        // Its folder made and recorded, then removed by hand: the next file puts it back.
        try FileManager.default.removeItem(at: writer.staging.appendingPathComponent("articles/a7"))
        placed.append(try writer.write(OutputPath("articles/a7/index.html")!, Array("again".utf8)))
        _ = try writer.commit(placed) { _ in }
        for path in paths where path != "articles/a7/index.html" {
            #expect(dir.read("public/" + path) == path)
        }
        #expect(dir.read("public/articles/a7/index.html") == "again")
        #expect(dir.files(under: "public").count == paths.count)
    }
}

import Foundation
import Testing
@testable import SitegenKit

@Suite("Build manifest")
struct BuildManifestTests {
    @Test("paths recorded from the last build's order come out as sorting them all gives them")
    func recordedInOrder() {
        let file = { (n: Int) in BuildManifest.File(contentHash: UInt64(n), size: n, pageFingerprint: 0) }
        let table = { (names: [String]) in
            Dictionary(uniqueKeysWithValues: names.enumerated().map { (OutputPath($1)!, file($0)) })
        }
        var last = BuildManifest()
        let before = table(["articles/b/index.html", "articles/d/index.html", "index.html", "search/b-1.bin", "search/d-9-1.bin"])
        last.record(files: before)
        #expect(last.paths == before.keys.sorted())
        // Gone: d and a search file; new: one first, one between, one last.
        let after = table(["articles/a/index.html", "articles/b/index.html", "articles/c/index.html", "index.html",
                           "search/b-1.bin", "timeline/index.html"])
        var patched = BuildManifest(), sorted = BuildManifest()
        let kept = last.paths.map { after[$0] }
        patched.record(kept: kept, of: last, added: after.filter { before[$0.key] == nil })
        sorted.record(files: after)
        #expect(patched.paths == sorted.paths)
        #expect(patched.paths == after.keys.sorted())
        #expect(Dictionary(uniqueKeysWithValues: zip(patched.paths, patched.files)) == after)
    }

    @Test("a folder's paths are one run of the sorted paths, and no path beside the folder's name is in it")
    func folderRun() {
        var manifest = BuildManifest()
        let names = ["index.html", "search.html", "search/a-1.bin", "search/index.html", "search/t-2-3.bin", "search0.html",
                     "search-x/index.html", "searcha/b.bin", "z/index.html"]
        manifest.record(files: Dictionary(uniqueKeysWithValues: names.map { (OutputPath($0)!, BuildManifest.File(contentHash: 1, size: 1, pageFingerprint: 0)) }))
        let run = manifest.positions(inFolder: "search/")
        #expect(run.map { manifest.paths[$0].rawValue } == ["search/a-1.bin", "search/index.html", "search/t-2-3.bin"])
        #expect(manifest.positions(inFolder: "nothing/").isEmpty)
        #expect(manifest.positions(inFolder: "z/").map { manifest.paths[$0].rawValue } == ["z/index.html"])
        #expect(BuildManifest().positions(inFolder: "search/").isEmpty)
    }

    @Test("every path is found at its position, a path not listed is not, and one listed twice is at its later position")
    func pathPositions() {
        // Enough paths that many share a first slot (the table has at most 4 slots a path).
        var paths = (0..<5_000).map { OutputPath("articles/wen-zhang-\($0)/index.html")! }
        paths += (0..<3_000).map { OutputPath("search/b-\(String($0 * 7_919, radix: 16)).bin")! }
        paths.append(paths[17])
        let positions = PathPositions(paths)
        for (position, path) in paths.enumerated() where position != 17 {
            #expect(positions[path] == position, "\(path.rawValue)")
        }
        #expect(positions[paths[17]] == paths.count - 1)
        for missing in ["articles/wen-zhang-5000/index.html", "index.html", "search/b-1.bin", "articles/wen-zhang-1/index.htm"] {
            #expect(positions[OutputPath(missing)!] == nil, "\(missing)")
        }
        #expect(PathPositions([])[OutputPath("index.html")!] == nil)
    }

    /// An output folder with `contents`, and a manifest of it as a build records one.
    private func output(_ contents: [String: String], in dir: TemporaryDirectory) throws -> BuildManifest {
        var manifest = BuildManifest()
        manifest.inputs = 7
        manifest.frame = 8
        manifest.searchManifest = "search/index-1.bin"
        manifest.articleCount = 2
        manifest.diagnostics = [.warning("seeds/a.md", "a warning", fix: "a fix")]
        manifest.campaignSlugs = ["党建+": Slug("dang-jian")!]
        var table: [OutputPath: BuildManifest.File] = [:]
        for (path, text) in contents {
            let url = dir.file("public/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            table[OutputPath(path)!] = BuildManifest.File(contentHash: StableHasher.hash(text), size: text.utf8.count,
                                                          pageFingerprint: path.hasSuffix(".html") ? UInt64(path.utf8.count) : 0)
        }
        manifest.record(files: table)
        manifest.listedFolderStamp = FileStamp(path: dir.file("public/" + BuildManifest.listedFolder).path)
        return manifest
    }

    private let site = ["index.html": "<p>home</p>", "articles/a/index.html": "<p>an article</p>", "feed.xml": "<feed/>",
                        "search/index.html": "<p>search</p>", "search/t-1.bin": "postings", "search/t-2.bin": "more postings",
                        "searcha/x.html": "<p>beside the folder</p>"]

    @Test("a manifest read back gives every field and file it was written with; its files and pages are counted, and it is the generator's")
    func storedRoundTrip() throws {
        let dir = try TemporaryDirectory("manifest")
        let manifest = try output(site, in: dir)
        let url = dir.file("manifest.bin")
        try manifest.write(to: url, generator: 42)
        let stored = try #require(BuildManifest.Stored.read(from: url, generator: 42))
        #expect(stored.fileCount == 7)
        #expect(stored.pageCount == 4)
        #expect(stored.header.inputs == 7 && stored.header.frame == 8 && stored.header.articleCount == 2)
        #expect(stored.header.searchManifest == "search/index-1.bin")
        #expect(stored.header.diagnostics == manifest.diagnostics)
        #expect(stored.header.campaignSlugs == manifest.campaignSlugs)
        #expect(stored.header.listedFolderStamp == manifest.listedFolderStamp)
        #expect(stored.header.paths.isEmpty, "the files are decoded only when asked for")
        let decoded = try #require(stored.decoded())
        #expect(decoded.paths == manifest.paths)
        #expect(decoded.files == manifest.files)

        #expect(BuildManifest.Stored.read(from: url, generator: 43) == nil, "another sitegen's")
        let bytes = try Data(contentsOf: url)
        try bytes.dropLast(5).write(to: url)
        #expect(BuildManifest.Stored.read(from: url, generator: 42) == nil, "cut short")
    }

    @Test("a manifest naming a path outside the output is read, but neither decoded into one a build would use nor taken as intact")
    func storedUnsafePath() throws {
        let dir = try TemporaryDirectory("manifest")
        let url = dir.file("manifest.bin")
        try output(site, in: dir).write(to: url, generator: 1)
        // Same length, so the file stays well formed: articles/a/index.html → ../../../a/index.html.
        var bytes = [UInt8](try Data(contentsOf: url))
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("articles/".utf8)) })
        bytes.replaceSubrange(at..<at + 9, with: Array("../../../".utf8))
        try Data(bytes).write(to: url)
        let stored = try #require(BuildManifest.Stored.read(from: url, generator: 1))
        #expect(stored.decoded() == nil)
        // Even where that path leads to a file of the recorded size.
        try FileManager.default.createDirectory(at: dir.file("x/a"), withIntermediateDirectories: true)
        try Data("<p>an article</p>".utf8).write(to: dir.file("x/a/index.html"))
        try FileManager.default.createDirectory(at: dir.file("x/y/z"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: dir.file("public"), to: dir.file("x/y/z/public"))
        #expect(FileManager.default.fileExists(atPath: dir.file("x/y/z/public/../../../a/index.html").path))
        #expect(!stored.isIntact(in: dir.file("x/y/z/public")))
    }

    @Test("the output is intact while every file has its recorded size; a page cut short or a search file deleted is noticed")
    func storedIntact() throws {
        let dir = try TemporaryDirectory("manifest")
        let url = dir.file("manifest.bin")
        try output(site, in: dir).write(to: url, generator: 1)
        let stored = try #require(BuildManifest.Stored.read(from: url, generator: 1))
        let public_ = dir.file("public")
        #expect(stored.isIntact(in: public_))

        let page = dir.file("public/articles/a/index.html")
        try Data("<p>".utf8).write(to: page)
        #expect(!stored.isIntact(in: public_), "a page cut short")
        try Data("<p>an article</p>".utf8).write(to: page)
        #expect(stored.isIntact(in: public_))

        // The search folder is listed, not stat'ed: a file beside it is stat'ed as any page.
        try FileManager.default.removeItem(at: dir.file("public/searcha/x.html"))
        #expect(!stored.isIntact(in: public_), "a page beside the search folder deleted")
        try Data("<p>beside the folder</p>".utf8).write(to: dir.file("public/searcha/x.html"))
        try FileManager.default.removeItem(at: dir.file("public/search/t-2.bin"))
        #expect(!stored.isIntact(in: public_), "a search file deleted")
        #expect(!stored.isIntact(in: dir.file("elsewhere")), "no output")
    }
}

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
}

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
}

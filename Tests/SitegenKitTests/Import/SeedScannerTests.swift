import Foundation
import Testing
@testable import SitegenKit

@Suite("Listing the seeds")
struct SeedScannerTests {
    /// The folder's entries come in the file system's order, not sorted: which file of a
    /// stem is read, and the order of the warnings, must not depend on it.
    @Test("an .md replaces a .txt of the same name; of two of one kind the last by name is read; warnings in name order")
    func choices() throws {
        let folder = try TemporaryDirectory("seed-scan")
        for name in ["b.txt", "b.md", "a.md", "a.markdown", "c.text", "c.txt", "z.pdf", "d.docx", "m.jpg", ".hidden.md"] {
            try Data("x".utf8).write(to: folder.file(name))
        }
        try FileManager.default.createDirectory(at: folder.file("folder.md"), withIntermediateDirectories: true)
        let scan = try SeedScanner.scan(directory: folder.url, displayPrefix: "seeds")
        #expect(scan.seeds.map(\.path) == ["seeds/a.md", "seeds/b.md", "seeds/c.txt"])
        #expect(scan.seeds.map(\.kind) == [.authored, .authored, .rawPage])
        #expect(scan.seeds.allSatisfy { $0.filePath.hasPrefix(folder.url.path) })
        #expect(scan.diagnostics.map(\.file) == ["seeds/d.docx", "seeds/m.jpg", "seeds/z.pdf"])
    }

    @Test("a missing seeds folder is one clear error")
    func missingFolder() throws {
        let folder = try TemporaryDirectory("seed-scan")
        #expect(throws: SitegenError.self) { try SeedScanner.scan(directory: folder.file("none"), displayPrefix: "seeds") }
    }
}

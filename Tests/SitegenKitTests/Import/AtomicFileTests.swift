import Foundation
import Testing
@testable import SitegenKit

@Suite("Replacing a file atomically")
struct AtomicFileTests {
    @Test("replaces the bytes, readable by all, leaving no temporary file; a missing folder is an error")
    func replaces() throws {
        let directory = try TemporaryDirectory("atomic")
        let folder = directory.url
        let path = folder.appendingPathComponent("001.md").path
        try AtomicFile.write(Array("旧".utf8), to: path)
        try AtomicFile.write(Array("---\ntitle: 新\n---\n".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("---\ntitle: 新\n---\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["001.md"])
        #expect(throws: (any Error).self) { try AtomicFile.write([1], to: folder.appendingPathComponent("none/x.md").path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["001.md"])
    }
}

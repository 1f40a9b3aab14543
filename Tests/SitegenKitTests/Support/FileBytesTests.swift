import Foundation
import Testing
@testable import SitegenKit

@Suite("Reading a file's bytes")
struct FileBytesTests {
    @Test("a file reads back byte for byte, an empty one as no bytes; a folder or a missing file is nil")
    func readsFiles() throws {
        let temporary = try TemporaryDirectory("filebytes")
        let folder = temporary.url
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = folder.appendingPathComponent("a.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(FileBytes.read(path) == bytes)
        let empty = folder.appendingPathComponent("empty.txt").path
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(FileBytes.read(empty) == [])
        #expect(FileBytes.read(folder.path) == nil)
        #expect(FileBytes.read(folder.appendingPathComponent("missing").path) == nil)
    }

    @Test("a file that reports no size (as /proc's do) is read to its end")
    func unsizedFile() throws {
        let status = try #require(FileBytes.read("/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
        #expect(status.count > 1)
    }
}

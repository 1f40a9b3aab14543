import Foundation
import Testing
@testable import SitegenKit

@Suite("Correcting an import with --keep")
struct KeepImportTests {
    static func run(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        try Subprocess.run(OutputIntegrityTests.executable, arguments, in: directory)
    }

    @Test("import of a folder imports every .txt page in it, by name, as naming them one by one does")
    func folder() throws {
        let dir = try TemporaryDirectory("import-folder")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("seeds"), to: dir.file("seeds"))
        try Data("not a page".utf8).write(to: dir.file("seeds/notes.md"))
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.file("seeds").path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(pages.count == 5)
        // Nor is a folder named like one: a build passes it by, and so does the import.
        try FileManager.default.createDirectory(at: dir.file("seeds/saved.txt"), withIntermediateDirectories: true)
        let (status, output) = try Self.run(["import", "seeds", "--markdown", "one"], in: dir.url)
        #expect(status == 0, "\(output)")
        let (named, byName) = try Self.run(["import", "--markdown", "each"] + pages.map { "seeds/" + $0 }, in: dir.url)
        #expect(named == 0, "\(byName)")
        #expect(output == byName.replacingOccurrences(of: "each/", with: "one/"))
        for page in pages {
            let md = (page as NSString).deletingPathExtension + ".md"
            #expect(dir.read("one/" + md) != nil && dir.read("one/" + md) == dir.read("each/" + md), "\(md)")
        }
        #expect(dir.files(under: "one").count == 5, "the .md in the folder is not a page")
    }

    @Test("import of a folder with its output and errors in one log: each error is a whole line, in its page's place among the reports")
    func errorsInOrder() throws {
        let dir = try TemporaryDirectory("import-log")
        let pages = dir.file("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        // Ten reports before the broken page: more than the 4 KB a pipe's buffer holds, so
        // that buffered reports and the error went out interleaved mid-line.
        let page = try Fixtures.seed("003").bytes
        for i in 0..<10 { try Data(page).write(to: pages.appendingPathComponent("a\(i).txt")) }
        try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: pages.appendingPathComponent("b.txt"))
        try Data(page).write(to: pages.appendingPathComponent("c.txt"))
        let (status, output) = try Self.run(["import", "pages", "--markdown", "md"], in: dir.url)
        #expect(status != 0)
        let lines = output.components(separatedBy: "\n")
        let error = try #require(lines.firstIndex { $0.contains(": error: ") }, "\(output)")
        #expect(lines[error].hasPrefix("pages/b.txt: error: "), "\(lines[error])")
        #expect(lines.filter { $0.contains(": error: ") }.count == 1)
        #expect(lines.firstIndex(of: "pages/a9.txt").map { $0 < error } == true, "\(output)")
        #expect(lines.firstIndex(of: "pages/c.txt").map { $0 > error } == true, "\(output)")
    }

    @Test("import --keep writes the .md beside the page, and the edited .md wins from then on")
    func keepThenEdit() throws {
        let dir = try TemporaryDirectory("keep")
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("seeds"), to: dir.file("seeds"))
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Templates"), to: dir.file("Templates"))
        let seed = "seeds/003_d00c2f80b039083e"

        let (status, output) = try Self.run(["import", "\(seed).txt", "--keep"], in: dir.url)
        #expect(status == 0, "\(output)")
        #expect(output.contains("title      康巴什区:处处盛开民族团结之花"))
        #expect(output.contains("region     150603 内蒙古自治区 › 鄂尔多斯市 › 康巴什区"))
        let kept = try #require(dir.read("\(seed).md"))

        // A second --keep would overwrite the editor's corrections: it refuses.
        let (again, message) = try Self.run(["import", "\(seed).txt", "--keep"], in: dir.url)
        #expect(again != 0)
        #expect(message.contains("\(seed).md: error: the file already exists, and it wins over \(seed).txt"))

        try kept.replacingOccurrences(of: "title: \"康巴什区:处处盛开民族团结之花\"", with: "title: \"康巴什区：处处盛开民族团结之花（更正）\"")
            .write(to: dir.file("\(seed).md"), atomically: true, encoding: .utf8)
        let (built, log) = try Self.run(["build"], in: dir.url)
        #expect(built == 0, "\(log)")
        let home = try #require(dir.read("public/index.html"))
        #expect(home.contains("康巴什区：处处盛开民族团结之花（更正）"))
        #expect(!home.contains("康巴什区:处处盛开民族团结之花<"))
    }
}

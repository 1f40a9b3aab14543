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
        let scan = try SeedScanner.scan(directory: folder.url, folderName: "seeds")
        #expect(scan.seeds.map(\.path) == ["seeds/a.md", "seeds/b.md", "seeds/c.txt"])
        #expect(scan.seeds.map(\.kind) == [.authored, .authored, .rawPage])
        #expect(scan.seeds.allSatisfy { $0.filePath.hasPrefix(folder.url.path) })
        #expect(scan.diagnostics.map(\.file) == ["seeds/d.docx", "seeds/m.jpg", "seeds/z.pdf"])
    }

    @Test("extensions in any case; a name without one, or with a near miss, is not an article")
    func extensionCase() throws {
        let folder = try TemporaryDirectory("seed-scan-case")
        for name in ["e.MD", "f.Txt", "g.MarkDown", "h.TEXT", "i", "j.mdx", "k.tx", "l.m"] {
            try Data("x".utf8).write(to: folder.file(name))
        }
        let scan = try SeedScanner.scan(directory: folder.url, folderName: "seeds")
        #expect(scan.seeds.map(\.path) == ["seeds/e.MD", "seeds/f.Txt", "seeds/g.MarkDown", "seeds/h.TEXT"])
        #expect(scan.seeds.map(\.kind) == [.authored, .rawPage, .authored, .rawPage])
        #expect(scan.diagnostics.map(\.file) == ["seeds/i", "seeds/j.mdx", "seeds/k.tx", "seeds/l.m"])
    }

    /// Names with dots in their stems sort between a stem's own files (`a.md` < `a.n.txt` <
    /// `a.txt`), and names sharing their first sixteen bytes are told apart past them.
    @Test("stems with dots, and long names alike at the start, each give one seed")
    func dottedStems() throws {
        let folder = try TemporaryDirectory("seed-scan-dots")
        let long = "0123456789abcdef-same-start"
        for name in ["a.md", "a.n.txt", "a.txt", "a.b.md", "a.b.txt", "a-b.txt", long + "-2.txt", long + ".md", long + ".txt", long + "-1.md"] {
            try Data("x".utf8).write(to: folder.file(name))
        }
        let scan = try SeedScanner.scan(directory: folder.url, folderName: "seeds")
        #expect(scan.seeds.map(\.path) == ["seeds/" + long + "-1.md", "seeds/" + long + "-2.txt", "seeds/" + long + ".md",
                                           "seeds/a-b.txt", "seeds/a.b.md", "seeds/a.md", "seeds/a.n.txt"])
        #expect(scan.diagnostics.isEmpty)
    }

    @Test("hashes found more than once are found, whichever slots they share with others")
    func repeatedHashes() {
        // 1 and 1 + 2⁴⁰ share a slot; 0 is the table's empty mark.
        let hashes: [UInt64] = [1, 1 + (1 << 40), 7, 0, 1 + (1 << 40), 9, 0, 0, 7, 7, .max]
        #expect(SeedScanner.repeated(hashes) == Set<UInt64>([1 + (1 << 40), 7, 0]))
        #expect(SeedScanner.repeated([]).isEmpty)
        #expect(SeedScanner.repeated((1...5_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }).isEmpty)
    }

    @Test("a missing seeds folder is one clear error")
    func missingFolder() throws {
        let folder = try TemporaryDirectory("seed-scan")
        #expect(throws: SitegenError.self) { try SeedScanner.scan(directory: folder.file("none"), folderName: "seeds") }
    }
}

@Suite("Keeping the listing of the seeds")
struct SeedListingTests {
    /// `listing`, as though it had been stamped `seconds` after its folder last changed.
    static func stamped(_ listing: SeedListing, after seconds: Double) -> SeedListing {
        var listing = listing
        listing.stampedAt = max(listing.folder.modified, listing.folder.changed) + Int64(seconds * 1e9)
        return listing
    }

    @Test("a folder unchanged since a settled listing is not listed again; the listing comes back from its file as it was")
    func keptWhenUnchanged() throws {
        let folder = try TemporaryDirectory("seed-listing")
        for name in ["b.txt", "b.md", "a.md", "z.pdf", "cafe\u{301}.md", "乌兰牧骑.md"] { try Data("x".utf8).write(to: folder.file(name)) }
        let first = try SeedScanner.list(folder.url, folderName: "seeds", kept: nil)
        #expect(first.listed)
        #expect(first.listing.seeds.map(\.path) == ["seeds/a.md", "seeds/b.md", "seeds/cafe\u{301}.md", "seeds/乌兰牧骑.md"])
        #expect(first.listing.diagnostics.map(\.file) == ["seeds/z.pdf"])
        let settled = Self.stamped(first.listing, after: 3)
        let cache = try TemporaryDirectory("seed-listing-cache")
        try settled.write(to: cache.file("listing.bin"))
        let loaded = try #require(SeedListing.load(from: cache.file("listing.bin")))
        #expect(loaded == settled)
        // Byte for byte: == would take a composed é for the decomposed one.
        #expect(loaded.seeds.map { Array($0.path.utf8) + [0] + Array($0.filePath.utf8) } == settled.seeds.map { Array($0.path.utf8) + [0] + Array($0.filePath.utf8) })
        let second = try SeedScanner.list(folder.url, folderName: "seeds", kept: loaded)
        #expect(!second.listed)
        #expect(second.listing.seeds == first.listing.seeds)
        #expect(second.listing.diagnostics == first.listing.diagnostics)
        #expect(SeedListing.load(from: cache.file("none.bin")) == nil)
    }

    @Test("a file added, removed or renamed, or a listing stamped too soon after a change, gives a new listing")
    func listedAgain() throws {
        let folder = try TemporaryDirectory("seed-listing-changes")
        for name in ["a.md", "b.md"] { try Data("x".utf8).write(to: folder.file(name)) }
        func settledListing() throws -> SeedListing {
            Self.stamped(try SeedScanner.list(folder.url, folderName: "seeds", kept: nil).listing, after: 3)
        }
        func paths(after kept: SeedListing) throws -> [String]? {
            let result = try SeedScanner.list(folder.url, folderName: "seeds", kept: kept)
            return result.listed ? result.listing.seeds.map(\.path) : nil
        }
        var kept = try settledListing()
        try Data("x".utf8).write(to: folder.file("c.md"))
        #expect(try paths(after: kept) == ["seeds/a.md", "seeds/b.md", "seeds/c.md"])
        kept = try settledListing()
        try FileManager.default.removeItem(at: folder.file("a.md"))
        #expect(try paths(after: kept) == ["seeds/b.md", "seeds/c.md"])
        kept = try settledListing()
        try FileManager.default.moveItem(at: folder.file("b.md"), to: folder.file("d.md"))
        #expect(try paths(after: kept) == ["seeds/c.md", "seeds/d.md"])
        // A file added, then the folder's modification time set back as it was: its change
        // time still moved.
        kept = try settledListing()
        try Data("x".utf8).write(to: folder.file("e.md"))
        var times = [timespec(tv_sec: Int(kept.folder.modified / 1_000_000_000), tv_nsec: Int(kept.folder.modified % 1_000_000_000))]
        times.append(times[0])
        #expect(utimensat(AT_FDCWD, folder.url.path, times, 0) == 0)
        #expect(try paths(after: kept) == ["seeds/c.md", "seeds/d.md", "seeds/e.md"])
        // Nothing changed since, but the listing was stamped within the clock's tick of the
        // folder's last change: a name added in that tick would not show in the stamp.
        kept = try SeedScanner.list(folder.url, folderName: "seeds", kept: nil).listing
        #expect(try paths(after: Self.stamped(kept, after: 1.9)) == ["seeds/c.md", "seeds/d.md", "seeds/e.md"])
        #expect(try paths(after: Self.stamped(kept, after: 2.1)) == nil)
        // Another name for the folder, or another folder, is listed afresh.
        #expect(try SeedScanner.list(folder.url, folderName: "other", kept: Self.stamped(kept, after: 3)).listed)
        let elsewhere = try TemporaryDirectory("seed-listing-elsewhere")
        #expect(try SeedScanner.list(elsewhere.url, folderName: "seeds", kept: Self.stamped(kept, after: 3)).listed)
    }

    @Test("a folder with a link in it is listed every time")
    func linksListedAgain() throws {
        let folder = try TemporaryDirectory("seed-listing-link")
        try Data("x".utf8).write(to: folder.file("a.md"))
        try FileManager.default.createSymbolicLink(at: folder.file("b.md"), withDestinationURL: folder.file("a.md"))
        let listing = try SeedScanner.list(folder.url, folderName: "seeds", kept: nil).listing
        #expect(listing.seeds.map(\.path) == ["seeds/a.md", "seeds/b.md"])
        #expect(listing.stampedAt == nil)
        #expect(!listing.isSettled)
        #expect(try SeedScanner.list(folder.url, folderName: "seeds", kept: listing).listed)
    }
}

@Suite("Seed stamps")
struct SeedStampsTests {
    static func state(_ n: Int, size: Int64 = 10, hash: UInt64? = nil, asRecorded: Bool = false, readable: Bool = true) -> ArticleLoader.SeedState {
        ArticleLoader.SeedState(seed: SeedFile(kind: .authored, path: "seeds/\(n).md", filePath: "/p/seeds/\(n).md"),
                                stamp: readable ? FileStamp(size: size, modified: 1, inode: UInt64(n)) : nil,
                                contentHash: readable ? hash ?? UInt64(n) : 0, isAsRecorded: asRecorded)
    }

    @Test("the stamps to record: none when all are as recorded, else the recorded ones with the changes, without seeds gone or unreadable")
    func patched() throws {
        let recorded = ArticleLoader.stamps(of: (1...4).map { Self.state($0) })
        #expect(recorded.count == 4)
        // Nothing changed.
        #expect(ArticleLoader.stamps(of: (1...4).map { Self.state($0, asRecorded: true) }, recorded: recorded) == nil)
        // Stat'ed afresh (a touched file) but found the same: nothing to record either.
        #expect(ArticleLoader.stamps(of: (1...4).map { Self.state($0) }, recorded: recorded) == nil)
        // Seed 2 edited, seed 5 added.
        var states = (1...4).map { Self.state($0, asRecorded: true) }
        states[1] = Self.state(2, size: 11, hash: 22)
        states.append(Self.state(5))
        let edited = try #require(ArticleLoader.stamps(of: states, recorded: recorded))
        #expect(edited == ArticleLoader.stamps(of: states))
        #expect(edited["seeds/2.md"]?.contentHash == 22 && edited.count == 5)
        // Seed 3 gone, seed 4 unreadable: neither is recorded.
        let fewer = [Self.state(1, asRecorded: true), Self.state(2, asRecorded: true), Self.state(4, readable: false)]
        let shrunk = try #require(ArticleLoader.stamps(of: fewer, recorded: recorded))
        #expect(shrunk.paths == ["seeds/1.md", "seeds/2.md"])
        #expect(shrunk == ArticleLoader.stamps(of: fewer))
    }

    @Test("seeds are paired with their stamps in one pass when listed in the order of their bytes, and found all the same when not")
    func positions() throws {
        let names = ["b.md", "a.md", "d.md", "ab.md", "文章.md", "c.txt"]
        let recorded = SeedStamps(names.enumerated().map { i, name in
            ("seeds/" + name, SeedStamps.Entry(stamp: FileStamp(size: Int64(i), modified: 1, inode: 1), contentHash: UInt64(i)))
        })
        #expect(recorded.paths == ["seeds/a.md", "seeds/ab.md", "seeds/b.md", "seeds/c.txt", "seeds/d.md", "seeds/文章.md"])
        let seed = { (name: String) in SeedFile(kind: .authored, path: "seeds/" + name, filePath: "/p/seeds/" + name) }
        // As the scanner lists them (with one new and one gone), then in no order.
        let listed = ["a.md", "aa.md", "ab.md", "b.md", "d.md", "文章.md"].map(seed)
        #expect(recorded.positions(of: listed) == [0, nil, 1, 2, 4, 5])
        let shuffled = ["文章.md", "d.md", "zz.md", "a.md", "c.txt", "b.md"].map(seed)
        #expect(recorded.positions(of: shuffled) == [5, 4, nil, 0, 3, 2])
        #expect(recorded["seeds/c.txt"]?.contentHash == 5 && recorded["seeds/e.md"] == nil)
        #expect(SeedStamps().positions(of: listed) == [nil, nil, nil, nil, nil, nil])

        // Written and read back in that order.
        let dir = try TemporaryDirectory("stamps")
        try recorded.write(to: dir.file("seeds.bin"))
        #expect(SeedStamps.load(from: dir.file("seeds.bin")) == recorded)
        #expect(SeedStamps.load(from: dir.file("none.bin")) == SeedStamps())
        // A file whose paths are out of order (no sitegen writes one) is read into order.
        try BinaryWriter.write(to: dir.file("shuffled.bin")) { writer in
            writer.write(UInt64(0x7365_6564_7374_6D01))
            writer.write(names.count)
            for (i, name) in names.enumerated() {
                writer.write("seeds/" + name)
                for number in [i, 1, 1, i] { writer.write(number) }
            }
        }
        #expect(SeedStamps.load(from: dir.file("shuffled.bin")) == recorded)
    }
}

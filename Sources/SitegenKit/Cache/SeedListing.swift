import Foundation

/// What listing the seeds folder found, kept in the cache so that the next build can take
/// it again rather than list the folder (10,000 names: 7-10 ms, half of it the kernel's,
/// a sixth of a rebuild with nothing changed). Adding, removing or renaming a file in a
/// folder sets its modification and change times; a folder whose stamp is the one taken
/// before it was listed has the same names. Git's untracked cache rests on the same.
///
/// Two things could make an unchanged stamp lie, and neither is trusted:
/// - a change in the same tick of the file system's clock as the stamp (a jiffy on ext4 or
///   tmpfs, two seconds on FAT): a listing is taken again only once its folder's times were
///   two seconds old when it was stamped (`isSettled`), as git treats a "racily clean" file;
/// - a tool setting the modification time back: the change time, which no call sets, is
///   compared too.
struct SeedListing: Sendable, Equatable {
    /// The folder's path as listed, ending in "/", and the names' prefix (`seeds/`).
    var base: String
    var prefix: String
    /// The folder's stamp, taken before it was listed.
    var folder: FolderStamp
    /// When the stamp was taken (nanoseconds since 1970); nil when the listing cannot be
    /// taken again whatever the stamp (a link among the entries, or entries of no type).
    var stampedAt: Int64?
    var seeds: [SeedFile]
    var diagnostics: [Diagnostic]

    /// Whether the folder's times were old enough when stamped that any later change shows
    /// in them.
    var isSettled: Bool {
        guard let stampedAt else { return false }
        return max(folder.modified, folder.changed) < stampedAt - Self.settling
    }

    /// Longer than the coarsest clock of the file systems seeds are kept on (FAT's).
    static let settling: Int64 = 2_000_000_000

    static let fileName = "listing.bin"

    static func load(from url: URL) -> SeedListing? {
        BinaryReader.read(url) { reader in
            guard try reader.uint64() == magic else { throw BinaryReader.Malformed() }
            let base = try reader.string()
            let prefix = try reader.string()
            let folder = FolderStamp(device: try reader.uint64(), inode: try reader.uint64(), size: Int64(try reader.int()),
                                     modified: Int64(try reader.int()), changed: Int64(try reader.int()))
            let stampedAt = try reader.bool() ? Int64(try reader.int()) : nil
            let count = try reader.int()
            guard count >= 0, count <= 1 << 24 else { throw BinaryReader.Malformed() }
            let seeds = try (0..<count).map { _ in
                let kind: SeedFile.Kind = try reader.bool() ? .authored : .rawPage
                let name = try reader.skipBytes()
                return SeedFile(kind: kind, path: reader.string(name, after: prefix), filePath: reader.string(name, after: base))
            }
            let diagnostics = try reader.diagnostics()
            return SeedListing(base: base, prefix: prefix, folder: folder, stampedAt: stampedAt, seeds: seeds, diagnostics: diagnostics)
        }
    }

    func write(to url: URL) throws {
        try BinaryWriter.write(to: url) { writer in
            writer.write(Self.magic)
            writer.write(base)
            writer.write(prefix)
            writer.write(folder.device)
            writer.write(folder.inode)
            writer.write(Int(folder.size))
            writer.write(Int(folder.modified))
            writer.write(Int(folder.changed))
            writer.write(stampedAt != nil)
            if let stampedAt { writer.write(Int(stampedAt)) }
            writer.write(seeds.count)
            for seed in seeds {
                writer.write(seed.kind == .authored)
                writer.write(String(seed.filePath.utf8.dropFirst(base.utf8.count))!)
            }
            writer.write(diagnostics)
        }
    }

    private static let magic: UInt64 = 0x6C69_7374_696E_6701  // "listing" + format 1
}

/// A folder's identity and times, from `fstat` of it open.
struct FolderStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Modification and change times, in nanoseconds since 1970.
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    init?(of descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// The time of day, as the file system's times are taken.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

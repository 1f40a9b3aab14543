import Foundation

/// A folder's entries from one pass of `readdir`: each name with its type as the file
/// system gives it (`DT_DIR`, `DT_REG`, `DT_LNK`…, or `DT_UNKNOWN` when it does not say),
/// `.` and `..` left out. Reading the types off the entries spares a stat per file, which
/// in folders of thousands was most of the time.
enum FolderEntries {
    struct Entry {
        var name: String
        var type: Int32
    }

    /// The entries of the folder at `path` below the open folder `parent` (`AT_FDCWD` for
    /// the working directory), or nil when it cannot be read.
    static func read(_ path: String, in parent: Int32 = AT_FDCWD) -> [Entry]? {
        let descriptor = openat(parent, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        // fdopendir takes the descriptor over: closedir closes it.
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(stream) }
        var entries: [Entry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            entries.append(Entry(name: name, type: Int32(entry.pointee.d_type)))
        }
        return entries
    }
}

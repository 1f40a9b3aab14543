import Foundation
import Synchronization

/// Traditional → Simplified folding (繁→简) for matching, through ICU's
/// `Traditional-Simplified` transform.
///
/// ICU maps these characters one to one, and one call costs about as much as a 6 KB
/// article, so we ask ICU once for the whole CJK block and fold by table after that.
public enum HanFolding {
    /// The text with every Traditional character replaced by its Simplified form.
    /// Anything outside the CJK Unified Ideographs block is left as it is.
    public static func simplified(_ text: String) -> String {
        // Most text is Simplified already: check first, by array lookup, and return it as is.
        guard text.unicodeScalars.contains(where: { simplified($0) != $0 }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.map { simplified($0) })
        return String(scalars)
    }

    /// One character folded, by array lookup (the table covers U+4E00–U+9FFF only).
    @inline(__always)
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard value >= 0x4E00, value <= 0x9FFF else { return scalar }
        return Unicode.Scalar(ideographs[Int(value - 0x4E00)])!
    }

    /// Builds the table now, so that a build can have it made on another core before its
    /// first use. ICU's transform over the 20,992 characters takes 18 ms, which a rebuild
    /// after an edit waited for; so the characters it changes are kept in `folder` (the
    /// build's cache) and read from there by later runs of the same sitegen, ICU's and all.
    static func prepare(keptIn folder: URL) {
        let file = folder.appendingPathComponent(keptFileName)
        keptIn.withLock { if $0 == nil { $0 = file } }
        _ = ideographs.count
        // Made before a build said where to keep it (by another build in this process, or
        // without one): kept now, so that every build's cache has it.
        if !FileManager.default.fileExists(atPath: file.path) { try? writeKept(table, to: file) }
    }

    static let keptFileName = "han-folding.bin"
    private static let keptIn = Mutex<URL?>(nil)

    private static let ideographs: [UInt32] = {
        let file = keptIn.withLock { $0 }
        let changed = file.flatMap(readKept) ?? {
            let made = askICU()
            if let file { try? writeKept(made, to: file) }
            return made
        }()
        var ideographs = (0x4E00...0x9FFF).map { UInt32($0) }
        for (traditional, simplified) in changed { ideographs[Int(traditional.value - 0x4E00)] = simplified.value }
        return ideographs
    }()

    /// Only the characters whose Simplified form differs (about 2,700 of the 20,992), in order.
    static var table: [(traditional: Unicode.Scalar, simplified: Unicode.Scalar)] {
        ideographs.indices.compactMap { i in
            let value = UInt32(0x4E00 + i)
            return ideographs[i] == value ? nil : (Unicode.Scalar(value)!, Unicode.Scalar(ideographs[i])!)
        }
    }

    /// The characters ICU's `Traditional-Simplified` changes, each with what it makes of it.
    static func askICU() -> [(Unicode.Scalar, Unicode.Scalar)] {
        var all = String.UnicodeScalarView()
        for value in 0x4E00...0x9FFF { all.append(Unicode.Scalar(UInt32(value))!) }
        let source = String(all)
        guard let folded = source.applyingTransform(StringTransform("Traditional-Simplified"), reverse: false)
        else { return [] }
        let before = Array(source.unicodeScalars), after = Array(folded.unicodeScalars)
        // Should ICU ever map a character to several, fall back to no folding rather than misalign.
        guard before.count == after.count else { return [] }
        return zip(before, after).filter { $0 != $1 }
    }

    /// The table kept by `writeKept`; nil when it is missing, damaged, or kept by another sitegen.
    static func readKept(_ file: URL) -> [(Unicode.Scalar, Unicode.Scalar)]? {
        BinaryReader.read(file) { reader in
            guard try reader.uint64() == keptMagic, try reader.uint64() == GeneratorStamp.current else { throw BinaryReader.Malformed() }
            return try (0..<max(0, try reader.int())).map { _ in
                guard let traditional = Unicode.Scalar(UInt32(clamping: try reader.int())), (0x4E00...0x9FFF).contains(traditional.value),
                      let simplified = Unicode.Scalar(UInt32(clamping: try reader.int()))
                else { throw BinaryReader.Malformed() }
                return (traditional, simplified)
            }
        }
    }

    static func writeKept(_ changed: [(Unicode.Scalar, Unicode.Scalar)], to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try BinaryWriter.write(to: file) { writer in
            writer.write(keptMagic)
            writer.write(GeneratorStamp.current)
            writer.write(changed.count)
            for (traditional, simplified) in changed {
                writer.write(Int(traditional.value))
                writer.write(Int(simplified.value))
            }
        }
    }

    static let keptMagic: UInt64 = 0x6861_6E66_6F6C_6401  // "hanfold" + format 1
}

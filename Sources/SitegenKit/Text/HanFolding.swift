import Foundation

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

    /// Builds the table now (ICU's transform over 20,992 characters: 20 ms), so that a
    /// build can have it made on another core before its first use.
    static func prepare() { _ = ideographs.count }

    private static let ideographs: [UInt32] = (0x4E00...0x9FFF).map { value in
        table[Unicode.Scalar(UInt32(value))!]?.value ?? UInt32(value)
    }

    /// Only the characters whose Simplified form differs (about 2,700 of the 20,992).
    static let table: [Unicode.Scalar: Unicode.Scalar] = {
        let range = 0x4E00...0x9FFF
        var all = String.UnicodeScalarView()
        for value in range { all.append(Unicode.Scalar(UInt32(value))!) }
        let source = String(all)
        guard let folded = source.applyingTransform(StringTransform("Traditional-Simplified"), reverse: false)
        else { return [:] }
        let before = Array(source.unicodeScalars), after = Array(folded.unicodeScalars)
        // Should ICU ever map a character to several, fall back to no folding rather than misalign.
        guard before.count == after.count else { return [:] }
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (b, a) in zip(before, after) where b != a { table[b] = a }
        return table
    }()
}

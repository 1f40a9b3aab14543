import CLibdeflate

/// Raw DEFLATE (RFC 1951) through libdeflate: the search index is stored compressed, and
/// the browser inflates it with `DecompressionStream('deflate-raw')`. Without gzip's
/// header and trailer, 18 bytes a file (250 KB of the 10,000-article index); the same
/// bytes in give the same bytes out.
///
/// libdeflate rather than zlib: on the 10,000-article index, at the same level, it takes
/// half the time (1.1 s against 2.2 s of one core) for 1.7 % fewer bytes.
public enum Deflate {
    /// Level 6: level 9 takes more than twice as long for 0.1 % fewer bytes.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(level) else {
            preconditionFailure("libdeflate could not allocate a compressor")
        }
        defer { libdeflate_free_compressor(compressor) }
        var out = [UInt8](repeating: 0, count: libdeflate_deflate_compress_bound(compressor, bytes.count))
        let written = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, output.count)
            }
        }
        // The bound is enough for any input: 0 (no room) cannot happen.
        precondition(written > 0 || bytes.isEmpty, "libdeflate: output buffer smaller than its bound")
        out.removeLast(out.count - written)
        return out
    }

    /// The bytes of a DEFLATE stream, or nil when they are not one (or are cut short).
    public static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        // The size is not stored: try a likely one, and grow until the stream fits.
        var capacity = max(4096, bytes.count * 4)
        while capacity <= 1 << 30 {
            var out = [UInt8](repeating: 0, count: capacity)
            var produced = 0
            let result = bytes.withUnsafeBytes { input in
                out.withUnsafeMutableBytes { output in
                    libdeflate_deflate_decompress(decompressor, input.baseAddress, input.count, output.baseAddress, output.count, &produced)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                out.removeLast(out.count - produced)
                return out
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                capacity *= 4
            default:
                return nil
            }
        }
        return nil
    }
}

import Foundation

/// Replaces a file so that a reader sees the old bytes or the new, never part of them:
/// written beside it under a unique temporary name, then renamed over it. Unlike
/// `Data.write(options: .atomic)` it does not `fsync`: the intermediates it writes can be
/// made again from their seeds at any time, and waiting for the disk on each of 10,000
/// of them was a tenth of an import.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws {
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        // The name mkstemp chose, without the closing NUL.
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do {
            defer { close(descriptor) }
            // mkstemp makes the file private; an intermediate is as readable as any file.
            guard fchmod(descriptor, 0o644) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            try writeAll(bytes, to: descriptor)
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes every byte to an open file, however many calls it takes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += n
            }
        }
    }
}

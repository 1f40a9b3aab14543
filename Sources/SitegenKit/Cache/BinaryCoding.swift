import Foundation

/// The build cache's file format: little-endian integers and length-prefixed UTF-8
/// strings, written and read in a fixed order. Much faster than JSON for tens of
/// thousands of articles, and the cache is ours alone to read.
struct BinaryWriter {
    private var bytes: [UInt8] = []
    /// Where full buffers go, so a large cache is never held whole; nil for a writer
    /// that keeps its bytes (`bytes(_:)`).
    private let sink: FileHandle?
    /// Where in the file the buffer starts.
    private var flushed: Int

    private init(sink: FileHandle?, at offset: Int = 0) {
        self.sink = sink
        flushed = offset
    }

    /// What `body` writes, as bytes in memory: a part of a file written apart from it
    /// (on another core) and then added whole (`write(raw:)`).
    static func bytes(_ body: (inout BinaryWriter) throws -> Void) rethrows -> [UInt8] {
        var writer = BinaryWriter(sink: nil)
        try body(&writer)
        return writer.bytes
    }

    /// Where in the file the next byte written goes (for a writer of `bytes(_:)`, where in
    /// its bytes).
    var position: Int { flushed + bytes.count }

    /// Writes a file through a writer, in 1 MB pieces, into place atomically (a
    /// temporary file renamed over the old one).
    static func write(to url: URL, _ body: (inout BinaryWriter) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            var writer = BinaryWriter(sink: try FileHandle(forWritingTo: temporary))
            try body(&writer)
            try writer.flush()
            try writer.sink?.close()
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Adds to the end of the file at `url` through a writer. Not atomic: a build killed
    /// meanwhile leaves a file cut short, which the reader then finds malformed.
    static func append(to url: URL, _ body: (inout BinaryWriter) throws -> Void) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var writer = BinaryWriter(sink: handle, at: Int(try handle.seekToEnd()))
        try body(&writer)
        try writer.flush()
    }

    private mutating func flush() throws {
        guard let sink, !bytes.isEmpty else { return }
        try sink.write(contentsOf: bytes)
        flushed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands a full buffer to the file.
    private mutating func spill() {
        if sink != nil, bytes.count >= 1 << 20 { try? flush() }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        spill()
    }

    /// Bytes alone, not counted: whoever reads them knows where they are and how many.
    mutating func write(raw: [UInt8]) {
        bytes += raw
        spill()
    }

    mutating func write(_ string: String?) {
        write(string != nil)
        if let string { write(string) }
    }

    mutating func write(_ diagnostics: [Diagnostic]) {
        write(diagnostics.count)
        for d in diagnostics {
            write(d.file)
            write(d.line ?? -1)
            write(d.severity == .error)
            write(d.message)
            write(d.fix)
        }
    }

    mutating func write(_ strings: [String]) {
        write(strings.count)
        for string in strings { write(string) }
    }

    mutating func write(_ numbers: [Int]) {
        write(numbers.count)
        for number in numbers { write(number) }
    }
}

/// Reads what `BinaryWriter` wrote. Any inconsistency (a truncated or foreign file)
/// throws, and the caller treats the cache as empty.
///
/// Sendable, though it holds a pointer: it reads the mapped file, which nothing writes,
/// and only inside `read`'s body, which waits for all its parts (`part(_:)`) to be read.
struct BinaryReader: @unchecked Sendable {
    struct Malformed: Error {}

    /// The whole file: spans (`span()`) lie anywhere in it.
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// Where this reader's part of the file ends (`part(_:)`); the file's end otherwise.
    private let end: Int

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        end = bytes.count
    }

    private init(_ bytes: UnsafeRawBufferPointer, from offset: Int, to end: Int) {
        self.bytes = bytes
        self.offset = offset
        self.end = end
    }

    /// A reader of `count` bytes at `offset` only (from `skipBytes()`), which can be read
    /// apart from this one, on another core.
    func part(_ part: (offset: Int, count: Int)) -> BinaryReader {
        BinaryReader(bytes, from: part.offset, to: part.offset + part.count)
    }

    /// Reads the file at `url` (mapped, not copied) with `body`; nil when the file is
    /// missing or `body` finds it malformed or not read to its end.
    static func read<T>(_ url: URL, _ body: (inout BinaryReader) throws -> T) -> T? {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        return read(data, body)
    }

    /// Reads `data` with `body`; nil when `body` finds it malformed or not read to its end.
    static func read<T>(_ data: Data, _ body: (inout BinaryReader) throws -> T) -> T? {
        data.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            guard let value = try? body(&reader), reader.isAtEnd else { return nil }
            return value
        }
    }

    var isAtEnd: Bool { offset == end }

    /// Skips a count and that many bytes (as a string is written), and says where the
    /// bytes are in the file: their offset and count.
    mutating func skipBytes() throws -> (offset: Int, count: Int) {
        let count = try int()
        guard count >= 0, offset + count <= end else { throw Malformed() }
        defer { offset += count }
        return (offset, count)
    }

    /// An offset and a count (`BinaryWriter.position` and a count of bytes written there),
    /// checked to lie inside the file.
    mutating func span() throws -> (offset: Int, count: Int) {
        let (offset, count) = (try int(), try int())
        guard offset >= 0, count >= 0, count <= bytes.count, offset <= bytes.count - count else { throw Malformed() }
        return (offset, count)
    }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= end else { throw Malformed() }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }

    mutating func bool() throws -> Bool {
        guard offset < end else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] != 0
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, offset + count <= end else { throw Malformed() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    /// The bytes at `span` (from `skipBytes()`) as a string with `prefix` before them, made
    /// in one allocation, not as a string and then a concatenation: a kept listing of the
    /// seeds (`SeedListing`) makes two such paths for each of its 10,000 names, 1.4 ms of
    /// CPU less so in a rebuild with nothing changed.
    func string(_ span: (offset: Int, count: Int), after prefix: String) -> String {
        var prefix = prefix
        return prefix.withUTF8 { head in
            String(unsafeUninitializedCapacity: head.count + span.count) { buffer in
                let raw = UnsafeMutableRawBufferPointer(buffer)
                raw.copyMemory(from: UnsafeRawBufferPointer(head))
                UnsafeMutableRawBufferPointer(rebasing: raw[head.count...]).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[span.offset..<span.offset + span.count]))
                return head.count + span.count
            }
        }
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func diagnostics() throws -> [Diagnostic] {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        return try (0..<count).map { _ in
            let file = try string()
            let line = try int()
            let severity: Diagnostic.Severity = try bool() ? .error : .warning
            return Diagnostic(file: file, line: line < 0 ? nil : line, severity: severity, message: try string(), fix: try string())
        }
    }

    mutating func strings() throws -> [String] {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        return try (0..<count).map { _ in try string() }
    }

    mutating func ints() throws -> [Int] {
        let count = try int()
        guard count >= 0, count <= (end - offset) / 8 else { throw Malformed() }
        return try (0..<count).map { _ in try int() }
    }
}

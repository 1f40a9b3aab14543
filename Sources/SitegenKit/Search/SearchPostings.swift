/// The articles a term occurs in, with its positions in each, and how they are stored:
/// LEB128 varints in columns, which compress better than one interleaved stream:
///
///     documents   the number of articles, then each article's gap from the previous
///     counts      for each article, how many positions it has, less one
///     firsts      each article's first position, the first byte of each varint here
///     (more)      and the bytes that follow it there (2 % smaller compressed)
///     gaps        for each article, the gaps between its positions
///
/// `search.js` decodes the same bytes.
public struct SearchPostings: Sendable, Equatable {
    public var documents: [Int32] = []
    /// Where each document's positions end in `positions`.
    public var ends: [Int32] = []
    public var positions: [Int32] = []

    public func positions(of row: Int) -> ArraySlice<Int32> {
        positions[(row == 0 ? 0 : Int(ends[row - 1]))..<Int(ends[row])]
    }

    public init(decoding bytes: [UInt8]) {
        var reader = VarintReader(bytes)
        let count = reader.next()
        documents.reserveCapacity(count)
        var document = 0
        for _ in 0..<count {
            document += reader.next()
            documents.append(Int32(document))
        }
        var end = 0
        for _ in 0..<count {
            end += reader.next() + 1
            ends.append(Int32(end))
        }
        positions = [Int32](repeating: 0, count: end)
        // Firsts: one byte each in the first column, their continuations in the second.
        var more = VarintReader(bytes, at: reader.at + count)
        for row in 0..<count {
            let byte = reader.bytes.indices.contains(reader.at) ? reader.bytes[reader.at] : 0
            reader.at += 1
            var value = Int(byte & 0x7F)
            if byte & 0x80 != 0 { value |= more.next() << 7 }
            positions[row == 0 ? 0 : Int(ends[row - 1])] = Int32(truncatingIfNeeded: value)
        }
        reader.at = more.at
        for row in 0..<count {
            let start = row == 0 ? 0 : Int(ends[row - 1])
            var position = Int(positions[start])
            for k in (start + 1)..<max(start + 1, Int(ends[row])) {
                position += reader.next()
                positions[k] = Int32(truncatingIfNeeded: position)
            }
        }
    }

    /// Encoded postings cut before a document: where each column's bytes for the rows
    /// before it are, and the rows from it on, decoded. A patch keeps the first as they are
    /// and encodes the others again (`Builder.payload(after:)`).
    struct Columns {
        /// The rows before the cut, and the last document of them (0 when none).
        var count = 0
        var lastDocument = 0
        var documents, counts, firsts, more, gaps: Range<Int>
        /// The rows from the cut on: each document with its positions.
        var rest: [(document: Int, positions: [UInt32])] = []

        /// Nil when the bytes end before the columns do (a damaged file).
        init?(of bytes: [UInt8], before cut: Int = .max) {
            var reader = VarintReader(bytes)
            let total = reader.next()
            // Each row takes a byte or more in each column, each position one in `gaps`:
            // a count past the bytes is a damaged file, not a reason to allocate.
            guard total <= bytes.count else { return nil }
            let documentsStart = reader.at
            var documentsEnd = reader.at
            var document = 0
            for row in 0..<total {
                document += reader.next()
                if document < cut {
                    (count, lastDocument, documentsEnd) = (row + 1, document, reader.at)
                } else {
                    rest.append((document, []))
                }
            }
            // How many positions the rows before the cut have, and each later row's.
            let countsStart = reader.at
            var countsEnd = reader.at
            var positionsBefore = 0
            var restCounts: [Int] = []
            for row in 0..<total {
                let positions = reader.next() + 1
                guard positions <= bytes.count else { return nil }
                if row < count {
                    positionsBefore += positions
                    countsEnd = reader.at
                } else {
                    restCounts.append(positions)
                }
            }
            let firstsStart = reader.at
            guard firstsStart + total <= bytes.count else { return nil }
            // A first position of 128 or more goes on in the next column.
            var more = VarintReader(bytes, at: firstsStart + total)
            for byte in bytes[firstsStart..<(firstsStart + count)] where byte & 0x80 != 0 { _ = more.next() }
            let moreEnd = more.at
            for (i, byte) in bytes[(firstsStart + count)..<(firstsStart + total)].enumerated() {
                rest[i].positions.append(UInt32(byte & 0x7F) | (byte & 0x80 != 0 ? UInt32(truncatingIfNeeded: more.next()) << 7 : 0))
            }
            var gapReader = VarintReader(bytes, at: more.at)
            let gapsStart = gapReader.at
            for _ in 0..<(positionsBefore - count) { _ = gapReader.next() }
            let gapsEnd = gapReader.at
            for i in rest.indices {
                var position = rest[i].positions[0]
                rest[i].positions.reserveCapacity(restCounts[i])
                for _ in 1..<restCounts[i] {
                    position &+= UInt32(truncatingIfNeeded: gapReader.next())
                    rest[i].positions.append(position)
                }
            }
            guard gapReader.at <= bytes.count, more.at <= bytes.count else { return nil }
            (documents, counts, firsts) = (documentsStart..<documentsEnd, countsStart..<countsEnd, firstsStart..<(firstsStart + count))
            (self.more, gaps) = ((firstsStart + total)..<moreEnd, gapsStart..<gapsEnd)
        }
    }

    /// Appends documents in increasing order and writes the three columns.
    struct Builder {
        private var count = 0
        private var lastDocument = 0
        private var documents: [UInt8] = []
        private var counts: [UInt8] = []
        private var firsts: [UInt8] = []
        private var more: [UInt8] = []
        private var gaps: [UInt8] = []

        init() {}

        /// Rows to go after those of `encoded`, whose last document is `columns.lastDocument`
        /// (`payload(after:)` puts them there).
        init(after columns: Columns) {
            lastDocument = columns.lastDocument
        }

        mutating func add(document: Int, positions list: ArraySlice<UInt32>) {
            Varint.append(document - lastDocument, to: &documents)
            lastDocument = document
            count += 1
            Varint.append(list.count - 1, to: &counts)
            var previous = list.first!
            if previous < 0x80 {
                firsts.append(UInt8(previous))
            } else {
                firsts.append(UInt8(previous & 0x7F) | 0x80)
                Varint.append(Int(previous >> 7), to: &more)
            }
            for position in list.dropFirst() {
                Varint.append(Int(position &- previous), to: &gaps)
                previous = position
            }
        }

        /// The rows of `encoded` before its cut (`columns`), then this builder's: each
        /// column is `encoded`'s bytes for those rows as they are, with this one's at their
        /// end, which is what building all the rows in one builder gives.
        func payload(after encoded: [UInt8], _ columns: Columns) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(encoded.count + documents.count + counts.count + firsts.count + more.count + gaps.count + 5)
            Varint.append(columns.count + count, to: &out)
            out += encoded[columns.documents]
            out += documents
            out += encoded[columns.counts]
            out += counts
            out += encoded[columns.firsts]
            out += firsts
            out += encoded[columns.more]
            out += more
            out += encoded[columns.gaps]
            out += gaps
            return out
        }

        var payload: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(documents.count + counts.count + firsts.count + more.count + gaps.count + 5)
            Varint.append(count, to: &out)
            out += documents
            out += counts
            out += firsts
            out += more
            out += gaps
            return out
        }
    }
}

/// LEB128: seven bits a byte, low bits first, the top bit set on all but the last.
enum Varint {
    @inline(__always)
    static func append(_ value: Int, to out: inout [UInt8]) {
        var v = UInt64(value)
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

/// Reads varints; past the end (a damaged file) it reads zeros rather than trapping.
struct VarintReader {
    let bytes: [UInt8]
    var at = 0

    init(_ bytes: [UInt8], at: Int = 0) {
        self.bytes = bytes
        self.at = at
    }

    var isAtEnd: Bool { at >= bytes.count }

    mutating func next() -> Int {
        Int(truncatingIfNeeded: min(nextWide(), UInt64(Int32.max)))
    }

    /// The next varint, unclamped.
    mutating func nextWide() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            if shift < 64 { value |= UInt64(byte & 0x7F) << shift }
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return value
    }

    mutating func bytes(_ n: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, at + max(0, n))
        defer { at = end }
        return bytes[at..<end]
    }
}

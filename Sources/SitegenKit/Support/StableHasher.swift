/// A 64-bit hash that is the same in every process and on every run, for the build
/// cache: what a file, an article or a page's content was last time. (Swift's `Hasher`
/// is seeded anew in each process, so its values cannot be stored.)
///
/// Eight bytes at a time with a multiply-rotate round and a final avalanche; not
/// cryptographic, but any edit changes the value with near certainty.
struct StableHasher {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    init() {}

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail ^ (UInt64(bytes.count & 7) << 56))
        length &+= UInt64(bytes.count)
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// A string's UTF-8 bytes, with their length, so that ("ab", "c") and ("a", "bc") differ.
    mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ value: UInt64) {
        mix(value)
        length &+= 8
    }

    mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    private mutating func mix(_ word: UInt64) {
        state = ((state ^ (word &* 0x87C3_7B91_1142_53D5)) << 31 | (state ^ (word &* 0x87C3_7B91_1142_53D5)) >> 33) &* 0x4CF5_AD43_2745_937F
    }

    func finalize() -> UInt64 {
        var h = state ^ length
        h ^= h >> 33
        h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    static func hash(_ string: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(string)
        return hasher.finalize()
    }
}

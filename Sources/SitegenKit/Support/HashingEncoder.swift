/// Hashes an `Encodable` value: every key, value and nesting step goes into a
/// `StableHasher`. Two values that encode the same hash the same, in any process.
///
/// The build uses it on page contexts: a page whose context hashes as last time (and
/// whose template is unchanged) would render to the same bytes, so it is not rendered.
final class HashingEncoder: Encoder {
    private var hasher = StableHasher()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func hash<T: Encodable>(_ value: T, seed: UInt64 = 0) -> UInt64 {
        let encoder = HashingEncoder()
        encoder.hasher.combine(seed)
        try? value.encode(to: encoder)  // Nothing here throws.
        return encoder.hasher.finalize()
    }

    fileprivate func mark(_ tag: UInt64) { hasher.combine(tag) }
    fileprivate func add(_ string: String) { hasher.combine(string) }
    fileprivate func add(_ value: UInt64) { hasher.combine(value) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        mark(0xC0)
        return KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        mark(0xC1)
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: HashingEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) { encoder.add(key.stringValue); encoder.mark(0xE0) }
        mutating func encode(_ value: Bool, forKey key: Key) { encoder.add(key.stringValue); encoder.add(value ? 0xB1 : 0xB0) }
        mutating func encode(_ value: String, forKey key: Key) { encoder.add(key.stringValue); encoder.add(value) }
        mutating func encode(_ value: Int, forKey key: Key) { encoder.add(key.stringValue); encoder.add(UInt64(bitPattern: Int64(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.add(key.stringValue)
            try value.encode(to: encoder)
        }
        // Optionals: encodeIfPresent skips nil, which would let two contexts differing
        // only by a missing field hash the same; mark the absence instead.
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
            if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
            if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.add(key.stringValue)
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder.add(key.stringValue)
            return encoder.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.add(key.stringValue); return encoder }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: HashingEncoder
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(encoder: HashingEncoder) { self.encoder = encoder }

        mutating func encodeNil() { count += 1; encoder.mark(0xE0) }
        mutating func encode(_ value: String) { count += 1; encoder.add(value) }
        mutating func encode(_ value: Int) { count += 1; encoder.add(UInt64(bitPattern: Int64(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            encoder.mark(0xD0)
            try value.encode(to: encoder)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            return encoder.unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { encoder }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: HashingEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { encoder.mark(0xE0) }
        mutating func encode(_ value: Bool) { encoder.add(value ? 0xB1 : 0xB0) }
        mutating func encode(_ value: String) { encoder.add(value) }
        mutating func encode(_ value: Double) { encoder.add(value.bitPattern) }
        mutating func encode(_ value: Float) { encoder.add(UInt64(value.bitPattern)) }
        mutating func encode(_ value: Int) { encoder.add(UInt64(bitPattern: Int64(value))) }
        mutating func encode(_ value: Int8) { encode(Int(value)) }
        mutating func encode(_ value: Int16) { encode(Int(value)) }
        mutating func encode(_ value: Int32) { encode(Int(value)) }
        mutating func encode(_ value: Int64) { encode(Int(value)) }
        mutating func encode(_ value: UInt) { encoder.add(UInt64(value)) }
        mutating func encode(_ value: UInt8) { encoder.add(UInt64(value)) }
        mutating func encode(_ value: UInt16) { encoder.add(UInt64(value)) }
        mutating func encode(_ value: UInt32) { encoder.add(UInt64(value)) }
        mutating func encode(_ value: UInt64) { encoder.add(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try value.encode(to: encoder) }
    }
}

/// 行政区划代码: a six-digit GB/T 2260 division code.
public struct RegionCode: Sendable, Hashable, Encodable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts exactly six ASCII digits.
    public init?(_ text: String) {
        guard text.utf8.count == 6, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    /// 省级, 地级 or 县级, read off the code: `62 00 00`, `62 09 00`, `62 09 21`.
    public var level: RegionLevel {
        // On the UTF-8 view, without an array: the index and the gazetteer ask this of
        // every article and division.
        if rawValue.utf8.dropFirst(2).allSatisfy({ $0 == 48 }) { return .province }
        if rawValue.utf8.dropFirst(4).allSatisfy({ $0 == 48 }) { return .city }
        return .county
    }

    /// The province this code lies in (`620000` for `620121`).
    public var provinceCode: RegionCode { keeping(2) }

    /// The prefecture-level code (`620100` for `620121`), whether or not such a division exists.
    public var cityCode: RegionCode { keeping(4) }

    /// The code with all but its first `digits` digits zero: six ASCII digits still.
    private func keeping(_ digits: Int) -> RegionCode {
        RegionCode(digits: String(unsafeUninitializedCapacity: 6) { buffer in
            for (i, byte) in rawValue.utf8.enumerated() { buffer[i] = i < digits ? byte : 48 }
            return 6
        })
    }

    private init(digits: String) { rawValue = digits }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The three levels of the division hierarchy that the site browses by.
public enum RegionLevel: Int, Sendable, Comparable {
    case province = 1, city, county

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

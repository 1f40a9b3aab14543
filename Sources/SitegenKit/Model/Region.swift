/// 行政区划: one division of China, as the gazetteer lists it.
public struct Region: Sendable, Hashable {
    public var code: RegionCode
    public var name: String
    /// The nearest division above it that the table has: a county's city, or its
    /// province where the province runs it directly (municipalities' districts, 仙桃市).
    public var parent: RegionCode?

    public var level: RegionLevel { code.level }

    public init(code: RegionCode, name: String, parent: RegionCode?) {
        self.code = code
        self.name = name
        self.parent = parent
    }
}

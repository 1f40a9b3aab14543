import Foundation

/// What the last build's site index worked out from its articles (`SiteIndex.Derived`),
/// with the key of what it was worked out from. After an edit that leaves every article's
/// date, origin, region, campaigns and mentions as they were (a body or a title edited),
/// the index is taken from here rather than worked out again: at 50,000 articles that was
/// a sixth of the rebuild.
enum IndexCache {
    static let fileName = "index.bin"

    /// The derived index kept, with the key of the articles it was worked out from (a build
    /// reads it beside the import, before it knows its own articles' key); nil when there is
    /// none, or the file is damaged or was written by another sitegen.
    static func load(from url: URL, gazetteer: Gazetteer, generator: UInt64 = GeneratorStamp.current) -> (key: UInt64, derived: SiteIndex.Derived)? {
        BinaryReader.read(url) { reader -> (key: UInt64, derived: SiteIndex.Derived) in
            guard try reader.uint64() == magic, try reader.uint64() == generator else { throw BinaryReader.Malformed() }
            let key = try reader.uint64()
            var nodes: [RegionCode: RegionTree.Node] = [:]
            for _ in 0..<max(0, try reader.int()) {
                guard let code = RegionCode(try reader.string()), let region = gazetteer.region(code) else { throw BinaryReader.Malformed() }
                var node = RegionTree.Node(region: region, children: try codes(&reader), own: try reader.ints(), all: try reader.ints())
                node.topCampaigns = try (0..<max(0, try reader.int())).map { _ in
                    RegionTree.CampaignCount(name: try reader.string(), count: try reader.int())
                }
                nodes[code] = node
            }
            let regions = RegionTree(nodes: nodes, roots: try codes(&reader))
            let campaigns = try (0..<max(0, try reader.int())).map { _ -> Campaign in
                let name = try reader.string()
                guard let slug = Slug(try reader.string()) else { throw BinaryReader.Malformed() }
                return Campaign(name: name, slug: slug, articles: try reader.ints(), mentioned: try reader.ints(), regions: try codes(&reader))
            }
            let years = try (0..<max(0, try reader.int())).map { _ -> Timeline.Year in
                let year = try reader.int()
                return Timeline.Year(year: year, months: try (0..<max(0, try reader.int())).map { _ in
                    Timeline.Month(month: try reader.int(), articles: try reader.ints())
                })
            }
            let related = try (0..<max(0, try reader.int())).map { _ in try reader.ints() }
            return (key, SiteIndex.Derived(regions: regions, campaigns: campaigns, timeline: Timeline(years: years), related: related))
        }
    }

    static func write(_ derived: SiteIndex.Derived, key: UInt64, to url: URL, generator: UInt64 = GeneratorStamp.current) throws {
        try BinaryWriter.write(to: url) { writer in
            writer.write(magic)
            writer.write(generator)
            writer.write(key)
            let nodes = derived.regions.nodes.sorted { $0.key.rawValue < $1.key.rawValue }
            writer.write(nodes.count)
            for (code, node) in nodes {
                writer.write(code.rawValue)
                writer.write(node.children.map(\.rawValue))
                writer.write(node.own)
                writer.write(node.all)
                writer.write(node.topCampaigns.count)
                for top in node.topCampaigns {
                    writer.write(top.name)
                    writer.write(top.count)
                }
            }
            writer.write(derived.regions.roots.map(\.rawValue))
            writer.write(derived.campaigns.count)
            for campaign in derived.campaigns {
                writer.write(campaign.name)
                writer.write(campaign.slug.rawValue)
                writer.write(campaign.articles)
                writer.write(campaign.mentioned)
                writer.write(campaign.regions.map(\.rawValue))
            }
            writer.write(derived.timeline.years.count)
            for year in derived.timeline.years {
                writer.write(year.year)
                writer.write(year.months.count)
                for month in year.months {
                    writer.write(month.month)
                    writer.write(month.articles)
                }
            }
            writer.write(derived.related.count)
            for list in derived.related { writer.write(list) }
        }
    }

    private static func codes(_ reader: inout BinaryReader) throws -> [RegionCode] {
        try reader.strings().map { guard let code = RegionCode($0) else { throw BinaryReader.Malformed() }; return code }
    }

    private static let magic: UInt64 = 0x696E_6465_7869_6E01  // "indexin" + format 1
}

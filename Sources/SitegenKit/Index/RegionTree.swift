/// The divisions that have articles, with their ancestors, as a tree: a province's page
/// gathers its cities' and counties' articles.
public struct RegionTree: Sendable {
    public struct Node: Sendable, Equatable {
        public var region: Region
        /// Child divisions that have articles, by code.
        public var children: [RegionCode]
        /// Articles about this division itself, newest first.
        public var own: [Int]
        /// Articles about it or anything inside it, newest first.
        public var all: [Int]
        /// The campaigns its articles run most, most first (then by name), at most
        /// `topCampaignCount`: the same on every page of the region, so counted once.
        public var topCampaigns: [CampaignCount] = []
    }

    public struct CampaignCount: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    public static let topCampaignCount = 12

    public private(set) var nodes: [RegionCode: Node] = [:]
    /// Provinces with articles, by code.
    public private(set) var roots: [RegionCode] = []

    /// `articles` newest first.
    init(articles: [Article], gazetteer: Gazetteer) {
        var children: [RegionCode: Set<RegionCode>] = [:]
        for (index, article) in articles.enumerated() {
            guard let code = article.region else { continue }
            let chain = gazetteer.chain(to: code)
            guard let leaf = chain.last else { continue }
            for (depth, region) in chain.enumerated() {
                nodes[region.code, default: Node(region: region, children: [], own: [], all: [])].all.append(index)
                if depth > 0 { children[chain[depth - 1].code, default: []].insert(region.code) }
            }
            nodes[leaf.code]?.own.append(index)
        }
        for (code, kids) in children { nodes[code]?.children = kids.sorted() }
        for (code, node) in nodes {
            var counts: [String: Int] = [:]
            for i in node.all { for name in articles[i].campaigns { counts[name, default: 0] += 1 } }
            nodes[code]?.topCampaigns = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(Self.topCampaignCount).map { CampaignCount(name: $0.key, count: $0.value) }
        }
        roots = nodes.values.filter { $0.region.parent == nil }.map(\.region.code).sorted()
    }

    public subscript(code: RegionCode) -> Node? { nodes[code] }

    /// Province first, down to `code`, using only divisions in the tree.
    public func chain(to code: RegionCode) -> [Region] {
        var chain: [Region] = []
        var current = nodes[code]?.region
        while let region = current {
            chain.insert(region, at: 0)
            current = region.parent.flatMap { nodes[$0]?.region }
        }
        return chain
    }
}

/// The divisions that have articles, with their ancestors, as a tree: a province's page
/// gathers its cities' and counties' articles.
public struct RegionTree: Sendable, Equatable {
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
        // Campaigns counted by number: by name, each Chinese name was hashed again for
        // every division it was counted in (a fifth of the index after an edit).
        var numbers: [String: Int] = [:]
        var names: [String] = []
        let campaignsOf = articles.map { article in
            article.campaigns.map { name in
                if let number = numbers[name] { return number }
                numbers[name] = names.count
                names.append(name)
                return names.count - 1
            }
        }
        var counts = [Int](repeating: 0, count: names.count)
        for (code, node) in nodes {
            var counted: [Int] = []
            for i in node.all {
                for number in campaignsOf[i] {
                    if counts[number] == 0 { counted.append(number) }
                    counts[number] += 1
                }
            }
            nodes[code]?.topCampaigns = counted.map { CampaignCount(name: names[$0], count: counts[$0]) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
                .prefix(Self.topCampaignCount).map { $0 }
            for number in counted { counts[number] = 0 }
        }
        roots = nodes.values.filter { $0.region.parent == nil }.map(\.region.code).sorted()
    }

    /// The tree as `IndexCache` kept it.
    init(nodes: [RegionCode: Node], roots: [RegionCode]) {
        (self.nodes, self.roots) = (nodes, roots)
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

/// Which division an article is about, with the chain from its province.
public struct RegionResolution: Sendable, Equatable {
    public var region: Region
    /// Province first, down to `region`.
    public var chain: [Region]
}

/// Decides which division an article is about.
///
/// The headline is the strongest evidence, then the source organisation (永登县委统战部),
/// then the opening paragraphs, then how often the body names a place. The most specific
/// division the headline supports wins; the source may take it deeper (a headline naming
/// a province, a source naming its city). A place the body names in passing (a trip to
/// 张掖市, four counties listed in one sentence) never outranks the headline.
public struct RegionResolver: Sendable {
    public let gazetteer: Gazetteer
    /// Made for the first page resolved: a build that imports none (an edit of a Markdown
    /// article) does not make it (1 ms), nor the gazetteer's aliases it is made from.
    private let scanner: Once<PlaceScanner>

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        scanner = Once { PlaceScanner(aliases: gazetteer.aliases) }
    }

    public func resolve(title: String, source: String?, lead: String, body: String) -> RegionResolution? {
        let scanner = self.scanner.value
        let raw = [title, source ?? "", lead, body].map { scanner.mentions(in: Self.foldedScalars($0)) }
        // Context for telling same-named divisions apart: everything named unambiguously.
        var context = Set<RegionCode>()
        for mentions in raw { for m in mentions where m.count == 1 { context.formUnion(gazetteer.chain(to: m[0]).map(\.code)) } }
        let resolved = raw.map { $0.compactMap { disambiguate($0, sameText: $0, context: context) } }
        let (inTitle, inSource, inLead, inBody) = (resolved[0], resolved[1], resolved[2], resolved[3])

        var anchor = best(of: inTitle) ?? best(of: inSource)
        if let current = anchor, let deeper = deepest(of: inSource, within: current) {
            anchor = deeper
        }
        if anchor == nil || anchor?.level == .province {
            anchor = dominant(in: inLead + inLead + inLead + inBody, within: anchor) ?? anchor
        }
        guard let code = anchor, let region = gazetteer.region(code) else { return nil }
        return RegionResolution(region: region, chain: gazetteer.chain(to: code))
    }
}

private extension RegionResolver {
    /// The text's characters, Traditional folded to Simplified, in one pass: checked for
    /// Traditional characters, made into a folded string and that into scalars, a page's
    /// text took half of finding its places.
    static func foldedScalars(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(HanFolding.simplified(scalar)) }
        return scalars
    }

    /// One candidate: itself. Several (鼓楼区 in four cities): the one whose province or
    /// city the article also names; failing that, a province over a same-named city
    /// (吉林); failing that, none, rather than a guess.
    func disambiguate(_ candidates: [RegionCode], sameText: [RegionCode], context: Set<RegionCode>) -> RegionCode? {
        if candidates.count == 1 { return candidates[0] }
        // The candidate whose closest named ancestor is the most specific: 南京 beats 江苏
        // for 鼓楼区, since 徐州's 鼓楼区 is in 江苏 too.
        func support(_ code: RegionCode) -> Int {
            gazetteer.chain(to: code).dropLast().filter { context.contains($0.code) }.map(\.level.rawValue).max() ?? 0
        }
        let scored = candidates.map { ($0, support($0)) }
        if let top = scored.map(\.1).max(), top > 0 {
            let best = scored.filter { $0.1 == top }
            if best.count == 1 { return best[0].0 }
        }
        let provinces = candidates.filter { $0.level == .province }
        return provinces.count == 1 ? provinces[0] : nil
    }

    /// The most specific division with the most support in one text: 甘肃酒泉 → 酒泉市
    /// (named itself, and its province named too). Ties go to the first named.
    func best(of mentions: [RegionCode]) -> RegionCode? {
        var bestCode: RegionCode?
        var bestSupport = 0
        for code in mentions {
            let support = mentions.filter { gazetteer.isWithin(code, $0) }.count
            if support > bestSupport || (support == bestSupport && bestCode.map { code.level > $0.level && gazetteer.isWithin(code, $0) } == true) {
                bestCode = code
                bestSupport = support
            }
        }
        return bestCode
    }

    func deepest(of mentions: [RegionCode], within anchor: RegionCode) -> RegionCode? {
        mentions.filter { $0 != anchor && gazetteer.isWithin($0, anchor) }.max { $0.level < $1.level }
    }

    /// The division the text names most often (inside `anchor` if given), when it clearly
    /// leads: at least twice, and more often than any other.
    func dominant(in mentions: [RegionCode], within anchor: RegionCode?) -> RegionCode? {
        var counts: [RegionCode: Int] = [:]
        for code in mentions where anchor.map({ code != $0 && gazetteer.isWithin(code, $0) }) ?? true {
            counts[code, default: 0] += 1
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let top = ranked.first, top.value >= 2 else { return nil }
        if ranked.count > 1, ranked[1].value == top.value {
            // A tie between a division and one inside it goes to the inner one; otherwise nobody leads.
            return gazetteer.isWithin(ranked[1].key, top.key) ? ranked[1].key
                : gazetteer.isWithin(top.key, ranked[1].key) ? top.key : nil
        }
        return top.key
    }
}

/// Finds the names of divisions in text: longest match first, left to right, so
/// 张家川回族自治县 is one name, not 张家川 and more.
///
/// Looked up at every character of every page, so the aliases are laid out flat: their
/// scalars one after another, and for each first character (through a table of the Basic
/// Multilingual Plane, where every division's name starts, rather than a hashed
/// dictionary, whose hashing was most of this scan) the range of its aliases, longest
/// first. Held as an array of aliases each with its own arrays, every character with a
/// name starting on it retained and released each of them, a quarter of the scan.
struct PlaceScanner: Sendable {
    /// Where an alias's scalars are in `pool`, and its divisions' place in `codes`.
    private struct Alias: Sendable {
        let start: Int32
        let count: Int32
        let codes: Int32
    }

    private let pool: [Unicode.Scalar]
    private let aliases: [Alias]
    private let codes: [[RegionCode]]
    /// For each BMP scalar value, the range of `aliases` that start with it: its lower
    /// bound in the high 32 bits, its upper bound in the low.
    private let groups: [UInt64]
    /// Names that start beyond the BMP: none in today's table, but a name may.
    private let beyondBMP: [Unicode.Scalar: Range<Int>]

    init(aliases table: [String: [RegionCode]]) {
        var byFirst: [Unicode.Scalar: [(alias: [Unicode.Scalar], codes: [RegionCode])]] = [:]
        for (alias, codes) in table {
            let scalars = Array(alias.unicodeScalars)
            guard let first = scalars.first, scalars.count >= 2 else { continue }
            byFirst[first, default: []].append((scalars, codes))
        }
        var pool: [Unicode.Scalar] = []
        var aliases: [Alias] = []
        var codes: [[RegionCode]] = []
        var groups = [UInt64](repeating: 0, count: 0x10000)
        var beyondBMP: [Unicode.Scalar: Range<Int>] = [:]
        for (first, list) in byFirst.sorted(by: { $0.key.value < $1.key.value }) {
            let longestFirst = list.sorted { $0.alias.count != $1.alias.count ? $0.alias.count > $1.alias.count : $0.alias.lexicographicallyPrecedes($1.alias, by: { $0.value < $1.value }) }
            let lower = aliases.count
            for (alias, divisions) in longestFirst {
                aliases.append(Alias(start: Int32(pool.count), count: Int32(alias.count), codes: Int32(codes.count)))
                pool += alias
                codes.append(divisions)
            }
            if first.value < 0x10000 {
                groups[Int(first.value)] = UInt64(lower) << 32 | UInt64(aliases.count)
            } else {
                beyondBMP[first] = lower..<aliases.count
            }
        }
        (self.pool, self.aliases, self.codes, self.groups, self.beyondBMP) = (pool, aliases, codes, groups, beyondBMP)
    }

    /// Each name found, as the divisions it can mean, in order.
    ///
    /// A two-character name (one character and its suffix: 范县, 沙县, 吉县) is taken only at
    /// the start of a word or right after another place name: inside running text it is
    /// usually the tail of a word (示范县 is "demonstration county", not 范县).
    func mentions(in text: [Unicode.Scalar]) -> [[RegionCode]] {
        var found: [[RegionCode]] = []
        pool.withUnsafeBufferPointer { pool in
            aliases.withUnsafeBufferPointer { aliases in
                groups.withUnsafeBufferPointer { groups in
                    text.withUnsafeBufferPointer { text in
                        var i = 0
                        var lastMatchEnd = -1
                        scanning: while i < text.count {
                            let scalar = text[i]
                            let group: Range<Int>
                            if scalar.value < 0x10000 {
                                let packed = groups[Int(scalar.value)]
                                group = Int(packed >> 32)..<Int(packed & 0xFFFF_FFFF)
                            } else {
                                group = beyondBMP[scalar] ?? 0..<0
                            }
                            if !group.isEmpty {
                                let atBoundary = i == 0 || i == lastMatchEnd || !SearchText.isHan(text[i - 1])
                                for a in group {
                                    let alias = aliases[a]
                                    let count = Int(alias.count)
                                    guard i + count <= text.count, count > 2 || atBoundary else { continue }
                                    var k = 1
                                    while k < count, text[i + k] == pool[Int(alias.start) + k] { k += 1 }
                                    if k == count {
                                        found.append(codes[Int(alias.codes)])
                                        i += count
                                        lastMatchEnd = i
                                        continue scanning
                                    }
                                }
                            }
                            i += 1
                        }
                    }
                }
            }
        }
        return found
    }
}

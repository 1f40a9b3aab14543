import Foundation

/// 行政区划表: China's divisions (GB/T 2260) from the table the package ships, with the
/// short forms by which articles name them.
public struct Gazetteer: Sendable {
    public let regions: [RegionCode: Region]
    /// Every name and short form, folded to Simplified, with the divisions it can mean:
    /// made when first asked for. Only the import of a scraped page (`RegionResolver`) and
    /// `sitegen new` look places up by name; a rebuild after an edit of a Markdown article
    /// made them for nothing (about half of the gazetteer's 8 ms of CPU).
    var aliases: [String: [RegionCode]] { aliasTable.value }
    private let aliasTable: Once<[String: [RegionCode]]>
    private let childrenByParent: [RegionCode: [RegionCode]]

    /// The table shipped in the package (`Resources/divisions.tsv`).
    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "divisions", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("sitegen was built without its divisions table (Resources/divisions.tsv)") }
        return Gazetteer(table: text)
    }()

    /// Reads `code<TAB>name…` rows; `#` lines are comments.
    public init(table: String) {
        // Split on bytes: splitting the table's 3,200 lines by Characters (grapheme breaks)
        // was most of making the gazetteer, which a rebuild after an edit waits for.
        let lines = table.utf8.split(separator: UInt8(ascii: "\n"))
        var names: [RegionCode: String] = [:]
        names.reserveCapacity(lines.count)
        for line in lines where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: UInt8(ascii: "\t"), maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, let code = RegionCode(String(Substring(fields[0]))) else { continue }
            names[code] = String(Substring(fields[1]))
        }
        var regions: [RegionCode: Region] = [:]
        regions.reserveCapacity(names.count)
        var children: [RegionCode: [RegionCode]] = [:]
        for (code, name) in names {
            let parent: RegionCode? = switch code.level {
            case .province: nil
            case .city: code.provinceCode
            case .county: names[code.cityCode] != nil ? code.cityCode : code.provinceCode
            }
            regions[code] = Region(code: code, name: name, parent: parent)
            if let parent { children[parent, default: []].append(code) }
        }
        aliasTable = Once { [regions] in
            var aliases: [String: [RegionCode]] = [:]
            aliases.reserveCapacity(regions.count * 2)
            for region in regions.values.sorted(by: { $0.code < $1.code }) {
                for alias in Self.aliases(of: region) { aliases[alias, default: []].append(region.code) }
            }
            return aliases
        }
        self.regions = regions
        childrenByParent = children.mapValues { $0.sorted() }
    }

    public func region(_ code: RegionCode) -> Region? { regions[code] }

    /// Province first, down to the division itself: 永登县 → [甘肃省, 兰州市, 永登县].
    public func chain(to code: RegionCode) -> [Region] {
        var chain: [Region] = []
        var current = regions[code]
        while let region = current {
            chain.insert(region, at: 0)
            current = region.parent.flatMap { regions[$0] }
        }
        return chain
    }

    public func children(of code: RegionCode) -> [Region] {
        (childrenByParent[code] ?? []).compactMap { regions[$0] }
    }

    /// The divisions a name or short form can mean (several 鼓楼区; 吉林 the province and the city).
    public func regions(named name: String) -> [Region] {
        (aliases[HanFolding.simplified(name)] ?? []).compactMap { regions[$0] }
    }

    /// True when `code` lies inside `ancestor` (or is it).
    public func isWithin(_ code: RegionCode, _ ancestor: RegionCode) -> Bool {
        var current: RegionCode? = code
        while let c = current {
            if c == ancestor { return true }
            current = regions[c]?.parent
        }
        return false
    }
}

// MARK: - Short forms

extension Gazetteer {
    /// The full name, and the short forms articles use: 张家川回族自治县 → 张家川县, 张家川;
    /// 内蒙古自治区 → 内蒙古; 酒泉市 → 酒泉; 临夏回族自治州 → 临夏州, 临夏.
    static func aliases(of region: Region) -> [String] {
        let name = region.name
        if RegionPatterns.genericNames.contains(name) { return [] }
        var result = [name]
        // On scalars, which are the characters of the table's names: Foundation's
        // replacingOccurrences (56 times for each of 146 names) and hasSuffix and count on
        // Characters were most of reading the gazetteer, which an edit waits for.
        var unmarked = Array(name.unicodeScalars)
        // Every group's name ends in 族: most names, without it, skip the groups.
        if unmarked.contains("族") {
            for group in RegionPatterns.ethnicGroupScalars where unmarked.count > group.count + 2 {
                unmarked = removing(group, from: unmarked)
            }
        }
        guard let suffix = RegionPatterns.suffixScalars.first(where: {
            unmarked.count - $0.count >= 2 && unmarked.suffix($0.count).elementsEqual($0)
        }) else { return result }
        let stem = String(String.UnicodeScalarView(unmarked.dropLast(suffix.count)))
        // The plain suffix of an autonomous division: 自治县 → 县, 自治州 → 州, 自治旗 → 旗.
        if suffix.starts(with: "自治".unicodeScalars), region.level != .province {
            result.append(stem + String(suffix.last!))
        }
        let bareAllowed: Bool = switch region.level {
        case .province: true
        case .city: !RegionPatterns.commonWordStems.contains(stem)
        case .county: unmarked.count - suffix.count >= RegionPatterns.minimumBareCountyStem && !RegionPatterns.commonWordStems.contains(stem)
        }
        if bareAllowed { result.append(stem) }
        var unique: [String] = []
        for name in result where !unique.contains(name) { unique.append(name) }
        return unique.sorted()
    }

    /// `scalars` without any occurrence of `part`, found left to right.
    static func removing(_ part: [Unicode.Scalar], from scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var kept: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            if i + part.count <= scalars.count, scalars[i..<(i + part.count)].elementsEqual(part) {
                i += part.count
            } else {
                kept.append(scalars[i])
                i += 1
            }
        }
        return kept
    }
}

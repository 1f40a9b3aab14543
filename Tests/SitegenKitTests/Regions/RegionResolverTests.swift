import Testing
@testable import SitegenKit

@Suite("Gazetteer and region resolution")
struct RegionResolverTests {
    static let gazetteer = Gazetteer.shared
    static let resolver = RegionResolver(gazetteer: gazetteer)

    func resolve(_ title: String, source: String? = nil, lead: String = "", body: String = "") -> String? {
        Self.resolver.resolve(title: title, source: source, lead: lead, body: body)?.region.code.rawValue
    }

    @Test("short forms name the full division", arguments: [
        ("张家川县", "620525"), ("张家川回族自治县", "620525"), ("内蒙古", "150000"), ("甘肃", "620000"),
        ("酒泉", "620900"), ("临夏州", "622900"), ("积石山县", "622927"), ("康巴什", "150603"),
    ])
    func aliases(name: String, code: String) {
        #expect(Self.gazetteer.regions(named: name).map(\.code.rawValue) == [code])
    }

    @Test("every ethnic group's name ends in 族, which the aliases look for before dropping groups from a name")
    func ethnicGroupsEndInZu() {
        #expect(RegionPatterns.ethnicGroups.count == 56)
        #expect(RegionPatterns.ethnicGroups.allSatisfy { $0.hasSuffix("族") })
    }

    @Test("every division's short forms are those the rules give on Characters, with Foundation's replacingOccurrences")
    func aliasesAsOnCharacters() throws {
        // The rules as first written, on Characters: the reference the scalar version must match.
        func reference(_ region: Region) -> [String] {
            let name = region.name
            if RegionPatterns.genericNames.contains(name) { return [] }
            var result = [name], unmarked = name
            for group in RegionPatterns.ethnicGroups where unmarked.count > group.count + 2 {
                unmarked = unmarked.replacingOccurrences(of: group, with: "")
            }
            guard let suffix = RegionPatterns.suffixes.first(where: { unmarked.hasSuffix($0) && unmarked.count - $0.count >= 2 })
            else { return result }
            let stem = String(unmarked.dropLast(suffix.count))
            if suffix.hasPrefix("自治"), region.level != .province { result.append(stem + String(suffix.last!)) }
            let bareAllowed: Bool = switch region.level {
            case .province: true
            case .city: !RegionPatterns.commonWordStems.contains(stem)
            case .county: stem.count >= RegionPatterns.minimumBareCountyStem && !RegionPatterns.commonWordStems.contains(stem)
            }
            if bareAllowed { result.append(stem) }
            return Array(Set(result)).sorted()
        }
        var groupsDropped = 0, autonomous = 0
        for region in Self.gazetteer.regions.values {
            let aliases = Gazetteer.aliases(of: region)
            #expect(aliases == reference(region), "\(region.name)")
            if region.name.contains("族"), aliases.count > 1 { groupsDropped += 1 }
            if aliases.contains(where: { $0.hasSuffix("州") && region.name.hasSuffix("自治州") }) { autonomous += 1 }
        }
        #expect(Self.gazetteer.regions.count > 3000 && groupsDropped > 100 && autonomous > 20)
        // Several groups, one after another, and a group's name twice.
        #expect(Gazetteer.removing(Array("保安族东乡族".unicodeScalars), from: Array("保安族东乡族".unicodeScalars)).isEmpty)
        #expect(String(String.UnicodeScalarView(Gazetteer.removing(Array("回族".unicodeScalars), from: Array("回族甲回族乙回回族".unicodeScalars)))) == "甲乙回")
        #expect(Self.gazetteer.regions(named: "积石山").map(\.code.rawValue) == ["622927"])
    }

    @Test("the table is read line by line: comments, rows with more fields, and rows without a code are skipped or taken as they should be")
    func table() throws {
        let gazetteer = Gazetteer(table: "# 行政区划\n620000\t甘肃省\n620100\t兰州市\t备注\n620121\t永登县\n62012x\t坏行\n\n620122\n622900\t临夏回族自治州")
        #expect(gazetteer.regions.count == 4)
        #expect(gazetteer.chain(to: try #require(RegionCode("620121"))).map(\.name) == ["甘肃省", "兰州市", "永登县"])
        #expect(gazetteer.children(of: try #require(RegionCode("620000"))).map(\.name) == ["兰州市", "临夏回族自治州"])
        #expect(gazetteer.regions(named: "临夏州").map(\.code.rawValue) == ["622900"])
        #expect(gazetteer.regions(named: "兰州").map(\.code.rawValue) == ["620100"])
    }

    @Test("implied parents: 永登县 lies in 兰州市 in 甘肃省")
    func impliedParents() {
        #expect(Self.gazetteer.chain(to: RegionCode("620121")!).map(\.name) == ["甘肃省", "兰州市", "永登县"])
    }

    @Test("a municipality's district hangs directly under it")
    func municipality() {
        #expect(Self.gazetteer.chain(to: RegionCode("110101")!).map(\.name) == ["北京市", "东城区"])
        #expect(resolve("东城区召开民族团结进步创建推进会", source: "北京市民委")  == "110101")
    }

    @Test("same-named divisions are told apart by the province or city named near them", arguments: [
        ("江苏南京鼓楼区开展民族团结进步创建", "320106"),
        ("福州市鼓楼区开展民族团结进步创建", "350102"),
        ("河南开封鼓楼区开展民族团结进步创建", "410204"),
    ])
    func sameNamed(title: String, code: String) {
        #expect(resolve(title) == code)
    }

    @Test("a same-named division with no context is not guessed")
    func ambiguousWithoutContext() {
        #expect(resolve("鼓楼区开展民族团结进步创建") == nil)
    }

    @Test("a text that names no division resolves to nothing; common words are not places")
    func noPlace() {
        #expect(resolve("坚持和平发展，促进长治久安，白银时代的东方明珠") == nil)
    }

    @Test("a two-character county is not read out of a longer word, but is found after its city")
    func shortNames() {
        #expect(resolve("某县创建全国民族团结进步示范县", body: "争创全国民族团结进步示范县，示范县创建工作扎实推进。") == nil)
        #expect(resolve("濮阳范县推进民族团结进步创建") == "410926")
    }

    @Test("a place named in passing in the body does not outrank the headline")
    func headlineWins() {
        let body = "全面启动敦煌市、肃北县、阿克塞县和瓜州县建设各民族共同富裕联创共建融合先行示范区工作。"
        #expect(resolve("甘肃酒泉“党建+”模式推动民族团结进步创建工作提质增效", source: "甘肃省酒泉市民宗委", body: body) == "620900")
        #expect(resolve("永登县:“四聚焦”推进民族团结进步事业", source: "永登县委统战部",
                        body: "组织25人前往张掖市观摩学习，组织56名中小学生代表赴临夏回族自治州开展研学活动。") == "620121")
    }

    @Test("a source inside the headline's province takes the article deeper")
    func sourceGoesDeeper() {
        #expect(resolve("甘肃：“四聚焦”推进民族团结进步事业", source: "永登县委统战部") == "620121")
    }

    @Test("with no place in the headline, the lead decides")
    func leadDecides() {
        #expect(resolve("处处盛开民族团结之花", lead: "康巴什地处内蒙古自治区鄂尔多斯高原腹地。康巴什区以铸牢中华民族共同体意识为主线。") == "150603")
    }

    @Test("Traditional names resolve like Simplified ones")
    func traditional() {
        #expect(resolve("張家川縣推進民族團結進步創建") == "620525")
    }
}

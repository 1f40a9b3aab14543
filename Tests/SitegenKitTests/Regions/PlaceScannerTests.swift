import Testing
@testable import SitegenKit

@Suite("Finding place names in text")
struct PlaceScannerTests {
    static let a = RegionCode("620000")!, b = RegionCode("620500")!, c = RegionCode("620525")!, d = RegionCode("410526")!
    static let e = RegionCode("140000")!, f = RegionCode("620502")!
    static let scanner = PlaceScanner(aliases: [
        "甘肃": [a], "甘肃省": [a], "天水": [b], "天水市": [b], "张家川": [c], "张家川回族自治县": [c],
        "范县": [d], "𠀀𠀁县": [e], "山西": [e], "天水市秦州区人民政府": [f],
    ])

    static func found(_ text: String) -> [[RegionCode]] { scanner.mentions(in: Array(text.unicodeScalars)) }

    @Test("the longest name wins, left to right, and a name may follow another at once")
    func longest() {
        #expect(Self.found("甘肃省天水市张家川回族自治县") == [[Self.a], [Self.b], [Self.c]])
        #expect(Self.found("张家川的天水市") == [[Self.c], [Self.b]])
        #expect(Self.found("张家川的天水") == [[Self.c]])
        #expect(Self.found("甘肃") == [[Self.a]] && Self.found("甘") == [] && Self.found("") == [])
        #expect(Self.found("天水市秦州区人民政府") == [[Self.f]])
        #expect(Self.found("天水市秦州区人民") == [[Self.b]])
    }

    @Test("a two-character name counts only where a word starts or right after a place")
    func twoCharacters() {
        #expect(Self.found("示范县") == [])
        #expect(Self.found("在范县") == [])
        #expect(Self.found("范县召开") == [[Self.d]])
        #expect(Self.found("会议，范县") == [[Self.d]])
        #expect(Self.found("甘肃范县") == [[Self.a], [Self.d]])
        #expect(Self.found("甘肃省山西") == [[Self.a], [Self.e]])
    }

    @Test("a name starting beyond the Basic Multilingual Plane is found too")
    func beyondBMP() {
        #expect(Self.found("在𠀀𠀁县召开") == [[Self.e]])
        #expect(Self.found("𠀀𠀁") == [])
    }
}

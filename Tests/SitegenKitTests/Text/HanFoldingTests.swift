import Foundation
import Testing
@testable import SitegenKit

@Suite("Traditional to Simplified folding")
struct HanFoldingTests {
    @Test("folds Traditional characters, by ICU's table, and leaves the rest as it is")
    func folds() {
        #expect(HanFolding.simplified("民族團結進步") == "民族团结进步")
        #expect(HanFolding.simplified("甘肅省臨夏回族自治州") == "甘肃省临夏回族自治州")
        #expect(HanFolding.simplified("党建+ ABC 2024") == "党建+ ABC 2024")
        let table = HanFolding.table
        #expect(table.count > 2_000 && table.count < 4_000, "\(table.count)")
        #expect(table.map(\.traditional.value) == table.map(\.traditional.value).sorted())
        #expect(table.contains { $0 == ("團", "团") })
    }

    @Test("the table kept in the cache is read back as ICU made it; one damaged or from another sitegen is not used")
    func keptTable() throws {
        let dir = try TemporaryDirectory("han-folding")
        let file = dir.file(HanFolding.keptFileName)
        let fromICU = HanFolding.askICU()
        try HanFolding.writeKept(fromICU, to: file)
        let kept = try #require(HanFolding.readKept(file))
        #expect(kept.map { [$0.0, $0.1] } == fromICU.map { [$0.0, $0.1] })
        // The folding in use is ICU's too, wherever it came from.
        #expect(HanFolding.table.map { [$0.traditional, $0.simplified] } == fromICU.map { [$0.0, $0.1] })

        try expectRefusesDamagedCopies(of: file) { HanFolding.readKept($0) != nil }
        // A character outside the table's block.
        try BinaryWriter.write(to: file) { writer in
            writer.write(HanFolding.keptMagic)
            writer.write(GeneratorStamp.current)
            writer.write(1)
            writer.write(Int(("A" as Unicode.Scalar).value))
            writer.write(Int(("B" as Unicode.Scalar).value))
        }
        #expect(HanFolding.readKept(file) == nil)
    }

    @Test("every build's cache keeps the table, even when this process made it before")
    func keptByBuild() throws {
        let dir = try TemporaryDirectory("han-folding-build")
        HanFolding.prepare(keptIn: dir.url)
        let kept = try #require(HanFolding.readKept(dir.file(HanFolding.keptFileName)))
        #expect(kept.map { [$0.0, $0.1] } == HanFolding.table.map { [$0.traditional, $0.simplified] })
    }
}

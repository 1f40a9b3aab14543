import Foundation
import Testing
@testable import SitegenKit

/// Seeds edited at random, as editors do over weeks: after each round of edits a build
/// must finish and leave exactly the site a build from nothing gives. Each sequence is
/// fixed by its number, so a failure names the round and edits that caused it, and runs
/// again the same. (It catches the two bugs that stopped every later build, found by hand
/// and by a script of this kind: a seed that gave no article deleted, and the search
/// index's last group of documents gone.)
@Suite("Random edits, each rebuild against a clean build")
struct RandomEditsTests {
    /// Numbers for picking, from a fixed sequence (`SplitMix64`).
    struct Numbers {
        var generator: SplitMix64
        mutating func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &generator) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// The project's five seeds and twelve authored articles: 17, one more than a group
    /// of search documents, so that deletions empty the last group.
    static func project(_ label: String) throws -> IncrementalBuildTests.Project {
        let project = try IncrementalBuildTests.Project(label)
        for i in 0..<12 {
            try IncrementalBuildTests.writeArticle("w\(i)", title: "城关区第\(i)次民族团结进步宣讲活动", date: "2024-0\(1 + i % 9)-1\(i % 10)",
                                                   region: i % 2 == 0 ? "620102" : "620121", campaigns: i % 3 == 0 ? ["四聚焦"] : [],
                                                   body: "宣讲活动，新词w\(i)首次出现。\n\n第二段，讲民族团结进步。", to: project.dir.file("seeds"))
        }
        return project
    }

    @Test("random rounds of edits, additions, deletions, broken files and copies: every rebuild finishes and gives a clean build's site",
          arguments: [1, 2, 3, 4] as [UInt64])
    func randomEdits(sequence: UInt64) throws {
        let project = try Self.project("random-\(sequence)")
        let seeds = project.dir.file("seeds")
        let fm = FileManager.default
        var numbers = Numbers(generator: SplitMix64(state: sequence))
        func names() throws -> [String] { try fm.contentsOfDirectory(atPath: seeds.path).sorted() }
        func text(_ name: String) -> String { (try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        func write(_ name: String, _ text: String) throws { try text.write(to: seeds.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        /// `key: value` in the front matter, replaced or added.
        func field(_ text: String, _ key: String, _ value: String) -> String {
            var lines = text.components(separatedBy: "\n")
            if let i = lines.firstIndex(where: { $0.hasPrefix(key + ": ") }) { lines[i] = "\(key): \(value)" } else if lines.first == "---" { lines.insert("\(key): \(value)", at: 1) }
            return lines.joined(separator: "\n")
        }
        func date() -> String { "20\(15 + numbers.below(12))-0\(1 + numbers.below(9))-1\(numbers.below(10))" }

        let edits: [() throws -> String] = [
            { let name = numbers.pick(try names()); try write(name, text(name) + "\n\n编者按：第\(numbers.below(99))次更正。\n"); return "text of \(name)" },
            { let name = numbers.pick(try names()); try write(name, field(text(name), "title", numbers.pick(["\"同名文章\"", "\"凤翔县“党建+”让民族团结之花常开长盛\"", "\"新的标题\(numbers.below(9))\""]))); return "title of \(name)" },
            { let name = numbers.pick(try names()); try write(name, field(text(name), "date", date())); return "date of \(name)" },
            { let name = numbers.pick(try names()); try write(name, field(text(name), "campaigns", numbers.pick(["[]", "[\"四聚焦\"]", "[\"新的模式\", \"五结合五防止\"]"]))); return "campaigns of \(name)" },
            {
                let name = "added\(numbers.below(1000)).md"
                try write(name, field(text(numbers.pick(try names())), "date", date()) + "\n\n只此一篇的一段文字\(numbers.below(1_000_000))。\n")
                return "added \(name)"
            },
            {
                let all = try names()
                guard all.count > 3 else { return "none deleted" }
                let gone = (0..<(1 + numbers.below(3))).map { _ in numbers.pick(all) }
                for name in Set(gone) { try fm.removeItem(at: seeds.appendingPathComponent(name)) }
                return "deleted \(Set(gone).sorted())"
            },
            { let name = numbers.pick(try names()); try Data().write(to: seeds.appendingPathComponent(name)); return "emptied \(name)" },
            { let name = numbers.pick(try names()); try Data([0xFF, 0xFE, 0x00, 0x01]).write(to: seeds.appendingPathComponent(name)); return "made \(name) binary" },
            {
                let name = numbers.pick(try names())
                let copy = "copy\(numbers.below(100))." + (name as NSString).pathExtension
                guard copy != name else { return "\(name) not copied onto itself" }
                try? fm.removeItem(at: seeds.appendingPathComponent(copy))
                try fm.copyItem(at: seeds.appendingPathComponent(name), to: seeds.appendingPathComponent(copy))
                return "copied \(name) to \(copy)"
            },
        ]
        try project.build()
        for round in 0..<10 {
            var done: [String] = []
            for _ in 0..<(1 + numbers.below(3)) { done.append(try numbers.pick(edits)()) }
            try project.build()
            let site = project.site(), clean = try project.cleanBuild()
            #expect(site.keys.sorted() == clean.keys.sorted(), "round \(round): \(done)")
            let differing = clean.keys.filter { site[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "round \(round): \(done): \(differing.prefix(5))")
            if !differing.isEmpty || site.count != clean.count { return }
        }
    }
}

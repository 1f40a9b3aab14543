import Foundation
import Testing
@testable import SitegenKit

@Suite("Pinyin slugs")
struct SlugTests {
    /// What ICU's Han-Latin gives for the whole text at once, as hyphenated words.
    static func reference(_ text: String) -> String? {
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        return words(latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin)
    }

    /// The same through `Pinyin`'s pair cache.
    static func cached(_ text: String) -> String? {
        words(Pinyin.toneless(Pinyin.shared.romanize(text)))
    }

    static func words(_ plain: String) -> String? {
        let words = plain.lowercased().unicodeScalars.split { !($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
        let joined = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
        return joined.isEmpty ? nil : joined
    }

    static let titles = [
        "甘肃酒泉“党建+”模式推动民族团结进步创建工作提质增效", "永登县:“四聚焦”推进民族团结进步事业 高质量发展",
        "内蒙古赤峰市实施党建聚力引领行动促进民族团结进步工作", "康巴什区:处处盛开民族团结之花",
        "张家川县“五结合五防止”持续深入推进民族团结进步创建工作",
        "重庆大渡口区实施“七个一”行动", "重庆江北“八进八融”模式", "长安区民族团结", "朝阳区音乐会", "银行与行动",
    ]

    @Test("pair-cached pinyin equals ICU reading the whole title", arguments: titles)
    func sameAsWholeText(title: String) {
        #expect(Self.cached(title) == Self.reference(title))
        // The slug is that pinyin, cut at a word boundary.
        let slug = Slug(transliterating: title)?.rawValue ?? ""
        #expect(!slug.isEmpty && (Self.reference(title) ?? "").hasPrefix(slug))
    }

    @Test("a bench corpus of titles reads the same, when one is given (SITEGEN_TITLES=file)",
          .enabled(if: ProcessInfo.processInfo.environment["SITEGEN_TITLES"] != nil))
    func corpus() throws {
        let titles = try String(contentsOfFile: ProcessInfo.processInfo.environment["SITEGEN_TITLES"]!, encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let differing = titles.filter { Self.cached($0) != Self.reference($0) }
        let report = differing.map { "\($0)\n  \(Self.cached($0) ?? "-")\n  \(Self.reference($0) ?? "-")" }
        try report.joined(separator: "\n").write(toFile: NSTemporaryDirectory() + "slug-differences.txt", atomically: true, encoding: .utf8)
        #expect(differing.isEmpty, "\(differing.count) of \(titles.count) differ, e.g. \(differing.prefix(3))")
    }

    @Test("every scalar that skips folding gives the slug folding would have given")
    func foldingSkipped() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), Slug.keepsItsHyphen(scalar) else { continue }
            let text = "Ab" + String(scalar) + "c1" + String(scalar) + String(scalar)
            #expect(Slug.hyphenated(text) == Slug.hyphenated(Slug.folded(text)), "U+\(String(value, radix: 16))")
        }
        // And one that must not skip it: the marks go, the letters stay.
        #expect(!Slug.keepsItsHyphen("ǜ") && Slug.hyphenated(Slug.folded("Lǜ Ä")) == "lu-a")
        #expect(Slug(transliterating: "Lǜ Ä“党建+”ÉCOLE")?.rawValue == "lu-a-dang-jian-ecole")
    }

    @Test("a slug is lowercase letters, digits and single hyphens inside", arguments: [
        ("dang-jian-plus", true), ("a", true), ("2024-nian", true), ("a--b", false), ("-a", false), ("a-", false),
        ("A", false), ("", false), ("a b", false), ("党建", false), ("a-b--", false), ("--", false),
    ])
    func validSlugs(text: String, isValid: Bool) {
        #expect((Slug(text) != nil) == isValid)
    }
}

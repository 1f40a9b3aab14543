import Foundation

/// A URL path segment: lowercase ASCII letters, digits and single hyphens, nothing else.
public struct Slug: Sendable, Hashable, Encodable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only an already-clean slug (`[a-z0-9]+(-[a-z0-9]+)*`, at most 120 bytes).
    public init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 120,
              text.utf8.allSatisfy({ Slug.isAllowed($0) }),
              !text.hasPrefix("-"), !text.hasSuffix("-"), !Slug.hasDoubleHyphen(text)
        else { return nil }
        rawValue = text
    }

    /// Whether `--` occurs, read on the bytes: Foundation's `contains` was a quarter of
    /// loading the article cache, which checks every slug it reads.
    private static func hasDoubleHyphen(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") && previous == byte { return true }
            previous = byte
        }
        return false
    }

    /// Makes a slug from any text: Han characters become toneless pinyin (ICU's
    /// Han-Latin transform, read through `Pinyin`'s cache), everything that is not a
    /// letter or digit becomes a hyphen. Returns nil when nothing usable is left (a title
    /// of only punctuation or emoji).
    public init?(transliterating text: String, maxLength: Int = 80) {
        let plain = Pinyin.toneless(Pinyin.shared.romanize(text))
        var out = ""
        var lastWasHyphen = true
        for scalar in plain.lowercased().unicodeScalars {
            if scalar.isASCII, Slug.isAllowed(UInt8(scalar.value)), scalar != "-" {
                out.unicodeScalars.append(scalar)
                lastWasHyphen = false
            } else if !lastWasHyphen {
                out.append("-")
                lastWasHyphen = true
            }
        }
        // Cut at a word boundary so a long title does not end mid-syllable.
        if out.utf8.count > maxLength {
            var cut = String(out.prefix(maxLength))
            if let lastHyphen = cut.lastIndex(of: "-") { cut = String(cut[..<lastHyphen]) }
            out = cut
        }
        while out.hasSuffix("-") { out.removeLast() }
        self.init(out)
    }

    /// The same slug with a numeric suffix, for the second and later articles of one title.
    public func numbered(_ n: Int) -> Slug { Slug("\(rawValue)-\(n)")! }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (48...57).contains(byte) || byte == 45
    }
}

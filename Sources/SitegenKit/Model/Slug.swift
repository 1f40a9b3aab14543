import Foundation

/// A URL path segment: lowercase ASCII letters, digits and single hyphens, nothing else.
public struct Slug: Sendable, Hashable, Encodable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only an already-clean slug (`[a-z0-9]+(-[a-z0-9]+)*`, at most 120 bytes).
    public init?(_ text: String) {
        var text = text
        guard !text.isEmpty, text.utf8.count <= 120, text.withUTF8(Slug.isClean) else { return nil }
        rawValue = text
    }

    /// Allowed bytes only, no hyphen first, last or twice in a row: one pass over the
    /// bytes in memory (loading the article cache checks 10,000 slugs; Foundation's
    /// `contains("--")` was a quarter of it, and the UTF-8 view's iteration a tenth).
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let hyphen = UInt8(ascii: "-")
        guard bytes.first != hyphen, bytes.last != hyphen else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if !isAllowed(byte) || byte == hyphen && previous == hyphen { return false }
            previous = byte
        }
        return true
    }

    /// Makes a slug from any text: Han characters become toneless pinyin (ICU's
    /// Han-Latin transform, read through `Pinyin`'s cache), everything that is not a
    /// letter or digit becomes a hyphen. Returns nil when nothing usable is left (a title
    /// of only punctuation or emoji).
    public init?(transliterating text: String, maxLength: Int = 80) {
        let romanized = Pinyin.shared.romanize(text)
        // The readings are toneless already, and the rest of most titles is ASCII or
        // punctuation that neither dropping marks nor lowercasing turns into a letter:
        // such a text skips both (a fifth of making a slug).
        var out = Self.hyphenated(romanized.unicodeScalars.allSatisfy(Self.keepsItsHyphen) ? romanized : Self.folded(romanized))
        // Cut at a word boundary so a long title does not end mid-syllable.
        if out.utf8.count > maxLength {
            var cut = String(out.prefix(maxLength))
            if let lastHyphen = cut.lastIndex(of: "-") { cut = String(cut[..<lastHyphen]) }
            out = cut
        }
        while out.hasSuffix("-") { out.removeLast() }
        self.init(out)
    }

    /// The text with its tone and other marks dropped, lowercased: `Lǜ Ä` → `lu a`.
    static func folded(_ text: String) -> String {
        Pinyin.toneless(text).lowercased()
    }

    /// ASCII letters (lowercased) and digits as they are; each run of anything else one
    /// hyphen, none at the start.
    static func hyphenated(_ text: String) -> String {
        var out = ""
        var lastWasHyphen = true
        for scalar in text.unicodeScalars {
            let byte = scalar.isASCII ? UInt8(scalar.value) : 0
            let lower = (65...90).contains(byte) ? byte + 32 : byte
            if lower != 0, Slug.isAllowed(lower), lower != UInt8(ascii: "-") {
                out.unicodeScalars.append(Unicode.Scalar(lower))
                lastWasHyphen = false
            } else if !lastWasHyphen {
                out.append("-")
                lastWasHyphen = true
            }
        }
        return out
    }

    /// Scalars that `folded` leaves ASCII or leaves as something `hyphenated` makes a
    /// hyphen of: ASCII, the middle dot, general punctuation, CJK punctuation and the
    /// full-width forms (whose decompositions are compatibility ones, which `folded` does
    /// not apply). A test checks every one of them.
    static func keepsItsHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80, 0xB7, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF: true
        default: false
        }
    }

    /// The same slug with a numeric suffix, for the second and later articles of one title.
    public func numbered(_ n: Int) -> Slug { Slug("\(rawValue)-\(n)")! }

    public var description: String { rawValue }

    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (48...57).contains(byte) || byte == 45
    }
}

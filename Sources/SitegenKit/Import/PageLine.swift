/// One line of a page, trimmed, with its 1-based line number in the original file.
struct PageLine: Sendable, Equatable {
    var number: Int
    var text: String

    /// Lines with their indentation removed: full-width spaces (U+3000) and no-break
    /// spaces (U+00A0) indent paragraphs on Chinese sites as often as ASCII spaces do.
    static func lines(of source: SourceText) -> [PageLine] {
        source.lines.enumerated().map { PageLine(number: $0.offset + 1, text: $0.element.trimmedPageText) }
    }
}

extension StringProtocol {
    /// Trimmed of ASCII, full-width and no-break spaces, zero-width characters and BOMs.
    var trimmedPageText: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isPageSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isPageSpace })!
        // The bytes between, copied at once (rebuilding the scalars one by one was a
        // twentieth of an import).
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}

extension Unicode.Scalar {
    var isPageSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x1680,
             0x2000...0x200A, 0x202F, 0x205F:
            return true
        default:
            return false
        }
    }
}

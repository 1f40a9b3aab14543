import Foundation

/// A seed file as read from disk: the path the editor knows it by, and its raw bytes.
public struct SourceFile: Sendable, Equatable {
    /// Relative to the project, e.g. `seeds/003.txt`; used in every diagnostic.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// The encodings found on Chinese government pages saved or copied as text.
public enum SourceEncoding: String, Sendable {
    case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", gb18030 = "GB18030"
    case utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"
}

/// A decoded page, split into lines without their breaks, so that line *n* of `lines`
/// is line *n* of the file as the editor's text editor shows it. The lines are slices of
/// one decoded text: splitting a page copies nothing.
public struct SourceText: Sendable, Equatable {
    public var path: String
    public var encoding: SourceEncoding
    public var lines: [Substring]

    public init(path: String, encoding: SourceEncoding, lines: [Substring]) {
        self.path = path
        self.encoding = encoding
        self.lines = lines
    }
}

/// Turns bytes into text: UTF-8 (with or without BOM), UTF-16 (BOM or zero-byte
/// pattern), then GB18030, which is a superset of GBK and GB2312.
public enum SourceDecoder {
    /// A saved article page is rarely over 1 MB; anything past this is another kind of file.
    public static let maximumSize = 5 * 1024 * 1024

    public static func decode(_ file: SourceFile) -> Imported<SourceText> {
        let bytes = file.bytes
        guard bytes.count <= maximumSize else {
            let megabytes = String(format: "%.1f", Double(bytes.count) / 1_048_576)
            return Imported(nil, diagnostics: [.error(file.path, "the file is \(megabytes) MB, too large to be one article's page",
                fix: "check that it is the article's page (a saved page is rarely over 1 MB), or split it into articles")])
        }
        guard !bytes.isEmpty, !bytes.allSatisfy(isASCIISpace) else {
            return Imported(nil, diagnostics: [.error(file.path, "the file is empty",
                fix: "paste the article's page text into it, or delete it")])
        }
        guard let (text, encoding) = decodeText(bytes) else {
            return Imported(nil, diagnostics: [.error(file.path,
                "the file is not text in UTF-8, UTF-16 or GB18030 (it looks binary or is damaged)",
                fix: "save the page as text (UTF-8) and replace the file")])
        }
        if looksBinary(text) {
            return Imported(nil, diagnostics: [.error(file.path,
                "the file holds control characters, not page text (it looks binary)",
                fix: "save the page as text (UTF-8) and replace the file")])
        }
        return Imported(SourceText(path: file.path, encoding: encoding, lines: splitLines(text)))
    }

    /// Splits on LF, CRLF and lone CR, so CRLF files number their lines as editors do.
    static func splitLines(_ text: String) -> [Substring] {
        // On the UTF-8 bytes, by offset: CR and LF are ASCII, so they never fall inside a
        // character, and an offset into a native string is an index at no cost.
        var text = text
        let ends = text.withUTF8 { bytes -> [(start: Int, end: Int)] in
            var ends: [(start: Int, end: Int)] = []
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
                ends.append((start, i - 1))
                if byte == UInt8(ascii: "\r"), i < bytes.count, bytes[i] == UInt8(ascii: "\n") { i += 1 }
                start = i
            }
            if start < bytes.count { ends.append((start, bytes.count)) }
            return ends
        }
        return ends.map { text[text.utf8Range($0.start, count: $0.end - $0.start)] }
    }
}

private extension SourceDecoder {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func decodeText(_ bytes: [UInt8]) -> (String, SourceEncoding)? {
        // Plain UTF-8, nearly every file, needs no copy into a Data.
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
           utf16WithoutBOM(bytes) == nil, let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        let data = Data(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, .utf8BOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return String(data: data.dropFirst(2), encoding: .utf16LittleEndian).map { ($0, .utf16LE) }
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data.dropFirst(2), encoding: .utf16BigEndian).map { ($0, .utf16BE) }
        }
        if let utf16 = utf16WithoutBOM(bytes) {
            return String(data: data, encoding: utf16 == .utf16LE ? .utf16LittleEndian : .utf16BigEndian)
                .map { ($0, utf16) }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        // GB18030 maps nearly every byte sequence to something; NUL bytes mean binary.
        if bytes.contains(0) { return nil }
        return String(data: data, encoding: gb18030).map { ($0, .gb18030) }
    }

    /// UTF-16 saved without a BOM (Windows "Unicode" text): mostly-ASCII text has a zero
    /// in every other byte; Chinese text does not, so we only claim it when the pattern is clear.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> SourceEncoding? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = bytes.prefix(4096)
        var zeroEven = 0, zeroOdd = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = sample.count / 2
        if zeroOdd * 10 >= pairs * 3, zeroEven == 0 { return .utf16LE }
        if zeroEven * 10 >= pairs * 3, zeroOdd == 0 { return .utf16BE }
        return nil
    }

    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// More than 1 % control characters (other than tab and line breaks) is not a page.
    static func looksBinary(_ text: String) -> Bool {
        // On the UTF-8 bytes: every scalar has one byte that is not a continuation byte
        // (10xxxxxx), and every control character is one ASCII byte.
        var text = text
        return text.withUTF8 { bytes in
            var controls = 0, total = 0
            for byte in bytes {
                if byte & 0xC0 != 0x80 { total += 1 }
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
            }
            return controls * 100 > total
        }
    }
}

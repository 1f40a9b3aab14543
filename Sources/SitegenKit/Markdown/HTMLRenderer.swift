/// An article body as HTML, with its headings for a table of contents.
public struct RenderedBody: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The anchor: `s1`, `s2`… in document order, unique within the page.
        public var id: String
    }

    /// The HTML's UTF-8 bytes, as cmark wrote them: a page places them as they are
    /// (`SiteRenderer.render`), without checking them again as a string's.
    public var htmlBytes: [UInt8]
    public var headings: [Heading]

    public init(html: String, headings: [Heading]) {
        self.init(htmlBytes: Array(html.utf8), headings: headings)
    }

    init(htmlBytes: [UInt8], headings: [Heading]) {
        self.htmlBytes = htmlBytes
        self.headings = headings
    }

    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
}

/// Renders an article's CommonMark body with cmark, in safe mode.
public enum HTMLRenderer {
    public static func render(markdown: String) -> RenderedBody {
        render(CmarkDocument(markdown: markdown))
    }

    /// An article's body, parsed from its bytes as stored.
    static func render(body: ArticleBody) -> RenderedBody {
        render(CmarkDocument(body: body))
    }

    private static func render(_ document: CmarkDocument) -> RenderedBody {
        let headings = document.headings().enumerated().map {
            RenderedBody.Heading(level: $0.element.level, text: $0.element.text, id: "s\($0.offset + 1)")
        }
        return RenderedBody(htmlBytes: headings.isEmpty ? document.htmlBytes() : anchored(document.htmlBytes(), headings), headings: headings)
    }

    /// Gives the top-level headings their ids. cmark writes a heading's opening tag as a
    /// bare `<h2>`, and in safe mode nothing else in the output can be one (text is
    /// escaped, raw HTML omitted), so the n-th bare tag is the n-th heading.
    private static func anchored(_ bytes: [UInt8], _ headings: [RenderedBody.Heading]) -> [UInt8] {
        // On the UTF-8 bytes: the tags are ASCII, and Foundation's `range(of:)` compares
        // Unicode-aware, character by character, which made this a tenth of page rendering.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 10)
        var start = 0
        bytes.withUnsafeBufferPointer { bytes in
            for heading in headings {
                let tag = "<h\(heading.level)>"
                guard let at = tag.withUTF8Bytes({ bytes.firstIndex(of: $0, from: start) }) else { break }
                out += bytes[start..<at]
                out += "<h\(heading.level) id=\"\(heading.id)\">".utf8
                start = at + tag.utf8.count
            }
            out += bytes[start...]
        }
        return out
    }
}

/// An article body as HTML, with its headings for a table of contents.
public struct RenderedBody: Sendable, Equatable {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        /// The anchor: `s1`, `s2`… in document order, unique within the page.
        public var id: String
    }

    public var html: String
    public var headings: [Heading]
}

/// Renders an article's CommonMark body with cmark, in safe mode.
public enum HTMLRenderer {
    public static func render(markdown: String) -> RenderedBody {
        let document = CmarkDocument(markdown: markdown)
        let headings = document.headings().enumerated().map {
            RenderedBody.Heading(level: $0.element.level, text: $0.element.text, id: "s\($0.offset + 1)")
        }
        return RenderedBody(html: anchored(document.html(), headings), headings: headings)
    }

    /// Gives the top-level headings their ids. cmark writes a heading's opening tag as a
    /// bare `<h2>`, and in safe mode nothing else in the output can be one (text is
    /// escaped, raw HTML omitted), so the n-th bare tag is the n-th heading.
    private static func anchored(_ html: String, _ headings: [RenderedBody.Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + headings.count * 10)
        var rest = Substring(html)
        for heading in headings {
            let tag = "<h\(heading.level)>"
            guard let range = rest.range(of: tag) else { break }
            out += rest[..<range.lowerBound]
            out += "<h\(heading.level) id=\"\(heading.id)\">"
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}

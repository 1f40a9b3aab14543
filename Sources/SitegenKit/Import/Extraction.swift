/// What the importer found on one page, with the lines it found each field on.
public struct Extraction: Sendable, Equatable {
    /// The clean title, without column prefixes, 【…】 tags or `(图)` markers.
    public var title: String?
    public var titleLine: Int?
    /// The 【…】 tag in front of the title; many sites file an article under its campaign this way.
    public var titleTag: String?
    public var date: ArticleDate?
    public var dateLine: Int?
    /// A date written as `07/04/2023`, seen where no unambiguous date was.
    public var ambiguousDate: String?
    public var source: String?
    public var blocks: [BodyBlock]
    /// Original line numbers of the first and last body lines.
    public var bodyLines: ClosedRange<Int>?

    public init(
        title: String? = nil, titleLine: Int? = nil, titleTag: String? = nil, date: ArticleDate? = nil,
        dateLine: Int? = nil, ambiguousDate: String? = nil, source: String? = nil,
        blocks: [BodyBlock] = [], bodyLines: ClosedRange<Int>? = nil
    ) {
        self.title = title
        self.titleLine = titleLine
        self.titleTag = titleTag
        self.date = date
        self.dateLine = dateLine
        self.ambiguousDate = ambiguousDate
        self.source = source
        self.blocks = blocks
        self.bodyLines = bodyLines
    }

    /// The body's paragraphs as plain text (lead-ins joined back), for summaries and matching.
    public var paragraphs: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading: return []
            case let .paragraph(leadIn, text): return [(leadIn ?? "") + text]
            case let .orderedList(items): return items
            }
        }
    }

    /// All body text, headings included, one block a line.
    public var plainBody: String {
        blocks.map {
            switch $0 {
            case let .heading(text): return text
            case let .paragraph(leadIn, text): return (leadIn ?? "") + text
            case let .orderedList(items): return items.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }
}

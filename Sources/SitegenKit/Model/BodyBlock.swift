/// One block of an article body as the importer finds it, before it becomes CommonMark.
public enum BodyBlock: Sendable, Equatable {
    /// A section heading (in the source often a short line, or two, between paragraphs).
    case heading(String)
    /// A paragraph; `leadIn` is its numbered or topical lead-in (`一是深化理论武装。`,
    /// `聚焦统筹部署，强化组织之力。`), which the intermediate shows in bold.
    case paragraph(leadIn: String?, text: String)
    /// Consecutive lines numbered `1.` `2.` `3.` (the numbers are not kept in the items).
    case orderedList([String])
}

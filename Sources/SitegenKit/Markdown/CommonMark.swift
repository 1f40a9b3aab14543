/// Normalised CommonMark: the same content always gives the same bytes.
public enum CommonMark {
    /// Parses and renders again through cmark. Idempotent.
    public static func normalise(_ markdown: String) -> String {
        CmarkDocument(markdown: markdown).commonMark()
    }

    /// The text of a body without markup, one block a line.
    public static func plainText(_ markdown: String) -> String {
        CmarkDocument(markdown: markdown).plainText()
    }

    /// The CommonMark of an imported body, built node by node.
    public static func markdown(for blocks: [BodyBlock]) -> String {
        CmarkDocument(blocks: blocks).commonMark()
    }
}

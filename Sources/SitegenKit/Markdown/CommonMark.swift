/// Normalised CommonMark: the same content always gives the same bytes.
public enum CommonMark {
    /// Parses and renders again through cmark. Idempotent.
    public static func normalise(_ markdown: String) -> String {
        CmarkDocument(markdown: markdown).commonMark()
    }

    /// The CommonMark of an imported body, built node by node.
    public static func markdown(for blocks: [BodyBlock]) -> String {
        CmarkDocument(blocks: blocks).commonMark()
    }
}

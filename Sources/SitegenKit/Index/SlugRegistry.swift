/// Hands out slugs that are unique within one family of pages (articles, campaigns):
/// the second `dang-jian` becomes `dang-jian-2`.
struct SlugRegistry {
    private var taken: Set<Slug> = []

    init() {}

    /// Room for `count` slugs: a set grown one insertion at a time hashes every slug again
    /// each time it doubles (at 50,000 articles, most of the slugs' share of an edit).
    init(reservingCapacity count: Int) {
        taken.reserveCapacity(count)
    }

    /// A unique slug made from `text`: its pinyin, with `+` spelled out so 党建+ and 党建
    /// do not collide, or `fallback` when the text has nothing to transliterate. The
    /// transliterations come from `memo` when it knows them.
    mutating func unique(for text: String, fallback: String = "item", memo: SlugMemo = SlugMemo()) -> Slug {
        let spelled = text.replacingOccurrences(of: "+", with: " plus ").replacingOccurrences(of: "＋", with: " plus ")
        let base = memo.slug(for: spelled) ?? memo.slug(for: fallback) ?? Slug("item")!
        return unique(base)
    }

    /// `slug` itself if free, else the first free `slug-2`, `slug-3`…
    mutating func unique(_ slug: Slug) -> Slug {
        var candidate = slug
        var n = 2
        while !taken.insert(candidate).inserted {
            candidate = slug.numbered(n)
            n += 1
        }
        return candidate
    }
}

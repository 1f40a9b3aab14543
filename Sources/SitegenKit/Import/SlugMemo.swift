import Foundation

/// Pinyin slugs, as `Slug(transliterating:)` makes them, remembered: the first
/// transliteration of a build loads ICU's rules, which took a rebuild after one edit about
/// 60 ms. A rebuild seeds one with the slugs the article cache kept for the titles of the
/// seeds it imports again, and one with the campaigns' slugs the manifest kept, so an edit
/// that keeps its title needs no ICU at all.
final class SlugMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var slugs: [String: Slug?]

    init(known: [String: Slug] = [:]) {
        slugs = known
    }

    /// `Slug(transliterating: title)`, from memory when known.
    func slug(for title: String) -> Slug? {
        if let known = lock.withLock({ slugs[title] }) { return known }
        let slug = Slug(transliterating: title)
        lock.withLock { slugs[title] = .some(slug) }
        return slug
    }

    /// Every text whose slug is known, with its slug.
    var remembered: [String: Slug] {
        lock.withLock { slugs.compactMapValues { $0 } }
    }

    /// The title's slug if it was made or given here, without making it.
    func known(_ title: String) -> Slug? {
        lock.withLock { slugs[title] ?? nil }
    }
}

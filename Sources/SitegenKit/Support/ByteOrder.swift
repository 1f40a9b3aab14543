import Foundation

extension String {
    /// Whether `a` sorts before `b` by their UTF-8 bytes: for ASCII, the order `<` gives,
    /// at a fraction of the cost (sorting a site's 31,000 paths took 30 ms with `<`).
    static func precedesByBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.withContiguousStorageIfAvailable { a in
            b.utf8.withContiguousStorageIfAvailable { b in
                let common = memcmp(a.baseAddress!, b.baseAddress!, Swift.min(a.count, b.count))
                return common != 0 ? common < 0 : a.count < b.count
            }
        }.flatMap { $0 } ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

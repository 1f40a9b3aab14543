/// Where each of a list of paths is in it, by path: the previous build's 31,000 files,
/// which a rebuild looks up one by one. An open-addressing table of positions, each path
/// hashed by `StableHasher` over its bytes: made and searched in about half the time of
/// a `[OutputPath: Int]`, whose SipHash and reference to each path cost a rebuild after
/// an edit 5 ms to make and as much again to search.
struct PathPositions: Sendable {
    private let paths: [OutputPath]
    /// Positions in `paths`; -1 for an empty slot. Twice as many slots as paths, at least.
    private let slots: [Int32]

    /// A path listed twice has the later position, as a dictionary built in order would.
    init(_ paths: [OutputPath]) {
        self.paths = paths
        var capacity = 16
        while capacity < 2 * paths.count { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (position, path) in paths.enumerated() {
            var slot = Int(truncatingIfNeeded: StableHasher.hash(path.rawValue)) & (capacity - 1)
            while slots[slot] >= 0, paths[Int(slots[slot])] != path { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(position)
        }
        self.slots = slots
    }

    subscript(path: OutputPath) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: StableHasher.hash(path.rawValue)) & mask
        while true {
            let position = slots[slot]
            if position < 0 { return nil }
            if paths[Int(position)] == path { return Int(position) }
            slot = (slot + 1) & mask
        }
    }
}

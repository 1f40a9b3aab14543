import Foundation

extension SearchIndex {
    /// The index read back from the files `SearchIndexWriter` wrote, the way `search.js`
    /// reads them: `read` gets a name relative to the manifest's folder. Nil when a file is
    /// missing or damaged.
    public init?(manifest: [UInt8], read: (String) -> [UInt8]?) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(manifest)) as? [String: Any],
              let count = object["count"] as? Int,
              let layout = object["layout"] as? [Int], layout.count == 3,
              let tableName = object["table"] as? String,
              let tableFile = read(tableName), let table = Deflate.decompress(tableFile)
        else { return nil }
        var payloads: [UInt64: [UInt8]] = [:]
        var words: [UInt64: String] = [:]
        var tableReader = VarintReader(table)
        let buckets = tableReader.next()
        for _ in 0..<buckets {
            guard let file = read("b-\(SearchIndexWriter.hex(Array(tableReader.bytes(6)))).bin"),
                  let bucket = Deflate.decompress(file)
            else { return nil }
            var reader = VarintReader(bucket)
            while !reader.isAtEnd {
                let term = String(decoding: reader.bytes(reader.next()), as: UTF8.self)
                let key = SearchTokenizer.key(term)
                if term.unicodeScalars.count != 2 || !term.unicodeScalars.allSatisfy(SearchText.isHan) { words[key] = term }
                if reader.next() == 1 {
                    let own = SearchIndexWriter.hex(Array(reader.bytes(6)))
                    _ = reader.next()
                    guard let file = read("t-\(own).bin"), let payload = Deflate.decompress(file) else { return nil }
                    payloads[key] = payload
                } else {
                    payloads[key] = Array(reader.bytes(reader.next()))
                }
            }
        }
        self.init(payloads: payloads, words: words,
                  layout: SearchLayout(campaignsBase: layout[0], regionsBase: layout[1], bodyBase: layout[2]), count: count)
    }
}

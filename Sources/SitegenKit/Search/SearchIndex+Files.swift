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
        let bucketNames = (0..<buckets).map { _ in SearchIndexWriter.hex(Array(tableReader.bytes(6))) }
        guard let ownFiles = Self.ownFiles(in: &tableReader, count: count) else { return nil }
        var namedInTable = 0
        for bucketName in bucketNames {
            guard let file = read("b-\(bucketName).bin"),
                  let bucket = Deflate.decompress(file)
            else { return nil }
            var reader = VarintReader(bucket)
            while !reader.isAtEnd {
                let term = String(decoding: reader.bytes(reader.next()), as: UTF8.self)
                let key = SearchTokenizer.key(term)
                if term.unicodeScalars.count != 2 || !term.unicodeScalars.allSatisfy(SearchText.isHan) { words[key] = term }
                if reader.next() == 1 {
                    let hash = SearchIndexWriter.fnv1a32(Array(term.utf8))
                    let own = SearchIndexWriter.ownFileName(termHash: hash, name: Array(reader.bytes(SearchIndexWriter.ownNameSize)))
                    _ = reader.next()
                    // The table names it too, unless another such term has the same hash.
                    if ownFiles[hash] == own { namedInTable += 1 }
                    guard ownFiles[hash].map({ $0 == own }) ?? true,
                          let file = read(own), let content = Deflate.decompress(file)
                    else { return nil }
                    var fileReader = VarintReader(content)
                    guard String(decoding: fileReader.bytes(fileReader.next()), as: UTF8.self) == term else { return nil }
                    payloads[key] = Array(content[fileReader.at...])
                } else {
                    payloads[key] = Array(reader.bytes(reader.next()))
                }
            }
        }
        // Every file the table names is the one its term's bucket names.
        guard namedInTable == ownFiles.count else { return nil }
        self.init(payloads: payloads, words: words,
                  layout: SearchLayout(campaignsBase: layout[0], regionsBase: layout[1], bodyBase: layout[2]), count: count)
    }

    /// The table's own files, by term hash, after the bucket names, the names of the groups
    /// of documents, the provinces and the years of `count` articles.
    private static func ownFiles(in reader: inout VarintReader, count: Int) -> [UInt32: String]? {
        let groupSize = SearchIndexWriter.documentGroupSize
        _ = reader.bytes(4 * ((count + groupSize - 1) / groupSize))
        for _ in 0..<reader.next() { _ = reader.bytes(reader.next()) }
        _ = reader.next()
        for _ in 0..<(2 * count) { _ = reader.next() }
        var files: [UInt32: String] = [:]
        var hashes: [UInt32] = []
        var hash: UInt32 = 0
        for _ in 0..<reader.next() {
            hash &+= UInt32(truncatingIfNeeded: reader.nextWide())
            hashes.append(hash)
        }
        for hash in hashes {
            files[hash] = SearchIndexWriter.ownFileName(termHash: hash, name: Array(reader.bytes(SearchIndexWriter.ownNameSize)))
        }
        return reader.isAtEnd && files.count == hashes.count ? files : nil
    }
}

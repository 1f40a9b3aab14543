/// `sitegen new`: an authored article with complete front matter, ready to fill in.
public enum ArticleDraft {
    public static let placeholderBody = "（在此填写正文。）\n"

    /// The draft's file name in the seeds folder and its text. `region` is a six-digit
    /// code or a division's name (永登县, 酒泉); a name that several divisions share must
    /// be given as its code.
    public static func make(title: String, region: String?, campaigns: [String], date: ArticleDate,
                            seedsFolder: String, gazetteer: Gazetteer = .shared) throws -> (fileName: String, text: String) {
        let title = title.trimmedPageText
        guard !title.isEmpty else {
            throw SitegenError(path: seedsFolder, message: "the new article has no title", fix: "give one: sitegen new \"标题\"")
        }
        var chain: [Region] = []
        if let region, !region.isEmpty {
            if let code = RegionCode(region), gazetteer.region(code) != nil {
                chain = gazetteer.chain(to: code)
            } else {
                let matches = gazetteer.regions(named: region)
                guard !matches.isEmpty else {
                    throw SitegenError(path: seedsFolder, message: "no division of China is called \"\(region)\"",
                                       fix: "give its full name (永登县) or its six-digit code (620121)")
                }
                guard matches.count == 1 else {
                    let options = matches.map { "\($0.code) \(gazetteer.chain(to: $0.code).map(\.name).joined(separator: " "))" }
                    throw SitegenError(path: seedsFolder, message: "\"\(region)\" names \(matches.count) divisions",
                                       fix: "give the code of the one you mean: \(options.joined(separator: "; "))")
                }
                chain = gazetteer.chain(to: matches[0].code)
            }
        }
        let slug = Slug(transliterating: title) ?? Slug("article")!
        let article = Article(
            title: title, date: date, source: "", region: chain.last?.code, regions: chain.map(\.name),
            campaigns: campaigns.map(\.trimmedPageText).filter { !$0.isEmpty }, mentions: [],
            origin: "\(seedsFolder)/\(slug).md", slug: slug, summary: "", body: placeholderBody)
        return ("\(slug).md", Intermediate.text(for: article))
    }
}

import Foundation
import SitegenKit
for path in CommandLine.arguments.dropFirst() {
    let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
    let decoded = SourceDecoder.decode(SourceFile(path: path, bytes: bytes))
    guard let text = decoded.value else { print(decoded.diagnostics); continue }
    let e = ArticleExtractor.extract(text)
    let c = CampaignFinder.campaigns(title: e.title ?? "", tag: e.titleTag, paragraphs: e.paragraphs)
    print("== \(path)\n title: \(e.title ?? "-") campaigns: \(c) mentions: \(CampaignFinder.mentions(in: e.paragraphs, excluding: c))")
}

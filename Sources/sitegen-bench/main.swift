import Foundation
import SitegenKit

// Times one stage of the build by itself.
//
//   sitegen-bench search SEEDS_DIR
//
// Loads and indexes the articles as `sitegen build` does, then resets the kernel's
// high-water mark of resident memory (Linux: /proc/self/clear_refs) and runs the search
// stage alone, for scripts/bench-search. Prints: wall seconds, CPU seconds (user + system,
// all threads), peak resident MB during the stage, resident MB before it, files and bytes
// the stage makes.
//
//   sitegen-bench render SEEDS_DIR TEMPLATES_DIR
//
// Renders every page of the site on one thread, kind by kind, with the cards shared as a
// build shares them, and prints each kind's pages, milliseconds and microseconds a page:
// where the render stage's time goes, steadier than a whole build's two busy cores.
//
//   sitegen-bench scan SEEDS_DIR
//
// Lists the seeds (SeedScanner) again and again, and prints the best time of 40, three times.
let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "scan" {
    // The best of 40 listings, three times: what every build, even one with nothing to do,
    // spends before it stats the seeds.
    let folder = URL(fileURLWithPath: arguments[2])
    for _ in 0..<3 {
        var best = Double.infinity
        for _ in 0..<40 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try SeedScanner.scan(directory: folder)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "listing the seeds: %.2f ms (best of 40)", best))
    }
    exit(0)
}
guard arguments.count >= 3, arguments[1] == "search" && arguments.count == 3 || arguments[1] == "render" && arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: sitegen-bench search SEEDS_DIR | render SEEDS_DIR TEMPLATES_DIR | scan SEEDS_DIR\n".utf8))
    exit(2)
}

func status(_ field: String) -> Double {
    let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
}

let seeds = try SeedScanner.scan(directory: URL(fileURLWithPath: arguments[2]), folderName: "seeds")
// As in a build: the bodies in a spill file, the index's files written as they are made.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: scratch) }
let loaded = ArticleLoader.load(seeds.seeds).articles
let index = SiteIndex(articles: BodyFile(folder: scratch)?.spill(loaded) ?? loaded, gazetteer: .shared)
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

if arguments[1] == "render" {
    let templates = try TemplateLibrary(directory: arguments[3])
    let plan = PagePlanner.plan(index)
    let cardsStart = cpuSeconds()
    let renderer = SiteRenderer(index: index, config: SiteConfig(), templates: templates).sharingCards(on: plan)
    var total = (cpuSeconds() - cardsStart) * 1000
    print(String(format: "cards     %6d cards %8.1f ms (CPU, on all cores)", index.articles.count, total))
    func kind(_ page: PlannedPage) -> String {
        switch page.kind {
        case .article: "article"
        case .region: "region"
        case .campaign: "campaign"
        case .year: "year"
        case .regionFeed, .campaignFeed, .siteFeed: "feed"
        default: "other"
        }
    }
    for name in ["article", "region", "campaign", "year", "feed", "other"] {
        let pages = plan.filter { kind($0) == name }
        let start = cpuSeconds()
        var bytes = 0
        for page in pages { bytes += try renderer.render(page).count }
        let ms = (cpuSeconds() - start) * 1000
        total += ms
        print(String(format: "%@ %6d pages %8.1f ms %7.1f µs a page %6.1f MB", name.padding(toLength: 9, withPad: " ", startingAt: 0), pages.count, ms, ms * 1000 / Double(max(1, pages.count)), Double(bytes) / 1e6))
    }
    print(String(format: "all       %6d pages %8.1f ms", plan.count, total))
    exit(0)
}

MallocTrim.releaseFreedMemory()  // as the build does after import
let before = status("VmRSS")
let cpuStart = cpuSeconds()
try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
let start = DispatchTime.now()
// Each file is counted and let go, not written: on this ext4, creating files after many
// were deleted costs several times the index itself, and varies run to run. The time the
// stage takes in a build, writing its files, is in the build's log (scripts/bench-search
// prints both).
let search = try SearchIndexWriter.write(for: index.articles) { _, bytes in bytes.count }
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
let cpu = cpuSeconds() - cpuStart
let peak = status("VmHWM")
print(String(format: "%.2f %.2f %.0f %.0f %d %d", seconds, cpu, peak, before, search.placed.count, search.placed.reduce(0, +)))

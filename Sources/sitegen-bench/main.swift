import Foundation
import SitegenKit

// Times one stage of the build by itself, with its own peak memory, for scripts/bench-search.
//
//   sitegen-bench search SEEDS_DIR
//
// Loads and indexes the articles as `sitegen build` does, then resets the kernel's
// high-water mark of resident memory (Linux: /proc/self/clear_refs) and runs the search
// stage alone. Prints: wall seconds, CPU seconds (user + system, all threads), peak resident
// MB during the stage, resident MB before it, files and bytes written by the stage.
let arguments = CommandLine.arguments
guard arguments.count == 3, arguments[1] == "search" else {
    FileHandle.standardError.write(Data("usage: sitegen-bench search SEEDS_DIR\n".utf8))
    exit(2)
}

func status(_ field: String) -> Double {
    let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = text.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    return (Double(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
}

let seeds = try SeedScanner.scan(directory: URL(fileURLWithPath: arguments[2]), displayPrefix: "seeds")
let index = SiteIndex(articles: try ArticleLoader.load(seeds.seeds).articles, gazetteer: .shared)
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let before = status("VmRSS")
let cpuStart = cpuSeconds()
try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
let start = DispatchTime.now()
let search = SearchIndexWriter.files(for: index.articles)
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
let cpu = cpuSeconds() - cpuStart
let peak = status("VmHWM")
let bytes = search.files.reduce(0) { $0 + $1.1.count }
print(String(format: "%.2f %.2f %.0f %.0f %d %d", seconds, cpu, peak, before, search.files.count, bytes))

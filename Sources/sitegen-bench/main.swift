import Foundation
import SitegenKit

// Times one stage of the build by itself, with its own peak memory, for scripts/bench-search.
//
//   sitegen-bench search SEEDS_DIR
//
// Loads and indexes the articles as `sitegen build` does, then resets the kernel's
// high-water mark of resident memory (Linux: /proc/self/clear_refs) and runs the search
// stage alone. Prints: wall seconds, CPU seconds (user + system, all threads), peak resident
// MB during the stage, resident MB before it, files and bytes the stage makes.
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

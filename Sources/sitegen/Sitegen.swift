import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A synchronous root: each command runs on the main thread, and Swift's concurrency runtime
/// starts only for `serve`. With an asynchronous root, every command began by starting
/// the runtime's thread pool and moving to it: `sitegen build --help` took 7.5 and 7.3 ms
/// against 6.0 and 5.8 (hyperfine, 150 runs, twice), a rebuild with nothing changed at
/// 10,000 articles 52.2 and 46.6 ms against 50.6 and 45.5 (medians of 40 and 60,
/// interleaved, in a slow stretch of the machine).
@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Publishes news of ethnic-unity demonstration-site work (民族团结进步示范创建) as a static site.",
        subcommands: [BuildCommand.self, ImportCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// Ctrl-C and SIGTERM stop every command, also when the program that started sitegen had
    /// them blocked (a blocked mask is inherited: Foundation's `Process` passes on its
    /// thread's, which Dispatch's threads block). `serve` runs until it is stopped.
    static func main() {
        var stopping = sigset_t()
        sigemptyset(&stopping)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&stopping, signal) }
        pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
        main(nil)
    }
}

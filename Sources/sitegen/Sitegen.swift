import ArgumentParser

@main
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Publishes news of ethnic-unity demonstration-site work (民族团结进步示范创建) as a static site.",
        subcommands: [BuildCommand.self, ImportCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self)
}

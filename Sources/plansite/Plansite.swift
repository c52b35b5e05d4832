import ArgumentParser

@main
struct Plansite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Builds a static portal of government improvement plans (PAR INDEX, PAPI, SIPAS).",
        discussion: """
            Plans are written in Content/ (YAML and Markdown, see docs/content-format.md), rendered \
            through Templates/ (Mustache, see docs/templates.md) into Public/, a folder any web server \
            can host or a browser can open from disk.
            """,
        subcommands: [
            CheckCommand.self, BuildCommand.self, ServeCommand.self, NewCommand.self, ImportGroupCommand.self,
        ]
    )
}

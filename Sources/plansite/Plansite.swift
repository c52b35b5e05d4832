import ArgumentParser

@main
struct Plansite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite",
        abstract: "Dựng cổng thông tin tĩnh về các kế hoạch cải thiện chỉ số (PAR INDEX, PAPI, SIPAS).",
        discussion: """
            Kế hoạch được soạn trong Content/ (YAML và Markdown, xem docs/content-format.md), dựng \
            qua mẫu trang Templates/ (Mustache, xem docs/templates.md) thành thư mục Public/: đưa lên \
            bất kỳ máy chủ web nào, hoặc mở thẳng bằng trình duyệt trên máy. Hướng dẫn cho cán bộ: \
            docs/huong-dan/README.md.
            """,
        subcommands: [
            CheckCommand.self, BuildCommand.self, ServeCommand.self, NewCommand.self, ImportGroupCommand.self,
        ]
    )
}

import Mustache

/// An optional field that has no value: it renders as nothing and is false in a section, but,
/// unlike nil, it stops Mustache from looking the name up in the enclosing contexts — without
/// it a signer with no title printed the page's title in its place.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

extension Optional {
    /// The value, or `Absent` when there is none.
    var orAbsent: Any { self.map { $0 as Any } ?? Absent() }
}

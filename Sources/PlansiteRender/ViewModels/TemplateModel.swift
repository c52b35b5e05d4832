import Mustache

/// A view model whose fields templates may use, declared once in a table (`fields`): name →
/// what kind of value it is, and how to read it. From that one table come both the look-up
/// Mustache makes while rendering (`child(named:)`: a dictionary, no Mirror — reflecting every
/// model on every access was three quarters of a build) and the schema `TemplateKeys` checks
/// every template against when the templates are loaded.
protocol TemplateModel: MustacheParent, SendableMetatype {
    static var fields: FieldTable<Self> { get }
    /// What the model is, in the words of a message to a clerk: "trang kế hoạch".
    static var displayName: String { get }
}

extension TemplateModel {
    func child(named key: String) -> Any? {
        guard let field = Self.fields.byName[key] else { return nil }
        return field.read(self)
    }
}

/// The kind of value a field holds, as a template sees it.
indirect enum ValueKind: Sendable {
    /// Text or a number, escaped when shown; a section over it shows `{{.}}`.
    case text
    /// A condition for `{{#…}}` and `{{^…}}`.
    case flag
    /// Markup plansite made itself, shown with `{{{…}}}`.
    case html
    /// A list: `{{#…}}` repeats for each element.
    case list(ValueKind)
    /// A nested model: `{{#…}}` opens it, `{{a.b}}` reaches into it.
    case model(any TemplateModel.Type)
    /// Not a field: the position in the list a section repeats, read by swift-mustache's
    /// `first()`, `last()`, `index()`, `even()`, `odd()`.
    case sequence
}

/// What a field of an optional value does when there is none.
///
/// There is one answer: it renders as nothing. A field that let Mustache look the name up
/// in the enclosing models instead would show another object's value in its place — a
/// report without a percent would show its task's — so no such choice is offered.
enum WhenNil {
    /// Renders as nothing and is false, and hides same-named fields further out (`Absent`).
    case absent
}

/// One field of a view model: its kind and how to read it.
struct Field<Model>: Sendable {
    let kind: ValueKind
    let read: @Sendable (Model) -> Any?

    static func text<Value>(_ get: @escaping @Sendable (Model) -> Value) -> Field {
        Field(kind: .text) { get($0) }
    }

    static func text<Value>(_ get: @escaping @Sendable (Model) -> Value?, whenNil: WhenNil) -> Field {
        Field(kind: .text, read: optional(get, whenNil))
    }

    static func flag(_ get: @escaping @Sendable (Model) -> Bool) -> Field {
        Field(kind: .flag) { get($0) }
    }

    static func html(_ get: @escaping @Sendable (Model) -> String) -> Field {
        Field(kind: .html) { get($0) }
    }

    static func html(_ get: @escaping @Sendable (Model) -> String?, whenNil: WhenNil) -> Field {
        Field(kind: .html, read: optional(get, whenNil))
    }

    /// A fragment made on first use, shown as its text.
    static func html(_ get: @escaping @Sendable (Model) -> Fragment) -> Field {
        Field(kind: .html) { get($0).description }
    }

    static func list(_ get: @escaping @Sendable (Model) -> [String]) -> Field {
        Field(kind: .list(.text)) { get($0) }
    }

    static func list<Element: TemplateModel>(_ get: @escaping @Sendable (Model) -> [Element]) -> Field {
        Field(kind: .list(.model(Element.self))) { get($0) }
    }

    static func section<Value: TemplateModel>(_ get: @escaping @Sendable (Model) -> Value) -> Field {
        Field(kind: .model(Value.self)) { get($0) }
    }

    static func section<Value: TemplateModel>(
        _ get: @escaping @Sendable (Model) -> Value?, whenNil: WhenNil
    ) -> Field {
        Field(kind: .model(Value.self), read: optional(get, whenNil))
    }

    private static func optional<Value>(
        _ get: @escaping @Sendable (Model) -> Value?, _ whenNil: WhenNil
    ) -> @Sendable (Model) -> Any? {
        switch whenNil {
        case .absent: { get($0).orAbsent }
        }
    }
}

/// A view model's fields by name, in the order they are declared.
struct FieldTable<Model>: Sendable {
    let names: [String]
    let byName: [String: Field<Model>]

    init(_ fields: KeyValuePairs<String, Field<Model>>) {
        names = fields.map(\.key)
        byName = Dictionary(fields.map { ($0.key, $0.value) }) { first, _ in first }
    }

    /// Each field's kind, for the template check.
    var kinds: [String: ValueKind] { byName.mapValues(\.kind) }
}

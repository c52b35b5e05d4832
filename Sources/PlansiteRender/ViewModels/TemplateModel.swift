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
        Self.fields.read(key, of: self)
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
///
/// Only the readers are per model; the names, kinds and look-up live in a `FieldSchema`, which
/// is not generic. A `[String: Field<Model>]` here made the optimizer specialize the whole of
/// Dictionary and Array once per view model (64 of them): 39 % of PlansiteRender's SIL
/// instructions. Without them the module's release compile takes a quarter less time
/// (28.7 → 22.1 s, docs/performance.md).
struct FieldTable<Model>: Sendable {
    let schema: FieldSchema
    private let readers: [FieldReaderBox]

    // Not inlined into each model's `fields` initializer, where it only made the code larger.
    @inline(never)
    init(_ fields: KeyValuePairs<String, Field<Model>>) {
        var names: [String] = []
        var kinds: [ValueKind] = []
        var readers: [FieldReaderBox] = []
        for (name, field) in fields {
            names.append(name)
            kinds.append(field.kind)
            readers.append(FieldReader(field.read))
        }
        schema = FieldSchema(names: names, kinds: kinds)
        self.readers = readers
    }

    /// The field `key` of `model`, or nil when the model has no such field.
    func read(_ key: String, of model: Model) -> Any? {
        guard let index = schema.index[key] else { return nil }
        // Every box in `readers` was made by `init` as a `FieldReader<Model>`.
        return unsafeDowncast(readers[index], to: FieldReader<Model>.self).read(model)
    }
}

/// A view model's field names, in the order they are declared, and each one's kind.
final class FieldSchema: Sendable {
    let names: [String]
    /// Name → position in `names`; a name declared twice keeps its first field.
    let index: [String: Int]
    private let kinds: [ValueKind]

    init(names: [String], kinds: [ValueKind]) {
        self.names = names
        self.kinds = kinds
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }

    func kind(_ key: String) -> ValueKind? { index[key].map { kinds[$0] } }
}

/// A field's reader with its model type erased, so that the table's array is one type for every
/// model. Immutable: the subclass holds one `let` of a `@Sendable` closure, set at `init`, which is
/// why the unchecked conformance is sound.
class FieldReaderBox: @unchecked Sendable {}

final class FieldReader<Model>: FieldReaderBox, @unchecked Sendable {
    let read: @Sendable (Model) -> Any?
    init(_ read: @escaping @Sendable (Model) -> Any?) { self.read = read }
}

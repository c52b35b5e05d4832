/// Every template the renderer renders by name, with the view model it is rendered with.
/// `TemplateSet.load` refuses a templates folder that lacks one of them (`missing-template`)
/// and checks every key each uses against its model's fields (`unknown-template-key`), so
/// after a successful load every name renders — never as a silent empty page.
///
/// The layouts and the other partials are not here: templates include them by name
/// (`{{<layout}}`, `{{>partials/chart}}`), and a missing one is reported at its tag.
enum TemplateName: String, CaseIterable, Sendable {
    case home = "pages/home"
    case plan = "pages/plan"
    case appendix = "pages/appendix"
    case department = "pages/department"
    case departmentChecklist = "pages/department-checklist"
    case directory = "pages/directory"
    case index = "pages/index"
    case notFound = "pages/not-found"
    case search = "pages/search"
    case about = "pages/about"
    case openData = "pages/open-data"
    /// A task's departments, rendered once per task and shown on every page that lists it.
    case taskRoles = "partials/task-roles"
    /// A task's status and report history.
    case taskProgress = "partials/task-progress"
    /// An appendix table, rendered once for the plan page and its printable page.
    case criteriaTable = "partials/criteria-table"

    /// The template's path in the templates folder, without `.mustache`.
    var path: String { rawValue }

    /// The view model the template is rendered with.
    var model: any TemplateModel.Type {
        switch self {
        case .home: HomePage.self
        case .plan: PlanPage.self
        case .appendix: AppendixPrintPage.self
        case .department: DepartmentPage.self
        case .departmentChecklist: DepartmentChecklistPage.self
        case .directory: DirectoryPage.self
        case .index: IndexPage.self
        case .notFound: NotFoundPage.self
        case .search: SearchPage.self
        case .about: AboutPage.self
        case .openData: OpenDataPage.self
        case .taskRoles: TaskView.self
        case .taskProgress: TaskProgressView.self
        case .criteriaTable: AppendixView.self
        }
    }
}

/// Every diagnostic plansite can report. Tests match these codes, not the wording.
public enum DiagnosticCode: String, Sendable, CaseIterable, Hashable, Codable {
    // Files and syntax
    case unreadableFile = "unreadable-file"
    case notText = "not-text"
    case fileTooLarge = "file-too-large"
    case emptyFile = "empty-file"
    case yamlSyntax = "yaml-syntax"
    case missingFrontMatter = "missing-front-matter"
    case unexpectedFile = "unexpected-file"
    case specialFile = "special-file"
    case yamlAnchor = "yaml-anchor"
    case yamlTooComplex = "yaml-too-complex"
    case invisibleCharacter = "invisible-character"
    /// Stands for the diagnostics of a file past the first `DiagnosticBag.perFileLimit`.
    case tooManyDiagnostics = "too-many-diagnostics"
    // Shape of the definitions
    case unknownField = "unknown-field"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case duplicateKey = "duplicate-key"
    // Values
    case malformedNumber = "malformed-number"
    case malformedDate = "malformed-date"
    case malformedSlug = "malformed-slug"
    case valueTooLong = "value-too-long"
    case numberTooPrecise = "number-too-precise"
    case unknownIndex = "unknown-index"
    case unknownValue = "unknown-value"
    case malformedBaseURL = "malformed-base-url"
    case malformedBasePath = "malformed-base-path"
    /// An e-mail address, telephone number or licence link in site.yaml that is not one.
    case malformedContact = "malformed-contact"
    /// site.yaml lacks an item of the portal's identity that Nghị định 42/2022/NĐ-CP requires.
    case missingOperatorInfo = "missing-operator-info"
    // References and identity
    case unknownDepartment = "unknown-department"
    case unknownLocality = "unknown-locality"
    case duplicateId = "duplicate-id"
    case ambiguousAlias = "ambiguous-alias"
    case unknownParent = "unknown-parent"
    case departmentCycle = "department-cycle"
    // Criteria and tasks
    case duplicateCriterionCode = "duplicate-criterion-code"
    case misplacedCriterionCode = "misplaced-criterion-code"
    case pointsDoNotAddUp = "points-do-not-add-up"
    case scoreAboveMax = "score-above-max"
    case targetBelowLast = "target-below-last"
    case taskWithoutDepartment = "task-without-department"
    case deadlineOutsidePlanYear = "deadline-outside-plan-year"
    case indexNotInPlan = "index-not-in-plan"
    // Index results and targets
    /// Two places give different figures for one locality, index and year.
    case contradictoryResult = "contradictory-result"
    /// results.yaml repeats a figure a plan already quotes (or one of its own lines).
    case duplicateResult = "duplicate-result"
    /// A target's figure cannot be read.
    case malformedTarget = "malformed-target"
    /// The signed original cannot be used (not a PDF, too large, missing).
    case badOriginal = "bad-original"
    // Progress reports
    case malformedPeriod = "malformed-period"
    case periodOutsidePlan = "period-outside-plan"
    case unknownTask = "unknown-task"
    case departmentNotAssigned = "department-not-assigned"
    case percentOutOfRange = "percent-out-of-range"
    case percentContradictsStatus = "percent-contradicts-status"
    case duplicateReport = "duplicate-report"
    case reportBeforePeriod = "report-before-period"
    case reportAfterAsOf = "report-after-as-of"
    // Report forms (`plansite import report`)
    /// A task's row was deleted from an Excel report form.
    case formRowRemoved = "form-row-removed"
    /// A locked cell of a report form (reference, task, role, time frame, plan) was changed.
    case lockedCellEdited = "locked-cell-edited"
    // Templates
    case templateSyntax = "template-syntax"
    case missingTemplate = "missing-template"
    case templateCycle = "template-cycle"
    case templateTooDeep = "template-too-deep"
    /// A template uses a key its view model does not have: it would render as nothing.
    case unknownTemplateKey = "unknown-template-key"
    // Import of whole documents (`plansite import plan.docx`)
    /// The document could not be read at all: not a .docx, no document.xml, too large, broken XML.
    case unreadableDocument = "unreadable-document"
    /// A part of the document that the importer could not map into the plan folder.
    case unmappedContent = "unmapped-content"
    // Import of appendix tables (`plansite import bang.txt|.csv|.tsv`), notes for a person
    /// A reading the importer chose that a person should confirm (a department cell with more words).
    case importReading = "import-reading"
    /// A line skipped on purpose: a repeated header row, a column-number row, a rule.
    case skippedLine = "skipped-line"
    // Output
    case outputFailed = "output-failed"
    /// The output folder is one plansite must not replace (the content, a parent of it, a file…).
    case unsafeOutput = "unsafe-output"
    /// Another build is writing the same output folder.
    case outputBusy = "output-busy"
}

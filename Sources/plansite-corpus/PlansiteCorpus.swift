import ArgumentParser
import Foundation

@main
struct PlansiteCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plansite-corpus",
        abstract: "Writes a national-scale content folder for benchmarks.",
        discussion: """
            Deterministic: the same arguments give byte-identical files, all drawn from --seed and \
            never from the clock (the portal's as-of date is \(Corpus.asOf)). Plans come with the \
            quarterly progress reports of their lead departments unless --no-reports is given. The \
            folder passes `plansite check` with no error and no warning.
            """
    )

    @Option(help: "How many localities (63 is the whole country; more are numbered repeats).")
    var localities = 63

    @Option(help: "How many plan years, ending with \(Corpus.lastYear).")
    var years = 5

    @Option(help: "The seed every value is drawn from.")
    var seed: UInt64 = 1

    @Option(help: "The folder to write.")
    var out: String

    @Flag(inversion: .prefixedNo, help: "Write the plans' quarterly progress reports (bao-cao-*.yaml).")
    var reports = true

    @Flag(help: "Replace the folder when it is not empty.")
    var force = false

    func validate() throws {
        guard (1...999).contains(localities) else { throw ValidationError("--localities must be from 1 to 999") }
        guard (1...50).contains(years) else { throw ValidationError("--years must be from 1 to 50") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let root = URL(fileURLWithPath: out)
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            guard force else {
                throw ValidationError("\(out) is not empty; choose an empty folder or pass --force to replace it")
            }
            try fileManager.removeItem(at: root)
        }
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        let summary = try Corpus(localities: localities, years: years, seed: seed, reports: reports).write(to: root)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        print(
            "plansite-corpus: \(summary.localities) localities, \(summary.plans) plans, \(summary.tasks) tasks, "
                + "\(summary.reports) reports, \(summary.departments) departments, \(summary.files) files, "
                + "\(summary.bytes) bytes "
                + "in \(out) (\(milliseconds) ms)")
    }
}

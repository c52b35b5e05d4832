import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `kill -9` at random moments of real `plansite build` runs (the executable in the package's
/// build folder) on the fixture site, cold and incremental: after every kill the output is
/// byte for byte either the site before the build or the site after it, and the next build
/// works and equals a cold build. Half the kills fall at a random moment of the whole run, half
/// at a random moment after the build first changes something in or beside the output (however
/// it writes), so that many land mid-write. The seed
/// is fixed; PLANSITE_KILLS sets the number of kills (40 by default, about 10–25 s in debug).
@Suite(.serialized) struct KillTests {
    /// The versions of the content the builds go between.
    enum Version: Int, CaseIterable {
        /// The fixture site.
        case original
        /// One plan's text changed: an incremental build.
        case planEdited
        /// The site's title changed too: a shared input, so a cold build.
        case titleEdited
    }

    let temporary: TemporaryFolder
    let plan: URL
    let settings: URL
    let originalPlan: String
    let originalSettings: String

    init() throws {
        temporary = try TemporaryFolder()
        try temporary.overlay(TestPaths.fixtures.appendingPathComponent("site"), at: "content")
        plan = temporary.path("content/plans/2024-mau-par-index/plan.md")
        settings = temporary.path("content/site.yaml")
        originalPlan = try String(contentsOf: plan, encoding: .utf8)
        originalSettings = try String(contentsOf: settings, encoding: .utf8)
    }

    func use(_ version: Version) throws {
        let planText = version == .original ? originalPlan : originalPlan + "\nMột đoạn thêm cho bản dựng tăng dần.\n"
        let settingsText =
            version == .titleEdited
            ? originalSettings.replacingOccurrences(
                of: "title: Cổng kế hoạch mẫu", with: "title: Cổng kế hoạch mẫu mới")
            : originalSettings
        // A file is written only when it changes: a new modification time alone would make the
        // build cold.
        for (text, file) in [(planText, plan), (settingsText, settings)]
        where (try? String(contentsOf: file, encoding: .utf8)) != text {
            try text.write(to: file, atomically: false, encoding: .utf8)
        }
    }

    func arguments(output: String, cache: Bool) -> [String] {
        ["build", "--content", "content", "--templates", TestPaths.templates.path, "--output", output]
            + (cache ? [] : ["--no-cache"])
    }

    func start(_ arguments: [String]) throws -> Process {
        guard let executable = plansiteExecutable else { throw PlansiteExecutableMissing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = temporary.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Staging and retired folders beside `site`: present only while a build is writing.
    func writing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: temporary.url.path)) ?? []).filter {
            $0.hasPrefix(".site.building-") || $0.hasPrefix(".site.staged-") || $0.hasPrefix(".site.previous-")
        }
    }

    /// What a build may change first, however it writes: the names beside the output, and each
    /// file and folder in it with its inode, size and modification time.
    func signature() -> [String] {
        var out = ((try? FileManager.default.contentsOfDirectory(atPath: temporary.url.path)) ?? []).sorted()
        func walk(_ folder: String) {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                var info = stat()
                guard lstat(folder + "/" + name, &info) == 0 else { continue }
                #if canImport(Darwin)
                    let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
                #else
                    let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
                #endif
                out.append("\(folder)/\(name) \(info.st_ino) \(info.st_size) \(modified)")
                if info.st_mode & S_IFMT == S_IFDIR { walk(folder + "/" + name) }
            }
        }
        walk(temporary.path("site").path)
        return out
    }

    @Test func killedBuildsLeaveTheOldSiteOrTheNewOneAndTheNextBuildEqualsACold() throws {
        let started = ContinuousClock.now
        let kills = Int(ProcessInfo.processInfo.environment["PLANSITE_KILLS"] ?? "") ?? 40
        var random = SplitMix64(seed: 20_261_202)
        // Cold builds of every version, into their own folders: what an output may be.
        var references: [Version: [String: Data]] = [:]
        var durations: [Duration] = []
        for version in Version.allCases {
            try use(version)
            let clock = ContinuousClock.now
            let run = try runPlansite(arguments(output: "ref-\(version.rawValue)", cache: false), in: temporary.url)
            durations.append(ContinuousClock.now - clock)
            #expect(run.status == 0, "\(run.output)")
            references[version] = try outputTree(temporary.path("ref-\(version.rawValue)"))
        }
        #expect(Set(references.values).count == Version.allCases.count, "the versions give different sites")
        let typical = durations.sorted()[durations.count / 2]
        var current = Version.original
        try use(current)
        #expect(try runPlansite(arguments(output: "site", cache: true), in: temporary.url).status == 0)
        #expect(try outputTree(temporary.path("site")) == references[current])

        var killedMidWrite = 0
        var killedOutsideWrite = 0
        var finishedFirst = 0
        for round in 0..<kills {
            let target = random.pick(Version.allCases.filter { $0 != current })
            let cache = random.chance(75)
            let targeted = round % 2 == 1
            try use(target)
            // Folders an earlier killed build left: this build removes them, they are not its own.
            let earlier = Set(writing())
            func own() -> Set<String> { Set(writing()).subtracting(earlier) }
            let process = try start(arguments(output: "site", cache: cache))
            if targeted {
                // A random moment after the build first changes anything beside or in the output
                // (a staging folder appears, a file is written), or after it ends.
                let before = signature()
                while process.isRunning, signature() == before { usleep(200) }
                // Mostly within the first two milliseconds, sometimes up to fifteen (the swap, the
                // cache save, the deletion of the previous site).
                usleep(UInt32(random.int(0...(random.chance(60) ? 2_000 : 15_000))))
            } else {
                let span = Int(
                    typical.components.seconds * 1_000_000 + typical.components.attoseconds / 1_000_000_000_000)
                usleep(UInt32(random.int(0...(span * 6 / 5))))
            }
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let description = "round \(round): \(current) → \(target), \(cache ? "cached" : "--no-cache")"
            if !wasRunning || process.terminationReason == .exit {
                finishedFirst += 1
                #expect(process.terminationStatus == 0, "\(description): the build failed")
            } else if own().isEmpty {
                killedOutsideWrite += 1
            } else {
                killedMidWrite += 1
            }
            let now = try outputTree(temporary.path("site"))
            if now == references[target] {
                current = target
            } else {
                #expect(now == references[current], "\(description): the output is neither the old site nor the new")
            }
            // Every fourth round, the next build runs to the end: it must give the cold build's site.
            if round % 4 == 3 {
                let next = random.pick(Version.allCases)
                try use(next)
                let run = try runPlansite(arguments(output: "site", cache: true), in: temporary.url)
                #expect(run.status == 0, "\(description), then a whole build: \(run.output)")
                #expect(try outputTree(temporary.path("site")) == references[next], "\(description), then \(next)")
                current = next
            }
        }
        try use(.planEdited)
        let last = try runPlansite(arguments(output: "site", cache: true), in: temporary.url)
        #expect(last.status == 0, "\(last.output)")
        #expect(try outputTree(temporary.path("site")) == references[.planEdited])
        #expect(writing().isEmpty, "the last build removed every staging folder")
        let elapsed = ContinuousClock.now - started
        print(
            "KillTests: \(kills) kills in \(elapsed): \(killedMidWrite) mid-write, "
                + "\(killedOutsideWrite) before or after writing, \(finishedFirst) after the build had finished")
        #expect(killedMidWrite > 0, "no kill landed while the build was writing: the test proves little")
    }

    /// `kill -9` of a running `plansite serve` at random moments after a save: while it waits
    /// for the change, rebuilds in its session (into the copy it prepared), or tidies after the
    /// build (deleting the previous site, saving the cache, preparing the next copy). The output
    /// is the old site or the new one after every kill, the next serve starts from it, and a
    /// last build leaves nothing beside the output. PLANSITE_SERVE_KILLS rounds (12 by default).
    @Test func killedPreviewServersLeaveTheOldSiteOrTheNewOne() throws {
        let rounds = Int(ProcessInfo.processInfo.environment["PLANSITE_SERVE_KILLS"] ?? "") ?? 12
        var random = SplitMix64(seed: 20_261_204)
        let versions: [Version] = [.original, .planEdited]
        var references: [Version: [String: Data]] = [:]
        for version in versions {
            try use(version)
            let run = try runPlansite(arguments(output: "ref-\(version.rawValue)", cache: false), in: temporary.url)
            #expect(run.status == 0, "\(run.output)")
            references[version] = try outputTree(temporary.path("ref-\(version.rawValue)"))
        }
        var current = Version.original
        try use(current)
        #expect(try runPlansite(arguments(output: "site", cache: true), in: temporary.url).status == 0)
        let log = temporary.path("serve.log")
        var (keptOld, reachedNew) = (0, 0)
        // The version the content is at: the last one saved, which a server killed before its
        // rebuild had not built yet.
        var saved = current
        for round in 0..<rounds {
            guard let executable = plansiteExecutable else { throw PlansiteExecutableMissing() }
            #expect(FileManager.default.createFile(atPath: log.path, contents: nil))
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "serve", "--port", "0", "--content", "content", "--templates", TestPaths.templates.path, "--output",
                "site",
            ]
            process.currentDirectoryURL = temporary.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
            // Its first build done (nothing changed: the output stays), and half the time its
            // tidying too.
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline,
                !((try? String(contentsOf: log, encoding: .utf8)) ?? "").contains("[1]")
            {
                usleep(10_000)
            }
            if random.chance(50) { usleep(UInt32(random.int(0...400_000))) }
            let target: Version = current == .original ? .planEdited : .original
            try use(target)
            saved = target
            // Half the kills within 0.1 s of the save (before the poll and the rebuild are
            // through), half from 0.3 s to 3 s (the poll every 300 ms, the rebuild, its tidying).
            usleep(UInt32(round % 2 == 0 ? random.int(0...100_000) : random.int(300_000...3_000_000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try outputTree(temporary.path("site"))
            if now == references[target] {
                current = target
                reachedNew += 1
            } else {
                #expect(now == references[current], "round \(round): the output is neither the old site nor the new")
                keptOld += 1
            }
        }
        let last = try runPlansite(arguments(output: "site", cache: true), in: temporary.url)
        #expect(last.status == 0, "\(last.output)")
        #expect(try outputTree(temporary.path("site")) == references[saved], "the last build builds what was saved")
        #expect(writing().isEmpty, "the build removed what the killed servers left")
        print("KillTests: \(rounds) preview servers killed: \(keptOld) before the new site, \(reachedNew) after")
        #expect(keptOld > 0 && reachedNew > 0, "the kills fell on one side of the swap only")
    }
}

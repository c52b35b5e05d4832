// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "plansite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plansite", targets: ["plansite"]),
        .executable(name: "plansite-corpus", targets: ["plansite-corpus"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", exact: "0.27.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
    ],
    targets: [
        // cmark-gfm, from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // SHA-256 from the system's libcrypto (Debian's libssl-dev), instead of compiling BoringSSL.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Writing .xlsx workbooks, from Debian's libxlsxwriter-dev.
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // .xlsx workbooks: written through libxlsxwriter, read through ZIPFoundation and XMLParser.
        .target(
            name: "PlansiteXLSX",
            dependencies: ["CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Stage 0: diagnostics shared by every stage.
        .target(name: "PlansiteDiagnostics"),
        // Ordered data-parallel map for the build's independent work.
        .target(name: "PlansiteSupport", dependencies: ["CLibCrypto"]),
        // Pure domain types: no I/O.
        .target(name: "PlansiteModel"),
        // Stage 1: files → definitions (YAML via Yams, front matter split), with source locations.
        .target(
            name: "PlansiteLoader",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteSupport", .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Stage 2: definitions → validated domain model, collecting every diagnostic.
        .target(
            name: "PlansiteValidator",
            dependencies: ["PlansiteDiagnostics", "PlansiteModel", "PlansiteLoader", "PlansiteSupport"]
        ),
        // Markdown → HTML through cmark-gfm, safe mode. The only importer of the C module.
        .target(name: "PlansiteMarkdown", dependencies: ["CCmarkGFM"]),
        // The interface's words for the model's facts (a role's label, a status badge, a time frame's
        // category, a directory heading, an index's name): one place that pages, exports, charts and
        // the authoring tools share, so the model holds facts only.
        .target(name: "PlansiteWording", dependencies: ["PlansiteModel"]),
        // Pure chart drawing: model values → SVG.
        .target(name: "PlansiteCharts", dependencies: ["PlansiteModel", "PlansiteWording"]),
        // Every output path and every link between pages and exports: the one place that spells them.
        .target(name: "PlansiteSiteMap", dependencies: ["PlansiteModel"]),
        // Stage 2b: the validated site → each plan judged once (progress, counts, overdue), no words.
        .target(name: "PlansiteAssess", dependencies: ["PlansiteModel", "PlansiteSupport"]),
        // Stage 3: model → typed view models → pages through Mustache templates.
        .target(
            name: "PlansiteRender",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteAssess", "PlansiteSiteMap", "PlansiteWording",
                "PlansiteMarkdown", "PlansiteCharts", "PlansiteSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Stage 4: the output tree written into a temporary folder, then swapped in.
        .target(name: "PlansiteWriter", dependencies: ["PlansiteDiagnostics", "PlansiteSiteMap", "PlansiteSupport"]),
        // The pipeline: load → validate → render → write.
        .target(
            name: "PlansiteBuild",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteLoader", "PlansiteValidator", "PlansiteAssess",
                "PlansiteSiteMap", "PlansiteRender", "PlansiteWriter", "PlansiteExport", "PlansiteSupport",
            ]
        ),
        // Feeds, sitemap, calendars, search index and open data: pure functions to output files.
        .target(
            name: "PlansiteExport",
            dependencies: [
                "PlansiteModel", "PlansiteAssess", "PlansiteSiteMap", "PlansiteWording", "PlansiteSupport",
                "PlansiteXLSX",
            ]
        ),
        // Appendix tables from Word exports (TSV with HTML fragments), CSV and TSV → content YAML;
        // whole .docx plans (ZIPFoundation for the package, Foundation's XMLParser for the XML).
        .target(
            name: "PlansiteImport",
            dependencies: [
                // The validator's department directory, so that import and check resolve names
                // alike (one way: the validator never imports the importer).
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteValidator", "PlansiteWording", "PlansiteXLSX",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `plansite serve`: build, serve on loopback, rebuild on change, live reload.
        .target(
            name: "PlansiteServe",
            dependencies: [
                // FlyingFox's sockets and event pool only: its HTTP layer has no bound on a request's
                // size or time, so PlansiteServe reads requests itself (docs/safety.md).
                "PlansiteBuild", "PlansiteDiagnostics", "PlansiteModel", "PlansiteSiteMap", "PlansiteSupport",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "plansite",
            dependencies: [
                "PlansiteBuild", "PlansiteDiagnostics", "PlansiteImport", "PlansiteServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A deterministic generator of national-scale content, for benchmarks.
        .executableTarget(
            name: "plansite-corpus",
            dependencies: [
                "PlansiteModel", "PlansiteWording", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests, one target per stage (docs/architecture.md, "Tests"). Each depends on the stage it
        // tests and what that stage's input is made with, plus TestSupport; a test that needs the
        // whole pipeline is in PlansiteBuildTests. Fixtures and golden files: Tests/Fixtures, Tests/Golden.
        .target(
            name: "TestSupport",
            dependencies: ["PlansiteDiagnostics", "PlansiteModel", "PlansiteLoader", "PlansiteValidator"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PlansiteModelTests", dependencies: ["PlansiteModel", "TestSupport"]),
        .testTarget(
            name: "PlansiteLoaderTests", dependencies: ["PlansiteDiagnostics", "PlansiteLoader", "TestSupport"]
        ),
        .testTarget(
            name: "PlansiteValidatorTests",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteLoader", "PlansiteValidator", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlansiteChartsTests",
            dependencies: ["PlansiteCharts", "PlansiteModel", "PlansiteWording", "TestSupport"]
        ),
        .testTarget(
            name: "PlansiteRenderTests",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteMarkdown", "PlansiteRender", "PlansiteAssess",
                "PlansiteSiteMap", "TestSupport",
                // TemplateLoadingTests: two builds that a refused or deep template stops or survives.
                "PlansiteBuild",
            ]
        ),
        .testTarget(
            name: "PlansiteExportTests",
            dependencies: [
                "PlansiteExport", "PlansiteModel", "PlansiteAssess", "PlansiteSiteMap", "PlansiteSupport",
                "PlansiteWording", "PlansiteXLSX", "TestSupport",
                // ExportFixture.portal: the pages beside the exports, as a build writes them.
                "PlansiteRender", "PlansiteMarkdown",
            ]
        ),
        .testTarget(
            name: "PlansiteWriterTests",
            dependencies: ["PlansiteDiagnostics", "PlansiteSupport", "PlansiteWriter", "TestSupport"]
        ),
        .testTarget(
            name: "PlansiteBuildTests",
            dependencies: [
                "PlansiteBuild", "PlansiteDiagnostics", "PlansiteModel", "PlansiteValidator", "PlansiteLoader",
                "PlansiteRender", "PlansiteMarkdown",
                "PlansiteExport", "PlansiteWriter", "PlansiteSupport", "PlansiteAssess", "PlansiteSiteMap",
                "PlansiteWording", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlansiteImportTests",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteImport", "PlansiteModel", "PlansiteValidator", "PlansiteXLSX",
                "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // YAMLEmitterTests read what the emitter writes as the loader reads it.
                .product(name: "Yams", package: "Yams"),
                // DocxImportTests, NewTests, ReportFormTests: what an import writes must build.
                "PlansiteBuild",
            ]
        ),
        // Runs the built `plansite` executable (beside the test bundle): no module of its own.
        .testTarget(name: "PlansiteCLITests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "PlansiteServeTests",
            dependencies: [
                "PlansiteServe", "PlansiteBuild", "PlansiteDiagnostics", "TestSupport",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds of our own modules (docs/performance.md, "Compile time"): no DWARF (a crash's
// backtrace still names its functions; add `-Xswiftc -g` to profile with line numbers), and the
// modules that do no work in a portal build — the importer, the preview server and the command
// line — not optimised, since the optimiser is most of a fresh build's time and their own code is
// not where their time goes (an import's is ZIPFoundation's and XMLParser's).
let unoptimisedInRelease: Set<String> = ["PlansiteImport", "PlansiteServe", "plansite"]
for target in package.targets where target.type == .regular || target.type == .executable {
    let flags = unoptimisedInRelease.contains(target.name) ? ["-gnone", "-Onone"] : ["-gnone"]
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(flags, .when(configuration: .release))]
}

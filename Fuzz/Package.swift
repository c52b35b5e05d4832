// swift-tools-version: 6.0
// The fuzz target for plansite's loader and validator, kept apart from the main package so
// that `swift build` and `swift test` there are not slowed. The main package has no library
// products, so the five targets the loader and validator are made of are compiled here again,
// from the same sources (Linked/ holds symlinks to ../Sources). Build with scripts/fuzz.
import PackageDescription

let package = Package(
    name: "plansite-fuzz",
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2")
    ],
    targets: [
        .target(name: "PlansiteDiagnostics", path: "Linked/PlansiteDiagnostics"),
        .systemLibrary(name: "CLibCrypto", path: "Linked/CLibCrypto", pkgConfig: "libcrypto"),
        .target(name: "PlansiteSupport", dependencies: ["CLibCrypto"], path: "Linked/PlansiteSupport"),
        .target(name: "PlansiteModel", path: "Linked/PlansiteModel"),
        .target(
            name: "PlansiteLoader",
            dependencies: [
                "PlansiteDiagnostics", "PlansiteModel", "PlansiteSupport", .product(name: "Yams", package: "Yams"),
            ],
            path: "Linked/PlansiteLoader"
        ),
        .target(
            name: "PlansiteValidator",
            dependencies: ["PlansiteDiagnostics", "PlansiteModel", "PlansiteLoader", "PlansiteSupport"],
            path: "Linked/PlansiteValidator"
        ),
        // libFuzzer supplies `main`; this target only defines LLVMFuzzerTestOneInput.
        .executableTarget(
            name: "fuzz-content",
            dependencies: ["PlansiteDiagnostics", "PlansiteLoader", "PlansiteValidator"],
            path: "Target",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)

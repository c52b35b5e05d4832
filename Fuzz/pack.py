#!/usr/bin/env python3
"""Packs content folders into seed inputs for the fuzz target: the fixture site, each invalid
fixture laid over it, the fixture site with extra files, each kept finding, and each plan of
Content/ with its site settings, registry and results.

    Fuzz/pack.py OUT_FOLDER
"""

import hashlib
import itertools
import os
import sys

from fuzzformat import FIXTURE_SITE, REPOSITORY, SLOTS, pack, read, slot_of


def files_under(root):
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            out[os.path.relpath(path, root)] = path
    return out


def seeds():
    # The valid fixture site itself.
    yield [None] * len(SLOTS)
    # Each invalid fixture: its overlay files put in the slots of their kind.
    invalid = os.path.join(REPOSITORY, "Tests", "Fixtures", "invalid")
    fixture_folders = [os.path.join(invalid, name, "content") for name in sorted(os.listdir(invalid))]
    fuzz = os.path.join(REPOSITORY, "Tests", "Fixtures", "fuzz")
    for name in sorted(os.listdir(fuzz)) if os.path.isdir(fuzz) else []:
        # Findings kept as fixtures are seeds too: their raw input.
        data = read(os.path.join(fuzz, name, "input"))
        if data is not None:
            yield data
    for folder in fixture_folders:
        parts = [None] * len(SLOTS)
        for relative, path in sorted(files_under(folder).items()):
            slot = slot_of(relative)
            if slot is not None and parts[slot] is None:
                parts[slot] = read(path)
        yield parts
    # Extra files (the eighth part): a second plan, registry, appendix and report, and names the
    # loader must refuse or warn about.
    for listing in [
        b"2 plans/2025-mau-moi/plan.md\n3 plans/2025-mau-moi/phu-luc-1.yaml\n6 departments/tinh-khac.yaml\n",
        b"3 plans/2024-mau-par-index/phu-luc-2.yaml\n5 plans/2024-mau-par-index/bao-cao-2024-quy-2.yaml\n"
        b"4 plans/2024-mau-par-index/nhiem-vu.yaml\n",
        b"plans/2024-mau-par-index/phu-luc-01.yaml\nplans/2024-mau-par-index/ghi-chu.txt\n"
        b"1 site.yml\n7 plans/results.yaml\nplans/a/b/c.yaml\n2 plans/Khong Hop Le/plan.md\n",
    ]:
        yield pack([None] * len(SLOTS)) + b"\0" + listing
    # Each plan of Content/, with every appendix and report it has (one seed per pair).
    content = os.path.join(REPOSITORY, "Content")
    registries = sorted(os.listdir(os.path.join(content, "departments")))
    for slug in sorted(os.listdir(os.path.join(content, "plans"))):
        folder = os.path.join(content, "plans", slug)
        names = sorted(os.listdir(folder))
        appendices = [n for n in names if n.startswith("phu-luc-")] or [None]
        reports = [n for n in names if n.startswith("bao-cao-")] or [None]
        # The registry of the plan's locality: the longest registry name the slug starts with.
        locality = slug.split("-", 1)[1]
        matching = [r for r in registries if locality.startswith(r[: -len(".yaml")])]
        registry = max(matching, key=len) if matching else None
        for appendix, report in itertools.zip_longest(appendices, reports, fillvalue=None):
            yield [
                read(os.path.join(content, "site.yaml")),
                read(os.path.join(folder, "plan.md")),
                read(os.path.join(folder, appendix)) if appendix else None,
                read(os.path.join(folder, "nhiem-vu.yaml")),
                read(os.path.join(folder, report)) if report else None,
                read(os.path.join(content, "departments", registry)) if registry else None,
                read(os.path.join(content, "results.yaml")),
            ]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = set()
    for seed in seeds():
        data = seed if isinstance(seed, bytes) else pack(seed)
        name = hashlib.sha1(data).hexdigest()
        if name in written:
            continue
        written.add(name)
        with open(os.path.join(out, name), "wb") as file:
            file.write(data)
    print(f"{len(written)} seeds in {out} (from {FIXTURE_SITE}, the invalid fixtures and Content/)")


if __name__ == "__main__":
    main()

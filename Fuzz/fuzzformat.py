"""The fuzz target's input format (see Target/FuzzContent.swift), shared by pack.py and unpack.py.

An input is up to seven files separated by NUL bytes, laid in SLOTS order over the fixture site;
an empty part removes its file, a slot after the last part keeps the fixture's file. An eighth
part names extra files, one a line: "N path" copies part N (1-7), a bare "path" the appendix.
"""

import os
import re

SLOTS = [
    "site.yaml",
    "plans/2024-mau-par-index/plan.md",
    "plans/2024-mau-par-index/phu-luc-1.yaml",
    "plans/2023-mau-papi/nhiem-vu.yaml",
    "plans/2024-mau-par-index/bao-cao-2024-quy-1-so-noi-vu.yaml",
    "departments/tinh-mau.yaml",
    "results.yaml",
]

# Which slot a content file of any site goes to, by its place in the content format.
KINDS = [
    (re.compile(r"^site\.yaml$"), 0),
    (re.compile(r"^plans/[^/]+/plan\.md$"), 1),
    (re.compile(r"^plans/[^/]+/phu-luc-[^/]*\.yaml$"), 2),
    (re.compile(r"^plans/[^/]+/nhiem-vu\.yaml$"), 3),
    (re.compile(r"^plans/[^/]+/bao-cao-[^/]*\.yaml$"), 4),
    (re.compile(r"^departments/[^/]+\.yaml$"), 5),
    (re.compile(r"^results\.yaml$"), 6),
]

HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)
FIXTURE_SITE = os.path.join(REPOSITORY, "Tests", "Fixtures", "site")


def slot_of(relative_path):
    for pattern, slot in KINDS:
        if pattern.match(relative_path):
            return slot
    return None


def pack(parts):
    """Seven byte strings (None: the fixture's own file) → one input."""
    base = [read(os.path.join(FIXTURE_SITE, slot)) for slot in SLOTS]
    chosen = [part if part is not None else base[index] or b"" for index, part in enumerate(parts)]
    return b"\0".join(part.replace(b"\0", b"") for part in chosen)


def unpack(data):
    """One input → the parts (bytes, or b"" for a removed file), as the target splits it: the
    seven files, then the extra files' listing if there is one."""
    return data.split(b"\0", len(SLOTS))


def extra_files(parts):
    """The eighth part → [(relative path, slot whose file it copies)], as the target reads it
    (the target also skips a path that exists already, or under a file)."""
    if len(parts) <= len(SLOTS):
        return []
    out = []
    for line in [line for line in parts[len(SLOTS)].split(b"\n") if line][:8]:
        text = line.decode("utf-8", "replace")
        source = 2
        if len(text) >= 2 and text[0] in "1234567" and text[1] == " ":
            source = int(text[0]) - 1
            text = text[2:]
        components = [c for c in text.split("/") if c and c not in (".", "..")][:4]
        if components and all(len(c.encode()) <= 64 for c in components):
            out.append(("/".join(components), source))
    return out


def read(path):
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None

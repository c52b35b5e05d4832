#!/usr/bin/env python3
"""Unpacks one fuzz input (a finding) into a whole content folder, the fixture site with the
input's files laid over it, so that `plansite check --content OUT_FOLDER` shows what it does.

    Fuzz/unpack.py INPUT OUT_FOLDER
"""

import os
import shutil
import sys

from fuzzformat import FIXTURE_SITE, SLOTS, extra_files, read, unpack


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, out = sys.argv[1], sys.argv[2]
    if os.path.exists(out):
        sys.exit(f"{out} exists: give a new folder")
    shutil.copytree(FIXTURE_SITE, out)
    with open(source, "rb") as file:
        parts = unpack(file.read())
    for slot, part in zip(SLOTS, parts):
        path = os.path.join(out, slot)
        if part:
            with open(path, "wb") as file:
                file.write(part)
        elif os.path.exists(path):
            os.remove(path)
    for path, source in extra_files(parts):
        target = os.path.join(out, path)
        folder = os.path.dirname(target)
        if os.path.lexists(target) or (os.path.lexists(folder) and not os.path.isdir(folder)):
            continue
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError:
            continue
        data = parts[source] if source < len(parts) else read(os.path.join(FIXTURE_SITE, SLOTS[source])) or b""
        with open(target, "wb") as file:
            file.write(data)
        print(f"{path}: extra, a copy of {SLOTS[source]}")
    for slot, part in zip(SLOTS, parts):
        print(f"{slot}: {'removed' if not part else f'{len(part)} bytes'}")
    print(f"content folder: {out}")


if __name__ == "__main__":
    main()

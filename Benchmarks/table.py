#!/usr/bin/env python3
"""The issue-17 table of `Benchmarks/bench.sh --table`, as Markdown.

usage: table.py kinds OUT                      bytes of a plansite output, by kind
       table.py report LOG OUT HUGO_OUT KEY=VALUE ...

LOG holds one line per timed process, as bench.sh's `/usr/bin/time -f 'LABEL %e %U %S %M'`
wrote it: `LABEL wall user sys maxrss_kib`, LABEL one of plansite (cold build), hugo (cold build),
copy (`cp -r` of plansite's output), noop (rebuild, nothing changed) and edit (rebuild after
one task's text changed). plansite, hugo and copy alternate, so the n-th of each is a pair.
KEY=VALUE: localities, years, plans, reports, commit, hugo_version, hugo_source, hugo_pages,
hugo_source_pages (gen_corpus.py --pages), edit_plan, edit_files (files the edit rebuild
wrote). OUT and HUGO_OUT are the two generators' outputs.

The classification of plansite's output by kind (KINDS) follows Sources/PlansiteSiteMap: the
first pattern that matches a path (relative to the output) names its kind.
"""
import datetime
import os
import re
import statistics
import sys

KINDS = [
    ("HTML: plan pages", r"ke-hoach/[^/]+/index\.html"),
    ("HTML: printable appendix pages", r"ke-hoach/[^/]+/phu-luc-\d+/index\.html"),
    ("HTML: department pages", r"don-vi/[^/]+/index\.html"),
    ("HTML: printable department checklists", r"don-vi/[^/]+/danh-sach-in/index\.html"),
    ("HTML: home", r"index\.html"),
    ("HTML: department directory", r"don-vi/index\.html"),
    ("HTML: other (index pages, search, about, open data, 404)", r".*\.html"),
    ("plan JSON (`ke-hoach.json`)", r"ke-hoach/[^/]+/du-lieu/ke-hoach\.json"),
    ("CSV (plans, departments, site-wide)", r".*\.csv"),
    ("calendars (`.ics`)", r".*\.ics"),
    ("search index (`tim-kiem/chi-muc/`)", r"tim-kiem/chi-muc/.*"),
    ("workbooks (`.xlsx`)", r".*\.xlsx"),
    ("feed, sitemap, manifest, schemas, results, assets, other", r".*"),
]
GIB = 1024 ** 3


def files(root):
    """(path relative to root, size) of every file below root."""
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            yield os.path.relpath(path, root), os.path.getsize(path)


def kinds(root):
    """{kind: [bytes, files]} in the order of KINDS, and the number of HTML pages."""
    table = {label: [0, 0] for label, _ in KINDS}
    patterns = [(label, re.compile(pattern)) for label, pattern in KINDS]
    for path, size in files(root):
        label = next(label for label, pattern in patterns if pattern.fullmatch(path))
        table[label][0] += size
        table[label][1] += 1
    pages = sum(n for label, (_, n) in table.items() if label.startswith("HTML"))
    return table, pages


def size(n):
    """Bytes in decimal units, as the issue writes them: 98 MB, 2.5 GB, 170 KB."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            value = n / scale
            return ("%.2f %s" if value < 10 else "%.1f %s" if value < 100 else "%.0f %s") % (value, unit)
    return "%d B" % n


def memory(kib):
    return "%.2f GiB" % (kib / 1024 ** 2) if kib >= 1024 ** 2 else "%.0f MiB" % (kib / 1024)


def seconds(s):
    return "%.2f s" % s if s < 10 else "%.1f s" % s if s < 100 else "%.0f s" % s


def spread(values, unit=seconds):
    """Median [min–max], the unit written once (just the value for one run)."""
    median, low, high = (unit(v) for v in (statistics.median(values), min(values), max(values)))
    if len(values) == 1:
        return median
    suffix = median[median.rfind(" "):]
    if low.endswith(suffix) and high.endswith(suffix):
        low, high = low[:-len(suffix)], high[:-len(suffix)]
    return "%s [%s–%s]" % (median, low, high)


def times(values):
    return spread(values, lambda r: "%.1f ×" % r if r >= 10 else "%.2f ×" % r)


def number(n):
    return "{:,}".format(n)


def kinds_table(table, total_bytes, total_files):
    lines = ["| kind | bytes | files | share of bytes |", "|---|---:|---:|---:|"]
    for label, (nbytes, nfiles) in table.items():
        if nfiles:
            lines.append("| %s | %s | %s | %.1f %% |" % (label, size(nbytes), number(nfiles),
                                                        100 * nbytes / total_bytes))
    lines.append("| **all** | **%s** | **%s** | 100 %% |" % (size(total_bytes), number(total_files)))
    return lines


def read_log(path):
    runs = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 5 and parts[1][0].isdigit():
            label, wall, user, system, rss = parts
            runs.setdefault(label, []).append(
                {"wall": float(wall), "cpu": float(user) + float(system), "rss": int(rss)})
    return runs


def report(log, out, hugo_out, meta):
    runs = read_log(log)
    ours, theirs, copies = runs["plansite"], runs["hugo"], runs["copy"]
    pairs = list(zip(ours, theirs, copies))
    cpu_ratios = [a["cpu"] / b["cpu"] for a, b, _ in pairs]
    wall_ratios = [a["wall"] / b["wall"] for a, b, _ in pairs]
    copy_ratios = [a["wall"] / c["wall"] for a, _, c in pairs]
    peak = max(r["rss"] for r in ours)
    table, pages = kinds(out)
    total_bytes = sum(b for b, _ in table.values())
    total_files = sum(n for _, n in table.values())
    html_bytes = sum(b for label, (b, _) in table.items() if label.startswith("HTML"))
    hugo_files = list(files(hugo_out))
    hugo_bytes = sum(s for _, s in hugo_files)
    hugo_pages = int(meta["hugo_pages"])
    per_page, hugo_per_page = total_bytes / pages, hugo_bytes / hugo_pages
    bytes_ratio, html_ratio = per_page / hugo_per_page, html_bytes / pages / hugo_per_page
    edit, noop = runs["edit"], runs["noop"]
    n, hugo = meta["localities"], "Hugo " + meta["hugo_version"]
    national = n == "63"
    scale = "national, %s localities" % n if national else "%s localities" % n
    cpu = [r["cpu"] for r in ours]
    median_cpu_ratio = statistics.median(cpu_ratios)
    edit_median = statistics.median(r["wall"] for r in edit)

    lines = [
        "## plansite against its anchors: %s, %s" % (scale, datetime.date.today().isoformat()),
        "",
        "plansite %s; %d cores; corpus `plansite-corpus --localities %s --years %s --seed 1` "
        "(%s plans, %s report files); cold build = `rm -rf OUT; plansite build --content C "
        "--templates T --output OUT --no-cache --as-of 01/06/2026`; %s (%s) on "
        "`gen_corpus.py --pages %s` and its list pages; %d round%s in turn "
        "(plansite, Hugo, `cp -r`, …), each after an untimed `sync`; CPU = user + sys, from "
        "`/usr/bin/time`; "
        "a value with brackets is the median [min–max]."
        % (meta["commit"], os.cpu_count(), n, meta["years"], number(int(meta["plans"])),
           number(int(meta["reports"])), hugo, meta["hugo_source"], meta["hugo_source_pages"],
           len(pairs), "" if len(pairs) == 1 else "s"),
        "",
        "| work | plansite | anchor | ratio |",
        "|---|---|---|---|",
        "| %s, %s plans, %s pages, cold | %s CPU, %s wall, %s peak | %s, same page count (%s): "
        "%s CPU, %s wall, %s peak | %s CPU; %s wall |"
        % (scale, number(int(meta["plans"])), number(pages), spread(cpu),
           spread([r["wall"] for r in ours]), memory(peak), hugo, number(hugo_pages),
           spread([r["cpu"] for r in theirs]), spread([r["wall"] for r in theirs]),
           memory(max(r["rss"] for r in theirs)), times(cpu_ratios), times(wall_ratios)),
        "| output | %s in %s files (HTML %s: %s a page; all files: %s a page) | %s's: %s in %s "
        "files (%s a page) | %.1f × the bytes a page (HTML alone: %.1f ×) |"
        % (size(total_bytes), number(total_files), size(html_bytes), size(html_bytes / pages),
           size(per_page), hugo, size(hugo_bytes), number(len(hugo_files)), size(hugo_per_page),
           bytes_ratio, html_ratio),
        "| copying plansite's own output (`rm -rf COPY; cp -r OUT COPY`) | %s | — | "
        "plansite = %s its copy floor (wall) |"
        % (spread([c["wall"] for c in copies]), times(copy_ratios)),
        "| one task text edited (%s), rebuild with the cache | %s (%s files written) | "
        "target 0.3 s | %.1f × (wall) |"
        % (meta["edit_plan"], rebuild(edit), meta["edit_files"], edit_median / 0.3),
        "| nothing changed, rebuild with the cache | %s | — | — |" % rebuild(noop),
        "",
        "Pairs, cold builds:",
        "",
        "| pair | plansite CPU | wall | peak | %s CPU | wall | peak | CPU ratio | wall ratio "
        "| `cp -r` wall | plansite / `cp -r` |" % hugo,
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, (a, b, c) in enumerate(pairs):
        lines.append("| %d | %s | %s | %s | %s | %s | %s | %.2f | %.2f | %s | %.2f |"
                     % (i + 1, seconds(a["cpu"]), seconds(a["wall"]), memory(a["rss"]),
                        seconds(b["cpu"]), seconds(b["wall"]), memory(b["rss"]),
                        cpu_ratios[i], wall_ratios[i], seconds(c["wall"]), copy_ratios[i]))
    lines += ["", "plansite's output by kind (%s HTML pages):" % number(pages), ""]
    lines += kinds_table(table, total_bytes, total_files)
    lines += [
        "",
        "Per HTML page: plansite's HTML %s, all its files %s; %s's output %s (%s HTML pages, "
        "no other files)." % (size(html_bytes / pages), size(per_page), hugo, size(hugo_per_page),
                              number(hugo_pages)),
        "",
        "Against the targets%s:" % ("" if national else
                                    " (measured at %s localities; the targets are for the "
                                    "national corpus, 63)" % n),
        "",
        "| target (issue 17) | measured | |",
        "|---|---|---|",
        "| national cold build ≤ 1.0 × Hugo's CPU time on the same page count | %.1f × | %s |"
        % (median_cpu_ratio, met(median_cpu_ratio <= 1.0)),
        "| output bytes per page ≤ 5 × Hugo's | %.1f × | %s |" % (bytes_ratio, met(bytes_ratio <= 5)),
        "| edit rebuild ≤ 0.3 s | %s | %s |" % (seconds(edit_median), met(edit_median <= 0.3)),
        "| peak memory ≤ 1 GiB, with reports | %s | %s |" % (memory(peak), met(peak * 1024 <= GIB)),
    ]
    return "\n".join(lines) + "\n"


def rebuild(runs):
    """Wall, CPU and peak of a rebuild's runs."""
    return "%s wall, %s CPU, %s peak" % (spread([r["wall"] for r in runs]),
                                         spread([r["cpu"] for r in runs]),
                                         memory(max(r["rss"] for r in runs)))


def met(ok):
    return "**met**" if ok else "**missed**"


def main(argv):
    if len(argv) == 3 and argv[1] == "kinds":
        table, pages = kinds(argv[2])
        total_bytes = sum(b for b, _ in table.values())
        print("\n".join(kinds_table(table, total_bytes, sum(n for _, n in table.values()))))
        print("\n%s HTML pages" % number(pages))
    elif len(argv) >= 5 and argv[1] == "report":
        meta = dict(arg.split("=", 1) for arg in argv[5:])
        sys.stdout.write(report(argv[2], argv[3], argv[4], meta))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)

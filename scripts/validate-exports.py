#!/usr/bin/env python3
"""Independent checks of plansite's exports in a built portal folder.

Usage: scripts/validate-exports.py PUBLIC_DIR

- every .ics file: parsed by the `icalendar` package; events round-trip (to_ical, then parsed
  again, give the same events); lines end with CRLF and are at most 75 octets; UIDs unique;
  the Asia/Ho_Chi_Minh VTIMEZONE is present;
- nguon-tin.xml (Atom 1.0) and sitemap.xml (when present): parsed by xml.etree with the right
  namespaces (http://www.w3.org/2005/Atom, http://www.sitemaps.org/schemas/sitemap/0.9);
- every ke-hoach/<slug>/du-lieu/ke-hoach.json: valid against du-lieu/schema/ke-hoach.schema.json
  (the `jsonschema` package, draft 2020-12);
- every CSV: UTF-8 with BOM, CRLF, parsed by the csv module; its rows match the plan's JSON (one
  per line of the plan page's table), and, when the plan page is in the folder, the rows of the
  table on the page (their number, codes and anchors); bao-cao.csv has one row per report in
  the JSON (task reference, period, link);
- the progress summary of each plan: its counts add up to its tasks and to their statuses;
- du-lieu/ket-qua-chi-so.json: valid against du-lieu/schema/ket-qua-chi-so.schema.json; every
  result a plan's JSON quotes is in it (same index, locality and year), and an entry from a plan
  names a plan whose JSON is there; du-lieu/ket-qua-chi-so.csv has the same rows in the same
  order (index, locality id, year, origin), with no two rows for one index, locality and year;
- du-lieu/manifest.json: every open data file listed, with its size and SHA-256; the results
  history among its datasets.

Exit status: 0 when everything is valid, 1 when a check failed (each problem printed),
2 when a required package is missing (pip install icalendar jsonschema).
"""

import csv
import hashlib
import io
import json
import os
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

try:
    import icalendar
    import jsonschema
except ImportError as error:  # pragma: no cover - reported to the user
    print(f"validate-exports: missing Python package ({error}); run: pip install icalendar jsonschema")
    sys.exit(2)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BOM = b"\xef\xbb\xbf"

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def files_under(root, suffix):
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith(suffix):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


# ---------------------------------------------------------------------------------------------
# iCalendar


def event_key(component):
    def text(name):
        value = component.get(name)
        if value is None:
            return None
        # A property written more than once (CATEGORIES: the roles, then "Quá hạn") is a list.
        values = value if isinstance(value, list) else [value]
        return "\n".join(item.to_ical().decode("utf-8") for item in values)

    return tuple(text(name) for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "RRULE", "SUMMARY", "DESCRIPTION",
                                         "URL", "CATEGORIES"))


def check_ics(root, path):
    data = open(os.path.join(root, path), "rb").read()
    lines = data.split(b"\r\n")
    if lines[-1] != b"":
        problem(path, "does not end with CRLF")
    for number, line in enumerate(lines[:-1], 1):
        if b"\n" in line or b"\r" in line:
            problem(path, f"line {number}: bare CR or LF")
        if len(line) > 75:
            problem(path, f"line {number}: {len(line)} octets (more than 75)")
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # noqa: BLE001 - any parse error is a failure
        problem(path, f"icalendar cannot parse it: {error}")
        return
    for name in ("VERSION", "PRODID"):
        if calendar.get(name) is None:
            problem(path, f"no {name}")
    if str(calendar.get("VERSION")) != "2.0":
        problem(path, "VERSION is not 2.0")
    zones = [str(zone.get("TZID")) for zone in calendar.walk("VTIMEZONE")]
    if "Asia/Ho_Chi_Minh" not in zones:
        problem(path, "no VTIMEZONE Asia/Ho_Chi_Minh")
    events = calendar.walk("VEVENT")
    uids = [str(event.get("UID")) for event in events]
    if len(set(uids)) != len(uids):
        problem(path, "duplicate UIDs")
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if event.get(name) is None:
                problem(path, f"event {event.get('UID')}: no {name}")
    again = icalendar.Calendar.from_ical(calendar.to_ical())
    before = [event_key(event) for event in events]
    after = [event_key(event) for event in again.walk("VEVENT")]
    if before != after:
        problem(path, "events change when written with to_ical() and parsed again")
    return len(events)


# ---------------------------------------------------------------------------------------------
# Atom and sitemap


def check_feed(root, path):
    try:
        tree = ET.parse(os.path.join(root, path))
    except ET.ParseError as error:
        problem(path, f"not well-formed XML: {error}")
        return
    feed = tree.getroot()
    if feed.tag != ATOM + "feed":
        problem(path, f"root element is {feed.tag}, not an Atom feed")
        return
    for name in ("id", "title", "updated"):
        if feed.find(ATOM + name) is None:
            problem(path, f"feed has no {name}")
    ids = []
    dates = []
    for entry in feed.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            if entry.find(ATOM + name) is None or not (entry.find(ATOM + name).text or "").strip():
                problem(path, f"entry without {name}")
        link = entry.find(ATOM + "link")
        if link is None or not link.get("href"):
            problem(path, "entry without a link")
        ids.append(entry.findtext(ATOM + "id"))
        dates.append(entry.findtext(ATOM + "updated"))
    if len(set(ids)) != len(ids):
        problem(path, "duplicate entry ids")
    if dates != sorted(dates, reverse=True):
        problem(path, "entries are not newest first")


def check_sitemap(root, path):
    try:
        tree = ET.parse(os.path.join(root, path))
    except ET.ParseError as error:
        problem(path, f"not well-formed XML: {error}")
        return
    urlset = tree.getroot()
    if urlset.tag != SITEMAP + "urlset":
        problem(path, f"root element is {urlset.tag}, not a sitemap urlset")
        return
    for url in urlset.findall(SITEMAP + "url"):
        location = url.findtext(SITEMAP + "loc") or ""
        if not (location.startswith("http://") or location.startswith("https://")):
            problem(path, f"loc is not an absolute URL: {location!r}")


# ---------------------------------------------------------------------------------------------
# JSON and CSV


def read_csv(root, path):
    data = open(os.path.join(root, path), "rb").read()
    if not data.startswith(BOM):
        problem(path, "no UTF-8 byte order mark")
    body = data[len(BOM):] if data.startswith(BOM) else data
    if body and not body.endswith(b"\r\n"):
        problem(path, "does not end with CRLF")
    if b"\n" in body.replace(b"\r\n", b"") and b'"' not in body:
        problem(path, "bare LF line ends")
    text = data.decode("utf-8-sig")
    return [[unguard(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]


def unguard(cell):
    """The cell's text without the formula guard's leading ' (docs/exports.md): a cell whose
    text starts, after spaces, with = + - @, tab or CR was written with a ' before it."""
    if cell.startswith("'") and cell[1:].lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def criterion_rows(criteria, depth=0):
    for criterion in criteria:
        yield criterion, depth
        yield from criterion_rows(criterion["children"], depth + 1)


def table_lines(appendix):
    """The lines of the appendix table on the plan page: one per task, one for a row without."""
    lines = []
    for criterion, _ in criterion_rows(appendix["criteria"]):
        tasks = criterion["tasks"] or [None]
        for task in tasks:
            lines.append((criterion, task))
    return lines


class TableReader(HTMLParser):
    """Rows of each appendix table on a plan page: (row id, first cell text) per <tr> of its tbody."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.section = None
        self.tables = {}
        self.in_table = False
        self.in_body = False
        self.row = None
        self.cell = None
        self.task_items = []
        self.in_tasks = False
        self.list_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "appendix" in (attrs.get("class") or "").split():
            self.section = attrs.get("id")
            self.tables[self.section] = []
        elif tag == "table" and self.section and "criteria" in (attrs.get("class") or "").split():
            self.in_table = True
        elif tag == "tbody" and self.in_table:
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.row = [attrs.get("id"), None, []]
        elif tag in ("td", "th") and self.row is not None and self.row[1] is None:
            self.cell = []
            if attrs.get("id"):
                self.row[2].append(attrs.get("id"))
        elif tag == "td" and self.row is not None and attrs.get("id"):
            self.row[2].append(attrs.get("id"))
        elif tag == "ol" and "task-list" in (attrs.get("class") or "").split() and not self.section:
            self.in_tasks = True
            self.list_depth = 0
        elif self.in_tasks and tag in ("ol", "ul"):
            self.list_depth += 1
        elif self.in_tasks and tag == "li" and self.list_depth == 0:
            self.task_items.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None
        elif tag == "table":
            self.in_table = False
        elif tag == "tbody":
            self.in_body = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row[1] = "".join(self.cell).strip()
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.section].append(tuple(self.row))
            self.row = None
        elif self.in_tasks and tag in ("ol", "ul"):
            if self.list_depth == 0:
                self.in_tasks = False
            else:
                self.list_depth -= 1

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def check_plan(root, path, validator):
    plan_dir = os.path.dirname(path)
    try:
        plan = json.load(open(os.path.join(root, path), encoding="utf-8"))
    except ValueError as error:
        problem(path, f"not JSON: {error}")
        return None
    errors = sorted(validator.iter_errors(plan), key=lambda error: list(error.path))
    for error in errors[:20]:
        where = "/".join(str(part) for part in error.path)
        problem(path, f"schema: {where}: {error.message}")
    if errors:
        return None

    page = None
    page_path = os.path.join(root, plan_dir, "..", "index.html")
    if os.path.exists(page_path):
        page = TableReader()
        page.feed(open(page_path, encoding="utf-8").read())

    # Appendix tables.
    for appendix in plan["appendices"]:
        csv_path = os.path.join(plan_dir, appendix["csv"])
        if not os.path.exists(os.path.join(root, csv_path)):
            problem(csv_path, "missing")
            continue
        rows = read_csv(root, csv_path)
        header, body = rows[0], rows[1:]
        lines = table_lines(appendix)
        if len(body) != len(lines) or len(lines) != appendix["lineCount"]:
            problem(csv_path, f"{len(body)} rows, the table has {len(lines)} lines (lineCount {appendix['lineCount']})")
            continue
        for number, (row, (criterion, task)) in enumerate(zip(body, lines), 2):
            if len(row) != len(header):
                problem(csv_path, f"row {number}: {len(row)} fields, header has {len(header)}")
                continue
            expected_code = criterion.get("code", "")
            if row[0] != expected_code or row[1] != criterion["title"]:
                problem(csv_path, f"row {number}: criterion {row[0]!r} {row[1]!r} is not {expected_code!r}")
            expected_text = (task or {}).get("plainText", "")
            if row[5] != expected_text:
                problem(csv_path, f"row {number}: task text differs from the JSON")
            anchor = task["anchor"] if task else criterion["anchor"]
            if not row[-1].endswith("#" + anchor):
                problem(csv_path, f"row {number}: link {row[-1]!r} does not point at #{anchor}")
        if page is not None:
            table = page.tables.get(appendix["anchor"])
            if table is None:
                problem(csv_path, f"the plan page has no table {appendix['anchor']}")
                continue
            if len(table) != len(body):
                problem(csv_path, f"{len(body)} rows, the table on the plan page has {len(table)}")
                continue
            for number, (row, (criterion, task), (row_id, first_cell, cell_ids)) in enumerate(
                    zip(body, lines, table), 2):
                anchors = {row_id, *cell_ids}
                anchor = task["anchor"] if task else criterion["anchor"]
                if anchor not in anchors:
                    problem(csv_path, f"row {number}: #{anchor} is not on the page's row {row_id}")

    # Tasks of the plan itself.
    tasks_csv = plan.get("tasksCSV")
    if plan["tasks"]:
        if tasks_csv is None:
            problem(path, "tasks but no tasksCSV")
        else:
            csv_path = os.path.join(plan_dir, tasks_csv)
            body = read_csv(root, csv_path)[1:]
            if len(body) != len(plan["tasks"]):
                problem(csv_path, f"{len(body)} rows for {len(plan['tasks'])} tasks")
            for number, (row, task) in enumerate(zip(body, plan["tasks"]), 2):
                if row[0] != task.get("code", "") or row[1] != task.get("plainText", ""):
                    problem(csv_path, f"row {number}: differs from task {task['anchor']}")
            if page is not None and page.task_items != [task["anchor"] for task in plan["tasks"]]:
                problem(csv_path, f"the plan page lists tasks {page.task_items}")

    # Progress: the summary against the tasks' statuses, and the reports CSV against the reports.
    all_plan_tasks = list(plan["tasks"]) + [
        task for appendix in plan["appendices"] for criterion, _ in criterion_rows(appendix["criteria"])
        for task in criterion["tasks"]]
    summary = plan["progress"]
    statuses = {}
    for task in all_plan_tasks:
        status = task["progress"]["status"]
        statuses[status] = statuses.get(status, 0) + 1
    if any(summary["counts"][status] != statuses.get(status, 0) for status in summary["counts"]):
        problem(path, f"progress.counts {summary['counts']}, the tasks have {statuses}")
    if summary["total"] != len(all_plan_tasks) or sum(summary["counts"].values()) != summary["total"]:
        problem(path, f"progress.total {summary['total']}, the plan has {len(all_plan_tasks)} tasks")
    # "Không áp dụng" is not done, and not in the denominator either.
    finished = summary["counts"]["done"]
    if summary["finished"] != finished:
        problem(path, f"progress.finished {summary['finished']}, done makes {finished}")
    applicable = summary["total"] - summary["counts"]["not-applicable"]
    percent = finished * 100 // applicable if applicable else 0
    if summary["percentFinished"] != percent:
        problem(path, f"progress.percentFinished {summary['percentFinished']}, done over applicable makes {percent}")
    for task in all_plan_tasks:
        for report in task["progress"]["reports"]:
            if report["date"]["iso"] > summary["asOf"]:
                problem(path, f"task {task['anchor']}: a report dated {report['date']['iso']}, after {summary['asOf']}")
    reports_path = os.path.join(plan_dir, plan["reportsCSV"])
    if not os.path.exists(os.path.join(root, reports_path)):
        problem(reports_path, "missing")
    else:
        rows = read_csv(root, reports_path)[1:]
        expected = [(task["reference"], report["period"]["text"], task["anchor"])
                    for task in all_plan_tasks for report in task["progress"]["reports"]]
        if len(rows) != len(expected):
            problem(reports_path, f"{len(rows)} rows, the JSON has {len(expected)} reports")
        else:
            for number, (row, (reference, period, anchor)) in enumerate(zip(rows, expected), 2):
                if row[0] != reference or row[1] != period or not row[-1].endswith("#" + anchor):
                    problem(reports_path, f"row {number}: differs from the report of {reference} for {period}")

    # The plan's part of the site-wide datasets.
    all_tasks = read_csv(root, os.path.join(plan_dir, "tat-ca-nhiem-vu.csv"))[1:]
    if len(all_tasks) != plan["counts"]["tasks"]:
        problem(plan_dir, f"tat-ca-nhiem-vu.csv has {len(all_tasks)} rows for {plan['counts']['tasks']} tasks")
    all_criteria = read_csv(root, os.path.join(plan_dir, "tat-ca-tieu-chi.csv"))[1:]
    if len(all_criteria) != plan["counts"]["criteria"]:
        problem(plan_dir, f"tat-ca-tieu-chi.csv has {len(all_criteria)} rows for {plan['counts']['criteria']}")
    walked = sum(1 for appendix in plan["appendices"] for _ in criterion_rows(appendix["criteria"]))
    if walked != plan["counts"]["criteria"]:
        problem(path, f"counts.criteria {plan['counts']['criteria']}, the tree has {walked}")
    tasks = len(plan["tasks"]) + sum(
        len(criterion["tasks"]) for appendix in plan["appendices"] for criterion, _ in criterion_rows(appendix["criteria"]))
    if tasks != plan["counts"]["tasks"]:
        problem(path, f"counts.tasks {plan['counts']['tasks']}, the plan has {tasks}")
    return plan


RESULTS_JSON = "du-lieu/ket-qua-chi-so.json"
RESULTS_CSV = "du-lieu/ket-qua-chi-so.csv"
RESULTS_SCHEMA = "du-lieu/schema/ket-qua-chi-so.schema.json"


def check_results(root, plans):
    """The results history: its schema, its rows against the CSV's, and the plans' quotes."""
    for path in (RESULTS_JSON, RESULTS_CSV, RESULTS_SCHEMA):
        if not os.path.exists(os.path.join(root, path)):
            problem(path, "missing")
            return 0
    schema = json.load(open(os.path.join(root, RESULTS_SCHEMA), encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    history = json.load(open(os.path.join(root, RESULTS_JSON), encoding="utf-8"))
    for error in jsonschema.Draft202012Validator(schema).iter_errors(history):
        where = "/".join(str(part) for part in error.absolute_path) or "(root)"
        problem(RESULTS_JSON, f"schema: {where}: {error.message}")
    results = history.get("results", []) if isinstance(history, dict) else []
    keys = set()
    for number, result in enumerate(results):
        try:
            key = (result["index"], result["locality"]["id"], result["year"])
        except (KeyError, TypeError):
            continue
        if key in keys:
            problem(RESULTS_JSON, f"results/{number}: {key} given twice")
        keys.add(key)
    slugs = {plan.get("slug") for plan in plans}
    for number, result in enumerate(results):
        origin = result.get("origin") if isinstance(result, dict) else None
        if origin and origin != "results.yaml" and origin not in slugs:
            problem(RESULTS_JSON, f"results/{number}: origin {origin!r} is no plan of the portal")
    for plan in plans:
        for quoted in plan.get("results", []):
            key = (quoted["index"], plan["locality"]["id"], quoted["year"])
            if key not in keys:
                problem(RESULTS_JSON, f"lacks {key}, quoted by {plan['slug']}")
    rows = read_csv(root, RESULTS_CSV)
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    if len(body) != len(results):
        problem(RESULTS_CSV, f"{len(body)} rows, {RESULTS_JSON} has {len(results)} results")
    columns = {name: header.index(name) for name in ("Mã chỉ số", "Mã địa phương", "Năm", "Lấy từ") if name in header}
    if len(columns) != 4:
        problem(RESULTS_CSV, f"header lacks a column of Mã chỉ số, Mã địa phương, Năm, Lấy từ: {header}")
        return len(results)
    for number, (row, result) in enumerate(zip(body, results), 2):
        expected = [result.get("index"), result.get("locality", {}).get("id"), str(result.get("year")), result.get("origin")]
        actual = [row[columns[name]] for name in ("Mã chỉ số", "Mã địa phương", "Năm", "Lấy từ")]
        if actual != expected:
            problem(RESULTS_CSV, f"row {number}: {actual}, the JSON has {expected}")
    return len(results)


def check_manifest(root):
    path = "du-lieu/manifest.json"
    if not os.path.exists(os.path.join(root, path)):
        problem(path, "missing")
        return
    manifest = json.load(open(os.path.join(root, path), encoding="utf-8"))
    listed = {}
    for entry in manifest["files"]:
        listed[entry["path"]] = entry
        full = os.path.join(root, entry["path"])
        if not os.path.exists(full):
            problem(path, f"lists {entry['path']}, which is missing")
            continue
        data = open(full, "rb").read()
        if len(data) != entry["bytes"]:
            problem(path, f"{entry['path']}: {entry['bytes']} bytes listed, {len(data)} on disk")
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problem(path, f"{entry['path']}: SHA-256 differs")
    open_data = [p for p in files_under(root, "") if p != path and (
        not p.endswith(".html")) and (p.startswith("du-lieu/") or (p.startswith("ke-hoach/") and p.split("/")[2:3] == ["du-lieu"]))]
    for file in open_data:
        if file not in listed:
            problem(path, f"does not list {file}")
    for dataset in (RESULTS_CSV, RESULTS_JSON):
        if dataset not in manifest.get("datasets", []):
            problem(path, f"does not name {dataset} among its datasets")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = sys.argv[1]
    counts = {"ics": 0, "events": 0, "json": 0, "csv": 0}

    for path in files_under(root, ".ics"):
        counts["ics"] += 1
        counts["events"] += check_ics(root, path) or 0

    if os.path.exists(os.path.join(root, "nguon-tin.xml")):
        check_feed(root, "nguon-tin.xml")
    else:
        problem("nguon-tin.xml", "missing")
    if os.path.exists(os.path.join(root, "sitemap.xml")):
        check_sitemap(root, "sitemap.xml")

    schema_path = os.path.join(root, "du-lieu/schema/ke-hoach.schema.json")
    schema = json.load(open(schema_path, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    plans = []
    for path in files_under(root, "ke-hoach.json"):
        counts["json"] += 1
        plan = check_plan(root, path, validator)
        if plan:
            plans.append(plan)

    for path in files_under(root, ".csv"):
        counts["csv"] += 1
        rows = read_csv(root, path)
        if not rows:
            problem(path, "empty")
            continue
        for number, row in enumerate(rows[1:], 2):
            if len(row) != len(rows[0]):
                problem(path, f"row {number}: {len(row)} fields, header has {len(rows[0])}")

    for name, key in (("tat-ca-nhiem-vu.csv", "tasks"), ("tat-ca-tieu-chi.csv", "criteria")):
        path = "du-lieu/" + name
        if not os.path.exists(os.path.join(root, path)):
            problem(path, "missing")
            continue
        rows = read_csv(root, path)[1:]
        expected = sum(plan["counts"][key] for plan in plans)
        if len(rows) != expected:
            problem(path, f"{len(rows)} rows, the plans have {expected}")

    counts["results"] = check_results(root, plans)
    check_manifest(root)

    for line in problems:
        print(line)
    print(f"validate-exports: {counts['ics']} calendars ({counts['events']} events), {counts['json']} plan JSON, "
          f"{counts['csv']} CSV, {counts['results']} index results; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

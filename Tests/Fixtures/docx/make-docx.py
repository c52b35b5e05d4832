#!/usr/bin/env python3
"""Builds genuine .docx files from the seed documents (../shared/seeds/*.txt), for the tests of
`plansite import plan.docx`. Usage: make-docx.py SEEDS_DIR OUT_DIR

What it writes, as Word lays out an official document:
- the header as a two-column borderless table: issuer and number on the left; national motto,
  place and date on the right;
- the body: "I." headings as Heading 1, "1." as Heading 2, "a)" as Heading 3 (when short),
  "- " lines as list paragraphs with numbering (w:numPr), **bold** and *italic* runs;
- appendix tables (the seeds' tab-separated rows): <b>/<i> as runs, <li>/<br>/<p> as paragraphs
  of the cell; a blank cell under a filled one as a vertical merge (w:vMerge), an area row's
  blank cells after its title as a grid span (w:gridSpan);
- the signer block and "Nơi nhận" as a two-column borderless table.
Deterministic: the zip entries carry a fixed date, so the same seeds give the same bytes.
"""
import html
import io
import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

MOTTO = ("CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP")


def plain(text):
    return re.sub(r"<[^>]*>", "", text).replace("*", "").strip()


def add_runs(paragraph, text):
    """Markdown **bold**, *italic* and HTML <b>, <i> into runs."""
    text = re.sub(r"</?(strong)>", lambda m: m.group(0).replace("strong", "b"), text)
    # "**Phụ lục 2****TITLE***(Kèm theo …)*": pieces the text export glued; lines in Word.
    text = text.replace("****", "**<br>**")
    text = re.sub(r"\*\*\*(?=\()", "**<br>*", text)
    tokens = re.split(r"(\*\*|\*|<br>|</?b>|</?i>|</?em>|<[^>]*>)", text)
    bold = italic = False
    for token in tokens:
        if token in ("**", "<b>", "</b>"):
            bold = not bold if token == "**" else token == "<b>"
        elif token in ("*", "<i>", "</i>", "<em>", "</em>"):
            italic = not italic if token == "*" else token in ("<i>", "<em>")
        elif token == "<br>":
            paragraph.add_run().add_break()
        elif token.startswith("<"):
            continue
        elif token:
            run = paragraph.add_run(html.unescape(token))
            run.bold = bold or None
            run.italic = italic or None


def number(paragraph, num_id=1):
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    p_pr.append(num_pr)


def borderless(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def fill_cell(cell, lines):
    cell.paragraphs[0].text = ""
    for offset, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if offset == 0 else cell.add_paragraph()
        add_runs(paragraph, line)


def cell_paragraphs(text):
    """A seed cell's HTML as paragraphs of the Word cell."""
    text = re.sub(r"</?(ul|ol)[^>]*>", "", text)
    parts = re.split(r"<li[^>]*>|</li>|<br\s*/?>|<p[^>]*>|</p>", text)
    return [part for part in (p.strip() for p in parts) if part]


def is_code(text):
    return re.fullmatch(r"\d+(\.\d+)*\.?", plain(text)) is not None


def add_table(document, rows):
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    # Grid spans: an area row (a code without a dot) whose cells after the title are all blank.
    spans = {}
    for r, row in enumerate(rows):
        if r > 0 and width > 3 and is_code(row[0]) and "." not in plain(row[0]).rstrip(".") and plain(row[1]) \
                and not any(plain(cell) for cell in row[2:]):
            spans[r] = (1, width)
    merged_down = set()
    for r, row in enumerate(rows):
        for c in range(width):
            if r in spans and c >= spans[r][0]:
                continue
            text = row[c]
            if plain(text) == "" and r > 1 and c > 0 and (r - 1) not in spans:
                above = (r - 1, c)
                if plain(rows[r - 1][c]) or above in merged_down:
                    merged_down.add((r, c))
    for r, row in enumerate(rows):
        for c in range(width):
            if r in spans and c > spans[r][0]:
                continue
            cell = table.cell(r, c)
            if (r, c) in merged_down:
                v_merge = OxmlElement("w:vMerge")  # continue
                cell._tc.get_or_add_tcPr().append(v_merge)
                continue
            if (r + 1, c) in merged_down:
                v_merge = OxmlElement("w:vMerge")
                v_merge.set(qn("w:val"), "restart")
                cell._tc.get_or_add_tcPr().append(v_merge)
            fill_cell(cell, cell_paragraphs(row[c]))
    # Apply the spans last: merge() joins the cells' XML into one w:tc with w:gridSpan.
    for r, (first, last) in spans.items():
        table.cell(r, first).merge(table.cell(r, last - 1))


def blocks(text):
    """The seed as blocks: ("rows", [cells…]…) for tab-separated lines, ("text", [lines]) else."""
    result = []
    for line in text.splitlines():
        if "\t" in line and line.strip() == "":
            continue  # an all-blank row: nothing to lay out
        if "\t" in line:
            cells = line.split("\t")
            if result and result[-1][0] == "rows":
                result[-1][1].append(cells)
            else:
                result.append(("rows", [cells]))
        elif line.strip() == "":
            if not result or result[-1][0] != "rows":  # a blank line inside a table does not end it
                result.append(("blank", None))
        else:
            if result and result[-1][0] == "text":
                result[-1][1].append(line.rstrip())
            else:
                result.append(("text", [line.rstrip()]))
    return [b for b in result if b[0] != "blank"]


def build(seed_text):
    document = Document()
    items = blocks(seed_text)
    # The header: issuer blocks, "Số:", motto, "<place>, ngày …", at the start.
    left, right = [], []
    while items and items[0][0] == "text":
        lines = items[0][1]
        first = plain(lines[0]).upper()
        if first.startswith(MOTTO) or re.search(r", ngày .*năm \d{4}", plain(lines[0])):
            right += lines
        elif first.startswith("SỐ:"):
            left += lines
        elif len(lines) <= 3 and all(plain(l).upper() == plain(l) for l in lines) and not left \
                and not first.startswith(("KẾ HOẠCH", "CHỈ THỊ", "QUYẾT ĐỊNH", "THÔNG BÁO", "BÁO CÁO")):
            left += [l for line in lines for l in line.split("\n")]
        else:
            break
        items.pop(0)
    header = document.add_table(rows=1, cols=2)
    borderless(header)
    fill_cell(header.cell(0, 0), [l.strip() for l in left])
    fill_cell(header.cell(0, 1), [l.strip() for l in right])

    index = 0
    while index < len(items):
        kind, content = items[index]
        index += 1
        if kind == "rows":
            add_table(document, content)
            continue
        first = plain(content[0])
        if first == "Nơi nhận:":
            # The signer block beside the recipients: a borderless two-column table.
            recipients = ["**Nơi nhận:**"]
            while index < len(items) and items[index][0] == "text" and plain(items[index][1][0]).startswith("-"):
                recipients += items[index][1]
                index += 1
            signer = []
            while index < len(items) and items[index][0] == "text" and len(signer) < 4 \
                    and all(len(plain(line)) <= 60 for line in items[index][1]) \
                    and not plain(items[index][1][0]).upper().startswith("PHỤ LỤC"):
                signer += items[index][1]
                index += 1
            table = document.add_table(rows=1, cols=2)
            borderless(table)
            fill_cell(table.cell(0, 0), [l.strip() for l in recipients])
            fill_cell(table.cell(0, 1), [l.strip() for l in signer])
            continue
        if all(line.lstrip().startswith("- ") for line in content):
            for line in content:
                paragraph = document.add_paragraph()
                add_runs(paragraph, line.lstrip()[2:])
                number(paragraph)
            continue
        text_line = " ".join(line.strip() for line in content)
        style = None
        if re.match(r"^[IVX]+\. ", first):
            style = "Heading 1"
        elif re.match(r"^\d+\. ", first) and len(first) <= 100:
            style = "Heading 2"
        elif re.match(r"^[a-zđ]\) ", first) and len(first) <= 100:
            style = "Heading 3"
        if style:
            document.add_paragraph(plain(text_line), style=style)
            continue
        paragraph = document.add_paragraph()
        for offset, line in enumerate(content):
            if offset > 0:
                paragraph.add_run().add_break()
            add_runs(paragraph, line.strip())
    return document


def deterministic(data):
    """The same bytes for the same document: fixed entry dates, sorted-as-written order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", body)
            entry = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, body)
    return out.getvalue()


def main():
    seeds, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for seed in sorted(seeds.glob("*.txt")):
        document = build(seed.read_text(encoding="utf-8"))
        buffer = io.BytesIO()
        document.save(buffer)
        (out / (seed.stem[:3] + ".docx")).write_bytes(deterministic(buffer.getvalue()))


if __name__ == "__main__":
    main()

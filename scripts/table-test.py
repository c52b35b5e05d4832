#!/usr/bin/env python3
"""Filters and sorts the built directory table in headless Chromium, from file://.

usage: scripts/table-test.py PUBLIC_DIR
Run with a Python that has selenium (check-site's venv: ~/.cache/check-site/venv/bin/python),
Chromium and chromedriver. Checks what assets/tables.js promises a reader:
- typed without accents, "so noi vu" leaves only departments whose name holds those words,
  and the count says how many; a group with no match is hidden; clearing shows every row;
- a click on "Tổng" sorts the rows by that number, high to low on the second click, and the
  header's aria-sort says so; a click on "Đơn vị" sorts by name in Vietnamese order.
Exit 0 when every check holds.
"""
import os
import sys
import unicodedata

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def fold(text):
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return text.replace("đ", "d").replace("Đ", "d").lower()


def number(text):
    return float(text.replace(".", "").replace(",", ".")) if text.strip() else float("nan")


def main(public):
    page = "file://" + os.path.abspath(os.path.join(public, "don-vi", "index.html"))
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        options.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    try:
        driver.get(page)
        rows = driver.find_elements(By.CSS_SELECTOR, ".directory-list tbody tr")
        check(len(rows) > 10, f"directory rows: {len(rows)}")
        field = driver.find_element(By.CSS_SELECTOR, ".table-filter input")
        field.send_keys("so noi vu")
        shown = [r for r in rows if r.is_displayed()]
        check(0 < len(shown) < len(rows), f"filter 'so noi vu' shows {len(shown)} of {len(rows)}")
        for row in shown:
            name = fold(row.find_element(By.CSS_SELECTOR, "th").text)
            check(all(word in fold(row.text) for word in ("so", "noi", "vu")), f"shown without a match: {name}")
        status = driver.find_element(By.CSS_SELECTOR, ".table-filter-status").text
        check(status == f"Hiển thị {len(shown)} trong {len(rows)} dòng.", f"status: {status!r}")
        groups = driver.find_elements(By.CSS_SELECTOR, "section.directory-group")
        for group in groups:
            visible = [r for r in group.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
            check(group.is_displayed() == bool(visible), "a group's visibility does not follow its rows")
        field.clear()
        field.send_keys(" ")
        check(all(r.is_displayed() for r in rows), "clearing the filter does not show every row")

        table = driver.find_element(By.CSS_SELECTOR, "table.directory")
        headers = table.find_elements(By.CSS_SELECTOR, "thead th")
        total = headers[-1]
        total.find_element(By.CSS_SELECTOR, "button").click()
        values = [number(r.find_elements(By.CSS_SELECTOR, "td")[-1].text)
                  for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
        check(values == sorted(values), f"ascending by Tổng: {values}")
        check(total.get_attribute("aria-sort") == "ascending", "aria-sort after one click")
        total.find_element(By.CSS_SELECTOR, "button").click()
        values = [number(r.find_elements(By.CSS_SELECTOR, "td")[-1].text)
                  for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
        check(values == sorted(values, reverse=True), f"descending by Tổng: {values}")
        check(total.get_attribute("aria-sort") == "descending", "aria-sort after two clicks")
        headers[0].find_element(By.CSS_SELECTOR, "button").click()
        check(headers[-1].get_attribute("aria-sort") is None, "the other header keeps aria-sort")
        names = [r.find_element(By.CSS_SELECTOR, "th").text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr")]
        collated = driver.execute_script(
            "return arguments[0].slice().sort(function (a, b) { return a.localeCompare(b, 'vi'); });", names)
        check(names == collated, f"by name: {names}")
        logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check(not logs, f"script errors: {logs}")
    finally:
        driver.quit()
    for problem in problems:
        print("table-test:", problem, file=sys.stderr)
    print(f"table-test: {'ok' if not problems else str(len(problems)) + ' problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))

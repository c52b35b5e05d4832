#!/usr/bin/env python3
"""Types queries into the built search page in headless Chromium and checks the first result.

usage: scripts/search-typing-test.py PUBLIC_DIR
Run with a Python that has selenium (check-site's venv has it: ~/.cache/check-site/venv/bin/python),
Chromium and chromedriver (Debian's chromium and chromium-driver). Opens the page from file://,
types each query into the search field as a person would, presses Enter, and waits for the
first result. Exit 0 when every query's first result is the expected one.
"""
import os
import re
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

# Query typed without diacritics → text the first result must contain.
CASES = [
    ("noi vu", "Nội vụ"),
    ("dak nong", "Đắk Nông"),
    ("thu tuc hanh chinh", "hủ tục hành chính"),
    ("Sở Tư pháp", "Tư pháp"),
]


def main(public):
    page = "file://" + os.path.abspath(os.path.join(public, "tim-kiem", "index.html"))
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"):
        options.add_argument(flag)
    os.environ.setdefault("SE_OFFLINE", "true")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = 0
    try:
        for query, expected in CASES:
            driver.get(page)
            field = driver.find_element(By.ID, "tu-khoa")
            field.clear()
            field.send_keys(query)
            field.send_keys(Keys.ENTER)
            # Results arrive plan by plan and the list is redrawn as they do: wait until every
            # plan was searched and the first result stays the same across two looks
            # (bounded: 50 × 0.2 s).
            first, previous = "", None
            for _ in range(50):
                time.sleep(0.2)
                try:
                    results = driver.find_elements(By.CSS_SELECTOR, "#danh-sach-ket-qua li")
                    current = results[0].text if results else ""
                except StaleElementReferenceException:
                    continue
                status = driver.find_element(By.ID, "trang-thai-tim-kiem").text
                searched = re.search(r"(\d+)/(\d+) kế hoạch", status)
                done = searched is not None and searched.group(1) == searched.group(2)
                if current and current == previous and done:
                    first = current
                    break
                previous = current
            ok = expected.lower() in first.lower()
            failures += 0 if ok else 1
            print(("ok  " if ok else "FAIL"), repr(query), "→", first.splitlines()[0] if first else "(no result)")
    finally:
        driver.quit()
    print(f"search typing: {len(CASES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Public"))

"""How wide each public page is in a real Chromium, against a running demo site (`./run start`).

    .venv/bin/python bench/page_widths.py [BASE_URL] [WIDTH]      # defaults: http://127.0.0.1:8000 390

Prints, for every page type in kk, ru and en, the document's scrollWidth and whether it fits the viewport, then the
number that do not fit. It measures; tests/browser/test_page_types.py is the test that fails on a page that does not
fit.
"""

import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Paths of the demo network (demo/network.py): the Abai region's Leading School No. 7 and its sections.
PATHS = [
    "/{l}/",
    "/{l}/abai/",
    "/{l}/abai/school-7/",
    "/{l}/abai/school-7/blog/",
    "/{l}/abai/school-7/blog/post-1/",
    "/{l}/abai/school-7/events/",
    "/{l}/abai/school-7/events/event-1/",
    "/{l}/news/",
    "/{l}/events/",
    "/{l}/events/?month={month}",
    "/{l}/resources/?subject=mathematics",
    "/{l}/abai/school-7/resources/",
    "/{l}/abai/school-7/resources/resource-1/",
    "/{l}/search/?query=school",
    "/{l}/follow/",
    "/{l}/follow/subscribe/",
]


def main():
    import datetime

    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 390
    month = datetime.date.today().strftime("%Y-%m")
    too_wide = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": 844})
        for language in ("kk", "ru", "en"):
            for path in PATHS:
                url = base + path.format(l=language, month=month)
                page.goto(url)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                fits = scroll_width <= width
                too_wide += not fits
                print(f"{'fits' if fits else 'WIDE'} {scroll_width:5d} px  {url}")
        browser.close()
    print(f"{too_wide} of {3 * len(PATHS)} pages are wider than {width} px")


if __name__ == "__main__":
    main()

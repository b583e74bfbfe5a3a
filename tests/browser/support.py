"""What the browser tests check on every page: it fits the screen, axe finds nothing serious, and a picture of it."""

import os
import re
from pathlib import Path

SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS") or Path(__file__).resolve().parents[2] / "browser-screenshots")
SERIOUS = {"serious", "critical"}


def assert_fits_width(page):
    """No horizontal scrolling: the document is no wider than the viewport."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    culprits = (
        []
        if widths[0] <= widths[1]
        else page.evaluate(
            """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""
        )
    )
    assert widths[0] <= widths[1], f"{page.url} is {widths[0]} px wide at {widths[1]} px: {culprits}"


def assert_nothing_cut(page, selector):
    """Every element in `selector` lies within the viewport and shows all it holds: nothing reaches past the screen's
    edge, is scrolled sideways inside a box, or is cut with an ellipsis (each would pass assert_fits_width). Text for
    screen readers only (in a 1 px box) is left out."""
    cut = page.evaluate(
        """(selector) => {
        const forScreenReaders = (e) => {
            for (; e; e = e.parentElement) {
                if (e.getClientRects().length && e.getBoundingClientRect().width <= 1) return true;
            }
            return false;
        };
        return [...document.querySelectorAll(selector + ', ' + selector + ' *')]
        .filter(e => e.getClientRects().length && !forScreenReaders(e))
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' +
            e.textContent.trim().slice(0, 40));
        }""",
        selector,
    )
    assert cut == [], f"{page.url}: cut or wider than the screen in {selector}: {cut}"


def assert_no_serious_axe_violations(page, within=None):
    """axe-core (bundled in axe-playwright-python, no CDN) reports no serious or critical violation, in the whole page
    or `within` the part a selector names (in the admin: Wagtail's own screens have findings that are not ours)."""
    from axe_playwright_python.sync_playwright import Axe

    violations = [v for v in Axe().run(page, context=within).response["violations"] if v["impact"] in SERIOUS]
    assert violations == [], "\n".join(
        f"{v['impact']}: {v['id']} — {v['help']} ({[n['target'] for n in v['nodes'][:3]]})" for v in violations
    )


def save_screenshot(page, name):
    """A full-page picture for a person to look at; CI keeps the folder."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (re.sub(r"[^\w.-]+", "-", name).strip("-") + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


def allow_console_errors(page, pattern):
    """Forget the console errors that match `pattern` (e.g. the 404 a test asked for on purpose)."""
    page.console_errors[:] = [error for error in page.console_errors if not re.search(pattern, error)]


def click_and_load(page, target):
    """Click what submits a form or follows a link, and return once the next page has loaded.

    `wait_for_url` returns at once when the next page's address equals the current one (a form that posts back to
    its own page), and a locator's `count()` does not wait at all: on a loaded machine the test would read the old
    page. Waiting for the navigation the click starts reads the new one.
    """
    with page.expect_navigation():
        (page.locator(target) if isinstance(target, str) else target).click()


def sign_in_to_admin(page, base_url, username, password):
    """Sign in on Wagtail's login form and return on the dashboard."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{base_url}/admin/")

"""The built site in a real browser (marker ``book``): headless Chromium, driven by Playwright.

The browser is the binary in ``PAKBOOK_CHROMIUM``, which scripts/build.sh resolves once
(scripts/_env.sh: the variable if set, else ``chromium`` or ``chromium-browser`` on PATH,
installing Debian's ``chromium`` package if neither is there) and prints with its version,
as does the header of the test run. On Debian that is Debian's Chromium. On GitHub's
``ubuntu-24.04`` runner it is the Chromium build that the runner image downloads and links
as /usr/bin/chromium, whose version changes with the image; Playwright never downloads a
browser of its own (``playwright install`` is never run).

The site is served from _build/html on a local port. Every request the pages make
to another host is blocked and recorded (so the tests never reach the network and
a CDN dependency fails them), as are failed requests and console errors.
A screenshot of each page goes to test-output/html/ for a person to look at, with
the browser's name and version in test-output/html/browser.txt.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading

import pytest

from bookbuild import execute as notebooks
from bookbuild.checks import axe, site
from pakbook import paths

pytestmark = [pytest.mark.book, pytest.mark.browser]

#: Flags that let Chromium run headless as root in a container, with no network of its own.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = paths.TEST_OUTPUT / "html"
TOC_PAGES = [f + ".html" for f in notebooks.toc_files()]
#: The site's copy of the PDF: its link is checked by test_the_pdf_link_on_the_front_page_gives_the_pdf (marker pdf).
SITE_PDF = paths.SITE_PDF.relative_to(paths.HTML).as_posix()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server():
    assert (paths.HTML / "index.html").is_file(), "build the book first: scripts/build.sh"
    handler = functools.partial(_QuietHandler, directory=str(paths.HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    chromium = os.environ.get("PAKBOOK_CHROMIUM")
    assert chromium, (
        "no browser: PAKBOOK_CHROMIUM is not set. scripts/build.sh sets it (scripts/_env.sh, "
        "ensure_chromium); to run these checks by hand, set it to a Chromium binary"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
        try:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            (SCREENSHOTS / "browser.txt").write_text(f"{chromium}\n{pw.chromium.name} {b.version}\n", encoding="utf-8")
            yield b
        finally:
            b.close()


class Visit:
    """One page load, with everything that went wrong on the way."""

    def __init__(self, browser, origin: str, path: str, *, screenshot: str | None = None):
        self.origin = origin
        self.blocked: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        page = self.page = self.context.new_page()
        self.context.route("**/*", self._route)
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on(
            "requestfailed",
            lambda r: self.failed.append(f"{r.url} ({r.failure})") if r.url not in self.blocked else None,
        )
        page.on("response", lambda r: self.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
        page.goto(origin + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        if screenshot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / screenshot), full_page=False)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def visits(browser, server):
    """Each page of the table of contents, loaded once (screenshots taken on the way)."""
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    out = {}
    for path in TOC_PAGES + ["search.html", "genindex.html"]:
        out[path] = Visit(browser, server, path, screenshot=path.replace("/", "__").replace(".html", ".png"))
    yield out
    for v in out.values():
        v.close()


@pytest.mark.parametrize("path", TOC_PAGES + ["search.html", "genindex.html"])
def test_page_loads_without_errors_or_requests_to_other_hosts(visits, path):
    v = visits[path]
    assert not v.blocked, f"{path} asked another host for: {sorted(set(v.blocked))}"
    assert not v.failed, f"{path}: failed requests: {v.failed}"
    assert not v.errors, f"{path}: {v.errors}"
    assert v.page.title().strip(), f"{path} has no title"


@pytest.mark.parametrize("path", TOC_PAGES)
def test_every_image_loads_and_has_alt_text(visits, path):
    images = visits[path].page.evaluate(
        """() => Array.from(document.images).map(i => ({src: i.currentSrc || i.src, alt: i.getAttribute('alt'),
                 complete: i.complete, width: i.naturalWidth}))"""
    )
    for img in images:
        assert img["complete"] and img["width"] > 0, f"{path}: image did not load: {img['src']}"
        problem = site.alt_text_problem(img["alt"])
        assert problem is None, f"{path}: {img['src']}: {problem}"


@pytest.mark.parametrize("path", TOC_PAGES)
def test_links_on_the_rendered_page_resolve(visits, built_site, path):
    """Every same-site link in the page as rendered (after its scripts ran): the file exists and so does the anchor."""
    v = visits[path]
    hrefs = v.page.evaluate("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    # the rendered page gives absolute URLs: on this site, they are paths from the site's root
    local = ["/" + h[len(v.origin) :] for h in hrefs if h.startswith(v.origin)]
    broken = [b for b in built_site.broken_hrefs(path, local) if b.target != SITE_PDF]
    assert not broken, f"{path}: " + "\n".join(sorted({str(b) for b in broken}))


def test_the_figures_of_chapter_1_are_on_its_page(visits):
    ids = visits["chapters/01_crossroads.html"].page.evaluate(
        "() => Array.from(document.querySelectorAll('figure[id] img')).map(i => i.closest('figure').id)"
    )
    assert len(ids) >= 3, f"chapter 1 shows {len(ids)} figures"


def _search(browser, server, query: str):
    v = Visit(browser, server, f"search.html?q={query}")
    try:
        page = v.page
        page.wait_for_function(
            "() => { const s = document.querySelector('#search-results p.search-summary');"
            " return s && s.textContent.trim().length > 0 }",
            timeout=20_000,
        )
        summary = page.inner_text("#search-results p.search-summary")
        links = page.evaluate(
            "() => Array.from(document.querySelectorAll('#search-results ul.search li a'))"
            ".map(a => a.getAttribute('href'))"
        )
        assert not v.blocked and not v.errors and not v.failed, (v.blocked, v.errors, v.failed)
        return summary, links
    finally:
        v.close()


def test_search_finds_gwadar(browser, server):
    summary, links = _search(browser, server, "Gwadar")
    assert links, f"searching for Gwadar found nothing ({summary!r})"
    assert any(h.split("#")[0].split("?")[0].endswith("chapters/01_crossroads.html") for h in links), links


def test_search_for_a_word_not_in_the_book_finds_nothing(browser, server):
    summary, links = _search(browser, server, "qzxwvkjplm")
    assert not links and "did not match" in summary


@pytest.mark.pdf
def test_the_pdf_link_on_the_front_page_gives_the_pdf(visits, server):
    v = visits["intro.html"]
    hrefs = v.page.evaluate(
        "() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"
        ".filter(h => h.split('#')[0].endsWith('.pdf'))"
    )
    assert hrefs, "the front page does not link the PDF"
    for href in hrefs:
        response = v.page.request.get(href)
        assert response.ok, f"{href}: HTTP {response.status}"
        body = response.body()
        assert body.startswith(b"%PDF-"), f"{href} is not a PDF"
        assert body == paths.PDF.read_bytes(), f"{href} is not the PDF just built"


@pytest.mark.parametrize("path", TOC_PAGES + ["search.html", "genindex.html"])
def test_page_passes_axe_core_wcag_a_and_aa(visits, path):
    """axe-core's WCAG 2.0/2.1 A and AA rules on the page as rendered: no violation."""
    found = axe.violations(visits[path].page)
    assert not found, f"{path} (axe-core {axe.version()}):\n" + "\n".join(map(str, found))


def test_axe_core_sees_planted_violations(browser):
    """The check can fail: an image without alt text and a list without list items are reported."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            '<!doctype html><html lang="en"><head><title>planted</title></head><body><main><h1>Planted</h1>'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
            '<div role="list"><div role="doc-biblioentry">an entry</div></div></main></body></html>'
        )
        rules = {v.rule for v in axe.violations(page)}
    finally:
        context.close()
    assert {"image-alt", "aria-required-children"} <= rules, rules

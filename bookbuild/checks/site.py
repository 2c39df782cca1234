"""The built HTML site as a reader's browser sees it: links, anchors, images, and where resources come from.

Used by the checks of the built book (tests/test_site.py, tests/test_browser.py, tests/test_pdf.py);
its list of leaks (LEAKS) also checks the notebooks' outputs (tests/test_notebooks.py).
Everything here reads files or strings; nothing fetches.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: An image's alt text that is only a file name (or a path to one) says nothing to a reader.
_FILE_NAME = re.compile(r"^\S+\.(png|jpe?g|gif|svg|webp|bmp|tiff?)$", re.IGNORECASE)


@dataclass
class Figure:
    """A numbered figure of a page: its anchor, number ("Fig. 1.2"), caption, image and alt text."""

    id: str
    number: str = ""
    caption: str = ""
    src: str = ""
    alt: str | None = None


@dataclass
class Page:
    """What one HTML page holds that a reader's browser follows or fetches."""

    ids: set[str] = field(default_factory=set)
    #: href of every <a>
    links: list[str] = field(default_factory=list)
    #: (src, alt or None) of every <img>
    images: list[tuple[str, str | None]] = field(default_factory=list)
    #: every URL the page makes the browser fetch: scripts, stylesheets, preloads, icons, images, media, frames
    resources: list[str] = field(default_factory=list)
    #: absolute URLs written inside inline <script> blocks (which a script may fetch)
    script_urls: list[str] = field(default_factory=list)
    #: the page's numbered figures, in order
    figures: list[Figure] = field(default_factory=list)
    #: the text of the page's first <h1>, without its section number and link mark
    heading: str = ""


class _Parser(HTMLParser):
    _FETCHED_LINKS = {
        "stylesheet",
        "preload",
        "icon",
        "shortcut icon",
        "apple-touch-icon",
        "modulepreload",
        "manifest",
        "prefetch",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_script = False
        self._figure: Figure | None = None
        self._figure_depth = 0
        self._span: str | None = None
        self._h1 = 0  # 1 inside the first <h1>, 2 after it
        self._skip: list[str] = []  # open elements whose text is not part of the heading

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "h1" and self._h1 == 0:
            self._h1 = 1
        elif self._h1 == 1 and tag in ("span", "a"):
            classes = (a.get("class") or "").split()
            self._skip.append(tag if {"section-number", "headerlink"} & set(classes) else "")
        if tag == "figure":
            if self._figure is None:
                self._figure = Figure(id=a.get("id") or "")
                self._figure_depth = 0
            self._figure_depth += 1
        if self._figure is not None:
            classes = (a.get("class") or "").split()
            if tag == "img" and not self._figure.src:
                self._figure.src, self._figure.alt = a.get("src") or "", a.get("alt")
            elif tag == "span" and ("caption-number" in classes or "caption-text" in classes):
                self._span = "number" if "caption-number" in classes else "caption"
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.page.ids.add(a[key])
        if tag == "a" and a.get("href") is not None:
            self.page.links.append(a["href"])
        elif tag == "img":
            self.page.images.append((a.get("src") or "", a.get("alt")))
            self.page.resources.append(a.get("src") or "")
        elif tag == "script":
            if a.get("src"):
                self.page.resources.append(a["src"])
            else:
                self._in_script = True
        elif tag == "link" and (a.get("rel") or "").lower() in self._FETCHED_LINKS and a.get("href"):
            self.page.resources.append(a["href"])
        elif tag in ("iframe", "source", "video", "audio", "embed") and a.get("src"):
            self.page.resources.append(a["src"])

    def handle_endtag(self, tag):
        if self._h1 == 1:
            if tag == "h1":
                self._h1 = 2
                self.page.heading = " ".join(self.page.heading.split())
            elif tag in ("span", "a") and self._skip:
                self._skip.pop()
        if tag == "script":
            self._in_script = False
        elif tag == "span":
            self._span = None
        elif tag == "figure" and self._figure is not None:
            self._figure_depth -= 1
            if self._figure_depth == 0:
                f = self._figure
                f.number, f.caption = " ".join(f.number.split()), " ".join(f.caption.split())
                self.page.figures.append(f)
                self._figure = None

    def handle_data(self, data):
        if self._h1 == 1 and not any(self._skip):
            self.page.heading += data
        if self._figure is not None and self._span:
            setattr(self._figure, self._span, getattr(self._figure, self._span) + data)
        if self._in_script:
            self.page.script_urls.extend(re.findall(r"""(?:https?:)?//[^\s"'`<>()]+""", data))


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.page


def is_external(url: str) -> bool:
    """True for a URL that names a host (``http://…``, ``https://…``, ``//host/…``)."""
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme in ("http", "https", "ftp")


def alt_text_problem(alt: str | None) -> str | None:
    """Why an image's alt text fails a reader, or None when it is fine."""
    if alt is None:
        return "no alt attribute"
    text = alt.strip()
    if not text:
        return "empty alt text"
    if _FILE_NAME.match(text) or "/" in text and " " not in text:
        return f"alt text is a file name: {text!r}"
    return None


def resolve(page: str, href: str) -> tuple[str, str]:
    """(site-relative path, fragment) that a relative ``href`` on ``page`` points to (a page's own fragment: same page)."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.endswith("/"):
        path += "index.html"
    if path.startswith("/"):
        target = posixpath.normpath(path.lstrip("/"))
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return target, unquote(parts.fragment)


@dataclass(frozen=True)
class BrokenLink:
    page: str
    href: str
    reason: str
    #: the site-relative file the link points to
    target: str = ""

    def __str__(self) -> str:
        return f"{self.page}: {self.href} ({self.reason})"


def is_followed(href: str) -> bool:
    """True for an href that points inside the site (not another host, mail, script or inline data)."""
    return bool(href) and not is_external(href) and not href.startswith(("mailto:", "javascript:", "data:", "tel:"))


class Site:
    """A built HTML site in a folder; pages parsed on first use."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._pages: dict[str, Page] = {}

    def pages(self) -> list[str]:
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in self.root.rglob("*.html")
            if "_static" not in p.relative_to(self.root).parts
        )

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            self._pages[rel] = parse((self.root / rel).read_text(encoding="utf-8"))
        return self._pages[rel]

    def check(self, target: str, fragment: str = "") -> str | None:
        """Why a site-relative ``target`` (and ``#fragment``) does not resolve, or None when it does."""
        if not (self.root / target).is_file():
            return f"no file {target}"
        if fragment and target.endswith(".html") and fragment not in self.page(target).ids:
            return f"no anchor #{fragment} in {target}"
        return None

    def broken_hrefs(self, rel: str, hrefs: list[str]) -> list[BrokenLink]:
        """The hrefs, as written on page ``rel``, that point inside the site at a missing file or anchor."""
        out = []
        for href in hrefs:
            if not is_followed(href):
                continue
            target, fragment = resolve(rel, href)
            reason = self.check(target, fragment)
            if reason:
                out.append(BrokenLink(rel, href, reason, target))
        return out

    def broken_links(self, rel: str) -> list[BrokenLink]:
        """Links and resources of a page that point inside the site at a missing file or anchor."""
        page = self.page(rel)
        return self.broken_hrefs(rel, page.links + page.resources)

    def external_resources(self, rel: str) -> list[str]:
        """What a page would make a browser fetch from another host (links a reader clicks are not counted)."""
        page = self.page(rel)
        return [u for u in page.resources + page.script_urls if is_external(u)]


#: What must never reach a reader, from a notebook's output into the site or the PDF: (pattern, what it is).
#: The one list: tests/test_notebooks.py (outputs as committed), test_site.py (every page's text) and
#: test_pdf.py (every page of the PDF) all check with :func:`leaks`.
LEAKS = [
    (re.compile(r"\bat 0x[0-9a-fA-F]{6,}"), "a memory address"),
    (re.compile(r"(?<![\w.])/(?:root|home|work|tmp|usr|opt|var|Users|private)/[\w.-]+"), "a machine path"),
    (re.compile(r"\b[A-Za-z]:\\[\w.-]+"), "a Windows path"),
    (re.compile(r"Traceback \(most recent call last\)"), "a traceback"),
    (re.compile(r"\b\w*(?:Warning|Error): "), "a Python warning or error"),
]


def visible_text(html: str) -> str:
    """The text of a page as a reader sees it (no tags, scripts or styles)."""

    class _Text(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts, self._skip = [], 0

        def handle_starttag(self, tag, attrs):
            self._skip += tag in ("script", "style")

        def handle_endtag(self, tag):
            self._skip -= tag in ("script", "style") and self._skip > 0

        def handle_data(self, data):
            if not self._skip:
                self.parts.append(data)

    p = _Text()
    p.feed(html)
    return " ".join(" ".join(p.parts).split())


def leaks(text: str) -> list[str]:
    """Each leak found in ``text``: what it is and the text around it."""
    out = []
    for pattern, what in LEAKS:
        for m in pattern.finditer(text):
            out.append(f"{what}: ...{text[max(0, m.start() - 30) : m.end() + 30]}...")
    return out


_MATH = re.compile(r'<(span|div) class="math[^"]*"[^>]*>(.*?)</\1>', re.S)
_PROSE = re.compile(r"(?:\b[A-Za-z]{4,}\b[\s,;:()`]+){3}")


def prose_in_math(html: str) -> list[str]:
    """Math on a page that reads as prose: a ``$`` in the text (as in "US$") taken for the start of math."""
    return [" ".join(m[2].split())[:100] for m in _MATH.finditer(html) if _PROSE.search(m[2])]

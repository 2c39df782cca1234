"""bookbuild.checks.site reads built pages: links, anchors, images, figures, resources from other hosts."""

from __future__ import annotations

from bookbuild.checks import site

PAGE = """<!DOCTYPE html><html><head>
<link rel="stylesheet" href="../_static/theme.css" />
<link rel="stylesheet" href="https://cdn.example.org/font.css" />
<link rel="next" href="02.html" />
<script src="../_static/doctools.js"></script>
<script src="//cdn.example.org/mathjax.js"></script>
<script>const URL = "https://unpkg.example.org/lib.js";</script>
</head><body>
<h1><span class="section-number">1. </span>The crossroads<a class="headerlink" href="#top">#</a></h1>
<section id="top"><a href="#top">here</a> <a href="02.html#part">next</a> <a href="https://example.org">out</a>
<a href="missing.html">gone</a> <a href="02.html#nowhere">no anchor</a> <a href="mailto:a@b.c">mail</a>
<figure class="align-default" id="fig-one"><a href="../_images/a.png"><img alt="A map of the region" src="../_images/a.png" /></a>
<figcaption><p><span class="caption-number">Fig. 1.1 </span><span class="caption-text">Where it lies.</span></p></figcaption></figure>
<img src="../_images/b.png" alt="b.png" /><img src="../_images/c.png" />
</section></body></html>"""


def _site(tmp_path):
    (tmp_path / "chapters").mkdir()
    (tmp_path / "_images").mkdir()
    (tmp_path / "_static").mkdir()
    (tmp_path / "chapters" / "01.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "chapters" / "02.html").write_text('<html><body><h1 id="part">Two</h1></body></html>', encoding="utf-8")
    for name in ("_images/a.png", "_images/b.png", "_images/c.png", "_static/theme.css", "_static/doctools.js"):
        (tmp_path / name).write_bytes(b"x")
    return site.Site(tmp_path)


def test_page_parts():
    page = site.parse(PAGE)
    assert page.heading == "The crossroads"
    assert "top" in page.ids and "fig-one" in page.ids
    assert page.figures == [
        site.Figure("fig-one", "Fig. 1.1", "Where it lies.", "../_images/a.png", "A map of the region")
    ]
    assert ("../_images/c.png", None) in page.images


def test_broken_links_and_anchors_are_found(tmp_path):
    s = _site(tmp_path)
    assert s.pages() == ["chapters/01.html", "chapters/02.html"]
    broken = {b.href: b.reason for b in s.broken_links("chapters/01.html")}
    assert broken == {
        "missing.html": "no file chapters/missing.html",
        "02.html#nowhere": "no anchor #nowhere in chapters/02.html",
    }


def test_resources_from_other_hosts_are_found(tmp_path):
    s = _site(tmp_path)
    assert sorted(s.external_resources("chapters/01.html")) == [
        "//cdn.example.org/mathjax.js",
        "https://cdn.example.org/font.css",
        "https://unpkg.example.org/lib.js",
    ]


def test_alt_text_must_describe():
    assert site.alt_text_problem("A map of the region") is None
    assert site.alt_text_problem(None) == "no alt attribute"
    assert site.alt_text_problem("  ") == "empty alt text"
    assert "file name" in site.alt_text_problem("map_1.PNG")
    assert "file name" in site.alt_text_problem("../_images/1919ca9e.png")


def test_resolve():
    assert site.resolve("chapters/01.html", "../intro.html#x") == ("intro.html", "x")
    assert site.resolve("chapters/01.html", "#top") == ("chapters/01.html", "top")
    assert site.resolve("intro.html", "book.pdf") == ("book.pdf", "")
    assert site.resolve("intro.html", "chapters/") == ("chapters/index.html", "")
    assert site.is_external("//cdn.x/y.js") and site.is_external("https://x") and not site.is_external("../a.js")


def test_leaks_are_found_in_what_a_reader_sees():
    text = site.visible_text("<p>Gwadar <b>606</b> km</p><script>var p = '/home/x/y';</script>")
    assert text == "Gwadar 606 km" and site.leaks(text) == []
    for bad, what in [
        ("<Figure at 0x7f3a2b1c9d80>", "memory address"),
        ("read /work/main/data/x.csv", "machine path"),
        ("C:\\Users\\me", "Windows path"),
        ("Traceback (most recent call last):", "traceback"),
        ("FutureWarning: the default will change", "warning"),
    ]:
        found = site.leaks(bad)
        assert found and what in found[0], (bad, found)
    assert site.leaks("data/raw/geonames/places.csv and an early warning: none") == []


def test_prose_set_as_math_is_found_and_real_math_is_not():
    page = (
        '<p>deals of US<span class="math notranslate nohighlight">\\(95m or more), annual totals of the '
        "tracker. Columns: `year` (year); `investment_usd_m` (number, US\\)</span> million</p>"
        '<p><span class="math notranslate nohighlight">\\(d = r\\,\\theta\\)</span></p>'
        '<div class="math notranslate nohighlight">\\[\\sum_{i=1}^{n} x_i \\text{ for all } i\\]</div>'
    )
    found = site.prose_in_math(page)
    assert len(found) == 1 and found[0].startswith("\\(95m or more), annual totals")


def test_one_check_for_hrefs_written_on_a_page_and_hrefs_a_browser_rendered(tmp_path):
    """Site.broken_hrefs serves both the file checks (relative hrefs) and the browser's (paths from the root)."""
    s = _site(tmp_path)
    assert s.check("chapters/02.html", "part") is None
    assert s.check("chapters/02.html", "nowhere") == "no anchor #nowhere in chapters/02.html"
    assert s.check("chapters/03.html") == "no file chapters/03.html"
    rendered = [
        "/chapters/02.html#part",
        "/chapters/02.html?x=1#nowhere",
        "/chapters/gone.html",
        "/_static/theme.css",
        "https://example.org/elsewhere",
        "mailto:a@b.c",
    ]
    broken = s.broken_hrefs("chapters/01.html", rendered)
    assert [(b.href, b.target, b.reason) for b in broken] == [
        ("/chapters/02.html?x=1#nowhere", "chapters/02.html", "no anchor #nowhere in chapters/02.html"),
        ("/chapters/gone.html", "chapters/gone.html", "no file chapters/gone.html"),
    ]

"""bookbuild.checks.pdf reads poppler's output and the LaTeX log (samples as poppler 22 and XeTeX print them)."""

from __future__ import annotations

from datetime import UTC

import pytest

from bookbuild.checks import pdf

IMAGES = """\
page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
--------------------------------------------------------------------------------------------
   6     0 image    1254   993  rgb     3   8  image  no        70  0   200   200  248K 6.8%
   6     1 smask    1254   993  gray    1   8  image  no        70  0   200   200 2498B 0.2%
  12     2 image    1500   700  rgb     3   8  image  no        92  0   180   180  308K 8.3%
"""

FONTS = """\
name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
DPFWTR+FreeSansBold-Identity-H       CID Type 0C       Identity-H       yes yes yes      5  0
Helvetica                            Type 1            Custom           no  no  no      20  0
XWITHP+LatinModernMath-Regular-Identity-H CID Type 0C       Identity-H       yes yes yes    170  0
"""

LOG = """\
pakbook-textwidth=452.9679pt
Overfull \\hbox (2465.50996pt too wide) in alignment at lines 759--775
 [] [] [] []
Underfull \\hbox (badness 10000) in paragraph at lines 675--677
Overfull \\hbox (0.71736pt too wide) in paragraph at lines 943--945
[]|\\TU/FreeMono(0)/m/n/10.95 EIA_2024_CHOKEPOINTS|
Overfull \\vbox (12.0pt too high) detected at line 80
"""


def test_images_are_read_with_their_print_size():
    images = pdf.parse_images(IMAGES)
    assert [(i.page, i.kind, i.width, i.height) for i in images] == [
        (6, "image", 1254, 993),
        (6, "smask", 1254, 993),
        (12, "image", 1500, 700),
    ]
    assert images[0].print_width_in == pytest.approx(6.27)
    assert images[2].print_width_in == pytest.approx(1500 / 180)


def test_fonts_are_read_with_whether_they_are_embedded():
    fonts = pdf.parse_fonts(FONTS)
    assert [(f.name, f.type, f.embedded) for f in fonts] == [
        ("DPFWTR+FreeSansBold-Identity-H", "CID Type 0C", True),
        ("Helvetica", "Type 1", False),
        ("XWITHP+LatinModernMath-Regular-Identity-H", "CID Type 0C", True),
    ]


def test_overfull_boxes_are_counted_with_their_size_and_place():
    boxes = pdf.overfull_boxes(LOG)
    assert [(b.points, b.where) for b in boxes] == [
        (2465.50996, "alignment at lines 759--775"),
        (0.71736, "paragraph at lines 943--945"),
        (12.0, "line 80"),
    ]
    assert "EIA_2024_CHOKEPOINTS" in str(boxes[1])


def test_text_width_comes_from_the_log():
    assert pdf.text_width_in(LOG) == pytest.approx(6.2677, abs=1e-4)
    with pytest.raises(ValueError, match="text width"):
        pdf.text_width_in("no such line")


def test_squash_joins_hyphenated_lines_and_plain_quotes():
    assert pdf.squash("China\u2019s long-\n  term   partner\n") == "China's longterm partner"
    assert pdf.squash_lines("1   The  crossroads    3\n2 Gwadar") == "1 The crossroads 3\n2 Gwadar"


def test_info_is_read_as_keys_and_values():
    assert pdf.parse_info("Title:   A book\nPages:           39\n")["Pages"] == "39"


def test_captions_match_whether_a_line_ends_at_a_real_hyphen_or_a_broken_word():
    html = "Fig. 1.3: The Kashgar-Gwadar corridor, long-term plans and the Gwadar\u2013Hormuz gap"
    pdf_text = "Fig. 1.3: The Kashgar-\n   Gwadar corri-\ndor, long-term plans and the Gwadar\u2013\nHormuz gap"
    assert pdf.squash(html) not in pdf.squash(pdf_text), "the case this guards against: squash alone misses it"
    assert pdf.loose(html) == pdf.loose(pdf_text)
    assert pdf.loose("China\u2019s  long-\n term") == "China'slongterm"


def test_pdf_dates_are_read_with_their_time_zone():
    from datetime import datetime

    assert pdf.parse_date("2026-11-29T03:30:58Z") == datetime(2026, 11, 29, 3, 30, 58, tzinfo=UTC)
    assert pdf.parse_date("2026-11-29T05:30:58+02") == datetime(2026, 11, 29, 3, 30, 58, tzinfo=UTC)
    with pytest.raises(ValueError, match="time zone"):
        pdf.parse_date("2026-11-29T03:30:58")

"""bookbuild.checks.a11y against published values: CIEDE2000 (Sharma et al. 2005), CIELAB, Machado et al. (2009), WCAG."""

from __future__ import annotations

import io

import numpy as np
import pytest

from bookbuild.checks import a11y

# Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes,
# supplementary test data, and mathematical observations", Table 1 (pairs 1, 2, 3, 7, 17-20).
SHARMA_2005 = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
]


@pytest.mark.parametrize("lab1, lab2, expected", SHARMA_2005)
def test_ciede2000_matches_sharma_2005(lab1, lab2, expected):
    assert a11y.ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert a11y.ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_lab_of_known_colours():
    assert a11y.srgb_to_lab(a11y.hex_to_rgb("#FFFFFF")) == pytest.approx([100, 0, 0], abs=1e-3)
    assert a11y.srgb_to_lab(a11y.hex_to_rgb("#000000")) == pytest.approx([0, 0, 0], abs=1e-3)
    assert a11y.srgb_to_lab(a11y.hex_to_rgb("#FF0000")) == pytest.approx([53.24, 80.09, 67.20], abs=0.01)


@pytest.mark.parametrize("vision", a11y.VISIONS)
def test_simulation_keeps_greys_grey(vision):
    """Each Machado row sums to 1: white, black and greys look the same to everyone."""
    assert a11y.MACHADO_2009[vision].sum(axis=1) == pytest.approx([1, 1, 1], abs=1e-5)
    for grey in ("#FFFFFF", "#808080", "#000000"):
        assert a11y.simulate(grey, vision) == pytest.approx(a11y.hex_to_rgb(grey), abs=1e-4)


# Reference values from colorspacious 1.1.2: cspace_convert(rgb, {"name": "sRGB1+CVD",
# "cvd_type": "<kind>anomaly", "severity": 100}, "sRGB1"), clipped to [0, 1].
COLORSPACIOUS = [
    ("#D55E00", "protan", (0.5055, 0.4420, 0.0)),
    ("#D55E00", "deutan", (0.6186, 0.5484, 0.0)),
    ("#D55E00", "tritan", (0.9196, 0.2528, 0.3143)),
    ("#0072B2", "protan", (0.3244, 0.4571, 0.7085)),
    ("#0072B2", "deutan", (0.2303, 0.4020, 0.6933)),
    ("#0072B2", "tritan", (0.0, 0.5089, 0.5387)),
]


@pytest.mark.parametrize("colour, vision, expected", COLORSPACIOUS)
def test_simulation_matches_colorspacious(colour, vision, expected):
    assert a11y.simulate(colour, vision) == pytest.approx(expected, abs=1e-4)


def test_a_pair_safe_for_normal_vision_but_not_for_deutans_is_caught():
    # matplotlib's default red and green: far apart for most readers, close for a deuteranope
    found = a11y.clashes("test", {"red": "#D62728", "green": "#2CA02C"}, minimum=10)
    assert [c.vision for c in found] == ["deutan"]
    assert found[0].delta_e < 10 and "deutan" in str(found[0])


def test_two_names_for_one_colour_are_one_colour():
    assert a11y.clashes("test", {"a": "#0072B2", "b": "#0072b2"}, minimum=10) == []


def test_contrast_ratio_matches_wcag():
    assert a11y.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert a11y.contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # the grey WCAG examples give as just failing 4.5:1 on white
    assert a11y.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_bad_colour_is_refused():
    with pytest.raises(ValueError):
        a11y.hex_to_rgb("#12345")


def test_png_info_reads_size_and_resolution():
    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.zeros((30, 50, 3), dtype=np.uint8)).save(buf, format="PNG", dpi=(200, 200))
    width, height, dpi = a11y.png_info(buf.getvalue())
    assert (width, height) == (50, 30) and dpi == pytest.approx(200, abs=0.01)
    buf = io.BytesIO()
    Image.fromarray(np.zeros((3, 4, 3), dtype=np.uint8)).save(buf, format="PNG")
    assert a11y.png_info(buf.getvalue()) == (4, 3, None)
    with pytest.raises(ValueError):
        a11y.png_info(b"GIF89a")

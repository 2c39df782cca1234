"""The map windows, defined once: every chapter that shows a region shows it the same way."""

from __future__ import annotations

from .base import MapWindow

#: Arabian Peninsula to western China, Lambert azimuthal equal-area centred on Pakistan.
REGION = MapWindow(
    "+proj=laea +lat_0=29 +lon_0=63 +datum=WGS84 +units=m",
    36,
    12,
    90,
    45,
    projection="Lambert azimuthal equal-area projection",
)
#: Gulf of Oman and the Strait of Hormuz, UTM zone 41N.
GULF = MapWindow("EPSG:32641", 54.6, 22.4, 67.6, 27.9, projection="UTM zone 41N projection")
#: From the Persian Gulf to the East China Sea, Lambert azimuthal equal-area.
SEA_ROUTES = MapWindow(
    "+proj=laea +lat_0=18 +lon_0=92 +datum=WGS84 +units=m",
    52,
    -4,
    128,
    44,
    projection="Lambert azimuthal equal-area projection",
)
#: Pakistan and its borderlands, from the Makran coast to the Khunjerab Pass and Kashgar.
PAKISTAN = MapWindow(
    "+proj=laea +lat_0=30 +lon_0=69 +datum=WGS84 +units=m",
    60.0,
    23.3,
    78.5,
    39.8,
    projection="Lambert azimuthal equal-area projection",
)

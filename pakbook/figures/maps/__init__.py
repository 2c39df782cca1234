"""Maps: primitives (``base``), map windows (``windows``), points and numbered sites (``points``), the book's maps (``book``)."""

"""The one error type for bad data."""

from __future__ import annotations


class DataError(ValueError):
    """A data file is wrong. Names the file, the place, the column, what was expected and what was found.

    ``line`` is the line of a CSV file (the header is line 1) or a label such as
    ``"feature 3"`` for GeoJSON. ``line`` and ``column`` are ``None`` when the
    problem concerns the whole file (empty file, checksum mismatch).
    """

    def __init__(self, file: str, line: int | str | None, column: str | None, expected: str, found: object):
        self.file, self.line, self.column, self.expected, self.found = file, line, column, expected, found
        where = file
        if isinstance(line, int):
            where += f", line {line}"
        elif line is not None:
            where += f", {line}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: expected {expected}; found {found if isinstance(found, str) else repr(found)}")

"""Derive the book's tables in ``data/derived/`` from the raw data, byte for byte.

The rules are in the topic modules of ``pakbook/data/`` (each module's ``DERIVED``: one function per table, described there). Needs only the
book's own packages (``requirements.txt``).

    python scripts/derive_tables.py           write every derived table
    python scripts/derive_tables.py --check   compare with the committed files instead
"""

from __future__ import annotations

import argparse
import sys

from pakbook import data, paths
from pakbook.data.derivation import write_or_check


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    args = ap.parse_args(argv)
    same = [write_or_check(paths.DATA / rel, make(), args.check) for rel, make in data.derived_tables().items()]
    return 0 if all(same) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())

"""Make a copy of data/ with every growing table multiplied, for the scaling benchmarks.

Copies keep every rule check-data enforces (unique ids, known references), so
the widgets load them exactly as they load the shipped data.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

GROWING = {"events": "id", "framings": "id", "claims": "id", "quiz": "id", "sources": "id"}


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def multiply(data_dir: Path, out: Path, factor: int) -> Path:
    """Write data_dir's tables into `out`, the growing ones `factor` times over."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(data_dir, out)
    for table, key in GROWING.items():
        fields, rows = _rows(data_dir / f"{table}.csv")
        grown = list(rows)
        for copy in range(1, factor):
            for row in rows:
                clone = dict(row)
                clone[key] = f"{row[key]}-x{copy}"
                grown.append(clone)
        with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(grown)
    return out

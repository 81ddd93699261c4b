"""Shared fixtures: the repository's paths and a private copy of the data to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standoff import data

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for every browser test (Debian's /usr/bin/chromium)."""
    from playwright.sync_api import sync_playwright

    from browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ that a test may edit; the package reads it instead of data/."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setenv("STANDOFF_DATA_DIR", str(copy))
    data._load.cache_clear()
    yield copy
    data._load.cache_clear()


def rewrite(path: Path, old: str, new: str) -> None:
    """Replace one piece of text in a data file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_row(path: Path, row: list[str]) -> None:
    """Add one CSV row at the end of a data file."""
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + buffer.getvalue(), encoding="utf-8")


def edit_rows(path: Path, change) -> None:
    """Read a data file's rows, let `change(rows)` edit them in place, and write them back."""
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def clear_rows(path: Path) -> None:
    """Keep a data file's header and drop its rows, so a test's fixture rows are the only ones."""
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")

"""Slide decks for classroom walkthroughs, built offline with a vendored reveal.js.

Each lesson's cells carry `metadata.slideshow.slide_type` (slide, subslide,
fragment, skip, notes, as in Jupyter's own slideshow tool). nbconvert's reveal
template would load jQuery, require.js, Font Awesome and reveal.js from CDNs, so
we assemble the deck ourselves from the executed, kernel-free cells.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

from .execute import run
from .site import (
    NOTEBOOKS,
    PLOTLY_JS,
    ROOT,
    _title,
    fresh_work_dir,
    lessons,
    make_static,
    relink,
    write_teacher_guide,
)
from .text import esc

REVEAL = ROOT / "vendor" / "reveal.js"
STYLE = """
.reveal { font-family: Arial, Helvetica, sans-serif; }
.reveal .slides section { text-align: left; font-size: 0.55em; }
.reveal h1, .reveal h2 { text-transform: none; }
.reveal table { font-size: 0.8em; }
"""
RESIZE = ("Reveal.on('slidechanged', e => e.currentSlide.querySelectorAll('.js-plotly-plot')"
          ".forEach(p => Plotly.Plots.resize(p)));")


def _cell_html(cell: nbformat.NotebookNode, exporter: HTMLExporter, nb: nbformat.NotebookNode) -> str:
    single = nbformat.v4.new_notebook(cells=[cell], metadata=nb.metadata)
    body, _ = exporter.from_notebook_node(single)
    return relink(body)


def deck_sections(nb: nbformat.NotebookNode) -> list[str]:
    """The notebook's cells grouped into reveal.js <section>s, following their slide metadata."""
    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_output_prompt=True)
    sections: list[list[str]] = []
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if kind == "skip":
            continue
        if kind in ("slide", "subslide") or not sections:
            sections.append([])
        html = _cell_html(cell, exporter, nb)
        if kind == "fragment":
            html = f'<div class="fragment">{html}</div>'
        elif kind == "notes":
            html = f'<aside class="notes">{html}</aside>'
        sections[-1].append(html)
    return [f"<section>{''.join(parts)}</section>" for parts in sections]


def deck(title: str, sections: list[str]) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            '<link rel="stylesheet" href="reveal/reveal.css"><link rel="stylesheet" href="reveal/white.css">'
            f'<style>{STYLE}</style><script src="assets/plotly.min.js"></script></head><body>'
            f'<div class="reveal"><div class="slides">{"".join(sections)}</div></div>'
            '<script src="reveal/reveal.js"></script>'
            f"<script>Reveal.initialize({{hash: true, width: 1280, height: 800}}); {RESIZE}</script>"
            "</body></html>")


def build(out: Path | str) -> list[Path]:
    """Write one deck per lesson into `out`; return their paths."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)
    shutil.copytree(REVEAL, out / "reveal")
    shutil.copy(PLOTLY_JS, out / "assets" / "plotly.min.js")
    write_teacher_guide(out)
    written = []
    with fresh_work_dir():
        for path in lessons():
            nb = make_static(run(nbformat.read(path, as_version=4), NOTEBOOKS, timeout=300))
            target = out / f"{path.stem}.html"
            target.write_text(deck(_title(nb, path.stem), deck_sections(nb)), encoding="utf-8")
            written.append(target)
    return written

"""The static reading edition: every lesson and the data appendix as plain web pages.

For classrooms where Binder is full or blocked. Each lesson is executed, then
its outputs are made kernel-free: plotly charts are drawn by one local copy of
plotly.js (no CDN), and each widget falls back to the static HTML it carries
(see `render.WidgetView`). Links are relative, so the folder opens from a USB
stick as well as from any web server.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import mistune
import nbformat
import plotly
from nbconvert import HTMLExporter

from . import framing, links
from .cards import sources_list_html
from .claims import summary_html
from .data import load
from .execute import run
from .lexicon_view import LexiconExplorer
from .render import PLOTLY_MIME
from .schema import DEFAULT_DATA_DIR
from .text import esc
from .timeline import describe, table_html

ROOT = DEFAULT_DATA_DIR.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

CSS = """
body { font-family: Arial, Helvetica, sans-serif; line-height: 1.5; color: #1A1A1A;
       max-width: 62rem; margin: 0 auto; padding: 0 1rem 3rem; }
a { color: #0B5CAD; }
nav { border-bottom: 1px solid #BBBBBB; padding: 0.6rem 0; margin-bottom: 1rem; }
nav a { margin-right: 1rem; }
.live { background: #FFF4D6; border: 1px solid #8C6D00; padding: 0.5rem 0.8rem; border-radius: 4px; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #BBBBBB; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
pre, code { background: #F2F2F2; }
pre { padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; }
figure.chart { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.jp-InputPrompt, .jp-OutputPrompt { display: none; }
blockquote { margin-left: 0; }
"""

APPENDIX = [
    ("timeline.html", "Timeline (as a table)"),
    ("topics.html", "Every comparison, side by side"),
    ("lexicon.html", "Lexicon"),
    ("claims.html", "The column's claims"),
    ("glossary.html", "Glossary"),
    ("sources.html", "Sources"),
]


def lessons() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            return cell.source.splitlines()[0][2:].strip()
    return fallback


def page(title: str, body: str, binder_notebook: str | None = None) -> str:
    """One page of the site: navigation, an optional Binder link, the body."""
    nav = " ".join(f'<a href="{href}">{esc(label)}</a>'
                   for href, label in [("index.html", "All lessons")] + APPENDIX)
    live = ""
    if binder_notebook:
        live = (f'<p class="live">This is the reading edition. '
                f'<a href="{esc(links.binder_url(binder_notebook))}">Run this lesson live on Binder</a> '
                "to use the interactive parts (Binder does not save your work).</p>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{CSS}</style>"
            f'<script src="assets/plotly.min.js"></script></head>'
            f'<body><nav aria-label="Site">{nav}</nav><main>{live}{body}</main></body></html>')


def _plotly_html(data: dict, alt: str, number: int) -> str:
    """A chart drawn by the local plotly.js, with its text alternative beside it."""
    div = f"chart-{number}"
    figure = json.dumps([data["data"], data["layout"], data.get("config", {})]).replace("</", "<\\/")
    return (f'<figure class="chart"><div id="{div}"></div>'
            f'<figcaption class="visually-hidden">{esc(alt)}</figcaption></figure>'
            f"<script>Plotly.newPlot('{div}', ...{figure});</script>")


def make_static(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Turn outputs that need a kernel or a CDN into plain HTML."""
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if "journal.export()" in cell.source:
            cell.outputs = [nbformat.v4.new_output("display_data", data={
                "text/html": "<p><em>In the live notebook this cell saves your journal as a file you "
                             "can download.</em></p>"})]
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            data.pop(WIDGET_MIME, None)
            if PLOTLY_MIME in data:
                number += 1
                data["text/html"] = _plotly_html(data.pop(PLOTLY_MIME), data.get("text/plain", ""), number)
    return nb


def relink(body: str) -> str:
    """Point links between lessons (and to the teacher guide) at the pages built beside them."""
    body = re.sub(r'href="(\d\d_[a-z0-9_]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', body)
    return body.replace('href="teacher/README.md"', 'href="teacher.html"')


def lesson_page(path: Path) -> tuple[str, str]:
    """Execute a lesson and export it as a page; return (title, html)."""
    nb = run(nbformat.read(path, as_version=4), path.parent, timeout=300)
    make_static(nb)
    exporter = HTMLExporter(template_name="basic", exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    body = relink(body)
    title = _title(nb, path.stem)
    return title, page(title, body, binder_notebook=path.name)


def _appendix_pages() -> dict[str, tuple[str, str]]:
    tables = load()
    topics = "".join(f"<section><h2>{esc(t.title)}</h2><p><em>{esc(t.question)}</em></p>"
                     f"{framing.compare_table(t.id)}</section>" for t in tables.topics.itertuples())
    glossary = "".join(f"<dt><strong>{esc(g.term)}</strong></dt><dd>{esc(g.definition)} "
                       f"{sources_list_html(g.source_ids, tables.indexed('sources'))}</dd>"
                       for g in tables.glossary.sort_values("term").itertuples())
    sources = sources_list_html(list(tables.sources.sort_values("title")["id"]),
                                tables.indexed("sources"))
    return {
        "timeline.html": ("Timeline", f"<h1>Timeline, 1975–2024</h1><p>{esc(describe())}</p>{table_html()}"),
        "topics.html": ("Comparisons", f"<h1>Every comparison, side by side</h1>{topics}"),
        "lexicon.html": ("Lexicon",
                         f"<h1>Lexicon: the words each side uses</h1>{LexiconExplorer().static_html()}"),
        "claims.html": ("The column's claims", f"<h1>The column's claims, checked</h1>{summary_html()}"),
        "glossary.html": ("Glossary", f"<h1>Glossary</h1><dl>{glossary}</dl>"),
        "sources.html": ("Sources", f"<h1>Sources</h1><p>Every document the collection cites.</p>{sources}"),
    }


def _index(titles: dict[str, str]) -> str:
    items = "".join(f'<li><a href="{esc(name)}">{esc(title)}</a></li>' for name, title in titles.items())
    appendix = "".join(f'<li><a href="{href}">{esc(label)}</a></li>' for href, label in APPENDIX)
    return page("Indivisible Security? — reading edition", (
        "<h1>Indivisible Security? — reading edition</h1>"
        "<p>The lessons as web pages, for reading without Jupyter. Charts stay interactive; "
        "the exercises that need Python are marked.</p>"
        f"<h2>Lessons</h2><ol start='0'>{items}</ol>"
        f"<h2>Data appendix</h2><ul>{appendix}</ul>"
        f'<p><a href="teacher.html">Teacher guide</a> · '
        f'<a href="{esc(links.binder_url())}">Open the live collection on Binder</a></p>'))


def write_teacher_guide(out: Path) -> None:
    """The teacher guide (notebooks/teacher/README.md) as a page, its lesson links made local."""
    guide = NOTEBOOKS / "teacher" / "README.md"
    if guide.exists():
        text = guide.read_text(encoding="utf-8")
        text = re.sub(r"\((\.\./)?(\d\d_[a-z0-9_]+)\.ipynb\)", r"(\2.html)", text)
        (out / "teacher.html").write_text(page("Teacher guide", mistune.html(text)), encoding="utf-8")


@contextmanager
def fresh_work_dir() -> Iterator[Path]:
    """Run lessons against an empty journal, so no one's answers reach a published page."""
    old = os.environ.get("STANDOFF_WORK_DIR")
    with tempfile.TemporaryDirectory() as work:
        os.environ["STANDOFF_WORK_DIR"] = work
        try:
            yield Path(work)
        finally:
            if old is None:
                os.environ.pop("STANDOFF_WORK_DIR", None)
            else:
                os.environ["STANDOFF_WORK_DIR"] = old


def build(out: Path | str) -> Path:
    """Build the whole reading edition into `out` and return its index page."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)
    shutil.copy(PLOTLY_JS, out / "assets" / "plotly.min.js")
    titles = {}
    with fresh_work_dir():
        for path in lessons():
            title, html = lesson_page(path)
            (out / f"{path.stem}.html").write_text(html, encoding="utf-8")
            titles[f"{path.stem}.html"] = title
    for name, (title, body) in _appendix_pages().items():
        (out / name).write_text(page(title, body), encoding="utf-8")
    write_teacher_guide(out)
    (out / "index.html").write_text(_index(titles), encoding="utf-8")
    return out / "index.html"

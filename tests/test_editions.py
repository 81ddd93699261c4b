"""The static reading edition and the slide decks: complete, offline, accessible."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from standoff import load, site, slides

from browser import CHROMIUM, ROOT

EXTERNAL_ASSET = re.compile(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=\"(?:https?:)?//", re.I)
AXE = ROOT / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "site"
    site.build(out)
    return out


@pytest.fixture(scope="module")
def built_slides(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "slides"
    slides.build(out)
    return out


def pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html"))


def local_targets(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    targets = re.findall(r"(?:href|src)=\"([^\"#]+)", text)
    return [t for t in targets if not re.match(r"(https?:|data:|mailto:)", t)]


def test_site_has_index_every_lesson_and_the_appendix(built_site):
    names = {p.name for p in pages(built_site)}
    lessons = {f"{p.stem}.html" for p in site.lessons()}
    assert lessons and lessons <= names
    assert {"index.html", "timeline.html", "topics.html", "lexicon.html", "claims.html", "glossary.html",
            "sources.html"} <= names
    assert (built_site / "assets" / "plotly.min.js").stat().st_size > 1_000_000


def test_site_is_offline_and_relative(built_site):
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert not EXTERNAL_ASSET.search(text), f"{page.name} loads something from the network"
        for target in local_targets(page):
            assert (built_site / target).exists(), f"{page.name} links to missing {target}"


def test_lesson_pages_link_to_binder_and_draw_charts_locally(built_site):
    for lesson in site.lessons():
        text = (built_site / f"{lesson.stem}.html").read_text(encoding="utf-8")
        assert "Run this lesson live on Binder" in text
        assert f"lab/tree/notebooks/{lesson.name}" in text
        assert text.count("Plotly.newPlot(") == text.count('<figcaption class="visually-hidden">') >= 1
        assert "application/vnd.jupyter.widget-view+json" not in text


def test_appendix_shows_every_fact_quote_and_source(built_site):
    tables = load()

    def page_text(name):
        return html.unescape((built_site / name).read_text(encoding="utf-8"))

    topics, timeline = page_text("topics.html"), page_text("timeline.html")
    assert all(q in topics for q in tables.framings["quote"])
    assert all(t in timeline for t in tables.events["title"])
    claims = page_text("claims.html")
    assert all(e in claims for e in tables.claims["excerpt"])
    glossary = page_text("glossary.html")
    assert all(t in glossary for t in tables.glossary["term"])
    sources = page_text("sources.html")
    assert all(t in sources for t in tables.sources["title"])


def test_slides_one_deck_per_lesson_offline(built_slides):
    decks = {p.stem for p in pages(built_slides)} - {"teacher"}
    assert decks == {p.stem for p in site.lessons()}
    assert (built_slides / "reveal" / "reveal.js").exists()
    for deck in [p for p in pages(built_slides) if p.stem != "teacher"]:
        text = deck.read_text(encoding="utf-8")
        assert not EXTERNAL_ASSET.search(text), f"{deck.name} loads something from the network"
        assert text.count("<section>") >= 5, f"{deck.name} has too few slides"
        for target in local_targets(deck):
            assert (built_slides / target).exists(), f"{deck.name} links to missing {target}"


browser_needed = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("STANDOFF_REQUIRE_BROWSER"),
    reason=f"{CHROMIUM} is not installed (apt-get install chromium)")


@pytest.mark.browser
@browser_needed
def test_every_site_page_passes_axe_and_stays_offline(built_site, chromium):
    problems = []
    for page_path in pages(built_site):
        page = chromium.new_page()
        requests: list[str] = []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        if "Plotly.newPlot(" in page_path.read_text(encoding="utf-8"):
            page.wait_for_selector(".js-plotly-plot svg.main-svg", state="attached", timeout=20_000)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                where = violation["nodes"][0]["target"] if violation["nodes"] else ""
                problems.append(f"{page_path.name}: {violation['id']} ({violation['impact']}) at {where}")
        leaving = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
        assert not leaving, f"{page_path.name} requested {leaving[:3]}"
        page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@browser_needed
def test_a_deck_opens_and_draws_its_charts(built_slides, chromium):
    deck = built_slides / "00_start_here.html"
    page = chromium.new_page()
    page.goto(deck.as_uri())
    page.wait_for_selector(".reveal .slides section", state="attached")
    assert page.evaluate("() => typeof Reveal !== 'undefined' && Reveal.isReady()")
    page.close()

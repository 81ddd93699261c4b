"""Open every lesson in JupyterLab in headless Chromium and look at what a person sees."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import CHROMIUM, is_local, jupyterlab, run_all
from conftest import NOTEBOOKS, ROOT

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

if not Path(CHROMIUM).exists():
    if os.environ.get("STANDOFF_REQUIRE_BROWSER"):
        raise RuntimeError(f"{CHROMIUM} is missing but browser tests are required (CI)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab(tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_renders_in_jupyterlab(lab, chromium, path):
    base, token, _ = lab
    page = chromium.new_page(viewport={"width": 1400, "height": 6000})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        run_all(page, base, token, path.name)
        page.wait_for_selector(".js-plotly-plot svg.main-svg", state="attached", timeout=30_000)
        page.wait_for_selector(".jupyter-widgets", state="attached", timeout=30_000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{path.stem}.png"), full_page=True)
        for number, chart in enumerate(page.locator(".js-plotly-plot").all(), start=1):
            chart.screenshot(path=str(SCREENSHOTS / f"{path.stem}-chart{number}.png"))

        assert page.get_by_text("Error displaying widget").count() == 0
        assert page.get_by_text("official Jupyter news").count() == 0, "JupyterLab offered to fetch news"
        errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        assert errors.count() == 0, errors.first.inner_text()
        assert page.locator(".js-plotly-plot").count() >= 1
        assert page.locator(".jupyter-widgets").count() >= 1
        static = page.locator(".standoff-static")
        assert static.count() == 0, "JupyterLab showed a widget's static fallback instead of the widget"
        if "framing.compare(" in path.read_text(encoding="utf-8"):
            cards = page.locator(".standoff-card")
            assert cards.count() >= 3, "the comparison cards were not drawn"
            assert "Russian government" in " ".join(cards.all_inner_texts())
        leaving = [url for url in requests if not is_local(url)]
        assert not leaving, f"the page tried to reach the network: {leaving[:5]}"
    finally:
        page.close()

"""Binder builds the same environment as `make lab`, from files in the repository only."""

from __future__ import annotations

import os
import re
from importlib import metadata

from packaging.specifiers import SpecifierSet

from conftest import ROOT

BINDER = ROOT / "binder"


def pins(path) -> dict[str, str]:
    """name -> version for every `name==version` line, following `-r other.txt` includes."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found |= pins((path.parent / line[3:].strip()).resolve())
        elif "==" in line:
            name, version = line.split("==", 1)
            found[re.sub(r"[-_.]+", "-", name.strip()).lower()] = version.strip()
    return found


def test_every_runtime_requirement_is_pinned_exactly():
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.\-]+", line), line


def test_binder_installs_exactly_the_runtime_pins():
    runtime = pins(ROOT / "requirements.txt")
    assert {"jupyterlab", "ipywidgets", "pandas", "plotly"} <= set(runtime)
    assert pins(BINDER / "requirements.txt") == runtime
    extra = [line for line in (BINDER / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert extra == ["-r ../requirements.txt", "-e ."]


def test_binder_runtime_is_a_python_the_pins_support():
    runtime = (BINDER / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(3\.\d+)", runtime)
    assert match, runtime
    version = match.group(1)
    for name in pins(ROOT / "requirements.txt"):
        requires = metadata.metadata(name).get("Requires-Python") or ""
        assert SpecifierSet(requires).contains(f"{version}.0"), f"{name} needs Python {requires}"


def test_dev_requirements_pinned_and_include_runtime():
    dev = (ROOT / "requirements-dev.txt").read_text().splitlines()
    assert "-r requirements.txt" in dev
    tools = pins(ROOT / "requirements-dev.txt")
    for tool in ("pytest", "nbclient", "playwright", "frictionless", "ruff"):
        assert tool in tools, f"{tool} is not pinned in requirements-dev.txt"


def test_postbuild_is_executable_and_uses_only_the_repository():
    post_build = BINDER / "postBuild"
    assert os.access(post_build, os.X_OK)
    text = post_build.read_text()
    assert not re.search(r"https?://|curl|wget|pip install", text)
    assert "python -m standoff install-lab-settings" in text


def test_lab_settings_turn_off_news_and_update_checks(tmp_path):
    from standoff import labsettings

    overrides, server = labsettings.install(tmp_path)
    assert '"fetchNews": "false"' in overrides.read_text()
    assert '"checkForUpdates": false' in overrides.read_text()
    assert "NeverCheckForUpdate" in server.read_text()
    assert '"extension_manager": "readonly"' in server.read_text()

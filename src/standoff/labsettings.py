"""Keep JupyterLab offline: no news fetch, no update check.

JupyterLab asks on first start whether to fetch Jupyter news, checks for
updates, and its extension manager searches PyPI; in a classroom (and on
Binder) that is network traffic nobody asked for. Binder's postBuild and
`make lab` both call `install()` so the two environments behave the same.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}
SERVER_CONFIG = {
    "LabApp": {"news_url": None, "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
               "extension_manager": "readonly"},
}


def install(prefix: Path | str | None = None) -> list[Path]:
    """Write the settings into an environment (default: the running one); return the files."""
    prefix = Path(prefix or sys.prefix)
    overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    server = prefix / "etc" / "jupyter" / "jupyter_server_config.d" / "standoff-offline.json"
    for path, content in ((overrides, LAB_OVERRIDES), (server, SERVER_CONFIG)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    return [overrides, server]

"""Links a teacher hands out: Binder for one lesson, or a JupyterHub via nbgitpuller.

The repository's public address lives here once, so a fork changes one line.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

REPO_URL = "https://github.com/indivisible-security/standoff-notebooks"
REPO_NAME = REPO_URL.rstrip("/").rsplit("/", 1)[-1]
BINDER = "https://mybinder.org/v2/gh"


def binder_url(notebook: str = "00_start_here.ipynb", ref: str = "main") -> str:
    """Open one lesson on Binder. Use a tag (e.g. 'v1.0') as `ref` to fix the version a class sees."""
    owner_repo = REPO_URL.removeprefix("https://github.com/")
    return f"{BINDER}/{owner_repo}/{quote(ref, safe='')}?urlpath={quote(f'lab/tree/notebooks/{notebook}')}"


def hub_link(hub_url: str, notebook: str = "00_start_here.ipynb", branch: str = "main") -> str:
    """An nbgitpuller link: clones (or updates) the collection on a JupyterHub and opens a lesson.

    Format: HUB/hub/user-redirect/git-pull?repo=...&urlpath=lab/tree/<repo>/notebooks/<nb>&branch=...
    """
    if not hub_url.startswith(("https://", "http://")):
        raise ValueError(f"the hub address must start with https:// (got {hub_url!r})")
    query = urlencode({
        "repo": REPO_URL,
        "urlpath": f"lab/tree/{REPO_NAME}/notebooks/{notebook}",
        "branch": branch,
    })
    return f"{hub_url.rstrip('/')}/hub/user-redirect/git-pull?{query}"

"""Run a notebook headlessly, for the tests, the benchmark and the static edition.

nbclient imitates the browser's Output widget by sending the widget's state back
to the kernel on the shell channel; with a large output inside an Output widget
(a map, say) that exchange can stall for minutes (nbclient issue #312). Without
the imitation, what an Output widget shows lands in the cell's own outputs,
which is also what a static page needs. So we switch it off.

The kernel's own log is kept to errors: recent ipykernel warns on every start
that it talks to its client over local TCP, which here is always loopback, and
a benchmark or a build printing that line dozens of times hides what matters.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient


def run(nb: nbformat.NotebookNode, cwd: Path | str, timeout: int = 120) -> nbformat.NotebookNode:
    """Execute every cell of `nb` in a fresh kernel started in `cwd`; return the notebook."""
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}},
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])
    client.widget_registry = {}
    client.execute()
    return nb


def run_file(path: Path | str, timeout: int = 120) -> nbformat.NotebookNode:
    """Read a notebook file and execute it next to where it lives."""
    path = Path(path)
    return run(nbformat.read(path, as_version=4), path.parent, timeout)

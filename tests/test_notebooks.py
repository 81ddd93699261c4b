"""Every lesson runs top to bottom in a fresh kernel, again in the same kernel, offline, and clean.

Each notebook is executed with its cells twice over in one fresh kernel: the first
pass is "Restart & Run All", the second is "Run All" again. A guard cell first
makes every socket connection to anything but loopback fail and records it, so
a lesson that reaches for the network fails here. Lessons run in reverse order
and share one work folder, so no lesson depends on another having run first.
"""

from __future__ import annotations

import copy
import json

import nbformat
import pytest

from standoff.execute import run

from conftest import NOTEBOOKS, ROOT

pytestmark = pytest.mark.notebooks

NETWORK_GUARD = '''
import socket as _socket
_standoff_attempts = []
_real_connect = _socket.socket.connect
def _guarded_connect(self, address, *args):
    host = address[0] if isinstance(address, tuple) else str(address)
    if isinstance(address, tuple) and host not in ("127.0.0.1", "::1", "localhost"):
        _standoff_attempts.append(str(address))
        raise OSError("network access is not allowed in a lesson: " + str(address))
    return _real_connect(self, address, *args)
_socket.socket.connect = _guarded_connect
'''
REPORT = "print('NETWORK-ATTEMPTS:', _standoff_attempts)"


def test_there_are_lessons():
    assert NOTEBOOKS, "no lesson notebooks found under notebooks/"
    assert NOTEBOOKS[0].name == "00_start_here.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS + sorted((ROOT / "notebooks").rglob("teacher/*.ipynb")),
                         ids=lambda p: p.name)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [i for i, c in enumerate(nb["cells"])
             if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; clear them before committing"
    assert "widgets" not in nb.get("metadata", {}), f"{path.name} carries saved widget state"


def _problems(cells) -> list[str]:
    found = []
    for index, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output.get('ename')}: {output.get('evalue')}")
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.append(f"cell {index} wrote to stderr: {output.get('text', '')[:200]}")
    return found


def _shape(cell) -> list[str]:
    """What a cell showed, by kind, ignoring ids that change between runs."""
    return [o.get("output_type", "") + ":" + ",".join(sorted(o.get("data", {}))) for o in cell.outputs]


@pytest.fixture(scope="module")
def shared_work_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("my_work")


@pytest.mark.parametrize("path", list(reversed(NOTEBOOKS)), ids=lambda p: p.name)
def test_runs_twice_in_one_kernel_offline(path, shared_work_dir, monkeypatch):
    monkeypatch.setenv("STANDOFF_WORK_DIR", str(shared_work_dir))
    nb = nbformat.read(path, as_version=4)
    lesson = [c for c in nb.cells if c.cell_type == "code"]
    assert lesson, f"{path.name} has no code cells"
    second = [copy.deepcopy(c) for c in lesson]
    guard, report = nbformat.v4.new_code_cell(NETWORK_GUARD), nbformat.v4.new_code_cell(REPORT)
    nb.cells = [guard, *nb.cells, *second, report]
    run(nb, path.parent)

    assert not _problems(nb.cells), _problems(nb.cells)
    attempts = "".join(o.get("text", "") for o in report.outputs)
    assert "NETWORK-ATTEMPTS: []" in attempts, attempts
    assert any(c.outputs for c in lesson), f"{path.name} produced no output at all"
    for first_run, second_run in zip(lesson, second, strict=True):
        assert _shape(first_run) == _shape(second_run), (
            f"{path.name}: a cell showed different output when run again:\n{first_run.source[:200]}")

"""`make bench`: how fast the collection is, measured on this machine (not a test).

Writes benchmarks/results.json and prints a table. See benchmarks/README.md for
how to read the figures.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from synthetic import multiply  # noqa: E402

from standoff import data  # noqa: E402
from standoff.execute import run  # noqa: E402

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
INTERACTIONS = int(os.environ.get("BENCH_INTERACTIONS", "200"))


def median_seconds(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- notebooks against their floor -------------------------------------------------------

def import_cell_only(path: Path) -> nbformat.NotebookNode:
    """The floor: the lesson's own import cell and nothing else."""
    nb = nbformat.read(path, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells = [first_code]
    return nb


def notebooks() -> dict:
    per_lesson, total, floor = {}, 0.0, 0.0
    for path in LESSONS:
        lesson = median_seconds(lambda p=path: run(nbformat.read(p, as_version=4), p.parent))
        bare = median_seconds(lambda p=path: run(import_cell_only(p), p.parent))
        per_lesson[path.stem] = {"lesson_s": round(lesson, 2), "floor_s": round(bare, 2)}
        total, floor = total + lesson, floor + bare
    return {"notebooks_total_s": round(total, 2), "notebooks_floor_s": round(floor, 2),
            "notebooks_ratio": round(total / floor, 2), "per_lesson": per_lesson}


# -- interactions ------------------------------------------------------------------------

def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 2), "p95_ms": round(p95 * 1000, 2)}


def interactions() -> dict[str, callable]:
    """Each interactive, driven once per call, as a student drives it."""
    from standoff import claims, framing, journal, quiz
    from standoff.explorer import TimelineExplorer

    tables = data.load()
    explorer, reader = TimelineExplorer(), TimelineExplorer()
    eras = ["", *tables.eras["id"]]
    events = list(tables.events["id"])
    comparison = framing.compare()
    topics = list(comparison.topic.options)
    games = [framing.guess(seed=7)]
    lesson_quiz = quiz.ask(tables.quiz["notebook"].iloc[0])
    checker = claims.checker()
    note = journal.prompt(tables.reflections["id"].iloc[0])
    state = {"i": 0}

    def step():
        state["i"] += 1
        return state["i"]

    def guess_answer():
        if games[-1].current is None:  # a finished game: start a new round, as a class would
            games.append(framing.guess(seed=step()))
        games[-1].answer("western")
        games[-1].next_quote()

    def quiz_answer():
        i = step() % len(lesson_quiz.items)
        lesson_quiz.choose(i, 0)
        lesson_quiz.check(i)
        lesson_quiz.try_again(i)

    def claim_reveal():
        checker.go(step() % len(checker.claims))
        checker.classify("fact")
        checker.reveal()

    return {
        "timeline_filter": lambda: setattr(explorer.era, "value", eras[step() % len(eras)]),
        "event_selection": lambda: reader.select(events[step() % len(events)]),
        "topic_switch": lambda: setattr(comparison.topic, "value", topics[step() % len(topics)][1]),
        "guess_answer": guess_answer,
        "quiz_answer": quiz_answer,
        "journal_save": lambda: (note.write(f"draft {step()}"), note.save_now()),
        "claim_reveal": claim_reveal,
    }


def time_interactions() -> dict:
    """p50/p95 per interaction. Outside a kernel an Output widget prints what it shows: hide that."""
    results = {}
    with contextlib.redirect_stdout(io.StringIO()):
        actions = interactions()
    for name, action in actions.items():
        with contextlib.redirect_stdout(io.StringIO()):
            action()  # warm up
        samples = []
        with contextlib.redirect_stdout(io.StringIO()):
            for _ in range(INTERACTIONS):
                start = time.perf_counter()
                action()
                samples.append(time.perf_counter() - start)
        results[name] = percentiles(samples)
    return results


def callbacks() -> dict:
    out = {"1x": time_interactions()}
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["STANDOFF_WORK_DIR"] = str(Path(scratch) / "my_work")
        for factor in (10, 100):
            copy = multiply(data.DEFAULT_DATA_DIR, Path(scratch) / f"data{factor}", factor)
            os.environ["STANDOFF_DATA_DIR"] = str(copy)
            data._load.cache_clear()
            out[f"{factor}x"] = time_interactions()
        os.environ.pop("STANDOFF_DATA_DIR")
        data._load.cache_clear()
    return out


# -- in the browser ----------------------------------------------------------------------

def page_ready() -> dict:
    from playwright.sync_api import sync_playwright

    from browser import jupyterlab, launch, run_all

    results = {}
    with tempfile.TemporaryDirectory() as scratch, jupyterlab(Path(scratch)) as (base, token, _), \
            sync_playwright() as playwright:
        chromium = launch(playwright)
        for path in LESSONS:
            times = []
            for _ in range(RUNS):
                page = chromium.new_page(viewport={"width": 1400, "height": 6000})
                started = time.monotonic()
                run_all(page, base, token, path.name)
                page.wait_for_selector(".js-plotly-plot svg.main-svg", state="attached", timeout=60_000)
                times.append(time.monotonic() - started)
                page.close()
            results[path.stem] = round(statistics.median(times), 2)
        chromium.close()
    return results


# -- footprint ---------------------------------------------------------------------------

def runtime_size_mb() -> float:
    names = [line.split("==")[0] for line in (ROOT / "requirements.txt").read_text().splitlines()
             if "==" in line and not line.startswith("#")]
    total = 0
    for name in names:
        for file in metadata.distribution(name).files or []:
            located = Path(file.locate())
            if located.is_file():
                total += located.stat().st_size
    return round(total / 1e6, 1)


def import_time_s() -> float:
    def once():
        subprocess.run([sys.executable, "-c", "import standoff"], check=True)
    return round(median_seconds(once, 5), 3)


def footprint() -> dict:
    data_bytes = sum(p.stat().st_size for p in (ROOT / "data").rglob("*") if p.is_file())
    return {
        "runtime_env_mb": runtime_size_mb(),
        "import_standoff_s": import_time_s(),
        "data_kb": round(data_bytes / 1024, 1),
        "notebook_kb": {p.name: round(p.stat().st_size / 1024, 1) for p in LESSONS},
    }


def main() -> None:
    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "platform": platform.platform()},
        "runs": RUNS, "interactions": INTERACTIONS,
        "footprint": footprint(),
        "callbacks": callbacks(),
    }
    results.update(notebooks())
    if Path("/usr/bin/chromium").exists():
        results["page_ready_s"] = page_ready()
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)


def print_table(results: dict) -> None:
    print(f"notebooks: {results['notebooks_total_s']} s vs floor {results['notebooks_floor_s']} s "
          f"-> ratio {results['notebooks_ratio']} (target <= 1.5)")
    print(f"{'interaction':18} {'1x p50/p95 ms':>16} {'10x p95':>9} {'100x p95':>9}")
    for name, shipped in results["callbacks"]["1x"].items():
        ten = results["callbacks"]["10x"][name]["p95_ms"]
        hundred = results["callbacks"]["100x"][name]["p95_ms"]
        print(f"{name:18} {shipped['p50_ms']:>7} / {shipped['p95_ms']:<7} {ten:>9} {hundred:>9}")
    for lesson, seconds in results.get("page_ready_s", {}).items():
        print(f"page ready {lesson:28} {seconds} s")
    fp = results["footprint"]
    print(f"runtime env {fp['runtime_env_mb']} MB · import standoff {fp['import_standoff_s']} s · "
          f"data {fp['data_kb']} KB")


if __name__ == "__main__":
    main()

"""'Your turn' tasks: a small pandas question per lesson, with a checked answer.

The right answer is computed from `data/` when the student checks, never typed
in here, so the task stays right when a teacher adds a row. `task(id)` shows the
question and a starting hint; `check(id, answer)` says whether the answer is
right, and if not, what to look at again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from IPython.display import HTML

from . import style
from .data import load
from .text import esc


@dataclass(frozen=True)
class Task:
    """A question on the data, how to start, and how to compute its answer."""

    question: str
    start: str
    solve: Callable[[], object]
    solution: str


def _members_on(date: str) -> int:
    return int((load().memberships["joined"] <= pd.Timestamp(date)).sum())


TASKS: dict[str, Task] = {
    "00": Task(
        "How many events in the timeline took place in 2022?",
        "events = load().events\nevents[events['date'].dt.year == ...]",
        lambda: int((load().events["date"].dt.year == 2022).sum()),
        "len(events[events['date'].dt.year == 2022])",
    ),
    "01": Task(
        "How many states joined NATO from 1990 to 2007 (both years included)?",
        "members = load().memberships\nmembers[members['joined'].dt.year.between(..., ...)]",
        lambda: int(load().memberships["joined"].dt.year.between(1990, 2007).sum()),
        "len(members[members['joined'].dt.year.between(1990, 2007)])",
    ),
    "02": Task(
        "How many events of the era '2008–13' (era id 'era_2008') are summits (category 'summit')?",
        "events = load().events\nevents[(events['era'] == 'era_2008') & (events['category'] == ...)]",
        lambda: len(load().events.query("era == 'era_2008' and category == 'summit'")),
        "len(events[(events['era'] == 'era_2008') & (events['category'] == 'summit')])",
    ),
    "03": Task(
        "List the ids of the events of category 'war' in the era 'era_2014'.",
        "events = load().events\nevents[(events['era'] == 'era_2014') & (events['category'] == ...)]['id']",
        lambda: sorted(load().events.query("era == 'era_2014' and category == 'war'")["id"]),
        "list(events[(events['era'] == 'era_2014') & (events['category'] == 'war')]['id'])",
    ),
    "04": Task(
        "How many quotations does the topic 'december_2021_proposals' have from each perspective? "
        "Answer with a dictionary such as {'western': 1, 'russian': 2}.",
        "framings = load().framings\nframings[framings['topic_id'] == 'december_2021_proposals']"
        "['perspective'].value_counts()",
        lambda: load().framings.query("topic_id == 'december_2021_proposals'")["perspective"]
        .value_counts().to_dict(),
        "framings[framings['topic_id'] == 'december_2021_proposals']['perspective']"
        ".value_counts().to_dict()",
    ),
    "05": Task(
        "How many NATO member states were there at the end of 2021, and at the end of 2024? "
        "Answer with two numbers, e.g. (28, 29).",
        "members = load().memberships\n(members['joined'] <= '2021-12-31').sum()",
        lambda: (_members_on("2021-12-31"), _members_on("2024-12-31")),
        "((members['joined'] <= '2021-12-31').sum(), (members['joined'] <= '2024-12-31').sum())",
    ),
    "06": Task(
        "Which perspective has the most quotations in the whole framings table? "
        "Answer with its id, e.g. 'analysts'.",
        "framings = load().framings\nframings['perspective'].value_counts()",
        lambda: load().framings["perspective"].value_counts().idxmax(),
        "framings['perspective'].value_counts().idxmax()",
    ),
}


def _normal(value: object) -> object:
    """Compare like a person would: any list order, numbers whatever their type."""
    if isinstance(value, pd.Series):  # counts keyed by label become a dict; a column of ids a list
        value = value.to_dict() if pd.api.types.is_numeric_dtype(value) else list(value)
    if isinstance(value, dict):
        return {str(k): int(v) for k, v in value.items()}
    if isinstance(value, list | set | pd.Index):
        return sorted(str(v) for v in value)
    if isinstance(value, tuple):
        return tuple(int(v) for v in value)
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return value.strip().strip("'\"") if isinstance(value, str) else value


def is_right(task_id: str, answer: object) -> bool:
    """Whether an answer matches what the data says (a whole table is never the answer)."""
    if isinstance(answer, pd.DataFrame):
        return False
    try:
        same = _normal(answer) == _normal(TASKS[task_id].solve())
        return same if isinstance(same, bool) else False
    except (TypeError, ValueError):
        return False


def task(task_id: str) -> HTML:
    """Show a lesson's task and a line of pandas to start from."""
    t = TASKS[task_id]
    return HTML(f"<div class='standoff-task'><p><strong>Your turn.</strong> {esc(t.question)}</p>"
                f"<p>Start from:</p><pre>from standoff import load\n{esc(t.start)}</pre>"
                f"<p>Then check with <code>your_turn.check('{esc(task_id)}', answer)</code>.</p></div>")


def check(task_id: str, answer: object) -> HTML:
    """Say whether the answer is right; if it is, show one way to compute it."""
    if task_id not in TASKS:
        raise KeyError(f"no 'Your turn' task {task_id!r}; tasks: {', '.join(TASKS)}")
    if answer is ...:
        return HTML("<p>Replace <code>...</code> with your answer, then run the cell again.</p>")
    if is_right(task_id, answer):
        look = style.FEEDBACK["right"]
        return HTML(f"<p><span aria-hidden='true'>{look.icon}</span> <strong>{look.label}.</strong> "
                    f"One way to compute it: <code>{esc(TASKS[task_id].solution)}</code></p>")
    look = style.FEEDBACK["wrong"]
    shown = f"a table of {len(answer)} rows" if isinstance(answer, pd.DataFrame) else repr(answer)
    return HTML(f"<p><span aria-hidden='true'>{look.icon}</span> <strong>{look.label}.</strong> "
                f"You answered <code>{esc(shown)}</code>. Look again at the filter: which rows "
                f"does it keep? Print them, then count them (for example with <code>len(...)</code>) "
                "or pick the column the question asks for.</p>")

"""Check your understanding: one lesson's multiple-choice questions, with feedback that explains.

`ask("01_after_the_cold_war")` shows the lesson's questions from quiz.csv, all at
once or one at a time. After "Check answer" the student reads, in words and with
an icon (never colour alone), whether the answer was right, then the explanation
and its sources; "Try again" lets them choose again. Every answer goes into the
journal, so re-running the notebook shows the earlier answers and the score can be
exported. The score counts first tries, and says how many are right after trying again.

Everything is usable from the keyboard: Tab to the choices, arrow keys to pick,
Tab to "Check answer" and Enter.

`answer_key("01_after_the_cold_war")` is the teacher's view of the same questions:
one row per question with the right answer, the explanation and the sources.
"""

from __future__ import annotations

import string

import ipywidgets as w
import pandas as pd
from IPython.display import HTML, display

from . import parts, style
from .cards import CELL, sources_list_html
from .journal import Journal
from .text import esc

LETTERS = string.ascii_uppercase

CHOICES_CSS = (
    "<style>.standoff-choices .widget-radio-box label, .standoff-choices .jupyter-widget-radio-box label"
    " { height: auto; line-height: 1.4; display: flex; align-items: baseline; margin: 0 0 0.35em 0; }"
    " .standoff-choices .widget-radio-box input, .standoff-choices .jupyter-widget-radio-box input"
    " { height: auto; line-height: normal; flex: none; order: -1; margin: 0 0.5em 0 1px; }</style>"
)
"""A long choice wraps onto a second line: JupyterLab gives each radio label one line's height,
so without this the wrapped line runs over the next choice. The button is floated left in the
widget's own CSS; in a flex row `order` puts it first instead."""


def check_answers(questions: pd.DataFrame) -> None:
    """Raise ValueError naming quiz.csv, the question and the answer if an answer is not a choice."""
    for q in questions.itertuples():
        if q.answer not in q.choices:
            listed = ", ".join(repr(c) for c in q.choices)
            raise ValueError(f"quiz.csv, question {q.id!r}: the answer {q.answer!r} is not one of its "
                             f"choices ({listed}); make the answer match one choice exactly")


class _Question:
    """The widgets for one question."""

    def __init__(self, number: int, total: int, row: pd.Series):
        self.row = row
        self.choices: list[str] = list(row["choices"])
        self.heading = parts.html(f"<div class='standoff-question'><p><strong>Question {number} of {total}"
                                  f"</strong></p><p>{esc(row['question'])}</p></div>")
        self.radio = w.RadioButtons(
            options=[(f"{LETTERS[i]}. {c}", i) for i, c in enumerate(self.choices)], value=None,
            description="Answer", layout=parts.layout(width="auto"), style=parts.style(w.RadioButtons),
        ).add_class("standoff-choices")
        self.check_button = parts.button("Check answer", icon="check", button_style="primary",
                                         tooltip="See whether your answer is right")
        self.try_button = parts.button("Try again", icon="undo", disabled=True,
                                       tooltip="Clear your answer and choose again")
        self.feedback = parts.html()
        self.box = parts.vbox([self.heading, self.radio, parts.hbox([self.check_button, self.try_button]),
                               self.feedback], margin="0 0 1em 0")


class Quiz:
    """One lesson's questions, each with "Check answer" and "Try again", and a running score."""

    def __init__(self, notebook_id: str, *, one_at_a_time: bool = False,
                 questions: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                 journal: Journal | None = None):
        if questions is None or sources is None:
            from .data import load

            tables = load()
            questions = tables.quiz if questions is None else questions
            sources = tables.sources if sources is None else sources
        self.notebook_id = notebook_id.removesuffix(".ipynb")
        mine = questions[questions["notebook"] == self.notebook_id].reset_index(drop=True)
        if mine.empty:
            lessons = ", ".join(sorted(set(questions["notebook"]))) or "none yet"
            raise ValueError(f"quiz.csv has no questions for lesson {self.notebook_id!r} "
                             f"(lessons with questions: {lessons})")
        check_answers(mine)
        self.questions = mine
        self.sources = sources.set_index("id") if "id" in sources.columns else sources
        self.journal = journal or Journal()
        self.results: dict[str, dict] = {}
        """question id -> the journal's record of the latest answer (this session or before)."""
        self.items = [_Question(i + 1, len(mine), row) for i, row in mine.iterrows()]
        for index, item in enumerate(self.items):
            item.check_button.on_click(lambda _b, i=index: self.check(i))
            item.try_button.on_click(lambda _b, i=index: self.try_again(i))
        self.one_at_a_time = one_at_a_time
        self.current = 0
        self.position = parts.html()
        self.prev_button = parts.button("Previous question", icon="arrow-left")
        self.next_button = parts.button("Next question", icon="arrow-right")
        self.prev_button.on_click(lambda _b: self.previous())
        self.next_button.on_click(lambda _b: self.next())
        self.score_html = parts.html()
        self.notice = parts.html()
        self.shown = parts.vbox()
        nav = [parts.hbox([self.prev_button, self.next_button, self.position])] if one_at_a_time else []
        self.widget = parts.vbox([parts.html(CHOICES_CSS), self.notice, self.shown, *nav, self.score_html])
        self._restore()
        self.show(0)

    def _ipython_display_(self) -> None:
        display(self.widget)

    def _restore(self) -> None:
        """Show the answers already in the journal, so re-running the notebook keeps them."""
        try:
            saved = self.journal.read()["quiz"]
        except OSError as err:
            saved = {}
            self._warn(f"Your journal could not be opened ({err}); answers will not be saved.")
        if self.journal.notice:
            self._warn(self.journal.notice)
        for index, item in enumerate(self.items):
            entry = saved.get(item.row["id"])
            if isinstance(entry, dict) and entry.get("chosen") in item.choices:
                self.results[item.row["id"]] = entry
                item.radio.value = item.choices.index(entry["chosen"])
                self._show_result(index, entry)
        self._update_score()

    def _warn(self, words: str) -> None:
        self.notice.value = (f"<p role='alert'><strong>{style.FEEDBACK['warning'].icon} Please note:"
                             f"</strong> {esc(words)}</p>")

    # -- what a student does ---------------------------------------------------------------

    def choose(self, index: int, choice: int | str) -> None:
        """Pick an answer for question `index`: by position, by its text, or by its letter ('B')."""
        item = self.items[index]
        if isinstance(choice, int):
            position = choice
        elif choice in item.choices:
            position = item.choices.index(choice)
        elif len(choice) == 1 and choice.upper() in LETTERS[: len(item.choices)]:
            position = LETTERS.index(choice.upper())
        else:
            raise ValueError(f"{choice!r} is not a choice for question {index + 1}: {item.choices}")
        if not 0 <= position < len(item.choices):
            raise ValueError(f"question {index + 1} has {len(item.choices)} choices, not {position + 1}")
        item.radio.value = position

    def check(self, index: int) -> bool | None:
        """Check the chosen answer: show right or not, the explanation and sources; record it."""
        item = self.items[index]
        if item.radio.value is None:
            info = style.FEEDBACK["info"]
            item.feedback.value = f"<p role='status'>{info.icon} Choose an answer first.</p>"
            return None
        chosen = item.choices[item.radio.value]
        correct = chosen == item.row["answer"]
        qid = item.row["id"]
        try:
            entry = self.journal.record_quiz(qid, notebook=self.notebook_id, question=item.row["question"],
                                             chosen=chosen, correct=correct)
        except OSError as err:
            before = self.results.get(qid, {})
            entry = {"chosen": chosen, "correct": correct,
                     "first_try_correct": before.get("first_try_correct", correct)}
            self._warn(f"Your answer could not be saved to your journal ({err}).")
        self.results[qid] = entry
        self._show_result(index, entry)
        self._update_score()
        return correct

    def try_again(self, index: int) -> None:
        """Clear the answer and the feedback so the student can choose again."""
        item = self.items[index]
        item.radio.value = None
        item.radio.disabled = False
        item.check_button.disabled = False
        item.try_button.disabled = True
        item.feedback.value = ""

    def show(self, index: int) -> None:
        """One at a time: show question `index`. All at once: show them all."""
        self.current = max(0, min(index, len(self.items) - 1))
        if self.one_at_a_time:
            self.shown.children = [self.items[self.current].box]
            self.position.value = f"<p>Question {self.current + 1} of {len(self.items)}</p>"
            self.prev_button.disabled = self.current == 0
            self.next_button.disabled = self.current == len(self.items) - 1
        else:
            self.shown.children = [item.box for item in self.items]

    def next(self) -> None:
        self.show(self.current + 1)

    def previous(self) -> None:
        self.show(self.current - 1)

    # -- what the student sees -------------------------------------------------------------

    def _show_result(self, index: int, entry: dict) -> None:
        item = self.items[index]
        correct = bool(entry.get("correct"))
        look = style.FEEDBACK["right" if correct else "wrong"]
        more = "" if correct else (f" You chose “{esc(entry.get('chosen'))}”. "
                                   "Read why below, then press Try again.")
        item.feedback.value = (
            f"{style.WIDGET_CSS}<div class='standoff-feedback standoff-html' "
            f"style='border-left: 4px solid {look.colour}; padding-left: 0.6em'>"
            f"<p role='status'><strong>{look.icon} {look.label}.</strong>{more}</p>"
            f"<p>{esc(item.row['explanation'])}</p>"
            f"<p><em>Sources:</em></p>{sources_list_html(item.row['source_ids'], self.sources)}</div>"
        )
        item.radio.disabled = True
        item.check_button.disabled = True
        item.try_button.disabled = False

    def score(self) -> dict[str, int]:
        """total questions, answered, correct on the first try, correct now."""
        answered = [self.results[i.row["id"]] for i in self.items if i.row["id"] in self.results]
        return {
            "total": len(self.items),
            "answered": len(answered),
            "first_try": sum(bool(e.get("first_try_correct", e.get("correct"))) for e in answered),
            "correct": sum(bool(e.get("correct")) for e in answered),
        }

    def _update_score(self) -> None:
        s = self.score()
        if not s["answered"]:
            words = f"Score: no answers yet ({s['total']} question{'s' * (s['total'] != 1)})."
        else:
            words = (f"Score: {s['first_try']} correct of {s['answered']} answered on the first try "
                     f"({s['total']} question{'s' * (s['total'] != 1)} in all).")
            if s["correct"] != s["first_try"]:
                words += f" After trying again: {s['correct']} correct."
            if s["answered"] == s["total"]:
                words += " You have answered every question."
        self.score_html.value = f"<p role='status'><strong>{esc(words)}</strong></p>"


def ask(notebook_id: str, *, one_at_a_time: bool = False, journal: Journal | None = None) -> Quiz:
    """The lesson's quiz (questions from quiz.csv whose `notebook` is `notebook_id`)."""
    return Quiz(notebook_id, one_at_a_time=one_at_a_time, journal=journal)


def answer_key_html(notebook_id: str, questions: pd.DataFrame | None = None,
                    sources: pd.DataFrame | None = None) -> str:
    """One row per question: the question, the right answer, the explanation and its sources as links."""
    if questions is None or sources is None:
        from .data import load

        tables = load()
        questions = tables.quiz if questions is None else questions
        sources = tables.sources if sources is None else sources
    lesson = notebook_id.removesuffix(".ipynb")
    mine = questions[questions["notebook"] == lesson]
    if mine.empty:
        lessons = ", ".join(sorted(set(questions["notebook"]))) or "none yet"
        raise ValueError(f"quiz.csv has no questions for lesson {lesson!r} "
                         f"(lessons with questions: {lessons})")
    check_answers(mine)
    indexed = sources.set_index("id") if "id" in sources.columns else sources
    head = "".join(f"<th scope='col' {CELL}>{h}</th>"
                   for h in ("#", "Question", "Right answer", "Why", "Sources"))
    rows = []
    for number, q in enumerate(mine.itertuples(), start=1):
        letter = LETTERS[list(q.choices).index(q.answer)]
        rows.append(
            f"<tr><td {CELL}>{number}<br><small>{esc(q.id)}</small></td><td {CELL}>{esc(q.question)}</td>"
            f"<td {CELL}><strong>{letter}.</strong> {esc(q.answer)}</td><td {CELL}>{esc(q.explanation)}</td>"
            f"<td {CELL}>{sources_list_html(q.source_ids, indexed)}</td></tr>"
        )
    count = f"{len(rows)} question{'s' * (len(rows) != 1)}"
    return (f"<div class='standoff-answer-key'><h3>Answer key: {esc(lesson)} ({count})</h3>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def answer_key(notebook_id: str) -> HTML:
    """The teacher's answer key for a lesson's quiz, as a table (for the answer-keys notebook)."""
    return HTML(answer_key_html(notebook_id))

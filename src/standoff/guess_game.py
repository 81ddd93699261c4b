"""The blind-source game: read a quote, guess whose it is, then see who said it and why it shows.

Speaker, role, date and source are not put on the page until the student has
answered (not merely hidden), so only the words can give the answer away.
Quotes are drawn round-robin over the perspectives, so every side comes up
early, with the order shuffled inside each round so that it is not a pattern
to learn. The draw depends only on the seed and the data: a class that agrees
on "seed 7" sees the same quotes in the same order.
"""

from __future__ import annotations

import random

import ipywidgets as w
import pandas as pd

from . import cards, parts, style
from .data import Tables, load
from .render import WidgetView
from .terms import TermIndex, hit_html
from .text import esc


def draw_order(framings: pd.DataFrame, seed: int | None = None) -> list[str]:
    """Quote ids in playing order: one from each perspective per round, random within each."""
    rng = random.Random(seed)
    piles: dict[str, list[str]] = {}
    for perspective in sorted(set(framings["perspective"]), key=cards.perspective_rank):
        ids = sorted(framings.loc[framings["perspective"] == perspective, "id"])
        rng.shuffle(ids)
        piles[perspective] = ids
    order: list[str] = []
    while any(piles.values()):
        this_round = [p for p, ids in piles.items() if ids]
        rng.shuffle(this_round)
        order += [piles[p].pop() for p in this_round]
    return order


def _choose_topics(framings: pd.DataFrame, known: set[str], topics: list[str] | str | None) -> pd.DataFrame:
    if topics is None:
        return framings
    chosen = [topics] if isinstance(topics, str) else list(topics)
    unknown = sorted(set(chosen) - known)
    if unknown:
        raise ValueError(f"unknown topic id(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return framings[framings["topic_id"].isin(chosen)]


def _words_html(hits) -> str:
    if not hits:
        return ("<p><em>No word from the lexicon appears in this quote.</em> "
                "What else in it points to the speaker?</p>")
    items = "".join(f"<li>{hit_html(h)}</li>" for h in hits)
    return f"<p><em>Words that can give it away:</em></p><ul>{items}</ul>"


class BlindSourceGame(WidgetView):
    """One quote at a time, source hidden; the student names the perspective, then sees the answer."""

    def __init__(self, seed: int | None = None, topics: list[str] | str | None = None,
                 tables: Tables | None = None):
        tables = load() if tables is None else tables
        framings = _choose_topics(tables.framings, set(tables.topics["id"]), topics)
        self.seed = seed
        self.quotes = framings.set_index("id")
        self.topic_titles = tables.indexed("topics")["title"]
        self.sources = tables.indexed("sources")
        self.terms = TermIndex(tables.lexicon)
        self.order = draw_order(framings, seed)
        self.position = 0
        self.right = 0
        self.answered = 0
        self.chosen: str | None = None
        present = sorted(set(framings["perspective"]), key=cards.perspective_rank)
        self.buttons = {key: self._button(key) for key in present}
        self.progress = parts.html()
        self.quote = parts.html(rich=True)
        self.choices = parts.hbox(self.buttons.values(), flex_flow="row wrap")
        self.reveal = parts.html(rich=True)
        self.score = parts.html()
        self.next_button = parts.button("Next quote ▶", tooltip="Show the next quote")
        self.next_button.on_click(lambda _button: self.next_quote())
        self.widget = parts.vbox([self.progress, self.quote, self.choices, self.reveal,
                                  parts.hbox([self.score, self.next_button], align_items="center")])
        self._show_quote()
        self._show_score()

    def static_html(self) -> str:
        return ("<p><em>The blind-source game needs a live notebook (on Binder or your own computer). "
                "Every quotation it draws on is shown, with its source, in the comparisons.</em></p>")

    def _button(self, key: str) -> w.Button:
        look = style.perspective(key)
        button = parts.button(f"{look.icon} {look.label}", tooltip=f"My guess: {look.label}")
        button.on_click(lambda _button: self.answer(key))
        return button

    @property
    def current(self) -> pd.Series | None:
        """The quote on show (None once every quote has been played)."""
        if self.position >= len(self.order):
            return None
        return self.quotes.loc[self.order[self.position]]

    def _show_quote(self) -> None:
        row = self.current
        self.chosen = None
        self.reveal.value = ""
        for button in self.buttons.values():
            button.disabled = row is None
            button.button_style = ""
        if row is None:
            self._show_end()
            return
        self.progress.value = (f"<p>Quote {self.position + 1} of {len(self.order)} · "
                               f"Topic: {esc(self.topic_titles.get(row['topic_id'], row['topic_id']))}</p>")
        translated = ("<p><small><em>This is a translation; whose translation it is "
                      "is shown after you answer.</em></small></p>" if row["translated"] == "yes" else "")
        self.quote.value = (f"{cards.quote_html(row)}{translated}"
                            "<p><strong>Who said this?</strong> Choose a perspective:</p>")

    def _show_end(self) -> None:
        self.progress.value = f"<p>You have seen all {len(self.order)} quotes.</p>" if self.order else ""
        self.quote.value = ("<p>That was the last quote.</p>" if self.order
                            else "<p>There are no quotes to play with yet.</p>")
        self.next_button.disabled = True

    def _show_score(self) -> None:
        self.score.value = f"<p><strong>Score:</strong> {self.right} of {self.answered}</p>"

    def answer(self, perspective: str) -> bool | None:
        """Take the student's guess and reveal the source; None if this quote is already answered."""
        row = self.current
        if row is None or self.chosen is not None:
            return None
        self.chosen = perspective
        correct = perspective == row["perspective"]
        self.answered += 1
        self.right += int(correct)
        for key, button in self.buttons.items():
            button.disabled = True
            button.button_style = "success" if key == row["perspective"] else (
                "danger" if key == perspective else "")
        self.quote.value = cards.quote_html(row, self.terms.highlight(row["quote"]))
        self.reveal.value = self._reveal_html(row, perspective, correct)
        self._show_score()
        return correct

    def _reveal_html(self, row: pd.Series, perspective: str, correct: bool) -> str:
        verdict = "<strong>Right.</strong>" if correct else (
            f"<strong>Not this time</strong> — you chose {cards.badge(perspective)}.")
        return (
            f"<div class='standoff-reveal'><p>{verdict} This quote is from: "
            f"{cards.badge(row['perspective'])}</p>{cards.speaker_html(row)}"
            f"{cards.translation_html(row)}{cards.quote_source_html(row, self.sources)}"
            f"{_words_html(self.terms.hits(row['quote']))}</div>"
        )

    def next_quote(self) -> None:
        """Move on to the next quote (a skipped quote does not count in the score)."""
        if self.position < len(self.order):
            self.position += 1
        self._show_quote()

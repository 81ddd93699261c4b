"""How each side frames the same events: cards side by side, and the same as a static table.

`compare()` puts one card per perspective next to the others, with the events
and "what the record shows" underneath, so a framing is never read apart from
what happened. A topic's cards are written out once, when it is first shown;
after that, choosing a topic or stepping through quotes only swaps prepared HTML.

The other framing activities live in their own modules and are reached from
here, so a notebook needs one import: `guess()` (blind-source game),
`lexicon()` (word choices) and `close_reading()` (the key texts).
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from . import cards, parts, style
from .close_reading import CloseReading
from .data import Tables, load
from .dates import format_partial_date
from .guess_game import BlindSourceGame
from .lexicon_view import LexiconExplorer
from .render import WidgetView
from .terms import TermIndex, word_choices_html
from .text import esc


def topic_quotes(framings: pd.DataFrame, topic_id: str) -> pd.DataFrame:
    """A topic's quotes, by perspective in the usual order, then by date."""
    quotes = framings[framings["topic_id"] == topic_id]
    keys = quotes.assign(_rank=quotes["perspective"].map(cards.perspective_rank))
    return keys.sort_values(["_rank", "date", "id"], kind="stable").drop(columns="_rank")


def card_html(row, terms: TermIndex, sources: pd.DataFrame, position: int = 1, count: int = 1) -> str:
    """One quote as a card: perspective, speaker, role, date, the quote with its terms marked, source."""
    counter = f"<p><small>Quote {position} of {count}</small></p>" if count > 1 else ""
    return (
        f"<div class='standoff-card'><p>{cards.badge(row['perspective'])}</p>"
        f"{cards.speaker_html(row)}"
        f"{cards.quote_html(row, terms.highlight(row['quote']))}"
        f"{word_choices_html(terms.hits(row['quote']))}"
        f"{cards.translation_html(row)}{cards.quote_source_html(row, sources)}"
        f"{cards.note_html(row)}{counter}</div>"
    )


class QuoteCard(w.VBox):
    """One perspective's card: its quotes one at a time, with Previous / Next buttons.

    `value` is the HTML on show, so a test or a teacher reads a card as they
    would read an HTML widget. Buttons, not a slider, so the keyboard (Tab,
    Enter) works and a screen reader announces what each one does.
    """

    def __init__(self, perspective: str):
        look = style.perspective(perspective)
        html = parts.html(rich=True)
        previous = parts.button("◀ Previous quote", tooltip=f"Previous quote: {look.label}")
        following = parts.button("Next quote ▶", tooltip=f"Next quote: {look.label}")
        super().__init__(
            [html, w.HBox([previous, following], layout=parts.own_layout(flex_flow="row wrap"))],
            layout=parts.layout(border=f"3px solid {look.colour}", min_width="280px", flex="1 1 300px",
                                margin="4px", padding="8px"),
        )
        self.add_class("standoff-card")
        self.perspective = perspective
        self.html = html
        self.previous_button, self.next_button = previous, following
        self.pages: list[str] = []
        self.index = 0
        previous.on_click(lambda _button: self.step(-1))
        following.on_click(lambda _button: self.step(1))

    @property
    def value(self) -> str:
        return self.html.value

    def load(self, pages: list[str]) -> None:
        """Show a new set of prepared quotes, from the first; hide the buttons if there is only one."""
        self.pages = pages
        self.index = 0
        self.children[1].layout.display = None if len(pages) > 1 else "none"
        self._show()

    def step(self, delta: int) -> None:
        """Move through the quotes, wrapping round at either end."""
        if self.pages:
            self.index = (self.index + delta) % len(self.pages)
            self._show()

    def _show(self) -> None:
        self.html.value = self.pages[self.index] if self.pages else ""


def _context_html(topic, events: pd.DataFrame, sources: pd.DataFrame) -> str:
    return cards.events_html(topic["event_ids"], events) + cards.record_html(topic, sources)


def _check_topic(topic_id: str, topics: pd.DataFrame) -> None:
    if topic_id not in topics.index:
        known = ", ".join(topics.index) or "none yet"
        raise ValueError(f"no topic with quotes has the id {topic_id!r}; topics with quotes: {known}")


class Comparison(WidgetView):
    """Pick a topic; read each side's words on it side by side, above what happened."""

    def __init__(self, topic_id: str | None = None, tables: Tables | None = None):
        tables = load() if tables is None else tables
        self.tables = tables
        self.sources = tables.indexed("sources")
        self.events = tables.indexed("events")
        self.terms = TermIndex(tables.lexicon)
        framings = tables.framings
        self.topics = tables.topics[tables.topics["id"].isin(set(framings["topic_id"]))].set_index("id")
        if topic_id is not None:
            _check_topic(topic_id, self.topics)
        self.framings = framings
        self.pages: dict[str, dict[str, list[str]]] = {}  # filled per topic when first shown
        self.context_pages: dict[str, str] = {}
        present = sorted(set(framings["perspective"]), key=cards.perspective_rank)
        self.quote_cards: dict[str, QuoteCard] = {}  # made when a topic first needs one
        self.present = present
        self.topic = w.Dropdown(description="Topic", options=[(t["title"], tid) for tid, t in
                                                              self.topics.iterrows()],
                                layout=parts.layout(width="95%", max_width="40em"),
                                style=parts.style(w.Dropdown))
        if topic_id is not None:
            self.topic.value = topic_id
        self.question = parts.html(rich=True)
        self.cards = w.Box(layout=parts.layout(flex_flow="row wrap", align_items="stretch", width="100%"))
        self.context = parts.html(rich=True)
        self.topic.observe(self._on_topic, names="value")
        self.widget = parts.vbox([self.topic, self.question, self.cards, self.context])
        self.show(self.topic.value)

    def static_html(self) -> str:
        return compare_table(self.topic.value, self.tables)

    def _pages(self, quotes: pd.DataFrame) -> dict[str, list[str]]:
        pages = {}
        for perspective, group in quotes.groupby("perspective", sort=False):
            rows = [row for _, row in group.iterrows()]
            pages[perspective] = [card_html(row, self.terms, self.sources, i + 1, len(rows))
                                  for i, row in enumerate(rows)]
        return pages

    def _on_topic(self, change) -> None:
        self.show(change["new"])

    def show(self, topic_id: str | None) -> None:
        """Fill the question, the cards and the events for one topic."""
        if topic_id is None:
            self.question.value = "<p>There are no quotes in the data yet.</p>"
            self.cards.children = ()
            self.context.value = ""
            return
        topic = self.topics.loc[topic_id]
        self.question.value = f"<p><strong>Central question:</strong> {esc(topic['question'])}</p>"
        if topic_id not in self.pages:  # build a topic's cards once, when a student first opens it
            self.pages[topic_id] = self._pages(topic_quotes(self.framings, topic_id))
            self.context_pages[topic_id] = _context_html(topic, self.events, self.sources)
        pages = self.pages[topic_id]
        shown = []
        for key in self.present:
            if key in pages:
                card = self.card(key)
                card.load(pages[key])
                shown.append(card)
        self.cards.children = tuple(shown)
        self.context.value = self.context_pages[topic_id]

    def card(self, perspective: str) -> QuoteCard:
        """The card for one perspective (it may not be on show for the current topic)."""
        if perspective not in self.quote_cards:
            self.quote_cards[perspective] = QuoteCard(perspective)
        return self.quote_cards[perspective]

    def next_quote(self, perspective: str) -> None:
        """Step one perspective's card to its next quote, as its 'Next quote' button does."""
        self.card(perspective).step(1)

    def previous_quote(self, perspective: str) -> None:
        """Step one perspective's card back, as its 'Previous quote' button does."""
        self.card(perspective).step(-1)


def _table_row(row, sources: pd.DataFrame) -> str:
    cells = [
        cards.badge(row["perspective"]),
        esc(row["speaker"]),
        esc(row["role"]),
        esc(format_partial_date(row["date"])),
        f"{esc(row['quote'])}{cards.translation_html(row)}",
        cards.source_html(row["source_id"], sources, row["locator"]),
    ]
    return "<tr>" + "".join(f"<td {cards.CELL}>{c}</td>" for c in cells) + "</tr>"


def compare_table(topic_id: str, tables: Tables | None = None) -> str:
    """Every quote on a topic as one static HTML table, with the events and the record: no widgets.

    For the static edition (a web page or print), where widgets do not run.
    """
    tables = load() if tables is None else tables
    topics = tables.indexed("topics")
    if topic_id not in topics.index:
        raise ValueError(f"no topic has the id {topic_id!r}; topics: {', '.join(topics.index)}")
    topic = topics.loc[topic_id]
    sources = tables.indexed("sources")
    quotes = topic_quotes(tables.framings, topic_id)
    head = "".join(f"<th scope='col' {cards.CELL}>{h}</th>"
                   for h in ("Perspective", "Speaker", "Role", "Date", "Quote", "Source"))
    body = "".join(_table_row(row, sources) for _, row in quotes.iterrows())
    return (
        f"<div class='standoff-compare'><h3>{esc(topic['title'])}</h3>"
        f"<p><strong>Central question:</strong> {esc(topic['question'])}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"{_context_html(topic, tables.indexed('events'), sources)}</div>"
    )


def compare(topic_id: str | None = None) -> Comparison:
    """The side-by-side comparison widget, opened on a topic (default: the first with quotes)."""
    return Comparison(topic_id)


def guess(seed: int | None = None, topics: list[str] | str | None = None) -> BlindSourceGame:
    """The blind-source game; the same seed gives the whole class the same quotes in the same order."""
    return BlindSourceGame(seed=seed, topics=topics)


def lexicon(concept: str | None = None) -> LexiconExplorer:
    """The lexicon explorer: each concept, the word each side uses, a sourced example of it.

    Opens on one concept (e.g. "council_name") if given, else on all of them.
    """
    return LexiconExplorer(concept=concept)


def close_reading(text_id: str) -> CloseReading:
    """A key text, clause by clause, with toggles that mark what each side cites."""
    return CloseReading(text_id)

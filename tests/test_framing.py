"""The framing activities: comparison cards, blind-source game, lexicon, close reading, static table.

Each test drives a widget the way a student does (choose a topic, press a
button, tick a toggle) and checks what is on show. The data is a small fixture
written into a private copy of data/, so the tests do not depend on the
shipped quotes, which are still being written.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from standoff import data, framing
from standoff.data import Tables
from standoff.dates import format_partial_date
from standoff.guess_game import draw_order
from standoff.terms import TermIndex

HOSTILE = "<script>alert(1)</script>"

SOURCES = [
    {"id": "fx-west", "title": "Western statement", "publisher": "Western ministry", "date": "1900-03-18",
     "url": "https://example.org/west", "kind": "official_statement", "language": "en"},
    {"id": "fx-russia", "title": "Russian statement", "publisher": "Russian ministry", "date": "1900-03",
     "url": "https://example.org/russia", "kind": "official_statement", "language": "ru"},
    {"id": "fx-between", "title": "Statement in between", "publisher": "Ministry in between", "date": "1900",
     "url": "https://example.org/between", "kind": "news", "language": "en"},
    {"id": "fx-analyst", "title": "An analysis", "publisher": "A journal", "date": "1900",
     "url": "https://example.org/analysis", "kind": "scholarship", "language": "en"},
    {"id": "fx-record", "title": "The record", "publisher": "An archive", "date": "1900",
     "url": "https://example.org/record", "kind": "primary_document", "language": "en"},
    {"id": "fx-charter", "title": "A charter", "publisher": "A conference", "date": "1900",
     "url": "https://example.org/charter", "kind": "primary_document", "language": "en"},
    {"id": "fx-hostile", "title": HOSTILE, "publisher": "<b>Publisher</b>", "date": "1900",
     "url": "https://example.org/hostile", "kind": "news", "language": "en"},
]
EVENTS = [
    {"id": "fx-vote", "date": "1900-03-16", "date_precision": "day", "title": "A vote is held",
     "summary": "A vote was held on the peninsula.", "era": "fx_era", "category": "domestic_politics",
     "source_ids": "fx-record"},
    {"id": "fx-talks", "date": "1900-06-01", "date_precision": "month", "title": "Talks begin",
     "summary": "Talks began.", "era": "fx_era", "category": "diplomacy", "source_ids": "fx-record"},
]
TOPICS = [
    {"id": "fx_peninsula", "title": "The peninsula, 1900", "question": "Who decides the peninsula's status?",
     "event_ids": "fx-talks;fx-vote", "record": "A vote was held; few states recognised it.",
     "record_source_ids": "fx-record"},
    {"id": "fx_hostile", "title": HOSTILE, "question": "<img src=x onerror=alert(1)>",
     "event_ids": "fx-vote", "record": "<b>not bold</b>", "record_source_ids": "fx-hostile"},
]


def quote(id_, perspective, speaker, date, text, source, topic="fx_peninsula", translated="no",
          language="en", note="", role="Minister"):
    return {"id": id_, "topic_id": topic, "perspective": perspective, "speaker": speaker, "role": role,
            "date": date, "quote": text, "language": language, "translated": translated,
            "source_id": source, "locator": "para 2", "note": note}


FRAMINGS = [
    quote("fx-w-1", "western", "First Western Speaker", "1900-03-18",
          "We condemn the illegal annexation of the peninsula.", "fx-west"),
    quote("fx-w-2", "western", "Second Western Speaker", "1900-04", "We will not accept this.", "fx-west"),
    quote("fx-r-1", "russian", "Russian Speaker", "1900-03",
          "The people chose reunification with their homeland.", "fx-russia", translated="yes",
          language="ru", note="The ministry's own English translation.", role="President"),
    quote("fx-b-1", "in_between", "Speaker In Between", "1900",
          "This is an Occupation of our land & our sea.", "fx-between", role="Prime minister"),
    quote("fx-a-1", "analysts", "An Analyst", "1900-05-02", "Both sides misread each other.", "fx-analyst",
          role="professor"),
    quote("fx-h-1", "western", HOSTILE, "1900", f"{HOSTILE} was an annexation", "fx-hostile",
          topic="fx_hostile", role="<i>role</i>"),
]


def term(concept, perspective, term_, original="", example="", note=""):
    source = "fx-west" if perspective == "western" else "fx-russia"
    return {"concept": concept, "perspective": perspective, "term": term_, "original_term": original,
            "example": example, "note": note, "source_id": source}


LEXICON = [
    term("peninsula_status", "western", "annexation", example="the illegal annexation",
         note="Names the act as a violation."),
    term("peninsula_status", "russian", "reunification", original="воссоединение",
         example="reunification with the homeland", note="Presents it as a return."),
    term("peninsula_status", "in_between", "occupation", note="Says the land is held by force."),
    term("capital", "western", "Kyiv"),
    term("capital", "russian", "Kiev"),
]
KEY_TEXTS = [
    {"text_id": "fx_charter", "clause": "1", "text": "Each state may choose its alliances.",
     "cited_by": "western", "source_id": "fx-charter", "locator": "para 8, sentence 1"},
    {"text_id": "fx_charter", "clause": "2", "text": "No state shall gain security at others' expense.",
     "cited_by": "russian", "source_id": "fx-charter", "locator": "para 8, sentence 2"},
    {"text_id": "fx_charter", "clause": "3", "text": "Security is indivisible.",
     "cited_by": "both", "source_id": "fx-charter", "locator": "para 8, sentence 3"},
    {"text_id": "fx_charter", "clause": "4", "text": HOSTILE,
     "cited_by": "none", "source_id": "fx-charter", "locator": "para 8, sentence 4", "note": "<b>n</b>"},
]


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return next(csv.reader(f))


def csv_text(fields: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def first_row(path: Path) -> dict:
    """A shipped row to copy, so a fixture row has every column the table has today."""
    with path.open(encoding="utf-8") as f:
        return next(csv.DictReader(f))


def replace_rows(path: Path, rows: list[dict]) -> None:
    """Keep the header of a table, and put the fixture rows in place of its content."""
    fields = header(path)
    path.write_text(",".join(fields) + "\n" + csv_text(fields, rows), encoding="utf-8")


def add_rows(path: Path, rows: list[dict]) -> None:
    """Append fixture rows, under whatever columns the table has."""
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + csv_text(header(path), rows), encoding="utf-8")


@pytest.fixture
def fixture_data(data_copy):
    """The data copy with our sources, an era of our own, two events, and only our topics and quotes."""
    add_rows(data_copy / "sources.csv", SOURCES)
    era = dict(first_row(data_copy / "eras.csv"), id="fx_era", start="1900-01-01", end="1900-12-31")
    add_rows(data_copy / "eras.csv", [era])
    actor = first_row(data_copy / "actors.csv")["code"]
    add_rows(data_copy / "events.csv", [dict(e, actors=actor) for e in EVENTS])
    replace_rows(data_copy / "topics.csv", TOPICS)
    replace_rows(data_copy / "framings.csv", FRAMINGS)
    replace_rows(data_copy / "lexicon.csv", LEXICON)
    replace_rows(data_copy / "key_texts.csv", KEY_TEXTS)
    data.load()  # raises if the fixture itself is invalid
    return data_copy


def speakers(cmp) -> list[str]:
    return [re.search(r"<strong>([^<]*)</strong><br>", card.value).group(1) for card in cmp.cards.children]


# --- side-by-side comparison ---------------------------------------------------------------

def test_compare_shows_one_card_per_perspective_in_order(fixture_data):
    cmp = framing.compare("fx_peninsula")
    assert [c.perspective for c in cmp.cards.children] == ["western", "russian", "in_between", "analysts"]
    assert speakers(cmp) == ["First Western Speaker", "Russian Speaker", "Speaker In Between", "An Analyst"]
    assert "Who decides the peninsula&#x27;s status?" in cmp.question.value
    assert cmp.cards.layout.flex_flow == "row wrap"
    assert all(c.layout.min_width == "280px" for c in cmp.cards.children)


def test_card_shows_label_icon_speaker_date_quote_and_source_link(fixture_data):
    western = framing.compare("fx_peninsula").cards.children[0]
    assert "■" in western.value and "NATO &amp; Western governments" in western.value
    assert "Minister" in western.value and "18 March 1900" in western.value
    assert "We condemn the illegal" in western.value
    assert '<a href="https://example.org/west" target="_blank"' in western.value
    assert "Western statement</a> — Western ministry (official statement), para 2" in western.value
    assert "0072B2" in western.layout.border  # the colour repeats the label; it never replaces it


def test_translated_quote_says_so_with_the_note(fixture_data):
    russian = framing.compare("fx_peninsula").card("russian")
    assert "Translated from Russian." in russian.value
    assert "The ministry&#x27;s own English translation." in russian.value
    assert "March 1900" in russian.value and "18 March" not in russian.value
    assert "Translated" not in framing.compare("fx_peninsula").card("western").value


def test_next_quote_steps_through_a_perspective_and_wraps(fixture_data):
    cmp = framing.compare("fx_peninsula")
    western = cmp.card("western")
    assert "Quote 1 of 2" in western.value
    western.next_button.click()
    assert "Second Western Speaker" in western.value and "Quote 2 of 2" in western.value
    assert "April 1900" in western.value
    cmp.next_quote("western")
    assert "First Western Speaker" in western.value
    cmp.previous_quote("western")
    assert "Second Western Speaker" in western.value
    assert western.children[1].layout.display is None
    assert cmp.card("russian").children[1].layout.display == "none"  # one quote: no buttons to tab through


def test_events_and_record_sit_under_the_cards(fixture_data):
    cmp = framing.compare("fx_peninsula")
    context = cmp.context.value
    assert context.index("16 March 1900") < context.index("June 1900")  # date order, month precision
    assert "A vote is held" in context and "Talks begin" in context
    assert "1 June 1900" not in context
    assert "What the record shows:</strong> A vote was held; few states recognised it." in context
    assert '<a href="https://example.org/record"' in context


def test_choosing_a_topic_swaps_cards_and_context(fixture_data):
    cmp = framing.compare("fx_peninsula")
    cmp.card("western").step(1)
    cmp.topic.value = "fx_hostile"
    assert [c.perspective for c in cmp.cards.children] == ["western"]
    assert "Talks begin" not in cmp.context.value
    cmp.topic.value = "fx_peninsula"
    assert "First Western Speaker" in cmp.card("western").value  # a new topic starts at its first quote


def test_compare_defaults_to_first_topic_and_refuses_unknown_ids(fixture_data):
    assert framing.compare().topic.value == "fx_peninsula"
    with pytest.raises(ValueError, match="no_such_topic"):
        framing.compare("no_such_topic")


# --- lexicon terms in quotes -----------------------------------------------------------------

def test_lexicon_terms_are_marked_with_the_other_sides_words(fixture_data):
    cmp = framing.compare("fx_peninsula")
    western, russian, between = (cmp.card(p).value for p in ("western", "russian", "in_between"))
    other_sides = r'<mark title="[^"]*Russian government: “reunification”[^"]*">annexation</mark>'
    assert re.search(other_sides, western)
    assert re.search(r'<mark title="[^"]*">reunification</mark>', russian)
    assert re.search(r'<mark title="[^"]*">Occupation</mark>', between)  # case-insensitive, as written
    assert "our land &amp; our sea" in between
    assert "Word choices in this quote" in western  # beside the quote too, for keyboard and touch
    assert "“annexation” — used by NATO &amp; Western governments" in western
    assert "<mark" not in cmp.card("analysts").value


def test_term_index_matches_whole_words_longest_first():
    lexicon = pd.DataFrame([
        term("c", "western", "security"), term("c", "russian", "indivisible security"),
    ])
    index = TermIndex(lexicon)
    marked = index.highlight("Indivisible security, not insecurity <b>")
    assert marked.count("<mark") == 1 and ">Indivisible security</mark>" in marked
    assert "&lt;b&gt;" in marked
    assert [h.words for h in index.hits("security and Security")] == ["security"]


def test_original_language_terms_are_found_too():
    index = TermIndex(pd.DataFrame([term("c", "western", "annexation"),
                                    term("c", "russian", "reunification", original="воссоединение")]))
    marked = index.highlight("Это воссоединение.")
    mark = r'<mark title="[^"]*Russian government[^"]*“annexation”[^"]*">воссоединение</mark>'
    assert re.search(mark, marked)


# --- blind-source game -------------------------------------------------------------------------

def test_draw_is_seeded_and_covers_every_perspective_first(fixture_data):
    framings = data.load().framings
    framings = framings[framings["topic_id"] == "fx_peninsula"]
    order = draw_order(framings, seed=7)
    assert order == draw_order(framings, seed=7)
    assert sorted(order) == sorted(framings["id"])
    perspectives = framings.set_index("id").loc[order, "perspective"].tolist()
    assert set(perspectives[:4]) == {"western", "russian", "in_between", "analysts"}
    assert framing.guess(seed=7, topics=["fx_peninsula"]).order == order


def test_guess_hides_the_source_until_the_answer(fixture_data):
    game = framing.guess(seed=7, topics="fx_peninsula")
    row = game.current
    shown = game.progress.value + game.quote.value + game.reveal.value
    assert game.quotes.loc[game.order[0], "quote"].split()[0] in shown
    assert row["speaker"] not in shown and "example.org" not in shown and "Minister" not in shown
    assert set(game.buttons) == {"western", "russian", "in_between", "analysts"}
    assert game.buttons["western"].description == "■ NATO & Western governments"
    game.buttons[row["perspective"]].click()
    assert "Right." in game.reveal.value
    assert row["speaker"] in game.reveal.value and row["role"] in game.reveal.value
    assert format_partial_date(row["date"]) in game.reveal.value
    assert "https://example.org/" in game.reveal.value
    assert game.score.value == "<p><strong>Score:</strong> 1 of 1</p>"
    assert all(b.disabled for b in game.buttons.values())


def test_guess_keeps_score_and_says_which_words_gave_it_away(fixture_data):
    game = framing.guess(seed=3, topics=["fx_peninsula"])
    results = []
    for turn in range(5):
        row = game.current
        wrong = next(p for p in game.buttons if p != row["perspective"])
        results.append(game.answer(row["perspective"] if turn < 3 else wrong))
        assert game.answer(row["perspective"]) is None  # a second answer to the same quote does not count
        if row.name == "fx-r-1":
            assert "“reunification” — used by Russian government" in game.reveal.value
            assert "Translated from Russian." in game.reveal.value
        if row.name == "fx-a-1":
            assert "No word from the lexicon appears in this quote" in game.reveal.value
        if turn >= 3:
            assert "Not this time" in game.reveal.value
        game.next_quote()
    assert results == [True, True, True, False, False]
    assert "3 of 5" in game.score.value
    assert game.current is None and game.next_button.disabled
    assert "all 5 quotes" in game.progress.value


def test_guess_says_a_translation_is_one_before_the_answer(fixture_data):
    game = framing.guess(seed=1, topics=["fx_peninsula"])
    while game.current.name != "fx-r-1":
        game.next_quote()
    assert "This is a translation" in game.quote.value
    assert "ministry" not in game.quote.value


def test_guess_refuses_unknown_topics(fixture_data):
    with pytest.raises(ValueError, match="nowhere"):
        framing.guess(topics=["nowhere"])


# --- lexicon explorer ----------------------------------------------------------------------------

def test_lexicon_explorer_filters_by_concept(fixture_data):
    lex = framing.lexicon()
    assert [v for _, v in lex.concept.options] == ["", "capital", "peninsula_status"]
    assert "Kyiv" in lex.entries.value and "reunification" in lex.entries.value
    lex.concept.value = "peninsula_status"
    shown = lex.entries.value
    assert "Kyiv" not in shown
    for words in ("“annexation”", "“reunification”", "(original: “воссоединение”)", "“occupation”",
                  "<q>reunification with the homeland</q>", "Presents it as a return.",
                  '<a href="https://example.org/russia"', "▲", "Russian government"):
        assert words in shown
    assert shown.index("annexation") < shown.index("reunification") < shown.index("occupation")



def test_lexicon_menu_names_each_concept_in_words_in_alphabetical_order():
    lex = framing.lexicon()  # the shipped data
    labels = [label.split(" (")[0] for label, value in lex.concept.options if value]
    assert labels == sorted(labels)
    assert "What began on 24 February 2022" in labels and "Spelling of Ukraine's capital" in labels
    assert not any("_" in label for label in labels)
    lex.concept.value = "feb_2022_war"
    assert "<h4>What began on 24 February 2022</h4>" in lex.entries.value
    assert "special military operation" in lex.entries.value

# --- close reading -------------------------------------------------------------------------------

def marked_texts(reading) -> list[str]:
    return re.findall(r"<mark[^>]*>(.*?)</mark>", reading.text.value)


def test_close_reading_toggles_mark_what_each_side_cites(fixture_data):
    reading = framing.close_reading("fx_charter")
    assert marked_texts(reading) == [] and reading.marked() == []
    assert "Security is indivisible." in reading.text.value
    reading.western.value = True
    assert reading.marked() == [1, 3]
    assert marked_texts(reading) == ["Each state may choose its alliances.", "Security is indivisible."]
    assert "2 of 4 clauses marked" in reading.status.value
    reading.russian.value = True
    assert reading.marked() == [1, 2, 3]
    reading.western.value = False
    assert reading.marked() == [2, 3]
    assert marked_texts(reading)[0] == "No state shall gain security at others&#x27; expense."
    assert "Cited in statements by:" in reading.text.value and "▲" in reading.text.value


def test_close_reading_shows_source_locator_and_escapes_the_text(fixture_data):
    reading = framing.close_reading("fx_charter")
    assert '<a href="https://example.org/charter"' in reading.source.value
    assert "para 8, sentence 2" in reading.text.value
    assert "&lt;script&gt;" in reading.text.value and "<script>" not in reading.text.value
    assert "&lt;b&gt;n&lt;/b&gt;" in reading.text.value
    with pytest.raises(ValueError, match="fx_charter"):
        framing.close_reading("missing_text")


# --- hostile data ------------------------------------------------------------------------------

def test_hostile_text_is_escaped_everywhere(fixture_data):
    cmp = framing.compare("fx_hostile")
    shown = cmp.question.value + cmp.cards.children[0].value + cmp.context.value
    assert "<script>" not in shown and "<img" not in shown and "<b>" not in shown and "<i>" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert re.search(r"&lt;/script&gt; was an <mark[^>]*>annexation</mark>", shown)
    game = framing.guess(seed=0, topics=["fx_hostile"])
    game.answer("western")
    assert "<script>" not in game.quote.value + game.reveal.value


def test_javascript_url_is_never_a_link(fixture_data):
    tables = Tables(data.load())
    sources = tables["sources"].copy()
    sources.loc[sources["id"] == "fx-west", "url"] = "javascript:alert(1)"
    tables["sources"] = sources
    card = framing.Comparison("fx_peninsula", tables=tables).card("western")
    assert "javascript:" not in card.value and "Western statement — Western ministry" in card.value
    (fixture_data / "sources.csv").write_text(
        (fixture_data / "sources.csv").read_text(encoding="utf-8").replace(
            "https://example.org/west", "javascript:alert(1)"), encoding="utf-8")
    data._load.cache_clear()
    with pytest.raises(data.DataValidationError, match="url"):  # the loader refuses it before any widget
        data.load()


# --- static table ------------------------------------------------------------------------------

def test_compare_table_has_every_quote_escaped_with_events_and_record(fixture_data):
    table = framing.compare_table("fx_peninsula")
    assert isinstance(table, str) and "<table>" in table
    for row in FRAMINGS[:5]:
        assert row["quote"].replace("&", "&amp;") in table
        assert row["speaker"] in table
        assert f'<a href="{next(s["url"] for s in SOURCES if s["id"] == row["source_id"])}"' in table
    assert table.count("<tr>") == 1 + 5
    assert "■" in table and "NATO &amp; Western governments" in table
    assert "18 March 1900" in table and "Translated from Russian." in table
    assert "A vote is held" in table and "What the record shows:" in table
    hostile = framing.compare_table("fx_hostile")
    assert "<script>" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt; was an annexation" in hostile
    with pytest.raises(ValueError):
        framing.compare_table("no_such_topic")


def test_format_partial_date():
    assert format_partial_date("2014-03-18") == "18 March 2014"
    assert format_partial_date("2014-03") == "March 2014"
    assert format_partial_date("2014") == "2014"
    assert format_partial_date("") == ""

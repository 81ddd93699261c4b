"""The small building blocks lesson notebooks call: events, quotes, glossary, sources, claims, lexicon."""

from __future__ import annotations

import pytest

from standoff import claims, framing, lesson, load

from conftest import rewrite


def test_events_show_date_summary_source_and_notes_in_date_order():
    html = lesson.events("georgia-ceasefire-plan", "russo-georgian-war-begins").data
    assert html.index("7 August 2008") < html.index("12 August 2008")
    assert "Notes on the sources" in html and "Tagliavini" in html
    assert 'href="' in html
    with pytest.raises(KeyError, match="no event with id 'no-such-event'"):
        lesson.events("no-such-event")


def test_quote_is_attributed_linked_and_says_when_translated():
    translated = load().framings.query("translated == 'yes'").iloc[0]
    html = lesson.quote(translated["id"]).data
    assert "Translated:" in html and "href=" in html
    assert translated["speaker"].split()[0] in html


def test_glossary_and_sources_blocks():
    assert "Treaty on Conventional Armed Forces in Europe" in lesson.glossary("CFE Treaty").data
    sources = lesson.sources("03_2014", "crimea_2014").data
    assert "Primary documents" in sources and "Show all" in sources
    assert "Newss" not in sources and "Scholarships" not in sources


def test_claims_summary_can_show_one_paragraph_without_doubled_quotes():
    html = claims.summary(paragraph=11).data
    assert html.count("<tr>") == 1 + (load().claims["paragraph"] == 11).sum()
    assert "““" not in html and "“&ldquo;" not in html
    assert claims.quoted("“No, guys") == "“No, guys" and claims.quoted("plain") == "“plain”"


def test_lexicon_opens_on_a_chosen_concept():
    view = framing.lexicon("council_name")
    assert view.concept.value == "council_name" and "Russia-NATO Council" in view.entries.value
    with pytest.raises(ValueError, match="no lexicon concept"):
        framing.lexicon("no_such_concept")


def test_blocks_escape_hostile_data(data_copy):
    rewrite(data_copy / "events.csv", "NATO Bucharest summit agrees Ukraine and Georgia will join NATO",
            "<script>x</script>")
    html = lesson.events("bucharest-summit").data
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_translation_whose_original_language_is_unverified_says_so():
    from standoff.cards import translation_html

    row = {"translated": "yes", "language": "et", "note": "UNVERIFIED: original language (maybe Russian)."}
    assert "original language not verified" in translation_html(row)
    row["note"] = "Official translation."
    assert "Translated from Estonian" in translation_html(row)

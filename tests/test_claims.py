"""The claim checker, driven as a student drives it: classify, reveal, keep a tally, save it."""

from __future__ import annotations

import pandas as pd
import pytest

from standoff import claims
from standoff.data import load
from standoff.journal import Journal

from conftest import ROOT, append_row, clear_rows

HOSTILE = "<script>alert(1)</script> is a pathetic sight"


@pytest.fixture
def article(data_copy, tmp_path, monkeypatch):
    """claims.csv with only our fixture claims, written out of paragraph order, and their sources."""
    monkeypatch.setenv("STANDOFF_WORK_DIR", str(tmp_path / "my_work"))
    path = data_copy / "claims.csv"
    clear_rows(path)
    append_row(data_copy / "sources.csv", ["fx-record", "Fixture record <i>one</i>", "Fixture archive",
                                           "2022-02-02", "https://example.org/record", "primary_document",
                                           "en", ""])
    append_row(path, ["fx-later", "5", "The talks will fail.", "prediction",
                      "They did: <b>no agreement</b> followed.", "No agreement was signed.", "fx-record"])
    append_row(path, ["fx-byline", "0", "Programme Director", "fact", "accurate_but_incomplete",
                      "The title appears on the publisher's page.", "fx-record"])
    append_row(path, ["fx-hostile", "3", HOSTILE, "value_judgement", "", "", ""])
    append_row(path, ["fx-mid", "3", "The paper published the texts.", "fact", "accurate",
                      "The paper published two texts on 2 February.", "fx-record"])
    append_row(path, ["fx-why", "2", "because the West refused", "interpretation", "",
                      "The responses <em>offered</em> talks.", "fx-record"])
    return data_copy


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "my_work")


ORDER = ["fx-byline", "fx-why", "fx-hostile", "fx-mid", "fx-later"]


def test_claims_are_walked_in_paragraph_order_with_their_paragraph(article, journal):
    checker = claims.checker(journal=journal)
    assert list(checker.claims["id"]) == ORDER
    assert "Claim 1 of 5" in checker.heading.value and "Headline and byline" in checker.heading.value
    assert "“Programme Director”" in checker.excerpt.value
    checker.next()
    assert "Claim 2 of 5" in checker.heading.value and "Paragraph 2" in checker.heading.value
    assert "because the West refused" in checker.excerpt.value
    assert checker.result.value == ""


def test_choosing_fact_asks_how_to_check_it(article, journal):
    checker = claims.checker(journal=journal)
    assert checker.how.layout.display == "none"
    checker.classify("fact")
    assert checker.how.layout.display != "none"
    checker.classify("Interpretation")
    assert checker.how.layout.display == "none"


def test_a_matching_classification_is_revealed_with_assessment_record_and_sources(article, journal):
    checker = claims.checker(journal=journal)
    checker.classify("fact")
    checker.explain_check("Look at the publisher's page from February 2022.")
    assert checker.result.value == "", "nothing is revealed before Reveal"
    checker.reveal_button.click()
    shown = checker.result.value
    assert "✔ Matches." in shown and "You said:" in shown and "□ Fact" in shown
    assert "Assessment:</em> Accurate but incomplete" in shown
    assert "The title appears on the publisher&#x27;s page." in shown
    assert '<a href="https://example.org/record"' in shown
    assert "Fixture record &lt;i&gt;one&lt;/i&gt;" in shown
    assert "Look at the publisher&#x27;s page from February 2022." in shown
    assert "1 of 1</strong> classifications matched (1 of 5 claims revealed)" in checker.tally_html.value


def test_a_mismatch_says_so_in_words_and_the_tally_counts_it(article, journal):
    checker = claims.checker(journal=journal)
    checker.classify("fact")
    checker.reveal()
    checker.next()
    checker.classify("fact")
    checker.reveal()
    shown = checker.result.value
    assert "✘ Does not match." in shown
    assert "You said: <span class='standoff-kind'>□ Fact</span>" in shown
    assert "The lesson's reading: <span class='standoff-kind'>◐ Interpretation</span>" in shown
    assert checker.tally() == {"matched": 1, "classified": 2, "revealed": 2, "total": 5}
    assert "1 of 2</strong> classifications matched (2 of 5 claims revealed)" in checker.tally_html.value


def test_revealing_without_classifying_is_not_counted(article, journal):
    checker = claims.checker(journal=journal)
    checker.go(4)
    checker.reveal()
    assert "ℹ Not classified." in checker.result.value and "➜ Prediction" in checker.result.value
    assert "What happened next:</em> They did: &lt;b&gt;no agreement&lt;/b&gt; followed." \
        in checker.result.value
    assert checker.tally() == {"matched": 0, "classified": 0, "revealed": 1, "total": 5}


def test_a_revealed_claim_is_locked_and_remembered_when_coming_back(article, journal):
    checker = claims.checker(journal=journal)
    checker.classify("prediction")
    checker.reveal()
    assert checker.kind.disabled and checker.reveal_button.disabled
    checker.classify("fact")
    assert checker.kind.value == "prediction"
    assert checker.tally()["matched"] == 0
    checker.next_button.click()
    assert checker.kind.value is None and not checker.kind.disabled and checker.result.value == ""
    checker.prev_button.click()
    assert checker.kind.value == "prediction" and "✘ Does not match." in checker.result.value
    assert checker.prev_button.disabled


def test_a_value_judgement_says_why_it_has_no_record(article, journal):
    checker = claims.checker(journal=journal)
    checker.go(2)
    assert "&lt;script&gt;" in checker.excerpt.value and "<script>" not in checker.excerpt.value
    checker.classify("value judgement")
    checker.reveal()
    assert "✔ Matches." in checker.result.value and "⚖ Value judgement" in checker.result.value
    assert "cannot be checked against a record" in checker.result.value
    assert "Sources:" not in checker.result.value


def test_unknown_kinds_are_refused(article, journal):
    checker = claims.checker(journal=journal)
    with pytest.raises(ValueError, match="not a kind of claim"):
        checker.classify("opinion")


def test_the_tally_and_answers_are_saved_to_the_journal(article, journal, tmp_path):
    checker = claims.checker(journal=journal)
    checker.classify("fact")
    checker.explain_check("The publisher's page.")
    checker.reveal()
    checker.next()
    checker.classify("fact")
    checker.reveal()
    checker.next()
    checker.classify("value_judgement")  # classified but not revealed: not saved, not counted
    checker.save_button.click()
    assert "✔ Saved to your journal: 1 of 2 matched." in checker.saved.value
    section = Journal(tmp_path / "my_work").read()["claims"]
    assert (section["matched"], section["classified"], section["total"]) == (1, 2, 5)
    assert set(section["answers"]) == {"fx-byline", "fx-why"}
    assert section["answers"]["fx-byline"] | {"saved": ""} == {
        "paragraph": 0, "excerpt": "Programme Director", "chosen": "fact", "kind": "fact",
        "matched": True, "check": "The publisher's page.", "saved": ""}
    assert section["answers"]["fx-why"]["matched"] is False

    later = claims.checker(journal=Journal(tmp_path / "my_work"))  # another session adds one more
    later.go(3)
    later.classify("fact")
    later.reveal()
    later.save_to_journal()
    section = Journal(tmp_path / "my_work").read()["claims"]
    assert (section["matched"], section["classified"]) == (2, 3), "earlier answers were kept"
    exported = journal.export().markdown
    assert "2 of 3 classifications matched" in exported and "The publisher's page." in exported


def test_a_source_with_an_unsafe_url_is_not_linked(article, journal):
    tables = load()
    sources = tables.sources.copy()
    sources.loc[sources["id"] == "fx-record", "url"] = "javascript:alert(1)"
    checker = claims.ClaimChecker(tables.claims, sources, journal=journal)
    checker.reveal()
    assert "javascript:" not in checker.result.value
    assert "Fixture record &lt;i&gt;one&lt;/i&gt;" in checker.result.value
    assert "<a " not in checker.result.value


def test_no_claims_shows_a_message(article, journal):
    empty = load().claims.iloc[0:0]
    checker = claims.ClaimChecker(empty, load().sources, journal=journal)
    assert "no claims to check yet" in checker.widget.children[0].value
    assert "no claims to show yet" in claims.summary_html(empty, load().sources)


def test_summary_marks_every_claims_kind_in_words_and_icons_in_paragraph_order(article):
    page = claims.summary().data
    positions = [page.index(text) for text in ("Programme Director", "because the West refused",
                                               "is a pathetic sight", "The paper published the texts.",
                                               "The talks will fail.")]
    assert positions == sorted(positions)
    for label in ("□ Fact", "◐ Interpretation", "⚖ Value judgement", "➜ Prediction"):
        assert page.count(label) >= 2, f"{label} must appear in the key and on its claim"
    assert ">Headline and byline</th>" in page and ">Paragraph 5</th>" in page
    assert "Accurate but incomplete" in page and "Accurate</p>" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>no agreement</b>" not in page and "<em>offered</em>" not in page
    assert '<a href="https://example.org/record"' in page


def test_claims_in_one_paragraph_keep_the_order_of_the_file():
    frame = pd.DataFrame({"paragraph": [2, 0, 2, 1], "id": ["b", "a", "c", "z"]})
    assert list(claims.in_order(frame)["id"]) == ["a", "z", "b", "c"]


def test_the_checker_reads_only_the_data_folder_never_the_column_itself():
    for name in ("claims.py", "quiz.py", "journal.py"):
        source = (ROOT / "src" / "standoff" / name).read_text(encoding="utf-8")
        assert "shared/" not in source and "article.txt" not in source, name

"""The quiz, driven as a student drives it: choose, check, read the feedback, try again, see the score."""

from __future__ import annotations

import pandas as pd
import pytest

from standoff import quiz
from standoff.data import load
from standoff.journal import Journal

from conftest import append_row, clear_rows

LESSON = "99_fixture_lesson"


@pytest.fixture
def lesson(data_copy, tmp_path, monkeypatch):
    """quiz.csv with only our fixture questions, and their sources (the shipped rows may change)."""
    monkeypatch.setenv("STANDOFF_WORK_DIR", str(tmp_path / "my_work"))
    path = data_copy / "quiz.csv"
    clear_rows(path)
    append_row(data_copy / "sources.csv", ["fx-treaty", "Fixture treaty <b>text</b>", "Fixture archive",
                                           "2022-01-01", "https://example.org/treaty?a=1&b=2",
                                           "primary_document", "en", ""])
    append_row(data_copy / "sources.csv", ["fx-news", "Fixture news report", "Fixture wire", "2022-02",
                                           "https://example.org/news", "news", "en", ""])
    append_row(path, ["fx-q1", LESSON, "Which is the second letter of the Greek alphabet?",
                      "Alpha|Beta|Gamma", "Beta", "Beta comes after alpha.", "fx-treaty;fx-news"])
    append_row(path, ["fx-q2", LESSON, "Is <script>alert(1)</script> shown as text?",
                      "Yes, as <b>text</b>|No", "Yes, as <b>text</b>",
                      "Because <img src=x onerror=alert(1)> is data, not markup.", "fx-news"])
    append_row(path, ["fx-q3", LESSON, "How many?", "One|Two", "Two", "Two is right.", "fx-news"])
    append_row(path, ["fx-other", "98_other_lesson", "Elsewhere?", "Yes|No", "Yes", "Yes.", "fx-news"])
    return data_copy


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "my_work")


def test_a_right_answer_says_correct_in_words_with_an_icon_and_explains_with_sources(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    q.choose(0, "B")
    assert q.check(0) is True
    shown = q.items[0].feedback.value
    assert "✔ Correct." in shown
    assert "Not quite" not in shown
    assert "Beta comes after alpha." in shown
    assert '<a href="https://example.org/treaty?a=1&amp;b=2"' in shown
    assert "Fixture treaty &lt;b&gt;text&lt;/b&gt;" in shown and "Fixture news report" in shown
    assert q.items[0].radio.disabled and q.items[0].check_button.disabled
    assert not q.items[0].try_button.disabled


def test_a_wrong_answer_says_not_quite_and_try_again_lets_the_student_choose_again(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    q.choose(0, "Alpha")
    assert q.check(0) is False
    shown = q.items[0].feedback.value
    assert "✘ Not quite." in shown and "You chose “Alpha”" in shown
    assert "Correct." not in shown
    assert "Beta comes after alpha." in shown
    assert "0 correct of 1 answered on the first try" in q.score_html.value

    q.items[0].try_button.click()
    assert q.items[0].radio.value is None and not q.items[0].radio.disabled
    assert q.items[0].feedback.value == ""
    q.choose(0, 2)
    q.choose(0, "b")  # a letter, any case
    q.items[0].check_button.click()
    assert "✔ Correct." in q.items[0].feedback.value
    assert q.score() == {"total": 3, "answered": 1, "first_try": 0, "correct": 1}
    assert "After trying again: 1 correct." in q.score_html.value


def test_the_running_score_counts_first_tries_and_says_when_all_are_answered(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    assert "no answers yet (3 questions)" in q.score_html.value
    q.choose(0, "Beta")
    q.check(0)
    q.choose(1, "No")
    q.check(1)
    assert "1 correct of 2 answered on the first try (3 questions in all)." in q.score_html.value
    assert "every question" not in q.score_html.value
    q.choose(2, "Two")
    q.check(2)
    assert "2 correct of 3 answered on the first try" in q.score_html.value
    assert "You have answered every question." in q.score_html.value


def test_checking_without_a_choice_asks_for_one_and_records_nothing(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    assert q.check(0) is None
    assert "Choose an answer first." in q.items[0].feedback.value
    assert not journal.path.exists()
    assert q.score()["answered"] == 0


def test_answers_are_recorded_in_the_journal_and_restored_on_a_rerun(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    q.choose(0, "Alpha")
    q.check(0)
    q.try_again(0)
    q.choose(0, "Beta")
    q.check(0)
    q.choose(2, "One")
    q.check(2)
    entry = journal.read()["quiz"]["fx-q1"]
    assert entry["notebook"] == LESSON and entry["question"].startswith("Which is the second letter")
    assert entry["chosen"] == "Beta" and entry["correct"] is True
    assert entry["first_try_correct"] is False and entry["attempts"] == 2
    assert entry["answered"][:4].isdigit()
    assert journal.read()["quiz"]["fx-q3"]["correct"] is False
    assert f"{LESSON}: 0 correct of 2 answered on the first try (1 correct after trying again)" \
        in journal.export().markdown

    again = quiz.ask(LESSON, journal=Journal(journal.folder))  # re-run cell or restarted kernel
    assert again.items[0].radio.value == 1
    assert "✔ Correct." in again.items[0].feedback.value
    assert "✘ Not quite." in again.items[2].feedback.value
    assert again.items[1].feedback.value == ""
    assert again.score() == q.score() == {"total": 3, "answered": 2, "first_try": 0, "correct": 1}


def test_text_from_the_data_is_escaped(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    assert "<script>" not in q.items[1].heading.value
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; shown as text?" in q.items[1].heading.value
    assert q.items[1].radio.options[0] == ("A. Yes, as <b>text</b>", 0), "labels are plain text"
    q.choose(1, "Yes, as <b>text</b>")
    assert q.check(1) is True
    shown = q.items[1].feedback.value
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown


def test_a_source_with_an_unsafe_url_is_not_linked(lesson, journal):
    tables = load()
    sources = tables.sources.copy()
    sources.loc[sources["id"] == "fx-news", "url"] = "javascript:alert(1)"
    q = quiz.Quiz(LESSON, questions=tables.quiz, sources=sources, journal=journal)
    q.choose(2, "Two")
    q.check(2)
    shown = q.items[2].feedback.value
    assert "javascript:" not in shown
    assert "Fixture news report" in shown and "<a " not in shown


def test_an_answer_that_is_not_one_of_the_choices_is_a_clear_error(lesson, journal):
    append_row(lesson / "quiz.csv", ["fx-bad", "97_broken_lesson", "Which?", "Red|Green", "Blue",
                                     "Blue is not offered.", "fx-news"])
    with pytest.raises(ValueError) as error:  # the data check catches it before any quiz is built
        quiz.ask("97_broken_lesson", journal=journal)
    message = str(error.value)
    assert "quiz.csv, row" in message and "column 'answer'" in message and "'Blue'" in message
    assert "exactly one of the choices in this row: Red | Green" in message


def test_quiz_refuses_a_table_given_directly_with_a_bad_answer():
    bad = pd.DataFrame([{"id": "fx-bad", "choices": ["Red", "Green"], "answer": "Blue"}])
    with pytest.raises(ValueError) as error:
        quiz.check_answers(bad)
    assert "'fx-bad'" in str(error.value) and "'Red', 'Green'" in str(error.value)


def test_an_unknown_lesson_names_the_lessons_that_have_questions(lesson, journal):
    with pytest.raises(ValueError, match="no questions for lesson '01_typo'.*98_other_lesson, 99_fixture"):
        quiz.ask("01_typo", journal=journal)
    assert quiz.ask(f"{LESSON}.ipynb", journal=journal).score()["total"] == 3


def test_choices_can_be_given_by_position_text_or_letter_and_nothing_else(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    for choice in (1, "Beta", "B", "b"):
        q.try_again(0)
        q.choose(0, choice)
        assert q.items[0].radio.value == 1
    with pytest.raises(ValueError, match="not a choice"):
        q.choose(0, "Delta")
    with pytest.raises(ValueError, match="has 3 choices"):
        q.choose(0, 7)


def test_all_at_once_shows_every_question(lesson, journal):
    q = quiz.ask(LESSON, journal=journal)
    assert list(q.shown.children) == [item.box for item in q.items]
    assert "Question 2 of 3" in q.items[1].heading.value


def test_one_at_a_time_walks_through_the_questions(lesson, journal):
    q = quiz.ask(LESSON, one_at_a_time=True, journal=journal)
    assert list(q.shown.children) == [q.items[0].box]
    assert "Question 1 of 3" in q.position.value
    assert q.prev_button.disabled and not q.next_button.disabled
    q.next_button.click()
    assert list(q.shown.children) == [q.items[1].box]
    q.next()
    assert list(q.shown.children) == [q.items[2].box]
    assert "Question 3 of 3" in q.position.value and q.next_button.disabled
    q.choose(2, "Two")
    q.check(2)
    assert "1 correct of 1 answered" in q.score_html.value
    q.previous()
    assert list(q.shown.children) == [q.items[1].box]


def test_the_default_journal_is_the_work_folder(lesson, tmp_path):
    q = quiz.ask(LESSON)
    q.choose(0, "Beta")
    q.check(0)
    assert Journal(tmp_path / "my_work").read()["quiz"]["fx-q1"]["correct"] is True


def test_the_answer_key_lists_every_question_of_a_lesson_with_its_answer_and_escapes_the_data(lesson):
    shown = quiz.answer_key(LESSON).data
    rows = shown.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert rows.count("<tr>") == 3, "one row per question of the lesson"
    assert "Elsewhere?" not in shown, "questions of other lessons are left out"
    assert "Which is the second letter of the Greek alphabet?" in shown
    assert "<strong>B.</strong> Beta" in shown and "Beta comes after alpha." in shown
    assert "<strong>B.</strong> Two" in shown and "Two is right." in shown
    assert "Is &lt;script&gt;alert(1)&lt;/script&gt; shown as text?" in shown
    assert "<strong>A.</strong> Yes, as &lt;b&gt;text&lt;/b&gt;" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "<script" not in shown and "<img" not in shown and "<b>" not in shown
    assert '<a href="https://example.org/treaty?a=1&amp;b=2"' in shown
    assert "Fixture treaty &lt;b&gt;text&lt;/b&gt;" in shown and "Fixture news report" in shown
    assert rows.index("Greek alphabet") < rows.index("shown as text") < rows.index("How many?")
    assert quiz.answer_key(f"{LESSON}.ipynb").data == shown
    with pytest.raises(ValueError, match="no questions for lesson '01_typo'"):
        quiz.answer_key("01_typo")

"""'Your turn' tasks: answers are computed from the data and checked generously."""

from __future__ import annotations

import pytest

from standoff import load, your_turn


def test_every_lesson_has_a_task_with_an_answer():
    assert set(your_turn.TASKS) == {"00", "01", "02", "03", "04", "05", "06"}
    for task_id, task in your_turn.TASKS.items():
        assert task.solve() not in (None, "", [], {}), task_id


def test_known_answers_from_the_shipped_data():
    assert your_turn.is_right("01", 10)  # 1999: three states; 2004: seven
    assert your_turn.is_right("05", (30, 32))
    assert your_turn.is_right("05", [30, 32]) is False  # a list is not the pair asked for


def test_answers_are_compared_as_a_person_would():
    ids = your_turn.TASKS["03"].solve()
    assert your_turn.is_right("03", list(reversed(ids)))
    events = load().events
    war = events[(events["era"] == "era_2014") & (events["category"] == "war")]["id"]
    assert your_turn.is_right("03", war)
    assert your_turn.is_right("06", " 'russian' ")
    counts = load().framings.query("topic_id == 'december_2021_proposals'")["perspective"].value_counts()
    assert your_turn.is_right("04", counts)
    assert not your_turn.is_right("00", 3)


def test_check_says_right_or_wrong_in_words():
    right = your_turn.check("02", your_turn.TASKS["02"].solve()).data
    assert "Correct" in right and "len(events[" in right
    wrong = your_turn.check("02", "<b>7</b>").data
    assert "Not quite" in wrong and "&lt;b&gt;7&lt;/b&gt;" in wrong
    assert "Replace" in your_turn.check("02", ...).data
    with pytest.raises(KeyError, match="no 'Your turn' task"):
        your_turn.check("99", 1)


def test_task_shows_question_and_start():
    html = your_turn.task("04").data
    assert "december_2021_proposals" in html and "your_turn.check('04', answer)" in html


def test_a_whole_table_as_the_answer_gets_feedback_not_a_traceback():
    members = load().memberships
    answer = members[members["joined"].dt.year.between(1990, 2007)]
    assert not your_turn.is_right("01", answer)
    assert "a table of 10 rows" in your_turn.check("01", answer).data

"""The data package: what must be in it, and how broken data is reported."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

from standoff import data
from standoff.__main__ import main as cli

from conftest import DATA, append_row, edit_rows, rewrite

REQUIRED_EVENTS = """
helsinki-final-act baker-gorbachev-meeting two-plus-four-treaty german-reunification cfe-treaty-signed
charter-of-paris ussr-dissolved partnership-for-peace budapest-memorandum nato-russia-founding-act
nato-accession-1999 operation-allied-force-begins operation-allied-force-ends adapted-cfe-signed
istanbul-charter nato-russia-council-founded us-leaves-abm-treaty nato-accession-2004 orange-revolution
putin-munich-speech cfe-suspension-decree cfe-suspension-takes-effect georgia-nato-plebiscite
kosovo-independence bucharest-summit medvedev-berlin-speech russo-georgian-war-begins georgia-ceasefire-plan
russia-recognizes-abkhazia-south-ossetia nato-accession-2009 european-security-treaty-draft
ukraine-non-bloc-law-adopted astana-declaration euromaidan-begins yanukovych-removed crimea-referendum
crimea-annexation-treaty unga-resolution-68-262 nato-suspends-cooperation sloviansk-seized mh17-downed
nato-wales-summit minsk-protocol ukraine-ends-non-aligned-status minsk-ii nato-warsaw-summit
montenegro-joins-nato ukraine-constitution-nato-eu-course inf-treaty-ends north-macedonia-joins-nato
us-leaves-open-skies geneva-biden-putin-summit russia-suspends-nato-mission russia-drafts-published
geneva-strategic-stability-talks-2022 nato-russia-council-2022 osce-permanent-council-2022
written-responses-delivered el-pais-leak timofeev-column-published russia-reply-to-us-response
russia-recognizes-dpr-lpr full-scale-invasion eu-suspends-rt new-start-suspended finland-joins-nato
russia-leaves-cfe sweden-joins-nato unga-resolution-es-11-1
""".split()
REQUIRED_TOPICS = """nato_enlargement not_one_inch indivisible_security kosovo_1999 bucharest_2008
georgia_2008 crimea_2014 donbas_and_minsk cfe_and_arms_control missile_defence
december_2021_proposals invasion_2022""".split()
NO_IN_BETWEEN_NEEDED = {"kosovo_1999", "cfe_and_arms_control"}
REQUIRED_CONCEPTS = """crimea_2014_status nato_growth feb_2022_war maidan_2014 donbas_forces
russian_troops_abroad capital_spelling council_name dec_2021_demands occupied_territories""".split()
LESSONS = ["00_start_here", "01_after_the_cold_war", "02_2008", "03_2014", "04_the_standoff",
           "05_what_happened_next", "06_framing_workshop"]


@pytest.fixture(scope="module")
def tables():
    return data.load(DATA)


# --- what the shipped data must contain -------------------------------------------------

def test_shipped_data_has_no_problems():
    problems, _ = data.check(DATA)
    assert problems == [], "\n".join(map(str, problems))


def test_events_cover_1975_to_2024_with_every_required_id(tables):
    events = tables.events
    assert len(events) >= 90
    assert events["date"].min().year == 1975 and events["date"].max().year == 2024
    missing = sorted(set(REQUIRED_EVENTS) - set(events["id"]))
    assert not missing, f"required events missing: {missing}"


@pytest.mark.parametrize("event_id, date", [
    ("helsinki-final-act", "1975-08-01"), ("charter-of-paris", "1990-11-21"),
    ("nato-russia-founding-act", "1997-05-27"), ("bucharest-summit", "2008-04-03"),
    ("unga-resolution-68-262", "2014-03-27"), ("full-scale-invasion", "2022-02-24"),
    ("unga-resolution-es-11-1", "2022-03-02"), ("finland-joins-nato", "2023-04-04"),
    ("sweden-joins-nato", "2024-03-07"),
])
def test_anchor_dates_are_the_verified_ones(tables, event_id, date):
    event = tables.events.set_index("id").loc[event_id]
    assert event["date"] == pd.Timestamp(date)


def test_every_event_summary_is_short_and_sourced(tables):
    for event in tables.events.itertuples():
        assert len(event.summary.split()) <= 60, event.id
        assert event.source_ids, event.id


def test_every_topic_has_each_required_voice(tables):
    assert set(REQUIRED_TOPICS) <= set(tables.topics["id"])
    voices = tables.framings.groupby("topic_id")["perspective"].agg(set)
    for topic in REQUIRED_TOPICS:
        needed = {"western", "russian"} | (set() if topic in NO_IN_BETWEEN_NEEDED else {"in_between"})
        assert needed <= voices.get(topic, set()), f"{topic} lacks {needed - voices.get(topic, set())}"
    assert len(tables.framings) >= 50


def test_scholarly_debates_have_analysts(tables):
    analysts = tables.framings[tables.framings["perspective"] == "analysts"]
    for topic in ("not_one_inch", "nato_enlargement"):
        assert (analysts["topic_id"] == topic).sum() >= 2, topic


def test_translated_quotes_say_whose_translation(tables):
    translated = tables.framings[tables.framings["translated"] == "yes"]
    assert (translated["note"].str.len() > 0).all()


def test_lexicon_covers_required_concepts_for_three_perspectives(tables):
    lexicon = tables.lexicon
    for concept in REQUIRED_CONCEPTS:
        sides = set(lexicon.loc[lexicon["concept"] == concept, "perspective"])
        assert {"western", "russian", "in_between"} <= sides, f"{concept}: {sides}"


def test_claims_glossary_and_quizzes_are_big_enough(tables):
    assert len(tables.claims) >= 20
    assert set(range(1, 12)) - set(tables.claims["paragraph"]) <= {1}
    assert len(tables.glossary) >= 40
    per_lesson = tables.quiz["notebook"].value_counts()
    for lesson in LESSONS[1:]:
        assert per_lesson.get(lesson, 0) >= 6, lesson


def test_quiz_answers_are_among_their_choices(tables):
    for q in tables.quiz.itertuples():
        assert q.answer in q.choices, q.id


def test_memberships_give_the_accession_waves(tables):
    waves = set(tables.memberships["wave"])
    assert {1949, 1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024} == waves
    assert len(tables.memberships) == 32


def test_loader_types_dates_and_lists(tables):
    events = tables.events
    assert str(events["date"].dtype).startswith("datetime64")
    assert isinstance(events.loc[0, "actors"], list)
    assert isinstance(events.loc[0, "source_ids"], list)


def test_frictionless_validates_the_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


# --- how broken data is reported ------------------------------------------------------

def messages(folder) -> list[str]:
    problems, _ = data.check(folder)
    return [str(p) for p in problems]


def test_impossible_date_is_named_by_file_row_and_column(data_copy):
    rewrite(data_copy / "events.csv", "2014-03-27,day", "2014-02-30,day")
    found = messages(data_copy)
    assert any("events.csv, row" in m and "'date'" in m and "2014-02-30" in m and "real date" in m
               for m in found), found


def test_duplicate_id(data_copy):
    first = (data_copy / "events.csv").read_text(encoding="utf-8").splitlines()[1]
    append_row(data_copy / "events.csv", next(__import__("csv").reader([first])))
    found = messages(data_copy)
    assert any("unique" in m and "row 2 already uses it" in m for m in found), found


def test_unknown_source_and_unknown_perspective(data_copy):
    rewrite(data_copy / "events.csv", "nato-bucharest-declaration-2008", "no-such-source")
    framings = (data_copy / "framings.csv").read_text(encoding="utf-8")
    (data_copy / "framings.csv").write_text(framings.replace(",western,", ",westerly,", 1), encoding="utf-8")
    found = messages(data_copy)
    assert any("'no-such-source'" in m and "sources.csv" in m for m in found), found
    assert any("'perspective'" in m and "westerly" in m and "one of: western" in m for m in found), found


def test_empty_quote(data_copy):
    edit_rows(data_copy / "framings.csv", lambda rows: rows[0].update(quote=""))
    found = messages(data_copy)
    assert "framings.csv, row 2, column 'quote': found '' — expected a value; this column must not be empty" \
        in found


def test_javascript_url_is_refused(data_copy):
    rewrite(data_copy / "sources.csv", "https://www.nato.int/cps/en/natohq/official_texts_8443.htm",
            "javascript:alert(1)")
    found = messages(data_copy)
    assert any("'url'" in m and "javascript:alert(1)" in m and "http://" in m for m in found), found


def test_non_utf8_bytes(data_copy):
    path = data_copy / "glossary.csv"
    path.write_bytes(path.read_bytes() + "Zürich,caf\xe9,x\n".encode("latin-1"))
    found = messages(data_copy)
    assert any(m.startswith("glossary.csv, row") and "UTF-8" in m for m in found), found


def test_missing_column_and_empty_file(data_copy):
    text = (data_copy / "topics.csv").read_text(encoding="utf-8")
    (data_copy / "topics.csv").write_text(text.replace("question,", "", 1), encoding="utf-8")
    (data_copy / "glossary.csv").write_text("", encoding="utf-8")
    found = messages(data_copy)
    assert "topics.csv, row 1, column 'question': this column in the header row; it is missing" in found
    assert "glossary.csv: a header row and data rows; the file is empty" in found


def test_quiz_answer_must_be_a_choice(data_copy):
    edit_rows(data_copy / "quiz.csv", lambda rows: rows[0].update(answer="None of these"))
    found = messages(data_copy)
    assert any(m.startswith("quiz.csv, row 2, column 'answer': found 'None of these'") and
               "exactly one of the choices" in m for m in found), found


def test_event_outside_its_era(data_copy):
    rewrite(data_copy / "events.csv", ",era_2014,united_nations,UN;UKR;RUS",
            ",standoff,united_nations,UN;UKR;RUS")
    found = messages(data_copy)
    assert any("'era'" in m and "standoff" in m and "2014-03-27" in m for m in found), found


def test_all_problems_are_reported_at_once(data_copy):
    rewrite(data_copy / "events.csv", "2014-03-27,day", "2014-02-30,day")
    rewrite(data_copy / "events.csv", "nato-bucharest-declaration-2008", "no-such-source")
    assert len(messages(data_copy)) >= 2


def test_load_refuses_bad_data_with_every_problem(data_copy):
    rewrite(data_copy / "events.csv", "2014-03-27,day", "2014-02-30,day")
    with pytest.raises(data.DataValidationError) as err:
        data.load()
    assert "2014-02-30" in str(err.value)


def test_check_data_command_exit_codes(data_copy, capsys):
    assert cli(["check-data", str(data_copy)]) == 0
    assert "check-data: OK" in capsys.readouterr().out
    rewrite(data_copy / "events.csv", "2014-03-27,day", "2014-02-30,day")
    assert cli(["check-data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "events.csv, row" in out and "2014-02-30" in out


def test_check_data_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "standoff", "check-data"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("check-data: OK")


WORKSHOP_WORDS = re.compile(r"key-texts\.md|\bthe spec\b|\bthis task\b|\breviewer\b|pitfall|\bseed\b", re.I)
"""Words from how the collection was researched, which a student reading a note cannot follow."""


def test_notes_shown_to_students_carry_no_workshop_words():
    found = [f"{path.name} row {number}: {match.group(0)!r}"
             for path in sorted(DATA.glob("*.csv"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             for match in WORKSHOP_WORDS.finditer(line)]
    assert found == []

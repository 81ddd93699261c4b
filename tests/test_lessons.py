"""Each lesson follows the skeleton in DESIGN.md and asks only for ids the data holds."""

from __future__ import annotations

import re

import nbformat
import pytest

from standoff import load, your_turn

from conftest import NOTEBOOKS

SECTIONS = ["At a glance", "Check your understanding", "Discuss", "Your turn", "Reflect", "Summary",
            "What's next", "Sources"]
SKILLS = ("Sourcing", "Contextualization", "Corroboration", "Close reading")


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


def calls(nb, function: str) -> list[str]:
    """The first string argument of every call to `function` in the notebook's code."""
    return re.findall(rf"{re.escape(function)}\(\s*[\"']([^\"']+)[\"']", code(nb))


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def lesson(request):
    return request.param, nbformat.read(request.param, as_version=4)


def test_has_the_required_sections_in_order(lesson):
    path, nb = lesson
    headings = [line[3:].strip() for line in markdown(nb).splitlines() if line.startswith("## ")]
    found = [h for h in headings if h in SECTIONS]
    assert found == SECTIONS, f"{path.name}: sections {found}"
    assert nb.cells[0].source.startswith("# "), f"{path.name} does not open with a title"
    assert "Binder does not save your work" in markdown(nb)


def test_at_a_glance_gives_time_objectives_and_question(lesson):
    path, nb = lesson
    text = markdown(nb)
    glance = text.split("## At a glance", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"\*\*Time:?\*\*:?.*\d+\s*minutes", glance), f"{path.name}: no time estimate"
    assert "**Central question" in glance, f"{path.name}: no central question"
    objectives = glance.split("You will be able to", 1)[1].split("**Central question", 1)[0]
    assert 3 <= objectives.count("\n- ") + objectives.count("\n* ") <= 6, f"{path.name}: objectives"


def test_numbered_sections_practise_named_skills(lesson):
    path, nb = lesson
    text = markdown(nb)
    assert re.search(r"^## 1\. ", text, re.M), f"{path.name}: no numbered content sections"
    assert any(f"**{skill}" in text for skill in SKILLS), f"{path.name}: no prompt labelled with a skill"


def test_quiz_reflections_and_task_exist_in_the_data(lesson):
    path, nb = lesson
    tables = load()
    notebook_id = path.stem
    assert calls(nb, "quiz.ask") == [notebook_id]
    assert (tables.quiz["notebook"] == notebook_id).sum() >= 6
    prompts = calls(nb, "journal.prompt")
    assert len(prompts) >= 2, f"{path.name}: fewer than 2 reflection prompts"
    assert set(prompts) <= set(tables.reflections["id"]), set(prompts) - set(tables.reflections["id"])
    assert "journal.export()" in code(nb)
    tasks = calls(nb, "your_turn.task")
    assert tasks and set(tasks) <= set(your_turn.TASKS)


def test_discussion_has_at_least_three_questions(lesson):
    path, nb = lesson
    discuss = markdown(nb).split("## Discuss", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"^\s*\d+\.\s", discuss, re.M)) >= 3, f"{path.name}: fewer than 3 questions"


def test_every_id_a_lesson_asks_for_exists(lesson):
    path, nb = lesson
    tables = load()
    known = {
        "lesson.events": set(tables.events["id"]), "lesson.quote": set(tables.framings["id"]),
        "framing.compare": set(tables.topics["id"]),
        "framing.close_reading": set(tables.key_texts["text_id"]),
        "timeline.show": set(tables.eras["id"]), "lesson.glossary": set(tables.glossary["term"]),
    }
    for function, ids in known.items():
        for used in calls(nb, function):
            assert used in ids, f"{path.name}: {function}({used!r}) names nothing in data/"


def test_notebooks_are_thin(lesson):
    path, nb = lesson
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert len(cell.source.splitlines()) <= 6, f"{path.name}: a long code cell:\n{cell.source}"
            assert "<" not in cell.source or "<=" in cell.source, f"{path.name}: markup in a code cell"

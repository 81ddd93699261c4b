"""The reflection journal keeps what a student writes: through restarts, crashes, bad files and exports."""

from __future__ import annotations

import base64
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standoff import journal
from standoff.journal import Journal
from standoff.text import esc

from conftest import ROOT, append_row, clear_rows

LESSON = "99_fixture_lesson"
HOSTILE = "<script>alert('x')</script> <a href=\"javascript:alert(1)\">click</a> & more"


@pytest.fixture
def prompts(data_copy):
    """reflections.csv with only our fixture prompts (the shipped ones may change at any time)."""
    path = data_copy / "reflections.csv"
    clear_rows(path)
    append_row(path, ["fx-sourcing", LESSON, "Who wrote the column, and for whom?", "Sourcing"])
    append_row(path, ["fx-hostile", LESSON, HOSTILE, "Close reading"])
    return data_copy


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The student's work folder, as the notebooks find it: through $STANDOFF_WORK_DIR."""
    work = tmp_path / "my_work"
    monkeypatch.setenv("STANDOFF_WORK_DIR", str(work))
    return work


def saved(work: Path) -> dict:
    return json.loads((work / "journal.json").read_text(encoding="utf-8"))


# -- the prompt widget -------------------------------------------------------------------------


def test_prompt_shows_the_text_from_reflections_csv_with_its_skill(prompts, folder):
    box = journal.prompt("fx-sourcing")
    assert "Who wrote the column, and for whom?" in box.heading.value
    assert "Sourcing" in box.heading.value
    assert box.text.value == ""
    assert "Nothing saved yet" in box.status.value
    assert box.widget.children[2] is box.text


def test_prompt_text_from_data_is_escaped(prompts, folder):
    box = journal.prompt("fx-hostile")
    assert "<script>" not in box.heading.value
    assert esc(HOSTILE) in box.heading.value


def test_prompt_text_can_be_given_in_the_notebook(prompts, folder):
    box = journal.prompt("fx-own", text="What surprised you <most>?")
    assert "What surprised you &lt;most&gt;?" in box.heading.value
    box.write("The dates.")
    assert box.flush()
    assert saved(folder)["prompts"]["fx-own"]["prompt"] == "What surprised you <most>?"


def test_unknown_prompt_id_is_a_clear_error(prompts, folder):
    with pytest.raises(ValueError, match="reflections.csv has no prompt with id 'fx-nope'"):
        journal.prompt("fx-nope")


def test_what_the_student_writes_is_saved_and_restored_after_a_restart(prompts, folder):
    box = journal.prompt("fx-sourcing")
    box.write("Timofeev, for RT's readers.\nSecond line.")
    assert box.unsaved
    assert box.flush() is True
    assert "Saved at" in box.status.value and "✔" in box.status.value
    entry = saved(folder)["prompts"]["fx-sourcing"]
    assert entry["text"] == "Timofeev, for RT's readers.\nSecond line."
    assert entry["prompt"] == "Who wrote the column, and for whom?"
    assert entry["notebook"] == LESSON
    assert entry["updated"][:4].isdigit() and "T" in entry["updated"]

    again = journal.prompt("fx-sourcing")  # a re-run cell, or a restarted kernel
    assert again.text.value == "Timofeev, for RT's readers.\nSecond line."
    assert "Restored what you wrote" in again.status.value
    assert again.flush() is False  # nothing changed, nothing written


def test_typing_schedules_one_save_at_a_time(prompts, folder, monkeypatch):
    monkeypatch.setattr(journal.Reflection, "SAVE_DELAY", 60)
    box = journal.prompt("fx-sourcing")
    box.write("T")
    timer = box._timer
    assert timer is not None and timer.is_alive() and box.unsaved
    for text in ("Ti", "Tim", "Timofeev"):
        box.write(text)
    assert box._timer is timer, "keystrokes while a save is pending must not start more timers"
    assert not (folder / "journal.json").exists()
    assert box.flush()
    assert box._timer is None and timer.finished.is_set(), "the pending timer was cancelled"
    assert saved(folder)["prompts"]["fx-sourcing"]["text"] == "Timofeev"


def test_the_timer_saves_the_latest_text_by_itself(prompts, folder, monkeypatch):
    monkeypatch.setattr(journal.Reflection, "SAVE_DELAY", 0.01)
    box = journal.prompt("fx-sourcing")
    box.write("Written, then left alone.")
    timer = box._timer
    if timer is not None:  # it may even have saved already
        timer.join()
    assert not box.unsaved
    assert saved(folder)["prompts"]["fx-sourcing"]["text"] == "Written, then left alone."
    assert "Saved at" in box.status.value


def test_save_now_button_saves(prompts, folder):
    box = journal.prompt("fx-sourcing")
    box.write("Pressed the button.")
    box.save_button.click()
    assert not box.unsaved
    assert saved(folder)["prompts"]["fx-sourcing"]["text"] == "Pressed the button."


def test_two_prompts_in_one_folder_keep_both(prompts, folder):
    first, second = journal.prompt("fx-sourcing"), journal.prompt("fx-hostile")
    first.write("one")
    second.write("two")
    first.flush()
    second.flush()
    assert {k: v["text"] for k, v in saved(folder)["prompts"].items()} == {"fx-sourcing": "one",
                                                                           "fx-hostile": "two"}


def test_work_folder_is_the_environment_variable_else_the_ignored_my_work(monkeypatch, tmp_path):
    monkeypatch.setenv("STANDOFF_WORK_DIR", str(tmp_path / "elsewhere"))
    assert Journal().folder == (tmp_path / "elsewhere").resolve()
    monkeypatch.delenv("STANDOFF_WORK_DIR")
    assert journal.work_dir() == ROOT / "my_work"
    assert "my_work/" in (ROOT / ".gitignore").read_text().splitlines()


def test_a_failed_save_says_so_and_keeps_the_text(prompts, folder, monkeypatch):
    box = journal.prompt("fx-sourcing")
    box.write("Important.")

    def refuse(*_args, **_kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(box.journal, "save_prompt", refuse)
    assert box.flush() is False
    assert "Could not save" in box.status.value and "read-only file system" in box.status.value
    assert box.unsaved and box.text.value == "Important."


# -- several writers, crashes, broken files --------------------------------------------------

WRITER = """
import sys
from standoff.journal import Journal
folder, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
j = Journal(folder)
for i in range(n):
    j.save_prompt(f"{tag}-{i}", f"text {tag} {i}", prompt="p", notebook="99_fixture_lesson")
    j.save_prompt(f"{tag}-latest", f"{tag} wrote {i}")
    j.record_quiz(f"{tag}-q{i % 5}", notebook="99_fixture_lesson", question="q", chosen="a", correct=True)
"""


def test_two_notebooks_writing_at_once_lose_nothing(tmp_path):
    n = 60
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), tag, str(n)])
               for tag in ("alpha", "beta")]
    for writer in writers:
        assert writer.wait(timeout=300) == 0
    data = Journal(tmp_path).read()
    for tag in ("alpha", "beta"):
        for i in range(n):
            assert data["prompts"][f"{tag}-{i}"]["text"] == f"text {tag} {i}"
        assert data["prompts"][f"{tag}-latest"]["text"] == f"{tag} wrote {n - 1}"
        for q in range(5):
            assert data["quiz"][f"{tag}-q{q}"]["attempts"] == n // 5
    assert len(data["prompts"]) == 2 * (n + 1)
    assert not list(tmp_path.glob("*.tmp"))


KILLED_WRITER = """
import sys
from standoff.journal import Journal
j = Journal(sys.argv[1])
j.save_prompt("earlier", "kept safe", prompt="p", notebook="99_fixture_lesson")
print("ready", flush=True)
big = "x" * 2_000_000
i = 0
while True:
    i += 1
    j.save_prompt("busy", f"{i} {big}")
"""


def saving(folder: Path, complete_size: int) -> bool:
    """A save is under way: its temp file exists, or the journal is shorter than a complete one."""
    if any(folder.glob("journal.json.*.tmp")):
        return True
    try:
        return (folder / "journal.json").stat().st_size < complete_size
    except FileNotFoundError:
        return True


@pytest.mark.parametrize("run", range(3))
def test_a_kernel_killed_mid_save_leaves_a_readable_journal(tmp_path, run):
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        while "busy" not in Journal(tmp_path).read()["prompts"]:  # its first 2 MB save is complete
            assert writer.poll() is None, "the writer stopped by itself"
        complete_size = (tmp_path / "journal.json").stat().st_size
        # Kill it without warning while it is writing (the `run`-th save we catch in the act).
        caught = 0
        for _ in range(2_000_000):
            if saving(tmp_path, complete_size):
                caught += 1
                if caught > run:
                    break
                while saving(tmp_path, complete_size) and writer.poll() is None:
                    pass
        writer.send_signal(signal.SIGKILL)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait()
        writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL
    assert caught > run, "never saw the writer in the middle of a save"
    after = Journal(tmp_path)
    data = after.read()
    assert after.notice is None, after.notice
    assert data["prompts"]["earlier"]["text"] == "kept safe"
    assert data["prompts"]["busy"]["text"].endswith("x" * 100)
    after.save_prompt("next", "still works")
    assert not list(tmp_path.glob("journal.json.*.tmp")), "a killed writer's temp file was not cleared"
    assert set(Journal(tmp_path).read()["prompts"]) == {"earlier", "busy", "next"}


def test_a_save_that_dies_before_the_rename_leaves_the_old_file_whole(tmp_path, monkeypatch):
    j = Journal(tmp_path)
    j.save_prompt("earlier", "kept safe")
    before = (tmp_path / "journal.json").read_bytes()

    def die(*_args):
        raise KeyboardInterrupt("kernel interrupted between write and rename")

    monkeypatch.setattr(journal.os, "replace", die)
    with pytest.raises(KeyboardInterrupt):
        j.save_prompt("later", "lost, but nothing else is")
    monkeypatch.undo()
    assert (tmp_path / "journal.json").read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))
    assert Journal(tmp_path).read()["prompts"]["earlier"]["text"] == "kept safe"


def test_a_leftover_temp_file_is_ignored_and_cleared(tmp_path):
    j = Journal(tmp_path)
    j.save_prompt("earlier", "kept safe")
    (tmp_path / "journal.json.abc123.tmp").write_text('{"prompts": {"half', encoding="utf-8")
    assert Journal(tmp_path).read()["prompts"]["earlier"]["text"] == "kept safe"
    j.save_prompt("later", "also kept")
    assert not list(tmp_path.glob("*.tmp"))
    assert set(Journal(tmp_path).read()["prompts"]) == {"earlier", "later"}


@pytest.mark.parametrize("damage", [
    pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated-json"),
    pytest.param(lambda raw: b"\x00\xff\xfe\x9c not json at all \x80", id="non-json-bytes"),
    pytest.param(lambda raw: b"[1, 2, 3]", id="json-but-not-a-journal"),
    pytest.param(lambda raw: b'{"prompts": "hand-edited"}', id="hand-edited-section"),
])
def test_a_corrupt_journal_is_set_aside_and_reported(prompts, folder, damage):
    earlier = Journal(folder)
    earlier.save_prompt("fx-sourcing", "my first answer", "Who wrote the column, and for whom?", LESSON)
    broken = damage((folder / "journal.json").read_bytes())
    (folder / "journal.json").write_bytes(broken)

    box = journal.prompt("fx-sourcing")
    kept = list(folder.glob("journal.corrupt-*.json"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == broken, "the unreadable file must be kept byte for byte"
    words = box.notice.value
    assert "Your journal file could not be read, so it was kept as" in words
    assert kept[0].name in words and "a new one started" in words and "⚠" in words
    assert box.text.value == ""

    box.write("starting again")
    assert box.flush()
    assert saved(folder)["prompts"]["fx-sourcing"]["text"] == "starting again"
    assert kept[0].read_bytes() == broken
    exported = journal.export()
    assert kept[0].name in exported.links_html()


def test_two_corrupt_files_in_the_same_second_both_survive(tmp_path):
    for content in (b"{broken one", b"{broken two"):
        (tmp_path / "journal.json").write_bytes(content)
        j = Journal(tmp_path)
        assert j.read()["prompts"] == {}
        assert j.notice
    kept = sorted(p.read_bytes() for p in tmp_path.glob("journal.corrupt-*.json"))
    assert kept == [b"{broken one", b"{broken two"]


def test_unknown_keys_in_a_hand_edited_journal_are_kept(tmp_path):
    (tmp_path / "journal.json").write_text('{"teacher_note": "keep me", "prompts": {}}', encoding="utf-8")
    j = Journal(tmp_path)
    j.save_prompt("p", "text")
    data = Journal(tmp_path).read()
    assert data["teacher_note"] == "keep me"
    assert data["prompts"]["p"]["text"] == "text"
    assert j.notice is None


# -- export ---------------------------------------------------------------------------------


def filled(folder: Path) -> Journal:
    j = Journal(folder)
    j.save_prompt("fx-sourcing", "Timofeev wrote it for RT.", "Who wrote the column?", LESSON)
    j.save_prompt("fx-hostile", HOSTILE, HOSTILE, "98_other_lesson")
    j.record_quiz("q1", notebook=LESSON, question="First?", chosen="A", correct=True)
    j.record_quiz("q2", notebook=LESSON, question="Second?", chosen="B", correct=False)
    j.record_quiz("q2", notebook=LESSON, question="Second?", chosen="C", correct=True)
    j.record_quiz("q3", notebook="98_other_lesson", question="<b>Third</b>?", chosen="<i>", correct=False)
    j.record_claims({"c1": {"paragraph": 1, "excerpt": "Madrid's El Pais <published>", "chosen": "fact",
                            "kind": "fact", "matched": True, "check": "Find the El País article."},
                     "c2": {"paragraph": 3, "excerpt": "a pathetic sight", "chosen": "fact",
                            "kind": "value_judgement", "matched": False, "check": ""}}, total=5)
    return j


def test_export_writes_markdown_and_html_with_every_entry_and_score(folder):
    j = filled(folder)
    result = journal.export()
    assert result.markdown_path == folder / "my_journal.md" and result.markdown_path.exists()
    assert result.html_path == folder / "my_journal.html" and result.html_path.exists()
    md = result.markdown_path.read_text(encoding="utf-8")
    page = result.html_path.read_text(encoding="utf-8")
    data = j.read()
    for text in (md, page):
        assert "Timofeev wrote it for RT." in text
        assert "Who wrote the column?" in text
        for entry in data["prompts"].values():
            assert entry["updated"] in text
        assert f"{LESSON}: 1 correct of 2 answered on the first try (2 correct after trying again)" in text
        assert "98_other_lesson: 0 correct of 1 answered on the first try" in text
        assert "Find the El País article." in text
        assert "Binder does not save your work: download this file before you leave." in text
    assert "1 of 2 classifications matched" in md


def test_export_escapes_hostile_text(folder):
    filled(folder)
    result = journal.export()
    page = result.html_path.read_text(encoding="utf-8")
    assert "<script" not in page and "javascript:alert(1)\">" not in page and "<b>Third" not in page
    assert esc(HOSTILE) in page
    assert "&lt;b&gt;Third&lt;/b&gt;?" in page
    assert "<script>" not in result.markdown
    assert "\\<script\\>" in result.markdown
    assert "<script" not in result.links_html()


def test_export_links_download_the_files_and_open_the_saved_copies(folder, tmp_path, monkeypatch):
    filled(folder)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    monkeypatch.chdir(notebooks)
    links = journal.export()._repr_html_()
    assert "Binder does not save your work: download this file before you leave." in links
    md = (folder / "my_journal.md").read_text(encoding="utf-8")
    page = (folder / "my_journal.html").read_text(encoding="utf-8")
    md_uri = 'download="my_journal.md" href="data:text/markdown;base64,'
    html_uri = 'download="my_journal.html" href="data:text/html;base64,'
    assert md_uri in links and html_uri in links
    encoded = links.split(md_uri, 1)[1].split('"', 1)[0]
    assert base64.b64decode(encoded).decode("utf-8") == md
    encoded = links.split(html_uri, 1)[1].split('"', 1)[0]
    assert base64.b64decode(encoded).decode("utf-8") == page
    assert 'href="../my_work/my_journal.md"' in links
    assert 'href="../my_work/my_journal.html"' in links


def test_an_empty_journal_exports_and_says_so(folder):
    result = journal.export()
    assert "No reflections written yet." in result.markdown
    assert "No quiz questions answered yet." in result.html
    assert "No claims checked yet." in result.html


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_survives_save_and_restore_and_is_escaped_in_the_export(text):
    with tempfile.TemporaryDirectory() as work:
        box = journal.prompt("fx-any", text="Any prompt", journal=Journal(work))
        box.write(text)
        box.save_now()
        restored = journal.prompt("fx-any", text="Any prompt", journal=Journal(work))
        assert restored.text.value == text
        page = Journal(work).export().html
        assert f"<div class='text'>{esc(text)}</div>" in page

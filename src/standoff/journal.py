"""The reflection journal: what a student writes is kept as they type, and exported.

Everything lives in one JSON file, `journal.json`, in the student's work folder:
`$STANDOFF_WORK_DIR` if set, else `my_work/` at the top of the repository (git
ignores it). Several notebooks may be open at once, a kernel may be killed in the
middle of a save and a student may edit the file by hand, so every save

- takes a lock (`journal.lock`), so only one save runs at a time;
- re-reads the file under the lock and changes only its own entry, so two
  notebooks writing different prompts both keep theirs;
- writes a temporary file in the same folder, flushes it to disk and renames it
  over the journal in one step, so the old file stays whole until the new one is.

A journal that cannot be read is never overwritten: it is moved aside to
`journal.corrupt-<timestamp>.json`, the student is told so in plain words, and a
new journal is started.

The file (`version` 1)::

    {"format": "standoff-journal", "version": 1,
     "prompts": {prompt_id: {"prompt", "notebook", "text", "updated"}},
     "quiz":    {question_id: {"notebook", "question", "chosen", "correct", "answered",
                               "attempts", "first_try_correct"}},
     "claims":  {"answers": {claim_id: {"paragraph", "excerpt", "chosen", "kind", "matched",
                                        "check", "saved"}},
                 "matched", "classified", "total", "saved"}}

Keys it does not know are kept as they are.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import tempfile
import threading
import urllib.parse
from collections.abc import Callable
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as w

from . import parts, style
from .render import WidgetView
from .text import esc

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

REPO_ROOT = Path(__file__).resolve().parents[2]
FILE_NAME = "journal.json"
LOCK_NAME = "journal.lock"
EXPORT_NAME = "my_journal"
SECTIONS = ("prompts", "quiz", "claims")
BINDER_WARNING = "Binder does not save your work: download this file before you leave."

_IN_PROCESS = threading.Lock()
"""flock() orders processes; this orders the threads of one kernel (the autosave timer)."""


def work_dir() -> Path:
    """The student's work folder: $STANDOFF_WORK_DIR, else `my_work/` in the repository."""
    chosen = os.environ.get("STANDOFF_WORK_DIR")
    return Path(chosen).expanduser().resolve() if chosen else REPO_ROOT / "my_work"


def now() -> str:
    """The local time as an ISO timestamp with its UTC offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _empty() -> dict:
    return {"format": "standoff-journal", "version": 1, "prompts": {}, "quiz": {}, "claims": {}}


class UnreadableJournal(ValueError):
    """The journal file is not a journal we can read (bad JSON, wrong shape, not UTF-8)."""


def _parse(raw: bytes) -> dict:
    """The journal in `raw`, with every section present; UnreadableJournal if it is not one."""
    if not raw.strip():
        return _empty()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise UnreadableJournal(str(err)) from None
    if not isinstance(data, dict):
        raise UnreadableJournal("the file does not hold a JSON object")
    for section in SECTIONS:
        data.setdefault(section, {})
        if not isinstance(data[section], dict):
            raise UnreadableJournal(f"'{section}' is not a JSON object")
    if not isinstance(data["claims"].get("answers", {}), dict):
        raise UnreadableJournal("'claims.answers' is not a JSON object")
    return data


@contextmanager
def _locked(lock_path: Path):
    """Hold the journal's lock file: one writer at a time, across threads and processes."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with _IN_PROCESS, open(lock_path, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        else:
            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            else:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step: temp file in the same folder, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX only)
        with suppress(OSError):
            folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


class Journal:
    """One student's journal file in one folder. Cheap to create; holds no state but a notice.

    Several Journal objects (and several processes) may share a folder: each save
    re-reads the file under the lock and merges its change in.
    """

    def __init__(self, folder: Path | str | None = None):
        self.folder = Path(folder).expanduser().resolve() if folder else work_dir()
        self.path = self.folder / FILE_NAME
        self.lock_path = self.folder / LOCK_NAME
        self.notice: str | None = None
        """Set, in plain words, when an unreadable journal file was moved aside."""

    def __repr__(self) -> str:
        return f"Journal({str(self.folder)!r})"

    # -- reading and writing -------------------------------------------------------------

    def read(self) -> dict:
        """The whole journal. A file that cannot be read is moved aside (see `notice`)."""
        try:
            return self._parse_file()
        except UnreadableJournal:
            with _locked(self.lock_path):  # look again under the lock before moving anything
                return self._read_under_lock()

    def _parse_file(self) -> dict:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _empty()
        return _parse(raw)

    def _read_under_lock(self) -> dict:
        try:
            return self._parse_file()
        except UnreadableJournal:
            self._set_aside()
            return _empty()

    def _set_aside(self) -> Path:
        """Move the unreadable file to journal.corrupt-<timestamp>.json and say so."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.folder / f"journal.corrupt-{stamp}.json"
        n = 1
        while target.exists():
            n += 1
            target = self.folder / f"journal.corrupt-{stamp}-{n}.json"
        os.replace(self.path, target)
        self.notice = (f"Your journal file could not be read, so it was kept as {target.name} "
                       f"(in {self.folder}) and a new one started. Nothing in it was deleted: "
                       "a teacher can help you copy your writing back.")
        return target

    def update(self, change: Callable[[dict], object]) -> dict:
        """Apply `change` to the journal as it is on disk now, under the lock, and save it."""
        with _locked(self.lock_path):
            for stale in self.folder.glob(f"{FILE_NAME}.*.tmp"):  # left by a killed writer
                with suppress(OSError):
                    stale.unlink()
            data = self._read_under_lock()
            change(data)
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return data

    def set_aside_files(self) -> list[Path]:
        """Earlier journal files that could not be read, oldest first."""
        return sorted(self.folder.glob("journal.corrupt-*.json"))

    # -- entries -------------------------------------------------------------------------

    def entry(self, prompt_id: str, data: dict | None = None) -> dict | None:
        """The saved entry for one prompt, or None."""
        found = (self.read() if data is None else data)["prompts"].get(prompt_id)
        return found if isinstance(found, dict) else None

    def save_prompt(self, prompt_id: str, text: str, prompt: str = "", notebook: str = "") -> dict:
        """Save what the student wrote for one prompt; return the saved entry."""
        entry = {"prompt": prompt, "notebook": notebook, "text": text, "updated": now()}
        self.update(lambda data: data["prompts"].__setitem__(prompt_id, entry))
        return entry

    def record_quiz(self, question_id: str, *, notebook: str, question: str, chosen: str,
                    correct: bool) -> dict:
        """Record an answer to a quiz question; the first answer ever decides `first_try_correct`."""
        result: dict = {}

        def change(data: dict) -> None:
            before = data["quiz"].get(question_id)
            before = before if isinstance(before, dict) else {}
            attempts = before.get("attempts")
            if not isinstance(attempts, int):
                attempts = 1 if before else 0
            result.update({
                "notebook": notebook, "question": question, "chosen": chosen,
                "correct": bool(correct), "answered": now(), "attempts": attempts + 1,
                "first_try_correct": bool(before.get("first_try_correct", before.get("correct", correct))),
            })
            data["quiz"][question_id] = result

        self.update(change)
        return result

    def record_claims(self, answers: dict[str, dict], total: int) -> dict:
        """Merge claim-checker answers into the journal and recount the tally; return the section."""
        section: dict = {}

        def change(data: dict) -> None:
            claims = data["claims"]
            saved = claims.setdefault("answers", {})
            stamp = now()
            for claim_id, answer in answers.items():
                saved[claim_id] = {**answer, "saved": stamp}
            kept = [a for a in saved.values() if isinstance(a, dict) and a.get("chosen")]
            claims.update({"matched": sum(bool(a.get("matched")) for a in kept),
                           "classified": len(kept), "total": total, "saved": stamp})
            section.update(claims)

        self.update(change)
        return section

    # -- export --------------------------------------------------------------------------

    def export(self, cwd: Path | str | None = None) -> Export:
        """Write my_journal.md and my_journal.html into the work folder; return their links."""
        data = self.read()
        markdown, page = markdown_text(data), html_page(data)
        md_path = self.folder / f"{EXPORT_NAME}.md"
        html_path = self.folder / f"{EXPORT_NAME}.html"
        write_atomic(md_path, markdown)
        write_atomic(html_path, page)
        return Export(md_path, html_path, markdown, page, Path(cwd) if cwd else Path.cwd(),
                      self.notice, [p.name for p in self.set_aside_files()])


# -- what the export says ------------------------------------------------------------------


def _s(value: object) -> str:
    """Any hand-edited value as text."""
    return "" if value is None else str(value)


def quiz_scores(data: dict) -> dict[str, dict[str, int]]:
    """Per lesson: answered, correct on the first try, correct now."""
    scores: dict[str, dict[str, int]] = {}
    for entry in data["quiz"].values():
        if not isinstance(entry, dict):
            continue
        score = scores.setdefault(_s(entry.get("notebook")) or "(no lesson)",
                                  {"answered": 0, "first_try": 0, "correct": 0})
        score["answered"] += 1
        score["first_try"] += bool(entry.get("first_try_correct", entry.get("correct")))
        score["correct"] += bool(entry.get("correct"))
    return dict(sorted(scores.items()))


def score_words(score: dict[str, int]) -> str:
    """'3 correct of 4 answered on the first try (4 correct after trying again)'."""
    words = f"{score['first_try']} correct of {score['answered']} answered on the first try"
    if score["correct"] != score["first_try"]:
        words += f" ({score['correct']} correct after trying again)"
    return words


def _prompts(data: dict) -> list[tuple[str, dict]]:
    entries = [(pid, e) for pid, e in data["prompts"].items() if isinstance(e, dict)]
    return sorted(entries, key=lambda item: (_s(item[1].get("notebook")), _s(item[1].get("updated"))))


def _questions(data: dict) -> list[tuple[str, dict]]:
    entries = [(qid, e) for qid, e in data["quiz"].items() if isinstance(e, dict)]
    return sorted(entries, key=lambda item: (_s(item[1].get("notebook")), _s(item[1].get("answered"))))


def _claims(data: dict) -> list[tuple[str, dict]]:
    entries = [(cid, a) for cid, a in data["claims"].get("answers", {}).items() if isinstance(a, dict)]
    return sorted(entries, key=lambda item: (_s(item[1].get("paragraph")).zfill(3), item[0]))


def _verdict(correct: object) -> str:
    look = style.FEEDBACK["right" if correct else "wrong"]
    return f"{look.icon} {look.label}"


def _md(text: object) -> str:
    """Text for Markdown: backslash-escape what could become HTML or a link."""
    out = _s(text)
    for char in "\\<>[]`":
        out = out.replace(char, "\\" + char)
    return out


def _md_quote(text: object) -> str:
    lines = _md(text).splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def markdown_text(data: dict) -> str:
    """The journal as one readable Markdown file."""
    out = ["# My journal — Indivisible Security?", "",
           f"Exported {now()}. {BINDER_WARNING}", "", "## Reflections", ""]
    prompts = _prompts(data)
    if not prompts:
        out += ["No reflections written yet.", ""]
    for pid, e in prompts:
        out += [f"### {_md(e.get('notebook')) or 'Reflection'} — {_md(pid)}", "",
                f"*Last saved {_md(e.get('updated'))}*", "", "**Prompt:**", "",
                _md_quote(e.get("prompt")), "", "**What I wrote:**", "", _md_quote(e.get("text")), ""]
    out += ["## Quiz", ""]
    scores = quiz_scores(data)
    if not scores:
        out += ["No quiz questions answered yet.", ""]
    for lesson, score in scores.items():
        out += [f"### {_md(lesson)}: {score_words(score)}", ""]
        for qid, e in _questions(data):
            if (_s(e.get("notebook")) or "(no lesson)") == lesson:
                out.append(f"- {_verdict(e.get('correct'))} — {_md(e.get('question'))} "
                           f"My answer: {_md(e.get('chosen'))} "
                           f"({_md(e.get('attempts', 1))} attempt(s), last {_md(e.get('answered'))}; "
                           f"question {_md(qid)})")
        out.append("")
    out += ["## Claim checker", ""]
    claims = data["claims"]
    if not _claims(data):
        out += ["No claims checked yet.", ""]
    else:
        out += [f"{_md(claims.get('matched'))} of {_md(claims.get('classified'))} classifications "
                f"matched the lesson's reading (saved {_md(claims.get('saved'))}).", ""]
        for cid, a in _claims(data):
            out.append(f"- Paragraph {_md(a.get('paragraph'))}: “{_md(a.get('excerpt'))}” — "
                       f"I said: {_md(style.claim_kind(_s(a.get('chosen'))).label)}; "
                       f"the lesson's reading: {_md(style.claim_kind(_s(a.get('kind'))).label)} "
                       f"({_verdict(a.get('matched'))}; claim {_md(cid)})")
            if _s(a.get("check")).strip():
                out.append(f"  - How I would check it: {_md(a.get('check'))}")
        out.append("")
    return "\n".join(out)


_CSS = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5;
       max-width: 48em; margin: 2em auto; padding: 0 1em; color: #111; }
.text { white-space: pre-wrap; border-left: 4px solid #56B4E9; padding: 0.3em 0.8em; background: #F7F7F7; }
.meta { color: #444; font-size: 0.9em; }
.warning { border: 2px solid #6B4E00; padding: 0.5em 0.8em; }
"""


def html_page(data: dict) -> str:
    """The journal as one self-contained web page; every stored value is HTML-escaped."""
    parts = [f"<p class='warning'><strong>{style.FEEDBACK['warning'].icon} {esc(BINDER_WARNING)}"
             f"</strong></p><p class='meta'>Exported {esc(now())}.</p><h2>Reflections</h2>"]
    prompts = _prompts(data)
    if not prompts:
        parts.append("<p>No reflections written yet.</p>")
    for pid, e in prompts:
        parts.append(
            f"<section><h3>{esc(e.get('notebook')) or 'Reflection'} — {esc(pid)}</h3>"
            f"<p class='meta'>Last saved {esc(e.get('updated'))}</p>"
            f"<p><strong>Prompt:</strong> {esc(e.get('prompt'))}</p>"
            f"<p><strong>What I wrote:</strong></p><div class='text'>{esc(e.get('text'))}</div></section>"
        )
    parts.append("<h2>Quiz</h2>")
    scores = quiz_scores(data)
    if not scores:
        parts.append("<p>No quiz questions answered yet.</p>")
    for lesson, score in scores.items():
        items = "".join(
            f"<li><strong>{esc(_verdict(e.get('correct')))}</strong> — {esc(e.get('question'))} "
            f"My answer: {esc(e.get('chosen'))} <span class='meta'>({esc(e.get('attempts', 1))} "
            f"attempt(s), last {esc(e.get('answered'))}; question {esc(qid)})</span></li>"
            for qid, e in _questions(data) if (_s(e.get("notebook")) or "(no lesson)") == lesson
        )
        parts.append(f"<h3>{esc(lesson)}: {esc(score_words(score))}</h3><ul>{items}</ul>")
    parts.append("<h2>Claim checker</h2>")
    claims = data["claims"]
    if not _claims(data):
        parts.append("<p>No claims checked yet.</p>")
    else:
        parts.append(f"<p>{esc(claims.get('matched'))} of {esc(claims.get('classified'))} "
                     f"classifications matched the lesson's reading "
                     f"<span class='meta'>(saved {esc(claims.get('saved'))})</span>.</p><ul>")
        for cid, a in _claims(data):
            check = _s(a.get("check")).strip()
            parts.append(
                f"<li>Paragraph {esc(a.get('paragraph'))}: “{esc(a.get('excerpt'))}” — I said: "
                f"{esc(style.claim_kind(_s(a.get('chosen'))).label)}; the lesson's reading: "
                f"{esc(style.claim_kind(_s(a.get('kind'))).label)} "
                f"<strong>({esc(_verdict(a.get('matched')))})</strong> <span class='meta'>claim {esc(cid)}"
                "</span>"
                + (f"<div class='text'>How I would check it: {esc(check)}</div>" if check else "")
                + "</li>"
            )
        parts.append("</ul>")
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            "<title>My journal — Indivisible Security?</title>"
            f"<style>{_CSS}</style></head><body><h1>My journal — Indivisible Security?</h1>"
            + "".join(parts) + "</body></html>\n")


@dataclass(repr=False)
class Export:
    """The two exported files, and links to download them (shown when displayed)."""

    markdown_path: Path
    html_path: Path
    markdown: str
    html: str
    cwd: Path
    notice: str | None = None
    set_aside: list[str] | None = None

    def relative_href(self, path: Path) -> str | None:
        """A link to the saved file relative to the notebook's folder (JupyterLab opens it)."""
        try:
            rel = os.path.relpath(path, self.cwd)
        except ValueError:  # another drive on Windows
            return None
        return urllib.parse.quote(Path(rel).as_posix())

    @staticmethod
    def data_uri(text: str, mime: str) -> str:
        """The whole file inside the link, so downloading it needs no server path (Binder)."""
        return f"data:{mime};base64,{base64.b64encode(text.encode('utf-8')).decode('ascii')}"

    def links_html(self) -> str:
        rows = []
        for path, text, mime, kind in ((self.markdown_path, self.markdown, "text/markdown", "Markdown"),
                                       (self.html_path, self.html, "text/html", "web page (HTML)")):
            saved = ""
            href = self.relative_href(path)
            if href:
                saved = f' · <a href="{esc(href)}" target="_blank">open the saved copy</a>'
            rows.append(f'<li>{kind}: <a download="{esc(path.name)}" href="{self.data_uri(text, mime)}">'
                        f"download {esc(path.name)}</a>{saved}</li>")
        warning = style.FEEDBACK["warning"]
        notes = ""
        if self.notice:
            notes += f"<p>{warning.icon} {esc(self.notice)}</p>"
        if self.set_aside:
            notes += ("<p>Earlier journal files that could not be read are still in the folder: "
                      f"{esc(', '.join(self.set_aside))}.</p>")
        return (f"<div class='standoff-export'><p><strong>{warning.icon} {esc(BINDER_WARNING)}"
                f"</strong></p><p>Your journal was exported:</p><ul>{''.join(rows)}</ul>"
                f"<p>Saved in the folder <code>{esc(self.markdown_path.parent)}</code>.</p>{notes}</div>")

    def _repr_html_(self) -> str:
        return self.links_html()

    def __repr__(self) -> str:
        return (f"Your journal was exported to {self.markdown_path} and {self.html_path}. "
                f"{BINDER_WARNING}")


def export(*, journal: Journal | None = None) -> Export:
    """Write the journal as Markdown and HTML into the work folder; show download links."""
    return (journal or Journal()).export()


# -- the prompt widget ---------------------------------------------------------------------


class Reflection(WidgetView):
    """A journal prompt above a text box; what the student writes is saved as they type.

    A change starts a timer; when it fires (after `SAVE_DELAY` seconds) the latest
    text is saved, so typing saves at most about once a second. "Save now" saves at
    once; tests call `flush()` (save any unsaved change) or `save_now()`.
    """

    SAVE_DELAY = 1.0

    def __init__(self, prompt_id: str, text: str | None = None, *, notebook: str | None = None,
                 journal: Journal | None = None):
        self.prompt_id = prompt_id
        self.journal = journal or Journal()
        skill = ""
        if text is None:
            from .data import load

            rows = load().reflections
            row = rows[rows["id"] == prompt_id]
            if row.empty:
                raise ValueError(f"reflections.csv has no prompt with id {prompt_id!r}; "
                                 "add a row to reflections.csv or pass the prompt as text=")
            text, skill = row.iloc[0]["prompt"], row.iloc[0]["skill"]
            notebook = notebook or row.iloc[0]["notebook"]
        self.prompt_text = str(text)
        self.notebook = notebook or ""
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._dirty = False
        saved, problem = None, ""
        try:
            saved = self.journal.entry(prompt_id)
        except OSError as err:
            problem = f"Your journal could not be opened ({err}). What you write now may not be saved."
        skill_html = f"<p class='standoff-skill'><em>Skill:</em> {esc(skill)}</p>" if skill else ""
        self.heading = parts.html(f"<div class='standoff-prompt'>{skill_html}"
                                  f"<p><strong>{esc(self.prompt_text)}</strong></p></div>")
        self.text = w.Textarea(value=_s(saved.get("text")) if saved else "", rows=6,
                               description="Your answer",
                               style=parts.style(w.Textarea, description_width="initial"),
                               placeholder="Write here. It is saved as you type.",
                               layout=parts.layout(width="95%"))
        self.save_button = parts.button("Save now", icon="save",
                                        tooltip="Save this answer to your journal now")
        self.status = parts.html()
        self.notice = parts.html()
        warning = self.journal.notice or problem
        if warning:
            self.notice.value = (f"<p role='alert'><strong>{style.FEEDBACK['warning'].icon} "
                                 f"Please note:</strong> {esc(warning)}</p>")
        if saved:
            self._say(f"Restored what you wrote (last saved {_s(saved.get('updated'))}).")
        else:
            self._say("Nothing saved yet.")
        self.text.observe(self._changed, names="value")
        self.save_button.on_click(lambda _button: self.save_now())
        self.widget = parts.vbox([self.heading, self.notice, self.text,
                                  parts.hbox([self.save_button, self.status])])

    def static_html(self) -> str:
        return (f"{self.heading.value}<p><em>Write your answer in the live notebook; "
                "it is saved in your journal.</em></p>")

    def _say(self, words: str, icon: str = "") -> None:
        self.status.value = f"<span role='status'>{icon + ' ' if icon else ''}{esc(words)}</span>"

    def write(self, text: str) -> None:
        """Type into the box, as a student does (the autosave timer starts)."""
        self.text.value = text

    def _changed(self, _change=None) -> None:
        with self._lock:
            self._dirty = True
            if self._timer is None:
                self._timer = threading.Timer(self.SAVE_DELAY, self.flush)
                self._timer.daemon = False  # a pending save finishes before the kernel exits
                self._timer.start()

    @property
    def unsaved(self) -> bool:
        """True while a change is waiting for the autosave timer."""
        return self._dirty

    def flush(self) -> bool:
        """Save now if anything changed since the last save; True if it saved."""
        return self._save(only_if_changed=True)

    def save_now(self) -> bool:
        """Save now, changed or not (the "Save now" button); True if it saved."""
        return self._save(only_if_changed=False)

    def _save(self, only_if_changed: bool) -> bool:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if only_if_changed and not self._dirty:
                return False
            self._dirty = False
            value = self.text.value
            try:
                entry = self.journal.save_prompt(self.prompt_id, value, self.prompt_text, self.notebook)
            except OSError as err:
                self._dirty = True
                self._say(f"Could not save ({err}). Copy your text somewhere safe.",
                          style.FEEDBACK["wrong"].icon)
                return False
        if self.journal.notice:
            self.notice.value = (f"<p role='alert'><strong>{style.FEEDBACK['warning'].icon} "
                                 f"Please note:</strong> {esc(self.journal.notice)}</p>")
        self._say(f"Saved at {entry['updated'][11:19]}.", style.FEEDBACK["right"].icon)
        return True


def prompt(prompt_id: str, text: str | None = None, *, journal: Journal | None = None) -> Reflection:
    """Show a reflection prompt (from reflections.csv, or `text`) with a box that saves itself."""
    return Reflection(prompt_id, text, journal=journal)

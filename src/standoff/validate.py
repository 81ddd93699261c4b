"""Check the CSV tables against their schema and against each other.

Every problem names the file, the row as a spreadsheet counts it (the header is
row 1), the column, the bad value and what was expected, in words a teacher who
does not read Python can act on. All problems are collected, not only the first,
so one run of `check-data` shows everything to fix.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .schema import Field, Table


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, located precisely enough to fix by hand."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        if self.value is None:
            return f"{where}: {self.expected}"
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return f"{where}: found {shown!r} — expected {self.expected}"


def read_rows(path: Path, table: Table) -> tuple[list[dict[str, str]], list[Problem]]:
    """Read one CSV file as text rows; report unreadable files and missing columns."""
    name = path.name
    if not path.exists():
        return [], [Problem(name, None, None, None, "this file is missing from the data folder")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [], [
            Problem(name, line, None, None, "text encoded as UTF-8 (save the file as 'CSV UTF-8')")
        ]
    if not text.strip():
        return [], [Problem(name, None, None, None, "a header row and data rows; the file is empty")]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [f.name for f in table.fields if f.name not in header]
    problems = [
        Problem(name, 1, column, None, "this column in the header row; it is missing")
        for column in missing
    ]
    rows = []
    for raw_row in reader:
        extra = raw_row.pop(None, None)
        row = {(k or "").strip(): (v or "").strip() for k, v in raw_row.items()}
        if extra:
            problems.append(
                Problem(name, reader.line_num, None, ",".join(extra),
                        f"at most {len(header)} cells in this row (check for a stray comma)")
            )
        rows.append(row)
    return rows, problems


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _cell_problems(table: Table, field: Field, row_no: int, value: str) -> list[Problem]:
    """Check one cell against its field's type and constraints."""
    file = table.path.split("/")[-1]

    def problem(expected: str) -> Problem:
        return Problem(file, row_no, field.name, value, expected)

    if not value:
        return [problem("a value; this column must not be empty")] if field.required else []
    items = value.split(field.separator) if field.separator else [value]
    items = [i.strip() for i in items]
    found = []
    for item in items:
        if field.type == "date" and not _is_date(item):
            found.append(problem("a real date written YYYY-MM-DD, e.g. 2014-03-18"))
        elif field.type == "integer" and not re.fullmatch(r"-?\d+", item):
            found.append(problem("a whole number"))
        elif field.enum and item not in field.enum:
            found.append(problem("one of: " + ", ".join(field.enum)))
        elif field.pattern and not re.fullmatch(field.pattern, item):
            found.append(problem(_pattern_words(field)))
    if field.max_length and len(value) > field.max_length:
        found.append(problem(f"at most {field.max_length} characters (it has {len(value)})"))
    if field.max_words and len(value.split()) > field.max_words:
        found.append(problem(f"at most {field.max_words} words (it has {len(value.split())})"))
    return found


def _pattern_words(field: Field) -> str:
    """Say in words what a field's pattern asks for."""
    if field.name == "url" or field.name.endswith("_url"):
        return "a web address starting with http:// or https://"
    return field.description or f"text matching the pattern {field.pattern}"


def check_table(table: Table, rows: list[dict[str, str]]) -> list[Problem]:
    """Check every cell of one table, and that its ids are unique."""
    file = table.path.split("/")[-1]
    problems: list[Problem] = []
    seen: dict[str, dict[str, int]] = {f.name: {} for f in table.fields if f.unique}
    for index, row in enumerate(rows):
        row_no = index + 2
        for field in table.fields:
            if field.name not in row:
                continue
            value = row[field.name]
            problems += _cell_problems(table, field, row_no, value)
            if field.unique and value:
                first = seen[field.name].setdefault(value, row_no)
                if first != row_no:
                    problems.append(Problem(file, row_no, field.name, value,
                                            f"a unique value; row {first} already uses it"))
    return problems


def check_references(
    tables: dict[str, Table], rows: dict[str, list[dict[str, str]]]
) -> list[Problem]:
    """Check that every id a row points at exists in the table it points to."""
    problems: list[Problem] = []
    for table in tables.values():
        file = table.path.split("/")[-1]
        links = [(f.name, f.references) for f in table.fields if f.references]
        links += [(col, (res, target)) for col, res, target in table.foreign_keys]
        for column, (target_table, target_field) in links:
            known = {r.get(target_field, "") for r in rows.get(target_table, [])}
            separator = next((f.separator for f in table.fields if f.name == column), None)
            for index, row in enumerate(rows.get(table.name, [])):
                value = row.get(column, "")
                items = value.split(separator) if separator and value else [value]
                for item in (i.strip() for i in items):
                    if item and item not in known:
                        problems.append(Problem(
                            file, index + 2, column, item,
                            f"an existing '{target_field}' in {target_table}.csv",
                        ))
    return problems


def check_events_in_eras(rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """An event's date must fall inside its era, and a span must not end before it starts."""
    eras = {e.get("id"): (e.get("start", ""), e.get("end", "")) for e in rows.get("eras", [])}
    problems = []
    for index, event in enumerate(rows.get("events", [])):
        date, end, era = event.get("date", ""), event.get("end_date", ""), event.get("era", "")
        if not (_is_date(date) and era in eras):
            continue
        start, stop = eras[era]
        if _is_date(start) and _is_date(stop) and not start <= date <= stop:
            problems.append(Problem("events.csv", index + 2, "era", era,
                                    f"the era whose years include {date} ({era} runs {start} to {stop})"))
        if end and _is_date(end) and end < date:
            problems.append(Problem("events.csv", index + 2, "end_date", end,
                                    f"a date on or after the start date {date}"))
    return problems


def check_quiz_answers(rows: dict[str, list[dict[str, str]]]) -> list[Problem]:
    """A quiz answer must be one of its choices, letter for letter."""
    problems = []
    for index, question in enumerate(rows.get("quiz", [])):
        choices = [c.strip() for c in question.get("choices", "").split("|")]
        answer = question.get("answer", "")
        if answer and answer not in choices:
            problems.append(Problem("quiz.csv", index + 2, "answer", answer,
                                    "exactly one of the choices in this row: " + " | ".join(choices)))
    return problems

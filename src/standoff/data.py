"""Load the collection's facts from `data/` as typed, validated DataFrames.

Notebooks and widgets never read a CSV themselves: they ask `load()`, which
checks every table against `datapackage.json` first. Bad data stops with a list
of every problem (file, row, column, value, what was expected) rather than
showing students a half-loaded table.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .schema import DEFAULT_DATA_DIR, Table, read_schema
from .validate import (
    Problem,
    check_events_in_eras,
    check_quiz_answers,
    check_references,
    check_table,
    read_rows,
)


class DataValidationError(ValueError):
    """The data folder has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the data:\n{lines}")


class Tables(dict):
    """The loaded tables, by name; also readable as attributes (`tables.events`)."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def indexed(self, name: str, key: str = "id") -> pd.DataFrame:
        """A table indexed by one of its columns, made once and kept.

        A lesson looks sources up by id hundreds of times (every event, quote and
        card names its sources); re-indexing the table for each lookup was a
        visible part of what a lesson cost to run. Shared like the tables: do not change it.
        """
        kept = self.__dict__.setdefault("_indexed", {})
        if (name, key) not in kept:
            kept[(name, key)] = self[name].set_index(key)
        return kept[(name, key)]


def _schema_for(data_dir: Path) -> dict[str, Table]:
    """A teacher's copy of the data may lack `datapackage.json`: use the shipped one."""
    has_own = (data_dir / "datapackage.json").exists()
    return read_schema(data_dir if has_own else DEFAULT_DATA_DIR)


def check(data_dir: Path | str | None = None) -> tuple[list[Problem], dict[str, list[dict]]]:
    """Validate every table; return all problems and the rows as read."""
    data_dir = data_dir_in_use(data_dir)
    schema = _schema_for(data_dir)
    problems: list[Problem] = []
    rows: dict[str, list[dict[str, str]]] = {}
    for name, table in schema.items():
        table_rows, read_problems = read_rows(data_dir / table.path, table)
        rows[name] = table_rows
        problems += read_problems
        problems += check_table(table, table_rows)
    problems += check_references(schema, rows)
    problems += check_events_in_eras(rows)
    problems += check_quiz_answers(rows)
    return problems, rows


def _typed(table: Table, rows: list[dict[str, str]]) -> pd.DataFrame:
    """Turn text rows into a DataFrame: dates parsed, lists split, numbers as ints."""
    frame = pd.DataFrame(rows, columns=table.field_names, dtype=object).fillna("")
    for f in table.fields:
        if f.separator:
            frame[f.name] = [
                [item.strip() for item in v.split(f.separator) if item.strip()] for v in frame[f.name]
            ]
        elif f.type == "date":
            frame[f.name] = pd.to_datetime(frame[f.name].replace("", None), format="%Y-%m-%d")
        elif f.type == "integer":
            frame[f.name] = pd.to_numeric(frame[f.name]).astype("Int64")
    return frame


@lru_cache(maxsize=8)
def _load(data_dir: Path) -> Tables:
    problems, rows = check(data_dir)
    if problems:
        raise DataValidationError(problems)
    schema = _schema_for(data_dir)
    return Tables({name: _typed(schema[name], rows[name]) for name in schema})


def data_dir_in_use(data_dir: Path | str | None = None) -> Path:
    """The folder to read: the argument, else $STANDOFF_DATA_DIR (a teacher's copy), else ours."""
    chosen = data_dir or os.environ.get("STANDOFF_DATA_DIR")
    return Path(chosen).resolve() if chosen else DEFAULT_DATA_DIR


def load(data_dir: Path | str | None = None) -> Tables:
    """Every table, validated and typed. Cached: call it as often as you like.

    The frames are shared between callers; copy one before changing it.
    """
    return _load(data_dir_in_use(data_dir))


def load_events(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The events table, sorted by date."""
    return load(data_dir).events.sort_values("date", kind="stable").reset_index(drop=True)

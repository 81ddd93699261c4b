"""Read the table schemas from `data/datapackage.json`.

The data package is the single description of every table: the loader, the
`check-data` command and `frictionless validate` all read the same file, so a
teacher who adds a column documents it in one place.

Beyond the Frictionless Table Schema, two field properties are ours
(Frictionless ignores them):
- `separator`: the cell holds a list, e.g. `"RUS;UKR"` with separator `;`.
- `x-references`: `"table.field"` that every item of a list cell must exist in
  (Frictionless foreign keys cannot look inside lists).
- `x-maxWords`: an upper bound on words, for summaries written in our voice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Field:
    """One column: its name, type and the constraints a cell must meet."""

    name: str
    type: str = "string"
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    max_length: int | None = None
    max_words: int | None = None
    separator: str | None = None
    references: tuple[str, str] | None = None
    description: str = ""


@dataclass(frozen=True)
class Table:
    """One CSV file and the rules for its rows."""

    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: str | None = None
    foreign_keys: tuple[tuple[str, str, str], ...] = field(default=())

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _field(descriptor: dict) -> Field:
    constraints = descriptor.get("constraints", {})
    references = descriptor.get("x-references")
    return Field(
        name=descriptor["name"],
        type=descriptor.get("type", "string"),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=tuple(constraints.get("enum", ())),
        pattern=constraints.get("pattern"),
        max_length=constraints.get("maxLength"),
        max_words=descriptor.get("x-maxWords"),
        separator=descriptor.get("separator"),
        references=tuple(references.split(".", 1)) if references else None,
        description=descriptor.get("description", ""),
    )


def _table(resource: dict) -> Table:
    schema = resource["schema"]
    foreign_keys = tuple(
        (fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
        for fk in schema.get("foreignKeys", [])
    )
    return Table(
        name=resource["name"],
        path=resource["path"],
        fields=tuple(_field(f) for f in schema["fields"]),
        primary_key=schema.get("primaryKey"),
        foreign_keys=foreign_keys,
    )


def read_schema(data_dir: Path | str | None = None) -> dict[str, Table]:
    """Return every table described in `datapackage.json`, keyed by name."""
    data_dir = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: _table(r) for r in descriptor["resources"]}

"""The column's claims, classified by the student, then revealed.

`checker()` walks the claims in claims.csv in paragraph order. For each one the
student reads the excerpt, says what kind of statement it is (fact,
interpretation, value judgement or prediction) and, for a fact, how they would
check it; "Reveal" then shows the lesson's reading, the assessment, what the
record shows and the sources. A tally counts how many classifications matched,
and "Save to my journal" keeps the answers for export.

`summary()` is the same claims as one static page, each kind marked with its
label and icon: a reading aid a teacher can project.

Only the excerpts in claims.csv are shown: the package ships nothing else of
the column.
"""

from __future__ import annotations

import re

import ipywidgets as w
import pandas as pd
from IPython.display import HTML

from . import parts, style
from .cards import sources_list_html
from .journal import Journal
from .render import WidgetView
from .text import esc

KINDS = tuple(style.CLAIM_KINDS)

MEANINGS = {
    "fact": "says what happened or what is the case; a record could show it true or false",
    "interpretation": "explains why something happened or what it means",
    "value_judgement": "says whether something is good or bad, right or wrong, wise or foolish",
    "prediction": "says what will or could happen next",
}


ASSESSMENTS = {
    "accurate": "Accurate",
    "accurate_but_incomplete": "Accurate but incomplete",
    "misleading": "Misleading",
    "inaccurate": "Inaccurate",
    "unverified": "Unverified",
    "contested": "Contested",
}
"""Words for the assessment codes; an assessment written out in full is shown as it is."""

NO_RECORD = ("A value judgement cannot be checked against a record: ask whose values it expresses "
             "and what reasons the writer gives for it.")


def where(paragraph: object) -> str:
    """'Headline and byline' for paragraph 0 (the lines above the text), else 'Paragraph 4'."""
    return "Headline and byline" if str(paragraph) == "0" else f"Paragraph {paragraph}"


def kind_html(kind: str) -> str:
    """A claim kind as icon and label (never colour alone)."""
    look = style.claim_kind(kind)
    return f"<span class='standoff-kind'>{esc(look.icon)} {esc(look.label)}</span>"


def assessment_html(claim) -> str:
    """The assessment in words: a code such as 'accurate_but_incomplete' becomes
    'Accurate but incomplete'; for a prediction it says what happened next."""
    value = str(claim["assessment"] or "").strip()
    if not value:
        return ""
    if re.fullmatch(r"[a-z_]+", value):
        value = ASSESSMENTS.get(value, value.replace("_", " ").capitalize())
    label = "What happened next" if claim["kind"] == "prediction" else "Assessment"
    return f"<p><em>{label}:</em> {esc(value)}</p>"


def record_html(claim, sources: pd.DataFrame) -> str:
    """What the record shows and its sources (links), or why a value judgement has none."""
    record = str(claim["record"] or "").strip()
    parts = []
    if record:
        parts.append(f"<p><em>What the record shows:</em> {esc(record)}</p>")
    elif claim["kind"] == "value_judgement":
        parts.append(f"<p><em>{esc(NO_RECORD)}</em></p>")
    if len(claim["source_ids"]):
        parts.append(f"<p><em>Sources:</em></p>{sources_list_html(claim['source_ids'], sources)}")
    return "".join(parts)


def in_order(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims in paragraph order, keeping the file's order within a paragraph."""
    return claims.sort_values("paragraph", kind="stable").reset_index(drop=True)


def _tables(claims: pd.DataFrame | None, sources: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    if claims is None or sources is None:
        from .data import load

        tables = load()
        claims = tables.claims if claims is None else claims
        sources = tables.sources if sources is None else sources
    return in_order(claims), (sources.set_index("id") if "id" in sources.columns else sources)


def _key_html() -> str:
    items = "".join(f"<li>{kind_html(k)}: {esc(MEANINGS[k])}</li>" for k in KINDS)
    return f"<details><summary>What do the four kinds mean?</summary><ul>{items}</ul></details>"


class ClaimChecker(WidgetView):
    """Classify each claim, then reveal the lesson's reading; a tally the student can save."""

    def __init__(self, claims: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                 journal: Journal | None = None):
        self.claims, self.sources = _tables(claims, sources)
        self.journal = journal or Journal()
        self.answers: dict[str, dict] = {
            cid: {"chosen": None, "check": "", "revealed": False} for cid in self.claims["id"]
        }
        self.index = 0
        self.heading = parts.html()
        self.excerpt = parts.html()
        self.kind = w.ToggleButtons(
            options=[(f"{style.CLAIM_KINDS[k].icon} {style.CLAIM_KINDS[k].label}", k) for k in KINDS],
            value=None, description="This is a",
            style=parts.style(w.ToggleButtons, description_width="initial"),
            tooltips=[MEANINGS[k] for k in KINDS],
        )
        self.how = w.Textarea(description="How would you check it?", rows=2,
                              placeholder="e.g. which document or record would show it",
                              style=parts.style(w.Textarea, description_width="initial"),
                              layout=parts.own_layout(width="95%"))  # shown only for a fact
        self.reveal_button = parts.button("Reveal", icon="eye", button_style="primary",
                                          tooltip="Show the lesson's reading of this claim")
        self.prev_button = parts.button("Previous claim", icon="arrow-left")
        self.next_button = parts.button("Next claim", icon="arrow-right")
        self.result = parts.html()
        self.tally_html = parts.html()
        self.save_button = parts.button("Save to my journal", icon="save",
                                        tooltip="Keep your classifications and tally in your journal")
        self.saved = parts.html()
        self.kind.observe(self._kind_changed, names="value")
        self.how.observe(self._how_changed, names="value")
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.prev_button.on_click(lambda _b: self.previous())
        self.next_button.on_click(lambda _b: self.next())
        self.save_button.on_click(lambda _b: self.save_to_journal())
        if self.claims.empty:
            self.widget = parts.vbox([parts.html("<p>There are no claims to check yet.</p>")])
            return
        self.widget = parts.vbox([
            parts.html(_key_html()), self.heading, self.excerpt, self.kind, self.how,
            parts.hbox([self.reveal_button, self.prev_button, self.next_button]), self.result,
            parts.hbox([self.save_button, self.saved]), self.tally_html,
        ])
        self.go(0)

    def static_html(self) -> str:
        return summary_html(self.claims, self.sources)

    @property
    def claim(self) -> pd.Series:
        """The claim on screen."""
        return self.claims.iloc[self.index]

    def _answer(self) -> dict:
        return self.answers[self.claim["id"]]

    # -- what a student does ---------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show claim `index` (in paragraph order), with whatever the student said about it."""
        self.index = max(0, min(index, len(self.claims) - 1))
        claim, answer = self.claim, self._answer()
        self.heading.value = (f"<p><strong>Claim {self.index + 1} of {len(self.claims)}</strong> · "
                              f"{esc(where(claim['paragraph']))}</p>")
        self.excerpt.value = f"<blockquote class='standoff-excerpt'>{quoted(claim['excerpt'])}</blockquote>"
        self.kind.value = answer["chosen"]
        self.how.value = answer["check"]
        self.kind.disabled = answer["revealed"]
        self.reveal_button.disabled = answer["revealed"]
        self.prev_button.disabled = self.index == 0
        self.next_button.disabled = self.index == len(self.claims) - 1
        self.result.value = self._reveal_html() if answer["revealed"] else ""
        self._show_how()
        self._update_tally()

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def classify(self, kind: str) -> None:
        """Say what kind of statement the claim is: 'fact', 'value_judgement', 'Value judgement'…"""
        key = str(kind).strip().lower().replace(" ", "_")
        if key not in KINDS:
            raise ValueError(f"{kind!r} is not a kind of claim; choose one of: {', '.join(KINDS)}")
        if not self._answer()["revealed"]:
            self.kind.value = key

    def explain_check(self, text: str) -> None:
        """Type how you would check a fact."""
        self.how.value = text

    def _kind_changed(self, change) -> None:
        if not self._answer()["revealed"]:
            self._answer()["chosen"] = change["new"]
        self._show_how()

    def _how_changed(self, change) -> None:
        self._answer()["check"] = change["new"]

    def _show_how(self) -> None:
        self.how.layout.display = None if self.kind.value == "fact" else "none"

    def reveal(self) -> None:
        """Show the lesson's reading, the assessment, the record and the sources; lock the choice."""
        self._answer()["revealed"] = True
        self.kind.disabled = True
        self.reveal_button.disabled = True
        self.result.value = self._reveal_html()
        self._update_tally()

    # -- what the student sees -------------------------------------------------------------

    def _reveal_html(self) -> str:
        claim, answer = self.claim, self._answer()
        chosen = answer["chosen"]
        if chosen is None:
            look = style.FEEDBACK["info"]
            verdict = f"{look.icon} Not classified. The lesson's reading: {kind_html(claim['kind'])}."
        else:
            look = style.FEEDBACK["right" if chosen == claim["kind"] else "wrong"]
            said = "Matches" if chosen == claim["kind"] else "Does not match"
            verdict = (f"{look.icon} {said}. You said: {kind_html(chosen)}. "
                       f"The lesson's reading: {kind_html(claim['kind'])}.")
        parts = [f"<p role='status'><strong>{verdict}</strong></p>", assessment_html(claim),
                 record_html(claim, self.sources)]
        if answer["check"].strip() and chosen == "fact":
            parts.append(f"<p><em>How you said you would check it:</em> {esc(answer['check'])}</p>")
        return (f"{style.WIDGET_CSS}<div class='standoff-reveal standoff-html' "
                f"style='border-left: 4px solid {look.colour}; padding-left: 0.6em'>{''.join(parts)}</div>")

    def tally(self) -> dict[str, int]:
        """Of the revealed claims: how many the student classified, and how many matched."""
        kinds = dict(zip(self.claims["id"], self.claims["kind"], strict=True))
        done = [(cid, a) for cid, a in self.answers.items() if a["revealed"] and a["chosen"]]
        return {"matched": sum(a["chosen"] == kinds[cid] for cid, a in done), "classified": len(done),
                "revealed": sum(a["revealed"] for a in self.answers.values()), "total": len(self.claims)}

    def _update_tally(self) -> None:
        t = self.tally()
        self.tally_html.value = (f"<p role='status'>Tally: <strong>{t['matched']} of {t['classified']}"
                                 f"</strong> classifications matched ({t['revealed']} of {t['total']} "
                                 "claims revealed).</p>")

    def save_to_journal(self) -> dict:
        """Keep the revealed claims' answers and the tally in the journal; return its claims section."""
        rows = self.claims.set_index("id")
        answers = {
            cid: {"paragraph": int(rows.loc[cid, "paragraph"]), "excerpt": rows.loc[cid, "excerpt"],
                  "chosen": a["chosen"], "kind": rows.loc[cid, "kind"],
                  "matched": a["chosen"] == rows.loc[cid, "kind"],
                  "check": a["check"] if a["chosen"] == "fact" else ""}
            for cid, a in self.answers.items() if a["revealed"] and a["chosen"]
        }
        try:
            section = self.journal.record_claims(answers, total=len(self.claims))
        except OSError as err:
            self.saved.value = (f"<span role='status'>{style.FEEDBACK['wrong'].icon} "
                                f"Could not save to your journal ({esc(err)}).</span>")
            return {}
        notice = f" {esc(self.journal.notice)}" if self.journal.notice else ""
        self.saved.value = (f"<span role='status'>{style.FEEDBACK['right'].icon} Saved to your journal: "
                            f"{section['matched']} of {section['classified']} matched.{notice}</span>")
        return section


def checker(*, journal: Journal | None = None) -> ClaimChecker:
    """The claim checker widget, over every claim in claims.csv."""
    return ClaimChecker(journal=journal)


_CELL = "text-align: left; vertical-align: top;"
"""JupyterLab right-aligns table cells; prose reads better from the left."""


def quoted(excerpt: str) -> str:
    """The excerpt in quotation marks, unless it already opens with its own (the column quotes itself)."""
    text = esc(excerpt)
    return text if excerpt[:1] in "“\"‘'" else f"“{text}”"


def summary_html(claims: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                 paragraph: int | None = None) -> str:
    """Every claim in paragraph order (or one paragraph's): where, excerpt, kind, assessment, record."""
    claims, sources = _tables(claims, sources)
    if paragraph is not None:
        claims = claims[claims["paragraph"] == paragraph]
    if claims.empty:
        return "<p>There are no claims to show yet.</p>"
    key = " · ".join(kind_html(k) for k in KINDS)
    rows = []
    for _, c in claims.iterrows():
        look = style.claim_kind(c["kind"])
        record = record_html(c, sources)
        if record:
            record = f"<details><summary>Record and sources</summary>{record}</details>"
        rows.append(
            f"<tr><th scope='row' style='{_CELL}'>{esc(where(c['paragraph']))}</th>"
            f"<td style='{_CELL}'>{quoted(c['excerpt'])}</td>"
            f"<td style='{_CELL} border-left: 6px solid {look.colour}'>{kind_html(c['kind'])}</td>"
            f"<td style='{_CELL}'>{assessment_html(c) or '<p>—</p>'}{record}</td></tr>"
        )
    return (f"<div class='standoff-claims'><p><strong>Key:</strong> {key}</p>"
            "<table class='standoff-table'><caption>The column's claims, in paragraph order</caption>"
            f"<thead><tr><th scope='col' style='{_CELL}'>Where</th>"
            f"<th scope='col' style='{_CELL}'>Claim (excerpt)</th><th scope='col' style='{_CELL}'>Kind</th>"
            f"<th scope='col' style='{_CELL}'>Assessment</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def summary(paragraph: int | None = None) -> HTML:
    """The claims as one static page a teacher can project (or one paragraph's claims)."""
    return HTML(summary_html(paragraph=paragraph))

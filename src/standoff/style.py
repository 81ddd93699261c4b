"""One visual vocabulary for every chart and card.

Colours come from the Okabe–Ito palette, which stays distinguishable for the
common forms of colour blindness; every colour is paired with a text label and a
symbol, so no perspective or category is ever told by colour alone. Labels are
the narrator's neutral names ("Russian government", not a loaded term).
"""

from __future__ import annotations

from dataclasses import dataclass

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


@dataclass(frozen=True)
class Look:
    """How one kind of thing is shown: label, colour, plotly marker symbol and a text icon."""

    label: str
    colour: str
    symbol: str
    icon: str


PERSPECTIVES = {
    "western": Look("NATO & Western governments", OKABE_ITO["blue"], "square", "■"),
    "russian": Look("Russian government", OKABE_ITO["vermillion"], "triangle-up", "▲"),
    "in_between": Look("Countries in between", OKABE_ITO["bluish_green"], "circle", "●"),
    "analysts": Look("Scholars & analysts", OKABE_ITO["reddish_purple"], "diamond", "◆"),
    "article": Look("The article", OKABE_ITO["orange"], "star", "★"),
}

CATEGORIES = {
    "military": Look("Military deployment", "#6B4E00", "triangle-right", "▶"),
    "treaty": Look("Treaty", OKABE_ITO["blue"], "square", "■"),
    "summit": Look("Summit", OKABE_ITO["orange"], "circle", "●"),
    "enlargement": Look("Enlargement", OKABE_ITO["bluish_green"], "diamond", "◆"),
    "war": Look("War", OKABE_ITO["vermillion"], "x", "✖"),
    "diplomacy": Look("Diplomacy", OKABE_ITO["sky_blue"], "triangle-up", "▲"),
    "arms_control": Look("Arms control", OKABE_ITO["reddish_purple"], "star", "★"),
    "domestic_politics": Look("Domestic politics", OKABE_ITO["black"], "hexagon", "⬢"),
    "media": Look("Media", "#8C6D00", "triangle-down", "▼"),
    "united_nations": Look("United Nations", "#4D4D4D", "pentagon", "⬟"),
}

ACTOR_GROUPS = {
    "western": PERSPECTIVES["western"],
    "russian": Look("Russia, USSR & allies", OKABE_ITO["vermillion"], "triangle-up", "▲"),
    "in_between": PERSPECTIVES["in_between"],
    "international": Look("International bodies", "#4D4D4D", "pentagon", "⬟"),
    "other": Look("Other states", "#8C8C8C", "circle-open", "○"),
}

FONT = {"family": "Arial, Helvetica, sans-serif", "size": 15}
"""Large enough to read when projected in a classroom."""


def perspective(key: str) -> Look:
    """The look for a perspective id; unknown ids get a neutral grey look with their id."""
    return PERSPECTIVES.get(key, Look(key, "#4D4D4D", "circle-open", "○"))


def category(key: str) -> Look:
    """The look for an event category; unknown categories get a neutral look."""
    return CATEGORIES.get(key, Look(key.replace("_", " ").capitalize(), "#4D4D4D", "circle-open", "○"))


CLAIM_KINDS = {
    "fact": Look("Fact", OKABE_ITO["sky_blue"], "square-open", "□"),
    "interpretation": Look("Interpretation", OKABE_ITO["orange"], "circle-open", "◐"),
    "value_judgement": Look("Value judgement", OKABE_ITO["reddish_purple"], "diamond-open", "⚖"),
    "prediction": Look("Prediction", OKABE_ITO["bluish_green"], "triangle-right-open", "➜"),
}
"""The kinds of statement the claim checker asks about; icons avoid the perspective symbols."""

FEEDBACK = {
    "right": Look("Correct", OKABE_ITO["bluish_green"], "circle", "✔"),
    "wrong": Look("Not quite", OKABE_ITO["vermillion"], "x", "✘"),
    "info": Look("Note", "#4D4D4D", "circle-open", "ℹ"),
    "warning": Look("Warning", "#6B4E00", "triangle-up-open", "⚠"),
}
"""Feedback is always said in words with an icon; the colour only repeats it."""


def claim_kind(key: str) -> Look:
    """The look for a claim kind; unknown kinds get a neutral look with their id in words."""
    return CLAIM_KINDS.get(key, Look(key.replace("_", " ").capitalize(), "#4D4D4D", "circle-open", "○"))


WIDGET_CSS = (
    "<style>.standoff-html a { color: #0B5CAD; text-decoration: underline; }"
    " .standoff-html td, .standoff-html th { text-align: left; vertical-align: top; }</style>"
)
"""Prefix for widget HTML that holds links: JupyterLab styles links only in outputs, not in
widgets, and a link must not look like plain text (nor be told by colour alone: underlined)."""

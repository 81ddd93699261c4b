"""Shared widget parts: one Layout or Style per setting, and a widget that hides itself never hides others."""

from __future__ import annotations

import ipywidgets as w
from ipywidgets.widgets.widget import _instances

from standoff import claims, framing, journal, parts, quiz


def models_made_by(build) -> dict[str, int]:
    """How many widget models of each kind `build()` sends to the browser."""
    before = set(_instances)
    build()
    made: dict[str, int] = {}
    for key in set(_instances) - before:
        kind = type(_instances[key]).__name__
        made[kind] = made.get(kind, 0) + 1
    return made


def test_one_layout_and_one_style_per_setting():
    assert parts.layout(width="auto") is parts.layout(width="auto")
    assert parts.layout(width="auto") is not parts.layout(width="95%")
    assert parts.style(w.Textarea, description_width="initial") is parts.style(
        w.Textarea, description_width="initial")
    assert type(parts.style(w.Textarea)).__name__ == "TextStyle"
    assert parts.own_layout(width="auto") is not parts.own_layout(width="auto")


def test_html_and_buttons_use_the_shared_parts():
    rich, plain = parts.html("<a href='https://example.org'>x</a>", rich=True), parts.html("y")
    assert "jp-RenderedHTMLCommon" in rich._dom_classes and "jp-RenderedHTMLCommon" not in plain._dom_classes
    assert rich.layout is plain.layout and rich.style is plain.style
    first, second = parts.button("One", icon="check"), parts.button("Two")
    assert first.layout is second.layout and first.layout.width == "auto"
    assert first.style is second.style and first.icon == "check"


def test_a_second_comparison_and_quiz_bring_no_new_layouts_or_styles(tmp_path):
    def build():
        return (framing.compare("kosovo_1999"), quiz.ask("02_2008", journal=journal.Journal(tmp_path)))

    build()
    made = models_made_by(build)
    assert not {"HTMLStyle", "ButtonStyle", "DescriptionStyle"} & set(made), made
    # Only a widget that changes its own layout gets one: each card's row of buttons, which
    # hides itself when there is one quote. The cards' coloured borders are shared.
    assert made["Layout"] == len(framing.compare("kosovo_1999").quote_cards), made


def test_hiding_one_widget_hides_no_other(tmp_path):
    checker = claims.checker(journal=journal.Journal(tmp_path))
    prompt = journal.prompt("r01-1", journal=journal.Journal(tmp_path))
    comparison = framing.compare("not_one_inch")
    checker.classify("value_judgement")
    assert checker.how.layout.display == "none"
    assert prompt.text.layout.display is None  # same width as the claim's text box, never hidden with it
    one_quote = [c for c in comparison.quote_cards.values() if c.children[1].layout.display == "none"]
    many = [c for c in comparison.quote_cards.values() if c.children[1].layout.display is None]
    assert one_quote and many, "the topic should have cards with one quote and cards with several"

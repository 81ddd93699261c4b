"""Widget parts made once per kernel and shared: layouts, styles, and the widgets built on them.

Every widget is a model the kernel sends to the browser when it is made, and by
default each HTML, Button or Box brings two more: its own Layout and its own
Style. A five-card comparison came to 78 models, most of them identical empty
layouts, and those messages were most of what a lesson cost to run beyond its
imports. ipywidgets lets one Layout or Style object be shared by any number of
widgets, so the helpers here hand out one per distinct setting.

A shared part must never be changed in place: `widget.layout.display = "none"`
would hide every widget that shares it. A widget that changes its own layout
gets a fresh one with `own_layout()`.
"""

from __future__ import annotations

from functools import cache

import ipywidgets as w


@cache
def layout(**css: str) -> w.Layout:
    """The one Layout with these CSS properties (e.g. width="auto"), shared: do not change it."""
    return w.Layout(**css)


def own_layout(**css: str) -> w.Layout:
    """A Layout for one widget alone, for a widget that shows or hides itself later."""
    return w.Layout(**css)


@cache
def style(widget_kind: type, **settings: str) -> w.Style:
    """The one Style for this kind of widget (e.g. `w.Textarea`) with these settings, shared.

    Each kind has its own Style class (a Textarea's is TextStyle), which ipywidgets
    does not all export; the widget's own `style` trait names it. Do not change it.
    """
    return widget_kind.class_traits()["style"].klass(**settings)


def html(value: str = "", rich: bool = False, **css: str) -> w.HTML:
    """An HTML widget on shared parts.

    `rich=True` makes JupyterLab style it as it styles Markdown, so links look
    like links and tables are ruled; a bare HTML widget shows a link as plain
    body text and a student would not see that a source title can be clicked.
    """
    widget = w.HTML(value, layout=layout(**css), style=style(w.HTML))
    return widget.add_class("jp-RenderedHTMLCommon") if rich else widget


def button(description: str, **options) -> w.Button:
    """A button as wide as its words, on shared parts; `options` are Button's own (icon, tooltip…)."""
    return w.Button(description=description, layout=layout(width="auto"), style=style(w.Button),
                    **options)


def vbox(children=(), **css: str) -> w.VBox:
    """A column of widgets on a shared layout."""
    return w.VBox(list(children), layout=layout(**css))


def hbox(children=(), **css: str) -> w.HBox:
    """A row of widgets on a shared layout; rows that hold buttons wrap on a narrow screen."""
    return w.HBox(list(children), layout=layout(**css))

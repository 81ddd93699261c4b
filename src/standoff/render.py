"""Put a plotly figure and its text alternative on the page.

The figure goes out as plotly's own MIME bundle (drawn by the renderer that
ships with plotly in JupyterLab), with the text alternative as the plain-text
fallback, and a collapsible description and table beneath it for screen-reader
users and for print. No FigureWidget: it would embed megabytes of plotly.js in
every saved notebook and does not draw in a static export.
"""

from __future__ import annotations

from IPython.display import HTML, display

from .text import esc

PLOTLY_MIME = "application/vnd.plotly.v1+json"
CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}


def figure_bundle(spec: dict, alt_text: str) -> dict:
    """The MIME bundle for one figure: plotly JSON plus the text alternative."""
    return {
        PLOTLY_MIME: {"data": spec["data"], "layout": spec["layout"], "config": CONFIG},
        "text/plain": alt_text,
    }


def alternative_html(alt_text: str, table: str | None = None) -> str:
    """A short description, with the data as a table behind a 'Show as a table' toggle."""
    details = ""
    if table:
        details = f"<details><summary>Show as a table</summary>{table}</details>"
    return f"<div class='standoff-alt'><p><em>Chart description:</em> {esc(alt_text)}</p>{details}</div>"


def show_figure(spec: dict, alt_text: str, table: str | None = None) -> None:
    """Display a figure, then its text alternative."""
    display(figure_bundle(spec, alt_text), raw=True)
    display(HTML(alternative_html(alt_text, table)))


class WidgetView:
    """Our widgets: live controls in JupyterLab, and a readable page without a kernel.

    Displaying one sends both the widget view and a static HTML rendering of the
    same facts. JupyterLab shows the live widget; a static export, a notebook
    viewer, or a reader without a kernel falls back to the HTML, so no quote,
    fact or source is lost there.
    """

    widget: object

    def static_html(self) -> str:
        """What the widget shows, as plain HTML (subclasses say what that is)."""
        raise NotImplementedError

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = dict(self.widget._repr_mimebundle_())
        bundle["text/html"] = f"<div class='standoff-static'>{self.static_html()}</div>"
        return bundle

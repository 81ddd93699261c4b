"""Make text from the data safe to show, and links safe to click.

Quotes and summaries are data, not markup: a stray `<` in a quote, or a
hand-edited row with a script in it, must appear as the characters typed.
Every widget and HTML output builds its markup through these helpers.
"""

from __future__ import annotations

import html
import re

_SAFE_URL = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def esc(value: object) -> str:
    """HTML-escape any value (quotes included), treating None as empty."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) address, else None (never javascript: or data:)."""
    text = "" if url is None else str(url).strip()
    return text if _SAFE_URL.match(text) else None


def link(url: object, label: object) -> str:
    """An escaped link that opens in a new tab, or just the escaped label if the URL is unsafe."""
    href = safe_url(url)
    if href is None:
        return esc(label)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{esc(label)}</a>'


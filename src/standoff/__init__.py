"""Indivisible Security? — the code behind the teaching notebooks.

Data flows one way: `data/*.csv` → `standoff.data` (load and validate) → the
figure and widget modules → one short call in a notebook cell.
"""

from .data import DataValidationError, load, load_events

__all__ = ["DataValidationError", "load", "load_events"]
__version__ = "0.1.0"

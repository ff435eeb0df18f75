"""Extractor: references, figures, deadlines, people, period and header of a text.

Pure Python, no Django: ``extract(text)`` returns frozen dataclasses whose spans index
the text exactly as given; ``extraction_to_dict`` gives the label JSON shape of
``seeds/labels`` plus ``start``/``end``; ``summary`` a readable Vietnamese summary.
"""

from __future__ import annotations

from .models import Deadline, Extraction, Figure, OwnDocument, Period, Person, Reference
from .pipeline import extract
from .serialize import extraction_to_dict, summary

__all__ = [
    "Deadline",
    "Extraction",
    "Figure",
    "OwnDocument",
    "Period",
    "Person",
    "Reference",
    "extract",
    "extraction_to_dict",
    "summary",
]

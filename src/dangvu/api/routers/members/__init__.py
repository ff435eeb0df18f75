"""Members: lists with the pages' filters, one member with events, recording events,
transfers, the Excel import; statistics of a subtree on a date and the flows of a period.
Each module adds its operations to the one router (`base.router`)."""

from __future__ import annotations

from . import imports, reads, statistics, writes
from .base import router

__all__ = ["imports", "reads", "router", "statistics", "writes"]

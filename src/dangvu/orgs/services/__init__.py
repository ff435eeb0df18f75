"""Writes to the organization tree (see `restructure` for the rules they keep)."""

from .restructure import (
    org_create,
    org_dissolve,
    org_merge,
    org_move,
    org_rename,
    org_split,
)
from .versions import NewOrgSpec

__all__ = [
    "NewOrgSpec",
    "org_create",
    "org_dissolve",
    "org_merge",
    "org_move",
    "org_rename",
    "org_split",
]

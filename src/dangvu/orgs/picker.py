"""The unit picker of the list and statistics pages (issue 15): a unit of the user's
scope chosen by typing part of its name or code, diacritics ignored.

A view calls `picked_unit(request)` and its template includes `orgs/_unit_picker.html`;
nothing else is needed. ?don_vi=<words> picks the one unit of the scope that matches (or
leaves the matches on the request for the page to offer); ?<id_key>=<id> names a unit
directly (a link, a choice of the picker), refused with a Vietnamese message when it lies
outside the user's scope."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from dangvu.access import require_view
from dangvu.core.forms import SHORT_TEXT
from dangvu.core.params import id_param

from .models import Organization
from .selectors import UnitMatch, unit_matches

__all__ = ["PICK", "UnitPicker", "picked_unit"]

PICK = "don_vi"


@dataclass(frozen=True)
class UnitPicker:
    """What the picker's template shows: the words typed, the matches to choose from when
    they did not name one unit (None when there is nothing to choose), the parameter a
    choice sets, and the page's other parameters a choice keeps."""

    query: str = ""
    matches: list[UnitMatch] | None = None
    id_key: str = "to_chuc"
    kept: list[tuple[str, str]] = field(default_factory=list)

    @property
    def keep(self) -> str:
        """The kept parameters as the start of a query string (ending in & when any)."""
        return urlencode(self.kept) + "&" if self.kept else ""


def picked_unit(request: HttpRequest, *, id_key: str = "to_chuc") -> Organization | None:
    """The unit the page is about: the one unit of the user's scope matching ?don_vi=, or
    the one of ?<id_key>=<id> (GET or POST) once the user may see it; None for the user's
    own scope (and, when the words matched none or several, the matches on the request)."""
    wanted = (request.GET.get(PICK) or "").strip()[:SHORT_TEXT]
    kept = [(k, str(v)) for k, v in request.GET.items() if k not in (PICK, id_key, "page") and v]
    pk: int | None
    matches = unit_matches(request.user, wanted, timezone.localdate()) if wanted else []
    if wanted and len(matches) != 1:
        request.unit_picker = UnitPicker(wanted, matches, id_key, kept)  # type: ignore[attr-defined]
        return None
    request.unit_picker = UnitPicker(wanted, None, id_key, kept)  # type: ignore[attr-defined]
    if wanted:
        pk = matches[0].organization_id
    else:
        pk = id_param(request.GET.get(id_key) or request.POST.get(id_key))
    if pk is None:
        return None
    org = get_object_or_404(Organization, pk=pk)
    require_view(request.user, org, what=f"Đơn vị “{org.name}”")
    return org

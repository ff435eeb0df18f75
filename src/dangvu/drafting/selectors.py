"""Reads of drafting, scoped to the user: drafts of the user's subtree."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from dangvu.orgs import paths

from .models import Draft
from .report import Block, Report
from .serialize import report_from_dict

__all__ = [
    "BlockView",
    "block_views",
    "drafts_visible_to",
    "outgoing_numbers",
    "require_draft",
    "template_rows",
]


def drafts_visible_to(user: Any) -> QuerySet[Draft]:
    qs = Draft.objects.select_related("owner", "number", "document")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    org = user.organization
    if org is None:
        return qs.none()
    low, high = paths.subtree_bounds(org.path)
    return qs.filter(owner__path__gte=low, owner__path__lt=high)


def require_draft(user: Any, pk: int) -> Draft:
    """The draft, 404 if there is none, 403 if it belongs to a unit outside the user's scope."""
    draft = get_object_or_404(Draft.objects.select_related("owner", "number", "document"), pk=pk)
    if not drafts_visible_to(user).filter(pk=pk).exists():
        raise PermissionDenied("Văn bản này của đơn vị ngoài phạm vi của bạn.")
    return draft


class BlockView:
    """A block as the editor shows it: pieces of wording and bound figures (with what each
    is bound to), and the editable text with [n] footnote marks."""

    def __init__(self, index: int, block: Block, labels: dict[str, str]) -> None:
        from .services.drafts import editable_text

        self.index = index
        self.kind = block.kind
        self.pieces = [
            {
                "text": s.text,
                "source": s.source,
                "label": labels.get(s.source, s.source),
                "footnote": s.footnote,
            }
            for s in block.spans
        ]
        self.editable = editable_text(block)


def block_views(draft: Draft) -> tuple[Report, list[BlockView]]:
    report = report_from_dict(draft.content)
    labels = draft.figures.get("labels", {})
    return report, [BlockView(i, b, labels) for i, b in enumerate(report.blocks)]


def template_rows(owner: Any) -> list[dict[str, Any]]:
    """Each genre and the template its drafts use: the unit's own, a superior's, or the
    shipped default."""
    from .models import Genre, OfficeTemplate

    chain = paths.ids_of(owner.path)
    found = {
        (t.owner_id, t.genre): t
        for t in OfficeTemplate.objects.filter(owner_id__in=chain).select_related("owner")
    }
    rows = []
    for genre, label in Genre.choices:
        used = next((found[(o, genre)] for o in reversed(chain) if (o, genre) in found), None)
        rows.append(
            {
                "genre": genre,
                "label": label,
                "template": used,
                "own": used is not None and used.owner_id == owner.pk,
            }
        )
    return rows


def outgoing_numbers(user: Any) -> QuerySet[Any]:
    """The outgoing register of the user's subtree, newest first."""
    from .models import OutgoingNumber

    qs = OutgoingNumber.objects.select_related("series__issuer", "draft", "taken_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if not user.is_superuser:
        if user.organization is None:
            return qs.none()
        low, high = paths.subtree_bounds(user.organization.path)
        qs = qs.filter(series__issuer__path__gte=low, series__issuer__path__lt=high)
    return qs.order_by("-series__year", "series__issuer__path", "series__type_code", "-number")

"""Reads of the document register, always scoped to a user.

Who sees what: a user sees the documents owned by the organizations they see (their
subtree, and the units merged into it), the issued documents of the committees above
them, public documents that are not drafts, and a placeholder whenever they see a
document that cites or names it. Drafts of a sibling unit stay out of sight.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from dangvu import access
from dangvu.access import AnyUser
from dangvu.core.params import id_param
from dangvu.core.text import search_tokens
from dangvu.orgs import paths
from dangvu.orgs.models import Organization

from .codes import canonical_issuer, canonical_type
from .models import (
    Document,
    DocumentKind,
    DocumentRelation,
    DocumentStatus,
    Finding,
    Reference,
    RelationKind,
    Visibility,
)
from .parsing import number_key

__all__ = [
    "ChainNode",
    "CitationChain",
    "DocumentFilters",
    "citation_chain",
    "document_list",
    "documents_by_symbol",
    "documents_citing",
    "documents_implementing",
    "documents_visible_to",
    "findings_of",
    "references_of",
    "relations_of",
    "require_edit",
    "require_view",
]


def _ancestor_ids(user: AnyUser) -> list[int]:
    """Committees above the user's organization, and above the units merged into it
    (a commune formed in 2025 still reads the plans of the district its communes had)."""
    cached: list[int] | None = getattr(user, "_documents_ancestor_ids", None)
    if cached is not None:
        return cached
    org = access.own_organization(user)
    if org is None:
        return []
    ids = set(paths.ids_of(org.path)[:-1])
    low, high = paths.subtree_bounds(org.path)
    merged = (
        access.visible_organizations(user)
        .filter(successor__isnull=False)
        .exclude(path__gte=low, path__lt=high)
        .values_list("path", flat=True)
    )
    for path in merged:
        ids.update(paths.ids_of(path)[:-1])
    result = sorted(ids)
    vars(user)["_documents_ancestor_ids"] = result  # asked again within the request
    return result


def documents_visible_to(user: AnyUser) -> QuerySet[Document]:
    qs = Document.objects.all()
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if access.sees_everything(user):
        return qs
    if access.own_organization(user) is None:
        return qs.none()
    seen = (
        Q(owner__in=access.visible_organizations(user))
        | Q(owner_id__in=_ancestor_ids(user), status=DocumentStatus.ISSUED)
        | (Q(visibility=Visibility.PUBLIC) & ~Q(status=DocumentStatus.DRAFT))
    )
    base = Document.objects.filter(seen)
    cited = Q(status=DocumentStatus.PLACEHOLDER) & (
        Exists(Reference.objects.filter(target=OuterRef("pk"), document__in=base))
        | Exists(DocumentRelation.objects.filter(target=OuterRef("pk"), source__in=base))
        | Exists(base.filter(copy_of=OuterRef("pk")))  # the original of a copy it holds
    )
    return qs.filter(seen | cited)


def received_copies_of(user: AnyUser, document: Document) -> QuerySet[Document]:
    """The received copies of `document` the user sees (each unit's bản nhận)."""
    return documents_visible_to(user).filter(copy_of=document).select_related("owner")


def require_view(user: AnyUser, pk: int) -> Document:
    """The document, or 404 if there is none, or a refusal (403) if it is out of scope."""
    document = get_object_or_404(
        Document.objects.select_related("owner", "issuer", "copy_of__owner"), pk=pk
    )
    if not documents_visible_to(user).filter(pk=pk).exists():
        raise PermissionDenied("Văn bản này nằm ngoài phạm vi đơn vị của bạn.")
    return document


def can_edit(user: AnyUser, document: Document) -> bool:
    from .services.keys import authorize_edit

    if not getattr(user, "is_authenticated", False):
        return False
    try:
        authorize_edit(user, document)
    except PermissionDenied:
        return False
    return True


def require_edit(user: AnyUser, pk: int) -> Document:
    document = require_view(user, pk)
    from .services.keys import authorize_edit

    authorize_edit(user, document)
    return document


# --- the register list -----------------------------------------------------------------


@dataclass(frozen=True)
class DocumentFilters:
    query: str = ""
    type_code: str = ""
    issuer_code: str = ""
    status: str = ""
    owner_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    order: str = ""  # "co_quan": by issuer, in Vietnamese alphabetical order


def document_list(user: AnyUser, filters: DocumentFilters) -> QuerySet[Document]:
    """The register as the user may see it, filtered; diacritics ignored in the search
    over number, title and text."""
    qs = documents_visible_to(user).select_related("owner", "issuer")
    for token in search_tokens(filters.query):
        qs = qs.filter(search_text__contains=token)
    if filters.type_code:
        qs = qs.filter(type_code=filters.type_code)
    if filters.issuer_code:
        qs = qs.filter(issuer_code=filters.issuer_code)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.owner_id:
        owner = Organization.objects.filter(pk=filters.owner_id).first()
        if owner is None:
            return qs.none()
        qs = qs.filter(owner__in=Organization.objects.within(owner))
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    if filters.order == "co_quan":
        qs = qs.order_by("issuer_order", F("date").desc(nulls_last=True), "-id")
    return qs.defer("text", "search_text")


def owner_choices(user: AnyUser, *, include: str | None = None) -> list[Organization]:
    """Units a document may be registered for, or the API's register filtered by: the
    user's own, those above it, those directly below it, and `include` (an id asked for)
    when the user sees it."""
    extra = Q(pk=id_param(include)) if id_param(include) else Q(pk__in=[])
    if access.sees_everything(user):
        qs = Organization.objects.filter(Q(depth__lte=1) | extra)
        return list(qs.order_by("path")[:200])
    org = access.own_organization(user)
    if org is None:
        return []
    ids = [*paths.ids_of(org.path)]
    visible_extra = Q(extra, pk__in=access.visible_organizations(user).values("pk"))
    qs = Organization.objects.filter(
        Q(pk__in=ids) | Q(parent=org, dissolved_on__isnull=True) | visible_extra
    )
    return list(qs.order_by("path")[:200])


# --- one document ------------------------------------------------------------------------


def references_of(user: AnyUser, document: Document) -> list[tuple[Reference, bool]]:
    """The document's references, each with whether the user may open its target."""
    refs = list(document.references.select_related("target").order_by("start", "id"))
    target_ids = {r.target_id for r in refs if r.target_id}
    visible = set(documents_visible_to(user).filter(pk__in=target_ids).values_list("pk", flat=True))
    return [(r, r.target_id in visible) for r in refs]


def findings_of(document: Document) -> QuerySet[Finding]:
    return document.findings.select_related("corrected_by").order_by("start", "id")


def relations_of(user: AnyUser, document: Document) -> dict[str, list[DocumentRelation]]:
    visible = documents_visible_to(user)
    out = (
        document.relations_out.filter(target__in=visible)
        .select_related("target")
        .order_by("kind", "id")
    )
    into = (
        document.relations_in.filter(source__in=visible)
        .select_related("source", "source__owner")
        .order_by("kind", "id")
    )
    return {"out": list(out), "in": list(into)}


def documents_citing(document: Document, *, user: AnyUser) -> QuerySet[Document]:
    """Documents that cite `document` in their text or name it in a relation (directly),
    scoped to `user`."""
    qs = Document.objects.filter(
        Q(pk__in=Reference.objects.filter(target=document).values("document_id"))
        | Q(pk__in=DocumentRelation.objects.filter(target=document).values("source_id"))
    ).exclude(pk=document.pk)
    if not access.sees_everything(user):
        qs = qs.filter(pk__in=documents_visible_to(user).values("pk"))
    return qs.select_related("owner", "issuer")


def documents_implementing(document: Document, *, user: AnyUser) -> QuerySet[Document]:
    """Documents recorded as implementing `document` (the units' plans under a program)."""
    qs = Document.objects.filter(
        relations_out__target=document, relations_out__kind=RelationKind.IMPLEMENTS
    ).distinct()
    if not access.sees_everything(user):
        qs = qs.filter(pk__in=documents_visible_to(user).values("pk"))
    return qs.select_related("owner", "issuer")


# --- the citation chain ------------------------------------------------------------------


@dataclass(frozen=True)
class ChainNode:
    document: Document
    depth: int  # 1: cited by (or citing) the document itself
    parent_id: int  # the document one step nearer to the start
    via: str  # "reference" or a RelationKind value


@dataclass(frozen=True)
class CitationChain:
    """Upward: what the document cites, and what those cite ... (21-NQ/TW above
    42-CTr/TU). Downward: what cites it, and so on (the units' plans). Each list is in
    depth-first order, ready to indent by `depth`; each document appears once."""

    up: list[ChainNode]
    down: list[ChainNode]
    truncated: bool


def _edges(ids: set[int], *, upward: bool) -> list[tuple[int, int, str]]:
    """(from, to, via) one step from `ids`, upward (to cited) or downward (to citing)."""
    if upward:
        refs = Reference.objects.filter(document_id__in=ids, target__isnull=False).values_list(
            "document_id", "target_id"
        )
        rels = DocumentRelation.objects.filter(source_id__in=ids).values_list(
            "source_id", "target_id", "kind"
        )
    else:
        refs = Reference.objects.filter(target_id__in=ids).values_list("target_id", "document_id")
        rels = DocumentRelation.objects.filter(target_id__in=ids).values_list(
            "target_id", "source_id", "kind"
        )
    edges = [(a, b, kind) for a, b, kind in rels]
    related = {(a, b) for a, b, _ in edges}
    edges += [(a, b, "reference") for a, b in refs if (a, b) not in related]
    return edges


def _walk(
    start: Document, visible: QuerySet[Document], *, upward: bool, depth: int, limit: int
) -> tuple[list[ChainNode], bool]:
    seen = {start.pk}
    children: dict[int, list[tuple[int, str]]] = {}
    frontier = {start.pk}
    truncated = False
    for _ in range(depth):
        if not frontier:
            break
        step: set[int] = set()
        for a, b, via in sorted(_edges(frontier, upward=upward)):
            if b in seen:
                continue
            if len(seen) > limit:
                truncated = True
                break
            seen.add(b)
            step.add(b)
            children.setdefault(a, []).append((b, via))
        frontier = step
    else:
        truncated = truncated or bool(frontier and _edges(frontier, upward=upward))
    docs = {
        d.pk: d for d in visible.filter(pk__in=seen - {start.pk}).select_related("owner", "issuer")
    }

    def by_date(edge: tuple[int, str]) -> tuple[date, int]:
        found = docs.get(edge[0])
        return (found.date if found and found.date else date.max, edge[0])

    for edges in children.values():
        edges.sort(key=by_date)
    nodes: list[ChainNode] = []
    stack: deque[tuple[int, int, int, str]] = deque(
        (b, 1, start.pk, via) for b, via in reversed(children.get(start.pk, []))
    )
    while stack:
        pk, level, parent, via = stack.pop()
        if pk not in docs:  # out of the user's scope: neither it nor what lies beyond
            continue
        nodes.append(ChainNode(docs[pk], level, parent, via))
        for child, child_via in reversed(children.get(pk, [])):
            stack.append((child, level + 1, pk, child_via))
    return nodes, truncated


def citation_chain(
    document: Document, *, user: AnyUser, depth: int = 4, limit: int = 300
) -> CitationChain:
    """The citation chain both ways, transitive to `depth` steps and at most `limit`
    documents a way, through references and recorded relations, scoped to `user`."""
    visible = documents_visible_to(user)
    up, up_cut = _walk(document, visible, upward=True, depth=depth, limit=limit)
    down, down_cut = _walk(document, visible, upward=False, depth=depth, limit=limit)
    return CitationChain(up=up, down=down, truncated=up_cut or down_cut)


# --- finding a document by its number and symbol ---------------------------------------

_PARTY_SYMBOL = re.compile(r"^(?:s[oố]:?\s*)?(\d{1,6})\s*-\s*([^\s/]+)\s*/\s*(\S+)$", re.I)
_STATE_SYMBOL = re.compile(
    r"^(?:s[oố]:?\s*)?(\d{1,6})\s*/\s*(?:((?:19|20)\d\d)\s*/\s*)?(?:([^\s/-]+)\s*-\s*)?([^\s/]+)$",
    re.I,
)


def documents_by_symbol(user: AnyUser, symbol: str, on: date | None = None) -> QuerySet[Document]:
    """Entries the user sees whose number and symbol is `symbol` as an office writes it
    (42-CTr/TU, 13/2023/NĐ-CP; case aside), on `on` when given."""
    text = unicodedata.normalize("NFC", " ".join(symbol.split()))
    qs = documents_visible_to(user)
    party = _PARTY_SYMBOL.match(text)
    state = None if party else _STATE_SYMBOL.match(text)
    if party:
        number, type_code, issuer_code = party.groups()
        kind, year = DocumentKind.PARTY, None
    elif state:
        number, written_year, type_code, issuer_code = state.groups()
        year = int(written_year) if written_year else None
        type_code = type_code or ""
        kind = DocumentKind.STATE
    else:
        return qs.none()
    type_code, _ = canonical_type(kind, type_code)
    qs = qs.filter(
        kind=kind,
        number_key=number_key(number),
        type_code=type_code,
        issuer_code=canonical_issuer(kind, issuer_code),
    )
    if year is not None:
        qs = qs.filter(year=year)
    if on is not None:
        qs = qs.filter(date=on)
    return qs.select_related("owner")

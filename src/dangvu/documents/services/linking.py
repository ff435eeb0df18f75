"""Linking references to register entries: find the entry a reference names, create a
placeholder when there is none, complete placeholders, and re-link undated references
when a more recent plausible document arrives.

Rules (domain.md §2): a dated reference names the document of that key and date; an
undated one the most recent document of that key issued no later than the citing
document; a placeholder is "the same document" as one that arrives later with the same
type, number and issuer, and a date found later completes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.core.collation import vi_sort_key
from dangvu.core.text import fold
from dangvu.orgs.models import Organization

from ..codes import canonical_issuer, canonical_type
from ..models import (
    Document,
    DocumentKind,
    DocumentRelation,
    DocumentStatus,
    Reference,
    RelationOrigin,
)
from .keys import DocKey, IssuerResolver, area_segment


def search_text_of(doc: Document) -> str:
    parts = [
        doc.symbol,
        doc.type_name,
        doc.issuer_name,
        doc.title,
        doc.place,
        doc.original_name,
        doc.text,
    ]
    return fold(" ".join(p for p in parts if p))


def set_keys(doc: Document, key: DocKey | None) -> None:
    doc.issuer_order = vi_sort_key(doc.issuer_label)[:300]
    if key is None:
        doc.number_key = ""
        doc.match_key = ""
        doc.identity_key = None
        return
    doc.number_key = key.match_key.split("|")[4]
    doc.match_key = key.match_key
    doc.identity_key = key.identity_key(doc.date)


def issuer_order_follow(*, org: Organization) -> int:
    """The register's order by issuer after `org` is renamed: its documents' labels read
    its name live (`Document.issuer_label`), so their keys follow, in one UPDATE."""
    org.refresh_from_db(fields=["name", "committee_name"])
    key = vi_sort_key(org.committee_name or org.name)[:300]
    return Document.objects.filter(issuer=org).exclude(issuer_order=key).update(issuer_order=key)


def key_of(doc: Document) -> DocKey | None:
    if not doc.number:
        return None
    return DocKey(
        kind=doc.kind,
        issuer_id=doc.issuer_id,
        issuer_code=doc.issuer_code,
        type_code=doc.type_code,
        number=doc.number,
        year=doc.year,
        area=area_segment(doc.area_id, doc.area_name),
    )


def citing_dates(doc: Document) -> list[date]:
    """Dates of the documents that cite or name `doc` (references and relations)."""
    by_reference = Reference.objects.filter(target=doc, document__date__isnull=False)
    by_relation = DocumentRelation.objects.filter(target=doc, source__date__isnull=False)
    dates = [
        *by_reference.values_list("document__date", flat=True),
        *by_relation.values_list("source__date", flat=True),
    ]
    return [d for d in dates if d is not None]  # none is: the filters exclude them


def may_take_date(placeholder: Document, on: date) -> bool:
    """An undated placeholder may be the document dated `on` if nothing cites it earlier."""
    return all(cited_on >= on for cited_on in citing_dates(placeholder))


def best_for(match_key: str, citing_date: date | None, *, exclude: int | None = None) -> Any:
    """The most recent plausible entry for an undated reference: the latest one dated no
    later than the citing document, else the undated one."""
    qs = Document.objects.filter(match_key=match_key)
    if exclude is not None:
        qs = qs.exclude(pk=exclude)
    dated = qs.filter(date__isnull=False)
    if citing_date is not None:
        dated = dated.filter(date__lte=citing_date)
    found = dated.order_by("-date", "-id").first()
    if found is not None:
        return found
    return qs.filter(date__isnull=True).order_by("id").first()


_PREFETCH_CHUNK = 500


def _with_identity(entries: list[Document], identity_key: str) -> Document | None:
    return next((d for d in entries if d.identity_key == identity_key), None)


def _most_recent(entries: list[Document], citing_date: date | None) -> Document | None:
    """`best_for` over entries already read."""
    dated = [
        d for d in entries if d.date is not None and (citing_date is None or d.date <= citing_date)
    ]
    if dated:
        return max(dated, key=lambda d: (d.date, d.pk))
    undated = [d for d in entries if d.date is None]
    return min(undated, key=lambda d: d.pk) if undated else None


class Linker:
    """Resolves the references of one citing document, creating placeholders as needed."""

    def __init__(self, citing: Document, actor: Actor) -> None:
        self.citing = citing
        self.actor = actor
        self.resolver = IssuerResolver(citing.owner, citing.date)
        self.placeholders: list[Document] = []
        self._codes: dict[tuple[str, str, str], tuple[str, str]] = {}
        self._issuers: dict[tuple[str, str], str] = {}
        # match key -> the register's entries of that number, read once (`prefetch`)
        self._entries: dict[str, list[Document]] = {}

    def canonical(self, ref: Reference) -> None:
        """Spell the reference's codes as the reference tables do."""
        tkey = (ref.kind, ref.type_code, ref.type_name)
        if tkey not in self._codes:
            self._codes[tkey] = canonical_type(ref.kind, ref.type_code, ref.type_name)
        ref.type_code, ref.type_name = self._codes[tkey]
        ikey = (ref.kind, ref.issuer_code)
        if ikey not in self._issuers:
            self._issuers[ikey] = canonical_issuer(ref.kind, ref.issuer_code)
        ref.issuer_code = self._issuers[ikey]

    def key(self, ref: Reference) -> DocKey:
        issuer = self.resolver.resolve(ref.kind, ref.issuer_code)
        area, area_name = self.resolver.resolve_area(ref.kind, ref.issuer_code, ref.issuer_name)
        return DocKey(
            kind=ref.kind,
            issuer_id=issuer.pk if issuer else None,
            issuer_code=ref.issuer_code,
            type_code=ref.type_code,
            number=ref.number,
            year=ref.year,
            area=area_segment(area.pk if area else None, area_name),
        )

    def prefetch(self, refs: list[Reference]) -> None:
        """Read the entries of every number `refs` name at once (a query per 500 numbers),
        not two or three queries a reference: a long text cites thousands."""
        keys = sorted({self.key(ref).match_key for ref in refs} - set(self._entries))
        for key in keys:
            self._entries[key] = []
        for i in range(0, len(keys), _PREFETCH_CHUNK):
            chunk = keys[i : i + _PREFETCH_CHUNK]
            for doc in Document.objects.filter(match_key__in=chunk).defer("text", "search_text"):
                self._entries[doc.match_key].append(doc)

    def entries(self, match_key: str) -> list[Document]:
        if match_key not in self._entries:
            self._entries[match_key] = list(
                Document.objects.filter(match_key=match_key).defer("text", "search_text")
            )
        return self._entries[match_key]

    def target_for(self, ref: Reference) -> Document | None:
        """The register entry `ref` names; None only for a reference to the citing
        document itself."""
        key = self.key(ref)
        entries = self.entries(key.match_key)
        found: Document | None
        if ref.date is not None:
            found = _with_identity(entries, key.identity_key(ref.date))
            if found is None:
                undated = _with_identity(entries, key.identity_key(None))
                if (
                    undated is not None
                    and undated.status == DocumentStatus.PLACEHOLDER
                    and may_take_date(undated, ref.date)
                ):
                    found = self._complete_date(undated, ref.date, key)
        else:
            found = _most_recent(entries, self.citing.date)
        if found is None:
            found = self._placeholder(ref, key)
            entries.append(found)
        if found.pk == self.citing.pk:
            return None
        return found

    def _complete_date(self, placeholder: Document, on: date, key: DocKey) -> Document:
        before = {"date": None}
        placeholder.date = on
        placeholder.identity_key = key.identity_key(on)
        placeholder.full_clean()
        placeholder.save(update_fields=["date", "identity_key", "updated_at"])
        audit_record(
            actor=self.actor,
            action="documents.placeholder_date",
            obj=placeholder,
            organization=placeholder.owner,
            summary=f"Bổ sung ngày ban hành cho văn bản chờ {placeholder.symbol} "
            f"(đọc được trong {self.citing})",
            before=before,
            after={"date": on},
        )
        return placeholder

    def _placeholder(self, ref: Reference, key: DocKey) -> Document:
        issuer = self.resolver.resolve(ref.kind, ref.issuer_code)
        area, area_name = self.resolver.resolve_area(ref.kind, ref.issuer_code, ref.issuer_name)
        doc = Document(
            kind=ref.kind,
            type_code=ref.type_code,
            type_name=ref.type_name,
            number=ref.number,
            year=ref.year,
            issuer_code=ref.issuer_code,
            issuer=issuer,
            issuer_name=ref.issuer_name,
            area=area,
            area_name=area_name,
            date=ref.date,
            status=DocumentStatus.PLACEHOLDER,
            visibility=self.citing.visibility,
            owner=issuer or self.citing.owner,
            created_by=access.user_of(self.actor),
        )
        set_keys(doc, key)
        doc.search_text = search_text_of(doc)
        # The fields are checked here; the constraints (one entry per identity, a number,
        # no file) by the database on save: Python's checks of them and of the foreign
        # keys asked seven queries a placeholder, most of a long text's ingest
        # (bench/ingest.py).
        doc.full_clean(
            exclude=["owner", "issuer", "area", "created_by"],  # rows just read
            validate_unique=False,
            validate_constraints=False,
        )
        doc.save()
        audit_record(
            actor=self.actor,
            action="documents.placeholder_create",
            obj=doc,
            organization=doc.owner,
            summary=f"Ghi văn bản chờ {doc.symbol}: được dẫn chiếu trong {self.citing}, "
            "chưa có trong sổ văn bản",
            after=doc.fields_for_audit(),
        )
        self.placeholders.append(doc)
        return doc


def follow_reference(ref: Reference, old_target_id: int | None) -> None:
    """Relations read from the text follow the reference they were read from."""
    if old_target_id is None or ref.target_id is None or old_target_id == ref.target_id:
        return
    for rel in DocumentRelation.objects.filter(
        source_id=ref.document_id, target_id=old_target_id, origin=RelationOrigin.AUTO
    ):
        if DocumentRelation.objects.filter(
            source_id=ref.document_id, target_id=ref.target_id, kind=rel.kind
        ).exists():
            rel.delete()
        else:
            rel.target_id = ref.target_id
            rel.save(update_fields=["target"])


def relink_undated(match_key: str, actor: Actor) -> int:
    """After an entry of `match_key` appears or changes date, point every undated
    reference of that key to its most recent plausible entry, and drop undated
    placeholders nothing names any more. Returns the number of references moved."""
    moved = 0
    refs = Reference.objects.filter(date__isnull=True, target__match_key=match_key).select_related(
        "document", "target"
    )
    for ref in refs:
        best = best_for(match_key, ref.document.date, exclude=ref.document_id)
        if best is None or best.pk == ref.target_id:
            continue
        before = {"target": ref.target_id}
        ref.target = best
        ref.save(update_fields=["target"])
        follow_reference(ref, before["target"])
        moved += 1
        audit_record(
            actor=actor,
            action="documents.reference_relink",
            obj=ref,
            organization=ref.document.owner,
            summary=f"Dẫn chiếu “{ref.text[:80]}” trong {ref.document} nay trỏ tới {best}",
            before=before,
            after={"target": best.pk},
        )
    drop_orphan_placeholders(Q(match_key=match_key), actor)
    return moved


def drop_orphan_placeholders(where: Q, actor: Actor) -> None:
    orphans = (
        Document.objects.filter(where, status=DocumentStatus.PLACEHOLDER)
        .filter(citations__isnull=True, relations_in__isnull=True, relations_out__isnull=True)
        .filter(received_copies__isnull=True)
        .select_related("owner")
    )
    for doc in orphans:
        audit_record(
            actor=actor,
            action="documents.placeholder_drop",
            obj=doc,
            organization=doc.owner,
            summary=f"Bỏ văn bản chờ {doc.symbol}: không còn văn bản nào dẫn chiếu",
            before=doc.fields_for_audit(),
        )
        doc.delete()


def absorb(placeholder: Document, into: Document, actor: Actor) -> None:
    """Move what names a placeholder to the entry that turned out to be it, then drop it."""
    Reference.objects.filter(target=placeholder).exclude(document=into).update(target=into)
    Document.objects.filter(copy_of=placeholder).exclude(owner=into.owner).update(copy_of=into)
    Reference.objects.filter(target=placeholder, document=into).update(target=None)
    for rel in DocumentRelation.objects.filter(target=placeholder):
        if (
            rel.source_id == into.pk
            or DocumentRelation.objects.filter(
                source_id=rel.source_id, target=into, kind=rel.kind
            ).exists()
        ):
            rel.delete()
        else:
            rel.target = into
            rel.save(update_fields=["target"])
    for rel in DocumentRelation.objects.filter(source=placeholder):
        if (
            rel.target_id == into.pk
            or DocumentRelation.objects.filter(
                source=into, target_id=rel.target_id, kind=rel.kind
            ).exists()
        ):
            rel.delete()
        else:
            rel.source = into
            rel.save(update_fields=["source"])
    audit_record(
        actor=actor,
        action="documents.placeholder_absorb",
        obj=placeholder,
        organization=placeholder.owner,
        summary=f"Văn bản chờ {placeholder.symbol} chính là {into}: chuyển các dẫn chiếu sang",
        before=placeholder.fields_for_audit(),
        after={"into": into.pk},
    )
    placeholder.delete()


def reference_kind(is_state: bool) -> str:
    return DocumentKind.STATE if is_state else DocumentKind.PARTY

"""Writing register entries: from a file (`document_ingest`), from known details and text
(`document_register`), and by hand (`document_update`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.extract import Extraction, extract
from dangvu.orgs.models import Organization

from .. import parsing, readers
from ..budget import BudgetExceeded, run_within
from ..codes import canonical_issuer, canonical_type
from ..models import (
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentType,
    Visibility,
)
from ..selectors import documents_visible_to
from . import copies
from .findings import auto_relations, store_extraction
from .keys import (
    DocKey,
    IssuerResolver,
    area_segment,
    authorize_register,
    check_symbol,
    context_org,
    is_central,
    owner_for,
)
from .linking import (
    Linker,
    may_take_date,
    relink_undated,
    set_keys,
)
from .steps import File, RegisterResult, save_entry

logger = logging.getLogger(__name__)


# --- shared steps ----------------------------------------------------------------------


# Texts longer than this are extracted under the hard time budget (budget.run_within).
EXTRACT_IN_CHILD_CHARS = 100_000
DEFAULT_EXTRACT_SECONDS = 30


def extract_seconds() -> float:
    return float(getattr(settings, "DOCUMENTS_EXTRACT_SECONDS", DEFAULT_EXTRACT_SECONDS))


def _extract(text: str) -> tuple[Extraction, bool]:
    """The findings of `text`, and whether the extractor failed. A long text that does not
    finish within the time budget is refused (`readers.UnreadableFile`): nothing stored."""
    if not text.strip():
        return Extraction(), False
    try:
        if len(text) > EXTRACT_IN_CHILD_CHARS:
            return run_within(extract, text, seconds=extract_seconds()), False
        return extract(text), False
    except BudgetExceeded:
        raise readers.UnreadableFile(
            f"Văn bản quá dài để đọc trong {extract_seconds():.0f} giây "
            f"({readers.thousands(len(text))} ký tự): hãy tách văn bản (ví dụ: để các phụ lục "
            "thành tệp riêng) rồi tải lên từng phần."
        ) from None
    except Exception:  # the extractor must never take an upload down with it
        logger.exception("extractor failed")
        return Extraction(), True


def _type_names() -> list[str]:
    return list(DocumentType.objects.values_list("name", flat=True))


def _find_entry(key: DocKey | None, on: date | None) -> tuple[Document | None, date | None]:
    """The entry of this number already in the register, if any: the same number and date
    (a placeholder or an issued entry), else a placeholder it completes (and the date it
    then takes)."""
    if key is None:
        return None, on
    exact = Document.objects.select_for_update().filter(identity_key=key.identity_key(on)).first()
    if exact is not None:
        return exact, on
    placeholders = Document.objects.select_for_update().filter(
        match_key=key.match_key, status=DocumentStatus.PLACEHOLDER
    )
    if on is not None:
        undated = placeholders.filter(date__isnull=True).first()
        if undated is not None and may_take_date(undated, on):
            return undated, on
        return None, on
    dated = list(placeholders.filter(date__isnull=False)[:2])
    if len(dated) == 1:  # the header's date was unreadable; the reference gave it
        return dated[0], dated[0].date
    return None, on


def _refuse_registered(entry: Document) -> None:
    raise ValidationError({"number": f"{entry} đã có trong sổ văn bản (mã {entry.pk})."})


@dataclass(frozen=True)
class EntryDetails:
    """What a register entry says of itself, from its header or typed by hand, before the
    issuer and owner are resolved against the tree."""

    kind: str
    type_code: str
    type_name: str
    number: str
    year: int | None
    issuer_code: str
    issuer_name: str
    date: date | None
    place: str
    status: str
    visibility: str
    title: str


def _write(
    *,
    actor: Actor,
    owner: Organization | None,
    issuer: Organization | None,
    details: EntryDetails,
    text: str,
    extraction: tuple[Extraction, bool],
    title: parsing.TitleSpan | None,
    file: File | None,
    action: str,
) -> RegisterResult:
    kind = details.kind
    type_code, type_name = canonical_type(kind, details.type_code, details.type_name)
    issuer_code = canonical_issuer(kind, details.issuer_code)
    number = details.number.strip()
    check_symbol(
        kind=kind,
        type_code=type_code,
        number=number,
        issuer_code=issuer_code,
        year=details.year,
    )
    status = details.status
    if status == DocumentStatus.PLACEHOLDER:
        raise ValidationError(
            {"status": "Văn bản chờ chỉ được tạo từ dẫn chiếu; hãy chọn Dự thảo hoặc Đã ban hành."}
        )
    context = context_org(actor, owner)
    on = details.date
    resolver = IssuerResolver(context, on)
    issuer_org = issuer or resolver.resolve(kind, issuer_code)
    area, area_name = resolver.resolve_area(kind, issuer_code, details.issuer_name)
    owner_org = owner_for(issuer_org, context)
    central = bool(number) and is_central(kind, issuer_code, issuer_org)
    if not access.may_write(actor):
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được ghi văn bản vào sổ.")

    if file is not None:
        seen = documents_visible_to(actor)
        existing = seen.filter(sha256=file.read.sha256).first()
        if existing is not None:
            refs = list(existing.references.select_related("target"))
            return RegisterResult(document=existing, references=refs, created=False)

    key = (
        DocKey(
            kind=kind,
            issuer_id=issuer_org.pk if issuer_org else None,
            issuer_code=issuer_code,
            type_code=type_code,
            number=number,
            year=details.year,
            area=area_segment(area.pk if area else None, area_name),
        )
        if number
        else None
    )
    doc, found_on = _find_entry(key, on)
    if not authorize_register(actor, owner_org, status, entry=doc, central=central):
        return copies.copy_write(
            actor=actor,
            original=doc,
            key=key,
            owner=owner_org,
            context=context,
            fields={
                "kind": kind,
                "type_code": type_code,
                "type_name": type_name,
                "number": number,
                "year": details.year,
                "issuer_code": issuer_code,
                "issuer": issuer_org,
                "issuer_name": details.issuer_name[:255],
                "area": area,
                "area_name": area_name,
                "date": on,
                "title": title.text if title else details.title,
                "place": details.place[:80],
                "text": text,
                "visibility": details.visibility,
            },
            extraction=extraction,
            file=file,
        )
    if doc is not None and not doc.is_placeholder:
        _refuse_registered(doc)
    on = found_on
    completed = doc is not None
    before = doc.fields_for_audit() if doc is not None else None
    if doc is None:
        doc = Document(created_by=access.user_of(actor))
    doc.kind = kind
    doc.type_code = type_code
    doc.type_name = type_name
    doc.number = number
    doc.year = details.year
    doc.issuer_code = issuer_code
    doc.issuer = issuer_org
    doc.issuer_name = details.issuer_name[:255] or doc.issuer_name
    doc.area = area
    doc.area_name = area_name
    doc.date = on
    doc.title = title.text if title else details.title or doc.title
    doc.place = details.place[:80]
    doc.text = text
    doc.status = status
    doc.visibility = details.visibility
    doc.owner = owner_org
    set_keys(doc, key)
    save_entry(doc, file)

    found, failed = extraction
    linker = Linker(doc, actor)
    references, findings = store_extraction(doc, found, linker)
    relations = auto_relations(doc, references, title, actor)
    if key is not None and doc.date is not None:
        relink_undated(key.match_key, actor)

    verb = "Bổ sung văn bản chờ" if completed else "Ghi vào sổ"
    source = f" từ tệp “{doc.original_name}”" if file is not None else ""
    audit_record(
        actor=actor,
        action=action,
        obj=doc,
        organization=owner_org,
        summary=(
            f"{verb}: {doc}{source} ({len(references)} dẫn chiếu, {len(linker.placeholders)} "
            f"văn bản chờ mới, {len(findings)} phát hiện)"
        ),
        before=before,
        after={
            **doc.fields_for_audit(),
            "references": [r.target_id for r in references],
            "relations": [(r.kind, r.target_id) for r in relations],
            "findings": len(findings),
        },
    )
    return RegisterResult(
        document=doc,
        references=references,
        created=True,
        completed_placeholder=completed,
        placeholders=linker.placeholders,
        relations=relations,
        extraction_failed=failed,
    )


# --- the services ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReadFile:
    read: readers.ReadResult
    extraction: tuple[Extraction, bool]


def document_read(*, name: str, data: bytes) -> ReadFile:
    """Read a file and extract its findings, touching no table: the slow part of an ingest
    (bounded by the text limit and the extraction's time budget), run before the writing
    transaction opens so that it holds no lock (on SQLite the write lock) meanwhile."""
    read = readers.read_bytes(name, data)
    return ReadFile(read=read, extraction=_extract(read.text))


def document_ingest(
    *,
    name: str,
    data: bytes,
    actor: Actor,
    owner: Organization | None = None,
    status: str | None = None,
    visibility: str = Visibility.INTERNAL,
    read: ReadFile | None = None,
) -> RegisterResult:
    """Register a .txt, .docx or .pdf file: its header gives the number, type, issuer,
    date and place; its findings and references are stored, every reference linked.
    `read`: the file already read by `document_read` (outside the caller's transaction).

    Raises `readers.UnreadableFile` (nothing stored) for a file that cannot be read.
    The same file registered again returns the existing entry with `created=False`."""
    read_file = read or document_read(name=name, data=data)
    result, extraction = read_file.read, read_file.extraction
    text = result.text
    own = extraction[0].own_document
    title = parsing.find_title(text, _type_names())
    numbered = own is not None and bool(own.number)
    details = EntryDetails(
        kind=DocumentKind.PARTY,
        type_code=(own.type_code or "") if own else "",
        type_name=(own.type or "") if own else (title.type_name if title else ""),
        number=own.number if own is not None and numbered else "",
        year=None,
        issuer_code=(own.issuer_code or "") if own else "",
        issuer_name="",
        date=own.date if own else None,
        place=(own.place or "") if own else "",
        status=status or (DocumentStatus.ISSUED if numbered else DocumentStatus.DRAFT),
        visibility=visibility,
        title="" if title else _fallback_title(name),
    )
    named = None
    if numbered and own is not None:
        context = context_org(actor, owner)
        named = IssuerResolver(context, own.date).resolve_named(
            DocumentKind.PARTY,
            canonical_issuer(DocumentKind.PARTY, own.issuer_code or ""),
            text[: own.start],
        )
    with transaction.atomic():  # the writes only: the file was read before it opened
        return _write(
            actor=actor,
            owner=owner,
            issuer=named,
            details=details,
            text=text,
            extraction=extraction,
            title=title,
            file=File(name=name, data=data, read=result),
            action="documents.document_ingest",
        )


def _fallback_title(name: str) -> str:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("_", " ").strip()


@transaction.atomic
def document_register(
    *,
    actor: Actor,
    owner: Organization | None = None,
    kind: str = DocumentKind.PARTY,
    type_code: str = "",
    type_name: str = "",
    number: str = "",
    year: int | None = None,
    issuer_code: str = "",
    issuer: Organization | None = None,
    issuer_name: str = "",
    date: date | None = None,
    title: str = "",
    place: str = "",
    text: str = "",
    status: str = DocumentStatus.ISSUED,
    visibility: str = Visibility.INTERNAL,
) -> RegisterResult:
    """Register a document from its details (and its text, if any, whose references are
    linked and findings stored as for a file). Completes a placeholder of the same
    number; refuses a second entry for a document already registered."""
    found = parsing.find_title(text, _type_names()) if text else None
    span = found
    if title.strip():
        # A summary line given by hand; at the header's place when the text has one, so
        # the relations it states ("Kế hoạch thực hiện ...") are still read.
        at = found if found is not None and found.typed else None
        span = parsing.TitleSpan(
            title.strip(), at.start if at else 0, at.end if at else 0, typed=at is not None
        )
    details = EntryDetails(
        kind=kind,
        type_code=type_code,
        type_name=type_name,
        number=number,
        year=year,
        issuer_code=issuer_code,
        issuer_name=issuer_name,
        date=date,
        place=place,
        status=status,
        visibility=visibility,
        title=title.strip(),
    )
    return _write(
        actor=actor,
        owner=owner,
        issuer=issuer,
        details=details,
        text=text,
        extraction=_extract(text),
        title=span,
        file=None,
        action="documents.document_register",
    )

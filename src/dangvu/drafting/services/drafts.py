"""Drafts: created from data, edited sentence by sentence, redrafted when the data
changed (the bound figures are updated and the changes listed), issued (numbered,
rendered and registered as the organization's own document)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangvu import access
from dangvu.access import Actor
from dangvu.core.audit import audit_record
from dangvu.orgs.models import Organization

from .. import builders
from ..models import Draft, DraftStatus, Genre
from ..render import render_docx
from ..report import Block, Span
from ..serialize import report_from_dict, report_to_dict
from .numbering import number_take
from .scope import authorize
from .templates import template_for

__all__ = ["build_from_source", "draft_create", "draft_edit_block", "draft_issue", "draft_redraft"]

_MARK = re.compile(r"\[(\d+)\]")


def build_from_source(
    *, genre: str, owner: Organization, source: dict[str, Any], today: date, actor: Actor
) -> builders.Built:
    """The report a genre drafts from its source (a task, a date, a reporting round)."""
    on = date.fromisoformat(source["on"]) if source.get("on") else today
    if genre == Genre.DIRECTIVE:
        from dangvu.tracking.models import Task

        task = Task.objects.select_related("source__issuer").get(pk=source["task"])
        return builders.directive_report(task=task, node=owner, on=on)
    if genre == Genre.MEMBER_STATS:
        return builders.member_stats_report(org=owner, on=on, today=today)
    if genre == Genre.PERIODIC:
        from .. import periodic

        return periodic.periodic_report(owner=owner, source=source, actor=actor)
    raise ValidationError({"genre": f"Không có thể loại văn bản “{genre}”."})


def _check_source(genre: str, owner: Organization, source: dict[str, Any], actor: Actor) -> None:
    if genre == Genre.DIRECTIVE:
        from dangvu.tracking.selectors import tasks_visible_to

        task: Any = source.get("task")  # from the JSON source: a pk, or missing
        if not tasks_visible_to(actor).filter(pk=task).exists():
            raise ValidationError(
                {"task": "Không tìm thấy việc được giao này trong phạm vi của bạn."}
            )


@transaction.atomic
def draft_create(
    *,
    genre: str,
    owner: Organization,
    source: dict[str, Any],
    actor: Actor,
    today: date | None = None,
) -> Draft:
    """A draft of `genre` for `owner`, its figures read from `source` now."""
    authorize(actor, owner)
    today = today or timezone.localdate()
    _check_source(genre, owner, source, actor)
    built = build_from_source(genre=genre, owner=owner, source=source, today=today, actor=actor)
    draft = Draft(
        owner=owner,
        genre=genre,
        source=source,
        title=built.report.title,
        content=report_to_dict(built.report),
        figures={"values": built.figures, "labels": built.labels},
        created_by=access.user_of(actor),
    )
    draft.full_clean()
    draft.save()
    audit_record(
        actor=actor,
        action="drafting.draft_create",
        obj=draft,
        organization=owner,
        summary=f"Soạn {draft.get_genre_display().lower()}: {draft.title[:120]}",
        after={"genre": genre, "source": source, "figures": built.figures},
    )
    return draft


def _require_open(draft: Draft) -> None:
    if draft.status != DraftStatus.DRAFT:
        raise ValidationError(
            {"draft": "Văn bản đã ban hành, không sửa được: hãy soạn văn bản mới nếu cần."}
        )


def editable_text(block: Block) -> str:
    """A block's wording with its footnote marks as [1]."""
    return "".join(
        s.text + (f"[{s.footnote}]" if s.footnote is not None else "") for s in block.spans
    )


def _respan(old: Block, text: str) -> tuple[Span, ...]:
    """New wording for a block: its bound figures stay bound where their text is still
    there (in order), footnote marks [n] become footnote marks again."""
    spans: list[Span] = []
    rest = text
    for figure in old.figures:
        at = rest.find(figure.text)
        if at < 0:
            continue
        spans.append(Span(rest[:at]))
        spans.append(Span(figure.text, source=figure.source))
        rest = rest[at + len(figure.text) :]
    spans.append(Span(rest))
    out: list[Span] = []
    for span in spans:
        if span.source:
            out.append(span)
            continue
        pieces = _MARK.split(span.text)
        for i in range(0, len(pieces), 2):
            note = int(pieces[i + 1]) if i + 1 < len(pieces) else None
            if pieces[i] or note is not None:
                out.append(Span(pieces[i], footnote=note))
    return tuple(s for s in out if s.text or s.footnote is not None or s.source)


@transaction.atomic
def draft_edit_block(*, draft: Draft, index: int, text: str, actor: Actor) -> Draft:
    """Replace the wording of block `index`; figures still in the text stay bound."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    authorize(actor, draft.owner)
    _require_open(draft)
    report = report_from_dict(draft.content)
    text = text.strip()
    if not 0 <= index < len(report.blocks):
        raise ValidationError({"index": f"Không có đoạn số {index + 1} trong văn bản."})
    if not text:
        raise ValidationError(
            {"text": "Đoạn văn không được để trống: hãy viết nội dung hoặc giữ nguyên."}
        )
    notes = {int(n) for n in _MARK.findall(text)}
    unknown = sorted(n for n in notes if not 1 <= n <= len(report.footnotes))
    if unknown:
        raise ValidationError(
            {
                "text": f"Không có chú thích [{unknown[0]}]: văn bản có "
                f"{len(report.footnotes)} chú thích."
            }
        )
    old = report.blocks[index]
    new = Block(old.kind, _respan(old, text))
    blocks = list(report.blocks)
    blocks[index] = new
    draft.content = report_to_dict(replace(report, blocks=tuple(blocks)))
    draft.save(update_fields=["content", "updated_at"])
    lost = sorted({f.source for f in old.figures} - {f.source for f in new.figures})
    audit_record(
        actor=actor,
        action="drafting.draft_edit_block",
        obj=draft,
        organization=draft.owner,
        summary=f"Sửa đoạn {index + 1}",
        before={"index": index, "text": old.text},
        after={"index": index, "text": new.text, "unbound": lost},
    )
    return draft


@transaction.atomic
def draft_redraft(*, draft: Draft, actor: Actor, today: date | None = None) -> Draft:
    """Read the figures again: each bound figure takes its new value in place (the
    officer's wording is kept), the tables are rebuilt, and the changes are listed."""
    draft = Draft.objects.select_for_update().get(pk=draft.pk)
    authorize(actor, draft.owner)
    _require_open(draft)
    today = today or timezone.localdate()
    built = build_from_source(
        genre=draft.genre, owner=draft.owner, source=draft.source, today=today, actor=actor
    )
    old_values: dict[str, str] = draft.figures.get("values", {})
    labels = {**draft.figures.get("labels", {}), **built.labels}
    changes = [
        {"source": k, "label": labels.get(k, k), "before": old_values.get(k), "after": v}
        for k, v in built.figures.items()
        if old_values.get(k) != v
    ]
    changes += [
        {"source": k, "label": labels.get(k, k), "before": v, "after": None}
        for k, v in old_values.items()
        if k not in built.figures
    ]
    report = report_from_dict(draft.content)
    blocks = tuple(
        Block(
            b.kind,
            tuple(
                replace(s, text=built.figures[s.source]) if s.source in built.figures else s
                for s in b.spans
            ),
        )
        for b in report.blocks
    )
    draft.content = report_to_dict(replace(report, blocks=blocks, tables=built.report.tables))
    draft.figures = {"values": built.figures, "labels": labels}
    draft.changes = changes
    draft.save(update_fields=["content", "figures", "changes", "updated_at"])
    audit_record(
        actor=actor,
        action="drafting.draft_redraft",
        obj=draft,
        organization=draft.owner,
        summary=f"Soạn lại theo số liệu mới: {len(changes)} số liệu thay đổi",
        before={"figures": old_values},
        after={"figures": built.figures, "changes": changes},
    )
    return draft


@transaction.atomic
def draft_issue(
    *,
    draft: Draft,
    actor: Actor,
    on: date | None = None,
    signer: str = "",
    capacity: str = "",
    position: str = "",
) -> Draft:
    """Issue: take the next number of the owner's series, date and sign the report,
    render it and register the .docx as the owner's own document (its references linked
    to the documents it cites)."""
    from dangvu.documents.services import document_ingest
    from dangvu.tracking.services import assignments_note_document

    draft = Draft.objects.select_for_update().select_related("owner").get(pk=draft.pk)
    authorize(actor, draft.owner, action="ban hành văn bản")
    _require_open(draft)
    report = report_from_dict(draft.content)
    signature = replace(
        report.signature,
        name=signer.strip() or report.signature.name,
        capacity=capacity.strip() or report.signature.capacity,
        position=position.strip() or report.signature.position,
    )
    if not signature.name:
        raise ValidationError({"signer": "Hãy ghi họ tên người ký trước khi ban hành."})
    on = on or timezone.localdate()
    number = number_take(
        issuer=draft.owner, type_code=report.header.type_code, year=on.year, actor=actor
    )
    header = replace(
        report.header, number=str(number.number), date=on, issuer_code=draft.owner.issuer_code
    )
    report = replace(report, header=header, signature=signature)
    data = render_docx(report, template_for(draft.owner, draft.genre))
    result = document_ingest(
        name=f"{number.symbol.replace('/', '-')}.docx", data=data, actor=actor, owner=draft.owner
    )
    doc = result.document
    if doc.number != str(number.number) or doc.date != on:
        raise ValidationError(
            {
                "draft": "Sổ văn bản không đọc lại được số, ngày của văn bản vừa ban hành: hãy "
                "kiểm tra phần đầu văn bản (số, ký hiệu và ngày tháng) trong mẫu."
            }
        )
    if result.created:  # as any registration: a report citing a task's source completes it
        assignments_note_document(result=result, actor=actor)
    draft.content = report_to_dict(report)
    draft.status = DraftStatus.ISSUED
    draft.number = number
    draft.document = doc
    draft.issued_on = on
    draft.full_clean()
    draft.save()
    audit_record(
        actor=actor,
        action="drafting.draft_issue",
        obj=draft,
        organization=draft.owner,
        summary=f"Ban hành {number.symbol}",
        before={"status": DraftStatus.DRAFT},
        after={"status": draft.status, "number": number.symbol, "document": doc.pk, "date": on},
    )
    return draft

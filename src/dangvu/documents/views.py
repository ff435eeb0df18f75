"""Pages of the document register. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from dangvu.access import UserRequest
from dangvu.core.forms import apply_service_errors
from dangvu.core.pages import form_page
from dangvu.core.params import int_param
from dangvu.flows import register
from dangvu.orgs.picker import picked_unit

from . import forms, readers, selectors, services
from .highlight import document_marks, highlight
from .models import Document, DocumentRelation, Finding, Reference, Visibility

PAGE_SIZE = 50


def _detail_url(document: Document, anchor: str = "") -> str:
    url = reverse("documents:document_detail", args=[document.pk])
    return f"{url}#{anchor}" if anchor else url


# --- the register ----------------------------------------------------------------------


@login_required
def document_list(request: UserRequest) -> HttpResponse:
    unit = picked_unit(request)
    form = forms.DocumentFilterForm(request.GET or None)
    filters = selectors.DocumentFilters(owner_id=unit.pk if unit else None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = selectors.DocumentFilters(
            query=data["q"],
            type_code=data["loai"],
            issuer_code=data["co_quan"],
            status=data["trang_thai"],
            owner_id=unit.pk if unit else None,
            date_from=data["tu_ngay"],
            date_to=data["den_ngay"],
            order=data["sap_xep"],
        )
    page_obj = Paginator(selectors.document_list(request.user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    kept = [(k, v) for k, v in request.GET.items() if k != "page" and v]
    return render(
        request,
        "documents/document_list.html",
        {
            "form": form,
            "unit": unit,
            "page_obj": page_obj,
            "filtered": bool(kept),
            "querystring_base": urlencode(kept) + "&" if kept else "",
        },
    )


class SizeLimitUploadHandler(FileUploadHandler):
    """Drops an uploaded file as soon as it passes the size limit: its bytes are read
    off the connection and discarded, never kept in memory or on disk."""

    def __init__(self, request: UserRequest, limit: int) -> None:
        super().__init__(request)
        self.limit = limit
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            self.too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


@csrf_exempt
@login_required
def document_upload(request: UserRequest) -> HttpResponse:
    # The limit must be in place before the body is parsed, hence csrf_exempt here and
    # csrf_protect on the function that reads the form (Django's documented pattern).
    handler = SizeLimitUploadHandler(request, readers.max_file_size())
    request.upload_handlers = [handler, *request.upload_handlers]
    return _document_upload(request, handler)


@csrf_protect
def _document_upload(request: UserRequest, handler: SizeLimitUploadHandler) -> HttpResponse:
    user: Any = request.user
    if not user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo mới được ghi văn bản vào sổ.")
    units = selectors.owner_choices(user)
    initial = {"owner": user.organization}
    if request.method != "POST":
        form = forms.UploadForm(units=units, initial=initial)
        return render(request, "documents/document_upload.html", {"form": form})
    form = forms.UploadForm(request.POST, request.FILES, units=units, initial=initial)
    if handler.too_large:
        # The file was dropped while it arrived: say why, not also that none was chosen.
        form.is_valid()
        form.errors.pop("file", None)
        form.add_error("file", readers.too_large_message())
    elif form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            result = register.document_ingest(
                name=uploaded.name,
                data=uploaded.read(),
                actor=user,
                owner=form.cleaned_data["owner"],
                status=form.cleaned_data["status"] or None,
                visibility=form.cleaned_data["visibility"] or Visibility.INTERNAL,
            )
        except readers.UnreadableFile as exc:
            form.add_error("file", exc.message)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            doc = result.document
            if not result.created:
                messages.info(request, f"Tệp này đã có trong sổ văn bản: {doc}.")
            elif result.received_copy:
                keeper = doc.copy_of.owner.name if doc.copy_of else "đơn vị ban hành"
                messages.success(
                    request,
                    f"Đã ghi bản nhận: {doc}. Văn bản này do {keeper} quản lý "
                    "(cấp trên hoặc Trung ương ban hành): bản gốc trong sổ giữ nguyên, chỉ đơn "
                    "vị ban hành bổ sung, sửa bản gốc.",
                )
            else:
                found = len(result.references)
                waiting = len(result.placeholders)
                messages.success(
                    request,
                    f"Đã ghi vào sổ: {doc}. {found} dẫn chiếu, {waiting} văn bản được dẫn chiếu "
                    "chưa có trong sổ (ghi là văn bản chờ). Hãy kiểm tra các phát hiện bên dưới.",
                )
                if result.extraction_failed:
                    messages.warning(
                        request,
                        "Không trích xuất được dẫn chiếu, số liệu trong văn bản này; văn bản "
                        "vẫn được lưu. Hãy báo quản trị hệ thống.",
                    )
            return redirect(_detail_url(doc))
    return render(request, "documents/document_upload.html", {"form": form}, status=400)


def _same(value: Any, before: Any) -> bool:
    return value == before or (value in ("", None) and before in ("", None))


# --- one document ----------------------------------------------------------------------


TEXT_PART_CHARS = 100_000


def _text_part(text: str, asked: str | None) -> tuple[int, int, int, int]:
    """The part of a long text a page shows (`?phan=2`): parts of some TEXT_PART_CHARS
    characters, cut at a line end; returns (part, parts, start, end)."""
    bounds = [0]
    while len(text) - bounds[-1] > TEXT_PART_CHARS:
        cut = text.rfind("\n", bounds[-1] + TEXT_PART_CHARS // 2, bounds[-1] + TEXT_PART_CHARS)
        bounds.append(cut + 1 if cut > 0 else bounds[-1] + TEXT_PART_CHARS)
    bounds.append(len(text))
    parts = len(bounds) - 1
    part = int_param(asked, 1, low=1, high=parts)
    return part, parts, bounds[part - 1], bounds[part]


@login_required
def document_detail(request: UserRequest, pk: int) -> HttpResponse:
    document = selectors.require_view(request.user, pk)
    references = selectors.references_of(request.user, document)
    findings = list(selectors.findings_of(document))
    part, parts, start, end = _text_part(document.text, request.GET.get("phan"))
    marks = [
        replace(m, start=m.start - start, end=m.end - start)
        for m in document_marks(references, findings)
        if m.end > start and m.start < end
    ]
    text = highlight(document.text[start:end], marks)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "text": text,
            "part": part,
            "parts": parts,
            "references": references,
            "findings": findings,
            "relations": selectors.relations_of(request.user, document),
            "chain": selectors.citation_chain(document, user=request.user),
            "copies": list(selectors.received_copies_of(request.user, document)),
            "can_edit": selectors.can_edit(request.user, document),
        },
    )


@login_required
def document_file(request: UserRequest, pk: int) -> FileResponse:
    document = selectors.require_view(request.user, pk)
    if not document.original_file:
        raise Http404("Văn bản này không có tệp gốc.")
    try:
        handle = document.original_file.open("rb")
    except OSError as exc:
        raise Http404("Không tìm thấy tệp gốc trên máy chủ.") from exc
    return FileResponse(handle, as_attachment=True, filename=document.original_name)


@login_required
def document_edit(request: UserRequest, pk: int) -> HttpResponse:
    document = selectors.require_edit(request.user, pk)
    fields = list(forms.DocumentEditForm.base_fields)
    initial = {name: getattr(document, name) for name in fields}
    form = forms.DocumentEditForm(
        request.POST or None, initial=initial, placeholder=document.is_placeholder
    )

    def perform(data: dict[str, Any]) -> Document:
        changes = {k: v for k, v in data.items() if not _same(v, initial[k])}
        return services.document_update(document=document, actor=request.user, **changes)

    return form_page(
        request,
        form,
        title="Sửa thông tin văn bản",
        subtitle=str(document),
        submit="Lưu",
        back=_detail_url(document),
        perform=perform,
        done="Đã sửa thông tin văn bản.",
    )


@login_required
def finding_correct(request: UserRequest, pk: int) -> HttpResponse:
    finding = get_object_or_404(Finding.objects.select_related("document"), pk=pk)
    document = selectors.require_edit(request.user, finding.document_id)
    value = finding.value
    initial: dict[str, Any] = {**value, "rejected": finding.rejected}
    if "positions" in value:
        initial["positions"] = "\n".join(value["positions"])
    form = forms.FindingCorrectForm(request.POST or None, initial=initial, finding=finding)

    def perform(data: dict[str, Any]) -> Finding:
        return services.finding_correct(
            finding=finding, actor=request.user, values=form.values(), rejected=data["rejected"]
        )

    return form_page(
        request,
        form,
        title=f"Sửa phát hiện: {finding.get_kind_display().lower()}",
        subtitle=(
            f"“{finding.text}” — đọc được: {finding.describe(finding.data)} — trong {document}"
        ),
        submit="Ghi sửa đổi",
        back=_detail_url(document, f"f{finding.pk}"),
        perform=perform,
        done="Đã ghi sửa đổi; bản trích xuất gốc vẫn được giữ.",
    )


@login_required
def reference_correct(request: UserRequest, pk: int) -> HttpResponse:
    reference = get_object_or_404(Reference, pk=pk)
    document = selectors.require_edit(request.user, reference.document_id)
    initial = {
        "kind": reference.kind,
        "type_code": reference.type_code,
        "number": reference.number,
        "year": reference.year,
        "issuer_code": reference.issuer_code,
        "date": reference.date,
    }
    form = forms.ReferenceCorrectForm(request.POST or None, initial=initial)

    def perform(data: dict[str, Any]) -> Reference:
        return services.reference_correct(reference=reference, actor=request.user, **data)

    return form_page(
        request,
        form,
        title="Sửa dẫn chiếu",
        subtitle=f"“{reference.text}” — trong {document}",
        submit="Ghi sửa đổi",
        back=_detail_url(document, f"r{reference.pk}"),
        perform=perform,
        done="Đã sửa dẫn chiếu và liên kết lại với sổ văn bản.",
    )


@login_required
def relation_add(request: UserRequest, pk: int) -> HttpResponse:
    document = selectors.require_edit(request.user, pk)
    cited = [
        r.target
        for r, can_open in selectors.references_of(request.user, document)
        if can_open and r.target is not None
    ]
    cited = list({d.pk: d for d in cited}.values())
    form = forms.RelationAddForm(request.POST or None, cited=cited)

    def perform(data: dict[str, Any]) -> DocumentRelation:
        if data["cited"]:
            target = next(d for d in cited if str(d.pk) == data["cited"])
        else:
            found = list(
                selectors.documents_by_symbol(request.user, data["symbol"], data["on"])[:2]
            )
            if not found:
                raise ValidationError(
                    {
                        "symbol": "Không tìm thấy văn bản số, ký hiệu này trong phạm vi của bạn: "
                        "hãy kiểm tra lại, hoặc tải văn bản lên trước."
                    }
                )
            if len(found) > 1:
                raise ValidationError(
                    {"on": "Có nhiều văn bản cùng số, ký hiệu này: hãy nhập ngày ban hành."}
                )
            target = found[0]
        return services.relation_add(
            source=document, target=target, kind=data["kind"], actor=request.user, note=data["note"]
        )

    return form_page(
        request,
        form,
        title="Ghi quan hệ với văn bản khác",
        subtitle=str(document),
        submit="Ghi quan hệ",
        back=_detail_url(document),
        perform=perform,
        done="Đã ghi quan hệ giữa hai văn bản.",
    )


@login_required
@require_POST
def relation_remove(request: UserRequest, pk: int) -> HttpResponse:
    relation = get_object_or_404(DocumentRelation, pk=pk)
    document = selectors.require_edit(request.user, relation.source_id)
    services.relation_remove(relation=relation, actor=request.user)
    messages.success(request, "Đã bỏ quan hệ giữa hai văn bản.")
    return redirect(_detail_url(document))

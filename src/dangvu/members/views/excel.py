"""Importing members from Excel."""

from __future__ import annotations

import base64
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from .. import forms, services
from ..services.excel import COLUMNS, check_rows, read_rows
from ..services.identifiers import identifier_refusals_record
from .lists import org_param


@login_required
def member_import(request: HttpRequest) -> HttpResponse:
    if not request.user.can_edit:
        raise PermissionDenied("Chỉ chuyên viên, lãnh đạo được nhập danh sách đảng viên.")
    within = org_param(request) or request.user.organization
    if within is None:
        raise PermissionDenied("Hãy chọn đơn vị nhận danh sách (tham số to_chuc).")
    context: dict[str, Any] = {"within": within, "columns": [h for h, _ in COLUMNS]}
    form = forms.ImportForm()
    if request.method == "POST" and "ghi" in request.POST:
        data = base64.b64decode(request.session.get("members_import", ""))
        try:
            added = services.members_import(
                data=data,
                within=within,
                actor=request.user,
                filename=request.session.get("members_import_name", ""),
            )
        except ValidationError as exc:
            context["errors"] = exc.messages
        else:
            request.session.pop("members_import", None)
            messages.success(request, f"Đã nhập {added} đảng viên.")
            return redirect(f"{reverse('members:member_list')}?to_chuc={within.pk}")
    elif request.method == "POST":
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read()
            rows, problems = read_rows(data)
            check = check_rows(rows, within=within, actor=request.user) if not problems else None
            if check is not None:
                identifier_refusals_record(actor=request.user, refusals=check.outside)
            context["problems"] = problems or check.problems
            context["check"] = check
            if check is not None and check.clean:
                request.session["members_import"] = base64.b64encode(data).decode()
                request.session["members_import_name"] = upload.name
    context["form"] = form
    status = 400 if context.get("problems") or context.get("errors") else 200
    return render(request, "members/import.html", context, status=status)

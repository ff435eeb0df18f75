"""Forms of the tracking pages. They parse; the services decide."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse

from dangvu.core.forms import LONG_TEXT, SHORT_TEXT, VietDateField
from dangvu.core.params import id_param
from dangvu.documents.models import Document, DocumentStatus
from dangvu.documents.selectors import documents_by_symbol, documents_visible_to
from dangvu.orgs.models import Organization

from .models import ExemptReason, TaskKind, UnitRuleChoice
from .selectors import unit_label


def source_choices(user: Any) -> Any:
    """Issued documents of the user's committee and those below it, newest first."""
    qs = documents_visible_to(user).filter(status=DocumentStatus.ISSUED)
    if not user.is_superuser:
        qs = qs.filter(owner__in=Organization.objects.within(user.organization))
    return qs.select_related("owner").defer("text", "search_text").order_by("-date", "-id")


PICKER_LIMIT = 300


@dataclass
class PickerUnit:
    pk: int
    label: str
    level: int


def picker_units(units: Any, own: Organization | None, chosen: list[str]) -> list[PickerUnit]:
    """What the unit picker lists: the units of the next two levels below `own` (one level
    when that is too many), at most PICKER_LIMIT, plus those already chosen."""
    top = own.depth if own is not None else -1
    shown = list(units.filter(depth__lte=top + 2).order_by("path")[: PICKER_LIMIT + 1])
    if len(shown) > PICKER_LIMIT:
        shown = list(units.filter(depth=top + 1).order_by("path")[:PICKER_LIMIT])
    ids = {o.pk for o in shown}
    extra = [id_param(v) for v in chosen if id_param(v) and id_param(v) not in ids]
    if extra:
        shown += list(units.filter(pk__in=extra).order_by("path"))
    return [PickerUnit(o.pk, unit_label(o), max(o.depth - top - 1, 0)) for o in shown]


class UnitPicker(forms.CheckboxSelectMultiple):
    """Checkboxes of units with a filter box (static/tracking/unit-picker.js, served by
    dangvu itself): typing filters the listed units and asks the server for the others."""

    template_name = "tracking/widgets/unit_picker.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.units: list[PickerUnit] = []

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        chosen = {str(v) for v in (value or [])}
        context["widget"]["units"] = [
            {"pk": u.pk, "label": u.label, "level": u.level, "checked": str(u.pk) in chosen}
            for u in self.units
        ]
        context["widget"]["search_url"] = reverse("tracking:unit_search")
        return context


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Document) -> str:
        return f"{obj.symbol or obj.type_name} — {obj.title[:90]}" if obj.title else str(obj)


class TaskForm(forms.Form):
    source = DocumentChoiceField(
        label="Văn bản giao việc", queryset=Document.objects.none(), empty_label="— chọn văn bản —"
    )
    title = forms.CharField(label="Nội dung công việc", max_length=500)
    kind = forms.ChoiceField(label="Loại việc", choices=TaskKind.choices)
    description = forms.CharField(
        max_length=LONG_TEXT,
        label="Yêu cầu cụ thể",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    issued_on = VietDateField(
        label="Ngày giao", help_text="Đơn vị thực hiện được xác định theo cây tổ chức ngày này."
    )
    due_on = VietDateField(label="Hạn hoàn thành (lần 1)")
    due_on_2 = VietDateField(label="Hạn lần 2", required=False)
    due_on_3 = VietDateField(label="Hạn lần 3", required=False)
    rule_root = forms.ModelChoiceField(
        label="Trong phạm vi", queryset=Organization.objects.none(), empty_label=None
    )
    unit_rule = forms.ChoiceField(label="Đơn vị thực hiện", choices=UnitRuleChoice.choices)
    listed = forms.ModelMultipleChoiceField(
        label="Các đơn vị thực hiện (khi chọn theo danh sách)",
        queryset=Organization.objects.none(),
        required=False,
        widget=UnitPicker,
        error_messages={
            "invalid_choice": "Đơn vị mã số %(value)s không thuộc phạm vi của bạn hoặc đã chấm "
            "dứt hoạt động: chỉ chọn các đơn vị trực thuộc.",
            "invalid_pk_value": "“%(pk)s” không phải một đơn vị: hãy chọn trong danh sách.",
        },
    )
    asks_sessions = forms.BooleanField(label="Yêu cầu báo cáo số buổi", required=False)
    asks_participants = forms.BooleanField(
        label="Yêu cầu báo cáo số lượt đảng viên tham dự", required=False
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        cast(forms.ModelChoiceField, self.fields["source"]).queryset = source_choices(user)
        roots = Organization.objects.filter(dissolved_on__isnull=True)
        if not user.is_superuser:
            own = user.organization
            roots = roots.within(own).filter(depth__lte=own.depth + 1)
        else:
            roots = roots.filter(depth__lte=2)
        cast(forms.ModelChoiceField, self.fields["rule_root"]).queryset = roots.order_by("path")
        # Any unit of the user's subtree that is still active may be picked (the service
        # checks again that it lies below the chosen scope); the page lists the nearest
        # levels and the search finds the rest.
        units = Organization.objects.filter(dissolved_on__isnull=True)
        own = None if user.is_superuser else user.organization
        if own is not None:
            units = units.within(own).exclude(pk=own.pk)
        listed = cast(forms.ModelMultipleChoiceField, self.fields["listed"])
        listed.queryset = units
        data = cast(QueryDict, self.data)
        chosen = data.getlist(self.add_prefix("listed")) if self.is_bound else []
        listed.widget.units = picker_units(units, own, chosen)

    def clean_listed(self) -> list[Organization]:
        return list(self.cleaned_data["listed"].order_by("path"))

    def due_dates(self) -> list[Any]:
        d = self.cleaned_data
        return [x for x in (d["due_on"], d.get("due_on_2"), d.get("due_on_3")) if x]

    def task_arguments(self) -> dict[str, Any]:
        """The arguments of `services.task_create` from the cleaned form (the actor apart):
        the page and the API give a task from the same form."""
        d = self.cleaned_data
        names = ("source", "title", "kind", "description", "issued_on", "unit_rule")
        return {
            **{name: d[name] for name in names},
            "due_dates": self.due_dates(),
            "rule_root": d["rule_root"],
            "listed": d["listed"],
            "asks_sessions": d["asks_sessions"],
            "asks_participants": d["asks_participants"],
        }


class SubmitForm(forms.Form):
    text = forms.CharField(
        max_length=LONG_TEXT,
        label="Nội dung báo cáo, tình hình thực hiện",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    completed_on = VietDateField(
        label="Ngày hoàn thành", required=False, help_text="Để trống: hôm nay."
    )
    sessions = forms.IntegerField(label="Số buổi đã tổ chức", required=False, min_value=0)
    participants = forms.IntegerField(
        label="Số lượt đảng viên tham dự", required=False, min_value=0
    )
    evidence_symbol = forms.CharField(
        max_length=SHORT_TEXT,
        label="Văn bản của đơn vị (số, ký hiệu)",
        required=False,
        help_text="Ví dụ 15-KH/ĐU; văn bản phải có trong sổ văn bản.",
    )
    attachment = forms.FileField(label="Tệp đính kèm", required=False)

    def __init__(self, *args: Any, user: Any, task: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if not task.asks_sessions:
            del self.fields["sessions"]
        if not task.asks_participants:
            del self.fields["participants"]

    def clean_evidence_symbol(self) -> Document | None:
        symbol = self.cleaned_data.get("evidence_symbol", "").strip()
        if not symbol:
            return None
        found = list(documents_by_symbol(self.user, symbol).order_by("-date")[:1])
        if not found:
            raise ValidationError(
                f"Không thấy văn bản “{symbol}” trong sổ văn bản: hãy ghi văn bản vào sổ trước."
            )
        return found[0]


class ReviewForm(forms.Form):
    comment = forms.CharField(
        max_length=LONG_TEXT,
        label="Ý kiến",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        max_length=LONG_TEXT,
        label="Ý kiến: đơn vị cần bổ sung, sửa gì",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Hãy ghi ý kiến để đơn vị bổ sung."},
    )


class ExemptForm(forms.Form):
    reason = forms.ChoiceField(label="Lý do", choices=ExemptReason.choices)
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)


class RemindForm(forms.Form):
    note = forms.CharField(
        label="Lời nhắn thêm (không bắt buộc)",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": "Lời nhắn thêm dài quá %(limit_value)d ký tự: hãy viết ngắn lại.",
        },
    )

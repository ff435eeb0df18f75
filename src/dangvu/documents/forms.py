"""Forms of the register's pages. They parse and check input; the services decide."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from dangvu.core.forms import LONG_TEXT, SHORT_TEXT, TITLE_TEXT, VietDateField
from dangvu.orgs.models import Organization

from .models import (
    DocumentKind,
    DocumentStatus,
    DocumentType,
    Finding,
    FindingKind,
    IssuerCode,
    RelationKind,
    Visibility,
)
from .readers import max_file_size

AUTO = ""


def _type_choices() -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for code, name in DocumentType.objects.exclude(code="").values_list("code", "name"):
        seen[code] = f"{seen[code]}, {name}" if code in seen else f"{code} — {name}"
    return [("", "Tất cả loại"), *sorted(seen.items())]


def _issuer_choices() -> list[tuple[str, str]]:
    rows = IssuerCode.objects.filter(kind=DocumentKind.PARTY).values_list("code", "name")
    return [("", "Tất cả cơ quan")] + [(c, f"{c} — {n}") for c, n in rows]


class DocumentFilterForm(forms.Form):
    q = forms.CharField(
        max_length=SHORT_TEXT,
        label="Tìm (không cần dấu)",
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "ví dụ: ke hoach 42-CTr"}),
    )
    loai = forms.ChoiceField(label="Loại", required=False)
    co_quan = forms.ChoiceField(label="Cơ quan ban hành", required=False)
    trang_thai = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[("", "Tất cả"), *list(DocumentStatus.choices)],
    )
    tu_ngay = VietDateField(label="Từ ngày", required=False)
    den_ngay = VietDateField(label="Đến ngày", required=False)
    sap_xep = forms.ChoiceField(
        label="Sắp xếp",
        required=False,
        choices=[("", "Ngày ban hành, mới trước"), ("co_quan", "Cơ quan ban hành, A–Z")],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["loai"]).choices = _type_choices()
        cast(forms.ChoiceField, self.fields["co_quan"]).choices = _issuer_choices()


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp văn bản",
        help_text="Tệp .docx, .pdf (có lớp chữ) hoặc .txt.",
        error_messages={
            "required": "Hãy chọn tệp văn bản để tải lên.",
            "empty": "Tệp rỗng (0 byte): hãy kiểm tra lại tệp trước khi tải lên.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx,.pdf"}),
    )
    owner = forms.ModelChoiceField(
        label="Đơn vị ghi văn bản",
        queryset=Organization.objects.none(),
        required=False,
        empty_label=None,
        help_text="Văn bản của cấp ủy cấp trên được ghi vào đúng cấp ủy ban hành.",
    )
    status = forms.ChoiceField(
        label="Trạng thái",
        required=False,
        choices=[
            (AUTO, "Tự nhận biết (có số, ký hiệu: đã ban hành)"),
            (DocumentStatus.ISSUED, DocumentStatus.ISSUED.label),
            (DocumentStatus.DRAFT, DocumentStatus.DRAFT.label),
        ],
    )
    visibility = forms.ChoiceField(
        label="Phạm vi xem",
        choices=Visibility.choices,
        initial=Visibility.INTERNAL,
        required=False,
    )

    def __init__(self, *args: Any, units: list[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = Organization.objects.filter(
            pk__in=[o.pk for o in units]
        )
        self.fields["file"].help_text += f" Tối đa {max_file_size() // (1024 * 1024)} MB."


class DocumentEditForm(forms.Form):
    kind = forms.ChoiceField(label="Khối", choices=DocumentKind.choices)
    type_code = forms.CharField(label="Ký hiệu loại", required=False, max_length=16)
    type_name = forms.CharField(label="Tên loại văn bản", required=False, max_length=80)
    number = forms.CharField(label="Số", required=False, max_length=16)
    year = forms.IntegerField(
        label="Năm trong số hiệu", required=False, help_text="Chỉ văn bản nhà nước: 13/2023/NĐ-CP."
    )
    issuer_code = forms.CharField(label="Ký hiệu cơ quan ban hành", required=False, max_length=24)
    date = VietDateField(label="Ngày ban hành", required=False)
    title = forms.CharField(
        max_length=TITLE_TEXT, label="Trích yếu", required=False, widget=forms.Textarea({"rows": 3})
    )
    place = forms.CharField(label="Địa danh", required=False, max_length=80)
    status = forms.ChoiceField(label="Trạng thái", choices=DocumentStatus.choices)
    visibility = forms.ChoiceField(label="Phạm vi xem", choices=Visibility.choices)

    def __init__(self, *args: Any, placeholder: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not placeholder:
            cast(forms.ChoiceField, self.fields["status"]).choices = [
                c for c in DocumentStatus.choices if c[0] != DocumentStatus.PLACEHOLDER
            ]


class FindingCorrectForm(forms.Form):
    """The fields of one kind of finding, and "not a finding"."""

    rejected = forms.BooleanField(label="Không phải phát hiện đúng: bỏ qua", required=False)

    def __init__(self, *args: Any, finding: Finding, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = finding.kind
        extra: dict[str, forms.Field] = {}
        if kind == FindingKind.FIGURE:
            extra = {
                "value": forms.CharField(
                    max_length=SHORT_TEXT, label="Số liệu", help_text="Ví dụ 1.234 hoặc 12,5."
                ),
                "of": forms.CharField(max_length=SHORT_TEXT, label="Trên tổng số", required=False),
                "unit": forms.CharField(max_length=SHORT_TEXT, label="Đơn vị tính", required=False),
                "what": forms.CharField(max_length=SHORT_TEXT, label="Nội dung", required=False),
            }
        elif kind == FindingKind.DEADLINE:
            extra = {
                "date": VietDateField(label="Hạn"),
                "what": forms.CharField(
                    max_length=SHORT_TEXT, label="Việc phải làm", required=False
                ),
            }
        elif kind == FindingKind.PERSON:
            extra = {
                "name": forms.CharField(max_length=SHORT_TEXT, label="Họ và tên"),
                "positions": forms.CharField(
                    max_length=LONG_TEXT,
                    label="Chức vụ (mỗi dòng một chức vụ)",
                    required=False,
                    widget=forms.Textarea({"rows": 3}),
                ),
            }
        elif kind == FindingKind.PERIOD:
            extra = {
                "value": forms.CharField(
                    max_length=SHORT_TEXT,
                    label="Kỳ báo cáo",
                    help_text="2023, 2023-Q1, 2023-H1, 2023-9M, 2023-M06 hoặc 2020-2025.",
                )
            }
        for name, field in extra.items():
            field.required = field.required and not self.data.get("rejected")
            self.fields[name] = field
        self.order_fields([*extra, "rejected"])

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "rejected"}


class ReferenceCorrectForm(forms.Form):
    kind = forms.ChoiceField(label="Khối", choices=DocumentKind.choices)
    type_code = forms.CharField(label="Ký hiệu loại", required=False, max_length=16)
    number = forms.CharField(label="Số", max_length=16)
    year = forms.IntegerField(label="Năm trong số hiệu (văn bản nhà nước)", required=False)
    issuer_code = forms.CharField(label="Ký hiệu cơ quan ban hành", max_length=24)
    date = VietDateField(label="Ngày ban hành", required=False)


class RelationAddForm(forms.Form):
    kind = forms.ChoiceField(label="Quan hệ", choices=RelationKind.choices)
    cited = forms.ChoiceField(label="Văn bản được dẫn chiếu trong văn bản này", required=False)
    symbol = forms.CharField(
        max_length=SHORT_TEXT,
        label="Hoặc số, ký hiệu",
        required=False,
        help_text="Ví dụ 42-CTr/TU hoặc 13/2023/NĐ-CP.",
    )
    on = VietDateField(label="Ngày ban hành (nếu có nhiều văn bản cùng số)", required=False)
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)

    def __init__(self, *args: Any, cited: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["cited"]).choices = [("", "—")] + [
            (str(d.pk), str(d)) for d in cited
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("cited") and not data.get("symbol", "").strip():
            raise forms.ValidationError(
                "Hãy chọn văn bản được dẫn chiếu hoặc nhập số, ký hiệu văn bản liên quan."
            )
        return data

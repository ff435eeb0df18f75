from typing import Any, cast

from django import forms

from dangvu.core.forms import LONG_TEXT, VietDateField

from .models import Organization, OrgKind, OrgVersion

DECISION_HELP = "Số, ký hiệu văn bản quyết định, ví dụ: Quyết định số 123-QĐ/TU, ngày 20/6/2025"


class DecisionMixin(forms.Form):
    effective_on = VietDateField(label="Ngày hiệu lực")
    decision = forms.CharField(label="Văn bản quyết định", max_length=255, help_text=DECISION_HELP)


class OrganizationCreateForm(forms.Form):
    name = forms.CharField(label="Tên tổ chức", max_length=255)
    committee_name = forms.CharField(
        label="Tên cấp ủy", max_length=255, required=False, help_text="Ví dụ: Đảng ủy xã Âu Lâu"
    )
    kind = forms.ChoiceField(label="Loại hình", choices=OrgKind.choices)
    code = forms.CharField(label="Mã đơn vị", max_length=32)
    issuer_code = forms.CharField(
        label="Ký hiệu văn bản", max_length=16, required=False, help_text="Ví dụ: TU, ĐU, ĐUK, CB"
    )
    founded_on = VietDateField(label="Ngày thành lập")
    decision = forms.CharField(label="Văn bản quyết định", max_length=255, help_text=DECISION_HELP)


class OrganizationRenameForm(DecisionMixin):
    name = forms.CharField(label="Tên mới", max_length=255)
    committee_name = forms.CharField(label="Tên cấp ủy", max_length=255, required=False)
    code = forms.CharField(label="Mã đơn vị", max_length=32)
    issuer_code = forms.CharField(label="Ký hiệu văn bản", max_length=16, required=False)
    kind = forms.ChoiceField(label="Loại hình", choices=OrgKind.choices)


class OrgChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.code})"


class OrgMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.code})"


class OrganizationMoveForm(DecisionMixin):
    new_parent = OrgChoiceField(
        label="Trực thuộc tổ chức mới",
        queryset=Organization.objects.none(),
        error_messages={
            "required": "Hãy chọn tổ chức cấp trên mới.",
            "invalid_choice": "Tổ chức cấp trên đã chọn không hợp lệ.",
        },
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["new_parent"]).queryset = candidates


class OrganizationMergeForm(DecisionMixin):
    others = OrgMultipleChoiceField(
        label="Cùng hợp nhất với",
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Các tổ chức khác cùng hợp nhất (nếu có).",
    )
    into = OrgChoiceField(
        label="Sáp nhập vào tổ chức đã có",
        queryset=Organization.objects.none(),
        required=False,
        help_text="Bỏ trống nếu hợp nhất thành tổ chức mới.",
    )
    new_name = forms.CharField(label="Tên tổ chức mới", max_length=255, required=False)
    new_committee_name = forms.CharField(label="Tên cấp ủy mới", max_length=255, required=False)
    new_code = forms.CharField(label="Mã tổ chức mới", max_length=32, required=False)
    new_issuer_code = forms.CharField(label="Ký hiệu văn bản", max_length=16, required=False)
    new_kind = forms.ChoiceField(label="Loại hình tổ chức mới", choices=OrgKind.choices)

    def __init__(self, *args: Any, siblings: Any, targets: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["others"]).queryset = siblings
        cast(forms.ModelChoiceField, self.fields["into"]).queryset = targets

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("into"):
            if not (data.get("new_name") or "").strip():
                self.add_error("new_name", "Hãy nhập tên tổ chức mới, hoặc chọn tổ chức nhận.")
            if not (data.get("new_code") or "").strip():
                self.add_error("new_code", "Hãy nhập mã tổ chức mới.")
        elif (data.get("new_name") or "").strip():
            self.add_error(
                "new_name", "Đã chọn tổ chức nhận: hãy bỏ trống tên tổ chức mới, hoặc bỏ chọn."
            )
        return data


class OrganizationSplitForm(DecisionMixin):
    parts = forms.CharField(
        max_length=LONG_TEXT,
        label="Các tổ chức mới",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Mỗi dòng một tổ chức: Tên | Mã đơn vị, ví dụ: Chi bộ Thôn 1A | CB01A",
    )
    kind = forms.ChoiceField(label="Loại hình các tổ chức mới", choices=OrgKind.choices)

    def __init__(self, *args: Any, children: list[OrgVersion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children = children
        for child in children:
            self.fields[f"child_{child.organization_id}"] = forms.IntegerField(
                label=f"“{child.name}” chuyển về tổ chức mới thứ",
                min_value=1,
                error_messages={"required": f"Hãy chọn tổ chức mới cho “{child.name}”."},
            )

    def clean_parts(self) -> list[tuple[str, str]]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["parts"].splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, code = line.partition("|")
            if not sep or not name.strip() or not code.strip():
                raise forms.ValidationError(
                    f"Dòng {number} chưa đúng dạng “Tên | Mã đơn vị”: “{line.strip()}”."
                )
            parsed.append((name.strip(), code.strip()))
        if len(parsed) < 2:
            raise forms.ValidationError("Hãy nhập ít nhất hai tổ chức mới, mỗi dòng một tổ chức.")
        return parsed

    def assignment(self) -> dict[int, int]:
        return {
            c.organization_id: self.cleaned_data[f"child_{c.organization_id}"] - 1
            for c in self.children
        }


class OrganizationDissolveForm(DecisionMixin):
    pass

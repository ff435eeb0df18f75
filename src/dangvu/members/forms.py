"""Forms of the member pages: parse input, nothing more (the services decide)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms

from dangvu.core.forms import LONG_TEXT, SHORT_TEXT, VietDateField
from dangvu.core.params import id_param
from dangvu.orgs.models import CELL_KINDS, Organization

from . import catalog, rules
from .models import (
    EXIT_KINDS,
    DisciplineForm,
    Education,
    EventKind,
    Member,
    MemberStatus,
    RatingLevel,
    Sex,
    Theory,
    Transfer,
)

SPONSOR_FIELDS = ("sponsor1", "sponsor2")
ORDINALS = ("thứ nhất", "thứ hai")
DECISION_HELP = "Số, ký hiệu và ngày của văn bản, ví dụ: Quyết định số 12-QĐ/ĐU, ngày 5/3/2025."


def _blank(choices: list[tuple[str, str]], label: str = "Tất cả") -> list[tuple[str, str]]:
    return [("", label), *choices]


class FoundChoiceField(forms.ModelChoiceField):
    """A choice among search results, each shown with the label its search gave it
    (`labels`, by pk), the object itself where it has none."""

    labels: dict[int, str] = {}

    def label_from_instance(self, obj: Any) -> str:
        return self.labels.get(obj.pk, str(obj))


class MemberFilterForm(forms.Form):
    q = forms.CharField(
        max_length=SHORT_TEXT,
        label="Tìm theo tên, số thẻ",
        required=False,
        help_text=(
            "Không cần gõ dấu. Từ cuối là tên hoặc phần đầu của tên, các từ trước có trong "
            "họ tên: Hùng, Văn Hùng, Nguyễn Hùng, Nguyễn Văn Hùng; hoặc gõ họ tên từ đầu: "
            "Nguyễn Đức, Nguyễn Đức Th. Gõ số để tìm số thẻ đảng viên."
        ),
    )
    status = forms.ChoiceField(
        label="Tình trạng",
        required=False,
        choices=[("active", "Đang sinh hoạt"), ("all", "Tất cả"), *MemberStatus.choices],
    )
    sex = forms.ChoiceField(label="Giới tính", required=False, choices=_blank(Sex.choices))
    age_band = forms.ChoiceField(label="Độ tuổi", required=False)
    ethnicity = forms.ChoiceField(
        label="Dân tộc", required=False, choices=_blank([(e, e) for e in catalog.ETHNIC_GROUPS])
    )
    religion = forms.ChoiceField(
        label="Tôn giáo", required=False, choices=_blank([(r, r) for r in catalog.RELIGIONS])
    )
    education = forms.ChoiceField(
        label="Giáo dục phổ thông", required=False, choices=_blank(Education.choices)
    )
    theory_level = forms.ChoiceField(
        label="Lý luận chính trị", required=False, choices=_blank(Theory.choices)
    )
    exempt = forms.ChoiceField(
        label="Miễn sinh hoạt",
        required=False,
        choices=[("", "Tất cả"), ("1", "Được miễn sinh hoạt"), ("0", "Không miễn")],
    )
    admitted_from = VietDateField(label="Vào Đảng từ ngày", required=False)
    admitted_to = VietDateField(label="đến ngày", required=False)
    position = forms.CharField(max_length=SHORT_TEXT, label="Chức vụ", required=False)
    # ?ngay=, as on the statistics and organization pages that link here
    ngay = VietDateField(
        label="Tại ngày",
        required=False,
        help_text="Để trống: hôm nay. Một ngày đã qua: những người sinh hoạt ở đơn vị ngày đó.",
    )

    def __init__(self, *args: Any, age_limits: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["age_band"]).choices = _blank(
            [(b, b) for b in rules.age_band_labels(age_limits)]
        )


class ProfileForm(forms.Form):
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    other_names = forms.CharField(max_length=SHORT_TEXT, label="Tên gọi khác", required=False)
    sex = forms.ChoiceField(label="Giới tính", choices=Sex.choices)
    birth_date = VietDateField(label="Ngày sinh")
    ethnicity = forms.ChoiceField(
        label="Dân tộc", choices=[(e, e) for e in catalog.ETHNIC_GROUPS], initial="Kinh"
    )
    religion = forms.ChoiceField(
        label="Tôn giáo", choices=[(r, r) for r in catalog.RELIGIONS], initial="Không"
    )
    home_town = forms.CharField(max_length=SHORT_TEXT, label="Quê quán", required=False)
    residence = forms.CharField(max_length=SHORT_TEXT, label="Nơi ở hiện nay", required=False)
    phone = forms.CharField(max_length=SHORT_TEXT, label="Điện thoại", required=False)
    citizen_id = forms.CharField(max_length=SHORT_TEXT, label="Số CCCD (12 chữ số)", required=False)
    education = forms.ChoiceField(label="Giáo dục phổ thông", choices=Education.choices)
    professional_level = forms.ChoiceField(
        label="Chuyên môn, nghiệp vụ", choices=[(c, lbl) for c, lbl in catalog.PROFESSIONAL]
    )
    theory_level = forms.ChoiceField(label="Lý luận chính trị", choices=Theory.choices)
    occupation = forms.CharField(max_length=SHORT_TEXT, label="Nghề nghiệp", required=False)
    positions = forms.CharField(
        max_length=SHORT_TEXT,
        label="Chức vụ",
        required=False,
        help_text="Cách nhau bằng dấu chấm phẩy.",
    )
    card_number = forms.CharField(max_length=SHORT_TEXT, label="Số thẻ đảng viên", required=False)


class AdmitForm(ProfileForm):
    organization = forms.ModelChoiceField(label="Chi bộ", queryset=Organization.objects.none())
    admitted_on = VietDateField(label="Ngày quyết định kết nạp")
    ceremony_on = VietDateField(label="Ngày lễ kết nạp", required=False)
    decision = forms.CharField(
        max_length=SHORT_TEXT, label="Quyết định kết nạp", help_text=DECISION_HELP
    )
    over_age_approval = forms.CharField(
        max_length=SHORT_TEXT,
        label="Văn bản đồng ý của Ban Thường vụ (nếu trên 60 tuổi)",
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        cells: Any,
        candidates: Any = None,
        found: dict[str, list[tuple[Any, str]]] | None = None,
        **kwargs: Any,
    ) -> None:
        """`candidates`: the members the user may pick (the picked one is checked against
        it); `found`: the search results to offer for "sponsor1" and "sponsor2"."""
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = cells
        for name, ordinal in zip(SPONSOR_FIELDS, ORDINALS, strict=True):
            self.fields[f"{name}_q"] = forms.CharField(
                max_length=SHORT_TEXT,
                label=f"Người giới thiệu {ordinal}: tìm trong sổ",
                required=False,
                help_text="Gõ tên hoặc số thẻ đảng viên, không cần dấu, rồi bấm Tìm.",
            )
            self.fields[name] = FoundChoiceField(
                label=f"Chọn người giới thiệu {ordinal}",
                queryset=Member.objects.none(),
                required=False,
                widget=forms.RadioSelect,
                empty_label=None,
            )
            self.fields[f"{name}_name"] = forms.CharField(
                label=f"hoặc họ tên, đơn vị người giới thiệu {ordinal} (nếu không có trong sổ)",
                required=False,
                max_length=255,
            )
        for name in SPONSOR_FIELDS:
            labels = {m.pk: label for m, label in (found or {}).get(name, [])}
            posted = self.data.get(name) if self.is_bound else None
            ids = list(labels) + ([id_param(str(posted))] if id_param(str(posted)) else [])
            field = cast(FoundChoiceField, self.fields[name])
            pool = candidates if candidates is not None else Member.objects.none()
            field.queryset = pool.filter(pk__in=ids)
            field.labels = labels

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        sponsors: list[Any] = []
        for name, ordinal in zip(SPONSOR_FIELDS, ORDINALS, strict=True):
            picked, written = data.get(name), (data.get(f"{name}_name") or "").strip()
            if picked is not None and written:
                self.add_error(
                    f"{name}_name",
                    f"Người giới thiệu {ordinal} đã được chọn trong sổ: hãy xóa họ tên ghi "
                    "thêm, hoặc bỏ chọn người trong sổ.",
                )
            elif picked is None and not written:
                self.add_error(
                    name,
                    f"Hãy tìm và chọn người giới thiệu {ordinal} trong sổ, hoặc ghi họ tên, "
                    "đơn vị nếu người này không có trong sổ.",
                )
            sponsors.append(picked or written)
        data["sponsors"] = sponsors
        return data

    def admission(self) -> dict[str, Any]:
        """The cleaned data as `member_admit` takes it."""
        skip = {n for s in SPONSOR_FIELDS for n in (s, f"{s}_q", f"{s}_name")}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}


class DecisionForm(forms.Form):
    on = VietDateField(label="Ngày")
    decision = forms.CharField(
        max_length=SHORT_TEXT, label="Văn bản quyết định", help_text=DECISION_HELP
    )


class RecognizeForm(forms.Form):
    on = VietDateField(
        label="Chính thức từ ngày",
        required=False,
        help_text="Để trống: ngày hết 12 tháng dự bị (chính thức từ ngày đó dù xét muộn).",
    )
    decision = forms.CharField(
        max_length=SHORT_TEXT, label="Quyết định công nhận", help_text=DECISION_HELP
    )


class ExitForm(DecisionForm):
    kind = forms.ChoiceField(
        label="Hình thức",
        choices=[(k, EventKind(k).label) for k in EXIT_KINDS] + [("tu_tran", "Từ trần")],
    )
    field_order = ["kind", "on", "decision"]


EXEMPT_OTHER = "khac"


class ExemptForm(DecisionForm):
    reason = forms.ChoiceField(
        label="Lý do",
        choices=[(r, r) for r in ("Tuổi cao", "Sức khỏe yếu")] + [(EXEMPT_OTHER, "Lý do khác")],
    )
    reason_other = forms.CharField(label="Lý do khác (ghi rõ)", required=False, max_length=255)
    field_order = ["on", "decision", "reason", "reason_other"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("reason") == EXEMPT_OTHER:
            other = (data.get("reason_other") or "").strip()
            if not other:
                self.add_error("reason_other", "Hãy ghi rõ lý do khác.")
            data["reason"] = other
        return data


class TransferForm(forms.Form):
    """The destination is a cell of the province, chosen from a list, or an organization of
    another province, found by name (`outside_q`) and chosen among the results: the nation
    holds too many organizations for a list."""

    kind = forms.ChoiceField(label="Loại", choices=Transfer.Kind.choices)
    to_org = forms.ModelChoiceField(
        label="Nơi đến trong tỉnh (chi bộ)",
        queryset=Organization.objects.none(),
        required=False,
        empty_label="— không, chuyển ra ngoài tỉnh —",
    )
    outside_q = forms.CharField(
        max_length=SHORT_TEXT,
        label="Nơi đến ở tỉnh khác: tìm theo tên",
        required=False,
        help_text="Gõ tên cấp ủy hoặc chi bộ nơi đến, không cần dấu (ví dụ: tinh uy lao cai), "
        "rồi bấm Tìm.",
    )
    outside_org = FoundChoiceField(
        label="Chọn nơi đến ở tỉnh khác",
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
    )
    on = VietDateField(label="Ngày giới thiệu")
    until = VietDateField(label="Sinh hoạt tạm thời đến ngày", required=False)
    decision = forms.CharField(
        max_length=SHORT_TEXT, label="Giấy giới thiệu", help_text="Ví dụ: Giấy giới thiệu số 15"
    )

    def __init__(
        self, *args: Any, cells: Any, outside: list[tuple[Organization, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["to_org"]).queryset = cells
        labels = {o.pk: label for o, label in outside}
        posted = self.data.get("outside_org") if self.is_bound else None
        ids = list(labels) + ([id_param(str(posted))] if id_param(str(posted)) else [])
        field = cast(FoundChoiceField, self.fields["outside_org"])
        field.queryset = Organization.objects.filter(pk__in=ids).order_by("depth", "sort_key")
        field.labels = labels

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        inside, outside = data.get("to_org"), data.get("outside_org")
        if inside is None and outside is None:
            self.add_error(
                "to_org",
                "Hãy chọn nơi đến: một chi bộ trong tỉnh, hoặc tìm và chọn cấp ủy, chi bộ "
                "nơi đến ở tỉnh khác.",
            )
        elif inside is not None and outside is not None:
            self.add_error(
                "outside_org",
                "Đã chọn cả chi bộ trong tỉnh và nơi đến ở tỉnh khác: hãy chỉ giữ một nơi đến.",
            )
        data["destination"] = inside or outside
        return data


class ConfirmForm(forms.Form):
    on = VietDateField(label="Ngày tiếp nhận")
    cell = forms.ModelChoiceField(
        label="Chi bộ tiếp nhận",
        queryset=Organization.objects.none(),
        required=False,
        help_text="Giấy giới thiệu gửi cấp ủy: chọn chi bộ nơi đảng viên sinh hoạt.",
    )

    def __init__(self, *args: Any, cells: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if cells is None:
            del self.fields["cell"]
        else:
            cast(forms.ModelChoiceField, self.fields["cell"]).queryset = cells


class RatingForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=1990, max_value=2100)
    level = forms.ChoiceField(label="Mức xếp loại", choices=RatingLevel.choices)
    decision = forms.CharField(max_length=SHORT_TEXT, label="Văn bản", help_text=DECISION_HELP)


class BadgeForm(forms.Form):
    years = forms.IntegerField(label="Huy hiệu (năm tuổi đảng)", min_value=30, max_value=90)
    on = VietDateField(label="Ngày trao")
    decision = forms.CharField(
        max_length=SHORT_TEXT, label="Quyết định của Ban Thường vụ", help_text=DECISION_HELP
    )
    early_months = forms.IntegerField(
        label="Trao sớm (tháng, đảng viên ốm nặng)",
        min_value=0,
        max_value=24,
        initial=0,
        required=False,
    )


class DisciplineFormForm(DecisionForm):
    form = forms.ChoiceField(label="Hình thức kỷ luật", choices=DisciplineForm.choices)
    field_order = ["form", "on", "decision"]


class AnnulForm(forms.Form):
    decision = forms.CharField(
        max_length=SHORT_TEXT, label="Văn bản đính chính", help_text=DECISION_HELP
    )
    reason = forms.CharField(
        max_length=LONG_TEXT, label="Lý do", widget=forms.Textarea(attrs={"rows": 3})
    )


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")


class PeriodForm(forms.Form):
    start = VietDateField(label="Từ ngày", required=False)
    end = VietDateField(label="Đến ngày", required=False)


def cells_for(user: Any, on: date | None = None) -> Any:
    """Living cells a user may choose: those of the user's province (transfers) or scope."""
    qs = Organization.objects.filter(kind__in=CELL_KINDS, dissolved_on__isnull=True)
    if user.is_superuser:
        return qs.order_by("path")[:3000]
    return qs.within(user.organization).order_by("path")

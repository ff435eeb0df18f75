"""The staged Excel import: spellings, warnings to confirm, the chunks, a stop midway, the
marked copy, the template, and the bulk writer against the one-by-one services."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from openpyxl import load_workbook

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for
from dangvu.members import services, spellings
from dangvu.members.models import (
    ImportBatch,
    Member,
    MemberCount,
    MembershipEvent,
    MemberSnapshot,
    MemberSpan,
    Sponsor,
)
from dangvu.members.services import excel
from dangvu.members.services.excel.books import RED, YELLOW

from .helpers import admit_official, citizen_id, xlsx

HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Giáo dục phổ thông",
          "Ngày vào Đảng", "Ngày chính thức", "Chi bộ", "Người giới thiệu 1",
          "Người giới thiệu 2"]  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("29/6/2023", date(2023, 6, 29)),
        ("29-06-2023", date(2023, 6, 29)),
        ("29.6.2023", date(2023, 6, 29)),
        ("2023-06-29", date(2023, 6, 29)),
        ("2023/6/29", date(2023, 6, 29)),
        ("2023-06-29 00:00:00", date(2023, 6, 29)),
        ("ngày 29 tháng 6 năm 2023", date(2023, 6, 29)),
        (45106, date(2023, 6, 29)),  # Excel's serial number of the day
        ("", None),
        ("30/2/2023", "30/2/2023"),
        ("29/6/23", "29/6/23"),
    ],
)
def test_dates_are_read_as_offices_write_them(cell, read) -> None:
    assert spellings.read_date(cell) == read


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("12/12", "thpt"),
        ("10/10", "thpt"),
        ("9/12", "thcs"),
        ("11/12", "thcs"),
        ("7/10", "thcs"),
        ("5/12", "tieu_hoc"),
        ("lớp 12", "thpt"),
        ("13/12", None),
        ("Đại học", None),
    ],
)
def test_the_school_level_is_read_from_the_grade(text, level) -> None:
    assert spellings.education_of_grade(text) == level


@pytest.mark.parametrize(
    ("field", "text", "code"),
    [
        ("sex", "nữ", "nu"),
        ("sex", "NU", "nu"),
        ("sex", "Nam giới", "nam"),
        ("education", "THPT", "thpt"),
        ("education", "Cấp III", "thpt"),
        ("education", "ptcs", "thcs"),
        ("professional_level", "ĐH", "dai_hoc"),
        ("professional_level", "Thạc sỹ", "thac_si"),
        ("theory_level", "trung cap", "trung_cap"),
    ],
)
def test_the_usual_spellings_of_a_catalogue_are_read(field, text, code) -> None:
    from dangvu.members.models import Education, Professional, Sex, Theory

    choices = {"sex": Sex, "education": Education, "professional_level": Professional,
               "theory_level": Theory}[field]  # fmt: skip
    assert spellings.read_choice(text, dict(choices.choices), spellings.SPELLINGS[field]) == code


def _rows():
    return [
        ["Hoàng Văn Một", "Nam", "12/3/1980", citizen_id("nam", date(1980, 3, 12)), "12/12",
         "5/6/2005", "5/6/2006", "A1", "", ""],
        ["Hà Thị Hai", "nữ", date(1985, 4, 4), citizen_id("nu", date(1985, 4, 4)), "9/12",
         "1/9/2010", "1/9/2011", "A2", "", ""],
        ["Lò Văn Ba", "NAM", "1990-01-02", citizen_id("nam", date(1990, 1, 2)), "THPT",
         "02-03-2015", "", "A1", "", ""],
    ]  # fmt: skip


def _check(tree, users, rows, header=HEADER):
    return excel.import_check(
        data=xlsx(header, rows), within=tree.a, actor=users.a_officer, filename="ds.xlsx"
    )


def test_implausible_rows_are_warnings_written_only_once_confirmed(tree, users) -> None:
    rows = _rows()
    rows.append(["Vũ Văn Muộn", "Nam", "1/1/1970", "", "12/12", "1/1/2000", "1/1/2005", "A1",
                 "", ""])  # fmt: skip
    batch = _check(tree, users, rows)
    assert batch.state == ImportBatch.State.CHECKED and batch.problems == []
    warned = {(row, column): message for row, column, message in batch.warnings}
    assert "quá hạn công nhận chính thức" in warned[(4, "Ngày chính thức")]  # 2015, no date
    assert "muộn hơn 12 tháng sau ngày hết dự bị" in warned[(5, "Ngày chính thức")]
    with pytest.raises(ValidationError, match="cảnh báo"):
        excel.import_start(batch=batch, actor=users.a_officer, confirmed=False)
    assert Member.objects.count() == 0
    batch = excel.import_start(batch=batch, actor=users.a_officer, confirmed=True)
    batch = excel.import_write_chunk(batch=batch, actor=users.a_officer)
    assert batch.state == ImportBatch.State.DONE and batch.done == 4
    assert Member.objects.get(full_name="Lò Văn Ba").education == "thpt"
    assert Member.objects.get(full_name="Hà Thị Hai").sex == "nu"
    assert AuditEntry.objects.filter(action="members.import_start").count() == 1


def test_a_namesake_without_numbers_and_a_row_twice_are_warned(tree, users) -> None:
    admit_official(tree.a1, name="Trần Văn Trùng", birth=date(1980, 1, 1), with_id=False)
    rows = [
        ["Trần Văn Trùng", "Nam", "1/1/1980", "", "12/12", "5/6/2005", "5/6/2006", "A1", "", ""],
        ["Lê Văn Đôi", "Nam", "1/1/1981", "", "12/12", "5/6/2005", "5/6/2006", "A1", "", ""],
        ["Lê Văn Đôi", "Nam", "1/1/1981", "", "12/12", "5/6/2005", "5/6/2006", "A1", "", ""],
    ]
    messages = [m for _, _, m in _check(tree, users, rows).warnings]
    assert any("Trong sổ đã có đảng viên Trần Văn Trùng" in m for m in messages)
    assert any("Cùng họ tên, ngày sinh với dòng 3" in m for m in messages)


def test_rules_the_service_would_refuse_are_errors(tree, users) -> None:
    rows = [
        ["Lý Văn Năm", "Nam", "1/1/1980", "", "5/12", "5/6/2005", "5/6/2006", "A1", "", ""],
        ["Nguyễn Văn Mẫu", "Nam", "15/3/1990", "015090000000", "12/12", "29/6/2020",
         "29/6/2021", "A1", "", ""],
        ["Lý Văn Già", "Nam", "1/1/1940", "", "12/12", "5/6/2005", "5/6/2006", "A1", "", ""],
    ]  # fmt: skip
    batch = _check(tree, users, rows)
    assert batch.state == ImportBatch.State.REFUSED and batch.items == []
    messages = {row: message for row, _, message in batch.problems}
    assert "ít nhất trung học cơ sở" in messages[2]
    assert "dòng ví dụ của tệp mẫu" in messages[3]
    assert "Đồng ý của BTV" in messages[4]  # over 60: the approval's column is named
    batch = excel.import_start(batch=batch, actor=users.a_officer, confirmed=True)
    batch = excel.import_write_chunk(batch=batch, actor=users.a_officer)
    assert batch.state == ImportBatch.State.REFUSED  # a refused batch is never written
    assert Member.objects.count() == 0


def test_the_rows_are_written_in_chunks_each_counted(tree, users) -> None:
    batch = _check(tree, users, _rows())
    batch = excel.import_start(batch=batch, actor=users.a_officer, confirmed=True)
    done = []
    while batch.state == ImportBatch.State.WRITING:
        batch = excel.import_write_chunk(batch=batch, actor=users.a_officer, size=2)
        done.append(batch.done)
        assert Member.objects.count() == batch.done
    assert done == [2, 3] and batch.state == ImportBatch.State.DONE
    batch.refresh_from_db()
    assert bytes(batch.data) == b"" and batch.items == []  # the personal data is let go
    entry = AuditEntry.objects.get(action="members.members_import")
    assert entry.after["added"] == 3
    assert AuditEntry.objects.filter(action="members.member_admit").count() == 3


def test_a_number_recorded_meanwhile_stops_the_batch_and_says_what_was_written(tree, users) -> None:
    rows = _rows()
    batch = _check(tree, users, rows)
    batch = excel.import_start(batch=batch, actor=users.a_officer, confirmed=True)
    batch = excel.import_write_chunk(batch=batch, actor=users.a_officer, size=1)
    # the third row's number is recorded by someone else before its chunk
    services.member_admit(
        organization=tree.a2, admitted_on=date(2016, 1, 1), decision="QĐ số 1-QĐ/ĐU",
        actor=SYSTEM, full_name="Người Khác Ghi", sex="nam", birth_date=date(1990, 1, 2),
        citizen_id=rows[2][3],
    )  # fmt: skip
    batch = excel.import_write_chunk(batch=batch, actor=users.a_officer, size=5)
    assert batch.state == ImportBatch.State.STOPPED and batch.done == 1
    assert "Dòng 4" in batch.message and "đã được ghi vào sổ sau khi tệp" in batch.message
    assert Member.objects.filter(full_name__in=["Hà Thị Hai", "Lò Văn Ba"]).count() == 0
    page = client_for(users.a_officer).get(reverse("members:import_batch", args=[batch.pk]))
    assert "Đã dừng sau 1/3 dòng" in page.content.decode()
    assert AuditEntry.objects.get(action="members.members_import").after["stopped"]


def test_a_batch_is_its_uploaders_alone(tree, users) -> None:
    batch = _check(tree, users, _rows())
    for user in (users.b_officer, users.a_leader):
        client = client_for(user)
        assert client.get(reverse("members:import_batch", args=[batch.pk])).status_code == 404
        assert client.post(reverse("members:import_write", args=[batch.pk])).status_code == 404
        assert client.get(reverse("members:import_marked", args=[batch.pk])).status_code == 404
    template = reverse("members:import_template") + f"?to_chuc={tree.a.pk}"
    assert client_for(users.b_officer).get(template).status_code == 403
    assert client_for(users.a_viewer).get(template).status_code == 403
    assert Member.objects.count() == 0


def test_the_marked_copy_fills_the_bad_cells_and_names_the_fix(tree, users) -> None:
    rows = _rows()
    rows[0][2] = "31/2/1980"  # no such day
    rows[1][7] = "Z9"  # no such cell
    batch = _check(tree, users, rows)
    response = client_for(users.a_officer).get(reverse("members:import_marked", args=[batch.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    birth = sheet.cell(2, 3)
    assert birth.fill.fgColor.rgb.endswith(RED.fgColor.rgb[-6:])
    assert "Ngày sinh" in birth.comment.text and "ngày/tháng/năm" in birth.comment.text
    assert "Không có chi bộ “Z9”" in sheet.cell(3, 8).comment.text
    messages = sheet.cell(1, len(HEADER) + 1)
    assert messages.value == "Lỗi, cảnh báo (dangvu)"
    assert "Lỗi – Ngày sinh" in sheet.cell(2, len(HEADER) + 1).value
    assert "Thiếu ngày sinh" not in sheet.cell(2, len(HEADER) + 1).value  # named once
    assert sheet.cell(4, len(HEADER) + 1).fill.fgColor.rgb.endswith(YELLOW.fgColor.rgb[-6:])


def test_the_template_has_lists_a_guide_an_example_and_reads_back(tree, users) -> None:
    response = client_for(users.a_officer).get(
        reverse("members:import_template") + f"?to_chuc={tree.a.pk}"
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Danh sách", "Danh mục", "Hướng dẫn"]
    sheet = book["Danh sách"]
    header = [c.value for c in sheet[1]]
    assert header == [h for h, _ in excel.COLUMNS]
    lists = {str(v.sqref).split(":")[0][:-1] for v in sheet.data_validations.dataValidation}
    sex_col = sheet.cell(1, header.index("Giới tính") + 1).column_letter
    assert sex_col in lists
    assert [c.value for c in book["Danh mục"]["A"]][:3] == ["Giới tính", "Nam", "Nữ"]
    assert "A1" in [c.value for c in book["Danh mục"]["G"]]  # the unit's cells
    guide = [c.value for c in book["Hướng dẫn"]["A"]]
    assert "Giáo dục phổ thông" in guide
    rows, problems = excel.read_rows(response.content)
    assert problems == [] and rows[0][1]["full_name"] == "Nguyễn Văn Mẫu"
    check = excel.check_rows(rows, within=tree.a, actor=users.a_officer)
    assert [p.message for p in check.problems] == [
        "Đây là dòng ví dụ của tệp mẫu: hãy xóa dòng này."
    ]


def _dump() -> dict[str, list]:
    """What an import leaves, with ids replaced by citizen IDs, sorted."""
    by_id = dict(Member.objects.values_list("pk", "citizen_id"))

    def rows(qs, fields):
        out = []
        for r in qs.values(*fields):
            for k in ("member", "member_id", "sponsor"):
                if k in r:
                    r[k] = by_id.get(r[k])
            out.append(tuple(sorted(r.items(), key=str)))
        return sorted(out, key=str)

    member_fields = [f.name for f in Member._meta.fields if f.name not in ("id", "created_at")]
    audit = [
        (a.action, a.object_type, a.org_path, a.summary, {
            k: v for k, v in (a.after or {}).items() if k not in ("event",)
        }.get("kind"))
        for a in AuditEntry.objects.filter(action__startswith="members.").exclude(
            action="members.members_import"
        )
    ]  # fmt: skip
    return {
        "members": rows(Member.objects.all(), member_fields),
        "events": rows(
            MembershipEvent.objects.all(),
            ["member", "kind", "on", "decision", "organization", "actor", "note"],
        ),
        "sponsors": rows(Sponsor.objects.all(), ["member", "position", "sponsor", "name"]),
        "spans": rows(
            MemberSpan.objects.all(),
            [f.name for f in MemberSpan._meta.fields if f.name != "id"],
        ),
        "counts": rows(
            MemberCount.objects.filter(n__gt=0), ["organization", "dimension", "value", "n"]
        ),
        "snapshots": rows(
            MemberSnapshot.objects.filter(n__gt=0),
            ["organization", "month", "dimension", "value", "n"],
        ),
        "audit": sorted(audit, key=str),
    }


def test_the_bulk_writer_writes_what_the_services_write_one_by_one(tree, users) -> None:
    """The same file through member_admit and member_recognize, row by row, and through
    the import's bulk writer: the same members, events, sponsors, spans, counters,
    snapshots and audit rows."""
    sponsor = admit_official(tree.a1, name="Phạm Văn Bảo", birth=date(1950, 1, 1),
                             on=date(1990, 1, 1))  # fmt: skip
    services.snapshots_rebuild()
    rows = _rows()
    rows[2][8] = sponsor.citizen_id
    rows[2][9] = rows[0][3]  # a sponsor from the file itself
    fourth = citizen_id("nu", date(1992, 1, 1))
    rows.append(["Đinh Thị Bốn", "Nữ", "1/1/1992", fourth, "12/12", "3/3/2022", "", "A2",
                 "Ông Ngoài Sổ, Chi bộ xã khác", rows[1][3]])  # fmt: skip
    data = xlsx(HEADER, rows)
    actor = users.a_officer
    with transaction.atomic():
        parsed, _ = excel.read_rows(data)
        check = excel.check_rows(parsed, within=tree.a, actor=actor)
        assert check.problems == []
        made = {}
        for item in sorted(check.ready, key=lambda i: i["admitted_on"]):
            kinds = {"member": lambda v: Member.objects.get(pk=v), "row": lambda v: made[v],
                     "name": lambda v: v}  # fmt: skip
            member = services.member_admit(
                organization=item["organization"],
                admitted_on=item["admitted_on"],
                decision=item["decision"],
                actor=actor,
                sponsors=[kinds[k](v) for k, v in item["sponsors"]],
                **item["profile"],
            )
            if item["official_on"]:
                services.member_recognize(
                    member=member, on=item["official_on"], decision=item["decision"], actor=actor
                )
            made[item["row"]] = member
        one_by_one = _dump()
        transaction.set_rollback(True)
    assert services.members_import(data=data, within=tree.a, actor=actor) == 4
    bulk = _dump()
    for key in one_by_one:
        assert bulk[key] == one_by_one[key], key
    assert len(one_by_one["sponsors"]) == 4 and one_by_one["snapshots"]

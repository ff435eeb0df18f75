"""The audit log page reads as Vietnamese: action names, people's names and units, filters,
links to the objects, pages; scoped to the leader's subtree."""

import re
from datetime import date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dangvu.accounts.models import Role
from dangvu.core.audit import audit_record
from dangvu.core.audit_actions import ACTION_LABELS, action_label
from dangvu.core.models import AuditEntry
from dangvu.core.testing import client_for, login_in_browser, make_user

URL = reverse("core:audit_list")


def _named(username, org, role, last, first):
    user = make_user(username, org, role)
    user.last_name, user.first_name = last, first
    user.save()
    return user


def _at(entry, day: date) -> None:
    AuditEntry.objects.filter(pk=entry.pk).update(
        at=timezone.make_aware(datetime(day.year, day.month, day.day, 9, 30))
    )


def test_every_action_the_services_write_has_a_vietnamese_label() -> None:
    """Every "<area>.<verb>" literal in the services and admins, and each membership event
    kind (written as "members.<kind>"), has its label; reporting's `_record(actor,
    "submission_approve", ...)` calls name the verb alone."""
    from pathlib import Path

    import dangvu
    from dangvu.core.audit_actions import AREA_LABELS
    from dangvu.members.models import EventKind

    root = Path(dangvu.__file__).parent
    areas = "|".join(AREA_LABELS)
    literal = re.compile(r'"((?:' + areas + r')\.[a-z_]+)"')
    written: set[str] = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts:
            continue
        if "services" in path.parts or path.stem in {"services", "admin"}:
            text = path.read_text(encoding="utf-8")
            written |= set(literal.findall(text))
            if path.parts[-3:-1] == ("reporting", "services"):
                verbs = re.findall(r'_record\(\s*actor,\s*"([a-z_]+)"', text)
                written |= {f"reporting.{verb}" for verb in verbs}
    written |= {f"members.{kind}" for kind in EventKind.values}
    assert {"reporting.submission_approve", "members.ket_nap", "orgs.org_merge"} <= written
    assert written - ACTION_LABELS.keys() == set()


def test_an_unknown_action_falls_back_to_its_area_and_code() -> None:
    assert action_label("tracking.assignment_return") == "Trả lại báo cáo thực hiện"
    assert action_label("tracking.something_new") == (
        "Thao tác khác (Theo dõi thực hiện: tracking.something_new)"
    )
    assert action_label("weird") == "Thao tác khác (weird)"


def test_the_page_shows_labels_full_names_units_and_links(tree) -> None:
    leader = _named("lanhdao.tinh", tree.province, Role.LEADER, "Nguyễn Văn", "Hùng")
    officer = _named("chuyenvien.a", tree.a, Role.OFFICER, "Trần Thị", "Lan")
    audit_record(
        actor=officer,
        action="orgs.org_rename",
        obj=tree.a1,
        organization=tree.a,
        summary="Đổi tên",
        before={"name": "Thôn 1"},
        after={"name": "Thôn Một"},
    )
    response = client_for(leader).get(URL, {"thao_tac": "orgs."})
    body = response.content.decode().partition('class="grid audit"')[2]
    assert "Đổi tên tổ chức" in body and "orgs.org_rename" not in body
    assert "Trần Thị Lan" in body and "Đảng bộ xã Việt Thành" in body
    assert "chuyenvien.a" not in body
    link = reverse("orgs:organization_detail", args=[tree.a1.pk])
    assert f'href="{link}"' in body
    assert "Thôn 1" in body and "Thôn Một" in body
    assert '<th scope="row">tên tổ chức</th>' in body  # the field's Vietnamese name


def test_filters_by_person_action_object_and_dates(tree) -> None:
    leader = _named("lanhdao.tinh", tree.province, Role.LEADER, "Nguyễn Văn", "Hùng")
    officer = _named("chuyenvien.a", tree.a, Role.OFFICER, "Trần Thị", "Lan")
    early = audit_record(actor=officer, action="orgs.org_rename", obj=tree.a1, organization=tree.a)
    late = audit_record(actor=officer, action="orgs.org_move", obj=tree.b1, organization=tree.b)
    system = audit_record(actor=officer, action="orgs.org_create", obj=tree.c1, organization=tree.c)
    AuditEntry.objects.filter(pk=system.pk).update(actor=None, actor_name="hệ thống")
    _at(early, date(2026, 3, 2))
    _at(late, date(2026, 12, 3))
    client = client_for(leader)

    def shown(**params):
        return {r.entry.pk for r in client.get(URL, params).context["rows"]}

    assert shown(nguoi=officer.pk) == {early.pk, late.pk}
    by_system = shown(nguoi="he-thong")  # the tree's creation too
    assert system.pk in by_system and not by_system & {early.pk, late.pk}
    assert shown(thao_tac="orgs.org_move") == {late.pk}
    assert shown(thao_tac="orgs.") >= {early.pk, late.pk, system.pk}
    assert shown(doi_tuong="Hòa Cuông", nguoi=officer.pk) == {late.pk}
    assert shown(tu_ngay="1/3/2026", den_ngay="2/3/2026") == {early.pk}
    assert shown(tu_ngay="3/12/2026", den_ngay="3/12/2026", nguoi=officer.pk) == {late.pk}


def test_dates_in_the_wrong_order_are_refused_with_a_message(tree) -> None:
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    body = client_for(leader).get(URL, {"tu_ngay": "5/3/2026", "den_ngay": "1/3/2026"})
    assert "“Đến ngày” phải không trước “Từ ngày”" in body.content.decode()


def test_a_leader_reads_only_the_own_subtree_and_officers_are_refused(tree) -> None:
    a_leader = make_user("lanhdao.a", tree.a, Role.LEADER)
    b_officer = make_user("chuyenvien.b", tree.b, Role.OFFICER)
    audit_record(actor=b_officer, action="orgs.org_rename", obj=tree.b1, organization=tree.b)
    response = client_for(a_leader).get(URL)
    assert all(r.entry.org_path.startswith(tree.a.path) for r in response.context["rows"])
    assert "Hòa Cuông" not in response.content.decode()
    people = dict(response.context["form"].fields["nguoi"].choices)
    assert str(b_officer.pk) not in people
    assert client_for(b_officer).get(URL).status_code == 403


def test_the_query_count_does_not_grow_with_rows(tree, django_assert_num_queries) -> None:
    leader = make_user("lanhdao.tinh", tree.province, Role.LEADER)
    client = client_for(leader)
    officers = [make_user(f"cv{i}", org, Role.OFFICER) for i, org in enumerate([tree.a, tree.b])]
    for i in range(60):
        audit_record(
            actor=officers[i % 2], action="orgs.org_rename", obj=tree.a1, organization=tree.a
        )
    client.get(URL)  # warm the session and the content types
    # session, user, its unit, the filter's people, count, the rows with actors and units
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert len(response.context["rows"]) == 50
    assert response.context["page_obj"].paginator.num_pages == 2
    with django_assert_num_queries(6):
        second = client.get(URL, {"page": 2, "thao_tac": "orgs.org_rename"})
    assert len(second.context["rows"]) == 10  # 60 renames: 50 on page 1, 10 on page 2
    body = second.content.decode()
    assert "thao_tac=orgs.org_rename&amp;page=1" in body


@pytest.mark.browser
def test_the_audit_page_in_the_browser(page, tree) -> None:
    leader = _named("lanhdao.tinh", tree.province, Role.LEADER, "Nguyễn Văn", "Hùng")
    officer = _named("chuyenvien.a", tree.a, Role.OFFICER, "Trần Thị", "Lan")
    entry = audit_record(actor=officer, action="orgs.org_rename", obj=tree.a1, organization=tree.a)
    _at(entry, date(2026, 12, 3))
    login_in_browser(page, leader.username)
    page.get_by_role("link", name="Nhật ký thao tác").click()
    page.get_by_label("Người thực hiện").select_option(label="Trần Thị Lan (Đảng bộ xã Việt Thành)")
    page.get_by_label("Từ ngày").fill("03/12/2026")
    page.get_by_role("button", name="Lọc").click()
    row = page.locator("table.audit tbody tr")
    assert row.count() == 1
    assert "3/12/2026" in row.inner_text() and "Đổi tên tổ chức" in row.inner_text()
    # the field shows the date as the table does: 3/12/2026, not 03/12/2026
    assert page.get_by_label("Từ ngày").input_value() == "3/12/2026"
    row.get_by_role("link").click()
    assert page.get_by_role("heading", name=tree.a1.name).is_visible()

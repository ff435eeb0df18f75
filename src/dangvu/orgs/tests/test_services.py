from datetime import date
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangvu.access import SYSTEM
from dangvu.core.models import AuditEntry
from dangvu.orgs import selectors
from dangvu.orgs.models import Organization, OrgKind, OrgVersion
from dangvu.orgs.services import (
    NewOrgSpec,
    org_create,
    org_dissolve,
    org_merge,
    org_move,
    org_rename,
    org_split,
)

BEFORE = date(2023, 6, 30)
REFORM = date(2025, 7, 1)
AFTER = date(2025, 8, 1)
DECISION = "Quyết định số 123-QĐ/TU"


def names(versions) -> list[str]:
    return sorted(v.name for v in versions)


def messages_of(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


def assert_unchanged(tree: SimpleNamespace, before_counts: tuple[int, int, int]) -> None:
    assert (
        Organization.objects.count(),
        OrgVersion.objects.count(),
        AuditEntry.objects.count(),
    ) == before_counts


def counts() -> tuple[int, int, int]:
    return Organization.objects.count(), OrgVersion.objects.count(), AuditEntry.objects.count()


# --- the tree as of a date ------------------------------------------------------------


def test_merge_into_new_commune_keeps_the_old_tree_for_earlier_dates(tree) -> None:
    new = org_merge(
        sources=[tree.a, tree.b],
        on=REFORM,
        decision=DECISION,
        actor=SYSTEM,
        new=NewOrgSpec(
            name="Đảng bộ xã Trấn Yên", kind=OrgKind.COMMUNE, code="X1", parent=tree.province
        ),
    )
    assert names(selectors.children_on(tree.d1, BEFORE)) == [
        "Đảng bộ xã Hòa Cuông",
        "Đảng bộ xã Việt Thành",
    ]
    assert names(selectors.children_on(tree.d1, AFTER)) == []
    assert names(selectors.children_on(new, AFTER)) == [
        "Chi bộ Thôn 1 xã Hòa Cuông",
        "Chi bộ Thôn 1 xã Việt Thành",
        "Chi bộ Thôn 2 xã Việt Thành",
    ]
    assert [a.name for a in selectors.ancestors_on(tree.a1, BEFORE)] == [
        "Đảng bộ tỉnh Yên Bái",
        "Đảng bộ huyện Trấn Yên",
        "Đảng bộ xã Việt Thành",
    ]
    assert [a.name for a in selectors.ancestors_on(tree.a1, AFTER)] == [
        "Đảng bộ tỉnh Yên Bái",
        "Đảng bộ xã Trấn Yên",
    ]
    # the day before the merge is still the old shape; the merge day is the new one
    assert selectors.version_on(tree.a, date(2025, 6, 30)) is not None
    assert selectors.version_on(tree.a, REFORM) is None
    tree.a.refresh_from_db()
    assert tree.a.dissolved_on == REFORM and tree.a.successor == new


def test_descendants_as_of_a_date_add_up_over_that_dates_tree(tree) -> None:
    org_move(org=tree.c, new_parent=tree.d1, on=REFORM, decision=DECISION, actor=SYSTEM)
    assert names(selectors.descendants_on(tree.d1, BEFORE)) == names(
        [
            *selectors.descendants_on(tree.a, BEFORE, include_self=True),
            *selectors.descendants_on(tree.b, BEFORE, include_self=True),
        ]
    )
    assert selectors.descendants_on(tree.d1, AFTER).count() == 7
    assert selectors.descendants_on(tree.d2, AFTER).count() == 0
    assert selectors.descendants_on(tree.d2, BEFORE).count() == 2


def test_move_carries_the_whole_subtree_and_its_paths(tree) -> None:
    org_move(org=tree.a, new_parent=tree.d2, on=REFORM, decision=DECISION, actor=SYSTEM)
    tree.a1.refresh_from_db()
    tree.a.refresh_from_db()
    assert tree.a.parent == tree.d2
    assert tree.a1.path.startswith(tree.d2.path)
    v_before = selectors.version_on(tree.a1, BEFORE)
    v_after = selectors.version_on(tree.a1, AFTER)
    assert v_before.path.startswith(tree.d1.path) and v_after.path.startswith(tree.d2.path)
    assert v_before.valid_to == REFORM == v_after.valid_from


def test_rename_keeps_the_old_name_for_earlier_dates(tree) -> None:
    org_rename(org=tree.a1, on=REFORM, name="Chi bộ Thôn Hòa Bình", decision=DECISION, actor=SYSTEM)
    assert selectors.version_on(tree.a1, BEFORE).name == "Chi bộ Thôn 1 xã Việt Thành"
    assert selectors.version_on(tree.a1, AFTER).name == "Chi bộ Thôn Hòa Bình"
    tree.a1.refresh_from_db()
    assert tree.a1.name == "Chi bộ Thôn Hòa Bình"
    assert "chi bo thon hoa binh" in tree.a1.search_text


def test_merge_into_an_existing_organization_moves_children(tree) -> None:
    org_merge(sources=[tree.b], into=tree.a, on=REFORM, decision=DECISION, actor=SYSTEM)
    assert names(selectors.children_on(tree.a, AFTER)) == [
        "Chi bộ Thôn 1 xã Hòa Cuông",
        "Chi bộ Thôn 1 xã Việt Thành",
        "Chi bộ Thôn 2 xã Việt Thành",
    ]
    assert names(selectors.children_on(tree.a, BEFORE)) == [
        "Chi bộ Thôn 1 xã Việt Thành",
        "Chi bộ Thôn 2 xã Việt Thành",
    ]


def test_split_divides_the_children_among_new_organizations(tree) -> None:
    parts = org_split(
        org=tree.a,
        on=REFORM,
        decision=DECISION,
        actor=SYSTEM,
        parts=[
            NewOrgSpec(name="Đảng bộ xã Việt Thành A", kind=OrgKind.GRASSROOTS_COMMITTEE, code="A"),
            NewOrgSpec(
                name="Đảng bộ xã Việt Thành B", kind=OrgKind.GRASSROOTS_COMMITTEE, code="AB"
            ),
        ],
        assignment={tree.a1.pk: 0, tree.a2.pk: 1},
    )
    assert [names(selectors.children_on(p, AFTER)) for p in parts] == [
        ["Chi bộ Thôn 1 xã Việt Thành"],
        ["Chi bộ Thôn 2 xã Việt Thành"],
    ]
    assert all(selectors.version_on(p, AFTER).parent_id == tree.d1.pk for p in parts)
    assert selectors.version_on(tree.a, AFTER) is None
    assert names(selectors.children_on(tree.a, BEFORE)) == [
        "Chi bộ Thôn 1 xã Việt Thành",
        "Chi bộ Thôn 2 xã Việt Thành",
    ]


def test_dissolve_ends_an_empty_organization(tree) -> None:
    org_dissolve(org=tree.c1, on=REFORM, decision=DECISION, actor=SYSTEM)
    assert names(selectors.children_on(tree.c, AFTER)) == []
    assert names(selectors.children_on(tree.c, BEFORE)) == ["Chi bộ Thôn 1 xã Đông Cuông"]


def test_create_places_a_new_cell_from_its_founding_date(tree) -> None:
    cell = org_create(
        name="Chi bộ Thôn 3",
        kind=OrgKind.CELL,
        code="A3",
        parent=tree.a,
        founded_on=REFORM,
        decision=DECISION,
        actor=SYSTEM,
    )
    assert cell.path.startswith(tree.a.path)
    assert selectors.version_on(cell, BEFORE) is None
    assert "Chi bộ Thôn 3" in names(selectors.children_on(tree.a, AFTER))


# --- each write is audited ---------------------------------------------------------------


def test_every_restructuring_writes_an_audit_entry_with_before_and_after(tree, users) -> None:
    actor = users.province_officer
    org_rename(org=tree.a1, on=REFORM, name="Chi bộ Thôn Mới", decision=DECISION, actor=actor)
    org_move(org=tree.c, new_parent=tree.d1, on=REFORM, decision=DECISION, actor=actor)
    org_dissolve(org=tree.c1, on=date(2025, 9, 1), decision=DECISION, actor=actor)
    entries = list(AuditEntry.objects.filter(actor=actor).order_by("id"))
    assert [e.action for e in entries] == ["orgs.org_rename", "orgs.org_move", "orgs.org_dissolve"]
    assert entries[0].before["name"] == "Chi bộ Thôn 1 xã Việt Thành"
    assert entries[0].after["name"] == "Chi bộ Thôn Mới"
    assert entries[1].before["parent"] == tree.d2.pk and entries[1].after["parent"] == tree.d1.pk
    assert all(e.request_id and e.org_path for e in entries)


# --- refusals change nothing -------------------------------------------------------------


def test_move_under_own_descendant_is_refused(tree) -> None:
    before = counts()
    with pytest.raises(ValidationError) as exc:
        org_move(org=tree.a, new_parent=tree.a1, on=REFORM, decision=DECISION, actor=SYSTEM)
    assert "vòng lặp" in messages_of(exc)
    assert_unchanged(tree, before)


def test_move_under_itself_is_refused(tree) -> None:
    with pytest.raises(ValidationError) as exc:
        org_move(org=tree.d1, new_parent=tree.d1, on=REFORM, decision=DECISION, actor=SYSTEM)
    assert "vòng lặp" in messages_of(exc) or "đã trực thuộc" in messages_of(exc)


def test_a_cycle_through_a_deeper_descendant_is_refused(tree) -> None:
    with pytest.raises(ValidationError, match="vòng lặp"):
        org_move(org=tree.d1, new_parent=tree.a, on=REFORM, decision=DECISION, actor=SYSTEM)


def test_merge_dated_before_a_merged_organization_existed_is_refused(tree) -> None:
    late = org_create(
        name="Đảng bộ xã Mới",
        kind=OrgKind.GRASSROOTS_COMMITTEE,
        code="N",
        parent=tree.d1,
        founded_on=date(2024, 1, 1),
        decision=DECISION,
        actor=SYSTEM,
    )
    before = counts()
    with pytest.raises(ValidationError) as exc:
        org_merge(
            sources=[tree.a, late],
            on=date(2023, 1, 1),
            decision=DECISION,
            actor=SYSTEM,
            new=NewOrgSpec(name="X", kind=OrgKind.GRASSROOTS_COMMITTEE, code="X", parent=tree.d1),
        )
    assert "trước ngày thành lập" in messages_of(exc) and "Đảng bộ xã Mới" in messages_of(exc)
    assert_unchanged(tree, before)


def test_empty_name_is_refused(tree) -> None:
    before = counts()
    with pytest.raises(ValidationError) as exc:
        org_create(
            name="   ",
            kind=OrgKind.CELL,
            code="A9",
            parent=tree.a,
            founded_on=REFORM,
            decision=DECISION,
            actor=SYSTEM,
        )
    assert exc.value.message_dict["name"] == ["Tên tổ chức không được để trống."]
    assert_unchanged(tree, before)
    with pytest.raises(ValidationError, match="không được để trống"):
        org_rename(org=tree.a1, on=REFORM, name="", decision=DECISION, actor=SYSTEM)


def test_duplicate_code_among_siblings_is_refused(tree) -> None:
    before = counts()
    with pytest.raises(ValidationError) as exc:
        org_create(
            name="Chi bộ Thôn 9",
            kind=OrgKind.CELL,
            code="A1",
            parent=tree.a,
            founded_on=REFORM,
            decision=DECISION,
            actor=SYSTEM,
        )
    assert "“A1” đã dùng cho “Chi bộ Thôn 1 xã Việt Thành”" in exc.value.message_dict["code"][0]
    assert_unchanged(tree, before)
    with pytest.raises(ValidationError, match="A1"):
        org_rename(org=tree.a2, on=REFORM, code="A1", decision=DECISION, actor=SYSTEM)


def test_the_same_code_under_another_parent_is_allowed(tree) -> None:
    org_create(
        name="Chi bộ Thôn 9",
        kind=OrgKind.CELL,
        code="A1",
        parent=tree.b,
        founded_on=REFORM,
        decision=DECISION,
        actor=SYSTEM,
    )


def test_merge_with_clashing_child_codes_is_refused_and_changes_nothing(tree) -> None:
    org_create(
        name="Chi bộ Thôn 2 xã Hòa Cuông",
        kind=OrgKind.CELL,
        code="A2",
        parent=tree.b,
        founded_on=FOUNDED_LATER,
        decision=DECISION,
        actor=SYSTEM,
    )
    before = counts()
    with pytest.raises(ValidationError, match="trùng"):
        org_merge(sources=[tree.b], into=tree.a, on=REFORM, decision=DECISION, actor=SYSTEM)
    assert_unchanged(tree, before)
    assert names(selectors.children_on(tree.a, AFTER)) == [
        "Chi bộ Thôn 1 xã Việt Thành",
        "Chi bộ Thôn 2 xã Việt Thành",
    ]


FOUNDED_LATER = date(2020, 1, 1)


def test_a_change_before_a_recorded_change_is_refused(tree) -> None:
    org_rename(org=tree.a1, on=REFORM, name="Chi bộ Thôn Mới", decision=DECISION, actor=SYSTEM)
    with pytest.raises(ValidationError, match="đã có thay đổi ghi nhận từ ngày 1/7/2025"):
        org_move(
            org=tree.a, new_parent=tree.d2, on=date(2024, 1, 1), decision=DECISION, actor=SYSTEM
        )


def test_dissolving_an_organization_with_children_is_refused(tree) -> None:
    with pytest.raises(ValidationError, match="còn 2 tổ chức trực thuộc"):
        org_dissolve(org=tree.a, on=REFORM, decision=DECISION, actor=SYSTEM)


def test_changing_a_dissolved_organization_is_refused(tree) -> None:
    org_dissolve(org=tree.c1, on=REFORM, decision=DECISION, actor=SYSTEM)
    with pytest.raises(ValidationError, match="đã chấm dứt hoạt động"):
        org_rename(org=tree.c1, on=AFTER, name="X", decision=DECISION, actor=SYSTEM)


def test_a_cell_under_a_cell_is_refused(tree) -> None:
    with pytest.raises(ValidationError, match="không thể trực thuộc"):
        org_move(org=tree.a2, new_parent=tree.a1, on=REFORM, decision=DECISION, actor=SYSTEM)


def test_split_leaving_a_child_unassigned_is_refused(tree) -> None:
    before = counts()
    with pytest.raises(ValidationError, match="Hãy chọn tổ chức mới cho “Chi bộ Thôn 2"):
        org_split(
            org=tree.a,
            on=REFORM,
            decision=DECISION,
            actor=SYSTEM,
            parts=[
                NewOrgSpec("P1", OrgKind.GRASSROOTS_COMMITTEE, "P1"),
                NewOrgSpec("P2", OrgKind.GRASSROOTS_COMMITTEE, "P2"),
            ],
            assignment={tree.a1.pk: 0},
        )
    assert_unchanged(tree, before)


def test_merge_of_a_single_organization_into_a_new_one_is_refused(tree) -> None:
    with pytest.raises(ValidationError, match="ít nhất hai"):
        org_merge(
            sources=[tree.a],
            on=REFORM,
            decision=DECISION,
            actor=SYSTEM,
            new=NewOrgSpec("X", OrgKind.GRASSROOTS_COMMITTEE, "X", parent=tree.d1),
        )


def test_merge_into_own_descendant_is_refused(tree) -> None:
    with pytest.raises(ValidationError, match="cấp dưới"):
        org_merge(sources=[tree.d1], into=tree.a, on=REFORM, decision=DECISION, actor=SYSTEM)


def test_missing_decision_is_refused(tree) -> None:
    with pytest.raises(ValidationError) as exc:
        org_rename(org=tree.a1, on=REFORM, name="X", decision=" ", actor=SYSTEM)
    assert "Quyết định số 123-QĐ/TU" in exc.value.message_dict["decision"][0]


# --- scope in the services themselves ----------------------------------------------------


def test_an_officer_of_another_unit_cannot_restructure(tree, users) -> None:
    before = counts()
    with pytest.raises(PermissionDenied):
        org_rename(org=tree.a1, on=REFORM, name="X", decision=DECISION, actor=users.b_officer)
    with pytest.raises(PermissionDenied):
        org_move(
            org=tree.b1, new_parent=tree.a, on=REFORM, decision=DECISION, actor=users.a_officer
        )
    assert_unchanged(tree, before)


def test_a_viewer_cannot_restructure_even_in_scope(tree, users) -> None:
    with pytest.raises(PermissionDenied):
        org_rename(org=tree.a1, on=REFORM, name="X", decision=DECISION, actor=users.a_viewer)


def test_an_officer_restructures_below_own_unit(tree, users) -> None:
    org_rename(
        org=tree.a1, on=REFORM, name="Chi bộ Thôn Mới", decision=DECISION, actor=users.a_officer
    )
    with pytest.raises(PermissionDenied):
        org_rename(org=tree.a, on=REFORM, name="X", decision=DECISION, actor=users.a_officer)

from datetime import date

from django.db.models import Count

from dangvu.access import SYSTEM
from dangvu.conftest import add_org
from dangvu.core.models import AuditEntry
from dangvu.documents.models import Document, DocumentStatus
from dangvu.documents.services import document_register
from dangvu.orgs.models import OrgKind
from dangvu.tracking import demo
from dangvu.tracking.models import Assignment, Submission, Task


def test_demo_data_gives_every_page_something_to_show(tree) -> None:
    lines: list[str] = []
    demo.populate("demo", lines.append, {"province": tree.province})
    states = set(Assignment.objects.values_list("state", flat=True))
    assert {"done", "submitted", "returned", "pending"} <= states
    assert Submission.objects.filter(decision="returned").count() == 1
    done = Assignment.objects.filter(state="done", task__asks_sessions=True)
    assert any(a.completed_on > a.task.due_on for a in done.select_related("task"))
    assert any(a.completed_on <= a.task.due_on for a in done.select_related("task"))
    demo.populate("demo", lines.append, {"province": tree.province})  # idempotent
    assert "đã có" in lines[-1]


def test_province_scale_registers_the_directive_that_other_demos_left_as_a_placeholder(
    db,
) -> None:
    """The documents demo's texts cite 35-CT/TW before tracking registers it: the run
    stopped with "Chỉ giao việc từ văn bản đã ban hành" on the placeholder."""

    def add(parent, name, kind, code, issuer=""):
        return add_org(parent, name, kind, code, issuer, decision="Quyết định số 1-QĐ/TW")

    centre = add(None, "Đảng Cộng sản Việt Nam", OrgKind.CENTRAL, "TW", "TW")
    province = add(centre, "Đảng bộ tỉnh Lào Cai", OrgKind.PROVINCE, "P", "TU")
    commune = add(province, "Đảng bộ xã Gia Phú", OrgKind.COMMUNE, "X", "ĐU")
    for n in (1, 2):
        add(commune, f"Đảng bộ cơ sở {n}", OrgKind.GRASSROOTS_COMMITTEE, f"G{n}", "ĐU")
    citing = document_register(
        actor=SYSTEM,
        owner=province,
        type_code="KH",
        number="301",
        issuer_code="TU",
        date=date(2025, 9, 20),
        text="Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp.",
    ).document
    placeholder = Document.objects.get(number="35", type_code="CT")
    assert placeholder.status == DocumentStatus.PLACEHOLDER and placeholder.issuer == centre
    lines: list[str] = []
    demo.populate("province", lines.append, {"province": province})
    placeholder.refresh_from_db()
    assert placeholder.status == DocumentStatus.ISSUED  # completed, not duplicated
    assert Document.objects.filter(number="35", type_code="CT").count() == 1
    task = Task.objects.get(source=placeholder)
    assert task.rule_root == province and task.assignments.count() == 2
    assert citing.references.filter(target=placeholder).exists()
    # the states written in bulk are in the audit log: one entry with the counts
    entry = AuditEntry.objects.get(action="tracking.demo_bulk_states")
    assert entry.after == dict(
        task.assignments.values_list("state").annotate(n=Count("id")).order_by("state")
    )
    assert "ghi trạng thái hàng loạt cho 2 phần việc" in entry.summary


def test_the_demos_2023_tasks_leave_nothing_open_on_units_merged_since(tree) -> None:
    """The demo gives 2023 tasks over the 2022 tree after building the 2025 reform: the
    open parts of the communes merged since pass to their successor."""
    from dangvu.flows.restructure import org_merge

    org_merge(sources=[tree.b], into=tree.a, on=date(2025, 7, 1), decision="QĐ", actor=SYSTEM)
    lines: list[str] = []
    demo.populate("demo", lines.append, {"province": tree.province})
    left = Assignment.objects.filter(
        organization__dissolved_on__isnull=False, state__in=["pending", "in_progress", "returned"]
    )
    assert not left.exists()
    followed = Assignment.objects.filter(transferred_from=tree.b).count()
    merged = Assignment.objects.filter(organization=tree.b, exempt_reason="merged").count()
    assert followed + merged >= 3  # its plan, study and report parts
    assert "đơn vị đã chấm dứt chuyển cho đơn vị kế thừa" in lines[-1]

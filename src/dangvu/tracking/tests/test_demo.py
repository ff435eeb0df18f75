from dangvu.tracking import demo
from dangvu.tracking.models import Assignment, Submission


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

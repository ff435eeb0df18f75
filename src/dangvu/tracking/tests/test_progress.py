"""Completion of a subtree against counts taken one assignment at a time."""

from datetime import date

from dangvu.orgs import paths
from dangvu.tracking import selectors
from dangvu.tracking.models import Assignment, AssignmentState

from .helpers import DUE, make_task, plan_126

TODAY = date(2023, 7, 15)


def _expected(task, node):
    """Figures of `node`'s subtree and of each next-level prefix, from plain rows."""
    level = len(node.path) + selectors.LEVEL
    whole: dict[str, int] = dict.fromkeys(selectors.FIGURE_KEYS, 0)
    by_prefix: dict[str, dict[str, int]] = {}
    for a in Assignment.objects.filter(task=task).select_related("organization"):
        if not paths.is_within(a.organization.path, node.path):
            continue
        prefix = a.organization.path[:level]
        row = by_prefix.setdefault(prefix, dict.fromkeys(selectors.FIGURE_KEYS, 0))
        for counts in (whole, row):
            counts["total"] += a.state != AssignmentState.EXEMPT
            counts[a.state] += 1
            if a.state == AssignmentState.DONE:
                counts["on_time"] += a.completed_on <= task.due_on
                counts["sessions"] += a.sessions or 0
                counts["participants"] += a.participants or 0
    return whole, by_prefix


def _figures(row):
    return {k: getattr(row, k) for k in selectors.FIGURE_KEYS}


def test_subtree_completion_matches_row_by_row_counts(tree, users) -> None:
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, rule="cells")
    other = make_task(users.province_officer, source, tree.province, title="Việc khác")
    states = {
        tree.a1: (AssignmentState.DONE, date(2023, 6, 1), 2, 30),
        tree.a2: (AssignmentState.DONE, date(2023, 7, 2), 1, 12),
        tree.b1: (AssignmentState.SUBMITTED, None, None, None),
        tree.c1: (AssignmentState.EXEMPT, None, None, None),
    }
    for org, (state, on, sessions, participants) in states.items():
        Assignment.objects.filter(task=task, organization=org).update(
            state=state,
            completed_on=on,
            sessions=sessions,
            participants=participants,
            exempt_reason="Giải thể" if state == AssignmentState.EXEMPT else "",
        )
    Assignment.objects.filter(task=other).update(
        state=AssignmentState.DONE, completed_on=DUE, sessions=9, participants=99
    )
    assert set(selectors.FIGURE_KEYS) == set(selectors.figure_aggregates(DUE))
    for node in (tree.province, tree.d1, tree.d2, tree.a, tree.b1):
        whole, by_prefix = _expected(task, node)
        progress = selectors.progress_of(task, node, TODAY)
        assert _figures(progress.summary) == whole, node.name
        assert {r.org.path: _figures(r) for r in progress.rows} == by_prefix, node.name
        missing = selectors.missing_units(task, node)
        assert [m.organization_id for m in missing] == [
            a.organization_id
            for a in Assignment.objects.filter(task=task)
            .exclude(state__in=[AssignmentState.DONE, AssignmentState.EXEMPT])
            .select_related("organization")
            .order_by("organization__path")
            if paths.is_within(a.organization.path, node.path)
        ]
    province = selectors.progress_of(task, tree.province, TODAY).summary
    assert (province.done, province.on_time, province.total, province.exempt) == (2, 1, 3, 1)
    assert (province.sessions, province.participants, province.overdue) == (3, 42, 0)


_AGREED = ("total", "done", "on_time", "submitted", "sessions", "overdue")


def test_the_whole_tree_its_subtrees_its_rows_the_overview_and_the_list_agree(tree, users) -> None:
    """Completion comes from one formula (`selectors.completion_by`): the figures of the
    whole tree, the sum of its subtrees, each drill-down row against its own subtree's
    page, the directive's overview and the task list give the same numbers, late ones and
    overdue ones included, with two tasks of different due dates side by side."""
    source = plan_126(users.province_officer)
    task = make_task(users.province_officer, source, tree.province, rule="cells")
    later = make_task(
        users.province_officer, source, tree.province, rule="cells", due=date(2023, 8, 1)
    )
    for t, org, state, on in (
        (task, tree.a1, AssignmentState.DONE, date(2023, 6, 1)),
        (task, tree.a2, AssignmentState.DONE, date(2023, 7, 2)),  # late for `task`
        (task, tree.b1, AssignmentState.SUBMITTED, None),
        (task, tree.c1, AssignmentState.EXEMPT, None),
        (later, tree.a1, AssignmentState.DONE, date(2023, 7, 2)),  # on time for `later`
        (later, tree.c1, AssignmentState.RETURNED, None),
    ):
        Assignment.objects.filter(task=t, organization=org).update(
            state=state,
            completed_on=on,
            sessions=2 if on else None,
            exempt_reason="Giải thể" if state == AssignmentState.EXEMPT else "",
        )

    def figures(row) -> tuple[int, ...]:
        return tuple(getattr(row, k) for k in _AGREED)

    user = users.province_officer
    overview = selectors.directive_overview(user, source, tree.province, TODAY)
    listed = selectors.completion_of_tasks(user, [task, later], TODAY)
    for t in (task, later):
        whole = selectors.progress_of(t, tree.province, TODAY)
        subtrees = [selectors.progress_of(t, d, TODAY).summary for d in (tree.d1, tree.d2)]
        summed = tuple(sum(col) for col in zip(*map(figures, subtrees), strict=True))
        assert figures(whole.summary) == summed
        for row in whole.rows:
            assert figures(row) == figures(selectors.progress_of(t, row.org, TODAY).summary)
        assert figures(overview.completion[t.pk]) == figures(whole.summary)
        assert figures(listed[t.pk]) == figures(whole.summary)
    assert figures(selectors.progress_of(task, tree.province, TODAY).summary) == (3, 2, 1, 1, 4, 0)
    later_now = selectors.progress_of(later, tree.province, date(2023, 8, 2)).summary
    assert figures(later_now) == (4, 1, 1, 0, 2, 3)

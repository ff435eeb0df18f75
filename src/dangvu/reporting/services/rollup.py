"""Roll-up sums kept in step with approvals: approving an entry report adds its values to
the rows of every organization above it on the period's end tree; reopening takes them
away. Approved values cannot change while approved, so the sums stay exact; the tests and
`rollup_rebuild` compare them with the values."""

from __future__ import annotations

from decimal import Decimal

from django.db import connection
from django.db.models import Count, Max, Sum
from django.db.models.functions import Substr

from dangvu.orgs import paths

from .. import rules
from ..models import ReportForm, Rollup, Round, Submission, SubmissionState, Value


def rollup_cells(form: ReportForm) -> list[tuple[int, str]]:
    """(indicator id, part) of the cells summed over the tree."""
    out = []
    for ind in form.indicators.order_by("position"):
        if ind.numerator or ind.tree != rules.TREE_SUM or ind.value_type == rules.TEXT:
            continue
        out.append((ind.pk, ""))
        out.extend((ind.pk, p) for p in ind.parts)
    return out


_ROLLUP = Rollup._meta.db_table
_VALUE = Value._meta.db_table


def rollup_apply(submission: Submission, sign: int) -> None:
    """Add (sign 1) or take away (-1) an entry report's values from its ancestors' sums:
    one UPDATE, whatever the depth and the number of cells."""
    ancestors = paths.ids_of(submission.path)[:-1]
    if not ancestors:
        return
    marks = ", ".join(["%s"] * len(ancestors))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {_ROLLUP} SET total = total + %s * COALESCE((SELECT v.number FROM {_VALUE} v "
            f"WHERE v.submission_id = %s AND v.indicator_id = {_ROLLUP}.indicator_id AND v.part = "
            f"{_ROLLUP}.part), 0), units = units + %s "
            f"WHERE round_id = %s AND organization_id IN ({marks})",
            [sign, submission.pk, sign, submission.round_id, *ancestors],
        )


def rollup_rebuild(round: Round) -> int:
    """Recompute every roll-up row of a round from the approved values, set-based (after a
    bulk load; a check): one grouped query per level of the tree, the ancestor read from
    the prefix of the entry report's path. Returns the number of rows that were wrong."""
    entries = Submission.objects.filter(round=round, kind="entry", state=SubmissionState.APPROVED)
    deepest = entries.aggregate(d=Max("depth"))["d"]
    sums: dict[tuple[int, int, str], Decimal] = {}
    units: dict[int, int] = {}
    width = paths.SEGMENT_WIDTH + 1
    for level in range(deepest or 0):
        prefix = width * (level + 1)
        at_level = entries.filter(depth__gt=level).annotate(anc=Substr("path", 1, prefix))
        for anc, n in at_level.values_list("anc").annotate(n=Count("id")).order_by():
            units[paths.ids_of(anc)[-1]] = n
        rows = (
            Value.objects.filter(submission__in=at_level, number__isnull=False)
            .annotate(anc=Substr("submission__path", 1, prefix))
            .values_list("anc", "indicator_id", "part")
            .annotate(n=Sum("number"))
            .order_by()
        )
        for anc, ind_id, part, n in rows.iterator(chunk_size=20000):
            sums[(paths.ids_of(anc)[-1], ind_id, part)] = n
    wrong = []
    for row in Rollup.objects.filter(round=round).iterator(chunk_size=20000):
        total = sums.get((row.organization_id, row.indicator_id, row.part), Decimal(0))
        n = units.get(row.organization_id, 0)
        if row.total != total or row.units != n:
            row.total, row.units = total, n
            wrong.append(row)
    Rollup.objects.bulk_update(wrong, ["total", "units"], batch_size=5000)
    return len(wrong)


__all__ = ["rollup_apply", "rollup_cells", "rollup_rebuild"]

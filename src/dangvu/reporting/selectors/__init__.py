"""Reads of periodic reporting, each scoped to the acting user.

The consolidation, for the drafting and API areas::

    consolidation(*, actor, round: Round, organization: Organization) -> Consolidation

returns plain frozen dataclasses (no model instances):

- `Consolidation`: `round_id`, `form_code`, `form_title`, `period_key` ("2023-Q1"),
  `period_label` ("quý I năm 2023"), `as_of` (the day stocks are counted), the
  `organization_id` and its `organization_name` as on the period's end,
  `units_approved` / `units_expected`, `last_year_label` ("quý I năm 2022" or None),
  `rows` and `narratives`; `.row("KN01")` finds a row;
- `ConsolidationRow`: `code`, `label`, `section` ("III. Phát triển đảng viên"), `unit`
  ("đảng viên"), `value_type`, `value` (Decimal, str for short text, None when nothing
  is approved yet), `shown` ("1.234", "12,5%", "Có"), `parts` (`Part(code, label,
  value)`: nữ, dân tộc thiểu số, tôn giáo, dưới 30 tuổi), `last_year` (same period last
  year), `change`, `target` (the year's), `year_to_date`, `progress` (percent of the
  target) and `progress_text` ("đạt 35,34% chỉ tiêu năm"), `is_ratio`;
- `Narrative`: `organization_id`, `unit`, `section` (ket_qua, han_che, phuong_huong,
  kien_nghi), `title`, `text` of the reports just below the organization.

Values are the approved reports over the tree as it was on the period's end date; a
ratio is computed from the consolidated numerator and denominator. It raises
`PermissionDenied` when the actor may not see the organization.

Also: `completeness(*, actor, round, organization, today) -> Completeness` (`tally.text`
"71/74 đơn vị đã báo cáo", drill-down rows, the missing units) and
`pivot(*, actor, round, organization) -> Pivot` (units × indicators).
"""

from .completeness import Completeness, CompletenessRow, MissingUnit, Tally, completeness
from .consolidation import (
    Consolidation,
    ConsolidationRow,
    Narrative,
    Part,
    Pivot,
    PivotRow,
    consolidation,
    pivot,
)
from .lists import (
    DueReport,
    EntrySheet,
    awaiting_approval,
    due_reports,
    entry_sheet,
    open_rounds,
    require_round,
    require_submission,
    rounds_reaching,
    rounds_visible,
    yearly_target,
)
from .prefill import prefill

__all__ = [
    "Completeness",
    "CompletenessRow",
    "Consolidation",
    "ConsolidationRow",
    "DueReport",
    "EntrySheet",
    "MissingUnit",
    "Narrative",
    "Part",
    "Pivot",
    "PivotRow",
    "Tally",
    "awaiting_approval",
    "completeness",
    "consolidation",
    "due_reports",
    "entry_sheet",
    "open_rounds",
    "pivot",
    "prefill",
    "require_round",
    "require_submission",
    "rounds_reaching",
    "rounds_visible",
    "yearly_target",
]

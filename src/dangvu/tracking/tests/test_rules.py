from datetime import date

import pytest

from dangvu.tracking import rules

DUE = date(2023, 6, 29)


@pytest.mark.parametrize(
    ("state", "completed", "today", "shown"),
    [
        ("pending", None, date(2023, 6, 1), "not_started"),
        ("pending", None, date(2023, 6, 29), "not_started"),
        ("pending", None, date(2023, 6, 30), "overdue"),
        ("in_progress", None, date(2023, 7, 1), "overdue"),
        ("returned", None, date(2023, 6, 1), "returned"),
        ("returned", None, date(2023, 7, 1), "overdue"),
        ("submitted", None, date(2023, 7, 1), "submitted"),
        ("done", date(2023, 6, 29), date(2023, 12, 1), "done_on_time"),
        ("done", date(2023, 6, 30), date(2023, 12, 1), "done_late"),
        ("exempt", None, date(2023, 12, 1), "exempt"),
    ],
)
def test_shown_status_from_due_completion_and_today(state, completed, today, shown) -> None:
    assert rules.shown_status(state, DUE, completed, today) == shown


@pytest.mark.parametrize(
    ("today", "text"),
    [
        (date(2023, 6, 20), "còn 9 ngày"),
        (date(2023, 6, 28), "hạn ngày mai"),
        (date(2023, 6, 29), "hạn hôm nay"),
        (date(2023, 7, 2), "quá hạn 3 ngày"),
        (date(2027, 4, 16), "quá hạn 1.387 ngày"),
        (date(2020, 1, 1), "còn 1.275 ngày"),
    ],
)
def test_describe_due(today, text) -> None:
    assert rules.describe_due(DUE, today) == text


def test_rounds_must_follow_the_issue_date_and_each_other() -> None:
    issued = date(2023, 4, 4)
    assert rules.check_rounds(issued, [date(2023, 6, 29), date(2023, 12, 10)]) == []
    assert rules.check_rounds(issued, []) == ["Hãy nhập hạn hoàn thành."]
    assert rules.check_rounds(issued, [date(2023, 4, 1)]) == [
        "Hạn lần 1 phải từ ngày giao việc trở đi."
    ]
    assert rules.check_rounds(issued, [date(2023, 12, 10), date(2023, 6, 29)]) == [
        "Hạn lần 2 phải sau hạn lần 1."
    ]


def test_completion_as_committees_write_it() -> None:
    c = rules.Completion(71, 74)
    assert str(c) == "71/74 đơn vị" and c.missing == 3 and c.percent == 96
    assert str(rules.Completion(1234, 55012)) == "1.234/55.012 đơn vị"


@pytest.mark.parametrize(
    ("code", "root_depth", "depth", "kind", "taken"),
    [
        ("direct", 1, 2, "district", True),
        ("direct", 1, 3, "grassroots_committee", False),
        ("grassroots", 1, 3, "grassroots_committee", True),
        ("grassroots", 1, 3, "grassroots_cell", True),
        ("grassroots", 1, 4, "cell", False),
        ("cells", 1, 4, "cell", True),
        ("cells", 1, 3, "grassroots_cell", True),
        ("cells", 1, 1, "cell", False),
        ("listed", 1, 2, "district", False),
    ],
)
def test_unit_rules_as_data(code, root_depth, depth, kind, taken) -> None:
    rule = rules.rule_for(code)
    assert rules.rule_takes(rule, root_depth=root_depth, depth=depth, kind=kind) is taken

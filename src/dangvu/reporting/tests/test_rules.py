"""The pure rules as tables: cells typed the Vietnamese way, validation between cells,
each roll-up over the tree and over time, ratios computed after aggregation."""

from decimal import Decimal as D

import pytest

from dangvu.reporting import catalog, rules
from dangvu.reporting.rules import FormSpec, IndicatorSpec, RuleSpec


@pytest.mark.parametrize(
    ("value_type", "raw", "expected"),
    [
        ("integer", "1.234", D(1234)),
        ("integer", "12", D(12)),
        ("integer", 7, D(7)),
        ("integer", "", None),
        ("integer", None, None),
        ("decimal", "12,5", D("12.5")),
        ("decimal", "1.234,5", D("1234.5")),
        ("decimal", "1.5", D("1.5")),
        ("percent", "35,34%", D("35.34")),
        ("yes_no", "Có", D(1)),
        ("yes_no", "không", D(0)),
        ("yes_no", True, D(1)),
        ("text", "  Tốt ", "Tốt"),
    ],
)
def test_cells_are_read_as_users_type_them(value_type, raw, expected):
    assert rules.parse_cell(value_type, raw) == expected


@pytest.mark.parametrize(
    ("value_type", "raw", "reason"),
    [
        ("integer", "12,5", "phải là số nguyên"),
        ("integer", "-3", "không được âm"),
        ("integer", "mười", "không phải là số"),
        ("percent", "120", "không quá 100%"),
        ("yes_no", "có lẽ", "không phải Có hoặc Không"),
    ],
)
def test_bad_cells_say_why_in_vietnamese(value_type, raw, reason):
    with pytest.raises(rules.CellError, match=reason):
        rules.parse_cell(value_type, raw)


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (1234, None, "1.234"),
        (D("35.3412"), 2, "35,34"),
        (D("1234567.5"), None, "1.234.567,50"),
        (0, None, "0"),
    ],
)
def test_numbers_are_written_the_vietnamese_way(value, places, text):
    assert rules.vn_number(value, places) == text


SPEC = FormSpec(
    code="T",
    version=1,
    title="Biểu thử",
    indicators=(
        IndicatorSpec("A", "Tổng số đảng viên", "I", parts=("nu",), time=rules.TIME_END),
        IndicatorSpec("B", "Đảng viên dự sinh hoạt", "I"),
        IndicatorSpec("C", "Ghi chú", "I", value_type=rules.TEXT, tree=rules.TREE_NONE),
        IndicatorSpec(
            "L", "Ngày đại hội gần nhất", "I", value_type=rules.DECIMAL, tree=rules.TREE_LAST
        ),
        IndicatorSpec(
            "R", "Tỷ lệ dự sinh hoạt", "I", value_type=rules.PERCENT, numerator="B", denominator="A"
        ),
    ),
    rules=(RuleSpec("B", "<=", "A", "đảng viên dự sinh hoạt ≤ tổng số đảng viên"),),
)


def test_the_shipped_forms_are_sound_and_about_forty_indicators():
    assert rules.check_form(catalog.QUARTERLY) == []
    assert rules.check_form(catalog.STUDY) == []
    assert 40 <= len(catalog.QUARTERLY.indicators) <= 50


def test_a_part_above_its_total_names_the_cell_and_the_rule():
    problems = rules.validate(SPEC, {"A": D(10), "A.nu": D(11), "B": D(3)}, complete=False)
    assert [p.cell for p in problems] == ["A.nu"]
    assert problems[0].message.startswith("Ô A “Tổng số đảng viên”, cột “Nữ”: 11")
    assert "nữ ≤ tổng số" in problems[0].message


def test_a_rule_between_indicators_is_checked():
    problems = rules.validate(SPEC, {"A": D(10), "A.nu": D(2), "B": D(12)}, complete=False)
    assert [p.cell for p in problems] == ["B"]
    assert "đảng viên dự sinh hoạt ≤ tổng số đảng viên" in problems[0].message


def test_submitting_needs_every_number_but_a_draft_does_not():
    assert rules.validate(SPEC, {"A": D(10)}, complete=False) == []
    blank = {p.cell for p in rules.validate(SPEC, {"A": D(10)}, complete=True)}
    assert blank == {"A.nu", "B", "L"}


def test_each_roll_up_over_the_tree_and_the_ratio_after_aggregation():
    sheets = [
        {"A": D(10), "A.nu": D(4), "B": D(10), "C": "tốt", "L": D(2021)},
        {"A": D(90), "A.nu": D(30), "B": D(45), "C": "khá", "L": D(2020)},
    ]
    out = rules.roll_up(SPEC, sheets)
    assert out["A"] == D(100) and out["A.nu"] == D(34) and out["B"] == D(55)
    assert out["C"] is None  # not rolled up
    assert out["L"] == D(2020)  # the value reported last
    # 55/100, not the mean of 100% and 50%, nor their sum
    assert out["R"] == D("55.0000")


def test_over_time_flows_add_up_and_stocks_take_the_end():
    assert rules.over_time(rules.TIME_SUM, [D(3), None, D(4)]) == D(7)
    assert rules.over_time(rules.TIME_END, [D(100), D(104), D(103)]) == D(103)
    assert rules.over_time(rules.TIME_SUM, []) is None


def test_progress_against_a_yearly_target():
    assert rules.vn_percent(rules.progress(D(53), D("149.97"))) == "35,34%"
    assert rules.progress(D(5), None) is None
    assert rules.change(D(12), D(15)) == D(-3)


def test_a_form_that_sums_percentages_is_refused():
    bad = FormSpec("X", 1, "x", (IndicatorSpec("P", "Tỷ lệ", "I", value_type=rules.PERCENT),))
    assert rules.check_form(bad) == ["P: tỷ lệ và chữ không cộng được qua các đơn vị."]

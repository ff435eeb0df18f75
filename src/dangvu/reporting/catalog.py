"""The report forms dangvu ships, as data (loaded by migration 0002; an administrator
adds a new version rather than editing one a round has used).

- `TCXD-QUY`: the quarterly organization-building report (báo cáo công tác tổ chức xây
  dựng Đảng quý), the figures of seed 000 and of the 6-month review of seed 004;
- `HOC-TAP`: the result report of a study campaign (seed 003: "71/74 chi, đảng bộ trực
  thuộc tổ chức 108 buổi sinh hoạt").

`prefill` names where dangvu computes a cell from what it holds (see selectors.prefill):
`tree.*` the tree on the period's end, `members.*` the registry's stocks on that day,
`events.*` what happened in the period, `tracking.*` what units reported on their tasks.
"""

from __future__ import annotations

from .rules import (
    DECIMAL,
    NARRATIVES,
    PERCENT,
    TEXT,
    TIME_END,
    TREE_NONE,
    YES_NO,
    FormSpec,
    IndicatorSpec,
    RuleSpec,
)

ALL_PARTS = ("nu", "dtts", "ton_giao", "duoi_30")

I = IndicatorSpec  # noqa: E741 - a table reads better with a short name

S1 = "I. Tổ chức đảng"
S2 = "II. Đảng viên"
S3 = "III. Phát triển đảng viên"
S4 = "IV. Chuyển sinh hoạt đảng"
S5 = "V. Giảm đảng viên"
S6 = "VI. Huy hiệu Đảng"
S7 = "VII. Đánh giá, xếp loại chất lượng"
S8 = "VIII. Kỷ luật, khen thưởng"
S9 = "IX. Sinh hoạt, học tập"
S10 = "X. Một số tỷ lệ (tính sau khi tổng hợp)"

QUARTERLY = FormSpec(
    code="TCXD-QUY",
    version=1,
    title="Báo cáo tình hình, kết quả công tác tổ chức xây dựng Đảng",
    description="Báo cáo định kỳ hằng quý của các tổ chức đảng gửi cấp ủy cấp trên.",
    indicators=(
        I("TC01", "Số tổ chức cơ sở đảng", S1, "tổ chức", time=TIME_END, prefill="tree.grassroots"),
        I(
            "TC02",
            "Trong đó: đảng bộ cơ sở",
            S1,
            "đảng bộ",
            time=TIME_END,
            prefill="tree.grassroots_committees",
        ),
        I(
            "TC03",
            "Trong đó: chi bộ cơ sở",
            S1,
            "chi bộ",
            time=TIME_END,
            prefill="tree.grassroots_cells",
        ),
        I(
            "TC04",
            "Số chi bộ trực thuộc đảng ủy cơ sở",
            S1,
            "chi bộ",
            time=TIME_END,
            prefill="tree.cells",
        ),
        I("TC05", "Số đảng bộ bộ phận", S1, "đảng bộ", time=TIME_END, prefill="tree.partial"),
        I("TC06", "Tổ chức cơ sở đảng thành lập mới trong kỳ", S1, "tổ chức"),
        I("TC07", "Tổ chức cơ sở đảng giải thể, sáp nhập trong kỳ", S1, "tổ chức"),
        I("DV01", "Tổng số đảng viên", S2, time=TIME_END, parts=ALL_PARTS, prefill="members.total"),
        I("DV02", "Đảng viên chính thức", S2, time=TIME_END, prefill="members.official"),
        I("DV03", "Đảng viên dự bị", S2, time=TIME_END, prefill="members.probationary"),
        I(
            "DV04",
            "Đảng viên được miễn công tác và sinh hoạt đảng",
            S2,
            time=TIME_END,
            prefill="members.exempt",
        ),
        I("KN01", "Kết nạp đảng viên mới", S3, parts=ALL_PARTS, prefill="events.admit"),
        I("KN02", "Kết nạp lại", S3, prefill="events.readmit"),
        I("KN03", "Phục hồi đảng tịch", S3, prefill="events.restore"),
        I("KN04", "Quần chúng ưu tú được bồi dưỡng nhận thức về Đảng", S3, "người"),
        I("CN01", "Công nhận đảng viên chính thức", S3, prefill="events.recognize"),
        I("CN02", "Xóa tên khỏi danh sách đảng viên dự bị", S3, prefill="events.probation_failed"),
        I(
            "CS01",
            "Tiếp nhận sinh hoạt đảng chính thức (chuyển đến)",
            S4,
            prefill="events.transfer_in",
        ),
        I("CS02", "Chuyển sinh hoạt đảng chính thức đi", S4, prefill="events.transfer_out"),
        I("CS03", "Tiếp nhận sinh hoạt đảng tạm thời", S4, prefill="events.temp_in"),
        I("CS04", "Chuyển sinh hoạt đảng tạm thời đi", S4, prefill="events.temp_out"),
        I("GD01", "Đảng viên từ trần", S5, prefill="events.death"),
        I("GD02", "Xóa tên", S5, prefill="events.strike_off"),
        I("GD03", "Khai trừ ra khỏi Đảng", S5, prefill="events.expel"),
        I("GD04", "Xin ra khỏi Đảng", S5, prefill="events.leave"),
        I("HH01", "Đảng viên được trao Huy hiệu Đảng", S6, prefill="events.badge"),
        I("HH02", "Trong đó: Huy hiệu 30 năm tuổi Đảng", S6, prefill="events.badge_30"),
        I("HH03", "Trong đó: Huy hiệu 40 năm tuổi Đảng", S6, prefill="events.badge_40"),
        I("HH04", "Trong đó: Huy hiệu 45, 50 năm tuổi Đảng", S6, prefill="events.badge_45_50"),
        I("HH05", "Trong đó: Huy hiệu từ 55 năm tuổi Đảng trở lên", S6, prefill="events.badge_55"),
        I("XL00", "Đảng viên được đánh giá, xếp loại chất lượng", S7, prefill="events.rating"),
        I("XL01", "Hoàn thành xuất sắc nhiệm vụ", S7, prefill="events.rating_xuat_sac"),
        I("XL02", "Hoàn thành tốt nhiệm vụ", S7, prefill="events.rating_tot"),
        I("XL03", "Hoàn thành nhiệm vụ", S7, prefill="events.rating_hoan_thanh"),
        I("XL04", "Không hoàn thành nhiệm vụ", S7, prefill="events.rating_khong_hoan_thanh"),
        I("XL05", "Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ", S7, "tổ chức"),
        I("XL06", "Tổ chức cơ sở đảng không hoàn thành nhiệm vụ", S7, "tổ chức"),
        I("KL01", "Đảng viên bị thi hành kỷ luật", S8, prefill="events.discipline"),
        I("KT01", "Tổ chức đảng, đảng viên được khen thưởng", S8, "lượt"),
        I(
            "SH01",
            "Số buổi học tập, quán triệt, sinh hoạt chuyên đề",
            S9,
            "buổi",
            prefill="tracking.sessions",
        ),
        I("SH02", "Số lượt đảng viên tham dự", S9, "lượt", prefill="tracking.participants"),
        I("SH03", "Đã xây dựng chương trình công tác quý", S9, "", value_type=YES_NO),
        I("SH04", "Ghi chú về sinh hoạt chi bộ", S9, "", value_type=TEXT, tree=TREE_NONE),
        I(
            "TL01",
            "Tỷ lệ đảng viên nữ",
            S10,
            "%",
            value_type=PERCENT,
            numerator="DV01.nu",
            denominator="DV01",
        ),
        I(
            "TL02",
            "Tỷ lệ đảng viên dưới 30 tuổi",
            S10,
            "%",
            value_type=PERCENT,
            numerator="DV01.duoi_30",
            denominator="DV01",
        ),
        I(
            "TL03",
            "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ",
            S10,
            "%",
            value_type=PERCENT,
            numerator="XL01",
            denominator="XL00",
        ),
        I(
            "TL04",
            "Tỷ lệ kết nạp mới so với tổng số đảng viên",
            S10,
            "%",
            value_type=PERCENT,
            numerator="KN01",
            denominator="DV01",
        ),
    ),
    rules=(
        RuleSpec(
            "TC02 + TC03", "=", "TC01", "đảng bộ cơ sở + chi bộ cơ sở = số tổ chức cơ sở đảng"
        ),
        RuleSpec("DV02 + DV03", "=", "DV01", "chính thức + dự bị = tổng số đảng viên"),
        RuleSpec("DV04", "<=", "DV01", "miễn sinh hoạt ≤ tổng số đảng viên"),
        RuleSpec("HH02 + HH03 + HH04 + HH05", "<=", "HH01", "các loại huy hiệu ≤ tổng số"),
        RuleSpec("XL01 + XL02 + XL03 + XL04", "=", "XL00", "các mức xếp loại = số được xếp loại"),
        RuleSpec("XL00", "<=", "DV01", "được xếp loại ≤ tổng số đảng viên"),
        RuleSpec("XL05 + XL06", "<=", "TC01", "tổ chức được xếp loại ≤ số tổ chức cơ sở đảng"),
    ),
    narratives=NARRATIVES,
)

H = "Kết quả học tập, quán triệt"
HR = "Tỷ lệ (tính sau khi tổng hợp)"

STUDY = FormSpec(
    code="HOC-TAP",
    version=1,
    title="Báo cáo kết quả học tập, quán triệt, triển khai đợt sinh hoạt chính trị",
    description="Báo cáo kết quả một đợt học tập, quán triệt nghị quyết, chỉ thị, tác phẩm.",
    indicators=(
        I(
            "HT01",
            "Số chi, đảng bộ trực thuộc",
            H,
            "chi, đảng bộ",
            time=TIME_END,
            prefill="tree.children",
        ),
        I(
            "HT02",
            "Số chi, đảng bộ đã tổ chức học tập, quán triệt",
            H,
            "chi, đảng bộ",
            time=TIME_END,
        ),
        I("HT03", "Số buổi học tập, sinh hoạt đã tổ chức", H, "buổi", prefill="tracking.sessions"),
        I("HT04", "Số buổi do các chi bộ trực thuộc đảng ủy cơ sở tổ chức", H, "buổi"),
        I("HT05", "Số lượt đảng viên tham dự", H, "lượt", prefill="tracking.participants"),
        I("HT06", "Tổng số đảng viên", H, time=TIME_END, prefill="members.total"),
        I("HT07", "Số đảng viên đã tham gia học tập", H, time=TIME_END),
        I("HT08", "Đã ban hành kế hoạch thực hiện", H, "", value_type=YES_NO),
        I(
            "HT09",
            "Số giờ học tập bình quân của một đảng viên",
            H,
            "giờ",
            value_type=DECIMAL,
            tree=TREE_NONE,
        ),
        I(
            "HT10",
            "Tỷ lệ chi, đảng bộ đã tổ chức",
            HR,
            "%",
            value_type=PERCENT,
            numerator="HT02",
            denominator="HT01",
        ),
        I(
            "HT11",
            "Tỷ lệ đảng viên tham gia học tập",
            HR,
            "%",
            value_type=PERCENT,
            numerator="HT07",
            denominator="HT06",
        ),
    ),
    rules=(
        RuleSpec("HT02", "<=", "HT01", "đã tổ chức ≤ số chi, đảng bộ trực thuộc"),
        RuleSpec("HT07", "<=", "HT06", "đảng viên dự học tập ≤ tổng số đảng viên"),
    ),
    narratives=NARRATIVES,
)

FORMS: tuple[FormSpec, ...] = (QUARTERLY, STUDY)

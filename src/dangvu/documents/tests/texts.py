# ruff: noqa: E501 - a paragraph of a document is one line, as Word saves it
"""Texts written for the tests in the style of real committee documents (not copied
from the seeds): a province action program, a commune plan implementing it, a commune
report, and a news item without a header."""

PROGRAM_42 = """TỈNH ỦY YÊN BÁI\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 42-CTr/TU\tYên Bái, ngày 28 tháng 12 năm 2022

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới

Thực hiện Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:

I. MỤC ĐÍCH, YÊU CẦU
Quán triệt sâu sắc, đầy đủ các quan điểm, mục tiêu của Nghị quyết; cụ thể hóa thành các nhiệm vụ, giải pháp phù hợp với tình hình thực tế của tỉnh.

II. CHỈ TIÊU
- Hằng năm kết nạp 1.500 đảng viên mới; 100% thôn, tổ dân phố có chi bộ.
- Các huyện ủy, đảng ủy trực thuộc xây dựng kế hoạch thực hiện, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15/02/2023.

Nơi nhận:
- Ban Tổ chức Trung ương (để báo cáo),
- Các huyện ủy, đảng ủy trực thuộc,
- Lưu Văn phòng Tỉnh ủy.
"""

PLAN_15 = """ĐẢNG BỘ HUYỆN TRẤN YÊN\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ VIỆT THÀNH
*
Số 15-KH/ĐU\tViệt Thành, ngày 10 tháng 01 năm 2023

KẾ HOẠCH
thực hiện Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy

Căn cứ Chương trình hành động số 42-CTr/TU, ngày 28/12/2022 của Tỉnh ủy thực hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XIII, Ban Thường vụ Đảng ủy xã xây dựng kế hoạch thực hiện như sau:

1. Tổ chức quán triệt đến 100% chi bộ trực thuộc trong quý I năm 2023.
2. Phấn đấu kết nạp 15 đảng viên mới trong năm 2023.
3. Các chi bộ báo cáo kết quả về Đảng ủy xã trước ngày 30/6/2023.
"""

REPORT_27 = """ĐẢNG BỘ HUYỆN TRẤN YÊN\tĐẢNG CỘNG SẢN VIỆT NAM
ĐẢNG ỦY XÃ VIỆT THÀNH
*
Số 27-BC/ĐU\tViệt Thành, ngày 20 tháng 6 năm 2023

BÁO CÁO
kết quả thực hiện công tác xây dựng Đảng 6 tháng đầu năm 2023

Thực hiện Kế hoạch số 15-KH/ĐU của Đảng ủy xã, Ban Thường vụ Đảng ủy xã báo cáo kết quả như sau:

1. Kết quả đạt được
Đã kết nạp 9 đảng viên mới; 18/20 chi bộ tổ chức sinh hoạt chuyên đề; áp dụng Nghị định số 33/2023/NĐ-CP về cán bộ, công chức cấp xã.
2. Phương hướng
Hoàn thành báo cáo sơ kết trước ngày 15/12/2023.

T/M BAN THƯỜNG VỤ
BÍ THƯ
Hoàng Văn Sơn
"""

NEWS = """Hội nghị sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023

Chiều 14/7, Ban Tổ chức Huyện ủy Trấn Yên tổ chức hội nghị sơ kết. Hội nghị đánh giá việc thực hiện Chương trình hành động số 42-CTr/TU của Tỉnh ủy và Kế hoạch số 15-KH/ĐU của Đảng ủy xã Việt Thành; toàn huyện đã kết nạp 64 đảng viên mới.
"""

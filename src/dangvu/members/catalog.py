"""Catalogues of the member profile: plain data, no Django.

The 54 ethnic groups as the General Statistics Office lists them, the religions the
state recognizes (the most common; "Khác" for the rest), and the levels of education,
professional training and political theory used by the statistical forms (Biểu số
N-TCTW).
"""

ETHNIC_GROUPS = [
    "Kinh",
    "Tày",
    "Thái",
    "Mường",
    "Khmer",
    "Hoa",
    "Nùng",
    "Mông",
    "Dao",
    "Gia Rai",
    "Ê Đê",
    "Ba Na",
    "Sán Chay",
    "Chăm",
    "Cơ Ho",
    "Xơ Đăng",
    "Sán Dìu",
    "Hrê",
    "Ra Glai",
    "Mnông",
    "Thổ",
    "Xtiêng",
    "Khơ Mú",
    "Bru - Vân Kiều",
    "Cơ Tu",
    "Giáy",
    "Tà Ôi",
    "Mạ",
    "Giẻ Triêng",
    "Co",
    "Chơ Ro",
    "Xinh Mun",
    "Hà Nhì",
    "Chu Ru",
    "Lào",
    "La Chí",
    "Kháng",
    "Phù Lá",
    "La Hủ",
    "La Ha",
    "Pà Thẻn",
    "Lự",
    "Ngái",
    "Chứt",
    "Lô Lô",
    "Mảng",
    "Cơ Lao",
    "Bố Y",
    "Cống",
    "Si La",
    "Pu Péo",
    "Rơ Măm",
    "Brâu",
    "Ơ Đu",
]

RELIGIONS = [
    "Không",
    "Phật giáo",
    "Công giáo",
    "Tin lành",
    "Cao Đài",
    "Phật giáo Hòa Hảo",
    "Hồi giáo",
    "Tịnh độ cư sĩ Phật hội",
    "Bửu Sơn Kỳ Hương",
    "Khác",
]

# (code, label): general education, the highest grade completed.
EDUCATION = [
    ("tieu_hoc", "Tiểu học"),
    ("thcs", "Trung học cơ sở"),
    ("thpt", "Trung học phổ thông"),
]
PROFESSIONAL = [
    ("khong", "Chưa qua đào tạo"),
    ("so_cap", "Sơ cấp"),
    ("trung_cap", "Trung cấp"),
    ("cao_dang", "Cao đẳng"),
    ("dai_hoc", "Đại học"),
    ("thac_si", "Thạc sĩ"),
    ("tien_si", "Tiến sĩ"),
]
THEORY = [
    ("khong", "Chưa qua đào tạo"),
    ("so_cap", "Sơ cấp"),
    ("trung_cap", "Trung cấp"),
    ("cao_cap", "Cao cấp"),
    ("cu_nhan", "Cử nhân"),
]
RATING_LEVELS = [
    ("xuat_sac", "Hoàn thành xuất sắc nhiệm vụ"),
    ("tot", "Hoàn thành tốt nhiệm vụ"),
    ("hoan_thanh", "Hoàn thành nhiệm vụ"),
    ("khong_hoan_thanh", "Không hoàn thành nhiệm vụ"),
]
DISCIPLINE_FORMS = [
    ("khien_trach", "Khiển trách"),
    ("canh_cao", "Cảnh cáo"),
    ("cach_chuc", "Cách chức"),
]

# Other ways offices write the catalogues' values, by their spelling key (`spelling_key`:
# folded, only letters and digits kept, so "Cấp III", "cap 3" and "CẤP-3" are one key). The
# school level as a grade is read by `rules.education_of_grade` ("12/12", "9/10").
EDUCATION_SPELLINGS = {
    "thpt": "thpt",
    "ptth": "thpt",
    "cap3": "thpt",
    "capiii": "thpt",
    "trunghocphothong": "thpt",
    "thcs": "thcs",
    "ptcs": "thcs",
    "cap2": "thcs",
    "capii": "thcs",
    "trunghoccoso": "thcs",
    "th": "tieu_hoc",
    "cap1": "tieu_hoc",
    "capi": "tieu_hoc",
    "tieuhoc": "tieu_hoc",
}
PROFESSIONAL_SPELLINGS = {
    "khong": "khong",
    "chua": "khong",
    "chuaquadaotao": "khong",
    "sc": "so_cap",
    "tc": "trung_cap",
    "tccn": "trung_cap",
    "cd": "cao_dang",
    "dh": "dai_hoc",
    "cunhan": "dai_hoc",
    "kysu": "dai_hoc",
    "bacsi": "dai_hoc",
    "ths": "thac_si",
    "thacsy": "thac_si",
    "ts": "tien_si",
    "tiensy": "tien_si",
}
THEORY_SPELLINGS = {
    "khong": "khong",
    "chua": "khong",
    "chuaquadaotao": "khong",
    "sc": "so_cap",
    "tc": "trung_cap",
    "cc": "cao_cap",
    "cn": "cu_nhan",
    "caocaplyluanchinhtri": "cao_cap",
    "trungcaplyluanchinhtri": "trung_cap",
    "socaplyluanchinhtri": "so_cap",
}
SEX_SPELLINGS = {"nam": "nam", "namgioi": "nam", "nu": "nu", "nugioi": "nu"}
ETHNIC_SPELLINGS = {
    "hmong": "Mông",
    "meo": "Mông",
    "khome": "Khmer",
    "khmer": "Khmer",
    "ede": "Ê Đê",
    "bruvankieu": "Bru - Vân Kiều",
    "vankieu": "Bru - Vân Kiều",
    "jrai": "Gia Rai",
    "giarai": "Gia Rai",
    "xodang": "Xơ Đăng",
    "thai": "Thái",
}
RELIGION_SPELLINGS = {
    "khong": "Không",
    "khongco": "Không",
    "phat": "Phật giáo",
    "daophat": "Phật giáo",
    "thienchua": "Công giáo",
    "thienchuagiao": "Công giáo",
    "congiao": "Công giáo",
    "daotinlanh": "Tin lành",
    "tinlanh": "Tin lành",
    "caodai": "Cao Đài",
    "daocaodai": "Cao Đài",
    "hoahao": "Phật giáo Hòa Hảo",
    "islam": "Hồi giáo",
}

"""Vietnamese names for demo data: plain data and a seeded generator, no Django."""

import random

FAMILY = [
    ("Nguyễn", 31),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 3),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 2),
    ("Lý", 1),
    ("Hà", 1),
    ("Lương", 1),
    ("Đinh", 1),
    ("Triệu", 1),
    ("Lò", 1),
    ("Giàng", 1),
    ("Sùng", 1),
    ("Hoàng Thị", 1),
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân", "Ngọc", "Anh"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Kim"]
GIVEN_MALE = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Mạnh",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thành",
    "Thắng",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
]
GIVEN_FEMALE = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Nga",
    "Ngọc",
    "Nhung",
    "Phương",
    "Quỳnh",
    "Thảo",
    "Thủy",
    "Trang",
    "Vân",
    "Yến",
]
PLACE_SYLLABLES = [
    "An",
    "Bình",
    "Cát",
    "Đông",
    "Đồng",
    "Hòa",
    "Hưng",
    "Hợp",
    "Khánh",
    "Lâm",
    "Long",
    "Minh",
    "Nghĩa",
    "Phú",
    "Phúc",
    "Quang",
    "Sơn",
    "Tân",
    "Thạnh",
    "Thịnh",
    "Thuận",
    "Tiến",
    "Trung",
    "Văn",
    "Việt",
    "Vĩnh",
    "Xuân",
    "Yên",
    "Bảo",
    "Châu",
    "Gia",
    "Hải",
    "Kiên",
    "Lộc",
    "Mỹ",
]


def person_name(rng: random.Random, female: bool) -> str:
    family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    if family.endswith(" Thị"):
        return f"{family} {given}"
    return f"{family} {middle} {given}"


def place_name(rng: random.Random) -> str:
    first, second = rng.sample(PLACE_SYLLABLES, 2)
    return f"{first} {second}"

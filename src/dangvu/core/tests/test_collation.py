"""Vietnamese alphabetical order (core.collation), as a table of the tricky letters."""

from itertools import pairwise

import pytest

from dangvu.core.collation import vi_sort_key


def ordered(*names: str) -> None:
    keys = [vi_sort_key(n) for n in names]
    assert all(a < b for a, b in pairwise(keys)), keys


@pytest.mark.parametrize(
    "names",
    [
        ("an", "ăn", "ân", "bình"),  # a ă â, then b
        ("cuông", "dung", "đông", "em"),  # d before đ, đ before e
        ("en", "ên", "gia"),  # e ê
        ("on", "ôn", "ơn", "phú"),  # o ô ơ
        ("tu", "tư", "uy", "ưu", "vân"),  # u ư
        ("yên bình", "đông cuông")[::-1],  # Đ before Y (bytewise: after)
        ("thôn đồng tâm", "thôn khe sâu"),  # Đồng (đ) before Khe
        ("thành", "tỉnh", "ủy ban", "xã"),  # Ủ among the u, not after y
        ("a", "à", "ả", "ã", "á", "ạ"),  # tones: none, huyền, hỏi, ngã, sắc, nặng
        ("hà nội", "hải dương"),  # the letters decide before the tones: "ha n" < "hai"
        ("an", "an bình", "anh"),  # a word ends before any letter
        ("chi bộ 2", "chi bộ 10")[::-1],  # digits compare as characters (10 < 2)
        ("Đảng bộ xã Đông Cuông", "Đảng bộ xã Hòa Cuông", "Đảng bộ xã Việt Thành"),
    ],
)
def test_vietnamese_order(names: tuple[str, ...]) -> None:
    ordered(*names)


def test_case_and_unicode_forms_do_not_matter() -> None:
    composed = "Đảng ủy"
    decomposed = "\u0110a\u0309ng u\u0309y"
    assert vi_sort_key(composed) == vi_sort_key(decomposed) == vi_sort_key("đảng ỦY")


def test_the_key_is_plain_ascii() -> None:
    assert vi_sort_key("Ưu tiên Đồng Tâm – Ấp 3, xã Tân Phú").isascii()


TRICKY = [
    "Ủy ban kiểm tra",
    "Yên Bình",
    "Đông Cuông",
    "Thôn Khe Sâu",
    "Thôn Đồng Tâm",
    "Ấp Tân Phú",
    "An Bình",
    "Ăn uống",
    "Ưu tiên",
    "Ơn nghĩa",
    "Ô Lâm",
    "Hà Nội",
    "Hải Dương",
    "ha",
    "hạ",
    "há",
    "Dung",
    "Chi bộ 10",
    "Chi bộ 2",
]


@pytest.mark.django_db
def test_the_database_orders_the_keys_as_python_does() -> None:
    """ORDER BY over a column of keys, typed as SortKeyField types it on this database
    (SQLite's default bytewise compare; PostgreSQL's "C" collation), gives the same order
    as sorting in Python: the one dangvu means."""
    from django.db import connection

    from dangvu.core.fields import SortKeyField

    column = SortKeyField()
    column.set_attributes_from_name("k")
    params = column.db_parameters(connection)
    collate = f' COLLATE "{params["collation"]}"' if params.get("collation") else ""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE vi_keys (name text, k {params['type']}{collate})")
        for name in TRICKY:
            cursor.execute("INSERT INTO vi_keys VALUES (%s, %s)", [name, vi_sort_key(name)])
        cursor.execute("SELECT name FROM vi_keys ORDER BY k")
        from_db = [row[0] for row in cursor.fetchall()]
        cursor.execute("DROP TABLE vi_keys")
    expected = sorted(TRICKY, key=vi_sort_key)
    assert from_db == expected
    assert expected.index("Đông Cuông") < expected.index("Yên Bình")
    assert expected.index("Thôn Đồng Tâm") < expected.index("Thôn Khe Sâu")
    assert expected.index("Ủy ban kiểm tra") < expected.index("Yên Bình")
    at = expected.index
    assert at("An Bình") < at("Ăn uống") < at("Ấp Tân Phú") < at("Chi bộ 10") < at("Chi bộ 2")
    assert at("ha") < at("há") < at("hạ") < at("Hà Nội") < at("Hải Dương")
    assert at("Ô Lâm") < at("Ơn nghĩa") and at("Ủy ban kiểm tra") < at("Ưu tiên")

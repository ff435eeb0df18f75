import pytest

from dangvu.orgs import paths, rules


@pytest.mark.parametrize("pk", [0, 1, 35, 36, 1295, 99_999_999])
def test_encoded_ids_round_trip_and_sort_like_numbers(pk: int) -> None:
    path = paths.child_path("", pk)
    assert paths.ids_of(path) == [pk]
    assert paths.encode_id(pk) < paths.encode_id(pk + 1)


def test_subtree_bounds_include_descendants_and_exclude_siblings() -> None:
    root = paths.child_path("", 7)
    child = paths.child_path(root, 8)
    sibling = paths.child_path("", 70)
    low, high = paths.subtree_bounds(root)
    assert low <= child < high
    assert not (low <= sibling < high)
    assert paths.depth_of(child) == 1


def test_rebase_moves_a_path_under_a_new_prefix() -> None:
    old = paths.child_path(paths.child_path("", 1), 2)
    assert paths.rebase(old + "00000a.", old, "000009.") == "000009.00000a."


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (None, "province", True),
        (None, "cell", False),
        ("province", "commune", True),
        ("district", "grassroots_committee", True),
        ("commune", "cell", True),
        ("cell", "group", True),
        ("cell", "cell", False),
        ("grassroots_cell", "cell", False),
        ("grassroots_committee", "province", False),
        ("group", "group", False),
    ],
)
def test_which_kind_may_sit_under_which(parent: str | None, child: str, allowed: bool) -> None:
    assert rules.may_contain(parent, child) is allowed


def test_path_columns_compare_bytewise_whatever_the_database_collation(db) -> None:
    """Subtree ranges need bytewise order; a Vietnamese collation would drop rows."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite compares text bytewise already")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns "
            "WHERE column_name IN ('path', 'org_path') AND table_schema = current_schema()"
        )
        columns = {(t, c): coll for t, c, coll in cursor.fetchall()}
    assert columns[("orgs_orgversion", "path")] == "C"
    assert columns[("orgs_organization", "path")] == "C"
    assert columns[("core_auditentry", "org_path")] == "C"

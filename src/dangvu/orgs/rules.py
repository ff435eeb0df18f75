"""Which kind of organization may sit under which: plain data, no Django.

Levels follow shared/domain.md, section 4: Centre → province → the level above
grassroots (districts and blocs before 1 July 2025; communes, wards and special zones
since; province agencies and the armed forces throughout) → grassroots organizations
→ partial committees → cells → party groups. A child must sit at a deeper level than
its parent; cells and groups hold nothing but groups.
"""

LEVEL: dict[str, int] = {
    "central": 0,
    "province": 1,
    "district": 2,
    "commune": 2,
    "bloc": 2,
    "provincial_agency": 2,
    "armed_forces": 2,
    "grassroots_committee": 3,
    "grassroots_cell": 3,
    "partial_committee": 4,
    "cell": 5,
    "group": 6,
}

HOLDS_ONLY_GROUPS = frozenset({"grassroots_cell", "cell"})
HOLDS_NOTHING = frozenset({"group"})


def may_contain(parent_kind: str | None, child_kind: str) -> bool:
    """Whether an organization of `child_kind` may sit directly under `parent_kind`."""
    if parent_kind is None:
        return child_kind in {"central", "province"}
    if parent_kind in HOLDS_NOTHING:
        return False
    if parent_kind in HOLDS_ONLY_GROUPS:
        return child_kind == "group"
    return LEVEL[child_kind] > LEVEL[parent_kind]

"""The layers hold: `core` imports no area, and an area reaches the flows only from its
views and commands (the flows call the areas, never the other way round)."""

from __future__ import annotations

import ast
from pathlib import Path

import dangvu

ROOT = Path(dangvu.__file__).parent
AREAS = ("accounts", "orgs", "members", "documents", "tracking", "reporting", "drafting")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def _sources(folder: Path) -> list[Path]:
    """The code of a folder; tests and the test helpers (`testing.py`, used by tests
    only) stand above every layer."""
    return [
        p
        for p in folder.rglob("*.py")
        if "tests" not in p.relative_to(ROOT).parts and p.name != "testing.py"
    ]


def test_core_imports_no_area() -> None:
    found = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in _sources(ROOT / "core")
        for name in _imports(path)
        if name.split(".")[:2] in (["dangvu", area] for area in (*AREAS, "flows"))
    }
    assert found == set()


def test_areas_reach_the_flows_only_from_views_and_commands() -> None:
    found = set()
    for area in AREAS:
        for path in _sources(ROOT / area):
            parts = path.relative_to(ROOT).parts
            if path.name == "views.py" or "views" in parts or "management" in parts:
                continue
            found |= {
                f"{path.relative_to(ROOT)}: {name}"
                for name in _imports(path)
                if name == "dangvu.flows" or name.startswith("dangvu.flows.")
            }
    assert found == set()
